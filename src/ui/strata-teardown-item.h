/* strata-teardown-item.h: one resource of a teardown plan, and its progress
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "strata-down-plan.h"

G_BEGIN_DECLS

typedef enum
{
  STRATA_TEARDOWN_PENDING,
  STRATA_TEARDOWN_KEPT,
  STRATA_TEARDOWN_REMOVING,
  STRATA_TEARDOWN_REMOVED,
  STRATA_TEARDOWN_FAILED,
} StrataTeardownState;

#define STRATA_TYPE_TEARDOWN_ITEM (strata_teardown_item_get_type())

G_DECLARE_FINAL_TYPE (StrataTeardownItem, strata_teardown_item, STRATA, TEARDOWN_ITEM, GObject)

StrataTeardownItem  *strata_teardown_item_new        (StrataPlanKind       kind,
                                                      const char          *name,
                                                      const char          *detail);
StrataTeardownItem  *strata_teardown_item_new_kept   (StrataPlanKind       kind,
                                                      const char          *name,
                                                      const char          *reason);
StrataPlanKind       strata_teardown_item_get_kind   (StrataTeardownItem  *self);
const char          *strata_teardown_item_get_name   (StrataTeardownItem  *self);
const char          *strata_teardown_item_get_detail (StrataTeardownItem  *self);
StrataTeardownState  strata_teardown_item_get_state  (StrataTeardownItem  *self);
const char          *strata_teardown_item_get_error  (StrataTeardownItem  *self);
void                 strata_teardown_item_set_state  (StrataTeardownItem  *self,
                                                      StrataTeardownState  state,
                                                      const char          *error);
const char          *strata_plan_kind_to_icon        (StrataPlanKind       kind);

G_END_DECLS
