/* strata-cli-config.c: strata config, as docker compose config
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-cli-blame.h"
#include "strata-cli-project.h"
#include "strata-cli-verbs.h"
#include "strata-emit.h"

static const char * const config_flags[] = {
  "--format", "--services", "--volumes", "--profiles", "--images", "-q", "--quiet",
  "--no-interpolate", "--blame", "--help", "-h",
};

static gboolean
check_flags (StrataCliGlobals *globals)
{
  for (guint i = 0; i + 1 < globals->args->len; i++)
    {
      const char *arg = g_ptr_array_index (globals->args, i);
      gboolean known = g_str_has_prefix (arg, "--format=");

      for (guint j = 0; j < G_N_ELEMENTS (config_flags); j++)
        known = known || g_str_equal (arg, config_flags[j]);
      if (g_str_equal (arg, "--format"))
        i++;
      else if (!known)
        {
          _strata_cli_usage_error (_("strata config: unknown flag: %s"), arg);
          return FALSE;
        }
    }
  return TRUE;
}

static const StrataNode *
section (StrataProject *project,
         const char    *key)
{
  return strata_node_lookup (strata_project_get_normalized (project), key);
}

static void
print_keys (const StrataNode *mapping,
            gboolean          sorted)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  for (guint i = 0; mapping != NULL && i < strata_node_get_n_children (mapping); i++)
    g_ptr_array_add (keys, strata_node_get_child (mapping, i)->key);
  if (sorted)
    g_ptr_array_sort (keys, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < keys->len; i++)
    g_print ("%s\n", (char *) g_ptr_array_index (keys, i));
}

/* The profiles of every service, active or not. */
static void
print_profiles (StrataProject *project)
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
  g_qsort_with_data (names, n, sizeof (gpointer), (GCompareDataFunc) g_strcmp0, NULL);
  for (guint i = 0; i < n; i++)
    g_print ("%s\n", (char *) names[i]);
}

/* Each service's image; a service that is only built gets project-service. */
static void
print_images (StrataProject *project)
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

static int
print_model (StrataProject *project,
             const char    *format)
{
  g_autofree char *text = NULL;

  if (g_strcmp0 (format, "json") == 0)
    {
      text = strata_emit_json (strata_project_get_normalized (project), FALSE);
      g_print ("%s", text);
    }
  else if (format == NULL || g_str_equal (format, "yaml"))
    {
      text = strata_emit_yaml (strata_project_get_normalized (project));
      g_print ("%s", text);
    }
  else
    return _strata_cli_usage_error (_("unsupported format %s: use yaml or json"), format);
  return STRATA_CLI_EXIT_OK;
}

int
strata_cli_config (StrataCliGlobals *globals)
{
  g_autoptr(StrataProject) project = NULL;
  const char *format = _strata_cli_flag_value (globals, "--format");

  if (!check_flags (globals))
    return STRATA_CLI_EXIT_USAGE;
  project = _strata_cli_load_project (globals, _strata_cli_has_flag (globals, "--no-interpolate", NULL));
  if (project == NULL)
    return STRATA_CLI_EXIT_ERROR;
  _strata_cli_print_diagnostics (strata_project_get_diagnostic_list (project), STRATA_SEVERITY_WARNING);

  if (_strata_cli_has_flag (globals, "-q", "--quiet"))
    return STRATA_CLI_EXIT_OK;
  if (_strata_cli_has_flag (globals, "--blame", NULL))
    return _strata_cli_print_blame (project, format);
  if (_strata_cli_has_flag (globals, "--services", NULL))
    print_keys (section (project, "services"), FALSE);
  else if (_strata_cli_has_flag (globals, "--volumes", NULL))
    print_keys (section (project, "volumes"), TRUE);
  else if (_strata_cli_has_flag (globals, "--profiles", NULL))
    print_profiles (project);
  else if (_strata_cli_has_flag (globals, "--images", NULL))
    print_images (project);
  else
    return print_model (project, format);
  return STRATA_CLI_EXIT_OK;
}
