/* strata-cli-private.h: what the verbs of src/cli/ share
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-cli.h"

G_BEGIN_DECLS

/* Exit codes, as compose uses them. */
#define STRATA_CLI_EXIT_OK     0
#define STRATA_CLI_EXIT_ERROR  1
#define STRATA_CLI_EXIT_USAGE  2

typedef struct
{
  const char        *name;
  const char        *summary;
  StrataCliVerbFunc  run;
} StrataCliVerb;

const StrataCliVerb *_strata_cli_lookup_verb  (const char *name);
int                  _strata_cli_usage_error  (const char *format,
                                               ...) G_GNUC_PRINTF (1, 2);
int                  _strata_cli_error        (const char *format,
                                               ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
