/* strata-window-files.c: which compose files a folder is opened with
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A folder opens with the files remembered for it (picked in the Compose
 * Files dialog, or recorded by the containers of a project found on the
 * engine); else, when it holds more than one override file, the dialog
 * asks; else with compose's defaults. The choice is kept per folder in the
 * project-files setting.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-files-dialog.h"
#include "strata-ui-private.h"
#include "strata-window-private.h"

static GStrv
remembered_files (StrataWindow *self,
                  const char   *path)
{
  g_autoptr(GVariant) all = g_settings_get_value (self->settings, "project-files");
  g_autofree const char **files = NULL;

  if (!g_variant_lookup (all, path, "^a&s", &files))
    return NULL;

  return g_strdupv ((char **) files);
}

static void
remember_files (StrataWindow       *self,
                const char         *path,
                const char * const *files)
{
  g_autoptr(GVariant) old = g_settings_get_value (self->settings, "project-files");
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{sas}"));
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s@as}", &key, &value))
    {
      if (!g_str_equal (key, path))
        g_variant_builder_add (&builder, "{s@as}", key, value);
      g_variant_unref (value);
    }
  if (files != NULL && files[0] != NULL)
    g_variant_builder_add (&builder, "{s^as}", path, files);
  g_settings_set_value (self->settings, "project-files", g_variant_builder_end (&builder));
}

/* Opens @folder with @files (NULL: compose's defaults), remembering them. */
void
strata_window_open_project (StrataWindow       *self,
                            GFile              *folder,
                            const char * const *files)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (STRATA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));

  g_set_object (&self->folder, folder);
  path = g_file_get_path (folder);
  name = g_file_get_basename (folder);
  strata_recent_projects_add (self->settings, path);
  remember_files (self, path, files);

  gtk_window_set_title (GTK_WINDOW (self), name);
  strata_project_view_set_folder_with_files (self->project_view, folder, files);
  gtk_stack_set_visible_child_name (self->stack, "project");
}

static void
on_files_response (StrataWindow      *self,
                   const char        *response,
                   StrataFilesDialog *dialog)
{
  g_autoptr(GFile) folder = g_object_steal_data (G_OBJECT (dialog), "folder");
  g_auto(GStrv) files = strata_files_dialog_get_files (dialog);

  self->files_dialog = NULL;
  if (folder == NULL)
    return;
  strata_window_open_project (self, folder,
                              g_str_equal (response, "open") && files[0] ? (const char * const *) files : NULL);
}

static void
ask_files (StrataWindow       *self,
           GFile              *folder,
           const char * const *candidates,
           const char * const *chosen)
{
  StrataFilesDialog *dialog;

  if (self->files_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->files_dialog));
  dialog = strata_files_dialog_new (GTK_WINDOW (self), candidates, chosen);
  g_object_set_data_full (G_OBJECT (dialog), "folder", g_object_ref (folder), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_files_response), self, G_CONNECT_SWAPPED);
  self->files_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

void
strata_window_open_folder (StrataWindow *self,
                           GFile        *folder)
{
  g_autofree char *path = NULL;
  g_auto(GStrv) files = NULL;
  g_auto(GStrv) defaults = NULL;
  g_auto(GStrv) candidates = NULL;

  g_return_if_fail (STRATA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));

  path = g_file_get_path (folder);
  if ((files = remembered_files (self, path)) != NULL)
    {
      strata_window_open_project (self, folder, (const char * const *) files);
      return;
    }

  candidates = strata_compose_candidates (path, &defaults);
  if (defaults[0] != NULL && g_strv_length (candidates) > 2)
    ask_files (self, folder, (const char * const *) candidates, (const char * const *) defaults);
  else
    strata_window_open_project (self, folder, NULL);
}

static void
choose_files_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StrataWindow *self = STRATA_WINDOW (widget);
  g_autofree char *path = self->folder ? g_file_get_path (self->folder) : NULL;
  g_auto(GStrv) files = NULL;
  g_auto(GStrv) defaults = NULL;
  g_auto(GStrv) candidates = NULL;

  if (path == NULL)
    return;
  files = remembered_files (self, path);
  candidates = strata_compose_candidates (path, &defaults);
  ask_files (self, self->folder, (const char * const *) candidates,
             (const char * const *) (files ? files : defaults));
}

/* (s, as): a folder and its files, as a project on the engine records them. */
static void
open_project_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StrataWindow *self = STRATA_WINDOW (widget);
  const char *path;
  g_autofree const char **files = NULL;
  g_autoptr(GFile) folder = NULL;

  g_variant_get (parameter, "(&s^a&s)", &path, &files);
  folder = g_file_new_for_path (path);
  if (!g_file_query_exists (folder, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not on this computer: the project runs from "
                                                    "another machine or a removed folder"), path);

      _strata_widget_add_toast (GTK_WIDGET (self->toast_overlay), message);
      return;
    }
  strata_window_open_project (self, folder, files);
}

StrataFilesDialog *
strata_window_get_files_dialog (StrataWindow *self)
{
  g_return_val_if_fail (STRATA_IS_WINDOW (self), NULL);

  return self->files_dialog;
}

void
_strata_window_install_files_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.choose-files", NULL, choose_files_action);
  gtk_widget_class_install_action (widget_class, "win.open-project", "(sas)", open_project_action);
}
