/* strata-model.c: the model `config --no-interpolate` prints
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * compose-go's Normalize on the map model (loader/normalize.go, v2), then
 * every mapping printed as a Go map.
 */

#include "config.h"

#include "strata-canonical-private.h"
#include "strata-emit-private.h"
#include "strata-model.h"
#include "strata-project-private.h"

/* KEY=VAL fields that compose keeps as written, or turns into a list when
 * several files merge them. */
static const char * const key_value_fields[] = { "environment", "labels" };

static gboolean
written_as_list (const StrataNode *map)
{
  StrataLayer *layer = map->pos.layer;

  if (map->origin == STRATA_ORIGIN_DERIVED)
    return TRUE;
  for (guint i = 0; i < map->children->len; i++)
    if (((StrataNode *) g_ptr_array_index (map->children, i))->pos.layer != layer)
      return TRUE;
  return FALSE;
}

static void
key_values_as_written (StrataNode *service,
                       const char *key)
{
  StrataNode *map = strata_node_lookup (service, key);
  StrataNode *list;

  if (map == NULL || map->kind != STRATA_NODE_MAPPING || !written_as_list (map))
    return;
  list = strata_node_new_sequence (&map->pos);
  for (guint i = 0; i < map->children->len; i++)
    {
      StrataNode *item = g_ptr_array_index (map->children, i);
      g_autofree char *text = strata_node_is_null (item) ? g_strdup (item->key)
                                                          : g_strdup_printf ("%s=%s", item->key, item->text);

      strata_node_append (list, strata_node_new_scalar (&item->pos, text, STRATA_VALUE_STRING));
    }
  strata_node_set (service, key, list);
}

/* compose-go's model keeps a string tmpfs as it is (Strata's canonical
 * form made it a one-item list). */
static void
string_as_written (StrataNode *service,
                   const char *key)
{
  StrataNode *list = strata_node_lookup (service, key);
  StrataNode *item;

  if (list == NULL || list->kind != STRATA_NODE_SEQUENCE || list->origin != STRATA_ORIGIN_DERIVED ||
      list->children->len != 1)
    return;
  item = strata_node_steal_child (list, 0);
  strata_node_set (service, key, item);
}

/* Bare keys take their value from the environment when it has one. */
static void
resolve_environment (StrataNode        *service,
                     StrataEnvironment *environment)
{
  StrataNode *map = strata_node_lookup (service, "environment");

  for (guint i = 0; map && map->kind == STRATA_NODE_MAPPING && i < map->children->len; i++)
    {
      StrataNode *item = g_ptr_array_index (map->children, i);
      const char *value = strata_node_is_null (item) ? strata_environment_lookup (environment, item->key, NULL) : NULL;

      if (value != NULL)
        {
          strata_node_set_text (item, value);
          item->type = STRATA_VALUE_STRING;
        }
    }
}

static void
env_files_long (StrataNode *service)
{
  StrataNode *files = strata_node_lookup (service, "env_file");

  for (guint i = 0; files && files->kind == STRATA_NODE_SEQUENCE && i < files->children->len; i++)
    {
      StrataNode *entry = g_ptr_array_index (files->children, i);
      StrataNode *map;

      if (entry->kind != STRATA_NODE_SCALAR)
        {
          if (entry->kind == STRATA_NODE_MAPPING && strata_node_lookup (entry, "required") == NULL)
            strata_node_append (entry, _strata_derived_scalar (entry, "required", "true", STRATA_VALUE_BOOL));
          continue;
        }
      map = _strata_derived_mapping (entry, NULL);
      strata_node_append (map, _strata_derived_scalar (entry, "path", entry->text, STRATA_VALUE_STRING));
      strata_node_append (map, _strata_derived_scalar (entry, "required", "true", STRATA_VALUE_BOOL));
      g_ptr_array_index (files->children, i) = map;
      strata_node_free (entry);
    }
}

/* Whether the service is on the default network (giving it one if it has
 * none), as normalizeNetworks does. */
