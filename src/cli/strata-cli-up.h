/* strata-cli-up.h: what up, pull and build share
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-up-plan.h"

G_BEGIN_DECLS

/* StrataUpPlan::progress handler printing compose's lines on stderr. */
void _strata_cli_print_up_progress (StrataUpPlan *plan,
                                    int           kind,
                                    const char   *name,
                                    int           status,
                                    const char   *message,
                                    gpointer      user_data);

G_END_DECLS
