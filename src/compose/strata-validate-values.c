/* strata-validate-values.c: the values compose-go fails to decode
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After the merge compose-go decodes the model into its Go types; a
 * duration or byte size that does not parse stops it there:
 *   error decoding 'services[web].healthcheck.interval': time: unknown
 *   unit " parsecs" in duration "10 parsecs"
 * Normalization calls this on the merged tree before it casts anything;
 * only strings are parsed (a YAML int is a byte count as is).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-canonical-private.h"
#include "strata-compose-error.h"
#include "strata-schema-private.h"
#include "strata-validate-private.h"

/* The path of a value, built only for an error: each level points to its
 * parent on the stack. A field is ".name", an item "[key]" or "[index]". */
typedef struct _ValuePath ValuePath;
struct _ValuePath
{
  const ValuePath *parent;
  const char      *name;   /* a field name or a mapping key; NULL for an index */
  guint            index;
  gboolean         item;
};

static gboolean check_value (const StrataNode         *node,
                             StrataSchemaKind          kind,
                             StrataSchemaKind          elem,
                             const StrataSchemaStruct *sub,
                             const ValuePath          *path,
                             GError                  **error);

static void
append_path (GString         *out,
             const ValuePath *path)
{
  if (path == NULL)
    return;
  append_path (out, path->parent);
  if (!path->item)
    {
      if (out->len > 0)
        g_string_append_c (out, '.');
      g_string_append (out, path->name);
    }
  else if (path->name != NULL)
    g_string_append_printf (out, "[%s]", path->name);
  else
    g_string_append_printf (out, "[%u]", path->index);
}

static char *
path_to_string (const ValuePath *path)
{
  GString *out = g_string_new (NULL);

  append_path (out, path);
  return g_string_free (out, FALSE);
}

static gboolean
check_scalar (const StrataNode  *node,
              StrataSchemaKind   kind,
              const ValuePath   *path,
              GError           **error)
{
  g_autofree char *message = NULL;
  g_autofree char *where = NULL;
  gint64 value;

  if (node->type != STRATA_VALUE_STRING)
    return TRUE;
  if (kind == STRATA_SCHEMA_DURATION && !_strata_parse_duration_full (node->text, &value, &message))
    {
      where = path_to_string (path);
      return _strata_set_error (error, STRATA_COMPOSE_ERROR_TYPE, &node->pos,
                                _("Write a duration such as `30s`, `1m30s`, `500ms` or `2h`."),
                                "error decoding '%s': %s", where, message);
    }
  if (kind == STRATA_SCHEMA_BYTES && !_strata_parse_bytes_full (node->text, &value, &message))
    {
      where = path_to_string (path);
      return _strata_set_error (error, STRATA_COMPOSE_ERROR_TYPE, &node->pos,
                                _("Write a size such as `512m`, `1g` or `1048576` (bytes)."),
                                "error decoding '%s': %s", where, message);
    }
  return TRUE;
}

static gboolean
check_struct (const StrataNode         *node,
              const StrataSchemaStruct *schema,
              const ValuePath          *path,
              GError                  **error)
{
  StrataSchemaMatch match;

  /* only durations and byte sizes can fail: one walk over the children
   * for the fields that hold some, then those in order, so that the first
   * error is the first field's */
  if (!_strata_schema_parses (schema))
    return TRUE;
  _strata_schema_match (schema, node, STRATA_SCHEMA_MATCH_PARSED, &match, NULL);
  for (guint i = 0; i < match.n_fields; i++)
    {
      const StrataSchemaField *field = &schema->fields[match.fields[i]];
      ValuePath sub_path = { path, field->name, 0, FALSE };

      if (!check_value (match.nodes[match.fields[i]], field->kind, field->elem, field->sub, &sub_path, error))
        return FALSE;
    }
  return TRUE;
}

/* mapstructure's names: "services[web].volumes[0].tmpfs.size" */
static gboolean
check_items (const StrataNode         *node,
             StrataSchemaKind          elem,
             const StrataSchemaStruct *sub,
             const ValuePath          *path,
             GError                  **error)
{
  if (elem != STRATA_SCHEMA_DURATION && elem != STRATA_SCHEMA_BYTES && (sub == NULL || !_strata_schema_parses (sub)))
    return TRUE;
  for (guint i = 0; i < strata_node_get_n_children (node); i++)
    {
      const StrataNode *child = strata_node_get_child (node, i);
      ValuePath sub_path = { path, NULL, i, TRUE };

      if (node->kind == STRATA_NODE_MAPPING)
        sub_path.name = child->key;
      if (!check_value (child, elem, 0, sub, &sub_path, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_value (const StrataNode         *node,
             StrataSchemaKind          kind,
             StrataSchemaKind          elem,
             const StrataSchemaStruct *sub,
             const ValuePath          *path,
             GError                  **error)
{
  if (node->kind == STRATA_NODE_SCALAR)
    return check_scalar (node, kind, path, error);
  if (kind == STRATA_SCHEMA_STRUCT && sub != NULL && node->kind == STRATA_NODE_MAPPING)
    return check_struct (node, sub, path, error);
  if (kind == STRATA_SCHEMA_LIST || kind == STRATA_SCHEMA_MAP)
    return check_items (node, elem, sub, path, error);
  return TRUE;
}

gboolean
_strata_validate_values (const StrataNode  *project,
                         GError           **error)
{
  g_return_val_if_fail (project != NULL, FALSE);

  if (project->kind != STRATA_NODE_MAPPING)
    return TRUE;
  return check_struct (project, _strata_schema_project (), NULL, error);
}
