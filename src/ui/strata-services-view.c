/* strata-services-view.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per service of the files; the engine's live containers (a
 * GListStore kept current by /events) fill in their state. Changes are
 * coalesced into one refresh per main loop iteration.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-application.h"
#include "strata-staleness.h"
#include "strata-project.h"
#include "strata-services-view-private.h"
#include "strata-ui-private.h"

G_DEFINE_FINAL_TYPE (StrataServicesView, strata_services_view, GTK_TYPE_WIDGET)

enum {
  LIVE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  StrataServicesView *self = user_data;
  GtkWidget *row = strata_service_row_new (item);

  g_hash_table_insert (self->rows, g_strdup (strata_service_item_get_name (item)), row);
  return row;
}

StrataServiceRow *
_strata_services_view_find_row (StrataServicesView *self,
                                const char         *service)
{
  return g_hash_table_lookup (self->rows, service);
}

/* The service's config hash in the files (cached on the snapshot). */
static const char *
expected_hash (StrataServicesView *self,
               const char         *service)
{
  return self->project ? strata_project_get_service_hash (self->project, service) : NULL;
}

/* (element-type StrataContainer) (transfer container): not one-off ones. */
GPtrArray *
_strata_services_view_containers_of (StrataServicesView *self,
                                     const char         *service)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *containers = self->live ? strata_engine_project_get_containers (self->live) : NULL;
  guint n = containers ? g_list_model_get_n_items (containers) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StrataContainer) c = g_list_model_get_item (containers, i);

      if (!strata_container_get_oneoff (c) && g_strcmp0 (strata_container_get_service (c), service) == 0)
        g_ptr_array_add (found, g_steal_pointer (&c));
    }

  return found;
}

static GHashTable *
group_by_service (StrataServicesView *self)
{
  GHashTable *groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  GListModel *containers = self->live ? strata_engine_project_get_containers (self->live) : NULL;
  guint n = containers ? g_list_model_get_n_items (containers) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StrataContainer) c = g_list_model_get_item (containers, i);
      const char *service = strata_container_get_service (c);
      GPtrArray *group;

      if (service == NULL || strata_container_get_oneoff (c))
        continue;
      if ((group = g_hash_table_lookup (groups, service)) == NULL)
        g_hash_table_insert (groups, (gpointer) service,
                             group = g_ptr_array_new_with_free_func (g_object_unref));
      g_ptr_array_add (group, g_steal_pointer (&c));
    }

  return groups;
}

static gboolean
refresh (gpointer data)
{
  StrataServicesView *self = data;
  g_autoptr(GHashTable) groups = group_by_service (self);
  GHashTableIter iter;
  gpointer name, row;

  self->refresh_source = 0;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &name, &row))
    {
      GPtrArray *group = g_hash_table_lookup (groups, name);

      strata_service_row_update (row, group, group ? expected_hash (self, name) : NULL);
    }
  g_signal_emit (self, signals[LIVE_CHANGED], 0);

  return G_SOURCE_REMOVE;
}

static void
queue_refresh (StrataServicesView *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT, refresh, self, NULL);
}

static void
on_containers_changed (StrataServicesView *self,
                       guint               position,
                       guint               removed,
                       guint               added,
                       GListModel         *containers)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (containers, i);

      if (g_object_get_data (c, "strata-services-view") != self)
        {
          g_object_set_data (c, "strata-services-view", self);
          g_signal_connect_object (c, "notify", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
        }
    }
  queue_refresh (self);
}

