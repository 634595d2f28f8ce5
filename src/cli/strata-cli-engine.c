/* strata-cli-engine.c: what the verbs that talk to the engine share
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-cli-engine.h"
#include "strata-cli-project.h"

StrataEngine *
_strata_cli_engine_new (GError **error)
{
  g_autoptr(StrataEndpoint) endpoint = strata_endpoint_resolve (NULL, NULL, error);

  if (endpoint == NULL)
    return NULL;

  return strata_engine_new (endpoint);
}

/* compose-go's NormalizeProjectName: lower case, only [a-z0-9_-], no leading - or _. */
static char *
normalize_project_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p; p++)
    if (g_ascii_isalnum (*p) || *p == '_' || *p == '-')
      g_string_append_c (out, *p);
  while (out->len > 0 && (out->str[0] == '_' || out->str[0] == '-'))
    g_string_erase (out, 0, 1);

  return g_string_free (out, FALSE);
}

/* -p, else COMPOSE_PROJECT_NAME, else the project folder's name (the
 * folder of --project-directory, of the first -f file, or the current one).
 * TODO: take the name from the compose model (name: in the files) once
 * src/compose/ provides it. */
char *
_strata_cli_project_name (StrataCliGlobals *globals)
{
  const char *env = g_getenv ("COMPOSE_PROJECT_NAME");
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;

  if (globals->project_name != NULL)
    return g_ascii_strdown (globals->project_name, -1);
  if (env != NULL && *env != '\0')
    return g_ascii_strdown (env, -1);
  if (globals->project_directory != NULL)
    dir = g_canonicalize_filename (globals->project_directory, NULL);
  else if (globals->files->len > 0 && g_strcmp0 (globals->files->pdata[0], "-") != 0)
    {
      g_autofree char *file = g_canonicalize_filename (globals->files->pdata[0], NULL);

      dir = g_path_get_dirname (file);
    }
  else
    dir = g_get_current_dir ();
  base = g_path_get_basename (dir);

  return normalize_project_name (base);
}

/* The project the global flags name, loaded from its files when they can
 * be read (its name then comes from them, `name:` included); otherwise
 * *project is NULL and the name is guessed as above, with a warning unless
 * -p or COMPOSE_PROJECT_NAME gave it. */
char *
_strata_cli_engine_project (StrataCliGlobals  *globals,
                            StrataProject    **project)
{
  g_autoptr(GError) error = NULL;
  const char *env = g_getenv ("COMPOSE_PROJECT_NAME");

  *project = _strata_cli_try_load_project (globals, &error);
  if (*project != NULL)
    return g_strdup (strata_project_get_name (*project));
  if (globals->project_name == NULL && (env == NULL || *env == '\0'))
    g_printerr (_("warning: %s; comparing with the files is not possible\n"), error->message);

  return _strata_cli_project_name (globals);
}

static gboolean
slot_set (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

void
_strata_cli_store_result (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The CLI has nothing else to do: iterate until the answer is there. */
GAsyncResult *
_strata_cli_await (GAsyncResult **slot)
{
  while (!slot_set (slot))
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

/* Parses the verb's own flags; operands are left in *rest. */
gboolean
_strata_cli_parse_flags (StrataCliGlobals  *globals,
                         const GOptionEntry *entries,
                         GStrv             *rest,
                         GError           **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;

  g_strv_builder_add (builder, globals->verb);
  for (guint i = 0; i < globals->args->len && globals->args->pdata[i] != NULL; i++)
    g_strv_builder_add (builder, globals->args->pdata[i]);
  argv = g_strv_builder_end (builder);
  g_option_context_set_help_enabled (context, TRUE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &argv, error))
    return FALSE;
  *rest = g_strdupv (argv + 1);

  return TRUE;
}

/* GET /containers/json for the project's containers, sorted by name. */
JsonArray *
_strata_cli_list_containers (StrataEngine  *engine,
                             const char    *project,
                             gboolean       all,
                             GError       **error)
{
  g_autofree char *label = g_strdup_printf ("com.docker.compose.project=%s", project);
  g_autofree char *filters = strata_engine_filters ("label", label, NULL);
  g_autofree char *path = g_strdup_printf ("/containers/json?all=%d&filters=%s", all ? 1 : 0, filters);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) node = NULL;

  strata_engine_request_async (engine, "GET", path, NULL, NULL, _strata_cli_store_result, &result);
  node = strata_engine_request_finish (engine, _strata_cli_await (&result), error);
  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return json_array_new ();

  return json_array_ref (json_node_get_array (node));
}

const char *
_strata_cli_container_name (JsonObject *container)
{
  JsonArray *names = json_object_get_array_member (container, "Names");
  const char *name = json_array_get_string_element (names, 0);

  return name[0] == '/' ? name + 1 : name;
}

const char *
_strata_cli_label (JsonObject *container,
                   const char *key)
{
  JsonObject *labels = json_object_get_object_member (container, "Labels");

  return labels ? json_object_get_string_member_with_default (labels, key, NULL) : NULL;
}
