/* strata-project.h: a loaded compose project, an immutable snapshot
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "strata-diagnostic-item.h"
#include "strata-layer-diff.h"
#include "strata-load-options.h"
#include "strata-network-item.h"
#include "strata-service-item.h"
#include "strata-volume-item.h"

G_BEGIN_DECLS

#define STRATA_TYPE_PROJECT (strata_project_get_type ())

G_DECLARE_FINAL_TYPE (StrataProject, strata_project, STRATA, PROJECT, GObject)

void           strata_project_load_async        (const StrataLoadOptions  *options,
                                                 GCancellable             *cancellable,
                                                 GAsyncReadyCallback       callback,
                                                 gpointer                  user_data);
StrataProject *strata_project_load_finish       (GAsyncResult             *result,
                                                 GError                  **error);
StrataProject *strata_project_load              (const StrataLoadOptions  *options,
                                                 GCancellable             *cancellable,
                                                 GError                  **error);

const char    *strata_project_get_name          (StrataProject            *self);
const char    *strata_project_get_working_dir   (StrataProject            *self);
GPtrArray     *strata_project_get_layers        (StrataProject            *self);
GPtrArray     *strata_project_get_config_files  (StrataProject            *self);
const char * const *strata_project_get_profiles (StrataProject            *self);
const StrataNode *strata_project_get_merged     (StrataProject            *self);
const StrataNode *strata_project_get_normalized (StrataProject            *self);
StrataEnvironment *strata_project_get_environment (StrataProject        *self);
GPtrArray     *strata_project_get_diagnostic_list (StrataProject          *self);
GListModel    *strata_project_get_diagnostics   (StrataProject            *self);
GPtrArray     *strata_project_get_layer_diffs   (StrataProject            *self);
GListModel    *strata_project_get_services      (StrataProject            *self);
GListModel    *strata_project_get_networks      (StrataProject            *self);
GListModel    *strata_project_get_volumes       (StrataProject            *self);

G_END_DECLS
