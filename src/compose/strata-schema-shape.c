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

static gboolean
parse_bool (const char *text,
            gboolean   *value)
{
  const char *yes[] = { "1", "t", "T", "true", "TRUE", "True", NULL };
  const char *no[] = { "0", "f", "F", "false", "FALSE", "False", NULL };

  if (g_strv_contains (yes, text))
    return (*value = TRUE, TRUE);
  if (g_strv_contains (no, text))
    return (*value = FALSE, TRUE);
  return FALSE;
}

static void
mark_any (StrataNode *node)
{
  if (node->kind == STRATA_NODE_MAPPING)
    node->flags |= STRATA_NODE_FLAG_MAP;
  for (guint i = 0; i < strata_node_get_n_children (node); i++)
    mark_any (strata_node_get_child (node, i));
}

static gboolean
shape_scalar (StrataNode       *node,
              StrataSchemaKind  kind)
{
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
        set_scalar (node, g_strdup_printf ("%" G_GINT64_FORMAT, i), STRATA_VALUE_INT);
      return kind == STRATA_SCHEMA_PINT || g_strcmp0 (node->text, "0") != 0;
    case STRATA_SCHEMA_FLOAT:
      d = g_ascii_strtod (node->text, NULL);
      node->type = STRATA_VALUE_FLOAT;
      return d != 0;
    case STRATA_SCHEMA_BOOL:
    case STRATA_SCHEMA_PBOOL:
      if (parse_bool (node->text, &b))
        set_scalar (node, g_strdup (b ? "true" : "false"), STRATA_VALUE_BOOL);
      return kind == STRATA_SCHEMA_PBOOL || g_strcmp0 (node->text, "true") == 0;
    case STRATA_SCHEMA_BYTES:
      /* UnitBytes takes an int as is, parses a string, ignores a float */
      if (node->type == STRATA_VALUE_FLOAT)
        return FALSE;
      if (node->type == STRATA_VALUE_INT && _strata_go_parse_int (node->text, &i))
        set_scalar (node, g_strdup_printf ("%" G_GINT64_FORMAT, i), STRATA_VALUE_STRING);
      else if (_strata_parse_bytes (node->text, &i))
        set_scalar (node, g_strdup_printf ("%" G_GINT64_FORMAT, i), STRATA_VALUE_STRING);
      return g_strcmp0 (node->text, "0") != 0;
    case STRATA_SCHEMA_DURATION:
      if (_strata_parse_duration (node->text, &i))
        set_scalar (node, _strata_format_duration (i), STRATA_VALUE_STRING);
      return g_strcmp0 (node->text, "0s") != 0;
    case STRATA_SCHEMA_MODE:
      if (node->type == STRATA_VALUE_STRING)
        set_scalar (node, g_strdup_printf ("%" G_GINT64_FORMAT, g_ascii_strtoll (node->text, NULL, 8)),
                    STRATA_VALUE_INT);
      return TRUE;
    case STRATA_SCHEMA_STRUCT:
      /* ulimits: a single number */
      if (_strata_go_parse_int (node->text, &i))
        set_scalar (node, g_strdup_printf ("%" G_GINT64_FORMAT, i), STRATA_VALUE_INT);
      return TRUE;
    case STRATA_SCHEMA_LIST:
    case STRATA_SCHEMA_MAP:
    case STRATA_SCHEMA_ANY:
    default:
      return TRUE;
    }
}

/* The field of @schema that takes the entry @key (a DROPPED field takes it
 * to drop it), or -1: fields the model does not have (INPUT_ONLY) keep
 * their values as written. */
static gint
field_for_key (const StrataSchemaStruct *schema,
               const char               *key)
{
  if (key == NULL)
    return -1;
  for (guint f = 0; f < schema->n_fields; f++)
    {
      const StrataSchemaField *field = &schema->fields[f];

      if (field->name[0] == key[0] && strcmp (field->name, key) == 0 &&
          (!(field->flags & STRATA_SCHEMA_FIELD_INPUT_ONLY) || (field->flags & STRATA_SCHEMA_FIELD_DROPPED)))
        return f;
    }
  return -1;
}

