/* strata-ui-module.c: the entry point of the strata-ui module
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "strata-application.h"
#include "strata-ui-module.h"

G_MODULE_EXPORT int
strata_ui_main (int    argc,
                char **argv)
{
  return strata_application_run_main (argc, argv);
}