static gboolean
default_network (StrataNode *service)
{
  StrataNode *networks = strata_node_lookup (service, "networks");
  StrataNode *map;

  if (strata_node_lookup (service, "network_mode") != NULL)
    return FALSE;
  if (networks != NULL && networks->kind == STRATA_NODE_MAPPING && networks->children->len > 0)
    return strata_node_lookup (networks, "default") != NULL;
  map = _strata_derived_mapping (service, "networks");
  strata_node_append (map, _strata_derived_scalar (service, "default", "", STRATA_VALUE_NULL));
  strata_node_set (service, "networks", map);
  return TRUE;
}

static gboolean
normalize_service (StrataNode        *service,
                   StrataEnvironment *environment)
{
  StrataNode *build = strata_node_lookup (service, "build");

  if (build != NULL && build->kind == STRATA_NODE_MAPPING &&
      strata_node_lookup (build, "dockerfile") == NULL && strata_node_lookup (build, "dockerfile_inline") == NULL)
    strata_node_append (build, _strata_derived_scalar (build, "dockerfile", "Dockerfile", STRATA_VALUE_STRING));
  resolve_environment (service, environment);
  env_files_long (service);
  string_as_written (service, "tmpfs");
  for (guint i = 0; i < G_N_ELEMENTS (key_value_fields); i++)
    key_values_as_written (service, key_value_fields[i]);
  return default_network (service);
}

/* setNameFromKey: external resources are named by their key. */
static void
name_resources (StrataNode *model,
                const char *project_name)
{
  const char *sections[] = { "networks", "volumes", "configs", "secrets" };

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      StrataNode *section = strata_node_lookup (model, sections[s]);

      for (guint i = 0; section && section->kind == STRATA_NODE_MAPPING && i < section->children->len; i++)
        {
          StrataNode *resource = g_ptr_array_index (section->children, i);
          g_autofree char *name = NULL;

          if (resource->kind != STRATA_NODE_MAPPING)
            {
              StrataNode *map = _strata_derived_mapping (resource, resource->key);

              strata_node_set (section, map->key, map);
              resource = map;
            }
          if (strata_node_lookup (resource, "name") != NULL)
            continue;
          name = g_strcmp0 (strata_node_lookup_text (resource, "external"), "true") == 0
                 ? g_strdup (resource->key) : g_strdup_printf ("%s_%s", project_name, resource->key);
          strata_node_append (resource, _strata_derived_scalar (resource, "name", name, STRATA_VALUE_STRING));
        }
    }
}

static void
flag_maps (StrataNode *node)
{
  if (node->kind == STRATA_NODE_SCALAR)
    return;
  if (node->kind == STRATA_NODE_MAPPING)
    node->flags |= STRATA_NODE_FLAG_MAP;
  for (guint i = 0; i < node->children->len; i++)
    flag_maps (g_ptr_array_index (node->children, i));
}

static StrataNode *
section_of (StrataNode *model,
            const char *key)
{
  StrataNode *section = strata_node_lookup (model, key);

  if (section == NULL || section->kind != STRATA_NODE_MAPPING)
    strata_node_set (model, key, section = _strata_derived_mapping (model, key));
  return section;
}

StrataNode *
strata_model_new (const StrataNode  *merged,
                  const char        *project_name,
                  const char        *working_dir,
                  StrataEnvironment *environment)
{
  StrataNode *model = strata_node_copy (merged);
  StrataNode *services = section_of (model, "services");
  gboolean uses_default = FALSE;

  g_return_val_if_fail (project_name != NULL && working_dir != NULL, NULL);

  strata_node_set (model, "name", _strata_derived_scalar (model, "name", project_name, STRATA_VALUE_STRING));
  _strata_resolve_relative_paths (model, working_dir, TRUE);
  for (guint i = 0; i < services->children->len; i++)
    {
      StrataNode *service = g_ptr_array_index (services->children, i);

      if (service->kind == STRATA_NODE_MAPPING && normalize_service (service, environment))
        uses_default = TRUE;
    }
  if (uses_default && strata_node_lookup (section_of (model, "networks"), "default") == NULL)
    strata_node_append (strata_node_lookup (model, "networks"), _strata_derived_mapping (model, "default"));
  name_resources (model, project_name);
  flag_maps (model);
  return model;
}

char *
strata_model_to_yaml (const StrataNode *model)
{
  return _strata_emit_yaml_raw (model);
}

char *
strata_model_to_json (const StrataNode *model)
{
  return _strata_emit_json_raw (model, FALSE);
}
