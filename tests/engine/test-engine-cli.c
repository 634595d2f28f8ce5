/* test-engine-cli.c: strata ps, down, start, stop against a project compose brought up
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "engine-test-util.h"
#include "strata-test-oracle.h"

static StrataTestEngine *test_engine;
static char *project_dir;

static const char web_yaml[] =
  "services:\n"
  "  web:\n"
  "    image: strata-test/busybox:latest\n"
  "    pull_policy: never\n"
  "    command: sleep 1000\n"
  "    stop_signal: SIGKILL\n"
  "    volumes: [data:/data]\n"
  "  db:\n"
  "    image: strata-test/busybox:latest\n"
  "    pull_policy: never\n"
  "    command: sleep 1000\n"
  "    stop_signal: SIGKILL\n"
  "volumes:\n"
  "  data: {}\n";

/* Runs strata (from STRATA_EXE) in the project folder against the private engine. */
static int
run_strata (char       **out,
            const char  *first_arg,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = strata_test_engine_environ (test_engine);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *ignored = NULL;
  int status = 0;
  va_list ap;

  g_ptr_array_add (argv, (char *) g_getenv ("STRATA_EXE"));
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (project_dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                out ? out : &ignored, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("stderr: %s", err);

  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

static void
test_ps_json (void)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  const char *names[] = { "web-db-1", "web-web-1" };

  g_assert_cmpint (run_strata (&out, "ps", "--format", "json", NULL), ==, 0);
  lines = g_strsplit (g_strstrip (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *o;

      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      o = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (json_object_get_string_member (o, "Name"), ==, names[i]);
      g_assert_cmpstr (json_object_get_string_member (o, "Project"), ==, "web");
      g_assert_cmpstr (json_object_get_string_member (o, "Service"), ==, i == 0 ? "db" : "web");
      g_assert_cmpstr (json_object_get_string_member (o, "State"), ==, "running");
      g_assert_cmpstr (json_object_get_string_member (o, "Health"), ==, "");
      g_assert_cmpstr (json_object_get_string_member (o, "Image"), ==, "strata-test/busybox:latest");
      g_assert_true (json_object_has_member (o, "Stale"));
    }
}

/* Service name → Stale of `strata [ARGS] ps --format json`. */
static GHashTable *
staleness (const char *file)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *stale = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (file != NULL)
    g_assert_cmpint (run_strata (&out, "-f", file, "ps", "--format", "json", NULL), ==, 0);
  else
    g_assert_cmpint (run_strata (&out, "ps", "--format", "json", NULL), ==, 0);
  lines = g_strsplit (g_strstrip (out), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *o;

      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      o = json_node_get_object (json_parser_get_root (parser));
      g_hash_table_insert (stale, g_strdup (json_object_get_string_member (o, "Service")),
                           g_strdup (json_object_get_string_member_with_default (o, "Stale", "null")));
    }

  return stale;
}

static void
write_file (const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (project_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* Up to date as compose brought it up; one edited service is stale, and a
 * service missing from the files is an orphan. */
static void
test_ps_stale (void)
{
  g_autoptr(GHashTable) before = staleness (NULL);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GHashTable) orphan = NULL;
  g_autoptr(GString) edited = g_string_new (web_yaml);

  g_assert_cmpstr (g_hash_table_lookup (before, "web"), ==, "up to date");
  g_assert_cmpstr (g_hash_table_lookup (before, "db"), ==, "up to date");

  g_string_replace (edited, "    volumes: [data:/data]\n",
                    "    volumes: [data:/data]\n    environment: {GREETING: changed}\n", 1);
  write_file ("compose.yaml", edited->str);
  after = staleness (NULL);
  g_assert_cmpstr (g_hash_table_lookup (after, "web"), ==, "changed since started");
  g_assert_cmpstr (g_hash_table_lookup (after, "db"), ==, "up to date");
  write_file ("compose.yaml", web_yaml);

  write_file ("only-db.yaml",
              "services:\n"
              "  db:\n"
              "    image: strata-test/busybox:latest\n"
              "    pull_policy: never\n"
              "    command: sleep 1000\n"
              "    stop_signal: SIGKILL\n");
  orphan = staleness ("only-db.yaml");
  g_assert_cmpstr (g_hash_table_lookup (orphan, "web"), ==, "orphaned");
  g_assert_cmpstr (g_hash_table_lookup (orphan, "db"), ==, "up to date");
}

static void
test_stop_start (void)
{
  g_autofree char *state = NULL;

  g_assert_cmpint (run_strata (NULL, "stop", "db", NULL), ==, 0);
  state = engine_test_docker_out (test_engine, "inspect", "-f", "{{.State.Status}}", "web-db-1", NULL);
  g_assert_cmpstr (state, ==, "exited");
  g_free (state);
  state = engine_test_docker_out (test_engine, "inspect", "-f", "{{.State.Status}}", "web-web-1", NULL);
  g_assert_cmpstr (state, ==, "running");
  g_free (state);
  g_assert_cmpint (run_strata (NULL, "start", NULL), ==, 0);
  state = engine_test_docker_out (test_engine, "inspect", "-f", "{{.State.Status}}", "web-db-1", NULL);
  g_assert_cmpstr (state, ==, "running");
}

static char *
container_state (const char *name)
{
  return engine_test_docker_out (test_engine, "inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", name, NULL);
}

/* strata kill SERVICE, then kill with a signal by name for the rest; with
 * nothing running, nothing to kill is not an error (as compose). */
static void
test_kill (void)
{
  g_autofree char *db = NULL;
  g_autofree char *web = NULL;

  g_assert_cmpint (run_strata (NULL, "kill", "db", NULL), ==, 0);
  db = container_state ("web-db-1");
  web = container_state ("web-web-1");
  g_assert_cmpstr (db, ==, "exited 137");
  g_assert_cmpstr (web, ==, "running 0");
  g_clear_pointer (&web, g_free);
  g_assert_cmpint (run_strata (NULL, "kill", "-s", "SIGKILL", NULL), ==, 0);
  web = container_state ("web-web-1");
  g_assert_cmpstr (web, ==, "exited 137");
  g_assert_cmpint (run_strata (NULL, "kill", NULL), ==, 0);
  g_assert_cmpint (run_strata (NULL, "kill", "--signal", "NOSUCHSIGNAL", "web", NULL), ==, 0);
  g_assert_cmpint (run_strata (NULL, "start", NULL), ==, 0);
  g_clear_pointer (&web, g_free);
  web = container_state ("web-web-1");
  g_assert_cmpstr (web, ==, "running 0");
  g_assert_cmpint (run_strata (NULL, "kill", "--signal", "NOSUCHSIGNAL", "web", NULL), ==, 1);
}

static void
test_down_dry_run_then_down (void)
{
  g_autofree char *plan = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) envp = strata_test_engine_environ (test_engine);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run_strata (&plan, "down", "--dry-run", "--format", "json", "-v", "--rmi", "local", NULL), ==, 0);
  g_assert_cmpstr (g_strstrip (plan), ==,
                   "{\"containers\":[\"web-db-1\",\"web-web-1\"],\"networks\":[\"web_default\"],"
                   "\"volumes\":[\"web_data\"],\"images\":[],\"kept\":[]}");
  /* Nothing changed. */
  g_assert_cmpint (run_strata (NULL, "ps", "--format", "json", NULL), ==, 0);

  g_assert_cmpint (run_strata (NULL, "down", "-v", NULL), ==, 0);
  strata_test_oracle_run (project_dir, (const char *[]) { "ps", "-a", "-q", NULL },
                          (const char * const *) envp, &after, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_strstrip (after), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *work_dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/cli/ps-json", test_ps_json);
  g_test_add_func ("/engine/cli/ps-stale", test_ps_stale);
  g_test_add_func ("/engine/cli/stop-start", test_stop_start);
  g_test_add_func ("/engine/cli/kill", test_kill);
  g_test_add_func ("/engine/cli/down", test_down_dry_run_then_down);

  test_engine = strata_test_engine_start (&error);
  g_assert_no_error (error);
  work_dir = g_dir_make_tmp ("strata-cli-XXXXXX", &error);
  g_assert_no_error (error);
  /* The project takes its name from its folder, as compose's does. */
  project_dir = engine_test_write_project (work_dir, "web", web_yaml);
  engine_test_compose (test_engine, project_dir, "up", "-d", NULL);

  status = g_test_run ();
  strata_test_engine_stop (test_engine);

  return status;
}
