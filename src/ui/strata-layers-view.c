/* strata-layers-view.c
 *
 * One section per compose file after the first: its traps first (lists an
 * override can only append to, with the `!override`/`!reset` fix), then
 * every change it makes, colored by kind, the value before and after side by
 * side with their places.
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-application.h"
#include "strata-change-entry.h"
#include "strata-layers-view.h"
#include "strata-project.h"
#include "strata-ui-private.h"

struct _StrataLayersView
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  AdwStatusPage *empty_page;
  GtkBox        *sections_box;

  /* Owned references */
  GObject       *project;
  GListStore    *entries;  /* of StrataChangeEntry, every section */
};

G_DEFINE_FINAL_TYPE (StrataLayersView, strata_layers_view, GTK_TYPE_WIDGET)

static GtkWidget *
value_box (const char *value,
           const char *where,
           const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (value ? value : "—");
  GtkWidget *place = gtk_label_new (where);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, value ? css_class : "dim-label");
  gtk_label_set_xalign (GTK_LABEL (place), 0);
  gtk_widget_add_css_class (place, "caption");
  gtk_widget_add_css_class (place, "dim-label");
  gtk_widget_set_visible (place, where != NULL);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), place);

  return box;
}

static GtkWidget *
create_change_row (StrataChangeEntry *entry)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *chip = gtk_label_new (strata_change_kind_to_label (strata_change_entry_get_kind (entry)));
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *path = gtk_label_new (strata_change_entry_get_path (entry));
  GtkWidget *sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *kind_class = g_strdup_printf ("change-%d", strata_change_entry_get_kind (entry));

  g_object_set (row, "margin-start", 12, "margin-end", 12, "margin-top", 8, "margin-bottom", 8, NULL);
  gtk_widget_set_valign (chip, GTK_ALIGN_START);
  gtk_widget_set_size_request (chip, 150, -1);
  gtk_widget_add_css_class (chip, "change-chip");
  gtk_widget_add_css_class (chip, kind_class);
  gtk_widget_add_css_class (chip, "caption");
  gtk_label_set_xalign (GTK_LABEL (path), 0);
  gtk_label_set_ellipsize (GTK_LABEL (path), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (path, "heading");
  gtk_box_set_homogeneous (GTK_BOX (sides), TRUE);
  gtk_box_append (GTK_BOX (sides), value_box (strata_change_entry_get_before (entry),
                                               strata_change_entry_get_before_place (entry), "diff-before"));
  gtk_box_append (GTK_BOX (sides), value_box (strata_change_entry_get_after (entry),
                                               strata_change_entry_get_after_place (entry), "diff-after"));
  gtk_widget_set_hexpand (body, TRUE);
  gtk_box_append (GTK_BOX (body), path);
  gtk_box_append (GTK_BOX (body), sides);
  gtk_box_append (GTK_BOX (row), chip);
  gtk_box_append (GTK_BOX (row), body);

  return row;
}

static GtkWidget *
create_warning_row (StrataChangeEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (strata_change_entry_get_message (entry), -1);
  const char *hint = strata_change_entry_get_hint (entry);
  g_autofree char *subtitle = hint ? g_markup_escape_text (hint, -1) : NULL;
  GtkWidget *place = gtk_label_new (strata_change_entry_get_path (entry));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-warning-symbolic");
  gtk_widget_add_css_class (row, "trap-warning");
  gtk_widget_add_css_class (place, "caption");
  gtk_widget_add_css_class (place, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), place);

  return row;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  StrataChangeEntry *entry = item;
  GtkWidget *child = strata_change_entry_is_warning (entry) ? create_warning_row (entry) : create_change_row (entry);

  if (GTK_IS_LIST_BOX_ROW (child))
    return child;

  {
    GtkWidget *row = gtk_list_box_row_new ();

    gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    return row;
  }
}

static GListStore *
entries_of_diff (const StrataLayerDiff *diff)
{
  GListStore *store = g_list_store_new (STRATA_TYPE_CHANGE_ENTRY);

  for (guint i = 0; diff->warnings != NULL && i < diff->warnings->len; i++)
    {
      g_autoptr(StrataChangeEntry) entry =
        strata_change_entry_new_warning (diff->layer, g_ptr_array_index (diff->warnings, i));

      g_list_store_append (store, entry);
    }
  for (guint i = 0; diff->changes != NULL && i < diff->changes->len; i++)
    {
      g_autoptr(StrataChangeEntry) entry =
        strata_change_entry_new_change (diff->layer, g_ptr_array_index (diff->changes, i));

      g_list_store_append (store, entry);
    }

  return store;
}

static void
strata_layers_view_add_section (StrataLayersView      *self,
                                const StrataLayerDiff *diff,
                                const char            *over)
{
  g_autoptr(GListStore) store = entries_of_diff (diff);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *description = g_strdup_printf (_("What it changes over %s"), over);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), strata_layer_get_basename (diff->layer));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (store), create_row, NULL, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (self->sections_box, group);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(GObject) entry = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_list_store_append (self->entries, entry);
    }
}

static void
strata_layers_view_clear (StrataLayersView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);
  g_list_store_remove_all (self->entries);
}

void
strata_layers_view_set_project (StrataLayersView *self,
                                StrataProject    *project)
{
  GPtrArray *diffs;
  GPtrArray *layers;
  g_autoptr(GString) over = g_string_new (NULL);

  g_return_if_fail (STRATA_IS_LAYERS_VIEW (self));

  g_set_object (&self->project, (GObject *) project);
  strata_layers_view_clear (self);
  diffs = project ? strata_project_get_layer_diffs (project) : NULL;
  layers = project ? strata_project_get_layers (project) : NULL;

  for (guint i = 0; diffs != NULL && i < diffs->len; i++)
    {
      const StrataLayerDiff *diff = g_ptr_array_index (diffs, i);

      if (layers->len > 0 && diff->layer == g_ptr_array_index (layers, 0))
        {
          g_string_append (over, strata_layer_get_basename (diff->layer));
          continue;
        }
      strata_layers_view_add_section (self, diff, over->len ? over->str : _("nothing"));
      g_string_append_printf (over, ", %s", strata_layer_get_basename (diff->layer));
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->entries)) ? "layers" : "empty");
}

GListModel *
strata_layers_view_get_entries (StrataLayersView *self)
{
  g_return_val_if_fail (STRATA_IS_LAYERS_VIEW (self), NULL);

  return G_LIST_MODEL (self->entries);
}

static void
strata_layers_view_dispose (GObject *object)
{
  StrataLayersView *self = STRATA_LAYERS_VIEW (object);

  _strata_widget_dispose_children (GTK_WIDGET (self), STRATA_TYPE_LAYERS_VIEW);
  g_clear_object (&self->project);
  g_clear_object (&self->entries);

  G_OBJECT_CLASS (strata_layers_view_parent_class)->dispose (object);
}

static void
strata_layers_view_class_init (StrataLayersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = strata_layers_view_dispose;

  strata_application_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/strata/Strata/strata-layers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StrataLayersView, stack);
  gtk_widget_class_bind_template_child (widget_class, StrataLayersView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, StrataLayersView, sections_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
strata_layers_view_init (StrataLayersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_list_store_new (STRATA_TYPE_CHANGE_ENTRY);
}
