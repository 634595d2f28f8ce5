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

/* Adds the entries of the env_file at @path to @into, later files winning. */
static gboolean
read_env_file (const StrataNormalizeContext *ctx,
               const char                   *path,
               StrataEnvironment            *into,
               GError                      **error)
{
  g_autoptr(StrataLayer) layer = strata_layer_new_from_file (path, STRATA_LAYER_ROLE_ENV_FILE, error);
  g_autoptr(StrataEnvironment) parsed = NULL;
  g_auto(GStrv) names = NULL;

  if (layer == NULL)
    return FALSE;
  parsed = strata_environment_parse_dotenv (layer, ctx->environment, NULL, error);
  if (parsed == NULL)
    return FALSE;
  names = strata_environment_dup_names (parsed);
  for (guint i = 0; names[i] != NULL; i++)
    strata_environment_set (into, names[i], strata_environment_lookup (parsed, names[i], NULL), NULL);
  return TRUE;
}

static gboolean
read_env_files (const StrataNormalizeContext *ctx,
                StrataNode                   *service,
                StrataNode                   *environment,
                GError                      **error)
{
  g_autoptr(StrataNode) files = strata_node_steal (service, "env_file");
  g_autoptr(StrataEnvironment) values = strata_environment_new ();

  for (guint i = 0; files && i < strata_node_get_n_children (files); i++)
    {
      StrataNode *entry = strata_node_get_child (files, i);
      const char *path = entry->kind == STRATA_NODE_MAPPING ? strata_node_lookup_text (entry, "path") : entry->text;
      const char *required = entry->kind == STRATA_NODE_MAPPING ? strata_node_lookup_text (entry, "required") : NULL;
      g_autofree char *abs = _strata_resolve_path (ctx, path ? path : "");
      g_autoptr(GError) local = NULL;
      gboolean ok = read_env_file (ctx, abs, values, &local);

      if (!ok && g_error_matches (local, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_NOT_FOUND) &&
          g_strcmp0 (required, "false") == 0)
        continue;
      if (!ok && !g_error_matches (local, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (!ok)
        {
          return _strata_set_error (error, STRATA_COMPOSE_ERROR_NOT_FOUND, &entry->pos,
                                    _("Create the file, fix the path (relative to the project folder), or "
                                      "mark it `required: false`."),
                                    "env file %s not found: %s", abs, local ? local->message : "");
        }
    }

  {
    g_auto(GStrv) names = strata_environment_dup_names (values);

    for (guint i = 0; names[i] != NULL; i++)
      if (strata_node_lookup (environment, names[i]) == NULL)
        strata_node_append (environment,
                            _strata_derived_scalar (environment, names[i],
                                                    strata_environment_lookup (values, names[i], NULL),
                                                    STRATA_VALUE_STRING));
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
  if (strata_node_lookup (service, "env_file") != NULL && !read_env_files (ctx, service, environment, error))
    return (created ? (strata_node_free (environment), FALSE) : FALSE);

  for (guint i = 0; i < strata_node_get_n_children (environment); i++)
    {
      StrataNode *var = strata_node_get_child (environment, i);
      StrataPosition defined = { 0 };
      const char *value;

      if (strata_node_is_null (var) && ctx->environment &&
          (value = strata_environment_lookup (ctx->environment, var->key, &defined)))
        {
          if (defined.line > 0)
            strata_node_add_interpolated (var, &defined);
          strata_node_set_text (var, value);
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
