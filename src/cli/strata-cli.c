/* strata-cli.c: dispatch of the headless verbs
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "strata-cli-private.h"
#include "strata-cli-verbs.h"
#include "strata-engine-module.h"
#include "strata-modules.h"

static const StrataCliVerb verbs[] = {
  STRATA_CLI_VERBS
};

const StrataCliVerb *
_strata_cli_lookup_verb (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_strcmp0 (verbs[i].name, name) == 0)
      return &verbs[i];

  return NULL;
}

int
_strata_cli_usage_error (const char *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("strata: %s\n", message);
  g_printerr (_("Run “strata --help” for the list of commands.\n"));

  return STRATA_CLI_EXIT_USAGE;
}

int
_strata_cli_error (const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s\n", message);

  return STRATA_CLI_EXIT_ERROR;
}

static gboolean
has_arg (StrataCliGlobals *globals,
         const char       *a,
         const char       *b)
{
  for (guint i = 0; i + 1 < globals->args->len; i++)
    {
      const char *arg = g_ptr_array_index (globals->args, i);

      if (g_strcmp0 (arg, a) == 0 || g_strcmp0 (arg, b) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
print_help (void)
{
  g_print (_("Usage:\n"
             "  strata [PROJECT-FOLDER]        Open the window\n"
             "  strata [OPTIONS] COMMAND [ARGS...]\n"
             "\n"
             "Options (before or after the command, as docker compose takes them):\n"
             "  -f, --file FILE               Compose configuration file (repeatable, - for stdin)\n"
             "  -p, --project-name NAME       Project name\n"
             "      --project-directory DIR   Project directory\n"
             "      --env-file FILE           Environment file (repeatable)\n"
             "      --profile NAME            Profile to enable (repeatable)\n"
             "  -h, --help                    Show this help\n"
             "      --version                 Show the version\n"
             "\n"
             "Commands:\n"));

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    g_print ("  %-10s %s\n", verbs[i].name, _(verbs[i].summary));
}

/* Headless when a verb, --help or --version is given, or when the operand
 * is neither a verb nor a folder (so that it gets a usage error). */
gboolean
strata_cli_wants_headless (int                 argc,
                           const char * const *argv)
{
  g_autoptr(StrataCliGlobals) globals = strata_cli_globals_parse (argc, argv, NULL);

  if (globals == NULL)
    return TRUE;
  if (has_arg (globals, "--help", "-h") || has_arg (globals, "--version", NULL))
    return TRUE;
  if (globals->verb == NULL)
    return FALSE;
  if (_strata_cli_lookup_verb (globals->verb) != NULL)
    return TRUE;

  return !g_file_test (globals->verb, G_FILE_TEST_IS_DIR);
}

/* The engine verbs are in the strata-engine module: opened only for them. */
static int
run_engine_verb (StrataCliGlobals *globals)
{
  g_autofree char *path = NULL;
  g_autofree char *detail = NULL;
  StrataEngineRunVerbFunc run = NULL;

  switch (strata_module_load (STRATA_ENGINE_MODULE_NAME, STRATA_ENGINE_RUN_SYMBOL,
                              (gpointer *) &run, &path, &detail))
    {
    case STRATA_MODULE_OK:
      return run (globals);
    case STRATA_MODULE_MISSING:
      return _strata_cli_error (_("strata: cannot run “%s”: its module %s is missing.\n"
                                  "Install Strata with “meson install”, or run the strata of a "
                                  "build folder after “ninja -C BUILD-FOLDER”; “strata config” "
                                  "and “strata diff” work without it."),
                                globals->verb, path);
    case STRATA_MODULE_UNLOADABLE:
      return _strata_cli_error (_("strata: cannot run “%s”: its module %s did not load (%s).\n"
                                  "Build Strata again (ninja -C BUILD-FOLDER) or reinstall it; "
                                  "“strata config” and “strata diff” work without it."),
                                globals->verb, path, detail);
    case STRATA_MODULE_FOREIGN:
    default:
      return _strata_cli_error (_("strata: cannot run “%s”: %s has no %s (%s).\n"
                                  "It belongs to another version of Strata: build or reinstall "
                                  "Strata again."),
                                globals->verb, path, STRATA_ENGINE_RUN_SYMBOL, detail);
    }
}

int
strata_cli_run (int                 argc,
                const char * const *argv)
{
  g_autoptr(StrataCliGlobals) globals = NULL;
  g_autoptr(GError) error = NULL;
  const StrataCliVerb *verb;

  globals = strata_cli_globals_parse (argc, argv, &error);
  if (globals == NULL)
    return _strata_cli_usage_error ("%s", error->message);

  if (globals->verb == NULL && has_arg (globals, "--version", NULL))
    {
      g_print ("strata %s\n", PACKAGE_VERSION);
      return STRATA_CLI_EXIT_OK;
    }

  if (globals->verb == NULL)
    {
      print_help ();
      return has_arg (globals, "--help", "-h") ? STRATA_CLI_EXIT_OK : STRATA_CLI_EXIT_USAGE;
    }

  verb = _strata_cli_lookup_verb (globals->verb);
  if (verb == NULL)
    return _strata_cli_usage_error (_("“%s” is not a strata command nor a project folder"),
                                    globals->verb);

  if (verb->run == STRATA_CLI_ENGINE_VERB)
    return run_engine_verb (globals);

  return verb->run (globals);
}
