/* strata-schema-shape.c: cast, order and prune a tree by compose-go's types
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "strata-emit-private.h"
#include "strata-schema-private.h"

static void
set_scalar (StrataNode      *node,
            char            *text,
            StrataValueType  type)
{
  strata_node_take_text (node, text);
  node->type = type;
}

/* Sets the text to the @length bytes at @text (when it differs) and the type. */
static void
set_scalar_len (StrataNode      *node,
                const char      *text,
                gsize            length,
                StrataValueType  type)
{
  if (node->text == NULL || strncmp (node->text, text, length) != 0 || node->text[length] != '\0')
    strata_node_set_text_len (node, text, length);
  node->type = type;
}

static void
set_int (StrataNode      *node,
         gint64           value,
         StrataValueType  type)
{
  char buf[STRATA_INT_BUF_SIZE];

  set_scalar_len (node, buf, _strata_format_int (value, buf), type);
}

/* g_strcmp0 (text, other) == 0 */
static inline gboolean
text_is (const char *text,
         const char *other)
{
  return text != NULL && strcmp (text, other) == 0;
}

/* strconv.ParseBool */
static gboolean
parse_bool (const char *text,
            gboolean   *value)
{
  switch (text[0])
    {
    case '1': case 't': case 'T':
      *value = TRUE;
      return text[1] == '\0' || strcmp (text, "true") == 0 || strcmp (text, "TRUE") == 0 ||
             strcmp (text, "True") == 0;
    case '0': case 'f': case 'F':
      *value = FALSE;
      return text[1] == '\0' || strcmp (text, "false") == 0 || strcmp (text, "FALSE") == 0 ||
             strcmp (text, "False") == 0;
    default:
      return FALSE;
    }
}

static void
mark_any (StrataNode *node)
{
  if (node->kind == STRATA_NODE_MAPPING)
    node->flags |= STRATA_NODE_FLAG_MAP;
  if (node->children != NULL)
    for (guint i = 0; i < node->children->len; i++)
      mark_any (g_ptr_array_index (node->children, i));
}

static gboolean
shape_scalar (StrataNode       *node,
              StrataSchemaKind  kind)
{
  char buf[STRATA_DURATION_BUF_SIZE];
  gint64 i;
  gboolean b;
  double d;

  if (node->type == STRATA_VALUE_NULL)
    return kind == STRATA_SCHEMA_NULLABLE_STRING;

  switch (kind)
    {
    case STRATA_SCHEMA_STRING:
    case STRATA_SCHEMA_NULLABLE_STRING:
      if (node->type != STRATA_VALUE_STRING)
        set_scalar (node, _strata_go_sprint (node), STRATA_VALUE_STRING);
      return kind == STRATA_SCHEMA_NULLABLE_STRING || node->text[0] != '\0';
    case STRATA_SCHEMA_INT:
    case STRATA_SCHEMA_PINT:
      if (_strata_go_parse_int (node->text, &i))
        set_int (node, i, STRATA_VALUE_INT);
      return kind == STRATA_SCHEMA_PINT || !text_is (node->text, "0");
    case STRATA_SCHEMA_FLOAT:
      d = g_ascii_strtod (node->text, NULL);
      node->type = STRATA_VALUE_FLOAT;
      return d != 0;
    case STRATA_SCHEMA_BOOL:
    case STRATA_SCHEMA_PBOOL:
      if (parse_bool (node->text, &b))
        set_scalar_len (node, b ? "true" : "false", b ? 4 : 5, STRATA_VALUE_BOOL);
      return kind == STRATA_SCHEMA_PBOOL || text_is (node->text, "true");
    case STRATA_SCHEMA_BYTES:
      /* UnitBytes takes an int as is, parses a string, ignores a float */
      if (node->type == STRATA_VALUE_FLOAT)
        return FALSE;
      if ((node->type == STRATA_VALUE_INT && _strata_go_parse_int (node->text, &i)) ||
          _strata_parse_bytes (node->text, &i))
        set_int (node, i, STRATA_VALUE_STRING);
      return !text_is (node->text, "0");
    case STRATA_SCHEMA_DURATION:
      if (_strata_parse_duration (node->text, &i))
        set_scalar_len (node, buf, _strata_format_duration_buf (i, buf), STRATA_VALUE_STRING);
      return !text_is (node->text, "0s");
    case STRATA_SCHEMA_MODE:
      if (node->type == STRATA_VALUE_STRING)
        set_int (node, g_ascii_strtoll (node->text, NULL, 8), STRATA_VALUE_INT);
      return TRUE;
    case STRATA_SCHEMA_STRUCT:
      /* ulimits: a single number */
      if (_strata_go_parse_int (node->text, &i))
        set_int (node, i, STRATA_VALUE_INT);
      return TRUE;
    case STRATA_SCHEMA_LIST:
    case STRATA_SCHEMA_MAP:
    case STRATA_SCHEMA_ANY:
    default:
      return TRUE;
    }
}

