/* strata-cli-verbs.h: the table of verbs; each verb lives in its own file
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-cli-private.h"

G_BEGIN_DECLS

int strata_cli_config  (StrataCliGlobals *globals);
int strata_cli_diff    (StrataCliGlobals *globals);
int strata_cli_down    (StrataCliGlobals *globals);
int strata_cli_ps      (StrataCliGlobals *globals);
int strata_cli_restart (StrataCliGlobals *globals);
int strata_cli_start   (StrataCliGlobals *globals);
int strata_cli_stop    (StrataCliGlobals *globals);

#define STRATA_CLI_VERBS \
  { "config", N_("Print the merged configuration, as docker compose config does"), strata_cli_config }, \
  { "diff", N_("Show what each override file changes, and its traps"), strata_cli_diff }, \
  { "down", N_("Stop and remove the project's containers, networks, volumes and images"), strata_cli_down }, \
  { "ps", N_("List the project's containers"), strata_cli_ps }, \
  { "restart", N_("Restart services"), strata_cli_restart }, \
  { "start", N_("Start services"), strata_cli_start }, \
  { "stop", N_("Stop services"), strata_cli_stop },

G_END_DECLS
