/* strata-recent-projects.h: the recent project folders, kept in GSettings
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STRATA_RECENT_PROJECTS_MAX 10

void strata_recent_projects_add    (GSettings  *settings,
                                    const char *path);
void strata_recent_projects_remove (GSettings  *settings,
                                    const char *path);

G_END_DECLS
