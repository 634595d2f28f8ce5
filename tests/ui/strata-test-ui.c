/* strata-test-ui.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "strata-test-ui.h"

void
strata_test_ui_init (int    *argc,
                     char ***argv)
{
  const char *engine = g_getenv ("STRATA_TEST_DOCKER_HOST");

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  g_setenv ("DOCKER_HOST", engine ? engine : "unix:///nonexistent/strata-ui-test.sock", TRUE);
  strata_application_register_resources ();
}

StrataApplication *
strata_test_ui_new_app (void)
{
  StrataApplication *app = strata_application_new (G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}
