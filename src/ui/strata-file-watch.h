/* strata-file-watch.h: one signal when any of a project's files changes
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STRATA_TYPE_FILE_WATCH (strata_file_watch_get_type())

#define STRATA_FILE_WATCH_DELAY_MS 200

G_DECLARE_FINAL_TYPE (StrataFileWatch, strata_file_watch, STRATA, FILE_WATCH, GObject)

StrataFileWatch *strata_file_watch_new       (void);
void             strata_file_watch_set_paths (StrataFileWatch    *self,
                                              const char * const *paths);
guint            strata_file_watch_get_n_watched (StrataFileWatch *self);

G_END_DECLS
