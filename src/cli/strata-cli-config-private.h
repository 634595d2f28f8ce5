/* strata-cli-config-private.h: the parts of strata config
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-cli-project.h"

G_BEGIN_DECLS

/* strata-cli-config-lists.c: one item a line */
void _strata_cli_config_print_services (StrataProject *project);
void _strata_cli_config_print_volumes  (StrataProject *project);
void _strata_cli_config_print_profiles (StrataProject *project);
void _strata_cli_config_print_images   (StrataProject *project);
int  _strata_cli_config_print_hashes   (StrataProject *project,
                                        const char    *which);

G_END_DECLS
