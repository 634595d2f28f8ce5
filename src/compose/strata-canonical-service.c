/* strata-canonical-service.c: one service's short syntaxes in their long forms
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-canonical-private.h"
#include "strata-emit-private.h"
#include "strata-compose-error.h"

static void
canonical_depends_on (StrataNode *service)
{
  StrataNode *deps;

  _strata_list_to_null_map (service, "depends_on");
  deps = strata_node_lookup (service, "depends_on");
  if (deps == NULL || deps->kind != STRATA_NODE_MAPPING)
    return;
  for (guint i = 0; i < strata_node_get_n_children (deps); i++)
    {
      StrataNode *dep = strata_node_get_child (deps, i);

      if (strata_node_is_null (dep))
        {
          StrataNode *map = _strata_derived_mapping (dep, dep->key);
          g_ptr_array_index (deps->children, i) = map;
          strata_node_free (dep);
          dep = map;
        }
      _strata_set_default (dep, "condition", "service_started", STRATA_VALUE_STRING);
      _strata_set_default (dep, "required", "true", STRATA_VALUE_BOOL);
    }
}

static gboolean
canonical_ports (StrataNode  *service,
                 GError     **error)
{
  StrataNode *ports = strata_node_lookup (service, "ports");
  g_autoptr(StrataNode) list = NULL;

  if (ports == NULL || strata_node_is_null (ports))
    return TRUE;
  if (ports->kind != STRATA_NODE_SEQUENCE)
    return _strata_type_error (error, ports, "ports", "a list");
  list = _strata_derived_field_mapping (ports, "ports");
  list->kind = STRATA_NODE_SEQUENCE;
  strata_node_set_tag (list, ports->tag);
  for (guint i = 0; i < strata_node_get_n_children (ports); i++)
    {
      StrataNode *item = strata_node_get_child (ports, i);

      if (item->kind == STRATA_NODE_MAPPING)
        {
          StrataNode *copy = strata_node_copy (item);
          StrataNode *published = strata_node_lookup (copy, "published");

          _strata_set_default (copy, "mode", "ingress", STRATA_VALUE_STRING);
          _strata_set_default (copy, "protocol", "tcp", STRATA_VALUE_STRING);
          if (published != NULL && published->kind == STRATA_NODE_SCALAR)
            published->type = STRATA_VALUE_STRING;
          strata_node_append (list, copy);
        }
      else
        {
          if (!_strata_parse_port (item, list, error))
            return FALSE;
        }
    }
  strata_node_set (service, "ports", g_steal_pointer (&list));
  return TRUE;
}

static gboolean
canonical_items (StrataNode  *service,
                 const char  *key,
                 StrataNode *(*parse) (const StrataNode *, GError **),
                 GError     **error)
{
  StrataNode *list = strata_node_lookup (service, key);

  if (list == NULL || list->kind != STRATA_NODE_SEQUENCE)
    return TRUE;
  for (guint i = 0; i < strata_node_get_n_children (list); i++)
    {
      StrataNode *item = strata_node_get_child (list, i);
      StrataNode *parsed;

      if (item->kind != STRATA_NODE_SCALAR)
        continue;
      if ((parsed = parse (item, error)) == NULL)
        return FALSE;
      g_ptr_array_index (list->children, i) = parsed;
      strata_node_free (item);
    }
  return TRUE;
}

static StrataNode *
parse_device (const StrataNode *spec,
              GError          **error)
{
  g_auto(GStrv) parts = g_strsplit (spec->text, ":", -1);
  guint n = g_strv_length (parts);
  StrataNode *device = _strata_derived_mapping (spec, NULL);

  if (n > 3)
    {
      _strata_set_error (error, STRATA_COMPOSE_ERROR_TYPE, &spec->pos,
                         _("Write HOST_PATH[:CONTAINER_PATH[:PERMISSIONS]], e.g. /dev/ttyUSB0:/dev/ttyUSB0:rwm."),
                         "invalid device specification: %s", spec->text);
      return (strata_node_free (device), NULL);
    }
  strata_node_append (device, _strata_derived_field (spec, "source", parts[0], STRATA_VALUE_STRING));
  strata_node_append (device, _strata_derived_field (spec, "target", n > 1 ? parts[1] : parts[0],
                                                      STRATA_VALUE_STRING));
  strata_node_append (device, _strata_derived_field (spec, "permissions", n > 2 ? parts[2] : "rwm",
                                                      STRATA_VALUE_STRING));
  return device;
}

static StrataNode *
parse_file_ref (const StrataNode *spec,
                GError          **error)
{
  StrataNode *ref = _strata_derived_mapping (spec, NULL);

  strata_node_append (ref, _strata_derived_field (spec, "source", spec->text, STRATA_VALUE_STRING));
  return ref;
}

/* secrets default their target to /run/secrets/<source> */
static void
default_secret_targets (StrataNode *service)
{
  StrataNode *secrets = strata_node_lookup (service, "secrets");

  for (guint i = 0; secrets && secrets->kind == STRATA_NODE_SEQUENCE && i < secrets->children->len; i++)
    {
      StrataNode *secret = strata_node_get_child (secrets, i);
      const char *source = strata_node_lookup_text (secret, "source");
      g_autofree char *target = g_strdup_printf ("/run/secrets/%s", source ? source : "");

      if (secret->kind == STRATA_NODE_MAPPING && source != NULL)
        _strata_set_default (secret, "target", target, STRATA_VALUE_STRING);
    }
}

