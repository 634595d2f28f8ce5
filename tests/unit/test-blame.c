/* test-blame.c: each printed line of the configuration and its value's origin
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-blame.h"
#include "strata-emit.h"
#include "strata-project.h"

static StrataProject *
load_demo (void)
{
  g_autoptr(StrataLoadOptions) options = strata_load_options_new ();
  g_autoptr(GError) error = NULL;
  StrataProject *project;

  options->cwd = g_strdup (g_getenv ("STRATA_DEMO_DIR"));
  project = strata_project_load (options, NULL, &error);
  g_assert_no_error (error);

  return project;
}

/* The line printing a value, found by its text. */
static guint
find_line (char      **lines,
           const char *text)
{
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], text) != NULL)
      return i;

  g_error ("no printed line holds “%s”", text);
}

/* The demo's override replaces django's command and adds DJANGO_DEBUG:
 * the printed lines say so, and point at the values' nodes. */
static void
test_demo_lines (void)
{
  g_autoptr(StrataProject) project = load_demo ();
  const StrataNode *model = strata_project_get_normalized (project);
  g_autofree char *text = strata_emit_yaml (model);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) blame = strata_blame_lines (model, text, &error);
  StrataBlameLine *command, *item, *debug;

  g_assert_no_error (error);
  g_assert_cmpuint (blame->len, >=, g_strv_length (lines) - 1);

  command = &g_array_index (blame, StrataBlameLine, find_line (lines, "command:"));
  g_assert_cmpstr (command->note, ==, "docker-compose.override.yml:13");
  g_assert_cmpstr (strata_layer_get_basename (command->node->pos.layer), ==, "docker-compose.override.yml");

  /* The list item says nothing its key did not say already. */
  item = &g_array_index (blame, StrataBlameLine, find_line (lines, "- /srv/www/project/bin/run-dev.sh"));
  g_assert_null (item->note);
  g_assert_nonnull (item->node);

  debug = &g_array_index (blame, StrataBlameLine, find_line (lines, "DJANGO_DEBUG"));
  g_assert_cmpstr (debug->note, ==, "docker-compose.override.yml:6");
  g_assert_cmpuint (debug->node->pos.line, ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/blame/demo-lines", test_demo_lines);

  return g_test_run ();
}
