/* strata-sidebar-private.h
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-sidebar.h"

G_BEGIN_DECLS

struct _StrataSidebar
{
  GtkWidget            parent_instance;

  /* Template widgets */
  AdwHeaderBar        *header_bar;
  GtkListBox          *list_box;
  GtkLabel            *engine_title;
  GtkListBox          *engine_list;

  /* Owned references */
  GSettings           *settings;
  GListStore          *entries;         /* the recent folders */
  GListStore          *engine_entries;  /* projects on the engine, not recent */
  StrataEngineMonitor *monitor;
  char                *active_path;

  guint                engine_source;
};

void _strata_sidebar_queue_engine_rebuild (StrataSidebar *self);

G_END_DECLS
