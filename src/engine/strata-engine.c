/* strata-engine.c: HTTP to the Docker Engine API with libsoup 3
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two sessions: one for requests, one for streams (events, logs with
 * follow) without I/O or idle timeouts, so that a quiet stream is not cut
 * after 60 s.  Both allow many connections per host: libsoup's default of
 * two would let two open streams block every other request.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gunixsocketaddress.h>
#include <string.h>

#include "strata-engine-private.h"

#define MAX_CONNS_PER_HOST 32

struct _StrataEngine
{
  GObject          parent_instance;

  StrataEndpoint  *endpoint;
  SoupSession     *session;
  SoupSession     *stream_session;
  GTlsCertificate *client_certificate;
  char            *base_uri;
  char            *api_version;
  char            *server_version;
};

G_DEFINE_FINAL_TYPE (StrataEngine, strata_engine, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENDPOINT,
  PROP_API_VERSION,
  PROP_SERVER_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static SoupSession *
new_session (StrataEngine *self,
             guint         timeout,
             guint         idle_timeout)
{
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GTlsDatabase) database = NULL;
  const char *ca = strata_endpoint_get_tls_ca_file (self->endpoint);
  SoupSession *session;

  if (strata_endpoint_get_kind (self->endpoint) == STRATA_ENDPOINT_UNIX)
    address = g_unix_socket_address_new (strata_endpoint_get_socket_path (self->endpoint));
  if (ca != NULL)
    database = g_tls_file_database_new (ca, NULL);

  session = g_object_new (SOUP_TYPE_SESSION,
                          "remote-connectable", address,
                          "max-conns-per-host", MAX_CONNS_PER_HOST,
                          "max-conns", 2 * MAX_CONNS_PER_HOST,
                          "timeout", timeout,
                          "idle-timeout", idle_timeout,
                          "user-agent", PACKAGE_NAME "/" PACKAGE_VERSION,
                          NULL);
  if (database != NULL)
    soup_session_set_tls_database (session, database);

  return session;
}

static void
setup_transport (StrataEngine *self)
{
  const char *cert = strata_endpoint_get_tls_cert_file (self->endpoint);
  const char *key = strata_endpoint_get_tls_key_file (self->endpoint);
  gboolean tls = strata_endpoint_get_tls (self->endpoint);

  if (strata_endpoint_get_kind (self->endpoint) == STRATA_ENDPOINT_UNIX)
    self->base_uri = g_strdup ("http://localhost");
  else
    self->base_uri = g_strdup_printf (strchr (strata_endpoint_get_host (self->endpoint), ':')
                                      ? "%s://[%s]:%u" : "%s://%s:%u",
                                      tls ? "https" : "http",
                                      strata_endpoint_get_host (self->endpoint),
                                      strata_endpoint_get_port (self->endpoint));
  if (cert != NULL && key != NULL)
    self->client_certificate = g_tls_certificate_new_from_files (cert, key, NULL);

  /* No timeout on requests either: stopping a container may take longer
   * than any fixed limit; callers cancel instead. */
  self->session = new_session (self, 0, 60);
  self->stream_session = new_session (self, 0, 0);
}

static void
strata_engine_constructed (GObject *object)
{
  StrataEngine *self = STRATA_ENGINE (object);

  G_OBJECT_CLASS (strata_engine_parent_class)->constructed (object);

  if (self->endpoint == NULL)
    self->endpoint = strata_endpoint_new_unix ("/var/run/docker.sock");
  setup_transport (self);
}

static void
strata_engine_finalize (GObject *object)
{
  StrataEngine *self = STRATA_ENGINE (object);

  g_clear_pointer (&self->endpoint, strata_endpoint_unref);
  g_clear_object (&self->session);
  g_clear_object (&self->stream_session);
  g_clear_object (&self->client_certificate);
  g_clear_pointer (&self->base_uri, g_free);
  g_clear_pointer (&self->api_version, g_free);
  g_clear_pointer (&self->server_version, g_free);

  G_OBJECT_CLASS (strata_engine_parent_class)->finalize (object);
}

