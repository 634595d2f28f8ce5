/* strata-canonical.c: per-file canonical forms (compose-go v2 transform/)
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-canonical.h"
#include "strata-canonical-private.h"
#include "strata-compose-error.h"

/* "KEY=VAL" lists become mappings; a bare KEY maps to null. The later of
 * two equal keys wins at the first position (merge rule of §3). */
static gboolean
list_to_mapping (StrataNode  *parent,
                 const char  *key,
                 const char  *path,
                 GError     **error)
{
  StrataNode *list = strata_node_lookup (parent, key);
  StrataNode *map;

  if (list == NULL || list->kind == STRATA_NODE_MAPPING || strata_node_is_null (list))
    return TRUE;
  if (list->kind != STRATA_NODE_SEQUENCE)
    return _strata_type_error (error, list, path, "a mapping");

  map = _strata_derived_mapping (list, key);
  map->tag = g_strdup (list->tag);
  for (guint i = 0; i < strata_node_get_n_children (list); i++)
    {
      StrataNode *item = strata_node_get_child (list, i);
      const char *eq;
      g_autofree char *name = NULL;
      StrataNode *value;

      if (item->kind != STRATA_NODE_SCALAR)
        return (strata_node_free (map), _strata_type_error (error, item, path, "a list of strings"));
      eq = strchr (item->text, '=');
      name = eq ? g_strndup (item->text, eq - item->text) : g_strdup (item->text);
      value = strata_node_new_scalar (&item->pos, eq ? eq + 1 : "", eq ? STRATA_VALUE_STRING : STRATA_VALUE_NULL);
      value->key_pos = item->pos;
      strata_node_set (map, name, value);
    }
  strata_node_set (parent, key, map);
  return TRUE;
}

/* A string becomes a one-item list. */
static void
string_to_list (StrataNode *parent,
                const char *key)
{
  StrataNode *value = strata_node_lookup (parent, key);
  StrataNode *list;

  if (value == NULL || value->kind != STRATA_NODE_SCALAR || strata_node_is_null (value))
    return;
  list = _strata_derived_mapping (value, key);
  list->kind = STRATA_NODE_SEQUENCE;
  strata_node_append (list, strata_node_copy (value));
  g_clear_pointer (&strata_node_get_child (list, 0)->key, g_free);
  strata_node_set (parent, key, list);
}

/* A string becomes {field: s}. */
static void
string_to_struct (StrataNode *parent,
                  const char *key,
                  const char *field)
{
  StrataNode *value = strata_node_lookup (parent, key);
  StrataNode *map;

  if (value == NULL || value->kind != STRATA_NODE_SCALAR || strata_node_is_null (value))
    return;
  map = _strata_derived_mapping (value, key);
  strata_node_append (map, _strata_derived_scalar (value, field, value->text, STRATA_VALUE_STRING));
  strata_node_get_child (map, 0)->origin = value->origin;
  strata_node_set (parent, key, map);
}

static void
list_to_null_map (StrataNode *parent,
                  const char *key)
{
  StrataNode *list = strata_node_lookup (parent, key);
  StrataNode *map;

  if (list == NULL || list->kind != STRATA_NODE_SEQUENCE)
    return;
  map = _strata_derived_mapping (list, key);
  for (guint i = 0; i < strata_node_get_n_children (list); i++)
    {
      StrataNode *item = strata_node_get_child (list, i);
      StrataNode *value = strata_node_new_scalar (&item->pos, "", STRATA_VALUE_NULL);

      value->key_pos = item->pos;
      strata_node_set (map, item->text, value);
    }
  strata_node_set (parent, key, map);
}

static void
set_default (StrataNode *mapping,
             const char *key,
             const char *text,
             StrataValueType type)
{
  if (strata_node_lookup (mapping, key) == NULL)
    strata_node_append (mapping, _strata_derived_scalar (mapping, key, text, type));
}

