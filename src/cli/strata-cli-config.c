/* strata-cli-config.c: strata config, as docker compose config
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "strata-cli-blame.h"
#include "strata-cli-config-private.h"
#include "strata-cli-verbs.h"
#include "strata-emit.h"
#include "strata-model.h"

static const char * const config_flags[] = {
  "--format", "--services", "--volumes", "--profiles", "--images", "-q", "--quiet",
  "--no-interpolate", "--blame", "--hash", "--help", "-h",
};

static gboolean
check_flags (StrataCliGlobals *globals)
{
  for (guint i = 0; i + 1 < globals->args->len; i++)
    {
      const char *arg = g_ptr_array_index (globals->args, i);
      gboolean known = g_str_has_prefix (arg, "--format=") || g_str_has_prefix (arg, "--hash=");

      for (guint j = 0; j < G_N_ELEMENTS (config_flags); j++)
        known = known || g_str_equal (arg, config_flags[j]);
      if (g_str_equal (arg, "--format") || g_str_equal (arg, "--hash"))
        i++;
      else if (!known)
        {
          _strata_cli_usage_error (_("strata config: unknown flag: %s"), arg);
          return FALSE;
        }
    }
  return TRUE;
}

static int
print_help (void)
{
  g_print ("%s", _("Usage: strata [GLOBAL OPTIONS] config [OPTIONS]\n"
                   "\n"
                   "Print the merged configuration, byte for byte as “docker compose config” does.\n"
                   "\n"
                   "Options:\n"
                   "  --format yaml|json   Output format (default yaml)\n"
                   "  --blame              Annotate each value with the file and line it came from\n"
                   "                       and what it overrode (with --format json: as data)\n"
                   "  --services           Print the service names, one per line\n"
                   "  --volumes            Print the volume names, one per line\n"
                   "  --profiles           Print the profile names, one per line\n"
                   "  --images             Print the image names, one per line\n"
                   "  --hash SERVICE|*     Print the config hash of services\n"
                   "  --no-interpolate     Do not substitute variables\n"
                   "  -q, --quiet          Only check the configuration\n"
                   "\n"
                   "Global options (-f, -p, --project-directory, --env-file, --profile) are listed\n"
                   "by “strata --help”.\n"));
  return STRATA_CLI_EXIT_OK;
}

/* g_print ("%s") would copy the whole model first: write it as g_print
 * does when the console takes UTF-8 (a chunk at a time, as the emitters
 * make it), and leave the other case to it. */
static void
print_text (const char *text)
{
  if (g_get_console_charset (NULL))
    {
      fputs (text, stdout);
      fflush (stdout);
    }
  else
    g_print ("%s", text);
}

static void
print_normalized (const StrataNode *root,
                  gboolean          json)
{
  g_autofree char *text = NULL;

  if (g_get_console_charset (NULL))
    {
      if (json)
        strata_emit_json_to_stream (root, FALSE, stdout);
      else
        strata_emit_yaml_to_stream (root, stdout);
      fflush (stdout);
      return;
    }
  text = json ? strata_emit_json (root, FALSE) : strata_emit_yaml (root);
  g_print ("%s", text);
}

/* With --no-interpolate, compose prints its untyped model instead. */
static int
print_model (StrataProject *project,
             const char    *format,
             gboolean       no_interpolate)
{
  g_autofree char *text = NULL;
  g_autoptr(StrataNode) model = NULL;
  gboolean json = g_strcmp0 (format, "json") == 0;

  if (!json && format != NULL && !g_str_equal (format, "yaml"))
    return _strata_cli_usage_error (_("unsupported format %s: use yaml or json"), format);
  if (!no_interpolate)
    {
      print_normalized (strata_project_get_normalized (project), json);
      return STRATA_CLI_EXIT_OK;
    }
  model = strata_model_new (strata_project_get_merged (project), strata_project_get_name (project),
                            strata_project_get_working_dir (project), strata_project_get_environment (project));
  text = json ? strata_model_to_json (model) : strata_model_to_yaml (model);
  print_text (text);
  return STRATA_CLI_EXIT_OK;
}

/* What reads the merged tree as the files made it: the untyped model of
 * --no-interpolate, the profiles of every service (active or not) and the
 * hashes (env_file as written). Blame reads the normalized tree, whose
 * nodes keep their provenance either way. */
static gboolean
needs_merged (StrataCliGlobals *globals,
              gboolean          no_interpolate)
{
  if (_strata_cli_has_flag (globals, "-q", "--quiet"))
    return FALSE;
  return no_interpolate || _strata_cli_has_flag (globals, "--profiles", NULL) ||
         _strata_cli_flag_value (globals, "--hash") != NULL;
}

int
strata_cli_config (StrataCliGlobals *globals)
{
  g_autoptr(StrataProject) project = NULL;
  const char *format = _strata_cli_flag_value (globals, "--format");
  const char *hash = _strata_cli_flag_value (globals, "--hash");
  gboolean no_interpolate = _strata_cli_has_flag (globals, "--no-interpolate", NULL);

  if (!check_flags (globals))
    return STRATA_CLI_EXIT_USAGE;
  if (_strata_cli_has_flag (globals, "--help", "-h"))
    return print_help ();
  project = needs_merged (globals, no_interpolate) ? _strata_cli_load_project (globals, no_interpolate)
                                                   : _strata_cli_load_normalized (globals, no_interpolate);
  if (project == NULL)
    return STRATA_CLI_EXIT_ERROR;
  _strata_cli_print_diagnostics (strata_project_get_diagnostic_list (project), STRATA_SEVERITY_WARNING);

  if (_strata_cli_has_flag (globals, "-q", "--quiet"))
    return STRATA_CLI_EXIT_OK;
  if (_strata_cli_has_flag (globals, "--blame", NULL))
    return _strata_cli_print_blame (project, format);
  if (_strata_cli_has_flag (globals, "--services", NULL))
    _strata_cli_config_print_services (project);
  else if (_strata_cli_has_flag (globals, "--volumes", NULL))
    _strata_cli_config_print_volumes (project);
  else if (hash != NULL)
    return _strata_cli_config_print_hashes (project, hash);
  else if (_strata_cli_has_flag (globals, "--profiles", NULL))
    _strata_cli_config_print_profiles (project);
  else if (_strata_cli_has_flag (globals, "--images", NULL))
    _strata_cli_config_print_images (project);
  else
    return print_model (project, format, no_interpolate);
  return STRATA_CLI_EXIT_OK;
}
