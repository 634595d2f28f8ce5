/* test-engine-logs.c: strata logs and strata up's attached output
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Containers echo known lines, with and without a TTY; Strata prints what
 * `docker compose logs --no-color` prints; a followed stream survives the
 * engine going away and coming back (a proxy socket stands for the
 * engine) without losing or repeating a line; `strata up` without -d shows
 * the output and stops the containers on Ctrl+C.
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "engine-test-util.h"
#include "strata-test-oracle.h"

static StrataTestEngine *test_engine;
static char *work_dir;

static char *
run (const char          *dir,
     const char * const  *argv,
     const char          *docker_host)
{
  g_auto(GStrv) envp = strata_test_engine_environ (test_engine);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  if (docker_host != NULL)
    envp = g_environ_setenv (envp, "DOCKER_HOST", docker_host, TRUE);
  g_spawn_sync (dir, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s %s: %s", argv[0], argv[1], err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  return g_strcmp0 (*(char **) a, *(char **) b);
}

/* Lines sorted (containers interleave), without compose's erase-line
 * codes, carriage returns (it keeps a TTY's, but not on the last line) and
 * padding (it widens the prefixes as containers attach, so that its
 * padding depends on which printed first). */
static char *
sorted_lines (const char *text)
{
  g_autoptr(GString) clean = g_string_new (text);
  g_autoptr(GRegex) padding = g_regex_new (" +\\| ", 0, 0, NULL);
  g_autofree char *unpadded = NULL;
  g_auto(GStrv) lines = NULL;

  g_string_replace (clean, "\033[2K", "", 0);
  g_string_replace (clean, "\r", "", 0);
  unpadded = g_regex_replace_literal (padding, clean->str, -1, 0, " | ", 0, NULL);
  lines = g_strsplit (g_strchomp (unpadded), "\n", -1);
  g_qsort_with_data (lines, g_strv_length (lines), sizeof (char *), compare_lines, NULL);

  return g_strjoinv ("\n", lines);
}

static void
assert_same_output (const char         *dir,
                    const char * const *strata_args,
                    const char * const *compose_args)
{
  g_autoptr(GPtrArray) a = g_ptr_array_new ();
  g_autoptr(GPtrArray) b = g_ptr_array_new ();
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *ours_sorted = NULL;
  g_autofree char *theirs_sorted = NULL;

  g_ptr_array_add (a, (char *) g_getenv ("STRATA_EXE"));
  for (guint i = 0; strata_args[i]; i++)
    g_ptr_array_add (a, (char *) strata_args[i]);
  g_ptr_array_add (a, NULL);
  g_ptr_array_add (b, (char *) strata_test_oracle_path ());
  for (guint i = 0; compose_args[i]; i++)
    g_ptr_array_add (b, (char *) compose_args[i]);
  g_ptr_array_add (b, NULL);
  ours = run (dir, (const char * const *) a->pdata, NULL);
  theirs = run (dir, (const char * const *) b->pdata, NULL);
  ours_sorted = sorted_lines (ours);
  theirs_sorted = sorted_lines (theirs);
  g_assert_cmpstr (ours_sorted, ==, theirs_sorted);
}

static void
wait_for_log (const char *container,
              const char *text)
{
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *out = engine_test_docker_out (test_engine, "logs", container, NULL);

      if (strstr (out, text) != NULL)
        return;
      g_usleep (100 * 1000);
    }
  g_error ("%s never printed %s", container, text);
}

static void
test_as_compose (void)
{
  g_autofree char *dir = engine_test_write_project (work_dir, "talk",
    "services:\n"
    "  echoer:\n"
    "    image: strata-test/busybox:latest\n"
    "    command: sh -c 'echo one; echo two >&2; echo three; sleep 1000'\n"
    "    stop_signal: SIGKILL\n"
    "  teletype:\n"
    "    image: strata-test/busybox:latest\n"
    "    tty: true\n"
    "    command: sh -c 'echo hello tty; echo bye tty; sleep 1000'\n"
    "    stop_signal: SIGKILL\n");

  engine_test_compose (test_engine, dir, "up", "-d", NULL);
  wait_for_log ("talk-echoer-1", "three");
  wait_for_log ("talk-teletype-1", "bye tty");
  assert_same_output (dir, (const char *[]) { "logs", NULL }, (const char *[]) { "logs", "--no-color", NULL });
  assert_same_output (dir, (const char *[]) { "logs", "--tail", "1", "echoer", NULL },
                      (const char *[]) { "logs", "--no-color", "--tail", "1", "echoer", NULL });
  assert_same_output (dir, (const char *[]) { "logs", "-t", "teletype", NULL },
                      (const char *[]) { "logs", "--no-color", "-t", "teletype", NULL });
}

/* --- a followed stream across an engine restart ------------------------------ */

typedef struct
{
  GDataInputStream *in;
  GPtrArray        *lines;
  gboolean          eof;
} Reader;

static void
line_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Reader *reader = user_data;
  char *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result, NULL, NULL);

  if (line == NULL)
    {
      reader->eof = TRUE;
      return;
    }
  g_ptr_array_add (reader->lines, line);
  g_data_input_stream_read_line_async (reader->in, G_PRIORITY_DEFAULT, NULL, line_cb, reader);
}

