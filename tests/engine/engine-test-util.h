/* engine-test-util.h: main-loop waits with deadlines, shared by the engine tests
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "strata-engine.h"
#include "strata-test-engine.h"

G_BEGIN_DECLS

#define ENGINE_TEST_TIMEOUT_MS 60000

typedef gboolean (*EngineTestPredicate) (gpointer data);

/* GAsyncReadyCallback storing a ref on the result in *(GAsyncResult **) user_data. */
void           engine_test_store_result (GObject              *object,
                                         GAsyncResult         *result,
                                         gpointer              user_data);
/* Iterates the main context until *slot is set; fails the test after @timeout_ms. */
GAsyncResult  *engine_test_await        (GAsyncResult        **slot,
                                         guint                 timeout_ms);
gboolean       engine_test_wait_until   (EngineTestPredicate   predicate,
                                         gpointer              data,
                                         guint                 timeout_ms);
StrataEngine  *engine_test_engine_new   (StrataTestEngine     *test_engine);
void           engine_test_docker       (StrataTestEngine     *test_engine,
                                         const char           *first_arg,
                                         ...) G_GNUC_NULL_TERMINATED;
char          *engine_test_docker_out   (StrataTestEngine     *test_engine,
                                         const char           *first_arg,
                                         ...) G_GNUC_NULL_TERMINATED;
void           engine_test_compose      (StrataTestEngine     *test_engine,
                                         const char           *dir,
                                         const char           *first_arg,
                                         ...) G_GNUC_NULL_TERMINATED;
char          *engine_test_write_project (const char          *parent,
                                          const char          *name,
                                          const char          *yaml);
JsonNode      *engine_test_request      (StrataEngine         *engine,
                                         const char           *method,
                                         const char           *path,
                                         GError              **error);

G_END_DECLS

G_BEGIN_DECLS

/* A Unix socket forwarding to the engine's: stopping it looks to a client
 * exactly like the engine going away (connections cut, socket gone). */
typedef struct _EngineTestProxy EngineTestProxy;

EngineTestProxy *engine_test_proxy_new    (const char      *target_path,
                                           const char      *listen_path);
void             engine_test_proxy_start  (EngineTestProxy *proxy);
void             engine_test_proxy_stop   (EngineTestProxy *proxy);
void             engine_test_proxy_free   (EngineTestProxy *proxy);

G_END_DECLS

G_BEGIN_DECLS
/* Unrefs @object and runs the main loop until cancelled callbacks let it go. */
void engine_test_finalize (gpointer object);
G_END_DECLS
