/* strata-engine-project.h: the live state of one compose project
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "strata-container.h"
#include "strata-resource.h"

G_BEGIN_DECLS

#define STRATA_TYPE_ENGINE_PROJECT (strata_engine_project_get_type ())

G_DECLARE_FINAL_TYPE (StrataEngineProject, strata_engine_project, STRATA, ENGINE_PROJECT, GObject)

const char         *strata_engine_project_get_name         (StrataEngineProject *self);
const char         *strata_engine_project_get_working_dir  (StrataEngineProject *self);
const char * const *strata_engine_project_get_config_files (StrataEngineProject *self);
GListModel         *strata_engine_project_get_containers   (StrataEngineProject *self);
GListModel         *strata_engine_project_get_networks     (StrataEngineProject *self);
GListModel         *strata_engine_project_get_volumes      (StrataEngineProject *self);
GListModel         *strata_engine_project_get_images       (StrataEngineProject *self);
StrataContainer    *strata_engine_project_find_container   (StrataEngineProject *self,
                                                            const char          *id);

G_END_DECLS
