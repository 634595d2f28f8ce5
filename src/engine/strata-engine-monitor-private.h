/* strata-engine-monitor-private.h: what the monitor files share
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-engine-monitor.h"
#include "strata-engine-state-private.h"
#include "strata-json-splitter.h"

G_BEGIN_DECLS

struct _StrataEngineMonitor
{
  GObject             parent_instance;

  StrataEngine       *engine;
  GListStore         *projects;
  GCancellable       *cancellable;     /* everything in flight; reset by stop() */
  StrataMonitorStatus status;
  GError             *error;

  /* loading */
  GTask              *start_task;      /* until the first complete state */
  GQueue              pending_events;  /* JsonNode, while a listing runs */
  guint               lists_pending;
  guint               sync_serial;     /* answers of an older listing are dropped */
  JsonNode           *lists[3];        /* containers, networks, volumes */
  guint64             n_lists;

  /* events */
  GInputStream       *events;
  StrataJsonSplitter  splitter;
  gint64              last_time_nano;
  guint               backoff_ms;
  guint               reconnect_source;
  GHashTable         *inspecting;      /* container id -> GINT_TO_POINTER (dirty) */
};

void _strata_engine_monitor_set_status   (StrataEngineMonitor *self,
                                          StrataMonitorStatus  status,
                                          const GError        *error);
void _strata_engine_monitor_open_events  (StrataEngineMonitor *self);
void _strata_engine_monitor_sync         (StrataEngineMonitor *self);
void _strata_engine_monitor_handle_event (StrataEngineMonitor *self,
                                          JsonNode            *event);
StrataEngineProject *_strata_engine_monitor_ensure_project (StrataEngineMonitor *self,
                                                            const char          *name);
void _strata_engine_monitor_drop_if_empty (StrataEngineMonitor *self,
                                           StrataEngineProject *project);

void _strata_engine_monitor_schedule_reconnect (StrataEngineMonitor *self,
                                               const GError        *error);
void _strata_engine_monitor_add_resource   (StrataEngineMonitor *self,
                                            StrataResourceKind   kind,
                                            JsonObject          *object);
void _strata_engine_monitor_remove_resource (StrataEngineMonitor *self,
                                             StrataResourceKind   kind,
                                             const char          *id);

G_END_DECLS
