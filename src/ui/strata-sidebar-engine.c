/* strata-sidebar-engine.c: the projects the engine runs, in the sidebar
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every compose project on the engine (whoever started it) whose folder
 * is not among the recent ones gets an entry, opened with the files its
 * containers record (com.docker.compose.project.working_dir and
 * .config_files). Recent folders get their state badge from the engine
 * too. Rebuilt once per main loop iteration after a change.
 */

#include "config.h"

#include "strata-engine-monitor.h"
#include "strata-sidebar-private.h"
#include "strata-ui-private.h"

static StrataEngineProject *
find_by_working_dir (GListModel *projects,
                     const char *path)
{
  for (guint i = 0; projects != NULL && i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(StrataEngineProject) project = g_list_model_get_item (projects, i);

      if (g_strcmp0 (strata_engine_project_get_working_dir (project), path) == 0)
        return project;  /* the monitor's store keeps it */
    }

  return NULL;
}

static void
update_recent_badges (StrataSidebar *self,
                      GListModel    *projects)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->entries)); i++)
    {
      g_autoptr(StrataProjectEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      const char *path = strata_project_entry_get_path (entry);

      if (g_strcmp0 (path, self->active_path) == 0)
        continue;  /* the open project's page keeps its badge */
      strata_project_entry_set_state (entry, projects == NULL ? STRATA_PROJECT_STATE_UNKNOWN
                                             : _strata_engine_project_state (find_by_working_dir (projects, path)));
    }
}

static gboolean
rebuild_engine_entries (gpointer data)
{
  StrataSidebar *self = data;
  GListModel *projects = self->monitor ? strata_engine_monitor_get_projects (self->monitor) : NULL;
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);

  self->engine_source = 0;
  for (guint i = 0; projects != NULL && i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(StrataEngineProject) project = g_list_model_get_item (projects, i);
      const char *working_dir = strata_engine_project_get_working_dir (project);
      StrataProjectEntry *entry;

      if (working_dir == NULL || strata_sidebar_lookup (self, working_dir) != NULL)
        continue;
      entry = strata_project_entry_new_for_engine (strata_engine_project_get_name (project), working_dir,
                                                   strata_engine_project_get_config_files (project));
      strata_project_entry_set_state (entry, _strata_engine_project_state (project));
      g_ptr_array_add (fresh, entry);
    }

  g_list_store_splice (self->engine_entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->engine_entries)),
                       fresh->pdata, fresh->len);
  gtk_widget_set_visible (GTK_WIDGET (self->engine_title), fresh->len > 0);
  update_recent_badges (self, projects);

  return G_SOURCE_REMOVE;
}

void
_strata_sidebar_queue_engine_rebuild (StrataSidebar *self)
{
  if (self->engine_source == 0)
    self->engine_source = g_idle_add_full (G_PRIORITY_DEFAULT, rebuild_engine_entries, self, NULL);
}

static void
watch_containers (StrataSidebar *self,
                  GListModel    *containers,
                  guint          position,
                  guint          removed,
                  guint          added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (containers, i);

      if (g_object_get_data (c, "strata-sidebar") != self)
        {
          g_object_set_data (c, "strata-sidebar", self);
          g_signal_connect_object (c, "notify::state", G_CALLBACK (_strata_sidebar_queue_engine_rebuild),
                                   self, G_CONNECT_SWAPPED);
        }
    }
  _strata_sidebar_queue_engine_rebuild (self);
}

static void
on_containers_changed (GListModel *containers,
                       guint       position,
                       guint       removed,
                       guint       added,
                       gpointer    user_data)
{
  watch_containers (user_data, containers, position, removed, added);
}

static void
on_projects_changed (StrataSidebar *self,
                     guint          position,
                     guint          removed,
                     guint          added,
                     GListModel    *projects)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(StrataEngineProject) project = g_list_model_get_item (projects, i);
      GListModel *containers = strata_engine_project_get_containers (project);

      g_signal_connect_object (project, "notify", G_CALLBACK (_strata_sidebar_queue_engine_rebuild),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (containers, "items-changed", G_CALLBACK (on_containers_changed), self, 0);
      watch_containers (self, containers, 0, 0, g_list_model_get_n_items (containers));
    }
  _strata_sidebar_queue_engine_rebuild (self);
}

/**
 * strata_sidebar_set_monitor:
 * @monitor: (nullable): the engine's live projects, or %NULL without an engine
 */
void
strata_sidebar_set_monitor (StrataSidebar       *self,
                            StrataEngineMonitor *monitor)
{
  GListModel *projects;

  g_return_if_fail (STRATA_IS_SIDEBAR (self));

  if (self->monitor == monitor)
    return;
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (strata_engine_monitor_get_projects (self->monitor), self);
  g_set_object (&self->monitor, monitor);
  if (monitor != NULL)
    {
      projects = strata_engine_monitor_get_projects (monitor);
      g_signal_connect_object (projects, "items-changed", G_CALLBACK (on_projects_changed), self, G_CONNECT_SWAPPED);
      on_projects_changed (self, 0, 0, g_list_model_get_n_items (projects), projects);
    }
  _strata_sidebar_queue_engine_rebuild (self);
}

/* The projects on the engine that are not among the recent folders. */
GListModel *
strata_sidebar_get_engine_entries (StrataSidebar *self)
{
  g_return_val_if_fail (STRATA_IS_SIDEBAR (self), NULL);

  if (self->engine_source != 0)
    {
      g_clear_handle_id (&self->engine_source, g_source_remove);
      rebuild_engine_entries (self);
    }

  return G_LIST_MODEL (self->engine_entries);
}
