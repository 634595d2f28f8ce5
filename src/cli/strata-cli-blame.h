/* strata-cli-blame.h: strata config --blame
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-cli-private.h"
#include "strata-project.h"

G_BEGIN_DECLS

/* The configuration with each line's source: YAML with comments, or with
 * @format "json" the same as data. */
int   _strata_cli_print_blame (StrataProject *project,
                               const char    *format);

G_END_DECLS
