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

/* How @node got its value, for people: "docker-compose.override.yml:13
 * overrides docker-compose.yml:19". NULL for values without a place. */
char *_strata_cli_describe_origin (const StrataNode *node);

G_END_DECLS
