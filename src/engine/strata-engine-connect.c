/* strata-engine-connect.c: /_ping then /version, and the API version to speak
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every request connects first when no version was negotiated yet.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-engine-private.h"

static void
version_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StrataEngine *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = strata_engine_request_finish (self, result, &error);

  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    _strata_engine_set_server_version (self, json_object_get_string_member_with_default (json_node_get_object (node),
                                                                                         "Version", NULL));
  g_task_return_boolean (task, TRUE);
}

static gboolean
negotiate (StrataEngine  *self,
           const char    *server_api,
           GError       **error)
{
  const char *version = STRATA_ENGINE_API_VERSION;

  /* Daemons older than 1.24 do not send API-Version: they are too old anyway. */
  if (server_api == NULL)
    server_api = "1.24";
  if (_strata_engine_compare_versions (server_api, STRATA_ENGINE_MIN_API_VERSION) < 0)
    {
      g_set_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_VERSION,
                   _("Docker at %s speaks API %s; Strata needs %s or newer. Update Docker."),
                   strata_endpoint_get_uri (self->endpoint), server_api,
                   STRATA_ENGINE_MIN_API_VERSION);
      return FALSE;
    }
  if (_strata_engine_compare_versions (server_api, version) < 0)
    version = server_api;
  _strata_engine_set_api_version (self, version);

  return TRUE;
}

static void
ping_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StrataEngine *self = g_task_get_source_object (task);
  SoupMessage *message = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  GCancellable *cancellable;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, _strata_engine_error_from_io (self, error));
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (message)))
    {
      g_task_return_error (task, _strata_engine_error_from_http (self, message, body));
      return;
    }
  if (!negotiate (self, soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                      "API-Version"), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  cancellable = g_task_get_cancellable (task);
  strata_engine_request_async (self, "GET", "/version", NULL, cancellable,
                               version_cb, g_steal_pointer (&task));
}

void
strata_engine_connect_async (StrataEngine        *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SoupMessage *message;

  g_return_if_fail (STRATA_IS_ENGINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, strata_engine_connect_async);
  message = _strata_engine_new_message (self, "GET", "/_ping", NULL);
  g_task_set_task_data (task, message, g_object_unref);
  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT, cancellable,
                                    ping_cb, g_steal_pointer (&task));
}

gboolean
strata_engine_connect_finish (StrataEngine  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == strata_engine_connect_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
