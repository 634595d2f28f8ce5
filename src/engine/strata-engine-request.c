/* strata-engine-request.c: one request to the engine, its JSON answer
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Requests and streams (strata-engine-stream.c) share the message making
 * and the connecting first.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-engine-private.h"

static gboolean
accept_any_certificate (SoupMessage         *message,
                        GTlsCertificate     *certificate,
                        GTlsCertificateFlags errors,
                        gpointer             user_data)
{
  return TRUE;
}

/* A message for @path; versioned unless @path is "/_ping". */
SoupMessage *
_strata_engine_new_message (StrataEngine *self,
                            const char   *method,
                            const char   *path,
                            JsonNode     *body)
{
  g_autofree char *uri = NULL;
  SoupMessage *message;

  if (g_str_has_prefix (path, "/_ping") || self->api_version == NULL)
    uri = g_strconcat (self->base_uri, path, NULL);
  else
    uri = g_strconcat (self->base_uri, "/v", self->api_version, path, NULL);
  message = soup_message_new (method, uri);
  g_return_val_if_fail (message != NULL, NULL);

  if (body != NULL)
    {
      g_autofree char *json = json_to_string (body, FALSE);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&json), strlen (json));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }
  if (self->client_certificate != NULL)
    soup_message_set_tls_client_certificate (message, self->client_certificate);
  if (strata_endpoint_get_tls (self->endpoint) && !strata_endpoint_get_tls_verify (self->endpoint))
    g_signal_connect (message, "accept-certificate", G_CALLBACK (accept_any_certificate), NULL);

  return message;
}

static void
request_free (StrataEngineRequest *request)
{
  g_free (request->method);
  g_free (request->path);
  g_clear_pointer (&request->body, json_node_unref);
  g_free (request->content_type);
  g_clear_pointer (&request->raw_body, g_bytes_unref);
  g_clear_object (&request->message);
  g_free (request);
}

GTask *
_strata_engine_task_new (StrataEngine        *self,
                         const char          *method,
                         const char          *path,
                         StrataEngineSend     send,
                         gpointer             source_tag,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  StrataEngineRequest *request = g_new0 (StrataEngineRequest, 1);

  g_task_set_source_tag (task, source_tag);
  request->method = g_strdup (method);
  request->path = g_strdup (path);
  request->send = send;
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  return task;
}

static void
connected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StrataEngineRequest *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!strata_engine_connect_finish (STRATA_ENGINE (object), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    request->send (g_steal_pointer (&task));
}

void
_strata_engine_task_send (StrataEngine *self,
                          GTask        *task)
{
  StrataEngineRequest *request = g_task_get_task_data (task);

  if (self->api_version == NULL && !g_str_equal (request->path, "/version"))
    strata_engine_connect_async (self, g_task_get_cancellable (task), connected_cb, task);
  else
    request->send (task);
}

static JsonNode *
parse_answer (GBytes  *body,
              GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize len = 0;
  const char *data = g_bytes_get_data (body, &len);

  if (len == 0)
    return json_node_new (JSON_NODE_NULL);
  if (!json_parser_load_from_data (parser, data, len, error))
    return NULL;

  return json_node_copy (json_parser_get_root (parser));
}

static void
request_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StrataEngine *self = g_task_get_source_object (task);
  StrataEngineRequest *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  JsonNode *node;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    g_task_return_error (task, _strata_engine_error_from_io (self, error));
  else if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (request->message))
           && soup_message_get_status (request->message) != SOUP_STATUS_NOT_MODIFIED)
    g_task_return_error (task, _strata_engine_error_from_http (self, request->message, body));
  else if ((node = parse_answer (body, &error)) == NULL)
    g_task_return_new_error (task, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_PROTOCOL,
                             _("Docker at %s answered %s %s with invalid JSON: %s"),
                             strata_endpoint_get_uri (self->endpoint), request->method,
                             request->path, error->message);
  else
    g_task_return_pointer (task, node, (GDestroyNotify) json_node_unref);
}

static void
send_request (GTask *task)
{
  StrataEngine *self = g_task_get_source_object (task);
  StrataEngineRequest *request = g_task_get_task_data (task);

  request->message = _strata_engine_new_message (self, request->method, request->path, request->body);
  soup_session_send_and_read_async (self->session, request->message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), request_read_cb, task);
}

void
strata_engine_request_async (StrataEngine        *self,
                             const char          *method,
                             const char          *path,
                             JsonNode            *body,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  StrataEngineRequest *request;

  g_return_if_fail (STRATA_IS_ENGINE (self));
  g_return_if_fail (method != NULL && path != NULL && path[0] == '/');

  task = _strata_engine_task_new (self, method, path, send_request, strata_engine_request_async,
                                  cancellable, callback, user_data);
  request = g_task_get_task_data (task);
  request->body = body ? json_node_ref (body) : NULL;
  _strata_engine_task_send (self, task);
}

JsonNode *
strata_engine_request_finish (StrataEngine  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == strata_engine_request_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

