/* strata-up-host.c: the HostConfig of a container compose would create
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * compose v2.26.1 (pkg/compose/create.go): simple binds go as "src:dst:rw"
 * strings (so that the engine creates a missing host folder), every other
 * volume as a Mount; ports as PortBindings; restart from `restart` or
 * deploy.restart_policy; service:NAME references resolved to the container
 * of that service.
 */

#include "config.h"

#include <string.h>

#include "strata-up-private.h"

/* service:NAME (network_mode, ipc, pid) names the service's container. */
static char *
resolve_mode (const StrataCreateSpec *spec,
              const char             *mode)
{
  const char *id;

  if (mode == NULL || !g_str_has_prefix (mode, "service:"))
    return g_strdup (mode);
  id = spec->service_containers ? g_hash_table_lookup (spec->service_containers, mode + strlen ("service:")) : NULL;

  return g_strdup_printf ("container:%s", id ? id : mode + strlen ("service:"));
}

static void
add_port_bindings (JsonBuilder *b,
                   JsonObject  *service)
{
  JsonArray *ports = _strata_json_array (service, "ports");
  g_autoptr(GHashTable) bindings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; ports != NULL && i < json_array_get_length (ports); i++)
    {
      JsonObject *port = json_array_get_object_element (ports, i);
      char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", _strata_json_int (port, "target", 0),
                                   _strata_json_string (port, "protocol") ?: "tcp");
      GPtrArray *list = g_hash_table_lookup (bindings, key);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (bindings, key, list);
          g_ptr_array_add (order, key);
        }
      else
        g_free (key);
      g_ptr_array_add (list, port);
    }
  json_builder_set_member_name (b, "PortBindings");
  json_builder_begin_object (b);
  for (guint i = 0; i < order->len; i++)
    {
      GPtrArray *list = g_hash_table_lookup (bindings, order->pdata[i]);

      json_builder_set_member_name (b, order->pdata[i]);
      json_builder_begin_array (b);
      for (guint j = 0; j < list->len; j++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "HostIp");
          json_builder_add_string_value (b, _strata_json_string (list->pdata[j], "host_ip") ?: "");
          json_builder_set_member_name (b, "HostPort");
          json_builder_add_string_value (b, _strata_json_string (list->pdata[j], "published") ?: "");
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
}

static const char *
restart_name (const char *condition)
{
  if (g_strcmp0 (condition, "none") == 0 || g_strcmp0 (condition, "no") == 0)
    return "no";
  if (g_strcmp0 (condition, "any") == 0)
    return "always";

  return condition;
}

static void
add_restart_policy (JsonBuilder *b,
                    JsonObject  *service)
{
  JsonObject *policy = _strata_json_object_member (_strata_json_object_member (service, "deploy"), "restart_policy");
  const char *restart = _strata_json_string (service, "restart");
  g_auto(GStrv) parts = restart ? g_strsplit (restart, ":", 2) : NULL;
  const char *name = parts ? parts[0] : NULL;
  gint64 attempts = parts && parts[1] ? g_ascii_strtoll (parts[1], NULL, 10) : 0;

  if (policy != NULL)
    {
      name = _strata_json_string (policy, "condition");
      attempts = _strata_json_int (policy, "max_attempts", 0);
    }
  if (name == NULL)
    return;
  json_builder_set_member_name (b, "RestartPolicy");
  json_builder_begin_object (b);
  _strata_up_put_string (b, "Name", restart_name (name));
  json_builder_set_member_name (b, "MaximumRetryCount");
  json_builder_add_int_value (b, attempts);
  json_builder_end_object (b);
}

/* extra_hosts print as host=ip; the engine takes host:ip. */
static void
add_extra_hosts (JsonBuilder *b,
                 JsonObject  *service)
{
  JsonArray *hosts = _strata_json_array (service, "extra_hosts");

  json_builder_set_member_name (b, "ExtraHosts");
  json_builder_begin_array (b);
  for (guint i = 0; hosts != NULL && i < json_array_get_length (hosts); i++)
    {
      g_autofree char *entry = g_strdup (json_array_get_string_element (hosts, i));
      char *eq = strchr (entry, '=');

      if (eq != NULL)
        *eq = ':';
      json_builder_add_string_value (b, entry);
    }
  json_builder_end_array (b);
}

static void
add_tmpfs (JsonBuilder *b,
           JsonObject  *service)
{
  JsonArray *tmpfs = _strata_json_array (service, "tmpfs");

  if (tmpfs == NULL)
    return;
  json_builder_set_member_name (b, "Tmpfs");
  json_builder_begin_object (b);
  for (guint i = 0; i < json_array_get_length (tmpfs); i++)
    {
      g_auto(GStrv) parts = g_strsplit (json_array_get_string_element (tmpfs, i), ":", 2);

      _strata_up_put_string (b, parts[0], parts[1] ? parts[1] : "");
    }
  json_builder_end_object (b);
}

