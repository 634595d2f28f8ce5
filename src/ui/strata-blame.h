/* strata-blame.h: which value of a model each line of its printed YAML holds
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-node.h"

G_BEGIN_DECLS

GPtrArray *strata_blame_lines (const StrataNode  *model,
                               const char        *text,
                               GError           **error);

G_END_DECLS
