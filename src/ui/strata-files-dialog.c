/* strata-files-dialog.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per compose file of the folder: a check to read it, and buttons
 * to move it up or down; the files read are the checked ones, top to bottom.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-application.h"
#include "strata-files-dialog.h"

typedef struct
{
  char     *name;
  gboolean  chosen;
} File;

struct _StrataFilesDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  GtkListBox       *list_box;

  /* Owned references */
  GPtrArray        *files;   /* File, in the order shown */
};

G_DEFINE_FINAL_TYPE (StrataFilesDialog, strata_files_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void rebuild (StrataFilesDialog *self);

static void
file_free (File *file)
{
  g_free (file->name);
  g_free (file);
}

static guint
find_file (StrataFilesDialog *self,
           const char        *name)
{
  for (guint i = 0; i < self->files->len; i++)
    if (g_str_equal (((File *) g_ptr_array_index (self->files, i))->name, name))
      return i;

  return G_MAXUINT;
}

static void
on_check_toggled (GtkCheckButton *check,
                  File           *file)
{
  file->chosen = gtk_check_button_get_active (check);
}

static void
on_move (GtkButton         *button,
         StrataFilesDialog *self)
{
  strata_files_dialog_move (self, g_object_get_data (G_OBJECT (button), "file"),
                            GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta")));
}

static GtkWidget *
move_button (StrataFilesDialog *self,
             File              *file,
             int                delta,
             gboolean           sensitive)
{
  const char *label = delta < 0 ? _("Move Up") : _("Move Down");
  GtkWidget *button = gtk_button_new_from_icon_name (delta < 0 ? "go-up-symbolic" : "go-down-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_sensitive (button, sensitive);
  g_object_set_data_full (G_OBJECT (button), "file", g_strdup (file->name), g_free);
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (delta));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_move), self, 0);

  return button;
}

static GtkWidget *
file_row (StrataFilesDialog *self,
          guint              index)
{
  File *file = g_ptr_array_index (self->files, index);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *title = g_markup_escape_text (file->name, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), file->chosen);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, file->name, -1);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), file);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), move_button (self, file, -1, index > 0));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), move_button (self, file, +1, index + 1 < self->files->len));

  return row;
}

static void
rebuild (StrataFilesDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  for (guint i = 0; i < self->files->len; i++)
    gtk_list_box_append (self->list_box, file_row (self, i));
}

/* Moves @file @delta places (-1: up); the rows follow. */
void
strata_files_dialog_move (StrataFilesDialog *self,
                          const char        *file,
                          int                delta)
{
  guint from = find_file (self, file);
  guint to;

  g_return_if_fail (STRATA_IS_FILES_DIALOG (self));

  if (from == G_MAXUINT || (delta < 0 && from < (guint) -delta) || from + delta >= self->files->len)
    return;
  to = from + delta;
  g_ptr_array_insert (self->files, to, g_ptr_array_steal_index (self->files, from));
  rebuild (self);
}

/* The checked files, top to bottom. */
GStrv
strata_files_dialog_get_files (StrataFilesDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (STRATA_IS_FILES_DIALOG (self), NULL);

  for (guint i = 0; i < self->files->len; i++)
    {
      File *file = g_ptr_array_index (self->files, i);

      if (file->chosen)
        g_strv_builder_add (builder, file->name);
    }

  return g_strv_builder_end (builder);
}

/* Checks @chosen, in that order, first; the other files follow, unchecked. */
void
strata_files_dialog_set_files (StrataFilesDialog  *self,
                               const char * const *chosen)
{
  g_return_if_fail (STRATA_IS_FILES_DIALOG (self));

  for (guint i = 0; i < self->files->len; i++)
    ((File *) g_ptr_array_index (self->files, i))->chosen = FALSE;
  for (guint n = 0; chosen != NULL && chosen[n] != NULL; n++)
    {
      guint at = find_file (self, chosen[n]);

      if (at == G_MAXUINT)
        {
          File *file = g_new0 (File, 1);

          file->name = g_strdup (chosen[n]);
          g_ptr_array_add (self->files, file);
          at = self->files->len - 1;
        }
      ((File *) g_ptr_array_index (self->files, at))->chosen = TRUE;
      g_ptr_array_insert (self->files, n, g_ptr_array_steal_index (self->files, at));
    }
  rebuild (self);
}

static void
strata_files_dialog_finalize (GObject *object)
{
  StrataFilesDialog *self = STRATA_FILES_DIALOG (object);

  g_clear_pointer (&self->files, g_ptr_array_unref);

  G_OBJECT_CLASS (strata_files_dialog_parent_class)->finalize (object);
}

static void
strata_files_dialog_class_init (StrataFilesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = strata_files_dialog_finalize;

  strata_application_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/strata/Strata/strata-files-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StrataFilesDialog, list_box);
}

static void
strata_files_dialog_init (StrataFilesDialog *self)
{
  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify) file_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

StrataFilesDialog *
strata_files_dialog_new (GtkWindow          *parent,
                         const char * const *candidates,
                         const char * const *chosen)
{
  StrataFilesDialog *self = g_object_new (STRATA_TYPE_FILES_DIALOG,
                                          "transient-for", parent,
                                          "modal", TRUE,
                                          NULL);

  for (guint i = 0; candidates != NULL && candidates[i] != NULL; i++)
    {
      File *file = g_new0 (File, 1);

      file->name = g_strdup (candidates[i]);
      g_ptr_array_add (self->files, file);
    }
  strata_files_dialog_set_files (self, chosen);

  return self;
}

/* --- the folder's compose files -------------------------------------------- */

/* compose-go's DefaultFileNames and DefaultOverrideFileNames, in order. */
static const char * const base_names[] = {
  "compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml",
};
static const char * const override_names[] = {
  "compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml",
};

static gboolean
is_compose_name (const char *name)
{
  return strstr (name, "compose") != NULL
         && (g_str_has_suffix (name, ".yml") || g_str_has_suffix (name, ".yaml"));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

GStrv
strata_compose_candidates (const char *folder,
                           GStrv      *defaults)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) wanted = g_strv_builder_new ();
  const char *name;
  const char *base = NULL;
  const char *override = NULL;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (is_compose_name (name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; base == NULL && i < G_N_ELEMENTS (base_names); i++)
    if (g_ptr_array_find_with_equal_func (names, base_names[i], g_str_equal, NULL))
      base = base_names[i];
  for (guint i = 0; base != NULL && override == NULL && i < G_N_ELEMENTS (override_names); i++)
    if (g_ptr_array_find_with_equal_func (names, override_names[i], g_str_equal, NULL))
      override = override_names[i];
  if (base != NULL)
    {
      guint at;

      g_ptr_array_find_with_equal_func (names, base, g_str_equal, &at);
      g_ptr_array_insert (names, 0, g_ptr_array_steal_index (names, at));
      g_strv_builder_add (wanted, base);
      if (override != NULL)
        g_strv_builder_add (wanted, override);
    }
  if (defaults != NULL)
    *defaults = g_strv_builder_end (wanted);
  g_ptr_array_add (names, NULL);

  return (GStrv) g_ptr_array_steal (names, NULL);
}
