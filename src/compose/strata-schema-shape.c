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

/* docker/go-units RAMInBytes: "1g", "512M", "1.5kb", "10" (1024-based). */
gboolean
_strata_parse_bytes (const char *text,
                     gint64     *bytes)
{
  g_autoptr(GRegex) regex = g_regex_new ("^([0-9]+(?:\\.[0-9]+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *number = NULL;
  g_autofree char *unit = NULL;
  double value;
  const char *units = "kmgtp";

  if (!g_regex_match (regex, text, 0, &match))
    return FALSE;
  number = g_match_info_fetch (match, 1);
  unit = g_match_info_fetch (match, 2);
  value = g_ascii_strtod (number, NULL);
  if (unit != NULL && *unit != '\0')
    value *= pow (1024, strchr (units, g_ascii_tolower (*unit)) - units + 1);
  *bytes = (gint64) value;
  return TRUE;
}

/* Go's time.ParseDuration. */
gboolean
_strata_parse_duration (const char *text,
                        gint64     *nanoseconds)
{
  static const struct { const char *unit; double ns; } units[] = {
    { "ns", 1 }, { "us", 1e3 }, { "µs", 1e3 }, { "μs", 1e3 }, { "ms", 1e6 },
    { "s", 1e9 }, { "m", 60e9 }, { "h", 3600e9 },
  };
  const char *p = text;
  gboolean negative = FALSE;
  double total = 0;

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  if (g_strcmp0 (p, "0") == 0)
    return (*nanoseconds = 0, TRUE);
  if (*p == '\0')
    return FALSE;
  while (*p)
    {
      char *end;
      double value = g_ascii_strtod (p, &end);
      gboolean found = FALSE;

      if (end == p || (*p != '.' && !g_ascii_isdigit (*p)))
        return FALSE;
      p = end;
      for (int i = G_N_ELEMENTS (units) - 1; i >= 0 && !found; i--)
        if (g_str_has_prefix (p, units[i].unit) &&
            !(units[i].unit[0] == 'm' && units[i].unit[1] == '\0' && p[1] == 's'))
          {
            total += value * units[i].ns;
            p += strlen (units[i].unit);
            found = TRUE;
          }
      if (!found)
        return FALSE;
    }
  *nanoseconds = (gint64) llround (negative ? -total : total);
  return TRUE;
}

/* "1.5" for (15, 1): the fraction without trailing zeros. */
static void
append_fraction (GString *out,
                 guint64  value,
                 int      digits)
{
  guint64 scale = 1;
  guint64 whole, frac;
  g_autofree char *frac_text = NULL;

  for (int i = 0; i < digits; i++)
    scale *= 10;
  whole = value / scale;
  frac = value % scale;
  g_string_append_printf (out, "%" G_GUINT64_FORMAT, whole);
  if (frac == 0)
    return;
  frac_text = g_strdup_printf ("%0*" G_GUINT64_FORMAT, digits, frac);
  for (int i = digits - 1; i > 0 && frac_text[i] == '0'; i--)
    frac_text[i] = '\0';
  g_string_append_printf (out, ".%s", frac_text);
}

/* Go's time.Duration.String (): "1m30s", "1h0m0s", "500ms", "0s". */
char *
_strata_format_duration (gint64 nanoseconds)
{
  GString *out = g_string_new (nanoseconds < 0 ? "-" : "");
  guint64 u = nanoseconds < 0 ? (guint64) (-nanoseconds) : (guint64) nanoseconds;
  guint64 secs;

  if (u == 0)
    return (g_string_free (out, TRUE), g_strdup ("0s"));
  if (u < 1000000000)
    {
      if (u < 1000)
        g_string_append_printf (out, "%" G_GUINT64_FORMAT "ns", u);
      else if (u < 1000000)
        (append_fraction (out, u, 3), g_string_append (out, "µs"));
      else
        (append_fraction (out, u, 6), g_string_append (out, "ms"));
      return g_string_free (out, FALSE);
    }
  secs = u / 1000000000;
  if (secs >= 3600)
    g_string_append_printf (out, "%" G_GUINT64_FORMAT "h", secs / 3600);
  if (secs >= 60)
    g_string_append_printf (out, "%" G_GUINT64_FORMAT "m", (secs / 60) % 60);
  append_fraction (out, (secs % 60) * 1000000000 + u % 1000000000, 9);
  g_string_append_c (out, 's');
  return g_string_free (out, FALSE);
}

static void
set_scalar (StrataNode      *node,
            char            *text,
            StrataValueType  type)
{
  g_free (node->text);
  node->text = text;
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
      node->type = STRATA_VALUE_STRING;
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
      if (_strata_parse_bytes (node->text, &i))
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

/* The field of @schema that takes the entry @key, or -1: fields the model
 * does not have (INPUT_ONLY) keep their values as written. */
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
          !(field->flags & STRATA_SCHEMA_FIELD_INPUT_ONLY))
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
  g_autoptr(GPtrArray) rest = node->children;
  g_autofree StrataNode **slots = g_new0 (StrataNode *, schema->n_fields + 1);

  node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) strata_node_free);
  sort_into_fields (rest, schema, slots);
  for (guint f = 0; f < schema->n_fields; f++)
    {
      const StrataSchemaField *field = &schema->fields[f];
      StrataNode *child = slots[f];

      /* fields the model does not have keep their values as written */
      if (field->flags & STRATA_SCHEMA_FIELD_INPUT_ONLY)
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
      else if (child != NULL && (field->flags & STRATA_SCHEMA_FIELD_JSON_EMPTY) &&
               strata_node_get_n_children (child) == 0)
        child->flags |= STRATA_NODE_FLAG_JSON_ONLY;
      else if (child == NULL)
        continue;

      if (child->key == NULL)
        {
          child->key = g_strdup (field->name);
          child->flags |= STRATA_NODE_FLAG_JSON_ONLY;
          child->origin = STRATA_ORIGIN_DERIVED;
        }
      if (field->flags & STRATA_SCHEMA_FIELD_GO_NAME)
        child->flags |= STRATA_NODE_FLAG_GO_NAME;
      g_ptr_array_add (node->children, child);
    }

  /* x-* extensions and anything unknown keep their values as written */
  while (rest->len > 0)
    {
      StrataNode *child = g_ptr_array_steal_index (rest, 0);

      mark_any (child);
      g_ptr_array_add (node->children, child);
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

  if (kind == STRATA_SCHEMA_ANY)
    return (mark_any (node), TRUE);
  if (node->kind == STRATA_NODE_SCALAR)
    return shape_scalar (node, kind);

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
