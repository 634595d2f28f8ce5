/* test-layer-diff.c: what the demo's override changes, and its traps
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "strata-blame.h"
#include "strata-compose-error.h"
#include "strata-emit.h"
#include "strata-project.h"

static StrataLayerDiff *
override_diff (StrataProject *project)
{
  GPtrArray *diffs = strata_project_get_layer_diffs (project);

  g_assert_cmpuint (diffs->len, ==, 2);
  return g_ptr_array_index (diffs, 1);
}

static StrataLayerChange *
find_change (StrataLayerDiff *diff,
             const char      *path)
{
  for (guint i = 0; i < diff->changes->len; i++)
    {
      StrataLayerChange *change = g_ptr_array_index (diff->changes, i);
      if (g_str_equal (change->path, path))
        return change;
    }
  return NULL;
}

static StrataProject *
load_demo_keeping (gboolean keep_merged)
{
  g_autoptr(StrataLoadOptions) options = strata_load_options_new ();
  g_autoptr(GError) error = NULL;
  StrataProject *project;

  options->cwd = g_strdup (g_getenv ("STRATA_DEMO_DIR"));
  options->keep_merged = keep_merged;
  project = strata_project_load (options, NULL, &error);
  g_assert_no_error (error);
  return project;
}

static StrataProject *
load_demo (void)
{
  return load_demo_keeping (TRUE);
}

static void
test_demo_changes (void)
{
  g_autoptr(StrataProject) project = load_demo ();
  StrataLayerDiff *diff = override_diff (project);
  StrataLayerChange *port = find_change (diff, "services.django.ports[1]");
  StrataLayerChange *command = find_change (diff, "services.django.command");
  StrataLayerChange *media = find_change (diff, "services.django.volumes[2]");

  g_assert_cmpstr (strata_layer_get_basename (diff->layer), ==, "docker-compose.override.yml");
  g_assert_nonnull (port);
  g_assert_cmpint (port->kind, ==, STRATA_CHANGE_APPENDED);
  g_assert_cmpuint (port->new_pos.line, ==, 12);

  g_assert_nonnull (command);
  g_assert_cmpint (command->kind, ==, STRATA_CHANGE_OVERRIDDEN);
  g_assert_cmpstr (command->new_value, ==, "/srv/www/project/bin/run-dev.sh");
  g_assert_cmpuint (command->old_pos.line, ==, 19);

  g_assert_nonnull (media);
  g_assert_cmpint (media->kind, ==, STRATA_CHANGE_REPLACED_BY_TARGET);
  g_assert_cmpuint (media->old_pos.line, ==, 16);
  g_assert_cmpuint (media->new_pos.line, ==, 10);

  g_assert_nonnull (find_change (diff, "services.django.environment.DJANGO_DEBUG"));
  g_assert_cmpint (find_change (diff, "volumes.static")->kind, ==, STRATA_CHANGE_ADDED);
}

static void
test_demo_ports_trap (void)
{
  g_autoptr(StrataProject) project = load_demo ();
  StrataLayerDiff *diff = override_diff (project);
  StrataDiagnostic *warning;

  g_assert_cmpuint (diff->warnings->len, ==, 1);
  warning = g_ptr_array_index (diff->warnings, 0);
  g_assert_cmpint (warning->severity, ==, STRATA_SEVERITY_WARNING);
  g_assert_cmpuint (warning->pos.line, ==, 12);
  g_assert_nonnull (strstr (warning->message, "services.django.ports"));
  g_assert_nonnull (strstr (warning->hint, "!reset"));
  g_assert_nonnull (strstr (warning->hint, "!override"));
}

/* A load that does not keep the merged tree (`strata config`) prints the
 * same model, with the same provenance, and has no changes or traps to
 * show. */
