/* strata-engine-monitor-sync.c: the listing at (re)connection
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three lists filtered by the compose project label, run in parallel and
 * reconciled with the models: new objects are added, known ones updated in
 * place (so views keep their rows), vanished ones removed.
 */

#include "config.h"

#include "strata-engine-monitor-private.h"
#include "strata-engine-private.h"

enum { LIST_CONTAINERS, LIST_NETWORKS, LIST_VOLUMES, N_LISTS };

typedef struct
{
  StrataEngineMonitor *self;
  guint                which;
  guint                serial;
} ListCall;

static JsonArray *
list_array (JsonNode   *node,
            const char *member)
{
  if (node == NULL)
    return NULL;
  if (member == NULL)
    return JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node) || !json_object_has_member (json_node_get_object (node), member))
    return NULL;
  node = json_object_get_member (json_node_get_object (node), member);

  return JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static void
reconcile_containers (StrataEngineMonitor *self,
                      JsonArray           *list)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *projects = G_LIST_MODEL (self->projects);

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *summary = json_array_get_object_element (list, i);
      JsonObject *labels = _strata_json_object_member (summary, "Labels");
      const char *id = json_object_get_string_member_with_default (summary, "Id", NULL);
      const char *name = _strata_json_label (labels, STRATA_LABEL_PROJECT);
      StrataEngineProject *project;
      StrataContainer *container;

      if (id == NULL || name == NULL)
        continue;
      g_hash_table_add (seen, (gpointer) id);
      project = _strata_engine_monitor_ensure_project (self, name);
      _strata_engine_project_set_origin (project, labels);
      container = strata_engine_project_find_container (project, id);
      if (container != NULL)
        _strata_container_update_from_summary (container, summary);
      else
        {
          g_autoptr(StrataContainer) created = _strata_container_new (id);

          _strata_container_update_from_summary (created, summary);
          _strata_engine_project_add_container (project, created);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(StrataEngineProject) project = g_list_model_get_item (projects, i);
      GListModel *containers = strata_engine_project_get_containers (project);

      for (guint j = g_list_model_get_n_items (containers); j > 0; j--)
        {
          g_autoptr(StrataContainer) c = g_list_model_get_item (containers, j - 1);

          if (!g_hash_table_contains (seen, strata_container_get_id (c)))
            _strata_engine_project_remove_container (project, strata_container_get_id (c));
        }
    }
}

static GListModel *
resources_of (StrataEngineProject *project,
              StrataResourceKind   kind)
{
  return kind == STRATA_RESOURCE_NETWORK ? strata_engine_project_get_networks (project)
                                         : strata_engine_project_get_volumes (project);
}

static void
reconcile_resources (StrataEngineMonitor *self,
                     StrataResourceKind   kind,
                     JsonArray           *list)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *id_member = kind == STRATA_RESOURCE_NETWORK ? "Id" : "Name";
  GListModel *projects = G_LIST_MODEL (self->projects);

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *object = json_array_get_object_element (list, i);
      const char *id = json_object_get_string_member_with_default (object, id_member, NULL);

      if (id == NULL)
        continue;
      g_hash_table_add (seen, (gpointer) id);
      _strata_engine_monitor_add_resource (self, kind, object);
    }

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(StrataEngineProject) project = g_list_model_get_item (projects, i);
      GListModel *resources = resources_of (project, kind);

      for (guint j = g_list_model_get_n_items (resources); j > 0; j--)
        {
          g_autoptr(StrataResource) r = g_list_model_get_item (resources, j - 1);

          if (!g_hash_table_contains (seen, strata_resource_get_id (r)))
            _strata_engine_project_remove_resource (project, kind, strata_resource_get_id (r));
        }
    }
}

static void
drop_empty_projects (StrataEngineMonitor *self)
{
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->projects)); i > 0; i--)
    {
      g_autoptr(StrataEngineProject) project = g_list_model_get_item (G_LIST_MODEL (self->projects), i - 1);

      _strata_engine_monitor_drop_if_empty (self, project);
    }
}

static void
replay_pending_events (StrataEngineMonitor *self)
{
  JsonNode *event;

  while ((event = g_queue_pop_head (&self->pending_events)) != NULL)
    {
      _strata_engine_monitor_handle_event (self, event);
      json_node_unref (event);
    }
}

static void
finish_sync (StrataEngineMonitor *self)
{
  reconcile_containers (self, list_array (self->lists[LIST_CONTAINERS], NULL));
  reconcile_resources (self, STRATA_RESOURCE_NETWORK, list_array (self->lists[LIST_NETWORKS], NULL));
  reconcile_resources (self, STRATA_RESOURCE_VOLUME, list_array (self->lists[LIST_VOLUMES], "Volumes"));
  for (guint i = 0; i < N_LISTS; i++)
    g_clear_pointer (&self->lists[i], json_node_unref);
  drop_empty_projects (self);
  self->n_lists++;
  self->backoff_ms = 0;
  _strata_engine_monitor_set_status (self, STRATA_MONITOR_LIVE, NULL);
  replay_pending_events (self);
  if (self->start_task != NULL)
    {
      g_autoptr(GTask) task = g_steal_pointer (&self->start_task);

      g_task_return_boolean (task, TRUE);
    }
}

static void
sync_failed (StrataEngineMonitor *self,
             const GError        *error)
{
  self->sync_serial++;
  if (self->start_task != NULL)
    {
      g_autoptr(GTask) task = g_steal_pointer (&self->start_task);

      strata_engine_monitor_stop (self);
      g_task_return_error (task, g_error_copy (error));
      return;
    }
  _strata_engine_monitor_schedule_reconnect (self, error);
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  ListCall *call = user_data;
  StrataEngineMonitor *self = call->self;
  g_autoptr(GError) error = NULL;
  JsonNode *node = strata_engine_request_finish (STRATA_ENGINE (object), result, &error);

  if (call->serial != self->sync_serial || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_clear_pointer (&node, json_node_unref);
  else if (node == NULL)
    sync_failed (self, error);
  else
    {
      self->lists[call->which] = node;
      if (--self->lists_pending == 0)
        finish_sync (self);
    }
  g_object_unref (call->self);
  g_free (call);
}

static void
start_list (StrataEngineMonitor *self,
            guint                which,
            const char          *path)
{
  ListCall *call = g_new0 (ListCall, 1);

  call->self = g_object_ref (self);
  call->which = which;
  call->serial = self->sync_serial;
  strata_engine_request_async (self->engine, "GET", path, NULL, self->cancellable, list_cb, call);
}

void
_strata_engine_monitor_sync (StrataEngineMonitor *self)
{
  g_autofree char *filters = strata_engine_filters ("label", STRATA_LABEL_PROJECT, NULL);
  g_autofree char *containers = g_strconcat ("/containers/json?all=1&filters=", filters, NULL);
  g_autofree char *networks = g_strconcat ("/networks?filters=", filters, NULL);
  g_autofree char *volumes = g_strconcat ("/volumes?filters=", filters, NULL);

  self->sync_serial++;
  for (guint i = 0; i < N_LISTS; i++)
    g_clear_pointer (&self->lists[i], json_node_unref);
  self->lists_pending = N_LISTS;
  _strata_engine_monitor_set_status (self, STRATA_MONITOR_LOADING, self->error);
  start_list (self, LIST_CONTAINERS, containers);
  start_list (self, LIST_NETWORKS, networks);
  start_list (self, LIST_VOLUMES, volumes);
}