/* extra_hosts: a mapping becomes "host=ip" items (one per address of a
 * list value); "host:ip" items stay as written, as the merge compares them
 * (normalization reads them) */
static void
canonical_extra_hosts (StrataNode *parent)
{
  StrataNode *hosts = strata_node_lookup (parent, "extra_hosts");
  StrataNode *list;

  if (hosts == NULL || hosts->kind != STRATA_NODE_MAPPING)
    return;
  list = _strata_derived_field_mapping (hosts, "extra_hosts");
  list->kind = STRATA_NODE_SEQUENCE;
  for (guint i = 0; i < strata_node_get_n_children (hosts); i++)
    {
      StrataNode *item = strata_node_get_child (hosts, i);
      guint n = item->kind == STRATA_NODE_SEQUENCE ? strata_node_get_n_children (item) : 1;

      for (guint j = 0; j < n; j++)
        {
          StrataNode *ip = item->kind == STRATA_NODE_SEQUENCE ? strata_node_get_child (item, j) : item;
          g_autofree char *value = _strata_go_sprint (ip);
          g_autofree char *text = g_strdup_printf ("%s=%s", item->key,
                                                   value ? value : ip->text ? ip->text : "");

          strata_node_append (list, strata_node_new_scalar (&ip->pos, text, STRATA_VALUE_STRING));
        }
    }
  strata_node_set (parent, "extra_hosts", list);
}

/* develop.watch[].exec.environment: KEY=VAL lists too */
static gboolean
canonical_develop (StrataNode  *service,
                   GError     **error)
{
  StrataNode *develop = strata_node_lookup (service, "develop");
  StrataNode *watch = develop ? strata_node_lookup (develop, "watch") : NULL;

  for (guint i = 0; watch && watch->kind == STRATA_NODE_SEQUENCE && i < watch->children->len; i++)
    {
      StrataNode *exec = strata_node_lookup (strata_node_get_child (watch, i), "exec");

      if (exec != NULL && exec->kind == STRATA_NODE_MAPPING &&
          !_strata_list_to_mapping (exec, "environment", "develop.watch.exec.environment", error))
        return FALSE;
    }
  return TRUE;
}

/* The fields this file rewrites. */
enum
{
  F_ENVIRONMENT = 1 << 0,
  F_LABELS      = 1 << 1,
  F_ANNOTATIONS = 1 << 2,
  F_SYSCTLS     = 1 << 3,
  F_BUILD       = 1 << 4,
  F_DEVELOP     = 1 << 5,
  F_DEPLOY      = 1 << 6,
  F_EXTENDS     = 1 << 7,
  F_ENV_FILE    = 1 << 8,
  F_DNS         = 1 << 9,
  F_DNS_SEARCH  = 1 << 10,
  F_TMPFS       = 1 << 11,
  F_NETWORKS    = 1 << 12,
  F_DEPENDS_ON  = 1 << 13,
  F_EXTRA_HOSTS = 1 << 14,
  F_GPUS        = 1 << 15,
  F_PORTS       = 1 << 16,
  F_VOLUMES     = 1 << 17,
  F_DEVICES     = 1 << 18,
  F_SECRETS     = 1 << 19,
  F_CONFIGS     = 1 << 20,
};

static const struct
{
  const char *name;
  guint       field;
} fields[] = {
  { "annotations", F_ANNOTATIONS }, { "build", F_BUILD }, { "configs", F_CONFIGS },
  { "depends_on", F_DEPENDS_ON }, { "deploy", F_DEPLOY }, { "develop", F_DEVELOP },
  { "devices", F_DEVICES }, { "dns", F_DNS }, { "dns_search", F_DNS_SEARCH },
  { "env_file", F_ENV_FILE }, { "environment", F_ENVIRONMENT }, { "extends", F_EXTENDS },
  { "extra_hosts", F_EXTRA_HOSTS }, { "gpus", F_GPUS }, { "labels", F_LABELS },
  { "networks", F_NETWORKS }, { "ports", F_PORTS }, { "secrets", F_SECRETS },
  { "sysctls", F_SYSCTLS }, { "tmpfs", F_TMPFS }, { "volumes", F_VOLUMES },
};

