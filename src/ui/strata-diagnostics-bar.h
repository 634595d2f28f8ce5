/* strata-diagnostics-bar.h: the compose files' problems, each with its place
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "strata-diagnostic.h"

G_BEGIN_DECLS

#define STRATA_TYPE_DIAGNOSTICS_BAR (strata_diagnostics_bar_get_type())

G_DECLARE_FINAL_TYPE (StrataDiagnosticsBar, strata_diagnostics_bar, STRATA, DIAGNOSTICS_BAR, GtkWidget)

void  strata_diagnostics_bar_set_diagnostics (StrataDiagnosticsBar *self,
                                              GPtrArray            *diagnostics);
guint strata_diagnostics_bar_get_n_shown     (StrataDiagnosticsBar *self);
void  strata_diagnostics_bar_activate_row    (StrataDiagnosticsBar *self,
                                              guint                 index);

G_END_DECLS