static void
strata_engine_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  StrataEngine *self = STRATA_ENGINE (object);

  switch (prop_id)
    {
    case PROP_ENDPOINT:
      g_value_set_boxed (value, self->endpoint);
      break;
    case PROP_API_VERSION:
      g_value_set_string (value, self->api_version);
      break;
    case PROP_SERVER_VERSION:
      g_value_set_string (value, self->server_version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
strata_engine_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  StrataEngine *self = STRATA_ENGINE (object);

  switch (prop_id)
    {
    case PROP_ENDPOINT:
      self->endpoint = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
strata_engine_class_init (StrataEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = strata_engine_constructed;
  object_class->finalize = strata_engine_finalize;
  object_class->get_property = strata_engine_get_property;
  object_class->set_property = strata_engine_set_property;

  properties[PROP_ENDPOINT] =
    g_param_spec_boxed ("endpoint", NULL, NULL, STRATA_TYPE_ENDPOINT,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_API_VERSION] =
    g_param_spec_string ("api-version", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVER_VERSION] =
    g_param_spec_string ("server-version", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
strata_engine_init (StrataEngine *self)
{
}

StrataEngine *
strata_engine_new (StrataEndpoint *endpoint)
{
  g_return_val_if_fail (endpoint != NULL, NULL);

  return g_object_new (STRATA_TYPE_ENGINE, "endpoint", endpoint, NULL);
}

StrataEndpoint *
strata_engine_get_endpoint (StrataEngine *self)
{
  g_return_val_if_fail (STRATA_IS_ENGINE (self), NULL);

  return self->endpoint;
}

const char *
strata_engine_get_api_version (StrataEngine *self)
{
  g_return_val_if_fail (STRATA_IS_ENGINE (self), NULL);

  return self->api_version;
}

const char *
strata_engine_get_server_version (StrataEngine *self)
{
  g_return_val_if_fail (STRATA_IS_ENGINE (self), NULL);

  return self->server_version;
}

static void
set_string (StrataEngine  *self,
            char         **field,
            const char    *value,
            guint          prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static gboolean
accept_any_certificate (SoupMessage         *message,
                        GTlsCertificate     *certificate,
                        GTlsCertificateFlags errors,
                        gpointer             user_data)
{
  return TRUE;
}

/* A message for @path; versioned unless @path is "/_ping". */
static SoupMessage *
new_message (StrataEngine *self,
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

/* --- connect: /_ping then /version ------------------------------------- */

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
    set_string (self, &self->server_version,
                json_object_get_string_member_with_default (json_node_get_object (node),
                                                            "Version", NULL),
                PROP_SERVER_VERSION);
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
  set_string (self, &self->api_version, version, PROP_API_VERSION);

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
  message = new_message (self, "GET", "/_ping", NULL);
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

/* --- requests ------------------------------------------------------------ */

typedef struct
{
  char        *method;
  char        *path;
  JsonNode    *body;
  char        *content_type;  /* of raw_body */
  GBytes      *raw_body;
  SoupMessage *message;
} Request;

static void
request_free (Request *request)
{
  g_free (request->method);
  g_free (request->path);
  g_clear_pointer (&request->body, json_node_unref);
  g_free (request->content_type);
  g_clear_pointer (&request->raw_body, g_bytes_unref);
  g_clear_object (&request->message);
  g_free (request);
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
  Request *request = g_task_get_task_data (task);
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
  Request *request = g_task_get_task_data (task);

  request->message = new_message (self, request->method, request->path, request->body);
  soup_session_send_and_read_async (self->session, request->message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), request_read_cb, task);
}

static void
request_connected_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!strata_engine_connect_finish (STRATA_ENGINE (object), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    send_request (g_steal_pointer (&task));
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
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (STRATA_IS_ENGINE (self));
  g_return_if_fail (method != NULL && path != NULL && path[0] == '/');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, strata_engine_request_async);
  request = g_new0 (Request, 1);
  request->method = g_strdup (method);
  request->path = g_strdup (path);
  request->body = body ? json_node_ref (body) : NULL;
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  if (self->api_version == NULL && !g_str_equal (path, "/version"))
    strata_engine_connect_async (self, cancellable, request_connected_cb, g_steal_pointer (&task));
  else
    send_request (g_steal_pointer (&task));
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

/* --- streams ------------------------------------------------------------- */

static void
stream_error_read_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StrataEngine *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
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
  Request *request = g_task_get_task_data (task);
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
  Request *request = g_task_get_task_data (task);

  request->message = new_message (self, request->method, request->path, request->body);
  if (request->raw_body != NULL)
    soup_message_set_request_body_from_bytes (request->message, request->content_type, request->raw_body);
  soup_session_send_async (self->stream_session, request->message, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), stream_sent_cb, task);
}

static void
stream_connected_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!strata_engine_connect_finish (STRATA_ENGINE (object), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    send_stream (g_steal_pointer (&task));
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
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (STRATA_IS_ENGINE (self));
  g_return_if_fail (method != NULL && path != NULL && path[0] == '/');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, strata_engine_stream_async);
  request = g_new0 (Request, 1);
  request->method = g_strdup (method);
  request->path = g_strdup (path);
  request->content_type = g_strdup (content_type ? content_type : "application/octet-stream");
  request->raw_body = body ? g_bytes_ref (body) : NULL;
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  if (self->api_version == NULL)
    strata_engine_connect_async (self, cancellable, stream_connected_cb, g_steal_pointer (&task));
  else
    send_stream (g_steal_pointer (&task));
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
