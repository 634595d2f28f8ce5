/* strata-normalize.c: post-merge normalization as compose 2.26.1 does it
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "strata-canonical-private.h"
#include "strata-compose-error.h"
#include "strata-diagnostic.h"
#include "strata-normalize.h"
#include "strata-normalize-private.h"
#include "strata-validate-private.h"
#include "strata-schema-private.h"

static gboolean
service_is_active (const StrataNormalizeContext *ctx,
                   const StrataNode             *service)
{
  StrataNode *profiles = strata_node_lookup (service, "profiles");

  if (profiles == NULL || strata_node_get_n_children (profiles) == 0)
    return TRUE;
  for (guint i = 0; ctx->profiles && ctx->profiles[i]; i++)
    {
      if (g_str_equal (ctx->profiles[i], "*"))
        return TRUE;
      for (guint j = 0; j < strata_node_get_n_children (profiles); j++)
        if (g_strcmp0 (strata_node_get_child (profiles, j)->text, ctx->profiles[i]) == 0)
          return TRUE;
    }
  return FALSE;
}

/* depends_on entries naming a service that profiles left out */
static void
mark_disabled_dependencies (StrataNode *services,
                            GHashTable *disabled)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, disabled);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    for (guint i = 0; i < strata_node_get_n_children (services); i++)
      {
        StrataNode *deps = strata_node_lookup (strata_node_get_child (services, i), "depends_on");
        StrataNode *dep = strata_node_lookup (deps, ((StrataNode *) key)->key);

        if (dep != NULL)
          dep->flags |= STRATA_NODE_FLAG_DISABLED;
      }
}

static void
set_project_name (StrataNode *project,
                  const char *name)
{
  StrataNode *node = strata_node_new_scalar (&project->pos, name, STRATA_VALUE_STRING);

  node->origin = STRATA_ORIGIN_DERIVED;
  strata_node_remove (project, "name");
  strata_node_set_key (node, "name");
  strata_node_insert_child (project, 0, node);
}

gboolean
strata_normalize_project (StrataNode                   *project,
                          const StrataNormalizeContext *ctx,
                          GPtrArray                    *diagnostics,
                          GError                      **error)
{
  g_autoptr(StrataNode) version = NULL;
  StrataNode *services;
  g_autoptr(GHashTable) disabled = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) strata_node_free, NULL);

  g_return_val_if_fail (project != NULL && project->kind == STRATA_NODE_MAPPING, FALSE);
  g_return_val_if_fail (ctx != NULL && ctx->project_name != NULL && ctx->working_dir != NULL, FALSE);

  if ((version = strata_node_steal (project, "version")) != NULL && diagnostics != NULL)
    g_ptr_array_add (diagnostics,
                     strata_diagnostic_new (STRATA_SEVERITY_WARNING, &version->key_pos,
                                            "remove it to avoid potential confusion",
                                            "the attribute `version` is obsolete, it will be ignored"));
  set_project_name (project, ctx->project_name);
  if (!_strata_validate_values (project, error))
    return FALSE;

  services = strata_node_lookup (project, "services");
  if (services == NULL)
    strata_node_append (project, services = _strata_derived_mapping (project, "services"));
  for (guint i = 0; i < strata_node_get_n_children (services); )
    {
      StrataNode *service = strata_node_get_child (services, i);

      if (!service_is_active (ctx, service))
        {
          g_hash_table_add (disabled, strata_node_steal_child (services, i));
          continue;
        }
      /* a null service is left for strata_validate_project () to report */
      if (service->kind == STRATA_NODE_MAPPING && !_strata_normalize_service (ctx, service, error))
        return FALSE;
      i++;
    }
  mark_disabled_dependencies (services, disabled);

  _strata_normalize_resources (ctx, project);

  _strata_schema_shape (project, STRATA_SCHEMA_STRUCT, 0, _strata_schema_project (),
                        STRATA_SCHEMA_FIELD_KEEP_EMPTY);
  return TRUE;
}
