/* strata-cli-down.c: strata down
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Computes the plan first; --dry-run prints it (as JSON with --format json)
 * and stops there.  Progress goes to stderr in compose's words.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-cli-engine.h"
#include "strata-cli-verbs.h"
#include "strata-down-plan.h"

static const char * const kind_names[] = { "Container", "Network", "Volume", "Image" };

typedef struct
{
  char     *rmi;
  gboolean  volumes;
  gboolean  remove_orphans;
  int       timeout;
  gboolean  dry_run;
  char     *format;
} DownFlags;

static void
on_progress (StrataDownPlan *plan,
             int             kind,
             const char     *name,
             int             status,
             const char     *message,
             gpointer        user_data)
{
  if (status == STRATA_PLAN_STEP_FAILED)
    g_printerr (" %s %s  %s: %s\n", kind_names[kind], name, _("Error"), message);
  else
    g_printerr (" %s %s  %s\n", kind_names[kind], name, message);
}

static void
print_plan (StrataDownPlan *plan)
{
  GPtrArray *kept = strata_down_plan_get_kept (plan);

  for (guint kind = STRATA_PLAN_CONTAINER; kind <= STRATA_PLAN_IMAGE; kind++)
    {
      GPtrArray *items = strata_down_plan_get_items (plan, kind);

      for (guint i = 0; i < items->len; i++)
        g_print (_("Would remove %s %s\n"), kind_names[kind],
                 ((StrataPlanItem *) items->pdata[i])->name);
    }
  for (guint i = 0; i < kept->len; i++)
    {
      StrataPlanItem *item = kept->pdata[i];

      g_print (_("Would keep %s %s: %s\n"), kind_names[item->kind], item->name, item->why);
    }
}

static gboolean
parse_rmi (const char    *value,
           StrataRmiMode *mode)
{
  if (value == NULL)
    *mode = STRATA_RMI_NONE;
  else if (g_str_equal (value, "all"))
    *mode = STRATA_RMI_ALL;
  else if (g_str_equal (value, "local"))
    *mode = STRATA_RMI_LOCAL;
  else
    return FALSE;

  return TRUE;
}

static int
run_plan (StrataEngine   *engine,
          StrataDownPlan *plan,
          int             timeout)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (strata_down_plan_is_empty (plan))
    {
      g_printerr (_("Warning: No resource found to remove for project “%s”.\n"),
                  strata_down_plan_get_project (plan));
      return STRATA_CLI_EXIT_OK;
    }
  g_signal_connect (plan, "progress", G_CALLBACK (on_progress), NULL);
  strata_down_plan_run_async (plan, engine, timeout, NULL, _strata_cli_store_result, &result);
  if (!strata_down_plan_run_finish (plan, _strata_cli_await (&result), &error))
    return _strata_cli_error ("%s", error->message);

  return STRATA_CLI_EXIT_OK;
}

/* The names of the services, or of the external networks or volumes. */
static GStrv
item_names (GListModel *items)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      if (STRATA_IS_SERVICE_ITEM (item))
        g_strv_builder_add (builder, strata_service_item_get_name (STRATA_SERVICE_ITEM (item)));
      else if (STRATA_IS_NETWORK_ITEM (item) && strata_network_item_get_external (STRATA_NETWORK_ITEM (item)))
        g_strv_builder_add (builder, strata_network_item_get_name (STRATA_NETWORK_ITEM (item)));
      else if (STRATA_IS_VOLUME_ITEM (item) && strata_volume_item_get_external (STRATA_VOLUME_ITEM (item)))
        g_strv_builder_add (builder, strata_volume_item_get_name (STRATA_VOLUME_ITEM (item)));
    }

  return g_strv_builder_end (builder);
}

int
strata_cli_down (StrataCliGlobals *globals)
{
  DownFlags flags = { NULL, FALSE, FALSE, -1, FALSE, NULL };
  const GOptionEntry entries[] = {
    { "rmi", 0, 0, G_OPTION_ARG_STRING, &flags.rmi, N_("Remove images used by services: “local” or “all”"), "TYPE" },
    { "volumes", 'v', 0, G_OPTION_ARG_NONE, &flags.volumes, N_("Remove named volumes"), NULL },
    { "remove-orphans", 0, 0, G_OPTION_ARG_NONE, &flags.remove_orphans, N_("Remove containers of services not in the files"), NULL },
    { "timeout", 't', 0, G_OPTION_ARG_INT, &flags.timeout, N_("Seconds to wait for containers to stop"), "N" },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &flags.dry_run, N_("Print the plan and change nothing"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &flags.format, N_("Format of the plan: text or json"), "FORMAT" },
    { NULL }
  };
  StrataDownOptions options = { STRATA_RMI_NONE, FALSE, FALSE, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rest = NULL;
  g_autoptr(StrataEngine) engine = NULL;
  g_autoptr(StrataDownPlan) plan = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(StrataProject) loaded = NULL;
  g_auto(GStrv) services = NULL;
  g_auto(GStrv) external_networks = NULL;
  g_auto(GStrv) external_volumes = NULL;
  g_autofree char *project = NULL;
  int status;

  if (!_strata_cli_parse_flags (globals, entries, &rest, &error))
    return _strata_cli_usage_error ("%s", error->message);
  if (!parse_rmi (flags.rmi, &options.rmi))
    return _strata_cli_usage_error (_("--rmi takes “local” or “all”, not “%s”"), flags.rmi);
  if (rest[0] != NULL)
    return _strata_cli_usage_error (_("strata down takes no services, got “%s”"), rest[0]);
  if ((engine = _strata_cli_engine_new (&error)) == NULL)
    return _strata_cli_error ("%s", error->message);

  options.volumes = flags.volumes;
  options.remove_orphans = flags.remove_orphans;
  project = _strata_cli_engine_project (globals, &loaded);
  if (loaded != NULL)
    {
      services = item_names (strata_project_get_services (loaded));
      external_networks = item_names (strata_project_get_networks (loaded));
      external_volumes = item_names (strata_project_get_volumes (loaded));
      options.services = (const char * const *) services;
      options.external_networks = (const char * const *) external_networks;
      options.external_volumes = (const char * const *) external_volumes;
    }
  strata_down_plan_compute_async (engine, project, &options, NULL, _strata_cli_store_result, &result);
  plan = strata_down_plan_compute_finish (_strata_cli_await (&result), &error);
  if (plan == NULL)
    status = _strata_cli_error ("%s", error->message);
  else if (flags.dry_run && flags.format != NULL && g_str_equal (flags.format, "json"))
    {
      g_autofree char *json = strata_down_plan_to_json (plan);

      g_print ("%s\n", json);
      status = STRATA_CLI_EXIT_OK;
    }
  else if (flags.dry_run)
    {
      print_plan (plan);
      status = STRATA_CLI_EXIT_OK;
    }
  else
    status = run_plan (engine, plan, flags.timeout);

  g_free (flags.rmi);
  g_free (flags.format);

  return status;
}
