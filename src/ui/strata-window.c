/* strata-window.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-project-view.h"
#include "strata-recent-projects.h"
#include "strata-ui-private.h"
#include "strata-window-private.h"


G_DEFINE_FINAL_TYPE (StrataWindow, strata_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkWidget *
create_recent_row (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), path);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", path);

  return row;
}

static void
strata_window_update_recent (StrataWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; recent[i] != NULL; i++)
    gtk_list_box_append (self->recent_list, create_recent_row (recent[i]));

  gtk_widget_set_visible (self->recent_group, recent[0] != NULL);
}

static void
on_recent_changed (StrataWindow *self)
{
  strata_window_update_recent (self);
}

StrataProjectView *
strata_window_get_project_view (StrataWindow *self)
{
  g_return_val_if_fail (STRATA_IS_WINDOW (self), NULL);

  return self->project_view;
}

GFile *
strata_window_get_folder (StrataWindow *self)
{
  g_return_val_if_fail (STRATA_IS_WINDOW (self), NULL);

  return self->folder;
}

const char *
strata_window_get_visible_page (StrataWindow *self)
{
  g_return_val_if_fail (STRATA_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

static void
on_chooser_response (StrataWindow *self,
                     int           response,
                     GtkNativeDialog *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (folder != NULL)
        strata_window_open_folder (self, folder);
    }

  g_clear_object (&self->chooser);
}

static void
strata_window_open_folder_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  StrataWindow *self = STRATA_WINDOW (widget);
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Open Project Folder"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
strata_window_open_recent_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  StrataWindow *self = STRATA_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);

  if (!g_file_query_exists (folder, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” no longer exists"), path);

      strata_recent_projects_remove (self->settings, path);
      _strata_widget_add_toast (GTK_WIDGET (self->toast_overlay), message);
      return;
    }

  strata_window_open_folder (self, folder);
}

static void
strata_window_dispose (GObject *object)
{
  StrataWindow *self = STRATA_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  if (self->files_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->files_dialog));
  self->files_dialog = NULL;
  g_clear_object (&self->chooser);
  g_clear_object (&self->folder);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), STRATA_TYPE_WINDOW);

  G_OBJECT_CLASS (strata_window_parent_class)->dispose (object);
}

static void
strata_window_class_init (StrataWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = strata_window_dispose;

  strata_application_register_resources ();
  g_type_ensure (STRATA_TYPE_PROJECT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/strata/Strata/strata-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StrataWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, StrataWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StrataWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, StrataWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, StrataWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, StrataWindow, project_view);

  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL,
                                   strata_window_open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s",
                                   strata_window_open_recent_action);
  _strata_window_install_files_actions (widget_class);
}

static void
strata_window_bind_size (StrataWindow *self)
{
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

static void
strata_window_init (StrataWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new ("io.github.strata.Strata");
  strata_window_bind_size (self);
  g_signal_connect_object (self->settings, "changed::recent-projects",
                           G_CALLBACK (on_recent_changed), self, G_CONNECT_SWAPPED);
  strata_window_update_recent (self);
}

StrataWindow *
strata_window_new (StrataApplication *application)
{
  return g_object_new (STRATA_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