/* Which of those @service has, in one walk over its keys (the rewrites
 * change values, never which keys there are). */
static guint
present_fields (const StrataNode *service)
{
  guint present = 0;

  for (guint i = 0; i < service->children->len; i++)
    {
      const char *key = ((const StrataNode *) g_ptr_array_index (service->children, i))->key;

      for (guint f = 0; key != NULL && f < G_N_ELEMENTS (fields) && fields[f].name[0] <= key[0]; f++)
        if (fields[f].name[0] == key[0] && strcmp (fields[f].name, key) == 0)
          {
            present |= fields[f].field;
            break;
          }
    }
  return present;
}

gboolean
_strata_canonical_service (StrataNode  *service,
                           const char  *name,
                           GError     **error)
{
  static const struct { const char *key; guint field; } maps[] = {
    { "environment", F_ENVIRONMENT }, { "labels", F_LABELS },
    { "annotations", F_ANNOTATIONS }, { "sysctls", F_SYSCTLS },
  };
  static const struct { const char *key; guint field; } lists[] = {
    { "env_file", F_ENV_FILE }, { "dns", F_DNS }, { "dns_search", F_DNS_SEARCH }, { "tmpfs", F_TMPFS },
  };
  StrataNode *build, *deploy;
  guint present;

  if (service->kind != STRATA_NODE_MAPPING)
    {
      g_autofree char *what = g_strdup_printf ("services.%s", name);
      return _strata_type_error (error, service, what, "a mapping");
    }
  present = present_fields (service);
  for (guint i = 0; i < G_N_ELEMENTS (maps); i++)
    {
      const StrataNode *value = present & maps[i].field ? strata_node_lookup (service, maps[i].key) : NULL;
      g_autofree char *path = NULL;

      /* only a list changes (and only a wrong value needs the path) */
      if (value == NULL || value->kind == STRATA_NODE_MAPPING || strata_node_is_null (value))
        continue;
      path = g_strdup_printf ("services.%s.%s", name, maps[i].key);
      if (!_strata_list_to_mapping (service, maps[i].key, path, error))
        return FALSE;
    }

  if ((present & F_BUILD) && (_strata_string_to_struct (service, "build", "context"),
                              build = strata_node_lookup (service, "build")) != NULL &&
      build->kind == STRATA_NODE_MAPPING)
    {
      if (!_strata_list_to_mapping (build, "args", "build.args", error) ||
          !_strata_list_to_mapping (build, "labels", "build.labels", error) ||
          !_strata_list_to_mapping (build, "additional_contexts", "build.additional_contexts", error))
        return FALSE;
      _strata_string_to_list (build, "ssh");
      canonical_extra_hosts (build);
      canonical_items (build, "secrets", parse_file_ref, error);
    }
  if ((present & F_DEVELOP) && !canonical_develop (service, error))
    return FALSE;
  if ((present & F_DEPLOY) &&
      (deploy = strata_node_lookup (service, "deploy")) != NULL && deploy->kind == STRATA_NODE_MAPPING &&
      !_strata_list_to_mapping (deploy, "labels", "deploy.labels", error))
    return FALSE;

  if (present & F_EXTENDS)
    _strata_string_to_struct (service, "extends", "service");
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (present & lists[i].field)
      _strata_string_to_list (service, lists[i].key);
  if (present & F_NETWORKS)
    _strata_list_to_null_map (service, "networks");
  if (present & F_DEPENDS_ON)
    canonical_depends_on (service);
  if (present & F_EXTRA_HOSTS)
    canonical_extra_hosts (service);
  if (((present & (F_GPUS | F_DEPLOY)) && !_strata_canonical_gpus (service, name, error)) ||
      ((present & F_PORTS) && !canonical_ports (service, error)) ||
      ((present & F_VOLUMES) && !canonical_items (service, "volumes", _strata_parse_volume, error)) ||
      ((present & F_DEVICES) && !canonical_items (service, "devices", parse_device, error)) ||
      ((present & F_SECRETS) && !canonical_items (service, "secrets", parse_file_ref, error)) ||
      ((present & F_CONFIGS) && !canonical_items (service, "configs", parse_file_ref, error)))
    return FALSE;
  if (present & F_SECRETS)
    default_secret_targets (service);
  return TRUE;
}