static void
test_without_merged_tree (void)
{
  g_autoptr(StrataProject) kept = load_demo ();
  g_autoptr(StrataProject) lean = load_demo_keeping (FALSE);
  g_autofree char *kept_yaml = strata_emit_yaml (strata_project_get_normalized (kept));
  g_autofree char *lean_yaml = strata_emit_yaml (strata_project_get_normalized (lean));
  g_autofree char *kept_json = strata_emit_json (strata_project_get_normalized (kept), FALSE);
  g_autofree char *lean_json = strata_emit_json (strata_project_get_normalized (lean), FALSE);
  g_autoptr(GArray) kept_blame = strata_blame_lines (strata_project_get_normalized (kept), kept_yaml, NULL);
  g_autoptr(GArray) lean_blame = strata_blame_lines (strata_project_get_normalized (lean), lean_yaml, NULL);

  g_assert_nonnull (strata_project_get_merged (kept));
  g_assert_null (strata_project_get_merged (lean));
  g_assert_cmpstr (lean_yaml, ==, kept_yaml);
  g_assert_cmpstr (lean_json, ==, kept_json);
  g_assert_cmpuint (lean_blame->len, ==, kept_blame->len);
  for (guint i = 0; i < kept_blame->len; i++)
    g_assert_cmpstr (g_array_index (lean_blame, StrataBlameLine, i).note, ==,
                     g_array_index (kept_blame, StrataBlameLine, i).note);

  g_assert_cmpuint (override_diff (lean)->changes->len, ==, 0);
  g_assert_cmpuint (override_diff (lean)->warnings->len, ==, 0);
  g_assert_nonnull (find_change (override_diff (kept), "services.django.ports[1]"));
  g_assert_cmpuint (override_diff (kept)->warnings->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (strata_project_get_services (lean)), ==,
                    g_list_model_get_n_items (strata_project_get_services (kept)));
  g_assert_cmpuint (g_list_model_get_n_items (strata_project_get_volumes (lean)), ==, 3);
}

static void
test_traps_in_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("strata-diff-XXXXXX", NULL);
  g_autofree char *base = g_build_filename (dir, "compose.yaml", NULL);
  g_autoptr(StrataLoadOptions) options = strata_load_options_new ();
  g_autoptr(StrataProject) project = NULL;
  g_autoptr(GError) error = NULL;
  StrataLayerDiff *diff;
  const char *text = "version: '3.8'\n"
                     "services:\n"
                     "  web:\n"
                     "    image: nginx\n"
                     "    volumes: ['./missing:/data']\n";

  g_assert_true (g_file_set_contents (base, text, -1, NULL));
  options->cwd = g_strdup (dir);
  project = strata_project_load (options, NULL, &error);
  g_assert_no_error (error);
  diff = g_ptr_array_index (strata_project_get_layer_diffs (project), 0);
  g_assert_cmpuint (diff->warnings->len, ==, 2);
  g_assert_cmpuint (((StrataDiagnostic *) g_ptr_array_index (diff->warnings, 0))->pos.line, ==, 1);
  g_assert_nonnull (strstr (((StrataDiagnostic *) g_ptr_array_index (diff->warnings, 1))->message, "missing"));

  g_remove (base);
  g_rmdir (dir);
}

/* compose 2.26.1 refuses a link to no service: an error with its place and
 * the fix, not a warning. */
static void
test_link_to_no_service (void)
{
  g_autofree char *dir = g_dir_make_tmp ("strata-diff-XXXXXX", NULL);
  g_autofree char *base = g_build_filename (dir, "compose.yaml", NULL);
  g_autoptr(StrataLoadOptions) options = strata_load_options_new ();
  g_autoptr(StrataProject) project = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "services:\n"
                     "  web:\n"
                     "    image: nginx\n"
                     "    links: [db]\n";

  g_assert_true (g_file_set_contents (base, text, -1, NULL));
  options->cwd = g_strdup (dir);
  project = strata_project_load (options, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "compose.yaml:4:"));
  g_assert_nonnull (strstr (error->message, "depends on undefined service \"db\""));
  g_assert_nonnull (strstr (error->message, "remove it from links"));

  g_remove (base);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layer-diff/demo-changes", test_demo_changes);
  g_test_add_func ("/layer-diff/demo-ports-trap", test_demo_ports_trap);
  g_test_add_func ("/layer-diff/without-merged-tree", test_without_merged_tree);
  g_test_add_func ("/layer-diff/traps-in-files", test_traps_in_files);
  g_test_add_func ("/layer-diff/link-to-no-service", test_link_to_no_service);

  return g_test_run ();
}
