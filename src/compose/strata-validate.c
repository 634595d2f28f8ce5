/* strata-validate.c: one file's checks, before it merges
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schema (strata-validate-schema.c), then the rules compose-go's
 * validation package adds on top-level resources: an external volume sets
 * nothing but `name`; a secret names one of file|environment, a config one
 * of file|environment|content, unless it is external or has a driver.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-canonical-private.h"
#include "strata-compose-error.h"
#include "strata-validate-private.h"
#include "strata-validate.h"

/* The value of @key in this file, else in what the earlier files merged. */
static const StrataNode *
merged_lookup (const StrataNode *res,
               const StrataNode *acc,
               const char       *key)
{
  const StrataNode *value = strata_node_lookup (res, key);

  if (value == NULL && acc != NULL && acc->kind == STRATA_NODE_MAPPING)
    value = strata_node_lookup (acc, key);
  return value;
}

static gboolean
is_true (const StrataNode *node)
{
  return node != NULL && node->kind == STRATA_NODE_SCALAR && g_ascii_strcasecmp (node->text, "true") == 0;
}

static gboolean
check_external_volume (const StrataNode  *res,
                       const StrataNode  *acc,
                       GError           **error)
{
  if (!is_true (merged_lookup (res, acc, "external")))
    return TRUE;
  for (guint i = 0; i < strata_node_get_n_children (res); i++)
    {
      const StrataNode *child = strata_node_get_child (res, i);
      g_autofree char *hint = NULL;

      if (g_str_equal (child->key, "name") || g_str_equal (child->key, "external") ||
          g_str_has_prefix (child->key, "x-"))
        continue;
      hint = g_strdup_printf (_("An external volume exists already: remove `%s`, or remove `external` "
                                "to let compose create the volume."), child->key);
      return _strata_set_error (error, STRATA_COMPOSE_ERROR_INVALID, _strata_node_place (child), hint,
                                "volumes.%s: conflicting parameters \"external\" and \"%s\" specified",
                                res->key, child->key);
    }
  return TRUE;
}

static gboolean
check_file_object (const StrataNode  *res,
                   const StrataNode  *acc,
                   const char        *kind,
                   GError           **error)
{
  const char *keys[] = { "file", "environment", "content", NULL };
  gboolean secret = g_str_equal (kind, "secrets");
  g_autofree char *names = NULL;
  guint count = 0;

  if (secret)
    keys[2] = NULL;
  names = g_strjoinv ("|", (char **) keys);
  for (guint i = 0; keys[i]; i++)
    count += merged_lookup (res, acc, keys[i]) != NULL;
  if (count > 1)
    return _strata_set_error (error, STRATA_COMPOSE_ERROR_INVALID, _strata_node_place (res),
                              _("Keep only one of them."),
                              "%s.%s: %s attributes are mutually exclusive", kind, res->key, names);
  if (count == 0 && merged_lookup (res, acc, "driver") == NULL && merged_lookup (res, acc, "external") == NULL)
    return _strata_set_error (error, STRATA_COMPOSE_ERROR_INVALID, _strata_node_place (res),
                              secret ? _("Add `file: ./path` or `environment: VARIABLE`, or `external: true` "
                                         "if it exists already.")
                                     : _("Add `file: ./path`, `environment: VARIABLE` or `content: text`, or "
                                         "`external: true` if it exists already."),
                              "%s.%s: one of %s must be set", kind, res->key, names);
  if (secret && strata_node_lookup (res, "content") != NULL)
    return _strata_set_error (error, STRATA_COMPOSE_ERROR_INVALID,
                              _strata_node_place (strata_node_lookup (res, "content")),
                              _("Put the text in a file and use `file:`, or make it a config."),
                              "secrets.%s: content is not allowed for secrets", res->key);
  return TRUE;
}

static gboolean
check_resources (const StrataNode  *root,
                 const StrataNode  *accumulated,
                 const char        *kind,
                 GError           **error)
{
  const StrataNode *map = strata_node_lookup (root, kind);
  const StrataNode *acc_map = accumulated ? strata_node_lookup (accumulated, kind) : NULL;

  for (guint i = 0; map && map->kind == STRATA_NODE_MAPPING && i < map->children->len; i++)
    {
      const StrataNode *res = strata_node_get_child (map, i);
      const StrataNode *acc = acc_map && acc_map->kind == STRATA_NODE_MAPPING ? strata_node_lookup (acc_map, res->key)
                                                                             : NULL;

      if (res->kind != STRATA_NODE_MAPPING)
        continue;
      if (g_str_equal (kind, "volumes") ? !check_external_volume (res, acc, error)
                                        : !check_file_object (res, acc, kind, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
strata_validate_file (const StrataNode  *file_root,
                      const StrataNode  *accumulated,
                      GError           **error)
{
  g_return_val_if_fail (file_root != NULL, FALSE);

  return _strata_validate_schema (file_root, accumulated, error) &&
         check_resources (file_root, accumulated, "volumes", error) &&
         check_resources (file_root, accumulated, "configs", error) &&
         check_resources (file_root, accumulated, "secrets", error);
}

/* Levenshtein distance, for "did you mean". */
static guint
distance (const char *a,
          const char *b)
{
  guint la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (guint j = 0; j <= lb; j++)
    row[j] = j;
  for (guint i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (guint j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint best = MIN (row[j] + 1, row[j - 1] + 1);

          row[j] = MIN (best, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
          diagonal = above;
        }
    }
  return row[lb];
}

const char *
_strata_closest_name (const char               *name,
                      const StrataSchemaStruct *schema)
{
  const char *best = NULL;
  guint best_distance = MAX (2, strlen (name) / 3) + 1;

  for (guint f = 0; f < schema->n_fields; f++)
    {
      guint d;

      if (schema->fields[f].flags & STRATA_SCHEMA_FIELD_OUTPUT_ONLY)
        continue;
      d = distance (name, schema->fields[f].name);
      if (d < best_distance)
        (best = schema->fields[f].name, best_distance = d);
    }
  return best;
}
