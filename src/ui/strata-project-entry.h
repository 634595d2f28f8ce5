/* strata-project-entry.h: one project folder in the sidebar
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-ui-types.h"

G_BEGIN_DECLS

#define STRATA_TYPE_PROJECT_ENTRY (strata_project_entry_get_type())

G_DECLARE_FINAL_TYPE (StrataProjectEntry, strata_project_entry, STRATA, PROJECT_ENTRY, GObject)

StrataProjectEntry *strata_project_entry_new       (const char         *path);
StrataProjectEntry *strata_project_entry_new_for_engine   (const char         *name,
                                                          const char         *working_dir,
                                                          const char * const *config_files);
const char * const *strata_project_entry_get_config_files (StrataProjectEntry *self);
const char         *strata_project_entry_get_path  (StrataProjectEntry *self);
const char         *strata_project_entry_get_name  (StrataProjectEntry *self);
StrataProjectState  strata_project_entry_get_state (StrataProjectEntry *self);
void                strata_project_entry_set_state (StrataProjectEntry *self,
                                                    StrataProjectState  state);

G_END_DECLS
