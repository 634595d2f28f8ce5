/* test-window.c: the main window, driven through its actions under Xvfb
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "strata-application.h"
#include "strata-test-ui.h"
#include "strata-files-dialog.h"
#include "strata-project.h"
#include "strata-window.h"

/* One application for the whole run, as in a real session. */
static StrataApplication *app;

typedef struct
{
  StrataWindow      *window;
  GSettings         *settings;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->settings = g_settings_new ("io.github.strata.Strata");
  g_settings_reset (fixture->settings, "recent-projects");

  fixture->window = strata_window_new (app);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (fixture->window);
  g_clear_object (&fixture->settings);
}

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_cmpstr (strata_window_get_visible_page (fixture->window), ==, "empty");
  g_assert_null (strata_window_get_folder (fixture->window));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
}

static void
test_open_demo_records_recent (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *demo = g_getenv ("STRATA_DEMO_DIR");
  g_autoptr(GFile) folder = g_file_new_for_path (demo);
  g_auto(GStrv) recent = NULL;

  strata_window_open_folder (fixture->window, folder);

  g_assert_cmpstr (strata_window_get_visible_page (fixture->window), ==, "project");
  recent = g_settings_get_strv (fixture->settings, "recent-projects");
  g_assert_cmpstr (recent[0], ==, demo);
  g_assert_null (recent[1]);
}

static void
test_open_recent_action (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *demo = g_getenv ("STRATA_DEMO_DIR");
  g_autoptr(GFile) expected = g_file_new_for_path (demo);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-recent", "s", demo);

  g_assert_true (g_file_equal (strata_window_get_folder (fixture->window), expected));
  g_assert_cmpstr (strata_window_get_visible_page (fixture->window), ==, "project");
}

static void
test_open_recent_missing_folder (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char *gone = "/nonexistent/strata-project";
  const char *recent_in[] = { gone, NULL };
  g_auto(GStrv) recent = NULL;

  g_settings_set_strv (fixture->settings, "recent-projects", recent_in);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-recent", "s", gone);

  g_assert_cmpstr (strata_window_get_visible_page (fixture->window), ==, "empty");
  recent = g_settings_get_strv (fixture->settings, "recent-projects");
  g_assert_null (recent[0]);
}

static void
test_size_is_remembered (Fixture       *fixture,
                         gconstpointer  data)
{
  StrataWindow *second;
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 640);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-width"), ==, 900);

  second = strata_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  gtk_window_destroy (GTK_WINDOW (second));
}

static void
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static gboolean
on_load_timeout (gpointer user_data)
{
  g_error ("the project did not load within 10 s");
  return G_SOURCE_REMOVE;
}

static StrataProject *
wait_loaded (StrataWindow *window,
             guint         after)
{
  StrataProjectView *view = strata_window_get_project_view (window);
  guint timeout = g_timeout_add_seconds (10, on_load_timeout, NULL);

  while (strata_project_view_get_n_reloads (view) <= after)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);

  return strata_project_view_get_project (view);
}

static void
assert_files (StrataProject      *project,
              const char         *dir,
              const char * const *names)
{
  GPtrArray *files = strata_project_get_config_files (project);

  g_assert_cmpuint (files->len, ==, g_strv_length ((char **) names));
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *want = g_build_filename (dir, names[i], NULL);

      g_assert_cmpstr (g_ptr_array_index (files, i), ==, want);
    }
}

/* Several override files: the dialog asks which to read and in which
 * order (compose's defaults checked first); the choice is remembered. */
static void
test_pick_override_files (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("strata-files-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  static const char * const defaults[] = { "docker-compose.yml", "docker-compose.override.yml", NULL };
  static const char * const picked[] = { "docker-compose.yml", "docker-compose.prod.yml", "docker-compose.override.yml", NULL };
  StrataFilesDialog *dialog;
  g_auto(GStrv) shown = NULL;
  g_auto(GStrv) moved = NULL;
  g_auto(GStrv) stored = NULL;
  g_autoptr(GVariant) remembered = NULL;
  StrataWindow *again;

  write_file (dir, "docker-compose.yml", "services:\n  web:\n    image: nginx\n");
  write_file (dir, "docker-compose.override.yml", "services:\n  web:\n    ports: [\"8000:80\"]\n");
  write_file (dir, "docker-compose.prod.yml", "services:\n  web:\n    restart: always\n");
  g_settings_reset (fixture->settings, "project-files");

  strata_window_open_folder (fixture->window, folder);
  dialog = strata_window_get_files_dialog (fixture->window);
  g_assert_nonnull (dialog);
  shown = strata_files_dialog_get_files (dialog);
  g_assert_cmpstrv (shown, defaults);

  strata_files_dialog_set_files (dialog, picked);
  strata_files_dialog_move (dialog, "docker-compose.prod.yml", -1);
  moved = strata_files_dialog_get_files (dialog);
  g_assert_cmpstr (moved[0], ==, "docker-compose.prod.yml");
  strata_files_dialog_move (dialog, "docker-compose.prod.yml", +1);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "open");
  g_assert_null (strata_window_get_files_dialog (fixture->window));
  assert_files (wait_loaded (fixture->window, 0), dir, picked);

  remembered = g_settings_get_value (fixture->settings, "project-files");
  g_assert_true (g_variant_lookup (remembered, dir, "^as", &stored));
  g_assert_cmpstrv (stored, picked);

  /* Reopened: no question, the same files in the same order. */
  again = strata_window_new (app);
  gtk_window_present (GTK_WINDOW (again));
  strata_window_open_folder (again, folder);
  g_assert_null (strata_window_get_files_dialog (again));
  assert_files (wait_loaded (again, 0), dir, picked);
  gtk_window_destroy (GTK_WINDOW (again));
  g_settings_reset (fixture->settings, "project-files");
  for (guint i = 0; picked[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, picked[i], NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  strata_test_ui_init (&argc, &argv);

  app = strata_test_ui_new_app ();

  g_test_add ("/window/empty-state", Fixture, NULL,
              fixture_setup, test_empty_state, fixture_teardown);
  g_test_add ("/window/open-demo", Fixture, NULL,
              fixture_setup, test_open_demo_records_recent, fixture_teardown);
  g_test_add ("/window/open-recent", Fixture, NULL,
              fixture_setup, test_open_recent_action, fixture_teardown);
  g_test_add ("/window/open-recent-missing", Fixture, NULL,
              fixture_setup, test_open_recent_missing_folder, fixture_teardown);
  g_test_add ("/window/pick-override-files", Fixture, NULL,
              fixture_setup, test_pick_override_files, fixture_teardown);
  g_test_add ("/window/size-remembered", Fixture, NULL,
              fixture_setup, test_size_is_remembered, fixture_teardown);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
