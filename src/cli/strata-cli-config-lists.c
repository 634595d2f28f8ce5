/* strata-cli-config-lists.c: config --services, --volumes, --profiles,
 * --images and --hash, one item a line as compose prints them
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-cli-config-private.h"
#include "strata-config-hash.h"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The keys of @mapping, sorted. */
static GPtrArray *
sorted_keys (const StrataNode *mapping)
{
  GPtrArray *keys = g_ptr_array_new ();

  for (guint i = 0; mapping != NULL && i < strata_node_get_n_children (mapping); i++)
    g_ptr_array_add (keys, strata_node_get_child (mapping, i)->key);
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

static const StrataNode *
section (StrataProject *project,
         const char    *key)
{
  return strata_node_lookup (strata_project_get_normalized (project), key);
}

/* Dependencies first (compose's ForEachService walks the services and, for
 * each, its depends_on before it; ties are in name order here). */
static void
print_after_dependencies (const StrataNode *services,
                          const char       *name,
                          GHashTable       *seen)
{
  const StrataNode *service = strata_node_lookup (services, name);
  g_autoptr(GPtrArray) deps = NULL;

  if (service == NULL || g_hash_table_contains (seen, name))
    return;
  g_hash_table_add (seen, (gpointer) name);
  deps = sorted_keys (strata_node_lookup (service, "depends_on"));
  for (guint i = 0; i < deps->len; i++)
    print_after_dependencies (services, g_ptr_array_index (deps, i), seen);
  g_print ("%s\n", name);
}

void
_strata_cli_config_print_services (StrataProject *project)
{
  const StrataNode *services = section (project, "services");
  g_autoptr(GPtrArray) names = sorted_keys (services);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < names->len; i++)
    print_after_dependencies (services, g_ptr_array_index (names, i), seen);
}

void
_strata_cli_config_print_volumes (StrataProject *project)
{
  g_autoptr(GPtrArray) names = sorted_keys (section (project, "volumes"));

  for (guint i = 0; i < names->len; i++)
    g_print ("%s\n", (char *) g_ptr_array_index (names, i));
}

/* The profiles of every service, active or not, sorted. */
void
_strata_cli_config_print_profiles (StrataProject *project)
{
  const StrataNode *services = strata_node_lookup (strata_project_get_merged (project), "services");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gpointer *names = NULL;
  guint n;

  for (guint i = 0; services != NULL && i < strata_node_get_n_children (services); i++)
    {
      const StrataNode *profiles = strata_node_lookup (strata_node_get_child (services, i), "profiles");
      for (guint j = 0; profiles != NULL && j < strata_node_get_n_children (profiles); j++)
        g_hash_table_add (seen, strata_node_get_child (profiles, j)->text);
    }
  names = g_hash_table_get_keys_as_array (seen, &n);
  g_qsort_with_data (names, n, sizeof (gpointer), (GCompareDataFunc) compare_strings, NULL);
  for (guint i = 0; i < n; i++)
    g_print ("%s\n", (char *) names[i]);
}

/* Each service's image; a service that is only built gets project-service. */
void
_strata_cli_config_print_images (StrataProject *project)
{
  GListModel *services = strata_project_get_services (project);

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(StrataServiceItem) item = g_list_model_get_item (services, i);
      const char *image = strata_service_item_get_image (item);

      if (image != NULL)
        g_print ("%s\n", image);
      else
        g_print ("%s-%s\n", strata_project_get_name (project), strata_service_item_get_name (item));
    }
}

/* "NAME HASH" for the services of @which ("*" or a comma-separated list),
 * by name: what the com.docker.compose.config-hash label holds. */
int
_strata_cli_config_print_hashes (StrataProject *project,
                                 const char    *which)
{
  const StrataNode *services = section (project, "services");
  const StrataNode *merged = strata_node_lookup (strata_project_get_merged (project), "services");
  g_autoptr(GPtrArray) names = NULL;
  g_auto(GStrv) wanted = NULL;

  if (g_str_equal (which, "*"))
    names = sorted_keys (services);
  else
    {
      wanted = g_strsplit (which, ",", -1);
      names = g_ptr_array_new ();
      for (guint i = 0; wanted[i]; i++)
        g_ptr_array_add (names, wanted[i]);
      g_ptr_array_sort (names, compare_strings);
    }
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      const StrataNode *service = strata_node_lookup (services, name);
      g_autofree char *hash = NULL;

      if (service == NULL)
        return _strata_cli_error (_("no such service: %s (see `strata config --services`)"), name);
      hash = strata_config_hash_unresolved (service, strata_node_lookup (merged, name),
                                            strata_project_get_working_dir (project));
      g_print ("%s %s\n", name, hash);
    }
  return STRATA_CLI_EXIT_OK;
}
