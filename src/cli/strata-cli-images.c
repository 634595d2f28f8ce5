/* strata-cli-images.c: strata pull and strata build
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-cli-engine.h"
#include "strata-cli-project.h"
#include "strata-cli-up.h"
#include "strata-cli-verbs.h"
#include "strata-up-plan.h"

static int
run_images (StrataCliGlobals *globals,
            StrataUpAction    action)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) services = NULL;
  g_autoptr(StrataProject) project = NULL;
  g_autoptr(StrataEngine) engine = NULL;
  g_autoptr(StrataUpPlan) plan = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  if (!_strata_cli_parse_flags (globals, entries, &services, &error))
    return _strata_cli_usage_error ("%s", error->message);
  if ((project = _strata_cli_load_project (globals, FALSE)) == NULL)
    return STRATA_CLI_EXIT_ERROR;
  if ((engine = _strata_cli_engine_new (&error)) == NULL)
    return _strata_cli_error ("%s", error->message);
  plan = strata_up_plan_new_images (project, services[0] ? (const char * const *) services : NULL, action, &error);
  if (plan == NULL)
    return _strata_cli_error ("%s", error->message);
  g_signal_connect (plan, "progress", G_CALLBACK (_strata_cli_print_up_progress), NULL);
  strata_up_plan_run_async (plan, engine, NULL, _strata_cli_store_result, &result);
  if (!strata_up_plan_run_finish (plan, _strata_cli_await (&result), &error))
    return _strata_cli_error ("%s", error->message);

  return STRATA_CLI_EXIT_OK;
}

int
strata_cli_pull (StrataCliGlobals *globals)
{
  return run_images (globals, STRATA_UP_PULL);
}

int
strata_cli_build (StrataCliGlobals *globals)
{
  return run_images (globals, STRATA_UP_BUILD);
}
