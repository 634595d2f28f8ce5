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
int strata_cli_build   (StrataCliGlobals *globals);
int strata_cli_kill    (StrataCliGlobals *globals);
int strata_cli_logs    (StrataCliGlobals *globals);
int strata_cli_ps      (StrataCliGlobals *globals);
int strata_cli_pull    (StrataCliGlobals *globals);
int strata_cli_restart (StrataCliGlobals *globals);
int strata_cli_start   (StrataCliGlobals *globals);
int strata_cli_rm      (StrataCliGlobals *globals);
int strata_cli_stop    (StrataCliGlobals *globals);
int strata_cli_up      (StrataCliGlobals *globals);

#define STRATA_CLI_VERBS \
  { "build", N_("Build the images of services with build:"), strata_cli_build }, \
  { "config", N_("Print the merged configuration, as docker compose config does"), strata_cli_config }, \
  { "diff", N_("Show what each override file changes, and its traps"), strata_cli_diff }, \
  { "down", N_("Stop and remove the project's containers, networks, volumes and images"), strata_cli_down }, \
  { "kill", N_("Force stop service containers"), strata_cli_kill }, \
  { "logs", N_("Show the output of the project's containers"), strata_cli_logs }, \
  { "ps", N_("List the project's containers"), strata_cli_ps }, \
  { "pull", N_("Pull the images of the services"), strata_cli_pull }, \
  { "restart", N_("Restart services"), strata_cli_restart }, \
  { "start", N_("Start services"), strata_cli_start }, \
  { "rm", N_("Remove stopped containers of services"), strata_cli_rm }, \
  { "stop", N_("Stop services"), strata_cli_stop }, \
  { "up", N_("Create and start the project's containers, as docker compose up"), strata_cli_up },

G_END_DECLS
