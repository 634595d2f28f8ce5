/* strata-logs-follower.c: one container's output, as it comes
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inspects the container once (a TTY means an unframed stream), then reads
 * GET /containers/{id}/logs?follow=1 incrementally. The engine ends the
 * stream when the container stops; the caller starts a new follower, with
 * the last timestamp seen as `since`, if it runs again.
 */

#include "config.h"

#include <string.h>

#include "strata-logs.h"

#define READ_SIZE 16384

struct _StrataLogsFollower
{
  GObject          parent_instance;

  StrataEngine    *engine;
  char            *id;
  int              tail;
  char            *since;
  char            *last_timestamp;
  StrataLogsDemux *demux;
  GInputStream    *stream;
  GCancellable    *cancellable;
  gboolean         running;
};

G_DEFINE_FINAL_TYPE (StrataLogsFollower, strata_logs_follower, G_TYPE_OBJECT)

enum {
  LINE,
  ENDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void read_next (StrataLogsFollower *self);

static void
finish (StrataLogsFollower *self,
        const GError       *error)
{
  if (!self->running)
    return;
  self->running = FALSE;
  g_clear_object (&self->stream);
  g_signal_emit (self, signals[ENDED], 0, error);
}

static void
on_line (StrataLogsStream  stream,
         const char       *line,
         gpointer          user_data)
{
  StrataLogsFollower *self = user_data;
  g_autofree char *timestamp = NULL;
  const char *text;

  if (strata_logs_split_timestamp (line, &timestamp, &text))
    {
      g_free (self->last_timestamp);
      self->last_timestamp = g_strdup (timestamp);
    }
  g_signal_emit (self, signals[LINE], 0, (int) stream, timestamp, text);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(StrataLogsFollower) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);

  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        strata_logs_demux_flush (self->demux, on_line, self);
      finish (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ? NULL : error);
      return;
    }

  strata_logs_demux_push (self->demux, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), on_line, self);
  read_next (self);
}

static void
read_next (StrataLogsFollower *self)
{
  if (self->running && self->stream != NULL)
    g_input_stream_read_bytes_async (self->stream, READ_SIZE, G_PRIORITY_DEFAULT, self->cancellable,
                                     on_read, g_object_ref (self));
}

static void
on_stream (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(StrataLogsFollower) self = user_data;
  g_autoptr(GError) error = NULL;

  self->stream = strata_engine_stream_finish (STRATA_ENGINE (source), result, &error);
  if (self->stream == NULL)
    {
      finish (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ? NULL : error);
      return;
    }
  read_next (self);
}

/* The engine takes seconds.nanoseconds and sends the lines at or after
 * it: one nanosecond past the last line seen. */
static char *
since_parameter (const char *timestamp)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (timestamp, NULL);
  const char *dot = strchr (timestamp, '.');
  gint64 nanoseconds = 0;
  guint digits = 0;

  if (time == NULL)
    return NULL;
  for (const char *p = dot ? dot + 1 : ""; g_ascii_isdigit (*p) && digits < 9; p++, digits++)
    nanoseconds = nanoseconds * 10 + (*p - '0');
  for (; digits < 9; digits++)
    nanoseconds *= 10;
  nanoseconds++;

  return g_strdup_printf ("%" G_GINT64_FORMAT ".%09" G_GINT64_FORMAT,
                          g_date_time_to_unix (time) + nanoseconds / 1000000000, nanoseconds % 1000000000);
}

static char *
logs_path (StrataLogsFollower *self)
{
  GString *path = g_string_new (NULL);
  g_autofree char *since = NULL;

  g_string_append_printf (path, "/containers/%s/logs?follow=1&stdout=1&stderr=1&timestamps=1", self->id);
  if (self->since != NULL && (since = since_parameter (self->since)) != NULL)
    g_string_append_printf (path, "&since=%s", since);
  else if (self->tail >= 0)
    g_string_append_printf (path, "&tail=%d", self->tail);

  return g_string_free (path, FALSE);
}

