/* strata-preferences-window.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-application.h"
#include "strata-preferences-window.h"

struct _StrataPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *color_scheme_row;
  GtkSwitch            *auto_switch;
  AdwEntryRow          *endpoint_row;

  /* Owned references */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (StrataPreferencesWindow, strata_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_endpoint_apply (StrataPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->endpoint_row));
  g_autofree char *endpoint = g_strstrip (g_strdup (text));

  g_settings_set_string (self->settings, "engine-endpoint", endpoint);
}

static void
on_color_scheme_selected (StrataPreferencesWindow *self)
{
  g_settings_set_enum (self->settings, "color-scheme",
                       (int) adw_combo_row_get_selected (self->color_scheme_row));
}

static void
strata_preferences_window_dispose (GObject *object)
{
  StrataPreferencesWindow *self = STRATA_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), STRATA_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (strata_preferences_window_parent_class)->dispose (object);
}

static void
strata_preferences_window_class_init (StrataPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = strata_preferences_window_dispose;

  strata_application_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/strata/Strata/strata-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StrataPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, StrataPreferencesWindow, auto_switch);
  gtk_widget_class_bind_template_child (widget_class, StrataPreferencesWindow, endpoint_row);
  gtk_widget_class_bind_template_callback (widget_class, on_endpoint_apply);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
strata_preferences_window_init (StrataPreferencesWindow *self)
{
  g_autofree char *endpoint = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new ("io.github.strata.Strata");
  adw_combo_row_set_selected (self->color_scheme_row, g_settings_get_enum (self->settings, "color-scheme"));
  g_signal_connect_object (self->color_scheme_row, "notify::selected",
                           G_CALLBACK (on_color_scheme_selected), self, G_CONNECT_SWAPPED);

  g_settings_bind (self->settings, "engine-endpoint-auto", self->auto_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "engine-endpoint-auto", self->endpoint_row, "sensitive",
                   G_SETTINGS_BIND_GET | G_SETTINGS_BIND_INVERT_BOOLEAN);
  endpoint = g_settings_get_string (self->settings, "engine-endpoint");
  gtk_editable_set_text (GTK_EDITABLE (self->endpoint_row), endpoint);
}

StrataPreferencesWindow *
strata_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (STRATA_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