static void
strata_services_view_update_page (StrataServicesView *self)
{
  const char *page = "empty";

  if (self->engine_message != NULL)
    page = "no-engine";
  else if (self->project != NULL && g_list_model_get_n_items (strata_project_get_services (self->project)) > 0)
    page = "list";

  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
strata_services_view_dispose (GObject *object)
{
  StrataServicesView *self = STRATA_SERVICES_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_hash_table_remove_all (self->rows);
  _strata_widget_dispose_children (GTK_WIDGET (self), STRATA_TYPE_SERVICES_VIEW);
  g_clear_object (&self->project);
  g_clear_object (&self->engine);
  g_clear_object (&self->live);
  g_clear_pointer (&self->engine_message, g_free);

  G_OBJECT_CLASS (strata_services_view_parent_class)->dispose (object);
}

static void
strata_services_view_finalize (GObject *object)
{
  StrataServicesView *self = STRATA_SERVICES_VIEW (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->busy, g_hash_table_unref);

  G_OBJECT_CLASS (strata_services_view_parent_class)->finalize (object);
}

static void
strata_services_view_class_init (StrataServicesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = strata_services_view_dispose;
  object_class->finalize = strata_services_view_finalize;

  /* After the rows took in a change of the engine's state. */
  signals[LIVE_CHANGED] = g_signal_new ("live-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  strata_application_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/strata/Strata/strata-services-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StrataServicesView, stack);
  gtk_widget_class_bind_template_child (widget_class, StrataServicesView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, StrataServicesView, engine_page);
  gtk_widget_class_bind_template_child (widget_class, StrataServicesView, list_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  _strata_services_view_install_actions (widget_class);
}

static void
strata_services_view_init (StrataServicesView *self)
{
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->busy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  _strata_services_view_update_actions (self);
}

/* One row per service, "not created" until an engine says otherwise. */
void
strata_services_view_set_project (StrataServicesView *self,
                                  StrataProject      *project)
{
  g_return_if_fail (STRATA_IS_SERVICES_VIEW (self));

  if (!g_set_object (&self->project, project))
    return;
  g_hash_table_remove_all (self->rows);
  gtk_list_box_bind_model (self->list_box, project ? strata_project_get_services (project) : NULL,
                           create_row, self, NULL);
  strata_services_view_update_page (self);
  queue_refresh (self);
}

/**
 * strata_services_view_set_live:
 * @engine: (nullable): the engine, for the per-service actions
 * @live: (nullable): the project's live state on it, when it has any
 */
void
strata_services_view_set_live (StrataServicesView  *self,
                               StrataEngine        *engine,
                               StrataEngineProject *live)
{
  GListModel *containers;

  g_return_if_fail (STRATA_IS_SERVICES_VIEW (self));

  g_set_object (&self->engine, engine);
  if (self->live != live)
    {
      if (self->live != NULL)
        g_signal_handlers_disconnect_by_data (strata_engine_project_get_containers (self->live), self);
      g_set_object (&self->live, live);
      if (live != NULL)
        {
          containers = strata_engine_project_get_containers (live);
          g_signal_connect_object (containers, "items-changed", G_CALLBACK (on_containers_changed),
                                   self, G_CONNECT_SWAPPED);
          on_containers_changed (self, 0, 0, g_list_model_get_n_items (containers), containers);
        }
      queue_refresh (self);
    }
  _strata_services_view_update_actions (self);
}

/**
 * strata_services_view_set_engine_error:
 * @endpoint: (nullable): the endpoint tried, as a URI
 * @message: (nullable): what went wrong and what to do, or %NULL when the
 *   engine answers again
 */
void
strata_services_view_set_engine_error (StrataServicesView *self,
                                       const char         *endpoint,
                                       const char         *message)
{
  g_autofree char *description = NULL;

  g_return_if_fail (STRATA_IS_SERVICES_VIEW (self));

  g_free (self->engine_message);
  self->engine_message = g_strdup (message);
  if (message != NULL)
    {
      description = _strata_engine_error_description (endpoint, message);
      adw_status_page_set_description (self->engine_page, description);
    }
  strata_services_view_update_page (self);
}

const char *
strata_services_view_get_visible_page (StrataServicesView *self)
{
  g_return_val_if_fail (STRATA_IS_SERVICES_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* What the no-engine page says (the endpoint tried, what to do). */
const char *
strata_services_view_get_engine_description (StrataServicesView *self)
{
  g_return_val_if_fail (STRATA_IS_SERVICES_VIEW (self), NULL);

  return adw_status_page_get_description (self->engine_page);
}

/* The row of @service, with the engine's state as of the last main loop iteration. */
StrataServiceRow *
strata_services_view_get_row (StrataServicesView *self,
                              const char         *service)
{
  g_return_val_if_fail (STRATA_IS_SERVICES_VIEW (self), NULL);

  if (self->refresh_source != 0)
    {
      g_clear_handle_id (&self->refresh_source, g_source_remove);
      refresh (self);
    }

  return _strata_services_view_find_row (self, service);
}
