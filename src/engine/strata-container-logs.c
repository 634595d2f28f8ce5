/* strata-container-logs.c: one container's output, followed across engine restarts
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GET /containers/ID/logs with timestamps, always: the last timestamp seen
 * is where a reopened stream resumes (since=), and lines at or before it
 * are dropped so that none shows twice.  When a followed stream ends, the
 * container is inspected: running, the stream is reopened; stopped or
 * gone, ::ended; the engine unreachable, the inspection is retried with
 * back-off until it answers or the caller cancels.
 */

#include "config.h"

#include "strata-container-logs.h"
#include "strata-engine-state-private.h"

#define RETRY_MIN_MS 100
#define RETRY_MAX_MS 2000

struct _StrataContainerLogs
{
  GObject         parent_instance;

  StrataEngine   *engine;
  char           *id;
  gboolean        follow;
  int             tail;
  GCancellable   *cancellable;
  GInputStream   *stream;
  StrataLogDemux  demux;
  gboolean        has_demux;
  gboolean        tty;
  gint64          last;        /* ns of the last line emitted */
  guint           retry_ms;
};

G_DEFINE_FINAL_TYPE (StrataContainerLogs, strata_container_logs, G_TYPE_OBJECT)

enum { LINE, ENDED, N_SIGNALS };

static guint signals[N_SIGNALS];

static void
strata_container_logs_finalize (GObject *object)
{
  StrataContainerLogs *self = STRATA_CONTAINER_LOGS (object);

  g_clear_object (&self->engine);
  g_free (self->id);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->stream);
  if (self->has_demux)
    strata_log_demux_clear (&self->demux);

  G_OBJECT_CLASS (strata_container_logs_parent_class)->finalize (object);
}

static void
strata_container_logs_class_init (StrataContainerLogsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = strata_container_logs_finalize;

  signals[LINE] = g_signal_new ("line", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_INT64, G_TYPE_STRING);
  signals[ENDED] = g_signal_new ("ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
strata_container_logs_init (StrataContainerLogs *self)
{
  self->retry_ms = RETRY_MIN_MS;
}

StrataContainerLogs *
strata_container_logs_new (StrataEngine *engine,
                           const char   *id,
                           gboolean      follow,
                           int           tail)
{
  StrataContainerLogs *self = g_object_new (STRATA_TYPE_CONTAINER_LOGS, NULL);

  self->engine = g_object_ref (engine);
  self->id = g_strdup (id);
  self->follow = follow;
  self->tail = tail;

  return self;
}

void
strata_container_logs_set_since (StrataContainerLogs *self,
                                 gint64               nanoseconds)
{
  g_return_if_fail (STRATA_IS_CONTAINER_LOGS (self));

  self->last = nanoseconds;
}

const char *
strata_container_logs_get_id (StrataContainerLogs *self)
{
  g_return_val_if_fail (STRATA_IS_CONTAINER_LOGS (self), NULL);

  return self->id;
}

static void inspect (StrataContainerLogs *self);

static void
on_line (StrataLogSource  source,
         const char      *line,
         gpointer         user_data)
{
  StrataContainerLogs *self = user_data;
  gint64 ns = 0;
  const char *text = line;

  if (strata_log_split_timestamp (line, &ns, &text))
    {
      if (ns <= self->last)
        return;
      self->last = ns;
    }
  g_signal_emit (self, signals[LINE], 0, (int) source, ns, text);
}

static void read_cb (GObject *object, GAsyncResult *result, gpointer user_data);

/* Takes the reference the read holds. */
static void
read_more (StrataContainerLogs *self)
{
  g_input_stream_read_bytes_async (self->stream, 16 * 1024, G_PRIORITY_DEFAULT, self->cancellable, read_cb, self);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(StrataContainerLogs) self = user_data;
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, NULL);
  gsize len = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &len) : NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (len > 0)
    {
      self->retry_ms = RETRY_MIN_MS;
      strata_log_demux_push (&self->demux, data, len, on_line, self);
      read_more (g_steal_pointer (&self));
      return;
    }
  /* End of stream, or broken: what is left is a whole line. */
  strata_log_demux_flush (&self->demux, on_line, self);
  g_clear_object (&self->stream);
  if (self->follow)
    inspect (self);
  else
    g_signal_emit (self, signals[ENDED], 0, -1);
}

static void
stream_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(StrataContainerLogs) self = user_data;
  g_autoptr(GError) error = NULL;

  self->stream = strata_engine_stream_finish (STRATA_ENGINE (object), result, &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (self->stream == NULL && self->follow)
    {
      inspect (self);
      return;
    }
  if (self->stream == NULL)
    {
      g_signal_emit (self, signals[ENDED], 0, -1);
      return;
    }
  read_more (g_steal_pointer (&self));
}

static void
open_stream (StrataContainerLogs *self)
{
  g_autofree char *path = NULL;
  g_autofree char *from = NULL;

  if (self->last > 0)
    from = g_strdup_printf ("&since=%" G_GINT64_FORMAT ".%09" G_GINT64_FORMAT,
                            self->last / 1000000000, self->last % 1000000000);
  else if (self->tail >= 0)
    from = g_strdup_printf ("&tail=%d", self->tail);
  path = g_strdup_printf ("/containers/%s/logs?stdout=1&stderr=1&timestamps=1&follow=%d%s",
                          self->id, self->follow ? 1 : 0, from ? from : "");
  if (self->has_demux)
    strata_log_demux_clear (&self->demux);
  strata_log_demux_init (&self->demux, !self->tty);
  self->has_demux = TRUE;
  strata_engine_stream_async (self->engine, path, self->cancellable, stream_cb, g_object_ref (self));
}

static gboolean
retry_cb (gpointer data)
{
  g_autoptr(StrataContainerLogs) self = data;

  if (!g_cancellable_is_cancelled (self->cancellable))
    inspect (self);

  return G_SOURCE_REMOVE;
}

static void
inspect_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(StrataContainerLogs) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = strata_engine_request_finish (STRATA_ENGINE (object), result, &error);
  JsonObject *state = NULL;
  JsonObject *config = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer))
    {
      state = _strata_json_object_member (json_node_get_object (answer), "State");
      config = _strata_json_object_member (json_node_get_object (answer), "Config");
    }
  if (g_error_matches (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_NOT_FOUND))
    g_signal_emit (self, signals[ENDED], 0, -1);
  else if (state == NULL)
    {
      /* The engine is away: try again, less and less often. */
      g_timeout_add (self->retry_ms, retry_cb, g_object_ref (self));
      self->retry_ms = MIN (self->retry_ms * 2, RETRY_MAX_MS);
    }
  else if (!self->has_demux)
    {
      self->tty = json_object_get_boolean_member_with_default (config, "Tty", FALSE);
      open_stream (self);
    }
  else if (json_object_get_boolean_member_with_default (state, "Running", FALSE))
    open_stream (self);
  else
    g_signal_emit (self, signals[ENDED], 0, (int) json_object_get_int_member_with_default (state, "ExitCode", -1));
}

static void
inspect (StrataContainerLogs *self)
{
  g_autofree char *path = g_strdup_printf ("/containers/%s/json", self->id);

  strata_engine_request_async (self->engine, "GET", path, NULL, self->cancellable, inspect_cb, g_object_ref (self));
}

void
strata_container_logs_start (StrataContainerLogs *self,
                             GCancellable        *cancellable)
{
  g_return_if_fail (STRATA_IS_CONTAINER_LOGS (self));

  g_set_object (&self->cancellable, cancellable);
  inspect (self);
}
