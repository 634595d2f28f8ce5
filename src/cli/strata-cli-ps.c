/* strata-cli-ps.c: strata ps
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `--format json` prints one object per line, as `docker compose ps
 * --format json` does (its fields in its order, a subset), plus Stale:
 * "up to date", "changed since started" or "orphaned" when the files could
 * be read (strata-staleness.h), null otherwise.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "strata-cli-engine.h"
#include "strata-cli-verbs.h"
#include "strata-staleness.h"

static int
exit_code_of (JsonObject *container)
{
  const char *status = json_object_get_string_member_with_default (container, "Status", "");

  return g_str_has_prefix (status, "Exited (") ? atoi (status + strlen ("Exited (")) : 0;
}

static const char *
health_of (JsonObject *container)
{
  const char *status = json_object_get_string_member_with_default (container, "Status", "");

  if (strstr (status, "(healthy)"))
    return "healthy";
  if (strstr (status, "(unhealthy)"))
    return "unhealthy";
  if (strstr (status, "(health: starting)"))
    return "starting";

  return "";
}

static const char *
staleness_of (JsonObject    *container,
              StrataProject *project)
{
  return strata_staleness_to_string (strata_staleness_check (project,
                                                             _strata_cli_label (container, "com.docker.compose.service"),
                                                             _strata_cli_label (container, "com.docker.compose.config-hash")));
}

static void
print_json (JsonObject    *container,
            StrataProject *project)
{
  const char *stale = staleness_of (container, project);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *line = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "ExitCode");
  json_builder_add_int_value (b, exit_code_of (container));
  json_builder_set_member_name (b, "Health");
  json_builder_add_string_value (b, health_of (container));
  json_builder_set_member_name (b, "ID");
  json_builder_add_string_value (b, json_object_get_string_member (container, "Id"));
  json_builder_set_member_name (b, "Image");
  json_builder_add_string_value (b, json_object_get_string_member_with_default (container, "Image", ""));
  json_builder_set_member_name (b, "Name");
  json_builder_add_string_value (b, _strata_cli_container_name (container));
  json_builder_set_member_name (b, "Project");
  json_builder_add_string_value (b, _strata_cli_label (container, "com.docker.compose.project"));
  json_builder_set_member_name (b, "Service");
  json_builder_add_string_value (b, _strata_cli_label (container, "com.docker.compose.service"));
  json_builder_set_member_name (b, "Stale");
  if (stale != NULL)
    json_builder_add_string_value (b, stale);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "State");
  json_builder_add_string_value (b, json_object_get_string_member_with_default (container, "State", ""));
  json_builder_set_member_name (b, "Status");
  json_builder_add_string_value (b, json_object_get_string_member_with_default (container, "Status", ""));
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  line = json_to_string (root, FALSE);
  g_print ("%s\n", line);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (_strata_cli_container_name (*(JsonObject **) a),
                    _strata_cli_container_name (*(JsonObject **) b));
}

static void
print_table (GPtrArray     *containers,
             StrataProject *project)
{
  g_print ("%-30s %-20s %-12s %-24s %s\n", "NAME", "SERVICE", "STATE", "CONFIG", "STATUS");
  for (guint i = 0; i < containers->len; i++)
    {
      JsonObject *c = containers->pdata[i];
      const char *stale = staleness_of (c, project);

      g_print ("%-30s %-20s %-12s %-24s %s\n", _strata_cli_container_name (c),
               _strata_cli_label (c, "com.docker.compose.service"),
               json_object_get_string_member_with_default (c, "State", ""),
               stale ? stale : "?",
               json_object_get_string_member_with_default (c, "Status", ""));
    }
}

int
strata_cli_ps (StrataCliGlobals *globals)
{
  g_autofree char *format = NULL;
  gboolean all = FALSE;
  const GOptionEntry entries[] = {
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_("Show all stopped containers"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Format the output: table or json"), "FORMAT" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rest = NULL;
  g_autoptr(StrataEngine) engine = NULL;
  g_autoptr(JsonArray) list = NULL;
  g_autoptr(GPtrArray) containers = g_ptr_array_new ();
  g_autoptr(StrataProject) loaded = NULL;
  g_autofree char *project = NULL;

  if (!_strata_cli_parse_flags (globals, entries, &rest, &error))
    return _strata_cli_usage_error ("%s", error->message);
  if (format != NULL && !g_str_equal (format, "json") && !g_str_equal (format, "table"))
    return _strata_cli_usage_error (_("--format takes “table” or “json”, not “%s”"), format);
  if ((engine = _strata_cli_engine_new (&error)) == NULL)
    return _strata_cli_error ("%s", error->message);
  project = _strata_cli_engine_project (globals, &loaded);
  if ((list = _strata_cli_list_containers (engine, project, all, &error)) == NULL)
    return _strata_cli_error ("%s", error->message);

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *c = json_array_get_object_element (list, i);
      const char *service = _strata_cli_label (c, "com.docker.compose.service");

      if (rest[0] == NULL || (service && g_strv_contains ((const char * const *) rest, service)))
        g_ptr_array_add (containers, c);
    }
  g_ptr_array_sort (containers, compare_names);
  if (format != NULL && g_str_equal (format, "json"))
    for (guint i = 0; i < containers->len; i++)
      print_json (containers->pdata[i], loaded);
  else
    print_table (containers, loaded);

  return STRATA_CLI_EXIT_OK;
}
