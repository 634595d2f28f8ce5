/* strata-engine.h: the connection to one Docker engine
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "strata-endpoint.h"
#include "strata-engine-error.h"

G_BEGIN_DECLS

/* The newest API Strata speaks (Docker 20.10); older daemons are negotiated down. */
#define STRATA_ENGINE_API_VERSION      "1.41"
#define STRATA_ENGINE_MIN_API_VERSION  "1.25"

#define STRATA_TYPE_ENGINE (strata_engine_get_type ())

G_DECLARE_FINAL_TYPE (StrataEngine, strata_engine, STRATA, ENGINE, GObject)

StrataEngine   *strata_engine_new                (StrataEndpoint       *endpoint);
StrataEndpoint *strata_engine_get_endpoint       (StrataEngine         *self);
const char     *strata_engine_get_api_version    (StrataEngine         *self);
const char     *strata_engine_get_server_version (StrataEngine         *self);

void            strata_engine_connect_async      (StrataEngine         *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean        strata_engine_connect_finish     (StrataEngine         *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* @path is relative to the API root, e.g. "/containers/json?all=1";
 * the negotiated version prefix is added. The result is the parsed answer,
 * or a JSON null for an empty one (and for 304 Not Modified: starting a
 * running container, stopping a stopped one). */
void            strata_engine_request_async      (StrataEngine         *self,
                                                  const char           *method,
                                                  const char           *path,
                                                  JsonNode             *body,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
JsonNode       *strata_engine_request_finish     (StrataEngine         *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* A long-lived answer (events, logs with follow), on a session without timeouts. */
void            strata_engine_stream_async       (StrataEngine         *self,
                                                  const char           *path,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
/* The same with another method and a body (POST /images/create, /build):
 * the answer is a stream of progress messages. Finish with stream_finish. */
void            strata_engine_send_stream_async  (StrataEngine         *self,
                                                  const char           *method,
                                                  const char           *path,
                                                  const char           *content_type,
                                                  GBytes               *body,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GInputStream   *strata_engine_stream_finish      (StrataEngine         *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* The URL-escaped ?filters= value: pairs of key and value, a repeated key adds a value. */
char           *strata_engine_filters            (const char           *first_key,
                                                  ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
