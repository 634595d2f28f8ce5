/* strata-canonical.c: per-file canonical forms (compose-go v2 transform/)
 *
 * The file level: services (strata-canonical-service.c), resources and
 * include. Generic rewrites are in strata-canonical-forms.c, the port and
 * volume short syntaxes in strata-canonical-parse.c.
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "strata-canonical.h"
#include "strata-canonical-private.h"
#include "strata-compose-error.h"

/* external: {name: x} (legacy) becomes external: true plus name: x */
static void
canonical_resource (StrataNode *resource)
{
  StrataNode *external = strata_node_lookup (resource, "external");
  const char *name;

  if (resource->kind != STRATA_NODE_MAPPING)
    return;
  _strata_list_to_mapping (resource, "labels", "labels", NULL);
  if (external == NULL || external->kind != STRATA_NODE_MAPPING)
    return;
  name = strata_node_lookup_text (external, "name");
  if (name != NULL && strata_node_lookup (resource, "name") == NULL)
    strata_node_append (resource, _strata_derived_field (external, "name", name, STRATA_VALUE_STRING));
  strata_node_set (resource, "external", _strata_derived_field (external, "external", "true",
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

        if (!strata_node_is_null (service) && !_strata_canonical_service (service, service->key, error))
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
            StrataNode *path = _strata_derived_field_mapping (entry, "path");

            path->kind = STRATA_NODE_SEQUENCE;
            strata_node_append (path, strata_node_new_scalar (&entry->pos, entry->text, STRATA_VALUE_STRING));
            strata_node_append (map, path);
            g_ptr_array_index (include->children, i) = map;
            strata_node_free (entry);
          }
        else
          {
            _strata_string_to_list (entry, "path");
            _strata_string_to_list (entry, "env_file");
          }
      }
  }
  return TRUE;
}
