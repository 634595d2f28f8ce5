/* strata-cli-verbs.h: the table of verbs; each verb lives in its own file
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-cli-private.h"

G_BEGIN_DECLS

/* The compose verbs (GLib + libyaml only) are in the executable. */
int strata_cli_config  (StrataCliGlobals *globals);
int strata_cli_diff    (StrataCliGlobals *globals);

/* The engine verbs are in the strata-engine module (src/strata-engine-module.c),
 * which the executable opens only to run one of them: in the table below they
 * have no function, and strata-cli.c hands them to the module. */
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

#define STRATA_CLI_ENGINE_VERB NULL

#define STRATA_CLI_VERBS \
  { "build", N_("Build the images of services with build:"), STRATA_CLI_ENGINE_VERB }, \
  { "config", N_("Print the merged configuration, as docker compose config does"), strata_cli_config }, \
  { "diff", N_("Show what each override file changes, and its traps"), strata_cli_diff }, \
  { "down", N_("Stop and remove the project's containers, networks, volumes and images"), STRATA_CLI_ENGINE_VERB }, \
  { "kill", N_("Force stop service containers"), STRATA_CLI_ENGINE_VERB }, \
  { "logs", N_("Show the output of the project's containers"), STRATA_CLI_ENGINE_VERB }, \
  { "ps", N_("List the project's containers"), STRATA_CLI_ENGINE_VERB }, \
  { "pull", N_("Pull the images of the services"), STRATA_CLI_ENGINE_VERB }, \
  { "restart", N_("Restart services"), STRATA_CLI_ENGINE_VERB }, \
  { "start", N_("Start services"), STRATA_CLI_ENGINE_VERB }, \
  { "rm", N_("Remove stopped containers of services"), STRATA_CLI_ENGINE_VERB }, \
  { "stop", N_("Stop services"), STRATA_CLI_ENGINE_VERB }, \
  { "up", N_("Create and start the project's containers, as docker compose up"), STRATA_CLI_ENGINE_VERB },

G_END_DECLS
