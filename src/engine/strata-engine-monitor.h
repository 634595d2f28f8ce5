/* strata-engine-monitor.h: every compose project on an engine, kept live by /events
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-engine.h"
#include "strata-engine-project.h"

G_BEGIN_DECLS

typedef enum
{
  STRATA_MONITOR_STOPPED,
  STRATA_MONITOR_LOADING,       /* listing, events buffered */
  STRATA_MONITOR_LIVE,          /* following /events */
  STRATA_MONITOR_RECONNECTING,  /* the stream ended; see the error property */
} StrataMonitorStatus;

#define STRATA_TYPE_ENGINE_MONITOR (strata_engine_monitor_get_type ())

G_DECLARE_FINAL_TYPE (StrataEngineMonitor, strata_engine_monitor, STRATA, ENGINE_MONITOR, GObject)

StrataEngineMonitor *strata_engine_monitor_new          (StrataEngine         *engine);
StrataEngine        *strata_engine_monitor_get_engine   (StrataEngineMonitor  *self);
GListModel          *strata_engine_monitor_get_projects (StrataEngineMonitor  *self);
StrataEngineProject *strata_engine_monitor_find_project (StrataEngineMonitor  *self,
                                                         const char           *name);
StrataMonitorStatus  strata_engine_monitor_get_status   (StrataEngineMonitor  *self);
const GError        *strata_engine_monitor_get_error    (StrataEngineMonitor  *self);
guint64              strata_engine_monitor_get_n_lists  (StrataEngineMonitor  *self);

/* Completes once the first complete state is in the models. */
void                 strata_engine_monitor_start_async  (StrataEngineMonitor  *self,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean             strata_engine_monitor_start_finish (StrataEngineMonitor  *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void                 strata_engine_monitor_stop         (StrataEngineMonitor  *self);

G_END_DECLS
