/* strata-application.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <gtksourceview/gtksource.h>

#include "strata-application.h"
#include "strata-preferences-window.h"
#include "strata-resources.h"
#include "strata-window.h"

struct _StrataApplication
{
  AdwApplication  parent_instance;

  /* Owned references */
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (StrataApplication, strata_application, ADW_TYPE_APPLICATION)

static StrataWindow *
strata_application_get_window (StrataApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (strata_window_new (self));

  return STRATA_WINDOW (window);
}

static void
strata_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (strata_application_get_window (STRATA_APPLICATION (app))));
}

static void
strata_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  StrataWindow *window = strata_application_get_window (STRATA_APPLICATION (app));

  if (n_files > 0)
    strata_window_open_folder (window, files[0]);
  gtk_window_present (GTK_WINDOW (window));
}

static void
strata_application_apply_color_scheme (StrataApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint scheme = (guint) g_settings_get_enum (self->settings, "color-scheme");

  if (scheme >= G_N_ELEMENTS (schemes))
    scheme = 0;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), schemes[scheme]);
}

static void
strata_application_startup (GApplication *app)
{
  StrataApplication *self = STRATA_APPLICATION (app);

  G_APPLICATION_CLASS (strata_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);
  self->settings = g_settings_new ("io.github.strata.Strata");
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (strata_application_apply_color_scheme), self, G_CONNECT_SWAPPED);
  strata_application_apply_color_scheme (self);
}

static void
strata_application_shutdown (GApplication *app)
{
  StrataApplication *self = STRATA_APPLICATION (app);

  g_clear_object (&self->settings);

  G_APPLICATION_CLASS (strata_application_parent_class)->shutdown (app);
}

/* The resources live in a static library: register them by hand, once. */
void
strata_application_register_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      strata_register_resource ();
      gtk_source_init ();
      g_once_init_leave (&registered, 1);
    }
}

static void
strata_application_class_init (StrataApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = strata_application_activate;
  app_class->open = strata_application_open;
  app_class->startup = strata_application_startup;
  app_class->shutdown = strata_application_shutdown;

  strata_application_register_resources ();
}

static void
strata_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
strata_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Strata authors", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Strata"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Strata authors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("See what your compose files really say, and what is running"),
                         "website", "https://github.com/strata/strata",
                         "issue-url", "https://github.com/strata/strata/issues",
                         "developers", developers,
                         "copyright", "© 2026 The Strata authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
strata_application_preferences_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (strata_preferences_window_new (parent)));
}

static const GActionEntry app_actions[] = {
  { "quit", strata_application_quit_action },
  { "preferences", strata_application_preferences_action },
  { "about", strata_application_about_action },
};

static void
strata_application_init (StrataApplication *self)
{
  static const char *quit_accels[] = { "<primary>q", NULL };
  static const char *open_accels[] = { "<primary>o", NULL };
  static const char *files_accels[] = { "<primary><shift>o", NULL };
  static const char *close_accels[] = { "<primary>w", NULL };
  static const char *preferences_accels[] = { "<primary>comma", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.open-folder", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.choose-files", files_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
}

StrataApplication *
strata_application_new (GApplicationFlags flags)
{
  return g_object_new (STRATA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/strata/Strata",
                       NULL);
}

int
strata_application_run_main (int    argc,
                              char **argv)
{
  g_autoptr(StrataApplication) app = strata_application_new (G_APPLICATION_DEFAULT_FLAGS);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
