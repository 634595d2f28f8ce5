/* strata-normalize-env.c: env_file folded into environment, bare variables looked up
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-canonical-private.h"
#include "strata-compose-error.h"
#include "strata-normalize-private.h"

/* The fallback env_file reader: KEY=VALUE lines, '#' comments. */
static gboolean
read_env_file_minimal (const char  *path,
                       GHashTable  *into,
                       GError     **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &text, NULL, error))
    return FALSE;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *eq = strchr (line, '=');

      if (line[0] == '\0' || line[0] == '#' || eq == NULL)
        continue;
      if (g_str_has_prefix (line, "export "))
        line += 7;
      eq = strchr (line, '=');
      g_hash_table_replace (into, g_strstrip (g_strndup (line, eq - line)), g_strdup (eq + 1));
    }
  return TRUE;
}

static gboolean
read_env_files (const StrataNormalizeContext *ctx,
                StrataNode                   *service,
                StrataNode                   *environment,
                GError                      **error)
{
  g_autoptr(StrataNode) files = strata_node_steal (service, "env_file");
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; files && i < strata_node_get_n_children (files); i++)
    {
      StrataNode *entry = strata_node_get_child (files, i);
      const char *path = entry->kind == STRATA_NODE_MAPPING ? strata_node_lookup_text (entry, "path") : entry->text;
      const char *required = entry->kind == STRATA_NODE_MAPPING ? strata_node_lookup_text (entry, "required") : NULL;
      g_autofree char *abs = _strata_resolve_path (ctx, path ? path : "");
      g_autoptr(GError) local = NULL;
      gboolean ok = ctx->read_env_file ? ctx->read_env_file (abs, values, ctx->user_data, &local)
                                       : read_env_file_minimal (abs, values, &local);

      if (!ok && g_strcmp0 (required, "false") != 0)
        {
          return _strata_set_error (error, STRATA_COMPOSE_ERROR_NOT_FOUND, &entry->pos,
                                    _("Create the file, fix the path (relative to the project folder), or "
                                      "mark it `required: false`."),
                                    "env file %s not found: %s", abs, local ? local->message : "");
        }
    }

  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, values);
    while (g_hash_table_iter_next (&iter, &key, &value))
      if (strata_node_lookup (environment, key) == NULL)
        strata_node_append (environment, _strata_derived_scalar (environment, key, value, STRATA_VALUE_STRING));
  }
  return TRUE;
}

gboolean
_strata_normalize_environment (const StrataNormalizeContext *ctx,
                               StrataNode                   *service,
                               GError                      **error)
{
  StrataNode *environment = strata_node_lookup (service, "environment");
  gboolean created = environment == NULL;

  if (created)
    environment = _strata_derived_mapping (service, "environment");
  if (!read_env_files (ctx, service, environment, error))
    return (created ? (strata_node_free (environment), FALSE) : FALSE);

  for (guint i = 0; i < strata_node_get_n_children (environment); i++)
    {
      StrataNode *var = strata_node_get_child (environment, i);
      const char *value;

      if (strata_node_is_null (var) && ctx->lookup_env && (value = ctx->lookup_env (var->key, ctx->user_data)))
        {
          g_free (var->text);
          var->text = g_strdup (value);
          var->type = STRATA_VALUE_STRING;
          var->origin = STRATA_ORIGIN_INTERPOLATED;
        }
    }
  if (created && strata_node_get_n_children (environment) > 0)
    strata_node_append (service, environment);
  else if (created)
    strata_node_free (environment);
  return TRUE;
}
