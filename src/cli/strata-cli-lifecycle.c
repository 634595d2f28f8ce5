/* strata-cli-lifecycle.c: strata start, stop and restart
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The three verbs differ only in the action; each acts on every container
 * of the named services (all services when none is named), in parallel.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-cli-engine.h"
#include "strata-cli-verbs.h"

typedef struct
{
  const char *action;   /* API path segment */
  const char *working;  /* compose's words */
  const char *done;
  guint       pending;
  gboolean    failed;
} Lifecycle;

typedef struct
{
  Lifecycle *lifecycle;
  char      *name;
} Call;

static void
action_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Call *call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = strata_engine_request_finish (STRATA_ENGINE (object), result, &error);

  if (node == NULL)
    {
      g_printerr (" Container %s  %s: %s\n", call->name, _("Error"), error->message);
      call->lifecycle->failed = TRUE;
    }
  else
    g_printerr (" Container %s  %s\n", call->name, call->lifecycle->done);
  call->lifecycle->pending--;
  g_free (call->name);
  g_free (call);
}

static gboolean
nothing_pending (gpointer data)
{
  return ((Lifecycle *) data)->pending == 0;
}

static int
run_lifecycle (StrataCliGlobals *globals,
               Lifecycle        *lifecycle)
{
  int timeout = -1;
  const GOptionEntry entries[] = {
    { "timeout", 't', 0, G_OPTION_ARG_INT, &timeout, N_("Seconds to wait for containers to stop"), "N" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) services = NULL;
  g_autoptr(StrataEngine) engine = NULL;
  g_autoptr(JsonArray) list = NULL;
  g_autofree char *project = NULL;

  if (!_strata_cli_parse_flags (globals, g_str_equal (lifecycle->action, "start") ? &entries[1] : entries,
                                &services, &error))
    return _strata_cli_usage_error ("%s", error->message);
  if ((engine = _strata_cli_engine_new (&error)) == NULL)
    return _strata_cli_error ("%s", error->message);
  project = _strata_cli_project_name (globals);
  if ((list = _strata_cli_list_containers (engine, project, TRUE, &error)) == NULL)
    return _strata_cli_error ("%s", error->message);

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *c = json_array_get_object_element (list, i);
      const char *service = _strata_cli_label (c, "com.docker.compose.service");
      g_autofree char *path = NULL;
      Call *call;

      if (services[0] != NULL && (service == NULL || !g_strv_contains ((const char * const *) services, service)))
        continue;
      path = timeout >= 0 ? g_strdup_printf ("/containers/%s/%s?t=%d", json_object_get_string_member (c, "Id"),
                                             lifecycle->action, timeout)
                          : g_strdup_printf ("/containers/%s/%s", json_object_get_string_member (c, "Id"),
                                             lifecycle->action);
      call = g_new0 (Call, 1);
      call->lifecycle = lifecycle;
      call->name = g_strdup (_strata_cli_container_name (c));
      g_printerr (" Container %s  %s\n", call->name, lifecycle->working);
      lifecycle->pending++;
      strata_engine_request_async (engine, "POST", path, NULL, NULL, action_cb, call);
    }
  while (!nothing_pending (lifecycle))
    g_main_context_iteration (NULL, TRUE);

  return lifecycle->failed ? STRATA_CLI_EXIT_ERROR : STRATA_CLI_EXIT_OK;
}

int
strata_cli_start (StrataCliGlobals *globals)
{
  Lifecycle lifecycle = { "start", N_("Starting"), N_("Started"), 0, FALSE };

  lifecycle.working = _(lifecycle.working);
  lifecycle.done = _(lifecycle.done);
  return run_lifecycle (globals, &lifecycle);
}

int
strata_cli_stop (StrataCliGlobals *globals)
{
  Lifecycle lifecycle = { "stop", N_("Stopping"), N_("Stopped"), 0, FALSE };

  lifecycle.working = _(lifecycle.working);
  lifecycle.done = _(lifecycle.done);
  return run_lifecycle (globals, &lifecycle);
}

int
strata_cli_restart (StrataCliGlobals *globals)
{
  Lifecycle lifecycle = { "restart", N_("Restarting"), N_("Restarted"), 0, FALSE };

  lifecycle.working = _(lifecycle.working);
  lifecycle.done = _(lifecycle.done);
  return run_lifecycle (globals, &lifecycle);
}
