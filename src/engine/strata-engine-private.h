/* strata-engine-private.h: what the engine files share
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "strata-engine.h"

G_BEGIN_DECLS

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

/* strata-engine.c */
void      _strata_engine_set_api_version    (StrataEngine *self,
                                             const char   *version);
void      _strata_engine_set_server_version (StrataEngine *self,
                                             const char   *version);

/* strata-engine-request.c: one request or stream to the engine */
typedef struct _StrataEngineRequest StrataEngineRequest;
typedef void (*StrataEngineSend) (GTask *task);

struct _StrataEngineRequest
{
  char             *method;
  char             *path;
  JsonNode         *body;
  char             *content_type;  /* of raw_body */
  GBytes           *raw_body;
  SoupMessage      *message;
  StrataEngineSend  send;          /* sends the message once connected */
};

SoupMessage *_strata_engine_new_message  (StrataEngine        *self,
                                          const char          *method,
                                          const char          *path,
                                          JsonNode            *body);
/* A task whose data is a request for @method @path, sent by @send. */
GTask       *_strata_engine_task_new     (StrataEngine        *self,
                                          const char          *method,
                                          const char          *path,
                                          StrataEngineSend     send,
                                          gpointer             source_tag,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* Sends @task's request, connecting first when no API version is known
 * yet; takes @task. */
void         _strata_engine_task_send    (StrataEngine        *self,
                                          GTask               *task);

/* strata-engine-errors.c */
GError   *_strata_engine_error_from_io     (StrataEngine *self,
                                            const GError *error);
GError   *_strata_engine_error_from_http  (StrataEngine *self,
                                            SoupMessage  *message,
                                            GBytes       *body);
int       _strata_engine_compare_versions (const char   *a,
                                            const char   *b);

G_END_DECLS
