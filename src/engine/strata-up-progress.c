/* strata-up-progress.c: following a stream of progress messages
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * POST /images/create and POST /build answer 200 at once, then a JSON
 * message per step; a failure is a message with "error" (and
 * "errorDetail"), not an HTTP status.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-json-splitter.h"
#include "strata-up-private.h"

typedef struct
{
  StrataJsonSplitter  splitter;
  StrataProgressFunc  func;
  gpointer            func_data;
  char               *path;
  char               *error;   /* the first "error" message */
} Follow;

static void
follow_free (Follow *follow)
{
  _strata_json_splitter_clear (&follow->splitter);
  g_free (follow->path);
  g_free (follow->error);
  g_free (follow);
}

static void
on_message (JsonNode *node,
            gpointer  user_data)
{
  Follow *follow = user_data;
  JsonObject *message = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *error = _strata_json_string (message, "error");

  if (message == NULL)
    return;
  if (error != NULL && follow->error == NULL)
    follow->error = g_strdup (error);
  if (follow->func != NULL)
    follow->func (message, follow->func_data);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StrataEngine *engine = g_task_get_source_object (task);
  Follow *follow = g_task_get_task_data (task);
  GInputStream *stream = G_INPUT_STREAM (object);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (stream, result, &error);
  gsize len = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &len) : NULL;

  if (bytes == NULL)
    g_task_return_error (task, _strata_engine_error_from_io (engine, error));
  else if (len == 0 && follow->error != NULL)
    g_task_return_new_error (task, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_DAEMON, "%s", follow->error);
  else if (len == 0)
    g_task_return_boolean (task, TRUE);
  else if (!_strata_json_splitter_push (&follow->splitter, data, len, on_message, follow, &error))
    g_task_return_new_error (task, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_PROTOCOL,
                             _("Docker at %s answered %s with invalid JSON: %s"),
                             strata_endpoint_get_uri (strata_engine_get_endpoint (engine)),
                             follow->path, error->message);
  else
    g_input_stream_read_bytes_async (stream, 16 * 1024, G_PRIORITY_DEFAULT, cancellable,
                                     read_cb, g_steal_pointer (&task));
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = strata_engine_stream_finish (STRATA_ENGINE (object), result, &error);

  if (stream == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The stream lives as long as the reads: each read holds a ref on it. */
  g_object_set_data_full (G_OBJECT (task), "stream", g_object_ref (stream), g_object_unref);
  g_input_stream_read_bytes_async (stream, 16 * 1024, G_PRIORITY_DEFAULT, cancellable,
                                   read_cb, g_steal_pointer (&task));
}

void
_strata_engine_progress_async (StrataEngine        *engine,
                               const char          *path,
                               const char          *content_type,
                               GBytes              *body,
                               StrataProgressFunc   func,
                               gpointer             func_data,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (engine, cancellable, callback, user_data);
  Follow *follow = g_new0 (Follow, 1);

  g_task_set_source_tag (task, _strata_engine_progress_async);
  _strata_json_splitter_init (&follow->splitter);
  follow->func = func;
  follow->func_data = func_data;
  follow->path = g_strdup (path);
  g_task_set_task_data (task, follow, (GDestroyNotify) follow_free);
  strata_engine_send_stream_async (engine, "POST", path, content_type, body, cancellable,
                                   sent_cb, g_steal_pointer (&task));
}

gboolean
_strata_engine_progress_finish (StrataEngine  *engine,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, engine), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
