/* test-cli.c: global flags and the headless entry points
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "strata-cli.h"

static void
test_globals_before_and_after_verb (void)
{
  const char *argv[] = { "strata", "-f", "a.yml", "config", "--file=b.yml", "-p", "demo",
                         "--services", "--profile", "debug", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataCliGlobals) globals = strata_cli_globals_parse (G_N_ELEMENTS (argv) - 1,
                                                                  argv, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (globals->verb, ==, "config");
  g_assert_cmpuint (globals->files->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (globals->files, 0), ==, "a.yml");
  g_assert_cmpstr (g_ptr_array_index (globals->files, 1), ==, "b.yml");
  g_assert_cmpstr (globals->project_name, ==, "demo");
  g_assert_cmpuint (globals->profiles->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (globals->args, 0), ==, "--services");
  g_assert_null (g_ptr_array_index (globals->args, 1));
}

static void
test_globals_missing_value (void)
{
  const char *argv[] = { "strata", "config", "-f", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataCliGlobals) globals = strata_cli_globals_parse (3, argv, &error);

  g_assert_null (globals);
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "-f"));
}

static void
test_headless_detection (void)
{
  const char *verb[] = { "strata", "--profile", "x", "config", NULL };
  const char *version[] = { "strata", "--version", NULL };
  const char *nothing[] = { "strata", NULL };
  const char *folder[] = { "strata", g_getenv ("STRATA_DEMO_DIR"), NULL };
  const char *bogus[] = { "strata", "frobnicate", NULL };

  g_assert_true (strata_cli_wants_headless (4, verb));
  g_assert_true (strata_cli_wants_headless (2, version));
  g_assert_false (strata_cli_wants_headless (1, nothing));
  g_assert_false (strata_cli_wants_headless (2, folder));
  g_assert_true (strata_cli_wants_headless (2, bogus));
}

/* Runs the strata executable with no display at all. */
static int
run_strata (const char * const *args,
            char              **out,
            char              **err)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_ptr_array_add (argv, (gpointer) g_getenv ("STRATA_EXE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error);
  g_assert_no_error (error);

  return g_subprocess_get_exit_status (proc);
}

static void
test_version_without_display (void)
{
  const char *args[] = { "--version", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_strata (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "strata " PACKAGE_VERSION "\n");
}

static void
test_help_lists_verbs (void)
{
  const char *args[] = { "--help", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_strata (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Usage:"));
  g_assert_nonnull (strstr (out, "config"));
  g_assert_nonnull (strstr (out, "--project-directory"));
}

static void
test_unknown_verb_is_usage_error (void)
{
  const char *args[] = { "frobnicate", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_strata (args, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "“frobnicate” is not a strata command"));
  g_assert_nonnull (strstr (err, "strata --help"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/globals/before-and-after-verb", test_globals_before_and_after_verb);
  g_test_add_func ("/cli/globals/missing-value", test_globals_missing_value);
  g_test_add_func ("/cli/headless-detection", test_headless_detection);
  g_test_add_func ("/cli/version", test_version_without_display);
  g_test_add_func ("/cli/help", test_help_lists_verbs);
  g_test_add_func ("/cli/unknown-verb", test_unknown_verb_is_usage_error);

  return g_test_run ();
}
