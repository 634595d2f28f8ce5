/* strata-engine-monitor.c: every compose project on an engine
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Start: open /events first (buffering what arrives), then list containers,
 * networks and volumes carrying com.docker.compose.project, fill the
 * models, and replay the buffer.  From then on only events (and an inspect
 * of the one container an event names) change the models.  After the
 * stream breaks, the monitor reconnects and lists once more, because an
 * engine that restarted has forgotten the events in between.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-engine-monitor-private.h"

G_DEFINE_FINAL_TYPE (StrataEngineMonitor, strata_engine_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENGINE,
  PROP_STATUS,
  PROP_ERROR_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
strata_engine_monitor_dispose (GObject *object)
{
  StrataEngineMonitor *self = STRATA_ENGINE_MONITOR (object);

  strata_engine_monitor_stop (self);

  G_OBJECT_CLASS (strata_engine_monitor_parent_class)->dispose (object);
}

static void
strata_engine_monitor_finalize (GObject *object)
{
  StrataEngineMonitor *self = STRATA_ENGINE_MONITOR (object);

  g_clear_object (&self->engine);
  g_clear_object (&self->projects);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_clear_pointer (&self->inspecting, g_hash_table_unref);
  _strata_json_splitter_clear (&self->splitter);

  G_OBJECT_CLASS (strata_engine_monitor_parent_class)->finalize (object);
}

static void
strata_engine_monitor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  StrataEngineMonitor *self = STRATA_ENGINE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error ? self->error->message : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
strata_engine_monitor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  StrataEngineMonitor *self = STRATA_ENGINE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      self->engine = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
strata_engine_monitor_class_init (StrataEngineMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = strata_engine_monitor_dispose;
  object_class->finalize = strata_engine_monitor_finalize;
  object_class->get_property = strata_engine_monitor_get_property;
  object_class->set_property = strata_engine_monitor_set_property;

  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL, STRATA_TYPE_ENGINE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, STRATA_MONITOR_STOPPED, STRATA_MONITOR_RECONNECTING,
                      STRATA_MONITOR_STOPPED, flags);
  properties[PROP_ERROR_MESSAGE] = g_param_spec_string ("error-message", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
strata_engine_monitor_init (StrataEngineMonitor *self)
{
  self->projects = g_list_store_new (STRATA_TYPE_ENGINE_PROJECT);
  self->inspecting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_queue_init (&self->pending_events);
  _strata_json_splitter_init (&self->splitter);
}

StrataEngineMonitor *
strata_engine_monitor_new (StrataEngine *engine)
{
  g_return_val_if_fail (STRATA_IS_ENGINE (engine), NULL);

  return g_object_new (STRATA_TYPE_ENGINE_MONITOR, "engine", engine, NULL);
}

StrataEngine *
strata_engine_monitor_get_engine (StrataEngineMonitor *self)
{
  return self->engine;
}

GListModel *
strata_engine_monitor_get_projects (StrataEngineMonitor *self)
{
  return G_LIST_MODEL (self->projects);
}

StrataMonitorStatus
strata_engine_monitor_get_status (StrataEngineMonitor *self)
{
  return self->status;
}

const GError *
strata_engine_monitor_get_error (StrataEngineMonitor *self)
{
  return self->error;
}

/* How many times the monitor listed the engine's state (1 per connection). */
guint64
strata_engine_monitor_get_n_lists (StrataEngineMonitor *self)
{
  return self->n_lists;
}

void
_strata_engine_monitor_set_status (StrataEngineMonitor *self,
                                   StrataMonitorStatus  status,
                                   const GError        *error)
{
  if (error != self->error)
    {
      GError *copy = error ? g_error_copy (error) : NULL;

      g_clear_error (&self->error);
      self->error = copy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
    }
  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

StrataEngineProject *
strata_engine_monitor_find_project (StrataEngineMonitor *self,
                                    const char          *name)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->projects));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StrataEngineProject) project = g_list_model_get_item (G_LIST_MODEL (self->projects), i);

      if (g_strcmp0 (strata_engine_project_get_name (project), name) == 0)
        return project;  /* borrowed: the store holds a reference */
    }

  return NULL;
}

static int
compare_projects (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return g_strcmp0 (strata_engine_project_get_name ((StrataEngineProject *) a),
                    strata_engine_project_get_name ((StrataEngineProject *) b));
}

StrataEngineProject *
_strata_engine_monitor_ensure_project (StrataEngineMonitor *self,
                                       const char          *name)
{
  StrataEngineProject *project = strata_engine_monitor_find_project (self, name);
  g_autoptr(StrataEngineProject) created = NULL;

  if (project != NULL)
    return project;
  created = _strata_engine_project_new (name);
  g_list_store_insert_sorted (self->projects, created, compare_projects, NULL);

  return created;
}

void
_strata_engine_monitor_drop_if_empty (StrataEngineMonitor *self,
                                      StrataEngineProject *project)
{
  guint position;

  if (_strata_engine_project_is_empty (project)
      && g_list_store_find (self->projects, project, &position))
    g_list_store_remove (self->projects, position);
}

/* --- start and stop -------------------------------------------------------- */

void
strata_engine_monitor_start_async (StrataEngineMonitor *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (STRATA_IS_ENGINE_MONITOR (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, strata_engine_monitor_start_async);
  if (self->status != STRATA_MONITOR_STOPPED)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The engine monitor is already running"));
      return;
    }

  g_set_object (&self->start_task, task);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->backoff_ms = 0;
  _strata_engine_monitor_set_status (self, STRATA_MONITOR_LOADING, NULL);
  _strata_engine_monitor_open_events (self);
}

gboolean
strata_engine_monitor_start_finish (StrataEngineMonitor  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == strata_engine_monitor_start_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
strata_engine_monitor_stop (StrataEngineMonitor *self)
{
  g_return_if_fail (STRATA_IS_ENGINE_MONITOR (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reconnect_source, g_source_remove);
  g_clear_object (&self->events);
  g_queue_clear_full (&self->pending_events, (GDestroyNotify) json_node_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->lists); i++)
    g_clear_pointer (&self->lists[i], json_node_unref);
  g_hash_table_remove_all (self->inspecting);
  if (self->start_task != NULL)
    {
      GTask *task = g_steal_pointer (&self->start_task);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The engine monitor was stopped"));
      g_object_unref (task);
    }
  if (self->status != STRATA_MONITOR_STOPPED)
    _strata_engine_monitor_set_status (self, STRATA_MONITOR_STOPPED, NULL);
}