static gboolean
has_lines (gpointer data)
{
  Reader *reader = ((gpointer *) data)[0];

  return reader->lines->len >= GPOINTER_TO_UINT (((gpointer *) data)[1]);
}

static void
wait_lines (Reader *reader,
            guint   n)
{
  gpointer data[2] = { reader, GUINT_TO_POINTER (n) };

  if (!engine_test_wait_until (has_lines, data, 30000))
    g_error ("only %u lines of %u", reader->lines->len, n);
}

static gboolean
reader_done (gpointer data)
{
  return ((Reader *) data)->eof;
}

static GSubprocess *
spawn (const char          *dir,
       const char          *docker_host,
       const char * const  *argv,
       Reader              *reader)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_subprocess_launcher_set_cwd (launcher, dir);
  g_subprocess_launcher_setenv (launcher, "DOCKER_HOST", docker_host, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  reader->in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  reader->lines = g_ptr_array_new_with_free_func (g_free);
  g_data_input_stream_read_line_async (reader->in, G_PRIORITY_DEFAULT, NULL, line_cb, reader);

  return process;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
}

static void
iterate_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, set_flag, &done);
  engine_test_wait_until (flag_set, &done, ms + 10000);
}

static void
test_follow_reconnects (void)
{
  g_autofree char *dir = engine_test_write_project (work_dir, "ticker",
    "services:\n"
    "  tick:\n"
    "    image: strata-test/busybox:latest\n"
    "    command: sh -c 'i=0; while true; do i=$$((i+1)); echo tick $$i; sleep 0.1; done'\n"
    "    stop_signal: SIGKILL\n");
  g_autofree char *proxy_path = g_build_filename (dir, "proxy.sock", NULL);
  g_autofree char *proxy_host = g_strconcat ("unix://", proxy_path, NULL);
  EngineTestProxy *proxy = engine_test_proxy_new (test_engine->socket_path, proxy_path);
  g_autoptr(GSubprocess) process = NULL;
  Reader reader = { 0 };
  guint before;
  int last = 0;

  engine_test_compose (test_engine, dir, "up", "-d", NULL);
  engine_test_proxy_start (proxy);
  process = spawn (dir, proxy_host,
                   (const char *[]) { g_getenv ("STRATA_EXE"), "logs", "-f", NULL }, &reader);
  wait_lines (&reader, 5);
  engine_test_proxy_stop (proxy);   /* the engine goes away... */
  iterate_for (1500);
  before = reader.lines->len;
  engine_test_proxy_start (proxy);  /* ...and comes back */
  wait_lines (&reader, before + 10);
  g_subprocess_send_signal (process, SIGINT);
  g_assert_true (engine_test_wait_until (reader_done, &reader, 30000));
  g_subprocess_wait (process, NULL, NULL);
  g_assert_true (g_subprocess_get_if_exited (process));

  /* Every tick once, in order, none lost across the gap. */
  for (guint i = 0; i < reader.lines->len; i++)
    {
      const char *line = reader.lines->pdata[i];
      const char *tick = strstr (line, "| tick ");

      g_assert_nonnull (tick);
      g_assert_true (g_str_has_prefix (line, "tick-1  | tick "));
      if (last != 0)
        g_assert_cmpint (atoi (tick + strlen ("| tick ")), ==, last + 1);
      last = atoi (tick + strlen ("| tick "));
    }
  g_ptr_array_unref (reader.lines);
  g_object_unref (reader.in);
  engine_test_proxy_free (proxy);
}

static void
test_up_attached (void)
{
  g_autofree char *dir = engine_test_write_project (work_dir, "front",
    "services:\n"
    "  app:\n"
    "    image: strata-test/busybox:latest\n"
    "    command: sh -c 'echo ready; exec sleep 1000'\n");
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *state = NULL;
  Reader reader = { 0 };

  process = spawn (dir, test_engine->docker_host,
                   (const char *[]) { g_getenv ("STRATA_EXE"), "up", NULL }, &reader);
  wait_lines (&reader, 1);
  g_assert_cmpstr (reader.lines->pdata[0], ==, "app-1  | ready");
  g_subprocess_send_signal (process, SIGINT);
  g_assert_true (engine_test_wait_until (reader_done, &reader, 60000));
  g_subprocess_wait (process, NULL, NULL);
  state = engine_test_docker_out (test_engine, "inspect", "-f", "{{.State.Status}}", "front-app-1", NULL);
  g_assert_cmpstr (state, ==, "exited");
  g_ptr_array_unref (reader.lines);
  g_object_unref (reader.in);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/logs/as-compose", test_as_compose);
  g_test_add_func ("/engine/logs/follow-reconnects", test_follow_reconnects);
  g_test_add_func ("/engine/logs/up-attached", test_up_attached);

  test_engine = strata_test_engine_start (&error);
  g_assert_no_error (error);
  work_dir = g_dir_make_tmp ("strata-logs-XXXXXX", &error);
  g_assert_no_error (error);

  status = g_test_run ();
  strata_test_engine_stop (test_engine);

  return status;
}