static void
add_modes (JsonBuilder            *b,
           const StrataCreateSpec *spec)
{
  JsonObject *s = spec->service;
  g_autofree char *ipc = resolve_mode (spec, _strata_json_string (s, "ipc"));
  g_autofree char *pid = resolve_mode (spec, _strata_json_string (s, "pid"));
  g_autofree char *network = resolve_mode (spec, _strata_json_string (s, "network_mode"));
  g_auto(GStrv) networks = _strata_up_networks_by_priority (s);

  _strata_up_put_string (b, "IpcMode", ipc);
  _strata_up_put_string (b, "PidMode", pid);
  _strata_up_put_string (b, "CgroupnsMode", _strata_json_string (s, "cgroup"));
  _strata_up_put_string (b, "UsernsMode", _strata_json_string (s, "userns_mode"));
  _strata_up_put_string (b, "UTSMode", _strata_json_string (s, "uts"));
  _strata_up_put_string (b, "Isolation", _strata_json_string (s, "isolation"));
  _strata_up_put_string (b, "Runtime", _strata_json_string (s, "runtime"));
  _strata_up_put_string (b, "VolumeDriver", _strata_json_string (s, "volume_driver"));
  if (network != NULL)
    _strata_up_put_string (b, "NetworkMode", network);
  else
    _strata_up_put_string (b, "NetworkMode", networks[0] ? _strata_up_resource_name (spec->project, "networks", networks[0])
                                              : "none");
}

/* volumes_from: service names become their container's id. */
static void
add_volumes_from (JsonBuilder            *b,
                  const StrataCreateSpec *spec)
{
  JsonArray *from = _strata_json_array (spec->service, "volumes_from");

  if (from == NULL)
    return;
  json_builder_set_member_name (b, "VolumesFrom");
  json_builder_begin_array (b);
  for (guint i = 0; i < json_array_get_length (from); i++)
    {
      g_auto(GStrv) parts = g_strsplit (json_array_get_string_element (from, i), ":", 3);
      const char *id = NULL;
      g_autofree char *entry = NULL;

      if (g_str_equal (parts[0], "container") && parts[1] != NULL)
        entry = g_strjoinv (":", parts + 1);
      else
        {
          id = spec->service_containers ? g_hash_table_lookup (spec->service_containers, parts[0]) : NULL;
          entry = parts[1] ? g_strdup_printf ("%s:%s", id ? id : parts[0], parts[1]) : g_strdup (id ? id : parts[0]);
        }
      json_builder_add_string_value (b, entry);
    }
  json_builder_end_array (b);
}

static void
add_bool (JsonBuilder *b,
          JsonObject  *s,
          const char  *key,
          const char  *member)
{
  if (!json_object_has_member (s, key))
    return;
  json_builder_set_member_name (b, member);
  json_builder_add_boolean_value (b, _strata_json_bool (s, key));
}

void
_strata_up_add_host_config (JsonBuilder            *b,
                            const StrataCreateSpec *spec)
{
  JsonObject *s = spec->service;

  json_builder_set_member_name (b, "HostConfig");
  json_builder_begin_object (b);
  _strata_up_add_mounts (b, spec);
  _strata_up_put_strings (b, "CapAdd", _strata_json_array (s, "cap_add"));
  _strata_up_put_strings (b, "CapDrop", _strata_json_array (s, "cap_drop"));
  add_modes (b, spec);
  add_bool (b, s, "init", "Init");
  add_bool (b, s, "read_only", "ReadonlyRootfs");
  add_bool (b, s, "privileged", "Privileged");
  add_restart_policy (b, s);
  _strata_up_put_int (b, s, "shm_size", "ShmSize");
  _strata_up_put_int (b, s, "oom_score_adj", "OomScoreAdj");
  _strata_up_put_map (b, "Sysctls", _strata_json_object_member (s, "sysctls"));
  _strata_up_put_map (b, "StorageOpt", _strata_json_object_member (s, "storage_opt"));
  add_port_bindings (b, s);
  _strata_up_add_resources (b, s);
  add_volumes_from (b, spec);
  _strata_up_put_strings (b, "Dns", _strata_json_array (s, "dns"));
  _strata_up_put_strings (b, "DnsSearch", _strata_json_array (s, "dns_search"));
  _strata_up_put_strings (b, "DnsOptions", _strata_json_array (s, "dns_opt"));
  add_extra_hosts (b, s);
  _strata_up_put_strings (b, "SecurityOpt", _strata_json_array (s, "security_opt"));
  _strata_up_put_strings (b, "GroupAdd", _strata_json_array (s, "group_add"));
  add_tmpfs (b, s);
  json_builder_end_object (b);
}
