/* test-project-view.c: the project page, its actions and states, under Xvfb
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "strata-application.h"
#include "strata-test-ui.h"
#include "strata-teardown-item.h"
#include "strata-window.h"

static StrataApplication *app;

typedef struct
{
  StrataWindow      *window;
  StrataProjectView *view;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) demo = g_file_new_for_path (g_getenv ("STRATA_DEMO_DIR"));

  fixture->window = strata_window_new (app);
  gtk_window_present (GTK_WINDOW (fixture->window));
  strata_window_open_folder (fixture->window, demo);
  fixture->view = strata_window_get_project_view (fixture->window);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_pages_by_action (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const pages[] = { "configuration", "layers", "resources", "logs", "services" };

  g_assert_cmpstr (strata_project_view_get_visible_page (fixture->view), ==, "services");
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (fixture->view), "project.show-page", "s", pages[i]);
      g_assert_cmpstr (strata_project_view_get_visible_page (fixture->view), ==, pages[i]);
    }
}

static void
test_sidebar_lists_the_folder (Fixture       *fixture,
                               gconstpointer  data)
{
  StrataSidebar *sidebar = strata_project_view_get_sidebar (fixture->view);
  StrataProjectEntry *entry = strata_sidebar_lookup (sidebar, g_getenv ("STRATA_DEMO_DIR"));

  g_assert_nonnull (entry);
  g_assert_cmpstr (strata_project_entry_get_name (entry), ==, "demo");
}

static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action_name)
{
  if (GTK_IS_ACTIONABLE (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Without an engine, Up, Down and Tear Down… cannot be pressed. */
static void
test_engine_actions_off_without_engine (Fixture       *fixture,
                                        gconstpointer  data)
{
  static const char * const actions[] = { "project.up", "project.down", "project.tear-down" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWidget *button = find_actionable (GTK_WIDGET (fixture->view), actions[i]);

      g_assert_nonnull (button);
      g_assert_false (gtk_widget_is_sensitive (button));
    }
}

/* A problem with a place opens that place in the configuration view. */
static void
test_diagnostic_opens_its_place (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) diagnostics = strata_diagnostics_new ();
  const char *text = "services:\n  web: 1\n";
  g_autoptr(StrataLayer) layer = strata_layer_new ("/demo/docker-compose.yml", text, strlen (text),
                                                   STRATA_LAYER_ROLE_BASE);
  StrataPosition pos = { layer, 2, 8 };
  StrataDiagnosticsBar *bar = strata_project_view_get_diagnostics_bar (fixture->view);
  StrataConfigView *config = strata_project_view_get_config_view (fixture->view);
  StrataLayer *shown = NULL;
  guint line = 0;

  g_ptr_array_add (diagnostics, strata_diagnostic_new (STRATA_SEVERITY_ERROR, &pos,
                                                       "write a mapping", "services.web must be a mapping"));
  strata_diagnostics_bar_set_diagnostics (bar, diagnostics);
  g_assert_cmpuint (strata_diagnostics_bar_get_n_shown (bar), ==, 1);

  strata_diagnostics_bar_activate_row (bar, 0);
  g_assert_cmpstr (strata_project_view_get_visible_page (fixture->view), ==, "configuration");
  g_assert_true (strata_config_view_get_source (config, &shown, &line));
  g_assert_true (shown == layer);
  g_assert_cmpuint (line, ==, 2);

  strata_diagnostics_bar_set_diagnostics (bar, NULL);
  g_assert_cmpuint (strata_diagnostics_bar_get_n_shown (bar), ==, 0);
}

static void
test_logs_are_bounded (Fixture       *fixture,
                       gconstpointer  data)
{
  StrataLogsView *logs = strata_project_view_get_logs_view (fixture->view);

  strata_logs_view_set_max_lines (logs, 100);
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *text = g_strdup_printf ("request %u", i);

      strata_logs_view_append (logs, i % 2 ? "django" : "postgresql", "2026-01-01T00:00:00Z", text);
    }
  g_assert_cmpuint (strata_logs_view_get_n_lines (logs), ==, 100);

  gtk_widget_activate_action (GTK_WIDGET (logs), "logs.pause", NULL);
  g_assert_true (strata_logs_view_get_paused (logs));
  gtk_widget_activate_action (GTK_WIDGET (logs), "logs.clear", NULL);
  g_assert_cmpuint (strata_logs_view_get_n_lines (logs), ==, 0);
}

