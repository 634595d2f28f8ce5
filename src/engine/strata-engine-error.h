/* strata-engine-error.h: the errors of src/engine/
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STRATA_ENGINE_ERROR (strata_engine_error_quark ())

/* Each code says what the user should do next; messages name the endpoint. */
typedef enum
{
  STRATA_ENGINE_ERROR_NOT_RUNNING,        /* no socket, or nobody listening: start Docker */
  STRATA_ENGINE_ERROR_PERMISSION_DENIED,  /* the socket is not ours: the docker group */
  STRATA_ENGINE_ERROR_NOT_FOUND,          /* HTTP 404: the resource is gone */
  STRATA_ENGINE_ERROR_CONFLICT,           /* HTTP 409: in use, or already exists */
  STRATA_ENGINE_ERROR_DAEMON,             /* any other error answer of the daemon */
  STRATA_ENGINE_ERROR_PROTOCOL,           /* an answer that is not what the API documents */
  STRATA_ENGINE_ERROR_ENDPOINT,           /* DOCKER_HOST or a context that cannot be used */
  STRATA_ENGINE_ERROR_VERSION,            /* the daemon's API is too old */
  STRATA_ENGINE_ERROR_DISCONNECTED,       /* the connection broke during a stream */
} StrataEngineError;

GQuark strata_engine_error_quark (void);

G_END_DECLS