static void
canonical_depends_on (StrataNode *service)
{
  StrataNode *deps;

  list_to_null_map (service, "depends_on");
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
      set_default (dep, "condition", "service_started", STRATA_VALUE_STRING);
      set_default (dep, "required", "true", STRATA_VALUE_BOOL);
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
  list = _strata_derived_mapping (ports, "ports");
  list->kind = STRATA_NODE_SEQUENCE;
  list->tag = g_strdup (ports->tag);
  for (guint i = 0; i < strata_node_get_n_children (ports); i++)
    {
      StrataNode *item = strata_node_get_child (ports, i);

      if (item->kind == STRATA_NODE_MAPPING)
        {
          StrataNode *copy = strata_node_copy (item);
          StrataNode *published = strata_node_lookup (copy, "published");

          set_default (copy, "mode", "ingress", STRATA_VALUE_STRING);
          set_default (copy, "protocol", "tcp", STRATA_VALUE_STRING);
          if (published != NULL && published->kind == STRATA_NODE_SCALAR)
            published->type = STRATA_VALUE_STRING;
          strata_node_append (list, copy);
        }
      else
        {
          g_autoptr(StrataNode) expanded = _strata_parse_port (item, error);

          if (expanded == NULL)
            return FALSE;
          while (expanded->children->len > 0)
            strata_node_append (list, g_ptr_array_steal_index (expanded->children, 0));
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
      g_autofree char *place = strata_position_to_string (&spec->pos);
      g_set_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_TYPE,
                   "%s: invalid device specification: %s", place, spec->text);
      return (strata_node_free (device), NULL);
    }
  strata_node_append (device, _strata_derived_scalar (spec, "source", parts[0], STRATA_VALUE_STRING));
  strata_node_append (device, _strata_derived_scalar (spec, "target", n > 1 ? parts[1] : parts[0],
                                                      STRATA_VALUE_STRING));
  strata_node_append (device, _strata_derived_scalar (spec, "permissions", n > 2 ? parts[2] : "rwm",
                                                      STRATA_VALUE_STRING));
  return device;
}

static StrataNode *
parse_file_ref (const StrataNode *spec,
                GError          **error)
{
  StrataNode *ref = _strata_derived_mapping (spec, NULL);

  strata_node_append (ref, _strata_derived_scalar (spec, "source", spec->text, STRATA_VALUE_STRING));
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
        set_default (secret, "target", target, STRATA_VALUE_STRING);
    }
}

/* extra_hosts: a mapping or "host:ip" items become "host=ip" items */
static void
canonical_extra_hosts (StrataNode *parent)
{
  StrataNode *hosts = strata_node_lookup (parent, "extra_hosts");
  StrataNode *list;

  if (hosts == NULL || strata_node_is_null (hosts))
    return;
  list = _strata_derived_mapping (hosts, "extra_hosts");
  list->kind = STRATA_NODE_SEQUENCE;
  for (guint i = 0; i < strata_node_get_n_children (hosts); i++)
    {
      StrataNode *item = strata_node_get_child (hosts, i);
      g_autofree char *text = NULL;

      if (hosts->kind == STRATA_NODE_MAPPING)
        text = g_strdup_printf ("%s=%s", item->key, item->text ? item->text : "");
      else if (strchr (item->text, '=') == NULL && strchr (item->text, ':') != NULL)
        {
          const char *colon = strchr (item->text, ':');
          text = g_strdup_printf ("%.*s=%s", (int) (colon - item->text), item->text, colon + 1);
        }
      else
        text = g_strdup (item->text);
      strata_node_append (list, strata_node_new_scalar (&item->pos, text, STRATA_VALUE_STRING));
    }
  strata_node_set (parent, "extra_hosts", list);
}

