/* strata-up-resources.c: limits, devices and logging of a container
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * compose v2.26.1's getDeployResources, for what a local engine honours:
 * memory, CPU and pids limits (also from deploy.resources.limits),
 * ulimits and devices; the logging driver and its options.
 */

#include "config.h"

#include "strata-up-private.h"

static void
add_logging (JsonBuilder *b,
             JsonObject  *service)
{
  JsonObject *logging = _strata_json_object_member (service, "logging");

  if (logging == NULL)
    return;
  json_builder_set_member_name (b, "LogConfig");
  json_builder_begin_object (b);
  _strata_up_put_string (b, "Type", _strata_json_string (logging, "driver") ?: "");
  _strata_up_put_map (b, "Config", _strata_json_object_member (logging, "options"));
  json_builder_end_object (b);
}

static void
add_ulimits (JsonBuilder *b,
             JsonObject  *service)
{
  JsonObject *ulimits = _strata_json_object_member (service, "ulimits");
  g_autoptr(GList) keys = ulimits ? json_object_get_members (ulimits) : NULL;

  if (ulimits == NULL)
    return;
  json_builder_set_member_name (b, "Ulimits");
  json_builder_begin_array (b);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      JsonObject *u = _strata_json_object_member (ulimits, l->data);
      gint64 single = u ? 0 : _strata_json_int (ulimits, l->data, 0);

      json_builder_begin_object (b);
      _strata_up_put_string (b, "Name", l->data);
      json_builder_set_member_name (b, "Soft");
      json_builder_add_int_value (b, u ? _strata_json_int (u, "soft", _strata_json_int (u, "single", 0)) : single);
      json_builder_set_member_name (b, "Hard");
      json_builder_add_int_value (b, u ? _strata_json_int (u, "hard", _strata_json_int (u, "single", 0)) : single);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_devices (JsonBuilder *b,
             JsonObject  *service)
{
  JsonArray *devices = _strata_json_array (service, "devices");

  if (devices == NULL)
    return;
  json_builder_set_member_name (b, "Devices");
  json_builder_begin_array (b);
  for (guint i = 0; i < json_array_get_length (devices); i++)
    {
      JsonObject *d = json_array_get_object_element (devices, i);

      json_builder_begin_object (b);
      _strata_up_put_string (b, "PathOnHost", _strata_json_string (d, "source"));
      _strata_up_put_string (b, "PathInContainer", _strata_json_string (d, "target"));
      _strata_up_put_string (b, "CgroupPermissions", _strata_json_string (d, "permissions") ?: "rwm");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* compose's getDeployResources, for what a local engine honours. */
void
_strata_up_add_resources (JsonBuilder *b,
                          JsonObject  *s)
{
  JsonObject *limits = _strata_json_object_member (_strata_json_object_member (_strata_json_object_member (s, "deploy"), "resources"), "limits");
  JsonNode *cpus = json_object_has_member (s, "cpus") ? json_object_get_member (s, "cpus") : NULL;

  _strata_up_put_string (b, "CgroupParent", _strata_json_string (s, "cgroup_parent"));
  _strata_up_put_int (b, s, "mem_limit", "Memory");
  _strata_up_put_int (b, limits, "memory", "Memory");
  _strata_up_put_int (b, s, "memswap_limit", "MemorySwap");
  _strata_up_put_int (b, s, "mem_reservation", "MemoryReservation");
  _strata_up_put_int (b, s, "cpu_shares", "CpuShares");
  _strata_up_put_int (b, s, "cpu_period", "CpuPeriod");
  _strata_up_put_int (b, s, "cpu_quota", "CpuQuota");
  _strata_up_put_string (b, "CpusetCpus", _strata_json_string (s, "cpuset"));
  _strata_up_put_int (b, s, "pids_limit", "PidsLimit");
  if (cpus != NULL && JSON_NODE_HOLDS_VALUE (cpus))
    {
      json_builder_set_member_name (b, "NanoCpus");
      json_builder_add_int_value (b, (gint64) (json_node_get_double (cpus) * 1e9));
    }
  add_ulimits (b, s);
  add_devices (b, s);
  add_logging (b, s);
}

