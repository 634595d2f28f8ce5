/* strata-engine-module.c: the entry point of the strata-engine module
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-cli-verbs.h"
#include "strata-engine-module.h"

static const struct
{
  const char        *name;
  StrataCliVerbFunc  run;
} engine_verbs[] = {
  { "build", strata_cli_build },
  { "down", strata_cli_down },
  { "kill", strata_cli_kill },
  { "logs", strata_cli_logs },
  { "ps", strata_cli_ps },
  { "pull", strata_cli_pull },
  { "restart", strata_cli_restart },
  { "start", strata_cli_start },
  { "rm", strata_cli_rm },
  { "stop", strata_cli_stop },
  { "up", strata_cli_up },
};

G_MODULE_EXPORT int
strata_engine_run_verb (StrataCliGlobals *globals)
{
  for (guint i = 0; i < G_N_ELEMENTS (engine_verbs); i++)
    if (g_strcmp0 (engine_verbs[i].name, globals->verb) == 0)
      return engine_verbs[i].run (globals);

  return _strata_cli_usage_error (_("“%s” is not a command of the engine module %s: "
                                    "build or reinstall Strata again"),
                                  globals->verb, STRATA_ENGINE_MODULE_NAME);
}
