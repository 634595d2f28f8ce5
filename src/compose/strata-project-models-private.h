/* strata-project-models-private.h: the list models of a project
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-project-private.h"

G_BEGIN_DECLS

GListStore *_strata_project_build_diagnostics (StrataProjectData *data);
GListStore *_strata_project_build_services    (StrataProjectData *data);
GListStore *_strata_project_build_networks    (StrataProjectData *data);
GListStore *_strata_project_build_volumes     (StrataProjectData *data);

G_END_DECLS
