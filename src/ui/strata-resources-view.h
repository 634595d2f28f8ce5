/* strata-resources-view.h
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "strata-ui-types.h"

G_BEGIN_DECLS

#define STRATA_TYPE_RESOURCES_VIEW (strata_resources_view_get_type())

G_DECLARE_FINAL_TYPE (StrataResourcesView, strata_resources_view, STRATA, RESOURCES_VIEW, GtkWidget)

void strata_resources_view_set_project (StrataResourcesView *self,
                                        StrataProject       *project);
typedef struct _StrataEngineProject StrataEngineProject;

void strata_resources_view_set_live (StrataResourcesView *self,
                                     StrataEngineProject *live);
const char *strata_resources_view_get_state (StrataResourcesView *self,
                                             const char          *section,
                                             const char          *name);
void strata_resources_view_set_engine_error (StrataResourcesView *self,
                                             const char          *endpoint,
                                             const char          *message);

G_END_DECLS
