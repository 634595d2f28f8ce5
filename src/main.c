/* main.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "strata-cli.h"
#include "strata-ui-module.h"

/* The module next to the executable (a build folder), else the installed one. */
static char *
find_ui_module (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  if (exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (exe);
      g_autofree char *path = g_build_filename (dir, STRATA_UI_MODULE_NAME, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }

  return g_build_filename (PKGLIBDIR, STRATA_UI_MODULE_NAME, NULL);
}

static int
run_window (int    argc,
            char **argv)
{
  g_autofree char *path = find_ui_module ();
  StrataUiMainFunc ui_main = NULL;
  GModule *module;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("strata: cannot open the window: its module %s is missing.\n"
                    "Install Strata with “meson install”, or run the strata of a build folder "
                    "after “ninja -C BUILD-FOLDER”; the commands of “strata --help” work "
                    "without the window.\n"),
                  path);
      return 1;
    }

  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      g_printerr (_("strata: cannot open the window: its module %s did not load (%s).\n"
                    "Build Strata again (ninja -C BUILD-FOLDER) or reinstall it; "
                    "the commands of “strata --help” work without the window.\n"),
                  path, g_module_error ());
      return 1;
    }
  g_module_make_resident (module);

  if (!g_module_symbol (module, STRATA_UI_MAIN_SYMBOL, (gpointer *) &ui_main) || ui_main == NULL)
    {
      g_printerr (_("strata: cannot open the window: %s has no %s (%s).\n"
                    "It belongs to another version of Strata: build or reinstall Strata again.\n"),
                  path, STRATA_UI_MAIN_SYMBOL, g_module_error ());
      return 1;
    }

  return ui_main (argc, argv);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (strata_cli_wants_headless (argc, (const char * const *) argv))
    return strata_cli_run (argc, (const char * const *) argv);

  return run_window (argc, argv);
}