/* Removal progress shows per resource, without blocking, then summarizes. */
static void
test_progress_then_summary (Fixture       *fixture,
                            gconstpointer  data)
{
  StrataProgressPanel *panel = strata_project_view_get_progress_panel (fixture->view);
  g_autoptr(GListStore) plan = g_list_store_new (STRATA_TYPE_TEARDOWN_ITEM);
  g_autoptr(StrataTeardownItem) container = strata_teardown_item_new (STRATA_PLAN_CONTAINER, "demo-django-1", NULL);
  g_autoptr(StrataTeardownItem) volume = strata_teardown_item_new (STRATA_PLAN_VOLUME, "demo_pgdata", NULL);
  g_autoptr(StrataTeardownItem) kept = strata_teardown_item_new_kept (STRATA_PLAN_NETWORK, "proxy", "external: true");
  g_autofree char *summary = NULL;

  g_list_store_append (plan, container);
  g_list_store_append (plan, volume);
  g_list_store_append (plan, kept);
  strata_progress_panel_track (panel, "demo", G_LIST_MODEL (plan));
  g_assert_true (strata_progress_panel_is_running (panel));

  strata_teardown_item_set_state (container, STRATA_TEARDOWN_REMOVED, NULL);
  g_assert_true (strata_progress_panel_is_running (panel));
  strata_teardown_item_set_state (volume, STRATA_TEARDOWN_FAILED, "volume is in use by 3f2c");
  g_assert_true (strata_progress_panel_is_running (panel));
  strata_progress_panel_finish (panel);
  g_assert_false (strata_progress_panel_is_running (panel));

  summary = strata_progress_panel_dup_summary (panel);
  g_assert_cmpstr (summary, ==, "demo: 1 removed, 1 failed: volume is in use by 3f2c");
  g_assert_cmpint (strata_teardown_item_get_state (kept), ==, STRATA_TEARDOWN_KEPT);
}

static gboolean
on_timeout (gpointer user_data)
{
  g_error ("no reload within 5 s of a change to the compose file");
  return G_SOURCE_REMOVE;
}

/* Saving a compose file reloads the project, once. */
static void
test_edit_reloads (gconstpointer data)
{
  g_autofree char *dir = g_dir_make_tmp ("strata-ui-XXXXXX", NULL);
  g_autofree char *compose = g_build_filename (dir, "compose.yaml", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  StrataWindow *window = strata_window_new (app);
  StrataProjectView *view = strata_window_get_project_view (window);
  guint timeout;

  g_assert_true (g_file_set_contents (compose, "services:\n  web:\n    image: nginx\n", -1, NULL));
  strata_window_open_folder (window, folder);
  timeout = g_timeout_add_seconds (5, on_timeout, NULL);
  while (strata_project_view_get_n_reloads (view) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  g_assert_nonnull (strata_project_view_get_project (view));

  g_assert_true (g_file_set_contents (compose, "services:\n  web:\n    image: caddy\n", -1, NULL));
  timeout = g_timeout_add_seconds (5, on_timeout, NULL);
  while (strata_project_view_get_n_reloads (view) == 1)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  g_assert_cmpuint (strata_project_view_get_n_reloads (view), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (compose);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  strata_test_ui_init (&argc, &argv);

  app = strata_test_ui_new_app ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/project-view/pages-by-action", test_pages_by_action);
  ADD ("/project-view/sidebar-lists-the-folder", test_sidebar_lists_the_folder);
  ADD ("/project-view/engine-actions-off", test_engine_actions_off_without_engine);
  ADD ("/project-view/diagnostic-opens-its-place", test_diagnostic_opens_its_place);
  ADD ("/project-view/logs-are-bounded", test_logs_are_bounded);
  ADD ("/project-view/progress-then-summary", test_progress_then_summary);
#undef ADD
  g_test_add_data_func ("/project-view/edit-reloads", NULL, test_edit_reloads);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