/* Takes each entry of @rest that is a field of @schema into @slots (the
 * first entry of a key wins); the others stay in @rest, in order. */
static void
sort_into_fields (GPtrArray                *rest,
                  const StrataSchemaStruct *schema,
                  StrataNode              **slots)
{
  guint kept = 0;

  for (guint i = 0; i < rest->len; i++)
    {
      StrataNode *child = g_ptr_array_index (rest, i);
      gint f = field_for_key (schema, child->key);

      if (f >= 0 && slots[f] == NULL)
        slots[f] = child;
      else
        g_ptr_array_index (rest, kept++) = child;
    }
  g_ptr_array_set_free_func (rest, NULL);
  g_ptr_array_set_size (rest, kept);
  g_ptr_array_set_free_func (rest, (GDestroyNotify) strata_node_free);
}

static void
shape_struct (StrataNode               *node,
              const StrataSchemaStruct *schema)
{
  g_autoptr(GPtrArray) rest = strata_node_steal_children (node);
  g_autofree StrataNode **slots = g_new0 (StrataNode *, schema->n_fields + 1);

  g_ptr_array_set_free_func (rest, (GDestroyNotify) strata_node_free);
  sort_into_fields (rest, schema, slots);
  for (guint f = 0; f < schema->n_fields; f++)
    {
      const StrataSchemaField *field = &schema->fields[f];
      StrataNode *child = slots[f];

      /* fields the model does not have keep their values as written
       * (they stayed in @rest), unless compose drops them */
      if (field->flags & STRATA_SCHEMA_FIELD_DROPPED)
        g_clear_pointer (&child, strata_node_free);
      if (field->flags & (STRATA_SCHEMA_FIELD_INPUT_ONLY | STRATA_SCHEMA_FIELD_DROPPED))
        continue;

      if (child != NULL && !_strata_schema_shape (child, field->kind, field->elem, field->sub, field->flags))
        g_clear_pointer (&child, strata_node_free);

      if (child == NULL && (field->flags & STRATA_SCHEMA_FIELD_JSON_EMPTY))
        {
          /* a value struct: JSON prints its zero value, `{"command": null}` */
          child = strata_node_new_mapping (&node->pos);
          if (field->sub != NULL)
            shape_struct (child, field->sub);
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
        continue;

      if (child->key == NULL)
        {
          strata_node_set_key (child, field->name);
          child->flags |= STRATA_NODE_FLAG_JSON_ONLY;
          child->origin = STRATA_ORIGIN_DERIVED;
        }
      if (field->flags & STRATA_SCHEMA_FIELD_GO_NAME)
        child->flags |= STRATA_NODE_FLAG_GO_NAME;
      strata_node_append (node, child);
    }

  /* x-* extensions and anything unknown keep their values as written */
  while (rest->len > 0)
    {
      StrataNode *child = g_ptr_array_steal_index (rest, 0);

      mark_any (child);
      strata_node_append (node, child);
    }
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
  for (guint i = 0; i < strata_node_get_n_children (node); )
    {
      StrataNode *child = strata_node_get_child (node, i);
      StrataSchemaKind child_kind = kind == STRATA_SCHEMA_LIST || kind == STRATA_SCHEMA_MAP ? elem : STRATA_SCHEMA_ANY;
      gboolean kept;

      /* map values keep nulls ("networks: {default: null}"); labels print "" */
      if (child->type == STRATA_VALUE_NULL && child->kind == STRATA_NODE_SCALAR &&
          kind == STRATA_SCHEMA_MAP && child_kind == STRATA_SCHEMA_STRING)
        set_scalar (child, g_strdup (""), STRATA_VALUE_STRING);
      if (child->type == STRATA_VALUE_NULL && child->kind == STRATA_NODE_SCALAR)
        kept = TRUE;
      else
        {
          kept = _strata_schema_shape (child, child_kind, 0, sub, STRATA_SCHEMA_FIELD_KEEP_EMPTY);
          /* list items and map values are never left out, only cast */
          kept = TRUE;
        }
      if (kept)
        i++;
    }
  return keep || strata_node_get_n_children (node) > 0;
}
