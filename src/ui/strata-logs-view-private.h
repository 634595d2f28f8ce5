/* strata-logs-view-private.h
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "strata-engine-project.h"
#include "strata-logs-view.h"
#include "strata-container-logs.h"

G_BEGIN_DECLS

struct _StrataLogsView
{
  GtkWidget                parent_instance;

  /* Template widgets */
  GtkStack                *stack;
  GtkSearchEntry          *search_entry;
  GtkToggleButton         *timestamps_button;
  GtkSourceView           *text_view;
  GtkDropDown             *service_dropdown;

  /* Owned references */
  GObject                 *project;
  GtkSourceSearchContext  *search;
  GtkTextTag              *timestamp_tag;
  GtkTextMark             *end_mark;
  GtkStringList           *service_names;  /* "All Services", then the files' services */
  StrataEngine            *engine;
  StrataEngineProject     *live;
  char                    *service;        /* the one followed, or NULL for all */
  GHashTable              *followers;      /* container id → StrataContainerLogs (a GCancellable as data) */
  GHashTable              *last_seen;      /* container id → gint64 ns of its last line */

  GArray                  *times;          /* gint64 µs since the epoch, per buffer line */
  guint                    name_width;     /* of the longest service name */
  guint                    max_lines;
  guint                    paused : 1;
};

void _strata_logs_view_insert         (StrataLogsView *self,
                                       const char     *service,
                                       gint64          time,
                                       const char     *timestamp,
                                       const char     *text);
void _strata_logs_view_sync_followers (StrataLogsView *self);
void _strata_logs_view_stop_followers (StrataLogsView *self);

G_END_DECLS