static void
on_inspected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(StrataLogsFollower) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = strata_engine_request_finish (STRATA_ENGINE (source), result, &error);
  JsonObject *config = NULL;
  g_autofree char *path = NULL;

  if (node == NULL)
    {
      finish (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ? NULL : error);
      return;
    }
  if (JSON_NODE_HOLDS_OBJECT (node) && json_object_has_member (json_node_get_object (node), "Config"))
    config = json_object_get_object_member (json_node_get_object (node), "Config");

  self->demux = strata_logs_demux_new (config == NULL || !json_object_get_boolean_member_with_default (config, "Tty", FALSE));
  path = logs_path (self);
  strata_engine_stream_async (self->engine, path, self->cancellable, on_stream, g_object_ref (self));
}

void
strata_logs_follower_start (StrataLogsFollower *self)
{
  g_autofree char *path = NULL;

  g_return_if_fail (STRATA_IS_LOGS_FOLLOWER (self));
  g_return_if_fail (!self->running && self->cancellable == NULL);

  self->running = TRUE;
  self->cancellable = g_cancellable_new ();
  path = g_strdup_printf ("/containers/%s/json", self->id);
  strata_engine_request_async (self->engine, "GET", path, NULL, self->cancellable, on_inspected, g_object_ref (self));
}

/* Ends the follower now (::ended with no error); lines stop coming. */
void
strata_logs_follower_stop (StrataLogsFollower *self)
{
  g_return_if_fail (STRATA_IS_LOGS_FOLLOWER (self));

  g_cancellable_cancel (self->cancellable);
  finish (self, NULL);
}

gboolean
strata_logs_follower_is_running (StrataLogsFollower *self)
{
  g_return_val_if_fail (STRATA_IS_LOGS_FOLLOWER (self), FALSE);

  return self->running;
}

const char *
strata_logs_follower_get_container_id (StrataLogsFollower *self)
{
  g_return_val_if_fail (STRATA_IS_LOGS_FOLLOWER (self), NULL);

  return self->id;
}

const char *
strata_logs_follower_get_last_timestamp (StrataLogsFollower *self)
{
  g_return_val_if_fail (STRATA_IS_LOGS_FOLLOWER (self), NULL);

  return self->last_timestamp ? self->last_timestamp : self->since;
}

static void
strata_logs_follower_dispose (GObject *object)
{
  StrataLogsFollower *self = STRATA_LOGS_FOLLOWER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->stream);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (strata_logs_follower_parent_class)->dispose (object);
}

static void
strata_logs_follower_finalize (GObject *object)
{
  StrataLogsFollower *self = STRATA_LOGS_FOLLOWER (object);

  g_clear_pointer (&self->demux, strata_logs_demux_free);
  g_free (self->id);
  g_free (self->since);
  g_free (self->last_timestamp);

  G_OBJECT_CLASS (strata_logs_follower_parent_class)->finalize (object);
}

static void
strata_logs_follower_class_init (StrataLogsFollowerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = strata_logs_follower_dispose;
  object_class->finalize = strata_logs_follower_finalize;

  signals[LINE] = g_signal_new ("line", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_STRING, G_TYPE_STRING);
  signals[ENDED] = g_signal_new ("ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
strata_logs_follower_init (StrataLogsFollower *self)
{
}

StrataLogsFollower *
strata_logs_follower_new (StrataEngine *engine,
                          const char   *container_id,
                          int           tail,
                          const char   *since)
{
  StrataLogsFollower *self;

  g_return_val_if_fail (STRATA_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (container_id != NULL, NULL);

  self = g_object_new (STRATA_TYPE_LOGS_FOLLOWER, NULL);
  self->engine = g_object_ref (engine);
  self->id = g_strdup (container_id);
  self->tail = tail;
  self->since = g_strdup (since);

  return self;
}
