/* strata-endpoint.h: which Docker engine to talk to, and why
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  STRATA_ENDPOINT_UNIX,
  STRATA_ENDPOINT_TCP,
} StrataEndpointKind;

/* Where the endpoint came from, in the order they are tried. */
typedef enum
{
  STRATA_ENDPOINT_SOURCE_EXPLICIT,        /* strata_endpoint_new_*() */
  STRATA_ENDPOINT_SOURCE_DOCKER_HOST,     /* $DOCKER_HOST */
  STRATA_ENDPOINT_SOURCE_CONTEXT_ENV,     /* $DOCKER_CONTEXT */
  STRATA_ENDPOINT_SOURCE_CONTEXT_CONFIG,  /* currentContext of config.json */
  STRATA_ENDPOINT_SOURCE_DEFAULT_SOCKET,  /* /var/run/docker.sock */
  STRATA_ENDPOINT_SOURCE_ROOTLESS,        /* $XDG_RUNTIME_DIR/docker.sock */
  STRATA_ENDPOINT_SOURCE_PODMAN_USER,     /* $XDG_RUNTIME_DIR/podman/podman.sock */
  STRATA_ENDPOINT_SOURCE_PODMAN_SYSTEM,   /* /run/podman/podman.sock */
} StrataEndpointSource;

#define STRATA_TYPE_ENDPOINT (strata_endpoint_get_type ())

typedef struct _StrataEndpoint StrataEndpoint;

GType                 strata_endpoint_get_type          (void) G_GNUC_CONST;
StrataEndpoint       *strata_endpoint_new_unix          (const char           *socket_path);
StrataEndpoint       *strata_endpoint_parse             (const char           *uri,
                                                         GError              **error);
StrataEndpoint       *strata_endpoint_resolve           (const char * const   *envp,
                                                         const char           *sysroot,
                                                         GError              **error);
StrataEndpoint       *strata_endpoint_ref               (StrataEndpoint       *self);
void                  strata_endpoint_unref             (StrataEndpoint       *self);

StrataEndpointKind    strata_endpoint_get_kind          (const StrataEndpoint *self);
StrataEndpointSource  strata_endpoint_get_source        (const StrataEndpoint *self);
const char           *strata_endpoint_get_uri           (const StrataEndpoint *self);
const char           *strata_endpoint_get_why           (const StrataEndpoint *self);
const char           *strata_endpoint_get_context       (const StrataEndpoint *self);
const char           *strata_endpoint_get_socket_path   (const StrataEndpoint *self);
const char           *strata_endpoint_get_host          (const StrataEndpoint *self);
guint16               strata_endpoint_get_port          (const StrataEndpoint *self);
gboolean              strata_endpoint_get_tls           (const StrataEndpoint *self);
gboolean              strata_endpoint_get_tls_verify    (const StrataEndpoint *self);
const char           *strata_endpoint_get_tls_ca_file   (const StrataEndpoint *self);
const char           *strata_endpoint_get_tls_cert_file (const StrataEndpoint *self);
const char           *strata_endpoint_get_tls_key_file  (const StrataEndpoint *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrataEndpoint, strata_endpoint_unref)

G_END_DECLS
