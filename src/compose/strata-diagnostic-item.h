/* strata-diagnostic-item.h: A positioned message about the project, for list views
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STRATA_TYPE_DIAGNOSTIC_ITEM (strata_diagnostic_item_get_type ())

G_DECLARE_FINAL_TYPE (StrataDiagnosticItem, strata_diagnostic_item, STRATA, DIAGNOSTIC_ITEM, GObject)

int                 strata_diagnostic_item_get_severity (StrataDiagnosticItem *self);
const char         *strata_diagnostic_item_get_file (StrataDiagnosticItem *self);
guint               strata_diagnostic_item_get_line (StrataDiagnosticItem *self);
guint               strata_diagnostic_item_get_column (StrataDiagnosticItem *self);
const char         *strata_diagnostic_item_get_message (StrataDiagnosticItem *self);
const char         *strata_diagnostic_item_get_hint (StrataDiagnosticItem *self);

G_END_DECLS
