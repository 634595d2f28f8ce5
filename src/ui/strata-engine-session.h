/* strata-engine-session.h: the engine the window talks to, found as the
 * preferences say, and its live state
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-engine-monitor.h"

G_BEGIN_DECLS

#define STRATA_TYPE_ENGINE_SESSION (strata_engine_session_get_type())

G_DECLARE_FINAL_TYPE (StrataEngineSession, strata_engine_session, STRATA, ENGINE_SESSION, GObject)

StrataEngineSession *strata_engine_session_new          (GSettings           *settings);
void                 strata_engine_session_start        (StrataEngineSession *self);
gboolean             strata_engine_session_is_ready     (StrataEngineSession *self);
StrataEngine        *strata_engine_session_get_engine   (StrataEngineSession *self);
StrataEngineMonitor *strata_engine_session_get_monitor  (StrataEngineSession *self);
const char          *strata_engine_session_get_endpoint (StrataEngineSession *self);
const char          *strata_engine_session_get_error    (StrataEngineSession *self);

G_END_DECLS
