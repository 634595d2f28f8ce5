/* strata-schema.c: the field tables of compose-go v2.0.x (compose 2.26.1)
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Field orders as `docker compose config` 2.26.1 prints them; checked
 * against tests/unit/data/config/ (regen.sh). Struct fields that the CLI
 * never prints (json:"-", yaml:"-") are not listed.
 */

#include "config.h"

#include "strata-schema-private.h"

#define K(kind) STRATA_SCHEMA_##kind
#define FIELD(n, kind)          { n, K (kind), 0, NULL, 0 }
#define FIELD_F(n, kind, fl)    { n, K (kind), 0, NULL, fl }
#define STRUCT(n, s, fl)        { n, K (STRUCT), 0, &s, fl }
#define LIST(n, e)              { n, K (LIST), K (e), NULL, 0 }
#define LIST_OF(n, s)           { n, K (LIST), K (STRUCT), &s, 0 }
#define MAP(n, e)               { n, K (MAP), K (e), NULL, 0 }
#define MAP_OF(n, s)            { n, K (MAP), K (STRUCT), &s, 0 }
#define DEFINE_STRUCT(var, ...) \
  static const StrataSchemaField var##_fields[] = { __VA_ARGS__ }; \
  static const StrataSchemaStruct var = { #var, var##_fields, G_N_ELEMENTS (var##_fields) }

#define KEEP STRATA_SCHEMA_FIELD_KEEP_EMPTY
#define JSON_EMPTY STRATA_SCHEMA_FIELD_JSON_EMPTY
#define JSON_NULL STRATA_SCHEMA_FIELD_JSON_NULL

DEFINE_STRUCT (ulimit, FIELD ("soft", INT), FIELD ("hard", INT));
DEFINE_STRUCT (file_ref, FIELD ("source", STRING), FIELD ("target", STRING), FIELD ("uid", STRING),
               FIELD ("gid", STRING), FIELD ("mode", MODE));
DEFINE_STRUCT (build,
               FIELD ("context", STRING), FIELD ("dockerfile", STRING), FIELD ("dockerfile_inline", STRING),
               MAP ("args", NULLABLE_STRING), LIST ("ssh", STRING), MAP ("labels", STRING),
               LIST ("cache_from", STRING), LIST ("cache_to", STRING), FIELD ("no_cache", BOOL),
               MAP ("additional_contexts", STRING), FIELD ("pull", BOOL), LIST ("extra_hosts", STRING),
               FIELD ("isolation", STRING), FIELD ("network", STRING), FIELD ("target", STRING),
               LIST_OF ("secrets", file_ref), FIELD ("shm_size", BYTES), LIST ("tags", STRING),
               MAP_OF ("ulimits", ulimit), LIST ("platforms", STRING), FIELD ("privileged", BOOL));
DEFINE_STRUCT (watch, FIELD ("path", STRING), FIELD ("action", STRING), FIELD ("target", STRING),
               LIST ("ignore", STRING));
DEFINE_STRUCT (develop, LIST_OF ("watch", watch));
DEFINE_STRUCT (weight_device, FIELD ("path", STRING), FIELD ("weight", INT));
DEFINE_STRUCT (throttle_device, FIELD ("path", STRING), FIELD ("rate", BYTES));
DEFINE_STRUCT (blkio, FIELD ("weight", INT), LIST_OF ("weight_device", weight_device),
               LIST_OF ("device_read_bps", throttle_device), LIST_OF ("device_read_iops", throttle_device),
               LIST_OF ("device_write_bps", throttle_device), LIST_OF ("device_write_iops", throttle_device));
DEFINE_STRUCT (credential_spec, FIELD ("config", STRING), FIELD ("file", STRING), FIELD ("registry", STRING));
DEFINE_STRUCT (dependency, FIELD ("condition", STRING), FIELD ("restart", BOOL), FIELD ("required", PBOOL));
DEFINE_STRUCT (update_config, FIELD ("parallelism", PINT), FIELD ("delay", DURATION),
               FIELD ("failure_action", STRING), FIELD ("monitor", DURATION),
               FIELD ("max_failure_ratio", FLOAT), FIELD ("order", STRING));
DEFINE_STRUCT (device_request, LIST ("capabilities", STRING), FIELD ("driver", STRING),
               FIELD ("count", INT), LIST ("device_ids", STRING), MAP ("options", STRING));
DEFINE_STRUCT (discrete_resource, FIELD ("kind", STRING), FIELD ("value", INT));
DEFINE_STRUCT (generic_resource, STRUCT ("discrete_resource_spec", discrete_resource, KEEP));
DEFINE_STRUCT (resource, FIELD ("cpus", FLOAT), FIELD ("memory", BYTES), FIELD ("pids", INT),
               LIST_OF ("devices", device_request), LIST_OF ("generic_resources", generic_resource));
DEFINE_STRUCT (resources, STRUCT ("limits", resource, KEEP), STRUCT ("reservations", resource, KEEP));
DEFINE_STRUCT (restart_policy, FIELD ("condition", STRING), FIELD ("delay", DURATION),
               FIELD ("max_attempts", PINT), FIELD ("window", DURATION));
DEFINE_STRUCT (preference, FIELD ("spread", STRING));
DEFINE_STRUCT (placement, LIST ("constraints", STRING), LIST_OF ("preferences", preference),
               FIELD ("max_replicas_per_node", INT));
DEFINE_STRUCT (deploy, FIELD ("mode", STRING), FIELD ("replicas", PINT), MAP ("labels", STRING),
               STRUCT ("update_config", update_config, KEEP), STRUCT ("rollback_config", update_config, KEEP),
               STRUCT ("resources", resources, JSON_EMPTY),
               STRUCT ("restart_policy", restart_policy, KEEP), STRUCT ("placement", placement, JSON_EMPTY),
               FIELD ("endpoint_mode", STRING));
DEFINE_STRUCT (device, FIELD ("source", STRING), FIELD ("target", STRING), FIELD ("permissions", STRING));
DEFINE_STRUCT (extends, FIELD ("file", STRING), FIELD ("service", STRING));
DEFINE_STRUCT (healthcheck, LIST ("test", STRING), FIELD ("timeout", DURATION), FIELD ("interval", DURATION),
               FIELD ("retries", PINT), FIELD ("start_period", DURATION), FIELD ("start_interval", DURATION),
               FIELD ("disable", BOOL));
DEFINE_STRUCT (logging, FIELD ("driver", STRING), MAP ("options", STRING));
DEFINE_STRUCT (service_network, FIELD ("priority", INT), LIST ("aliases", STRING),
               FIELD ("ipv4_address", STRING), FIELD ("ipv6_address", STRING),
               LIST ("link_local_ips", STRING), FIELD ("mac_address", STRING), MAP ("driver_opts", STRING));
DEFINE_STRUCT (port, FIELD ("name", STRING), FIELD ("mode", STRING), FIELD ("host_ip", STRING),
               FIELD ("target", INT), FIELD ("published", STRING), FIELD ("protocol", STRING),
               FIELD ("app_protocol", STRING));
DEFINE_STRUCT (volume_bind, FIELD ("selinux", STRING), FIELD ("propagation", STRING),
               FIELD ("create_host_path", BOOL));
DEFINE_STRUCT (volume_volume, FIELD ("nocopy", BOOL), FIELD ("subpath", STRING));
DEFINE_STRUCT (volume_tmpfs, FIELD ("size", BYTES), FIELD ("mode", INT));
DEFINE_STRUCT (service_volume, FIELD ("type", STRING), FIELD ("source", STRING), FIELD ("target", STRING),
               FIELD ("read_only", BOOL), FIELD ("consistency", STRING),
               STRUCT ("bind", volume_bind, KEEP), STRUCT ("volume", volume_volume, KEEP),
               STRUCT ("tmpfs", volume_tmpfs, KEEP));

DEFINE_STRUCT (service,
               LIST ("profiles", STRING), MAP ("annotations", STRING), FIELD ("attach", PBOOL),
               STRUCT ("build", build, KEEP), STRUCT ("develop", develop, KEEP),
               STRUCT ("blkio_config", blkio, KEEP), LIST ("cap_add", STRING), LIST ("cap_drop", STRING),
               FIELD ("cgroup_parent", STRING), FIELD ("cgroup", STRING), FIELD ("cpu_count", INT),
               FIELD ("cpu_percent", FLOAT), FIELD ("cpu_period", INT), FIELD ("cpu_quota", INT),
               FIELD ("cpu_rt_period", INT), FIELD ("cpu_rt_runtime", INT), FIELD ("cpus", FLOAT),
               FIELD ("cpuset", STRING), FIELD ("cpu_shares", INT),
               { "command", K (LIST), K (STRING), NULL, KEEP | JSON_NULL },
               LIST_OF ("configs", file_ref), FIELD ("container_name", STRING),
               STRUCT ("credential_spec", credential_spec, KEEP), MAP_OF ("depends_on", dependency),
               STRUCT ("deploy", deploy, KEEP), LIST ("device_cgroup_rules", STRING),
               LIST_OF ("devices", device), LIST ("dns", STRING), LIST ("dns_opt", STRING),
               LIST ("dns_search", STRING), FIELD ("dockerfile", STRING), FIELD ("domainname", STRING),
               { "entrypoint", K (LIST), K (STRING), NULL, KEEP | JSON_NULL },
               MAP ("environment", NULLABLE_STRING), LIST ("env_file", ANY), LIST ("expose", STRING),
               STRUCT ("extends", extends, KEEP), LIST ("external_links", STRING),
               LIST ("extra_hosts", STRING), LIST ("group_add", STRING), FIELD ("hostname", STRING),
               STRUCT ("healthcheck", healthcheck, KEEP), FIELD ("image", STRING), FIELD ("init", PBOOL),
               FIELD ("ipc", STRING), FIELD ("isolation", STRING), MAP ("labels", STRING),
               LIST ("links", STRING), STRUCT ("logging", logging, KEEP), FIELD ("log_driver", STRING),
               MAP ("log_opt", STRING), FIELD ("mem_limit", BYTES), FIELD ("mem_reservation", BYTES),
               FIELD ("memswap_limit", BYTES), FIELD ("mem_swappiness", BYTES),
               FIELD ("mac_address", STRING), FIELD ("net", STRING), FIELD ("network_mode", STRING),
               MAP_OF ("networks", service_network), FIELD ("oom_kill_disable", BOOL),
               FIELD ("oom_score_adj", INT), FIELD ("pid", STRING), FIELD ("pids_limit", INT),
               FIELD ("platform", STRING), LIST_OF ("ports", port), FIELD ("privileged", BOOL),
               FIELD ("pull_policy", STRING), FIELD ("read_only", BOOL), FIELD ("restart", STRING),
               FIELD ("runtime", STRING), FIELD ("scale", PINT), LIST_OF ("secrets", file_ref),
               LIST ("security_opt", STRING), FIELD ("shm_size", BYTES), FIELD ("stdin_open", BOOL),
               FIELD ("stop_grace_period", DURATION), FIELD ("stop_signal", STRING),
               MAP ("storage_opt", STRING), MAP ("sysctls", STRING), LIST ("tmpfs", STRING),
               FIELD ("tty", BOOL), MAP_OF ("ulimits", ulimit), FIELD ("user", STRING),
               FIELD ("userns_mode", STRING), FIELD ("uts", STRING), FIELD ("volume_driver", STRING),
               LIST_OF ("volumes", service_volume), LIST ("volumes_from", STRING),
               FIELD ("working_dir", STRING));

DEFINE_STRUCT (ipam_pool, FIELD ("subnet", STRING), FIELD ("gateway", STRING), FIELD ("ip_range", STRING),
               MAP ("aux_addresses", STRING));
DEFINE_STRUCT (ipam, FIELD ("driver", STRING), LIST_OF ("config", ipam_pool));
DEFINE_STRUCT (network, FIELD ("name", STRING), FIELD ("driver", STRING), MAP ("driver_opts", STRING),
               STRUCT ("ipam", ipam, JSON_EMPTY), FIELD ("external", BOOL), FIELD ("internal", BOOL),
               FIELD ("attachable", BOOL), MAP ("labels", STRING), FIELD ("enable_ipv6", BOOL));
DEFINE_STRUCT (volume, FIELD ("name", STRING), FIELD ("driver", STRING), MAP ("driver_opts", STRING),
               FIELD ("external", BOOL), MAP ("labels", STRING));
DEFINE_STRUCT (file_object, FIELD ("name", STRING), FIELD ("file", STRING), FIELD ("environment", STRING),
               FIELD ("content", STRING), FIELD ("external", BOOL), MAP ("labels", STRING),
               FIELD ("driver", STRING), MAP ("driver_opts", STRING), FIELD ("template_driver", STRING));
DEFINE_STRUCT (project, FIELD ("name", STRING), MAP_OF ("services", service), MAP_OF ("networks", network),
               MAP_OF ("volumes", volume), MAP_OF ("secrets", file_object), MAP_OF ("configs", file_object));

const StrataSchemaStruct *
_strata_schema_project (void)
{
  return &project;
}

const StrataSchemaStruct *
_strata_schema_service (void)
{
  return &service;
}
