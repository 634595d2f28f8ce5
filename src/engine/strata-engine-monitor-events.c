/* strata-engine-monitor-events.c: following /events, and coming back after a break
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One stream filtered by type.  The engine cannot filter container events
 * by label and network or volume events at once (network and volume events
 * carry no labels), so container events are matched here on their
 * com.docker.compose.project attribute, and a created network or volume is
 * inspected once for its labels (strata-engine-monitor-apply.c).  The
 * stream is read incrementally; when it ends the monitor reconnects with
 * exponential back-off, asking for the events since the last one it saw
 * (by its nanosecond time).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-engine-monitor-private.h"
#include "strata-engine-private.h"

#define READ_SIZE         16384
#define BACKOFF_FIRST_MS  100
#define BACKOFF_MAX_MS    5000

static void read_next (StrataEngineMonitor *self);

/* --- the stream ----------------------------------------------------------- */

static void
event_received (JsonNode *event,
                gpointer  user_data)
{
  StrataEngineMonitor *self = user_data;
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (event) ? json_node_get_object (event) : NULL;
  gint64 time_nano = object ? json_object_get_int_member_with_default (object, "timeNano", 0) : 0;

  if (time_nano > self->last_time_nano)
    self->last_time_nano = time_nano;
  if (self->status == STRATA_MONITOR_LOADING)
    g_queue_push_tail (&self->pending_events, json_node_copy (event));
  else
    _strata_engine_monitor_handle_event (self, event);
}

static gboolean
reconnect_cb (gpointer user_data)
{
  StrataEngineMonitor *self = user_data;

  self->reconnect_source = 0;
  _strata_engine_monitor_open_events (self);

  return G_SOURCE_REMOVE;
}

void
_strata_engine_monitor_schedule_reconnect (StrataEngineMonitor *self,
                                           const GError        *error)
{
  g_clear_object (&self->events);
  g_queue_clear_full (&self->pending_events, (GDestroyNotify) json_node_unref);
  g_hash_table_remove_all (self->inspecting);
  self->sync_serial++;
  self->backoff_ms = self->backoff_ms == 0 ? BACKOFF_FIRST_MS
                                           : MIN (self->backoff_ms * 2, BACKOFF_MAX_MS);
  _strata_engine_monitor_set_status (self, STRATA_MONITOR_RECONNECTING, error);
  g_clear_handle_id (&self->reconnect_source, g_source_remove);
  self->reconnect_source = g_timeout_add (self->backoff_ms, reconnect_cb, self);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(StrataEngineMonitor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  gsize len = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &len) : NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->events != (GInputStream *) object)
    return;
  if (bytes == NULL || len == 0)
    {
      g_autoptr(GError) broken = NULL;

      if (error != NULL)
        broken = _strata_engine_error_from_io (self->engine, error);
      else
        broken = g_error_new (STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_DISCONNECTED,
                              _("Docker at %s closed the events stream; reconnecting."),
                              strata_endpoint_get_uri (strata_engine_get_endpoint (self->engine)));
      _strata_engine_monitor_schedule_reconnect (self, broken);
      return;
    }
  if (!_strata_json_splitter_push (&self->splitter, data, len, event_received, self, &error))
    {
      g_autoptr(GError) bad = g_error_new (STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_PROTOCOL,
                                           _("Docker at %s sent an unreadable event: %s"),
                                           strata_endpoint_get_uri (strata_engine_get_endpoint (self->engine)),
                                           error->message);

      _strata_engine_monitor_schedule_reconnect (self, bad);
      return;
    }
  read_next (self);
}

static void
read_next (StrataEngineMonitor *self)
{
  g_input_stream_read_bytes_async (self->events, READ_SIZE, G_PRIORITY_DEFAULT, self->cancellable,
                                   read_cb, g_object_ref (self));
}

static void
events_opened_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(StrataEngineMonitor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = strata_engine_stream_finish (STRATA_ENGINE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (stream == NULL && self->start_task != NULL)
    {
      g_autoptr(GTask) task = g_steal_pointer (&self->start_task);

      strata_engine_monitor_stop (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (stream == NULL)
    {
      _strata_engine_monitor_schedule_reconnect (self, error);
      return;
    }
  g_set_object (&self->events, stream);
  _strata_json_splitter_clear (&self->splitter);
  _strata_json_splitter_init (&self->splitter);
  _strata_engine_monitor_sync (self);
  read_next (self);
}

void
_strata_engine_monitor_open_events (StrataEngineMonitor *self)
{
  g_autofree char *filters = strata_engine_filters ("type", "container", "type", "network",
                                                     "type", "volume", "type", "image", NULL);
  g_autofree char *path = NULL;

  if (self->last_time_nano > 0)
    path = g_strdup_printf ("/events?filters=%s&since=%" G_GINT64_FORMAT ".%09" G_GINT64_FORMAT,
                            filters, self->last_time_nano / G_GINT64_CONSTANT (1000000000),
                            self->last_time_nano % G_GINT64_CONSTANT (1000000000));
  else
    path = g_strconcat ("/events?filters=", filters, NULL);
  strata_engine_stream_async (self->engine, path, self->cancellable, events_opened_cb,
                              g_object_ref (self));
}
