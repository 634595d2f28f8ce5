/* strata-cli-lifecycle.c: strata start, stop, restart and kill
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The verbs differ only in the action and its flags; each acts on every
 * container of the named services (all services when none is named), in
 * parallel, as one StrataLifecycle operation of the engine.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-cli-engine.h"
#include "strata-cli-verbs.h"

typedef struct
{
  int       timeout;
  char     *signal_name;
  gboolean  remove_orphans;
} LifecycleFlags;

static void
progress_cb (StrataLifecycle *lifecycle,
             StrataContainer *container,
             int              status,
             const char      *message,
             gpointer         user_data)
{
  if (status == STRATA_PLAN_STEP_FAILED)
    g_printerr (" %s\n", message);
  else
    g_printerr (" Container %s  %s\n", strata_container_get_name (container), message);
}

/* The containers are listed, then acted on; each failure is on its own
 * progress line, naming its container. */
int
_strata_cli_lifecycle_run (StrataLifecycle    *lifecycle,
                           StrataEngine       *engine,
                           const char         *project,
                           const char * const *services)
{
  g_autoptr(GAsyncResult) selected = NULL;
  g_autoptr(GAsyncResult) done = NULL;
  g_autoptr(GError) error = NULL;

  strata_lifecycle_select_async (lifecycle, engine, project, services, NULL, _strata_cli_store_result, &selected);
  if (!strata_lifecycle_select_finish (lifecycle, _strata_cli_await (&selected), &error))
    return _strata_cli_error ("%s", error->message);
  if (strata_lifecycle_get_action (lifecycle) == STRATA_LIFECYCLE_KILL
      && g_list_model_get_n_items (strata_lifecycle_get_containers (lifecycle)) == 0)
    g_printerr ("%s", _("no container to kill"));
  g_signal_connect (lifecycle, "progress", G_CALLBACK (progress_cb), NULL);
  strata_lifecycle_run_async (lifecycle, engine, NULL, _strata_cli_store_result, &done);
  if (!strata_lifecycle_run_finish (lifecycle, _strata_cli_await (&done), NULL))
    return STRATA_CLI_EXIT_ERROR;

  return STRATA_CLI_EXIT_OK;
}

/* kill leaves orphans alone, as compose, unless --remove-orphans: with no
 * service named, the services of the files are the targets. */
static GStrv
kill_services (StrataCliGlobals *globals,
               GStrv             named,
               gboolean          remove_orphans,
               char            **project)
{
  g_autoptr(StrataProject) loaded = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *items;

  *project = _strata_cli_engine_project (globals, &loaded);
  if (named[0] != NULL || remove_orphans || loaded == NULL)
    return g_strdupv (named);
  items = strata_project_get_services (loaded);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StrataServiceItem) item = g_list_model_get_item (items, i);

      g_strv_builder_add (builder, strata_service_item_get_name (item));
    }

  return g_strv_builder_end (builder);
}

static int
run_lifecycle (StrataCliGlobals      *globals,
               StrataLifecycleAction  action,
               const GOptionEntry    *entries,
               LifecycleFlags        *flags)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) named = NULL;
  g_auto(GStrv) services = NULL;
  g_autoptr(StrataEngine) engine = NULL;
  g_autoptr(StrataLifecycle) lifecycle = strata_lifecycle_new (action);
  g_autofree char *project = NULL;

  if (!_strata_cli_parse_flags (globals, entries, &named, &error))
    return _strata_cli_usage_error ("%s", error->message);
  if ((engine = _strata_cli_engine_new (&error)) == NULL)
    return _strata_cli_error ("%s", error->message);
  if (action == STRATA_LIFECYCLE_KILL)
    services = kill_services (globals, named, flags->remove_orphans, &project);
  else
    {
      project = _strata_cli_project_name (globals);
      services = g_strdupv (named);
    }
  strata_lifecycle_set_timeout (lifecycle, flags->timeout);
  strata_lifecycle_set_signal (lifecycle, flags->signal_name);

  return _strata_cli_lifecycle_run (lifecycle, engine, project, (const char * const *) services);
}

int
strata_cli_start (StrataCliGlobals *globals)
{
  LifecycleFlags flags = { -1, NULL, FALSE };
  const GOptionEntry entries[] = { { NULL } };

  return run_lifecycle (globals, STRATA_LIFECYCLE_START, entries, &flags);
}

static int
stop_or_restart (StrataCliGlobals      *globals,
                 StrataLifecycleAction  action)
{
  LifecycleFlags flags = { -1, NULL, FALSE };
  const GOptionEntry entries[] = {
    { "timeout", 't', 0, G_OPTION_ARG_INT, &flags.timeout, N_("Seconds to wait for containers to stop"), "N" },
    { NULL }
  };

  return run_lifecycle (globals, action, entries, &flags);
}

int
strata_cli_stop (StrataCliGlobals *globals)
{
  return stop_or_restart (globals, STRATA_LIFECYCLE_STOP);
}

int
strata_cli_restart (StrataCliGlobals *globals)
{
  return stop_or_restart (globals, STRATA_LIFECYCLE_RESTART);
}

int
strata_cli_kill (StrataCliGlobals *globals)
{
  LifecycleFlags flags = { -1, NULL, FALSE };
  const GOptionEntry entries[] = {
    { "signal", 's', 0, G_OPTION_ARG_STRING, &flags.signal_name, N_("Signal to send to the containers (SIGKILL)"), "SIGNAL" },
    { "remove-orphans", 0, 0, G_OPTION_ARG_NONE, &flags.remove_orphans,
      N_("Also kill containers of services the files no longer define"), NULL },
    { NULL }
  };
  int status;

  status = run_lifecycle (globals, STRATA_LIFECYCLE_KILL, entries, &flags);
  g_free (flags.signal_name);

  return status;
}
