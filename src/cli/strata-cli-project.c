/* strata-cli-project.c: loading the project the global flags name
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <string.h>

#include "strata-cli-project.h"

static char *
read_stdin (void)
{
  g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL) < 0)
    return g_strdup ("");
  g_output_stream_write (out, "", 1, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static StrataLoadOptions *
options_from_globals (StrataCliGlobals *globals,
                      gboolean          no_interpolate,
                      gboolean          keep_merged)
{
  StrataLoadOptions *options = strata_load_options_new ();

  for (guint i = 0; i < globals->files->len; i++)
    {
      const char *file = g_ptr_array_index (globals->files, i);
      g_ptr_array_add (options->files, g_strdup (file));
      if (g_str_equal (file, "-") && options->stdin_text == NULL)
        options->stdin_text = read_stdin ();
    }
  for (guint i = 0; i < globals->env_files->len; i++)
    g_ptr_array_add (options->env_files, g_strdup (g_ptr_array_index (globals->env_files, i)));
  for (guint i = 0; i < globals->profiles->len; i++)
    g_ptr_array_add (options->profiles, g_strdup (g_ptr_array_index (globals->profiles, i)));
  options->project_name = g_strdup (globals->project_name);
  options->project_directory = g_strdup (globals->project_directory);
  options->no_interpolate = no_interpolate;
  options->keep_merged = keep_merged;
  return options;
}

void
_strata_cli_print_diagnostics (GPtrArray      *diagnostics,
                               StrataSeverity  min)
{
  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      StrataDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      g_autofree char *text = NULL;

      if (diagnostic->severity < min)
        continue;
      text = strata_diagnostic_format (diagnostic);
      g_printerr ("%s%s\n", diagnostic->severity == STRATA_SEVERITY_WARNING ? _("warning: ") : "", text);
    }
}

static StrataProject *
load_or_print (StrataLoadOptions *options)
{
  g_autoptr(GError) error = NULL;
  StrataProject *project = strata_project_load (options, NULL, &error);

  if (project == NULL)
    g_printerr ("%s\n", error->message);
  return project;
}

StrataProject *
_strata_cli_load_project (StrataCliGlobals *globals,
                          gboolean          no_interpolate)
{
  g_autoptr(StrataLoadOptions) options = options_from_globals (globals, no_interpolate, TRUE);

  return load_or_print (options);
}

StrataProject *
_strata_cli_load_normalized (StrataCliGlobals *globals,
                             gboolean          no_interpolate)
{
  g_autoptr(StrataLoadOptions) options = options_from_globals (globals, no_interpolate, FALSE);

  return load_or_print (options);
}

/* Loads the project of @globals without printing anything: the verbs that
 * talk to the engine can do without it (with -p, or in a folder that no
 * longer holds the files). They read only the normalized model. */
StrataProject *
_strata_cli_try_load_project (StrataCliGlobals  *globals,
                              GError           **error)
{
  g_autoptr(StrataLoadOptions) options = options_from_globals (globals, FALSE, FALSE);

  return strata_project_load (options, NULL, error);
}

gboolean
_strata_cli_has_flag (StrataCliGlobals *globals,
                      const char       *flag,
                      const char       *alias)
{
  for (guint i = 0; i + 1 < globals->args->len; i++)
    {
      const char *arg = g_ptr_array_index (globals->args, i);
      if (g_strcmp0 (arg, flag) == 0 || g_strcmp0 (arg, alias) == 0)
        return TRUE;
    }
  return FALSE;
}

const char *
_strata_cli_flag_value (StrataCliGlobals *globals,
                        const char       *flag)
{
  gsize len = strlen (flag);

  for (guint i = 0; i + 1 < globals->args->len; i++)
    {
      const char *arg = g_ptr_array_index (globals->args, i);
      if (g_strcmp0 (arg, flag) == 0)
        return g_ptr_array_index (globals->args, i + 1);
      if (strncmp (arg, flag, len) == 0 && arg[len] == '=')
        return arg + len + 1;
    }
  return NULL;
}
