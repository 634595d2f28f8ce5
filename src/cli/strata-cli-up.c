/* strata-cli-up.c: strata up
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads the files, computes the plan (--dry-run prints it), warns about
 * orphans, runs it with compose's progress lines on stderr; without -d,
 * follows the logs of the services until Ctrl+C, then stops them as
 * compose does.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-cli-engine.h"
#include "strata-cli-logs.h"
#include "strata-cli-project.h"
#include "strata-cli-up.h"
#include "strata-cli-verbs.h"
#include "strata-up-plan.h"

static const char * const kind_names[] = { "Image", "Network", "Volume", "Container" };

typedef struct
{
  gboolean  detach;
  gboolean  force_recreate;
  gboolean  no_start;
  gboolean  no_build;
  gboolean  build;
  gboolean  remove_orphans;
  gboolean  dry_run;
  int       timeout;
} UpFlags;

void
_strata_cli_print_up_progress (StrataUpPlan *plan,
                               int           kind,
                               const char   *name,
                               int           status,
                               const char   *message,
                               gpointer      user_data)
{
  if (message == NULL)
    return;
  if (status == STRATA_PLAN_STEP_FAILED)
    g_printerr (" %s %s  %s: %s\n", kind_names[kind], name, _("Error"), message);
  else
    g_printerr (" %s %s  %s\n", kind_names[kind], name, message);
}

static void
print_plan (StrataUpPlan *plan)
{
  GPtrArray *items = strata_up_plan_get_items (plan);
  GPtrArray *orphans = strata_up_plan_get_orphans (plan);

  for (guint i = 0; i < items->len; i++)
    {
      StrataUpItem *item = items->pdata[i];

      g_print ("%s %s %s%s%s\n", strata_up_action_to_string (item->action), kind_names[item->kind], item->name,
               item->why ? ": " : "", item->why ? item->why : "");
    }
  for (guint i = 0; i < orphans->len; i++)
    {
      StrataUpItem *item = orphans->pdata[i];

      g_print ("%s %s %s: %s\n", strata_up_action_to_string (item->action), kind_names[item->kind],
               item->name, item->why);
    }
}

static void
warn_orphans (StrataUpPlan *plan)
{
  GPtrArray *orphans = strata_up_plan_get_orphans (plan);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < orphans->len; i++)
    if (((StrataUpItem *) orphans->pdata[i])->action == STRATA_UP_KEEP)
      g_string_append_printf (names, "%s%s", names->len ? ", " : "", ((StrataUpItem *) orphans->pdata[i])->name);
  if (names->len > 0)
    g_printerr (_("WARN[0000] Found orphan containers ([%s]) for this project. If you removed or renamed "
                  "this service in your compose file, you can run this command with the "
                  "--remove-orphans flag to clean it up.\n"), names->str);
}

static int
run_plan (StrataEngine *engine,
          StrataUpPlan *plan)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (plan, "progress", G_CALLBACK (_strata_cli_print_up_progress), NULL);
  strata_up_plan_run_async (plan, engine, NULL, _strata_cli_store_result, &result);
  if (!strata_up_plan_run_finish (plan, _strata_cli_await (&result), &error))
    return _strata_cli_error ("%s", error->message);

  return STRATA_CLI_EXIT_OK;
}

static int
up (StrataCliGlobals *globals,
    UpFlags          *flags,
    GStrv             services)
{
  StrataUpOptions options = { flags->force_recreate, flags->no_start, flags->no_build, flags->build,
                              flags->remove_orphans, services[0] ? (const char * const *) services : NULL,
                              flags->timeout };
  g_autoptr(StrataProject) project = NULL;
  g_autoptr(StrataEngine) engine = NULL;
  g_autoptr(StrataUpPlan) plan = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 since;
  int status;

  if ((project = _strata_cli_load_project (globals, FALSE)) == NULL)
    return STRATA_CLI_EXIT_ERROR;
  _strata_cli_print_diagnostics (strata_project_get_diagnostic_list (project), STRATA_SEVERITY_WARNING);
  if ((engine = _strata_cli_engine_new (&error)) == NULL)
    return _strata_cli_error ("%s", error->message);
  strata_up_plan_compute_async (engine, project, &options, NULL, _strata_cli_store_result, &result);
  if ((plan = strata_up_plan_compute_finish (_strata_cli_await (&result), &error)) == NULL)
    return _strata_cli_error ("%s", error->message);
  if (flags->dry_run)
    {
      print_plan (plan);
      return STRATA_CLI_EXIT_OK;
    }
  warn_orphans (plan);
  since = g_get_real_time () * 1000;
  if ((status = run_plan (engine, plan)) != STRATA_CLI_EXIT_OK || flags->detach || flags->no_start)
    return status;

  return _strata_cli_attach (engine, strata_project_get_name (project), strata_up_plan_get_services (plan),
                             since, flags->timeout);
}

int
strata_cli_up (StrataCliGlobals *globals)
{
  UpFlags flags = { FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, -1 };
  const GOptionEntry entries[] = {
    { "detach", 'd', 0, G_OPTION_ARG_NONE, &flags.detach, N_("Run in the background"), NULL },
    { "force-recreate", 0, 0, G_OPTION_ARG_NONE, &flags.force_recreate, N_("Recreate containers even if unchanged"), NULL },
    { "no-start", 0, 0, G_OPTION_ARG_NONE, &flags.no_start, N_("Create the containers without starting them"), NULL },
    { "no-build", 0, 0, G_OPTION_ARG_NONE, &flags.no_build, N_("Never build a missing image"), NULL },
    { "build", 0, 0, G_OPTION_ARG_NONE, &flags.build, N_("Build images before starting"), NULL },
    { "remove-orphans", 0, 0, G_OPTION_ARG_NONE, &flags.remove_orphans, N_("Remove containers of services not in the files"), NULL },
    { "timeout", 't', 0, G_OPTION_ARG_INT, &flags.timeout, N_("Seconds to wait for replaced or stopped containers"), "N" },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &flags.dry_run, N_("Print the plan and change nothing"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) services = NULL;

  if (!_strata_cli_parse_flags (globals, entries, &services, &error))
    return _strata_cli_usage_error ("%s", error->message);
  if (flags.build && flags.no_build)
    return _strata_cli_usage_error (_("--build and --no-build cannot be combined"));

  return up (globals, &flags, services);
}
