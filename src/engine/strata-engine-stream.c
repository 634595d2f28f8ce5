/* strata-engine-stream.c: a request whose answer is read as it comes
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Events, logs with follow, pull and build progress: on the stream
 * session, which has no timeouts.  An error answer is read whole and
 * becomes the error.
 */

#include "config.h"

#include "strata-engine-private.h"

static void
stream_error_read_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StrataEngine *self = g_task_get_source_object (task);
  StrataEngineRequest *request = g_task_get_task_data (task);
  g_autoptr(GBytes) body = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, NULL);

  g_task_return_error (task, _strata_engine_error_from_http (self, request->message, body));
}

static void
stream_sent_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StrataEngine *self = g_task_get_source_object (task);
  StrataEngineRequest *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);

  stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (stream == NULL)
    g_task_return_error (task, _strata_engine_error_from_io (self, error));
  else if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (request->message)))
    g_input_stream_read_bytes_async (stream, 64 * 1024, G_PRIORITY_DEFAULT,
                                     cancellable, stream_error_read_cb,
                                     g_steal_pointer (&task));
  else
    g_task_return_pointer (task, g_steal_pointer (&stream), g_object_unref);
}

static void
send_stream (GTask *task)
{
  StrataEngine *self = g_task_get_source_object (task);
  StrataEngineRequest *request = g_task_get_task_data (task);

  request->message = _strata_engine_new_message (self, request->method, request->path, request->body);
  if (request->raw_body != NULL)
    soup_message_set_request_body_from_bytes (request->message, request->content_type, request->raw_body);
  soup_session_send_async (self->stream_session, request->message, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), stream_sent_cb, task);
}

void
strata_engine_stream_async (StrataEngine        *self,
                            const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  strata_engine_send_stream_async (self, "GET", path, NULL, NULL, cancellable, callback, user_data);
}

void
strata_engine_send_stream_async (StrataEngine        *self,
                                 const char          *method,
                                 const char          *path,
                                 const char          *content_type,
                                 GBytes              *body,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;
  StrataEngineRequest *request;

  g_return_if_fail (STRATA_IS_ENGINE (self));
  g_return_if_fail (method != NULL && path != NULL && path[0] == '/');

  task = _strata_engine_task_new (self, method, path, send_stream, strata_engine_stream_async,
                                  cancellable, callback, user_data);
  request = g_task_get_task_data (task);
  request->content_type = g_strdup (content_type ? content_type : "application/octet-stream");
  request->raw_body = body ? g_bytes_ref (body) : NULL;
  _strata_engine_task_send (self, task);
}

GInputStream *
strata_engine_stream_finish (StrataEngine  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == strata_engine_stream_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
