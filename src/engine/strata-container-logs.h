/* strata-container-logs.h: one container's output, followed across engine restarts
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-engine.h"
#include "strata-log-demux.h"

G_BEGIN_DECLS

#define STRATA_TYPE_CONTAINER_LOGS (strata_container_logs_get_type ())

G_DECLARE_FINAL_TYPE (StrataContainerLogs, strata_container_logs, STRATA, CONTAINER_LOGS, GObject)

/* @tail: the last lines to show first, or -1 for all. With @follow, the
 * stream is reopened (from the last line seen) when it breaks while the
 * container runs, e.g. when the engine restarts. */
StrataContainerLogs *strata_container_logs_new       (StrataEngine        *engine,
                                                      const char          *id,
                                                      gboolean             follow,
                                                      int                  tail);
/* Only lines after @nanoseconds since the epoch (`up` shows what its run printed). */
void                 strata_container_logs_set_since (StrataContainerLogs *self,
                                                      gint64               nanoseconds);
const char          *strata_container_logs_get_id    (StrataContainerLogs *self);
/* Emits ::line (StrataLogSource, gint64 timestamp in ns, text) for each
 * line, then ::ended (exit code, or -1 if unknown) once there is no more. */
void                 strata_container_logs_start     (StrataContainerLogs *self,
                                                      GCancellable        *cancellable);

G_END_DECLS
