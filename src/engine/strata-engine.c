/* strata-engine.c: HTTP to the Docker Engine API with libsoup 3
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The client object and its transport.  Two sessions: one for requests,
 * one for streams (events, logs with follow) without I/O or idle
 * timeouts, so that a quiet stream is not cut after 60 s.  Both allow many
 * connections per host: libsoup's default of two would let two open
 * streams block every other request.  Connecting (version negotiation) is
 * in strata-engine-connect.c, requests in strata-engine-request.c and
 * streams in strata-engine-stream.c.
 */

#include "config.h"

#include <gio/gunixsocketaddress.h>
#include <string.h>

#include "strata-engine-private.h"

#define MAX_CONNS_PER_HOST 32


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

void
_strata_engine_set_api_version (StrataEngine *self,
                                const char   *version)
{
  set_string (self, &self->api_version, version, PROP_API_VERSION);
}

void
_strata_engine_set_server_version (StrataEngine *self,
                                   const char   *version)
{
  set_string (self, &self->server_version, version, PROP_SERVER_VERSION);
}
