/* strata-logs-view.h: followed service logs, bounded, searchable, pausable
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "strata-ui-types.h"

G_BEGIN_DECLS

#define STRATA_TYPE_LOGS_VIEW (strata_logs_view_get_type())

#define STRATA_LOGS_VIEW_DEFAULT_MAX_LINES 10000

G_DECLARE_FINAL_TYPE (StrataLogsView, strata_logs_view, STRATA, LOGS_VIEW, GtkWidget)

void     strata_logs_view_set_project    (StrataLogsView *self,
                                          StrataProject  *project);
typedef struct _StrataEngineProject StrataEngineProject;

void     strata_logs_view_set_live       (StrataLogsView      *self,
                                          StrataEngine        *engine,
                                          StrataEngineProject *live);
void     strata_logs_view_follow_service (StrataLogsView *self,
                                          const char     *service);
const char *strata_logs_view_get_followed_service (StrataLogsView *self);
guint    strata_logs_view_get_n_followers (StrataLogsView *self);
char    *strata_logs_view_dup_text       (StrataLogsView *self);
void     strata_logs_view_append         (StrataLogsView *self,
                                          const char     *service,
                                          const char     *timestamp,
                                          const char     *text);
void     strata_logs_view_clear          (StrataLogsView *self);
guint    strata_logs_view_get_n_lines    (StrataLogsView *self);
void     strata_logs_view_set_max_lines  (StrataLogsView *self,
                                          guint           max_lines);
gboolean strata_logs_view_get_paused     (StrataLogsView *self);
void     strata_logs_view_set_paused     (StrataLogsView *self,
                                          gboolean        paused);

G_END_DECLS
