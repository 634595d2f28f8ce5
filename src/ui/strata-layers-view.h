/* strata-layers-view.h: what each override file changes, before and after
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "strata-ui-types.h"

G_BEGIN_DECLS

#define STRATA_TYPE_LAYERS_VIEW (strata_layers_view_get_type())

G_DECLARE_FINAL_TYPE (StrataLayersView, strata_layers_view, STRATA, LAYERS_VIEW, GtkWidget)

void        strata_layers_view_set_project  (StrataLayersView *self,
                                             StrataProject    *project);
GListModel *strata_layers_view_get_entries  (StrataLayersView *self);

G_END_DECLS