static gboolean
canonical_service (StrataNode  *service,
                   const char  *name,
                   GError     **error)
{
  const char *maps[] = { "environment", "labels", "annotations", "sysctls", NULL };
  g_autofree char *path = NULL;
  StrataNode *build, *deploy;

  if (service->kind != STRATA_NODE_MAPPING)
    {
      g_autofree char *what = g_strdup_printf ("services.%s", name);
      return _strata_type_error (error, service, what, "a mapping");
    }
  for (guint i = 0; maps[i]; i++)
    {
      g_free (path);
      path = g_strdup_printf ("services.%s.%s", name, maps[i]);
      if (!list_to_mapping (service, maps[i], path, error))
        return FALSE;
    }

  string_to_struct (service, "build", "context");
  if ((build = strata_node_lookup (service, "build")) != NULL && build->kind == STRATA_NODE_MAPPING)
    {
      if (!list_to_mapping (build, "args", "build.args", error) ||
          !list_to_mapping (build, "labels", "build.labels", error) ||
          !list_to_mapping (build, "additional_contexts", "build.additional_contexts", error))
        return FALSE;
      string_to_list (build, "ssh");
      canonical_extra_hosts (build);
      canonical_items (build, "secrets", parse_file_ref, error);
    }
  if ((deploy = strata_node_lookup (service, "deploy")) != NULL && deploy->kind == STRATA_NODE_MAPPING &&
      !list_to_mapping (deploy, "labels", "deploy.labels", error))
    return FALSE;

  string_to_struct (service, "extends", "service");
  string_to_list (service, "env_file");
  string_to_list (service, "dns");
  string_to_list (service, "dns_search");
  string_to_list (service, "tmpfs");
  list_to_null_map (service, "networks");
  canonical_depends_on (service);
  canonical_extra_hosts (service);
  if (!canonical_ports (service, error) ||
      !canonical_items (service, "volumes", _strata_parse_volume, error) ||
      !canonical_items (service, "devices", parse_device, error) ||
      !canonical_items (service, "secrets", parse_file_ref, error) ||
      !canonical_items (service, "configs", parse_file_ref, error))
    return FALSE;
  default_secret_targets (service);
  return TRUE;
}

/* external: {name: x} (legacy) becomes external: true plus name: x */
static void
canonical_resource (StrataNode *resource)
{
  StrataNode *external = strata_node_lookup (resource, "external");
  const char *name;

  if (resource->kind != STRATA_NODE_MAPPING)
    return;
  list_to_mapping (resource, "labels", "labels", NULL);
  if (external == NULL || external->kind != STRATA_NODE_MAPPING)
    return;
  name = strata_node_lookup_text (external, "name");
  if (name != NULL && strata_node_lookup (resource, "name") == NULL)
    strata_node_append (resource, _strata_derived_scalar (external, "name", name, STRATA_VALUE_STRING));
  strata_node_set (resource, "external", _strata_derived_scalar (external, "external", "true",
                                                                 STRATA_VALUE_BOOL));
}

gboolean
strata_canonical_transform (StrataNode  *file_root,
                            GPtrArray   *diagnostics,
                            GError     **error)
{
  const char *resources[] = { "networks", "volumes", "secrets", "configs", NULL };
  StrataNode *services;

  g_return_val_if_fail (file_root != NULL, FALSE);

  if (file_root->kind != STRATA_NODE_MAPPING)
    return _strata_type_error (error, file_root, "the top level", "a mapping");

  services = strata_node_lookup (file_root, "services");
  if (services != NULL && services->kind == STRATA_NODE_MAPPING)
    for (guint i = 0; i < strata_node_get_n_children (services); i++)
      {
        StrataNode *service = strata_node_get_child (services, i);

        if (!strata_node_is_null (service) && !canonical_service (service, service->key, error))
          return FALSE;
      }

  for (guint r = 0; resources[r]; r++)
    {
      StrataNode *map = strata_node_lookup (file_root, resources[r]);

      for (guint i = 0; map && map->kind == STRATA_NODE_MAPPING && i < map->children->len; i++)
        canonical_resource (strata_node_get_child (map, i));
    }

  {
    StrataNode *include = strata_node_lookup (file_root, "include");

    for (guint i = 0; include && include->kind == STRATA_NODE_SEQUENCE && i < include->children->len; i++)
      {
        StrataNode *entry = strata_node_get_child (include, i);

        if (entry->kind == STRATA_NODE_SCALAR)
          {
            StrataNode *map = _strata_derived_mapping (entry, NULL);
            StrataNode *path = _strata_derived_mapping (entry, "path");

            path->kind = STRATA_NODE_SEQUENCE;
            strata_node_append (path, strata_node_new_scalar (&entry->pos, entry->text, STRATA_VALUE_STRING));
            strata_node_append (map, path);
            g_ptr_array_index (include->children, i) = map;
            strata_node_free (entry);
          }
        else
          {
            string_to_list (entry, "path");
            string_to_list (entry, "env_file");
          }
      }
  }
  return TRUE;
}
