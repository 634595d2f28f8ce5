/* strata-sidebar.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-application.h"
#include "strata-ui-private.h"
#include "strata-engine-monitor.h"
#include "strata-sidebar-private.h"


G_DEFINE_FINAL_TYPE (StrataSidebar, strata_sidebar, GTK_TYPE_WIDGET)

static gboolean
state_to_label (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_set_string (to, strata_project_state_to_label (g_value_get_int (from)));
  return TRUE;
}

static gboolean
state_to_visible (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_int (from) != STRATA_PROJECT_STATE_UNKNOWN);
  return TRUE;
}

static void
update_badge_class (GtkWidget          *badge,
                    GParamSpec         *pspec,
                    StrataProjectEntry *entry)
{
  static const char * const classes[] = { "success", "warning", "dim-label" };
  const char *wanted = strata_project_state_to_css_class (strata_project_entry_get_state (entry));

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_strcmp0 (classes[i], wanted) != 0)
      gtk_widget_remove_css_class (badge, classes[i]);
  gtk_widget_add_css_class (badge, wanted);
}

static GtkWidget *
create_badge (StrataProjectEntry *entry)
{
  GtkWidget *badge = gtk_label_new (NULL);

  g_signal_connect_object (entry, "notify::state", G_CALLBACK (update_badge_class), badge, G_CONNECT_SWAPPED);
  update_badge_class (badge, NULL, entry);

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "state-badge");
  gtk_widget_add_css_class (badge, "caption");
  g_object_bind_property_full (entry, "state", badge, "label", G_BINDING_SYNC_CREATE,
                               state_to_label, NULL, NULL, NULL);
  g_object_bind_property_full (entry, "state", badge, "visible", G_BINDING_SYNC_CREATE,
                               state_to_visible, NULL, NULL, NULL);
  return badge;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  StrataProjectEntry *entry = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), strata_project_entry_get_name (entry));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), strata_project_entry_get_path (entry));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), strata_project_entry_get_config_files (entry)
                                                     ? "system-run-symbolic" : "folder-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_badge (entry));
  gtk_widget_set_tooltip_text (row, strata_project_entry_get_path (entry));
  g_object_set_data_full (G_OBJECT (row), "path",
                          g_strdup (strata_project_entry_get_path (entry)), g_free);
  g_object_set_data_full (G_OBJECT (row), "entry", g_object_ref (entry), g_object_unref);

  return row;
}

static void
strata_sidebar_select_active (StrataSidebar *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  gtk_list_box_unselect_all (self->list_box);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StrataProjectEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (g_strcmp0 (strata_project_entry_get_path (entry), self->active_path) == 0)
        gtk_list_box_select_row (self->list_box, gtk_list_box_get_row_at_index (self->list_box, i));
    }
}

/* Keeps the entries (and their engine state) that are still listed. */
static void
strata_sidebar_reload (StrataSidebar *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; recent[i] != NULL; i++)
    {
      StrataProjectEntry *old = strata_sidebar_lookup (self, recent[i]);

      g_ptr_array_add (fresh, old ? g_object_ref (old) : strata_project_entry_new (recent[i]));
    }

  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       fresh->pdata, fresh->len);
  strata_sidebar_select_active (self);
  _strata_sidebar_queue_engine_rebuild (self);
}

static void
on_row_activated (StrataSidebar *self,
                  GtkListBoxRow *row)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-recent", "s", path);
}

/* Opens the folder with the files its containers were created from. */
static void
on_engine_row_activated (StrataSidebar *self,
                         GtkListBoxRow *row)
{
  StrataProjectEntry *entry = g_object_get_data (G_OBJECT (row), "entry");
  const char * const *files = strata_project_entry_get_config_files (entry);
  const char * const none[] = { NULL };

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-project", "(s^as)",
                              strata_project_entry_get_path (entry), files ? files : none);
}

static void
strata_sidebar_dispose (GObject *object)
{
  StrataSidebar *self = STRATA_SIDEBAR (object);

  strata_sidebar_set_monitor (self, NULL);
  g_clear_handle_id (&self->engine_source, g_source_remove);
  g_clear_object (&self->engine_entries);
  _strata_widget_dispose_children (GTK_WIDGET (self), STRATA_TYPE_SIDEBAR);
  g_clear_object (&self->settings);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->active_path, g_free);

  G_OBJECT_CLASS (strata_sidebar_parent_class)->dispose (object);
}

static void
strata_sidebar_class_init (StrataSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = strata_sidebar_dispose;

  strata_application_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/strata/Strata/strata-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, StrataSidebar, header_bar);
  gtk_widget_class_bind_template_child (widget_class, StrataSidebar, list_box);
  gtk_widget_class_bind_template_child (widget_class, StrataSidebar, engine_title);
  gtk_widget_class_bind_template_child (widget_class, StrataSidebar, engine_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_engine_row_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "strata-sidebar");
}

static void
strata_sidebar_init (StrataSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_list_store_new (STRATA_TYPE_PROJECT_ENTRY);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->entries),
                           create_row, self, NULL);
  self->engine_entries = g_list_store_new (STRATA_TYPE_PROJECT_ENTRY);
  gtk_list_box_bind_model (self->engine_list, G_LIST_MODEL (self->engine_entries),
                           create_row, self, NULL);

  self->settings = g_settings_new ("io.github.strata.Strata");
  g_signal_connect_object (self->settings, "changed::recent-projects",
                           G_CALLBACK (strata_sidebar_reload), self, G_CONNECT_SWAPPED);
  strata_sidebar_reload (self);
}

GListModel *
strata_sidebar_get_entries (StrataSidebar *self)
{
  g_return_val_if_fail (STRATA_IS_SIDEBAR (self), NULL);

  return G_LIST_MODEL (self->entries);
}

StrataProjectEntry *
strata_sidebar_lookup (StrataSidebar *self,
                       const char    *path)
{
  guint n;

  g_return_val_if_fail (STRATA_IS_SIDEBAR (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  for (guint i = 0; i < n; i++)
    {
      StrataProjectEntry *entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      g_object_unref (entry); /* the store keeps it alive */
      if (g_strcmp0 (strata_project_entry_get_path (entry), path) == 0)
        return entry;
    }

  return NULL;
}

void
strata_sidebar_set_active_path (StrataSidebar *self,
                                const char    *path)
{
  g_return_if_fail (STRATA_IS_SIDEBAR (self));

  if (g_strcmp0 (self->active_path, path) == 0)
    return;

  g_free (self->active_path);
  self->active_path = g_strdup (path);
  strata_sidebar_select_active (self);
}

/* In a folded leaflet the sidebar is alone: it shows the window buttons. */
void
strata_sidebar_bind_folded (StrataSidebar *self,
                            GObject       *leaflet)
{
  g_return_if_fail (STRATA_IS_SIDEBAR (self));

  g_object_bind_property (leaflet, "folded", self->header_bar, "show-end-title-buttons",
                          G_BINDING_SYNC_CREATE);
}
