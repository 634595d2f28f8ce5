/* strata-sidebar.h: the project folders, opened and recent, with their state
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "strata-project-entry.h"

G_BEGIN_DECLS

#define STRATA_TYPE_SIDEBAR (strata_sidebar_get_type())

G_DECLARE_FINAL_TYPE (StrataSidebar, strata_sidebar, STRATA, SIDEBAR, GtkWidget)

GListModel         *strata_sidebar_get_entries     (StrataSidebar *self);
void                strata_sidebar_set_active_path (StrataSidebar *self,
                                                    const char    *path);
StrataProjectEntry *strata_sidebar_lookup          (StrataSidebar *self,
                                                    const char    *path);
typedef struct _StrataEngineMonitor StrataEngineMonitor;

void                strata_sidebar_set_monitor     (StrataSidebar       *self,
                                                    StrataEngineMonitor *monitor);
GListModel         *strata_sidebar_get_engine_entries (StrataSidebar *self);
void                strata_sidebar_bind_folded     (StrataSidebar *self,
                                                    GObject       *leaflet);

G_END_DECLS
