/* strata-endpoint.c: an engine address, parsed as the docker CLI does
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-endpoint-private.h"
#include "strata-engine-error.h"

#define DEFAULT_TCP_PORT 2375

G_DEFINE_QUARK (strata-engine-error-quark, strata_engine_error)

G_DEFINE_BOXED_TYPE (StrataEndpoint, strata_endpoint, strata_endpoint_ref, strata_endpoint_unref)

static void
strata_endpoint_clear (gpointer data)
{
  StrataEndpoint *self = data;

  g_free (self->uri);
  g_free (self->why);
  g_free (self->context);
  g_free (self->socket_path);
  g_free (self->host);
  g_free (self->tls_ca_file);
  g_free (self->tls_cert_file);
  g_free (self->tls_key_file);
}

StrataEndpoint *
strata_endpoint_ref (StrataEndpoint *self)
{
  return g_rc_box_acquire (self);
}

void
strata_endpoint_unref (StrataEndpoint *self)
{
  g_rc_box_release_full (self, strata_endpoint_clear);
}

StrataEndpoint *
strata_endpoint_new_unix (const char *socket_path)
{
  StrataEndpoint *self;

  g_return_val_if_fail (socket_path != NULL, NULL);

  self = g_rc_box_new0 (StrataEndpoint);
  self->kind = STRATA_ENDPOINT_UNIX;
  self->source = STRATA_ENDPOINT_SOURCE_EXPLICIT;
  self->socket_path = g_strdup (socket_path);
  self->uri = g_strconcat ("unix://", socket_path, NULL);
  self->why = g_strdup (_("given explicitly"));

  return self;
}

static StrataEndpoint *
new_tcp (const char *host,
         int         port)
{
  StrataEndpoint *self = g_rc_box_new0 (StrataEndpoint);
  gboolean ipv6 = strchr (host, ':') != NULL;

  self->kind = STRATA_ENDPOINT_TCP;
  self->source = STRATA_ENDPOINT_SOURCE_EXPLICIT;
  self->host = g_strdup (host);
  self->port = port;
  self->uri = g_strdup_printf (ipv6 ? "tcp://[%s]:%d" : "tcp://%s:%d", host, port);
  self->why = g_strdup (_("given explicitly"));

  return self;
}

static StrataEndpoint *
parse_tcp (const char  *uri,
           GError     **error)
{
  g_autoptr(GUri) parsed = NULL;
  const char *host;
  int port;

  parsed = g_uri_parse (uri, G_URI_FLAGS_NON_DNS, NULL);
  if (parsed == NULL)
    {
      g_set_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_ENDPOINT,
                   _("“%s” is not a valid engine address; use tcp://HOST:PORT"), uri);
      return NULL;
    }

  host = g_uri_get_host (parsed);
  port = g_uri_get_port (parsed);
  if (host == NULL || *host == '\0')
    host = "localhost";
  if (port <= 0)
    port = DEFAULT_TCP_PORT;

  return new_tcp (host, port);
}

static StrataEndpoint *
parse_unix (const char  *uri,
            GError     **error)
{
  const char *path = uri + strlen ("unix://");

  if (!g_path_is_absolute (path))
    {
      g_set_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_ENDPOINT,
                   _("“%s” does not name a socket by its absolute path; "
                     "use unix:///PATH/TO/docker.sock"), uri);
      return NULL;
    }

  return strata_endpoint_new_unix (path);
}

/* Parses "unix:///path" or "tcp://host[:port]" (DOCKER_HOST's syntax). */
StrataEndpoint *
strata_endpoint_parse (const char  *uri,
                       GError     **error)
{
  g_return_val_if_fail (uri != NULL, NULL);

  if (g_str_has_prefix (uri, "unix://"))
    return parse_unix (uri, error);
  if (g_str_has_prefix (uri, "tcp://"))
    return parse_tcp (uri, error);
  if (g_str_has_prefix (uri, "ssh://"))
    g_set_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_ENDPOINT,
                 _("%s: ssh:// engines are not supported; forward the remote socket "
                   "with `ssh -nNT -L /tmp/docker.sock:/var/run/docker.sock HOST` "
                   "and set DOCKER_HOST=unix:///tmp/docker.sock"), uri);
  else
    g_set_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_ENDPOINT,
                 _("“%s” is not an engine address Strata can use; "
                   "use unix:///PATH or tcp://HOST:PORT"), uri);

  return NULL;
}

void
_strata_endpoint_set_origin (StrataEndpoint       *self,
                             StrataEndpointSource  source,
                             const char           *context,
                             const char           *why)
{
  self->source = source;
  g_free (self->context);
  self->context = g_strdup (context);
  g_free (self->why);
  self->why = g_strdup (why);
}

static char *
file_if_exists (const char *dir,
                const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  return g_steal_pointer (&path);
}

/* TLS on, with whichever of ca.pem, cert.pem, key.pem exist in @dir. */
void
_strata_endpoint_set_tls_dir (StrataEndpoint *self,
                              const char     *dir,
                              gboolean        verify)
{
  self->tls = TRUE;
  self->tls_verify = verify;
  g_clear_pointer (&self->tls_ca_file, g_free);
  g_clear_pointer (&self->tls_cert_file, g_free);
  g_clear_pointer (&self->tls_key_file, g_free);
  if (dir == NULL)
    return;
  self->tls_ca_file = file_if_exists (dir, "ca.pem");
  self->tls_cert_file = file_if_exists (dir, "cert.pem");
  self->tls_key_file = file_if_exists (dir, "key.pem");
}

StrataEndpointKind
strata_endpoint_get_kind (const StrataEndpoint *self)
{
  return self->kind;
}

StrataEndpointSource
strata_endpoint_get_source (const StrataEndpoint *self)
{
  return self->source;
}

const char *
strata_endpoint_get_uri (const StrataEndpoint *self)
{
  return self->uri;
}

const char *
strata_endpoint_get_why (const StrataEndpoint *self)
{
  return self->why;
}

const char *
strata_endpoint_get_context (const StrataEndpoint *self)
{
  return self->context;
}

const char *
strata_endpoint_get_socket_path (const StrataEndpoint *self)
{
  return self->socket_path;
}

const char *
strata_endpoint_get_host (const StrataEndpoint *self)
{
  return self->host;
}

guint16
strata_endpoint_get_port (const StrataEndpoint *self)
{
  return self->port;
}

gboolean
strata_endpoint_get_tls (const StrataEndpoint *self)
{
  return self->tls;
}

gboolean
strata_endpoint_get_tls_verify (const StrataEndpoint *self)
{
  return self->tls_verify;
}

const char *
strata_endpoint_get_tls_ca_file (const StrataEndpoint *self)
{
  return self->tls_ca_file;
}

const char *
strata_endpoint_get_tls_cert_file (const StrataEndpoint *self)
{
  return self->tls_cert_file;
}

const char *
strata_endpoint_get_tls_key_file (const StrataEndpoint *self)
{
  return self->tls_key_file;
}
