/* strata-cli-diff.c: strata diff, what each override file changes
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "strata-cli-project.h"
#include "strata-cli-verbs.h"

typedef struct
{
  gboolean color;
} Style;

static const char *
paint (const Style *style,
       const char  *code)
{
  return style->color ? code : "";
}

#define RED    "\033[31m"
#define GREEN  "\033[32m"
#define YELLOW "\033[33m"
#define BOLD   "\033[1m"
#define DIM    "\033[2m"
#define RESET  "\033[0m"

static const char *
change_sign (StrataChangeKind kind)
{
  switch (kind)
    {
    case STRATA_CHANGE_ADDED:
    case STRATA_CHANGE_APPENDED:
      return "+";
    case STRATA_CHANGE_RESET:
      return "-";
    default:
      return "~";
    }
}

static void
print_value (const Style          *style,
             const char           *sign,
             const char           *color,
             const char           *value,
             const StrataPosition *pos)
{
  g_autofree char *where = pos->layer ? strata_position_to_string (pos) : NULL;
  g_autofree char *place = where ? g_strdup_printf ("   (%s)", where) : NULL;

  g_print ("      %s%s %s%s%s%s%s\n", paint (style, color), sign, value,
           paint (style, RESET), paint (style, DIM), place ? place : "",
           paint (style, RESET));
}

static void
print_change (const Style             *style,
              const StrataLayerChange *change)
{
  g_print ("  %s %s%s%s  %s\n", change_sign (change->kind), paint (style, BOLD), change->path,
           paint (style, RESET), _(strata_change_kind_to_string (change->kind)));
  if (change->old_value != NULL)
    print_value (style, "-", RED, change->old_value, &change->old_pos);
  if (change->new_value != NULL)
    print_value (style, "+", GREEN, change->new_value, &change->new_pos);
}

static void
print_warning (const Style            *style,
               const StrataDiagnostic *warning)
{
  g_autofree char *where = strata_position_to_string (&warning->pos);

  g_print ("  %s%s%s %s: %s\n", paint (style, YELLOW), _("warning:"), paint (style, RESET),
           where, warning->message);
  if (warning->hint != NULL)
    g_print ("    %s%s%s\n", paint (style, DIM), warning->hint, paint (style, RESET));
}

static void
print_diff (const Style     *style,
            StrataLayerDiff *diff,
            StrataLayer     *previous,
            gboolean         first)
{
  if (first)
    g_print ("%s%s%s\n", paint (style, BOLD), strata_layer_get_basename (diff->layer), paint (style, RESET));
  else
    g_print ("%s%s%s %s %s\n", paint (style, BOLD), strata_layer_get_basename (diff->layer),
             paint (style, RESET), _("changes, over"), strata_layer_get_basename (previous));
  if (!first && diff->changes->len == 0)
    g_print ("  %s\n", _("(no changes)"));
  for (guint i = 0; i < diff->changes->len; i++)
    print_change (style, g_ptr_array_index (diff->changes, i));
  for (guint i = 0; i < diff->warnings->len; i++)
    print_warning (style, g_ptr_array_index (diff->warnings, i));
  g_print ("\n");
}

static int
print_help (void)
{
  g_print ("%s", _("Usage: strata [GLOBAL OPTIONS] diff [OPTIONS]\n"
                   "\n"
                   "Show what each override file changes in what came before it, with the\n"
                   "classic traps (lists an override can only append to, links naming no service,\n"
                   "missing bind sources, obsolete version:).\n"
                   "\n"
                   "Options:\n"
                   "  --color, --no-color  Color the output (default: on a terminal, without NO_COLOR)\n"
                   "\n"
                   "Global options (-f, -p, --project-directory, --env-file, --profile) are listed\n"
                   "by “strata --help”.\n"));
  return STRATA_CLI_EXIT_OK;
}

int
strata_cli_diff (StrataCliGlobals *globals)
{
  g_autoptr(StrataProject) project = NULL;
  Style style = { isatty (STDOUT_FILENO) && g_getenv ("NO_COLOR") == NULL };
  GPtrArray *diffs;

  for (guint i = 0; i + 1 < globals->args->len; i++)
    {
      const char *arg = g_ptr_array_index (globals->args, i);
      if (g_str_equal (arg, "--no-color"))
        style.color = FALSE;
      else if (g_str_equal (arg, "--color"))
        style.color = TRUE;
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        return print_help ();
      else
        return _strata_cli_usage_error (_("strata diff: unknown argument: %s"), arg);
    }

  project = _strata_cli_load_project (globals, FALSE);
  if (project == NULL)
    return STRATA_CLI_EXIT_ERROR;
  diffs = strata_project_get_layer_diffs (project);
  for (guint i = 0; i < diffs->len; i++)
    {
      StrataLayerDiff *diff = g_ptr_array_index (diffs, i);
      if (i == 0 && diff->warnings->len == 0)
        continue;
      print_diff (&style, diff, i > 0 ? ((StrataLayerDiff *) g_ptr_array_index (diffs, i - 1))->layer : NULL,
                  i == 0);
    }
  if (diffs->len < 2)
    g_print (_("%s is the only file: there is no override to compare.\n"),
             diffs->len ? strata_layer_get_basename (((StrataLayerDiff *) g_ptr_array_index (diffs, 0))->layer) : "");
  return STRATA_CLI_EXIT_OK;
}
