/* strata-staleness.c: is a container up to date with the files?
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compose recreates a container when its com.docker.compose.config-hash
 * label differs from the hash of its service as the files say now
 * (pkg/compose/convergence.go mustRecreate); the same comparison tells the
 * user which containers run an outdated configuration.
 */

#include "config.h"

#include "strata-config-hash.h"
#include "strata-staleness.h"

static GHashTable *
service_hashes (StrataProject *project)
{
  static GQuark quark;
  GHashTable *hashes;
  const StrataNode *services;

  if (quark == 0)
    quark = g_quark_from_static_string ("strata-service-hashes");
  if ((hashes = g_object_get_qdata (G_OBJECT (project), quark)) != NULL)
    return hashes;

  hashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  services = strata_node_lookup (strata_project_get_normalized (project), "services");
  for (guint i = 0; services != NULL && i < strata_node_get_n_children (services); i++)
    {
      const StrataNode *service = strata_node_get_child (services, i);

      if (service->kind == STRATA_NODE_MAPPING)
        g_hash_table_insert (hashes, g_strdup (service->key), strata_config_hash (service));
    }
  g_object_set_qdata_full (G_OBJECT (project), quark, hashes, (GDestroyNotify) g_hash_table_unref);

  return hashes;
}

const char *
strata_project_get_service_hash (StrataProject *project,
                                 const char    *service)
{
  g_return_val_if_fail (STRATA_IS_PROJECT (project), NULL);

  if (service == NULL)
    return NULL;

  return g_hash_table_lookup (service_hashes (project), service);
}

StrataStaleness
strata_staleness_check (StrataProject *project,
                        const char    *service,
                        const char    *config_hash)
{
  const char *expected;

  if (project == NULL)
    return STRATA_STALENESS_UNKNOWN;
  if ((expected = strata_project_get_service_hash (project, service)) == NULL)
    return STRATA_STALENESS_ORPHANED;

  return g_strcmp0 (expected, config_hash) == 0 ? STRATA_STALENESS_UP_TO_DATE
                                                : STRATA_STALENESS_CHANGED;
}

StrataStaleness
strata_container_get_staleness (StrataContainer *container,
                                StrataProject   *project)
{
  g_return_val_if_fail (STRATA_IS_CONTAINER (container), STRATA_STALENESS_UNKNOWN);

  return strata_staleness_check (project, strata_container_get_service (container),
                                 strata_container_get_config_hash (container));
}

const char *
strata_staleness_to_string (StrataStaleness staleness)
{
  switch (staleness)
    {
    case STRATA_STALENESS_UP_TO_DATE:
      return "up to date";
    case STRATA_STALENESS_CHANGED:
      return "changed since started";
    case STRATA_STALENESS_ORPHANED:
      return "orphaned";
    case STRATA_STALENESS_UNKNOWN:
    default:
      return NULL;
    }
}
