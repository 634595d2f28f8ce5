/* strata-screenshots.c: renders every view of the demo project, light and
 * dark, into PNG files. Run by build-aux/screenshots.sh under Xvfb.
 *
 *   strata-screenshots DEMO_DIR OUTPUT_DIR
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "strata-application.h"
#include "strata-service-row.h"
#include "strata-teardown-dialog.h"
#include "strata-test-screenshot.h"
#include "strata-window.h"

static const char * const pages[] = {
  "services", "configuration", "layers", "resources", "logs",
};

typedef struct
{
  const char *demo_dir;
  const char *output_dir;
  int         status;
} Run;

static void
save (StrataWindow *window,
      const char   *output_dir,
      const char   *name,
      const char   *scheme)
{
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, scheme);
  g_autofree char *path = g_build_filename (output_dir, file, NULL);
  g_autoptr(GError) error = NULL;

  strata_test_wait_frames (GTK_WIDGET (window), 4);
  if (!strata_test_save_png (GTK_WIDGET (window), path, &error))
    g_error ("%s", error->message);
  g_print ("%s\n", path);
  fflush (stdout);
}

/* The django service unfolded, its overridden command open in its file. */
static void
show_provenance (StrataProjectView *view)
{
  StrataConfigView *config = strata_project_view_get_config_view (view);
  g_autoptr(StrataNodeItem) ports = strata_config_view_reveal (config, "services/django/ports/[1]");
  g_autoptr(StrataNodeItem) environment = strata_config_view_reveal (config, "services/django/environment/DJANGO_DEBUG");
  g_autoptr(StrataNodeItem) command = strata_config_view_reveal (config, "services/django/command");

  if (command == NULL)
    g_error ("the demo has no services/django/command");
  strata_config_view_open_source (config, &strata_node_item_get_node (command)->pos);
}

/* The engine (when DOCKER_HOST names one) answers within a few seconds; an
 * unreachable one fails faster. Either way the Services view settles. */
static void
wait_for_engine (StrataProjectView *view)
{
  StrataServicesView *services = strata_project_view_get_services_view (view);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      StrataServiceRow *row = strata_services_view_get_row (services, "django");

      if (g_strcmp0 (strata_services_view_get_visible_page (services), "no-engine") == 0
          || (row != NULL && g_strcmp0 (strata_service_row_get_state_label (row), "Not created") != 0))
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

/* With an engine, its containers' recent lines come within a second or two. */
static void
wait_for_logs (StrataProjectView *view)
{
  StrataLogsView *logs = strata_project_view_get_logs_view (view);
  gint64 deadline = g_get_monotonic_time () + 4 * G_USEC_PER_SEC;

  if (g_strcmp0 (strata_services_view_get_visible_page (strata_project_view_get_services_view (view)), "list") != 0)
    return;
  while (g_get_monotonic_time () < deadline && strata_logs_view_get_n_lines (logs) < 24)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

/* Tear Down… with its plan, when there is an engine to make one. */
static void
save_teardown (StrataProjectView *view,
               const char        *output_dir,
               const char        *scheme)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  StrataTeardownDialog *dialog;
  g_autofree char *file = g_strdup_printf ("teardown-%s.png", scheme);
  g_autofree char *path = g_build_filename (output_dir, file, NULL);
  g_autoptr(GError) error = NULL;

  if (!gtk_widget_activate_action (GTK_WIDGET (view), "project.tear-down", NULL)
      || (dialog = strata_project_view_get_teardown_dialog (view)) == NULL)
    return;
  while (g_get_monotonic_time () < deadline && strata_teardown_dialog_get_plan (dialog) == NULL)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  strata_test_wait_frames (GTK_WIDGET (dialog), 4);
  if (!strata_test_save_png (GTK_WIDGET (dialog), path, &error))
    g_error ("%s", error->message);
  g_print ("%s\n", path);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
}

static void
render_scheme (StrataApplication *app,
               Run               *run,
               AdwColorScheme     color_scheme,
               const char        *scheme)
{
  StrataWindow *window = strata_window_new (app);
  g_autoptr(GFile) demo = g_file_new_for_path (run->demo_dir);
  StrataProjectView *view;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  save (window, run->output_dir, "empty", scheme);

  strata_window_open_folder (window, demo);
  view = strata_window_get_project_view (window);
  while (strata_project_view_get_n_reloads (view) == 0)
    g_main_context_iteration (NULL, TRUE);
  wait_for_engine (view);
  show_provenance (view);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (view), "project.show-page", "s", pages[i]);
      if (g_str_equal (pages[i], "logs"))
        wait_for_logs (view);
      save (window, run->output_dir, pages[i], scheme);
    }
  save_teardown (view, run->output_dir, scheme);

  gtk_widget_activate_action (GTK_WIDGET (view), "project.show-page", "s", "configuration");
  strata_config_view_set_show_text (strata_project_view_get_config_view (view), TRUE);
  save (window, run->output_dir, "configuration-text", scheme);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_activate (StrataApplication *app,
             Run               *run)
{
  /* A screenshot in the middle of a crossfade shows two pages. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  render_scheme (app, run, ADW_COLOR_SCHEME_FORCE_LIGHT, "light");
  render_scheme (app, run, ADW_COLOR_SCHEME_FORCE_DARK, "dark");
  g_application_quit (G_APPLICATION (app));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(StrataApplication) app = NULL;
  Run run = { 0 };

  if (argc != 3)
    {
      g_printerr ("usage: %s DEMO_DIR OUTPUT_DIR\n", argv[0]);
      return 2;
    }

  run.demo_dir = argv[1];
  run.output_dir = argv[2];
  g_mkdir_with_parents (run.output_dir, 0755);

  app = strata_application_new (G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), &run);

  {
    char *app_argv[] = { argv[0], NULL };
    g_application_run (G_APPLICATION (app), 1, app_argv);
  }

  return run.status;
}
