/* strata-down-plan-private.h: what the down plan files share
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-down-plan.h"

G_BEGIN_DECLS

#define STRATA_PLAN_N_KINDS 4

struct _StrataDownPlan
{
  GObject    parent_instance;

  char      *project;
  gboolean   remove_volumes;    /* -v: anonymous volumes go with their containers */
  GPtrArray *items[STRATA_PLAN_N_KINDS];
  GPtrArray *kept;
};

void            _strata_down_plan_add           (StrataDownPlan *self,
                                                 StrataPlanKind  kind,
                                                 const char     *id,
                                                 const char     *name);
void            _strata_down_plan_keep          (StrataDownPlan *self,
                                                 StrataPlanKind  kind,
                                                 const char     *name,
                                                 const char     *why);
gboolean        _strata_down_plan_has           (StrataDownPlan *self,
                                                 StrataPlanKind  kind,
                                                 const char     *id);
void            _strata_down_plan_sort          (StrataDownPlan *self);
StrataDownPlan *_strata_down_plan_new           (const char     *project);
char           *_strata_image_familiar_ref      (const char     *ref);
void            _strata_down_plan_progress      (StrataDownPlan       *self,
                                                 const StrataPlanItem *item,
                                                 StrataPlanStepStatus  status,
                                                 const char           *message);

G_END_DECLS