/* The value printed for @field, from @child (which it may free), or NULL. */
static StrataNode *
shape_field (StrataNode              *node,
             const StrataSchemaField *field,
             StrataNode              *child)
{
  if (child != NULL && !_strata_schema_shape (child, field->kind, field->elem, field->sub, field->flags))
    g_clear_pointer (&child, strata_node_free);

  if (child == NULL && (field->flags & STRATA_SCHEMA_FIELD_JSON_EMPTY))
    {
      /* a value struct: JSON prints its zero value, `{"command": null}` */
      child = strata_node_new_mapping (&node->pos);
      if (field->sub != NULL)
        _strata_schema_shape (child, STRATA_SCHEMA_STRUCT, 0, field->sub, STRATA_SCHEMA_FIELD_KEEP_EMPTY);
      child->flags |= STRATA_NODE_FLAG_JSON_ONLY;
    }
  else if (child == NULL && (field->flags & STRATA_SCHEMA_FIELD_JSON_NULL))
    child = strata_node_new_scalar (&node->pos, "null", STRATA_VALUE_NULL);
  else if (child == NULL && (field->flags & STRATA_SCHEMA_FIELD_YAML_ZERO))
    {
      child = strata_node_new_scalar (&node->pos, "0", STRATA_VALUE_INT);
      strata_node_set_key (child, field->name);
      child->origin = STRATA_ORIGIN_DERIVED;
      child->flags |= STRATA_NODE_FLAG_YAML_ONLY;
    }
  else if (child != NULL && (field->flags & STRATA_SCHEMA_FIELD_JSON_EMPTY) &&
           strata_node_get_n_children (child) == 0)
    child->flags |= STRATA_NODE_FLAG_JSON_ONLY;
  else if (child == NULL)
    return NULL;

  if (child->key == NULL)
    {
      strata_node_set_key (child, field->name);
      child->flags |= STRATA_NODE_FLAG_JSON_ONLY;
      child->origin = STRATA_ORIGIN_DERIVED;
    }
  if (field->flags & STRATA_SCHEMA_FIELD_GO_NAME)
    child->flags |= STRATA_NODE_FLAG_GO_NAME;
  return child;
}

/* The fields in struct order, then x-* extensions and anything unknown
 * with their values as written; in place, in one walk over the children. */
static void
shape_struct (StrataNode               *node,
              const StrataSchemaStruct *schema)
{
  StrataSchemaMatch match;
  StrataNode *fields[STRATA_SCHEMA_MAX_FIELDS];
  StrataNodeList *children = node->children;
  guint n_rest, n_fields = 0;

  n_rest = _strata_schema_match (schema, node, STRATA_SCHEMA_MATCH_DEFAULTS, &match, (gpointer *) children->pdata);
  for (guint i = 0; i < match.n_fields; i++)
    {
      const StrataSchemaField *field = &schema->fields[match.fields[i]];
      StrataNode *child = match.nodes[match.fields[i]];

      /* fields the model does not have keep their values as written
       * (they stayed with the rest), unless compose drops them */
      if (field->flags & STRATA_SCHEMA_FIELD_DROPPED)
        strata_node_free (child);
      else if ((child = shape_field (node, field, child)) != NULL)
        fields[n_fields++] = child;
    }

  for (guint i = 0; i < n_rest; i++)
    mark_any (g_ptr_array_index (children, i));
  /* the rest (x-* and unknown keys) go after the fields; what was past
   * them was moved into the fields, not dropped */
  strata_node_forget_children (node, n_rest);
  strata_node_insert_many (node, 0, fields, n_fields);
}

gboolean
_strata_schema_shape (StrataNode               *node,
                      StrataSchemaKind          kind,
                      StrataSchemaKind          elem,
                      const StrataSchemaStruct *sub,
                      StrataSchemaFieldFlags    flags)
{
  gboolean keep = (flags & STRATA_SCHEMA_FIELD_KEEP_EMPTY) != 0;
  gint64 zero;

  if (kind == STRATA_SCHEMA_ANY)
    return (mark_any (node), TRUE);

  /* a ulimit written as 0 is the zero struct ({soft: 0, hard: 0}) */
  if (kind == STRATA_SCHEMA_STRUCT && node->kind == STRATA_NODE_SCALAR &&
      sub != NULL && _strata_go_parse_int (node->text, &zero) && zero == 0)
    {
      strata_node_make_collection (node, STRATA_NODE_MAPPING);
      node->type = STRATA_VALUE_STRING;
    }
  /* a *Duration prints 0s */
  if (node->kind == STRATA_NODE_SCALAR)
    return shape_scalar (node, kind) || (keep && kind == STRATA_SCHEMA_DURATION);

  if (kind == STRATA_SCHEMA_STRUCT && node->kind == STRATA_NODE_MAPPING)
    {
      shape_struct (node, sub);
      return keep || strata_node_get_n_children (node) > 0;
    }

  if (node->kind == STRATA_NODE_MAPPING)
    node->flags |= STRATA_NODE_FLAG_MAP;
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      StrataNode *child = g_ptr_array_index (node->children, i);
      StrataSchemaKind child_kind = kind == STRATA_SCHEMA_LIST || kind == STRATA_SCHEMA_MAP ? elem : STRATA_SCHEMA_ANY;

      /* map values keep nulls ("networks: {default: null}"); labels print "" */
      if (child->type == STRATA_VALUE_NULL && child->kind == STRATA_NODE_SCALAR &&
          kind == STRATA_SCHEMA_MAP && child_kind == STRATA_SCHEMA_STRING)
        set_scalar_len (child, "", 0, STRATA_VALUE_STRING);
      /* list items and map values are never left out, only cast */
      if (child->type != STRATA_VALUE_NULL || child->kind != STRATA_NODE_SCALAR)
        _strata_schema_shape (child, child_kind, 0, sub, STRATA_SCHEMA_FIELD_KEEP_EMPTY);
    }
  return keep || strata_node_get_n_children (node) > 0;
}
