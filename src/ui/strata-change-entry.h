/* strata-change-entry.h: one row of the Layers view, a change or a trap
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "strata-layer-diff.h"

G_BEGIN_DECLS

#define STRATA_TYPE_CHANGE_ENTRY (strata_change_entry_get_type())

G_DECLARE_FINAL_TYPE (StrataChangeEntry, strata_change_entry, STRATA, CHANGE_ENTRY, GObject)

StrataChangeEntry *strata_change_entry_new_change  (StrataLayer             *layer,
                                                    const StrataLayerChange *change);
StrataChangeEntry *strata_change_entry_new_warning (StrataLayer             *layer,
                                                    const StrataDiagnostic  *warning);
gboolean           strata_change_entry_is_warning  (StrataChangeEntry       *self);
StrataChangeKind   strata_change_entry_get_kind    (StrataChangeEntry       *self);
const char        *strata_change_entry_get_file    (StrataChangeEntry       *self);
const char        *strata_change_entry_get_path    (StrataChangeEntry       *self);
const char        *strata_change_entry_get_before  (StrataChangeEntry       *self);
const char        *strata_change_entry_get_after   (StrataChangeEntry       *self);
const char        *strata_change_entry_get_before_place (StrataChangeEntry  *self);
const char        *strata_change_entry_get_after_place  (StrataChangeEntry  *self);
const char        *strata_change_entry_get_message (StrataChangeEntry       *self);
const char        *strata_change_entry_get_hint    (StrataChangeEntry       *self);
const char        *strata_change_kind_to_label     (StrataChangeKind         kind);

G_END_DECLS
