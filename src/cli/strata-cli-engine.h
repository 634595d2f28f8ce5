/* strata-cli-engine.h: what the verbs that talk to the engine share
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-cli-private.h"
#include "strata-engine.h"
#include "strata-lifecycle.h"
#include "strata-project.h"

G_BEGIN_DECLS

StrataEngine *_strata_cli_engine_new        (GError              **error);
char         *_strata_cli_project_name      (StrataCliGlobals     *globals);
char         *_strata_cli_engine_project    (StrataCliGlobals     *globals,
                                             StrataProject       **project);
void          _strata_cli_store_result      (GObject              *object,
                                             GAsyncResult         *result,
                                             gpointer              user_data);
GAsyncResult *_strata_cli_await             (GAsyncResult        **slot);
gboolean      _strata_cli_parse_flags       (StrataCliGlobals     *globals,
                                             const GOptionEntry   *entries,
                                             GStrv                *rest,
                                             GError              **error);
JsonArray    *_strata_cli_list_containers   (StrataEngine         *engine,
                                             const char           *project,
                                             gboolean              all,
                                             GError              **error);
const char   *_strata_cli_container_name    (JsonObject           *container);
const char   *_strata_cli_label             (JsonObject           *container,
                                             const char           *key);

/* strata-cli-lifecycle.c: selects the containers of @services (all when
 * empty) and acts on them, printing compose's progress lines; an exit status. */
int           _strata_cli_lifecycle_run     (StrataLifecycle      *lifecycle,
                                             StrataEngine         *engine,
                                             const char           *project,
                                             const char * const   *services);

G_END_DECLS
