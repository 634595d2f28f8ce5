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
/* Fields whose file syntax is not just their model type (see `input`) */
#define FIELD_IN(n, kind, in)       { n, K (kind), 0, NULL, 0, in, NULL }
#define STRUCT_IN(n, s, fl, in)     { n, K (STRUCT), 0, &s, fl, in, NULL }
#define LIST_IN(n, e, in, it)       { n, K (LIST), K (e), NULL, 0, in, it }
#define LIST_OF_IN(n, s, in, it)    { n, K (LIST), K (STRUCT), &s, 0, in, it }
#define MAP_IN(n, e, in, it)        { n, K (MAP), K (e), NULL, 0, in, it }
#define MAP_OF_IN(n, s, in, it)     { n, K (MAP), K (STRUCT), &s, 0, in, it }
#define INPUT_ONLY(n, in, it)       { n, K (ANY), 0, NULL, STRATA_SCHEMA_FIELD_INPUT_ONLY, in, it }
#define DROPPED(n, in, it)          { n, K (ANY), 0, NULL, STRATA_SCHEMA_FIELD_DROPPED, in, it }
#define OUTPUT_ONLY(n, kind)        { n, K (kind), 0, NULL, STRATA_SCHEMA_FIELD_OUTPUT_ONLY, NULL, NULL }
#define LIST_OR_DICT "object|array"
#define EXTERNAL "boolean,string,object"
#define SHORT "string|object"
#define DEFINE_STRUCT(var, ...) \
  static const StrataSchemaField var##_fields[] = { __VA_ARGS__ }; \
  static StrataSchemaIndex var##_index; \
  static const StrataSchemaStruct var = { #var, var##_fields, G_N_ELEMENTS (var##_fields), &var##_index }

#define KEEP STRATA_SCHEMA_FIELD_KEEP_EMPTY
#define JSON_EMPTY STRATA_SCHEMA_FIELD_JSON_EMPTY
#define JSON_NULL STRATA_SCHEMA_FIELD_JSON_NULL
#define GO_NAME STRATA_SCHEMA_FIELD_GO_NAME
#define YAML_ZERO STRATA_SCHEMA_FIELD_YAML_ZERO
#define REQUIRED STRATA_SCHEMA_FIELD_REQUIRED

/* UlimitsConfig.MarshalYAML prints {soft, hard} without omitempty */
DEFINE_STRUCT (ulimit, FIELD_F ("soft", INT, YAML_ZERO | REQUIRED), FIELD_F ("hard", INT, YAML_ZERO | REQUIRED));
DEFINE_STRUCT (file_ref, FIELD ("source", STRING), FIELD ("target", STRING), FIELD ("uid", STRING),
               FIELD ("gid", STRING), FIELD ("mode", MODE));
DEFINE_STRUCT (build,
               FIELD ("context", STRING), FIELD ("dockerfile", STRING), FIELD ("dockerfile_inline", STRING),
               MAP_IN ("args", NULLABLE_STRING, LIST_OR_DICT, NULL), LIST_IN ("ssh", STRING, LIST_OR_DICT, NULL),
               MAP_IN ("labels", STRING, LIST_OR_DICT, NULL),
               LIST ("cache_from", STRING), LIST ("cache_to", STRING), FIELD ("no_cache", BOOL),
               MAP_IN ("additional_contexts", STRING, LIST_OR_DICT, NULL), FIELD ("pull", BOOL),
               LIST_IN ("extra_hosts", STRING, LIST_OR_DICT, "string|array"),
               FIELD ("isolation", STRING), FIELD ("network", STRING), FIELD ("target", STRING),
               LIST_OF_IN ("secrets", file_ref, NULL, SHORT), FIELD ("shm_size", BYTES), LIST ("tags", STRING),
               MAP_OF_IN ("ulimits", ulimit, NULL, "integer,string|object"), LIST ("platforms", STRING),
               FIELD ("privileged", BOOL), INPUT_ONLY ("entitlements", "array", "string"));
DEFINE_STRUCT (service_hook, { "command", K (LIST), K (STRING), NULL, KEEP | JSON_NULL, "null|string|array", NULL },
               FIELD ("user", STRING), FIELD ("privileged", BOOL), FIELD ("working_dir", STRING),
               MAP_IN ("environment", NULLABLE_STRING, LIST_OR_DICT, NULL));
DEFINE_STRUCT (watch, FIELD ("path", STRING), FIELD ("action", STRING), FIELD ("target", STRING),
               STRUCT ("exec", service_hook, JSON_EMPTY), LIST ("ignore", STRING));
DEFINE_STRUCT (develop, LIST_OF ("watch", watch));
DEFINE_STRUCT (weight_device, FIELD_F ("path", STRING, GO_NAME), FIELD_F ("weight", INT, GO_NAME));
DEFINE_STRUCT (throttle_device, FIELD_F ("path", STRING, GO_NAME), FIELD_F ("rate", BYTES, GO_NAME));
DEFINE_STRUCT (blkio, FIELD ("weight", INT), LIST_OF ("weight_device", weight_device),
               LIST_OF ("device_read_bps", throttle_device), LIST_OF ("device_read_iops", throttle_device),
               LIST_OF ("device_write_bps", throttle_device), LIST_OF ("device_write_iops", throttle_device));
DEFINE_STRUCT (credential_spec, FIELD ("config", STRING), FIELD ("file", STRING), FIELD ("registry", STRING));
DEFINE_STRUCT (dependency, FIELD ("condition", STRING), FIELD ("restart", BOOL),
               FIELD_IN ("required", PBOOL, "boolean"));
DEFINE_STRUCT (update_config, FIELD ("parallelism", PINT), FIELD ("delay", DURATION),
               FIELD ("failure_action", STRING), FIELD ("monitor", DURATION),
               FIELD ("max_failure_ratio", FLOAT), FIELD ("order", STRING));
DEFINE_STRUCT (device_request, LIST ("capabilities", STRING), FIELD ("driver", STRING),
               FIELD_IN ("count", INT, "string,integer"), LIST ("device_ids", STRING),
               MAP_IN ("options", STRING, NULL, "string,number,boolean,null"));
DEFINE_STRUCT (discrete_resource, FIELD ("kind", STRING), FIELD ("value", INT));
DEFINE_STRUCT (generic_resource, STRUCT ("discrete_resource_spec", discrete_resource, KEEP));
DEFINE_STRUCT (resource, FIELD ("cpus", FLOAT), FIELD ("memory", BYTES), FIELD ("pids", INT),
               LIST_OF ("devices", device_request), LIST_OF ("generic_resources", generic_resource));
DEFINE_STRUCT (resources, STRUCT ("limits", resource, KEEP), STRUCT ("reservations", resource, KEEP));
DEFINE_STRUCT (restart_policy, FIELD ("condition", STRING), FIELD_F ("delay", DURATION, KEEP),
               FIELD ("max_attempts", PINT), FIELD_F ("window", DURATION, KEEP));
DEFINE_STRUCT (preference, FIELD ("spread", STRING));
DEFINE_STRUCT (placement, LIST ("constraints", STRING), LIST_OF ("preferences", preference),
               FIELD ("max_replicas_per_node", INT));
DEFINE_STRUCT (deploy, FIELD ("mode", STRING), FIELD ("replicas", PINT),
               MAP_IN ("labels", STRING, LIST_OR_DICT, NULL),
               STRUCT ("update_config", update_config, KEEP), STRUCT ("rollback_config", update_config, KEEP),
               STRUCT ("resources", resources, JSON_EMPTY),
               STRUCT ("restart_policy", restart_policy, KEEP), STRUCT ("placement", placement, JSON_EMPTY),
               FIELD ("endpoint_mode", STRING));
DEFINE_STRUCT (device, FIELD ("source", STRING), FIELD ("target", STRING), FIELD ("permissions", STRING));
DEFINE_STRUCT (extends, FIELD ("file", STRING), FIELD ("service", STRING));
DEFINE_STRUCT (healthcheck, LIST_IN ("test", STRING, "string|array", NULL), FIELD_F ("timeout", DURATION, KEEP), FIELD_F ("interval", DURATION, KEEP),
               FIELD ("retries", PINT), FIELD_F ("start_period", DURATION, KEEP), FIELD_F ("start_interval", DURATION, KEEP),
               FIELD ("disable", BOOL));
DEFINE_STRUCT (logging, FIELD ("driver", STRING), MAP_IN ("options", STRING, NULL, "string,number,null"));
DEFINE_STRUCT (service_network, FIELD_IN ("priority", INT, "number"), LIST ("aliases", STRING),
               FIELD ("ipv4_address", STRING), FIELD ("ipv6_address", STRING),
               LIST ("link_local_ips", STRING), FIELD ("mac_address", STRING),
               MAP_IN ("driver_opts", STRING, NULL, "string,number"), DROPPED ("gw_priority", "number", NULL));
DEFINE_STRUCT (port, FIELD ("name", STRING), FIELD ("mode", STRING), FIELD ("host_ip", STRING),
               FIELD ("target", INT), FIELD_IN ("published", STRING, "string,integer"), FIELD ("protocol", STRING),
               FIELD ("app_protocol", STRING));
DEFINE_STRUCT (volume_bind, FIELD ("selinux", STRING), FIELD ("propagation", STRING),
               FIELD ("create_host_path", BOOL), INPUT_ONLY ("recursive", "string", NULL));
DEFINE_STRUCT (volume_volume, FIELD ("nocopy", BOOL), FIELD ("subpath", STRING));
DEFINE_STRUCT (volume_tmpfs, FIELD_IN ("size", BYTES, "integer|string"), FIELD_IN ("mode", INT, "number,string"));
DEFINE_STRUCT (service_volume, FIELD ("type", STRING), FIELD ("source", STRING), FIELD ("target", STRING),
               FIELD ("read_only", BOOL), FIELD ("consistency", STRING),
               STRUCT ("bind", volume_bind, KEEP), STRUCT ("volume", volume_volume, KEEP),
               STRUCT ("tmpfs", volume_tmpfs, KEEP));

DEFINE_STRUCT (service,
               LIST ("profiles", STRING), MAP_IN ("annotations", STRING, LIST_OR_DICT, NULL), FIELD ("attach", PBOOL),
               STRUCT_IN ("build", build, KEEP, SHORT), STRUCT_IN ("develop", develop, KEEP, "object,null"),
               STRUCT ("blkio_config", blkio, KEEP), LIST ("cap_add", STRING), LIST ("cap_drop", STRING),
               FIELD ("cgroup_parent", STRING), FIELD ("cgroup", STRING), FIELD_IN ("cpu_count", INT, "string|integer"),
               FIELD_IN ("cpu_percent", FLOAT, "string|integer"), FIELD_IN ("cpu_period", INT, "number,string"),
               FIELD_IN ("cpu_quota", INT, "number,string"), FIELD_IN ("cpu_rt_period", INT, "number,string"),
               FIELD_IN ("cpu_rt_runtime", INT, "number,string"), FIELD ("cpus", FLOAT),
               FIELD ("cpuset", STRING), FIELD_IN ("cpu_shares", INT, "number,string"),
               { "command", K (LIST), K (STRING), NULL, KEEP | JSON_NULL, "null|string|array", NULL },
               LIST_OF_IN ("configs", file_ref, NULL, SHORT), FIELD ("container_name", STRING),
               STRUCT ("credential_spec", credential_spec, KEEP),
               MAP_OF_IN ("depends_on", dependency, "array|object", NULL),
               STRUCT_IN ("deploy", deploy, KEEP, "object,null"), LIST ("device_cgroup_rules", STRING),
               LIST_OF_IN ("devices", device, NULL, SHORT), LIST_IN ("dns", STRING, "string|array", NULL),
               LIST ("dns_opt", STRING), LIST_IN ("dns_search", STRING, "string|array", NULL),
               OUTPUT_ONLY ("dockerfile", STRING), FIELD ("domainname", STRING),
               { "entrypoint", K (LIST), K (STRING), NULL, KEEP | JSON_NULL, "null|string|array", NULL },
               MAP_IN ("environment", NULLABLE_STRING, LIST_OR_DICT, NULL),
               LIST_IN ("env_file", ANY, "string|array", SHORT), LIST_IN ("expose", STRING, NULL, "string,number"),
               STRUCT_IN ("extends", extends, KEEP, SHORT), LIST ("external_links", STRING),
               LIST_IN ("extra_hosts", STRING, LIST_OR_DICT, "string|array"),
               LIST_IN ("group_add", STRING, NULL, "string,number"),
               LIST_OF_IN ("gpus", device_request, "string|array", NULL), FIELD ("hostname", STRING),
               STRUCT ("healthcheck", healthcheck, KEEP), FIELD ("image", STRING), FIELD ("init", PBOOL),
               FIELD ("ipc", STRING), FIELD ("isolation", STRING), MAP_IN ("labels", STRING, LIST_OR_DICT, NULL),
               LIST ("links", STRING), STRUCT ("logging", logging, KEEP), OUTPUT_ONLY ("log_driver", STRING),
               OUTPUT_ONLY ("log_opt", MAP), FIELD ("mem_limit", BYTES),
               FIELD_IN ("mem_reservation", BYTES, "string,integer"),
               FIELD ("memswap_limit", BYTES), FIELD_IN ("mem_swappiness", BYTES, "integer,string"),
               FIELD ("mac_address", STRING), OUTPUT_ONLY ("net", STRING), FIELD ("network_mode", STRING),
               MAP_OF_IN ("networks", service_network, "array|object", "object|null"),
               FIELD ("oom_kill_disable", BOOL), FIELD_IN ("oom_score_adj", INT, "string|integer"),
               FIELD_IN ("pid", STRING, "string,null"), FIELD_IN ("pids_limit", INT, "number,string"),
               FIELD ("platform", STRING), LIST_OF_IN ("ports", port, NULL, "number|string|object"),
               FIELD ("privileged", BOOL),
               FIELD ("pull_policy", STRING), FIELD ("read_only", BOOL), FIELD ("restart", STRING),
               FIELD ("runtime", STRING), FIELD ("scale", PINT), LIST_OF_IN ("secrets", file_ref, NULL, SHORT),
               LIST ("security_opt", STRING), FIELD ("shm_size", BYTES), FIELD ("stdin_open", BOOL),
               FIELD_F ("stop_grace_period", DURATION, KEEP), FIELD ("stop_signal", STRING),
               MAP_IN ("storage_opt", STRING, NULL, "string,number,boolean,null"),
               MAP_IN ("sysctls", STRING, LIST_OR_DICT, NULL), LIST_IN ("tmpfs", STRING, "string|array", NULL),
               FIELD ("tty", BOOL), MAP_OF_IN ("ulimits", ulimit, NULL, "integer,string|object"),
               FIELD ("user", STRING),
               FIELD ("userns_mode", STRING), FIELD ("uts", STRING), OUTPUT_ONLY ("volume_driver", STRING),
               LIST_OF_IN ("volumes", service_volume, NULL, SHORT), LIST ("volumes_from", STRING),
               FIELD ("working_dir", STRING),
               INPUT_ONLY ("label_file", "string|array", "string"), INPUT_ONLY ("post_start", "array", "object"),
               INPUT_ONLY ("pre_stop", "array", "object"));

DEFINE_STRUCT (ipam_pool, FIELD ("subnet", STRING), FIELD ("gateway", STRING), FIELD ("ip_range", STRING),
               MAP ("aux_addresses", STRING));
DEFINE_STRUCT (ipam, FIELD ("driver", STRING), LIST_OF ("config", ipam_pool),
               DROPPED ("options", "object", "string"));
DEFINE_STRUCT (network, FIELD ("name", STRING), FIELD ("driver", STRING),
               MAP_IN ("driver_opts", STRING, NULL, "string,number"), STRUCT ("ipam", ipam, JSON_EMPTY),
               FIELD_IN ("external", BOOL, EXTERNAL), FIELD ("internal", BOOL),
               FIELD ("attachable", BOOL), MAP_IN ("labels", STRING, LIST_OR_DICT, NULL),
               FIELD_F ("enable_ipv4", PBOOL, 0), FIELD ("enable_ipv6", PBOOL));
DEFINE_STRUCT (volume, FIELD ("name", STRING), FIELD ("driver", STRING),
               MAP_IN ("driver_opts", STRING, NULL, "string,number"), FIELD_IN ("external", BOOL, EXTERNAL),
               MAP_IN ("labels", STRING, LIST_OR_DICT, NULL));
DEFINE_STRUCT (file_object, FIELD ("name", STRING), FIELD ("file", STRING), FIELD ("environment", STRING),
               FIELD ("content", STRING), FIELD_IN ("external", BOOL, EXTERNAL),
               MAP_IN ("labels", STRING, LIST_OR_DICT, NULL), FIELD ("driver", STRING),
               MAP_IN ("driver_opts", STRING, NULL, "string,number"), FIELD ("template_driver", STRING));
DEFINE_STRUCT (project, FIELD ("name", STRING), MAP_OF ("services", service),
               MAP_OF_IN ("networks", network, NULL, "object,null"), MAP_OF_IN ("volumes", volume, NULL, "object,null"),
               MAP_OF ("secrets", file_object), MAP_OF ("configs", file_object),
               INPUT_ONLY ("version", "string", NULL), INPUT_ONLY ("include", "array", SHORT));

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
