/* strata-lifecycle-private.h: what the lifecycle files share
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-lifecycle.h"

G_BEGIN_DECLS

struct _StrataLifecycle
{
  GObject                parent_instance;

  StrataLifecycleAction  action;
  int                    timeout;
  char                  *signal_name;
  GListStore            *containers;  /* StrataContainer, in name order */
};

void _strata_lifecycle_progress (StrataLifecycle      *self,
                                 StrataContainer      *container,
                                 StrataPlanStepStatus  status,
                                 const char           *message);

G_END_DECLS
