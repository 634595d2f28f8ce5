/* test-cli.c: global flags and the headless entry points
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
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

/* The engine verbs run from the strata-engine module, which the executable
 * finds next to itself in the build folder. */
static void
test_engine_verbs_load_their_module (void)
{
  const char * const verbs[] = {
    "build", "down", "kill", "logs", "ps", "pull", "restart", "start", "rm", "stop", "up",
  };

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      const char *args[] = { verbs[i], "--help", NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_test_message ("strata %s --help", verbs[i]);
      g_assert_cmpint (run_strata (args, &out, &err), ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_nonnull (strstr (out, "Usage:"));
      g_assert_nonnull (strstr (out, verbs[i]));
    }
}

/* config and diff explain themselves instead of running (in a folder with
 * no compose file, where running would fail). */
static void
test_compose_verbs_help (void)
{
  const char * const verbs[] = { "config", "diff" };

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      g_autofree char *empty = g_dir_make_tmp ("strata-help-XXXXXX", NULL);
      const char *args[] = { "--project-directory", empty, verbs[i], "--help", NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *usage = g_strdup_printf ("Usage: strata [GLOBAL OPTIONS] %s", verbs[i]);

      g_test_message ("strata %s --help", verbs[i]);
      g_assert_cmpint (run_strata (args, &out, &err), ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_true (g_str_has_prefix (out, usage));
      g_rmdir (empty);
    }
}

static JsonObject *
member (JsonObject *object,
        const char *name)
{
  JsonObject *value = json_object_get_object_member (object, name);

  g_assert_nonnull (value);
  return value;
}

/* config --blame --format json: a value, where it comes from, what it did. */
static void
test_blame_json (void)
{
  g_autofree char *base = g_build_filename (g_getenv ("STRATA_DEMO_DIR"), "docker-compose.yml", NULL);
  g_autofree char *override = g_build_filename (g_getenv ("STRATA_DEMO_DIR"),
                                                "docker-compose.override.yml", NULL);
  const char *args[] = { "-f", base, "-f", override, "config", "--blame", "--format", "json", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *root, *django, *volume, *shadowed;

  g_assert_cmpint (run_strata (args, &out, &err), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  /* The override's ./static replaces the base's by target. */
  root = json_node_get_object (json_parser_get_root (parser));
  django = member (member (member (member (root, "value"), "services"), "value"), "django");
  volume = json_array_get_object_element (json_object_get_array_member (member (member (django, "value"),
                                                                                "volumes"),
                                                                        "value"), 0);
  g_assert_cmpstr (json_object_get_string_member (volume, "file"), ==, override);
  g_assert_cmpint (json_object_get_int_member (volume, "line"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (volume, "column"), ==, 9);
  g_assert_cmpstr (json_object_get_string_member (volume, "operation"), ==, "replaced-by-target");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (volume, "shadowed")), ==, 1);
  shadowed = json_array_get_object_element (json_object_get_array_member (volume, "shadowed"), 0);
  g_assert_cmpstr (json_object_get_string_member (shadowed, "file"), ==, base);
  g_assert_cmpint (json_object_get_int_member (shadowed, "line"), ==, 14);
  g_assert_cmpint (json_object_get_int_member (shadowed, "column"), ==, 9);
  g_assert_true (g_str_has_prefix (out, "{\n  \"value\" : {\n"));
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
  g_test_add_func ("/cli/compose-verbs-help", test_compose_verbs_help);
  g_test_add_func ("/cli/unknown-verb", test_unknown_verb_is_usage_error);
  g_test_add_func ("/cli/engine-verbs", test_engine_verbs_load_their_module);
  g_test_add_func ("/cli/blame-json", test_blame_json);

  return g_test_run ();
}
