/* strata-cli-rm.c: strata rm [-f] [-s] [-v] [SERVICE...]
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As compose: the stopped containers of the services (all with -s, which
 * stops them first), after a confirmation unless -f; -v also removes their
 * anonymous volumes.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "strata-cli-engine.h"
#include "strata-cli-verbs.h"

typedef struct
{
  guint    pending;
  gboolean failed;
} Removal;

typedef struct
{
  Removal *removal;
  char    *name;
} Call;

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Call *call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = strata_engine_request_finish (STRATA_ENGINE (object), result, &error);

  if (node == NULL)
    {
      g_printerr (" Container %s  %s: %s\n", call->name, _("Error"), error->message);
      call->removal->failed = TRUE;
    }
  else
    g_printerr (" Container %s  %s\n", call->name, _("Removed"));
  call->removal->pending--;
  g_free (call->name);
  g_free (call);
}

static gboolean
removal_done (gpointer data)
{
  return ((Removal *) data)->pending == 0;
}

static gboolean
confirm (GPtrArray *names)
{
  char answer[16] = "";

  for (guint i = 0; i < names->len; i++)
    g_printerr (_("Going to remove %s\n"), (char *) names->pdata[i]);
  g_printerr ("%s", _("? Are you sure you want to remove them? (y/N) "));

  return fgets (answer, sizeof answer, stdin) != NULL && (answer[0] == 'y' || answer[0] == 'Y');
}

static GPtrArray *
select_containers (JsonArray          *list,
                   const char * const *services,
                   gboolean            stop)
{
  GPtrArray *selected = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *c = json_array_get_object_element (list, i);
      const char *service = _strata_cli_label (c, "com.docker.compose.service");
      const char *state = json_object_get_string_member_with_default (c, "State", "");

      if (services[0] != NULL && (service == NULL || !g_strv_contains (services, service)))
        continue;
      if (stop || (g_strcmp0 (state, "running") != 0 && g_strcmp0 (state, "restarting") != 0))
        g_ptr_array_add (selected, c);
    }

  return selected;
}

int
strata_cli_rm (StrataCliGlobals *globals)
{
  gboolean force = FALSE, stop = FALSE, volumes = FALSE;
  const GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Do not ask for confirmation"), NULL },
    { "stop", 's', 0, G_OPTION_ARG_NONE, &stop, N_("Stop the containers first if needed"), NULL },
    { "volumes", 'v', 0, G_OPTION_ARG_NONE, &volumes, N_("Remove their anonymous volumes"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) services = NULL;
  g_autoptr(StrataEngine) engine = NULL;
  g_autoptr(JsonArray) list = NULL;
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *project = NULL;
  Removal removal = { 0, FALSE };

  if (!_strata_cli_parse_flags (globals, entries, &services, &error))
    return _strata_cli_usage_error ("%s", error->message);
  if ((engine = _strata_cli_engine_new (&error)) == NULL)
    return _strata_cli_error ("%s", error->message);
  project = _strata_cli_project_name (globals);
  if ((list = _strata_cli_list_containers (engine, project, TRUE, &error)) == NULL)
    return _strata_cli_error ("%s", error->message);
  selected = select_containers (list, (const char * const *) services, stop);
  for (guint i = 0; i < selected->len; i++)
    g_ptr_array_add (names, (char *) _strata_cli_container_name (selected->pdata[i]));
  if (selected->len == 0)
    {
      g_printerr ("%s\n", _("No stopped containers"));
      return STRATA_CLI_EXIT_OK;
    }
  if (!force && !confirm (names))
    return STRATA_CLI_EXIT_OK;
  for (guint i = 0; i < selected->len; i++)
    {
      JsonObject *c = selected->pdata[i];
      g_autofree char *path = g_strdup_printf ("/containers/%s?force=%d&v=%d",
                                               json_object_get_string_member (c, "Id"), stop, volumes);
      Call *call = g_new0 (Call, 1);

      call->removal = &removal;
      call->name = g_strdup (names->pdata[i]);
      removal.pending++;
      strata_engine_request_async (engine, "DELETE", path, NULL, NULL, removed_cb, call);
    }
  while (!removal_done (&removal))
    g_main_context_iteration (NULL, TRUE);

  return removal.failed ? STRATA_CLI_EXIT_ERROR : STRATA_CLI_EXIT_OK;
}
