/* main.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "strata-cli.h"
#include "strata-modules.h"
#include "strata-ui-module.h"

static int
run_window (int    argc,
            char **argv)
{
  g_autofree char *path = NULL;
  g_autofree char *detail = NULL;
  StrataUiMainFunc ui_main = NULL;

  switch (strata_module_load (STRATA_UI_MODULE_NAME, STRATA_UI_MAIN_SYMBOL,
                              (gpointer *) &ui_main, &path, &detail))
    {
    case STRATA_MODULE_OK:
      return ui_main (argc, argv);
    case STRATA_MODULE_MISSING:
      g_printerr (_("strata: cannot open the window: its module %s is missing.\n"
                    "Install Strata with “meson install”, or run the strata of a build folder "
                    "after “ninja -C BUILD-FOLDER”; the commands of “strata --help” work "
                    "without the window.\n"),
                  path);
      return 1;
    case STRATA_MODULE_UNLOADABLE:
      g_printerr (_("strata: cannot open the window: its module %s did not load (%s).\n"
                    "Build Strata again (ninja -C BUILD-FOLDER) or reinstall it; "
                    "the commands of “strata --help” work without the window.\n"),
                  path, detail);
      return 1;
    case STRATA_MODULE_FOREIGN:
    default:
      g_printerr (_("strata: cannot open the window: %s has no %s (%s).\n"
                    "It belongs to another version of Strata: build or reinstall Strata again.\n"),
                  path, STRATA_UI_MAIN_SYMBOL, detail);
      return 1;
    }
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
