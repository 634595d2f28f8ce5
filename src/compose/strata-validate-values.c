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

static gboolean check_value (const StrataNode         *node,
                             StrataSchemaKind          kind,
                             StrataSchemaKind          elem,
                             const StrataSchemaStruct *sub,
                             const char               *path,
                             GError                  **error);

static gboolean
check_scalar (const StrataNode  *node,
              StrataSchemaKind   kind,
              const char        *path,
              GError           **error)
{
  g_autofree char *message = NULL;
  gint64 value;

  if (node->type != STRATA_VALUE_STRING)
    return TRUE;
  if (kind == STRATA_SCHEMA_DURATION && !_strata_parse_duration_full (node->text, &value, &message))
    return _strata_set_error (error, STRATA_COMPOSE_ERROR_TYPE, &node->pos,
                              _("Write a duration such as `30s`, `1m30s`, `500ms` or `2h`."),
                              "error decoding '%s': %s", path, message);
  if (kind == STRATA_SCHEMA_BYTES && !_strata_parse_bytes_full (node->text, &value, &message))
    return _strata_set_error (error, STRATA_COMPOSE_ERROR_TYPE, &node->pos,
                              _("Write a size such as `512m`, `1g` or `1048576` (bytes)."),
                              "error decoding '%s': %s", path, message);
  return TRUE;
}

static gboolean
check_struct (const StrataNode         *node,
              const StrataSchemaStruct *schema,
              const char               *path,
              GError                  **error)
{
  for (guint f = 0; f < schema->n_fields; f++)
    {
      const StrataSchemaField *field = &schema->fields[f];
      const StrataNode *child = strata_node_lookup (node, field->name);
      g_autofree char *sub_path = NULL;

      if (child == NULL || (field->flags & STRATA_SCHEMA_FIELD_INPUT_ONLY))
        continue;
      sub_path = path[0] ? g_strdup_printf ("%s.%s", path, field->name) : g_strdup (field->name);
      if (!check_value (child, field->kind, field->elem, field->sub, sub_path, error))
        return FALSE;
    }
  return TRUE;
}

/* mapstructure's names: "services[web].volumes[0].tmpfs.size" */
static gboolean
check_items (const StrataNode         *node,
             StrataSchemaKind          elem,
             const StrataSchemaStruct *sub,
             const char               *path,
             GError                  **error)
{
  for (guint i = 0; i < strata_node_get_n_children (node); i++)
    {
      const StrataNode *child = strata_node_get_child (node, i);
      g_autofree char *sub_path = NULL;

      if (node->kind == STRATA_NODE_MAPPING)
        sub_path = g_strdup_printf ("%s[%s]", path, child->key);
      else
        sub_path = g_strdup_printf ("%s[%u]", path, i);
      if (!check_value (child, elem, 0, sub, sub_path, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_value (const StrataNode         *node,
             StrataSchemaKind          kind,
             StrataSchemaKind          elem,
             const StrataSchemaStruct *sub,
             const char               *path,
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
  return check_struct (project, _strata_schema_project (), "", error);
}
