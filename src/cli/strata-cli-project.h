/* strata-cli-project.h: loading the project the global flags name
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-cli-private.h"
#include "strata-project.h"

G_BEGIN_DECLS

/* Loads the project of @globals (reading standard input for "-f -"); on
 * failure prints the error with its place and hint and returns NULL. */
StrataProject *_strata_cli_load_project   (StrataCliGlobals *globals,
                                           gboolean          no_interpolate);

/* Same, without the merged tree as the files made it (see keep_merged in
 * strata-load-options.h): for what reads only the normalized model. */
StrataProject *_strata_cli_load_normalized (StrataCliGlobals *globals,
                                           gboolean          no_interpolate);

/* Same, printing nothing, without the merged tree: the caller decides what
 * a failure means. */
StrataProject *_strata_cli_try_load_project (StrataCliGlobals  *globals,
                                             GError           **error);

/* Prints the diagnostics of @project at or above @min to standard error. */
void           _strata_cli_print_diagnostics (GPtrArray      *diagnostics,
                                              StrataSeverity  min);

/* Whether the verb's arguments hold @flag (or @alias). */
gboolean       _strata_cli_has_flag       (StrataCliGlobals *globals,
                                           const char       *flag,
                                           const char       *alias);
/* The value of "--flag VALUE" or "--flag=VALUE", or NULL. */
const char    *_strata_cli_flag_value     (StrataCliGlobals *globals,
                                           const char       *flag);

G_END_DECLS
