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

/* One env_file entry as compose-go's EnvFile marshals it: the path when it
 * is required, else {path, required: false}. */
static StrataNode *
env_file_entry (const StrataNode *entry,
                const char       *working_dir)
{
  const StrataNode *path = entry->kind == STRATA_NODE_MAPPING ? strata_node_lookup (entry, "path") : entry;
  const char *required = entry->kind == STRATA_NODE_MAPPING ? strata_node_lookup_text (entry, "required") : NULL;
  g_autofree char *abs = g_canonicalize_filename (path && path->text ? path->text : "", working_dir);
  StrataNode *item = strata_node_new_scalar (&entry->pos, abs, STRATA_VALUE_STRING);
  StrataNode *map;

  if (g_strcmp0 (required, "false") != 0)
    return item;
  map = strata_node_new_mapping (&entry->pos);
  strata_node_set (map, "path", item);
  strata_node_set (map, "required", strata_node_new_scalar (&entry->pos, "false", STRATA_VALUE_BOOL));
  return map;
}

/* Only the keys the service's own environment names. */
static void
drop_env_file_values (StrataNode       *service,
                      const StrataNode *written)
{
  StrataNode *environment = strata_node_lookup (service, "environment");

  for (guint i = 0; environment && environment->kind == STRATA_NODE_MAPPING && i < environment->children->len; )
    {
      StrataNode *item = g_ptr_array_index (environment->children, i);

      if (strata_node_lookup (written, item->key) == NULL)
        strata_node_remove_child (environment, i);
      else
        i++;
    }
  if (environment != NULL && strata_node_get_n_children (environment) == 0)
    strata_node_remove (service, "environment");
}

/* env_file goes right after environment in compose's field order. */
static void
insert_env_files (StrataNode *service,
                  StrataNode *env_files)
{
  const char *before[] = { "environment", "entrypoint", "domainname" };

  for (guint b = 0; b < G_N_ELEMENTS (before); b++)
    for (guint i = 0; i < service->children->len; i++)
      if (g_str_equal (((StrataNode *) g_ptr_array_index (service->children, i))->key, before[b]))
        {
          strata_node_insert_child (service, i + 1, env_files);
          return;
        }
  strata_node_insert_child (service, 0, env_files);
}

char *
strata_config_hash_unresolved (const StrataNode *service,
                               const StrataNode *merged_service,
                               const char       *working_dir)
{
  const StrataNode *files = merged_service ? strata_node_lookup (merged_service, "env_file") : NULL;
  g_autoptr(StrataNode) copy = NULL;
  StrataNode *list;

  g_return_val_if_fail (service != NULL && working_dir != NULL, NULL);

  if (files == NULL || files->kind != STRATA_NODE_SEQUENCE || files->children->len == 0)
    return strata_config_hash (service);
  copy = strata_node_copy (service);
  drop_env_file_values (copy, strata_node_lookup (merged_service, "environment"));
  list = strata_node_new_sequence (&files->pos);
  strata_node_set_key (list, "env_file");
  for (guint i = 0; i < files->children->len; i++)
    strata_node_append (list, env_file_entry (strata_node_get_child (files, i), working_dir));
  insert_env_files (copy, list);
  return strata_config_hash (copy);
}
