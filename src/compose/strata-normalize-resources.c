/* strata-normalize-resources.c: top-level networks, volumes, secrets, configs
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "strata-canonical-private.h"
#include "strata-normalize-private.h"

static void
collect (GHashTable       *used,
         const StrataNode *list,
         const char       *field,
         const char       *only_type)
{
  for (guint i = 0; list && list->kind == STRATA_NODE_SEQUENCE && i < list->children->len; i++)
    {
      StrataNode *item = strata_node_get_child (list, i);
      const char *name = strata_node_lookup_text (item, field);

      if (name && (only_type == NULL || g_strcmp0 (strata_node_lookup_text (item, "type"), only_type) == 0))
        g_hash_table_add (used, (gpointer) name);
    }
}

/* a local volume that binds a host folder: the folder is a path too */
static void
resolve_bind_device (const StrataNormalizeContext *ctx,
                     StrataNode                   *volume)
{
  StrataNode *opts = strata_node_lookup (volume, "driver_opts");

  if (g_strcmp0 (strata_node_lookup_text (volume, "driver"), "local") != 0 ||
      opts == NULL || opts->kind != STRATA_NODE_MAPPING ||
      g_strcmp0 (strata_node_lookup_text (opts, "o"), "bind") != 0)
    return;
  _strata_resolve_text (ctx, strata_node_lookup (opts, "device"));
}

/* Top-level resources no service uses are left out; the others get their
 * `name` (project_key, or the key itself when external). */
static void
normalize_resources (const StrataNormalizeContext *ctx,
                     StrataNode                   *project,
                     const char                   *kind,
                     GHashTable                   *used)
{
  StrataNode *map = strata_node_lookup (project, kind);
  gboolean is_file = g_str_equal (kind, "secrets") || g_str_equal (kind, "configs");

  if (g_str_equal (kind, "networks") && g_hash_table_contains (used, "default") &&
      strata_node_lookup (map, "default") == NULL)
    {
      if (map == NULL)
        strata_node_append (project, map = _strata_derived_mapping (project, "networks"));
      strata_node_append (map, _strata_derived_mapping (map, "default"));
    }
  for (guint i = 0; map && map->kind == STRATA_NODE_MAPPING && i < map->children->len; )
    {
      StrataNode *res = strata_node_get_child (map, i);
      g_autofree char *name = NULL;

      if (!g_hash_table_contains (used, res->key))
        {
          strata_node_remove_child (map, i);
          continue;
        }
      if (strata_node_is_null (res))
        {
          StrataNode *empty = _strata_derived_mapping (res, res->key);
          g_ptr_array_index (map->children, i) = empty;
          strata_node_free (res);
          res = empty;
        }
      if (g_strcmp0 (strata_node_lookup_text (res, "external"), "true") == 0)
        name = g_strdup (res->key);
      else
        name = g_strdup_printf ("%s_%s", ctx->project_name, res->key);
      if (strata_node_lookup (res, "name") == NULL)
        strata_node_insert_child (res, 0, _strata_derived_scalar (res, "name", name, STRATA_VALUE_STRING));
      if (is_file)
        _strata_resolve_text (ctx, strata_node_lookup (res, "file"));
      else if (g_str_equal (kind, "volumes"))
        resolve_bind_device (ctx, res);
      i++;
    }
}

static void
used_resources (StrataNode *services,
                GHashTable *networks,
                GHashTable *volumes,
                GHashTable *secrets,
                GHashTable *configs)
{
  for (guint i = 0; i < strata_node_get_n_children (services); i++)
    {
      StrataNode *service = strata_node_get_child (services, i);
      StrataNode *nets = strata_node_lookup (service, "networks");
      StrataNode *build = strata_node_lookup (service, "build");

      for (guint j = 0; nets && j < strata_node_get_n_children (nets); j++)
        g_hash_table_add (networks, strata_node_get_child (nets, j)->key);
      collect (volumes, strata_node_lookup (service, "volumes"), "source", "volume");
      collect (secrets, strata_node_lookup (service, "secrets"), "source", NULL);
      collect (secrets, build ? strata_node_lookup (build, "secrets") : NULL, "source", NULL);
      collect (configs, strata_node_lookup (service, "configs"), "source", NULL);
    }
}

void
_strata_normalize_resources (const StrataNormalizeContext *ctx,
                             StrataNode                   *project)
{
  g_autoptr(GHashTable) networks = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) volumes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) secrets = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) configs = g_hash_table_new (g_str_hash, g_str_equal);

  used_resources (strata_node_lookup (project, "services"), networks, volumes, secrets, configs);
  normalize_resources (ctx, project, "networks", networks);
  normalize_resources (ctx, project, "volumes", volumes);
  normalize_resources (ctx, project, "secrets", secrets);
  normalize_resources (ctx, project, "configs", configs);
}
