/* test-window.c: the main window, driven through its actions under Xvfb
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "strata-application.h"
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Never the user's engine: a test that wants one sets STRATA_TEST_DOCKER_HOST. */
  g_setenv ("DOCKER_HOST", g_getenv ("STRATA_TEST_DOCKER_HOST") ? g_getenv ("STRATA_TEST_DOCKER_HOST")
                                                                : "unix:///nonexistent/strata-ui-test.sock", TRUE);

  app = strata_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/window/empty-state", Fixture, NULL,
              fixture_setup, test_empty_state, fixture_teardown);
  g_test_add ("/window/open-demo", Fixture, NULL,
              fixture_setup, test_open_demo_records_recent, fixture_teardown);
  g_test_add ("/window/open-recent", Fixture, NULL,
              fixture_setup, test_open_recent_action, fixture_teardown);
  g_test_add ("/window/open-recent-missing", Fixture, NULL,
              fixture_setup, test_open_recent_missing_folder, fixture_teardown);
  g_test_add ("/window/size-remembered", Fixture, NULL,
              fixture_setup, test_size_is_remembered, fixture_teardown);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
