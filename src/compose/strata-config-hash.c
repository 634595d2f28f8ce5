/* strata-config-hash.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-config-hash.h"
#include "strata-emit-private.h"

char *
strata_config_hash (const StrataNode *service)
{
  g_autoptr(StrataNode) copy = NULL;
  g_autofree char *json = NULL;
  StrataNode *deploy;

  g_return_val_if_fail (service != NULL && service->kind == STRATA_NODE_MAPPING, NULL);

  copy = strata_node_copy (service);
  strata_node_remove (copy, "build");
  strata_node_remove (copy, "pull_policy");
  strata_node_remove (copy, "scale");
  if ((deploy = strata_node_lookup (copy, "deploy")) != NULL)
    strata_node_remove (deploy, "replicas");

  json = _strata_emit_json_raw (copy, TRUE);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, json, strlen (json));
}
