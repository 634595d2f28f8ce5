/* strata-progress-panel.h: per-resource progress of an operation, not modal
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STRATA_TYPE_PROGRESS_PANEL (strata_progress_panel_get_type())

G_DECLARE_FINAL_TYPE (StrataProgressPanel, strata_progress_panel, STRATA, PROGRESS_PANEL, GtkWidget)

void     strata_progress_panel_track       (StrataProgressPanel *self,
                                            const char          *title,
                                            GListModel          *plan);
void     strata_progress_panel_track_with_verb (StrataProgressPanel *self,
                                                const char          *title,
                                                GListModel          *plan,
                                                const char          *verb);
void     strata_progress_panel_finish      (StrataProgressPanel *self);
gboolean strata_progress_panel_is_running  (StrataProgressPanel *self);
char    *strata_progress_panel_dup_summary (StrataProgressPanel *self);

G_END_DECLS
