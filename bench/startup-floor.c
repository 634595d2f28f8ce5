/* startup-floor.c: the start-up floor of strata's compose commands
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Links what the strata executable must link (GLib, GObject, GIO, libyaml)
 * and prints a line: bench/bench-startup.py compares `strata --version`
 * with it.
 */

#include <gio/gio.h>
#include <locale.h>
#include <yaml.h>

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");

  /* Never true: only keeps the libraries linked (--as-needed). */
  if (argc > 1000)
    {
      yaml_parser_t parser;

      yaml_parser_initialize (&parser);
      g_object_unref (g_file_new_for_path (argv[0]));
    }

  g_print ("%s\n", yaml_get_version_string ());
  return 0;
}
