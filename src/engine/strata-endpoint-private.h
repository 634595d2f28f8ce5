/* strata-endpoint-private.h: what the endpoint files share
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-endpoint.h"

G_BEGIN_DECLS

struct _StrataEndpoint
{
  StrataEndpointKind    kind;
  StrataEndpointSource  source;
  char                 *uri;
  char                 *why;
  char                 *context;
  char                 *socket_path;   /* UNIX */
  char                 *host;          /* TCP */
  guint16               port;          /* TCP */
  gboolean              tls;
  gboolean              tls_verify;
  char                 *tls_ca_file;
  char                 *tls_cert_file;
  char                 *tls_key_file;
};

void _strata_endpoint_set_origin   (StrataEndpoint       *self,
                                    StrataEndpointSource  source,
                                    const char           *context,
                                    const char           *why);
void _strata_endpoint_set_tls_dir  (StrataEndpoint       *self,
                                    const char           *dir,
                                    gboolean              verify);

G_END_DECLS
