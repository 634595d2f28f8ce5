/* test-conformance.c: `strata config` against `docker compose config` 2.26.1
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One subtest per case folder and output format. Each run copies the case
 * into a fresh temporary folder, runs the reference compose CLI and strata
 * there with the same arguments and a clean environment, and compares the
 * exit status class and, on success, stdout byte for byte. The expected
 * output is never stored: the oracle produces it in every run.
 *
 * Environment:
 *   STRATA_COMPOSE_ORACLE      the docker-compose 2.26.1 binary (required)
 *   STRATA_EXE                 the strata binary (required)
 *   STRATA_CONFORMANCE_CASES   the cases folder (default: G_TEST_SRCDIR/conformance/cases)
 *   STRATA_CONFORMANCE_ONLY    run only the cases whose name starts with this
 *   STRATA_CONFORMANCE_JOBS    cases run at once (default 2)
 *   STRATA_CONFORMANCE_KEEP    keep the temporary copies (prints where)
 */

#include <gio/gio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "conformance-case.h"
#include "conformance-diff.h"

#define ORACLE_VERSION "2.26.1"
#define MAX_DIFF_LINES 60
#define MAX_STDERR_LINES 15

typedef struct _Suite Suite;

typedef struct
{
  Suite             *suite;
  ConformanceCase   *kase;      /* owned by the suite */
  const char        *format;
  char              *test_path;

  GMutex             mutex;
  GCond              cond;
  gboolean           done;
  char              *setup_error;
  ConformanceResult  oracle;
  ConformanceResult  strata;
  gboolean           ran;
  gboolean           passed;
} CaseRun;

struct _Suite
{
  char        *oracle;
  char        *strata;
  char        *setup_error;  /* the oracle or strata is unusable */
  gboolean     keep;
  GPtrArray   *cases;        /* ConformanceCase, or NULL for a broken case.json */
  GPtrArray   *broken;       /* "name: error" for case.json files that do not load */
  GPtrArray   *runs;         /* CaseRun */
  GThreadPool *pool;
};

static void
case_run_free (CaseRun *run)
{
  g_free (run->test_path);
  g_free (run->setup_error);
  conformance_result_clear (&run->oracle);
  conformance_result_clear (&run->strata);
  g_mutex_clear (&run->mutex);
  g_cond_clear (&run->cond);
  g_free (run);
}

/* Copies the case and runs both programs on the copy (in a pool thread). */
static void
case_run_execute (gpointer data,
                  gpointer user_data)
{
  CaseRun *run = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp_dir = conformance_case_copy (run->kase, &error);

  if (tmp_dir == NULL)
    run->setup_error = g_strdup_printf ("could not copy the case: %s", error->message);
  else
    {
      conformance_case_run (run->kase, run->suite->oracle, run->format, tmp_dir, &run->oracle);
      conformance_case_run (run->kase, run->suite->strata, run->format, tmp_dir, &run->strata);
      if (run->suite->keep)
        g_printerr ("# %s: kept %s\n", run->test_path, tmp_dir);
      else
        conformance_remove_tree (tmp_dir);
    }

  g_mutex_lock (&run->mutex);
  run->done = TRUE;
  g_cond_signal (&run->cond);
  g_mutex_unlock (&run->mutex);
}

static void
case_run_wait (CaseRun *run)
{
  if (run->suite->pool == NULL)
    {
      case_run_execute (run, NULL);
      return;
    }

  g_mutex_lock (&run->mutex);
  while (!run->done)
    g_cond_wait (&run->cond, &run->mutex);
  g_mutex_unlock (&run->mutex);
}

/* g_test_message() once per line, at most @max_lines lines. */
static void
message_lines (const char *prefix,
               const char *text,
               guint       max_lines)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);

  if (n > 0 && lines[n - 1][0] == '\0')
    n--;
  for (guint i = 0; i < n && i < max_lines; i++)
    g_test_message ("%s%s", prefix, lines[i]);
  if (n > max_lines)
    g_test_message ("%s… (%u more lines)", prefix, n - max_lines);
}

static char *
status_text (const ConformanceResult *result)
{
  if (!result->spawned)
    return g_strdup ("did not start");
  if (result->timed_out)
    return g_strdup ("timed out");
  if (result->exit_status < 0)
    return g_strdup ("was killed");

  return g_strdup_printf ("exited %d", result->exit_status);
}

static gboolean
succeeded (const ConformanceResult *result)
{
  return result->spawned && !result->timed_out && result->exit_status == 0;
}

/* The regular expression strata's stderr must match for "error_position". */
static char *
position_pattern (const char *position)
{
  g_autofree char *escaped = NULL;

  if (position[0] == '\0')
    return g_strdup ("[^\\s:/'\"]+\\.(ya?ml|env):\\d+");

  escaped = g_regex_escape_string (position, -1);
  if (strchr (position, ':') != NULL)
    return g_strdup_printf ("%s(?!\\d)", escaped);

  return g_strdup_printf ("%s:\\d+", escaped);
}

static void
check_error_position (CaseRun *run)
{
  const char *position = run->kase->error_position;
  g_autofree char *pattern = NULL;

  if (position == NULL)
    return;

  pattern = position_pattern (position);
  if (g_regex_match_simple (pattern, run->strata.err, 0, 0))
    return;

  g_test_message ("strata's error does not name the place %s (FILE:LINE); its stderr:",
                  position[0] ? position : "of the problem");
  message_lines ("  ", run->strata.err, MAX_STDERR_LINES);
  g_test_fail ();
}

static void
compare_outputs (CaseRun *run)
{
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *diff = NULL;

  if (run->kase->unordered)
    {
      expected = conformance_sort_lines (run->oracle.out);
      actual = conformance_sort_lines (run->strata.out);
    }
  else
    {
      expected = g_strdup (run->oracle.out);
      actual = g_strdup (run->strata.out);
    }

  diff = conformance_diff ("oracle", expected, "strata", actual, MAX_DIFF_LINES);
  if (diff == NULL)
    return;

  g_test_message ("stdout differs%s:", run->kase->unordered ? " (lines sorted)" : "");
  message_lines ("", diff, MAX_DIFF_LINES + 20);
  g_test_fail ();
}

/* FALSE when the oracle's verdict is not what case.json says. */
static gboolean
check_oracle (CaseRun *run)
{
  g_autofree char *status = status_text (&run->oracle);

  if (!run->oracle.spawned || run->oracle.timed_out || run->oracle.exit_status < 0)
    {
      g_test_fail_printf ("the oracle %s: %s", status, run->oracle.err);
      return FALSE;
    }
  if (succeeded (&run->oracle) == !run->kase->invalid)
    return TRUE;

  g_test_message ("case.json says the input is %s, but the oracle %s; fix the case. Oracle stderr:",
                  run->kase->invalid ? "invalid" : "valid", status);
  message_lines ("  ", run->oracle.err, MAX_STDERR_LINES);
  g_test_fail ();

  return FALSE;
}

static void
check_strata (CaseRun *run)
{
  g_autofree char *status = status_text (&run->strata);
  gboolean oracle_ok = succeeded (&run->oracle);
  gboolean strata_ok = succeeded (&run->strata);

  if (!run->strata.spawned || run->strata.timed_out || run->strata.exit_status < 0)
    g_test_fail_printf ("strata %s: %s", status, run->strata.err);
  else if (oracle_ok && strata_ok)
    compare_outputs (run);
  else if (!oracle_ok && !strata_ok)
    check_error_position (run);
  else if (oracle_ok)
    {
      g_test_message ("compose succeeds but strata %s; strata's stderr:", status);
      message_lines ("  ", run->strata.err, MAX_STDERR_LINES);
      g_test_fail ();
    }
  else
    {
      g_test_message ("compose rejects this input but strata accepts it; compose's stderr:");
      message_lines ("  ", run->oracle.err, MAX_STDERR_LINES);
      g_test_fail ();
    }
}

static void
test_case (gconstpointer data)
{
  CaseRun *run = (CaseRun *) data;

  if (run->suite->setup_error != NULL)
    {
      g_test_skip ("no usable oracle or strata (see /conformance/setup)");
      return;
    }

  g_test_message ("%s", run->kase->about);
  case_run_wait (run);
  if (run->setup_error != NULL)
    g_test_fail_printf ("%s", run->setup_error);
  else if (check_oracle (run))
    check_strata (run);

  run->ran = TRUE;
  run->passed = !g_test_failed ();
}

static char *
oracle_version (const char  *oracle,
                GError     **error)
{
  const char *argv[] = { oracle, "version", "--short", NULL };
  g_autofree char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, &status, error) ||
      !g_spawn_check_wait_status (status, error))
    return NULL;

  return g_strstrip (g_steal_pointer (&out));
}

static char *
check_programs (Suite *suite)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;

  if (suite->oracle == NULL || !g_file_test (suite->oracle, G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup_printf ("the reference compose CLI (STRATA_COMPOSE_ORACLE=%s) is missing: "
                            "fetch it with tests/fixtures/fetch-compose.sh DIR and point "
                            "STRATA_COMPOSE_ORACLE at DIR/docker-compose",
                            suite->oracle ? suite->oracle : "");
  if (suite->strata == NULL || !g_file_test (suite->strata, G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup_printf ("the strata binary (STRATA_EXE=%s) is missing: build it first",
                            suite->strata ? suite->strata : "");

  version = oracle_version (suite->oracle, &error);
  if (version == NULL)
    return g_strdup_printf ("%s version failed: %s", suite->oracle, error->message);
  if (!g_str_has_prefix (version, "v" ORACLE_VERSION) && !g_str_has_prefix (version, ORACLE_VERSION))
    return g_strdup_printf ("%s is compose %s, the corpus is for %s", suite->oracle, version,
                            ORACLE_VERSION);

  return NULL;
}

static void
test_setup (gconstpointer data)
{
  const Suite *suite = data;

  if (suite->setup_error != NULL)
    g_test_fail_printf ("%s", suite->setup_error);
}

static void
test_broken_case (gconstpointer data)
{
  g_test_fail_printf ("%s", (const char *) data);
}

static void
add_case (Suite           *suite,
          ConformanceCase *kase)
{
  g_ptr_array_add (suite->cases, kase);

  for (guint i = 0; kase->formats[i] != NULL; i++)
    {
      CaseRun *run = g_new0 (CaseRun, 1);

      run->suite = suite;
      run->kase = kase;
      run->format = kase->formats[i];
      run->test_path = g_strdup_printf ("/conformance/%s/%s", kase->name, kase->formats[i]);
      g_mutex_init (&run->mutex);
      g_cond_init (&run->cond);
      g_ptr_array_add (suite->runs, run);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
load_cases (Suite      *suite,
            const char *cases_dir)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *only = g_getenv ("STRATA_CONFORMANCE_ONLY");
  const char *name;

  dir = g_dir_open (cases_dir, 0, &error);
  if (dir == NULL)
    {
      g_ptr_array_add (suite->broken, g_strdup_printf ("cases: %s", error->message));
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (only == NULL || g_str_has_prefix (name, only))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (cases_dir, names->pdata[i], NULL);
      ConformanceCase *kase = conformance_case_load (path, &error);

      if (kase != NULL)
        add_case (suite, kase);
      else
        g_ptr_array_add (suite->broken, g_strdup_printf ("%s: %s", (char *) names->pdata[i],
                                                         error->message));
      g_clear_error (&error);
    }
}

static void
start_pool (Suite *suite)
{
  const char *jobs_env = g_getenv ("STRATA_CONFORMANCE_JOBS");
  int jobs = jobs_env ? atoi (jobs_env) : 2;

  if (jobs <= 1 || suite->setup_error != NULL)
    return;

  suite->pool = g_thread_pool_new (case_run_execute, NULL, jobs, TRUE, NULL);
  for (guint i = 0; i < suite->runs->len; i++)
    g_thread_pool_push (suite->pool, suite->runs->pdata[i], NULL);
}

static void
print_summary (Suite *suite)
{
  guint ran = 0, passed = 0;

  for (guint i = 0; i < suite->runs->len; i++)
    {
      CaseRun *run = suite->runs->pdata[i];

      ran += run->ran;
      passed += run->passed;
    }
  g_print ("# conformance: %u of %u runs match compose %s (%u cases, %u broken case.json)\n",
           passed, ran, ORACLE_VERSION, suite->cases->len, suite->broken->len);
  for (guint i = 0; i < suite->runs->len; i++)
    {
      CaseRun *run = suite->runs->pdata[i];

      if (run->ran && !run->passed)
        g_print ("# FAIL %s\n", run->test_path);
    }
}

static void
suite_init (Suite *suite)
{
  const char *cases_dir = g_getenv ("STRATA_CONFORMANCE_CASES");
  g_autofree char *default_dir = g_test_build_filename (G_TEST_DIST, "conformance", "cases", NULL);

  suite->oracle = g_strdup (g_getenv ("STRATA_COMPOSE_ORACLE"));
  suite->strata = g_strdup (g_getenv ("STRATA_EXE"));
  suite->keep = g_getenv ("STRATA_CONFORMANCE_KEEP") != NULL;
  suite->cases = g_ptr_array_new_with_free_func ((GDestroyNotify) conformance_case_free);
  suite->broken = g_ptr_array_new_with_free_func (g_free);
  suite->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) case_run_free);
  suite->setup_error = check_programs (suite);
  load_cases (suite, cases_dir ? cases_dir : default_dir);
}

static void
suite_clear (Suite *suite)
{
  if (suite->pool != NULL)
    g_thread_pool_free (suite->pool, TRUE, TRUE);
  g_ptr_array_unref (suite->runs);
  g_ptr_array_unref (suite->cases);
  g_ptr_array_unref (suite->broken);
  g_free (suite->oracle);
  g_free (suite->strata);
  g_free (suite->setup_error);
}

int
main (int   argc,
      char *argv[])
{
  Suite suite = { 0 };
  g_autofree char **args = g_new0 (char *, argc + 2);
  char **test_argv = args;
  int test_argc = argc + 1;
  int status;

  /* Every case runs even when one fails: the report lists them all. */
  /* Diffs show the outputs' UTF-8 as is (meson runs tests with LC_ALL=C.UTF-8). */
  setlocale (LC_ALL, "");
  memcpy (args, argv, argc * sizeof (char *));
  args[argc] = (char *) "--keep-going";
  /* GIO announces its VFS with a debug message: get that out of the way
   * before the test log handler would print it into the first case. */
  g_vfs_get_default ();
  g_test_init (&test_argc, &test_argv, NULL);
  suite_init (&suite);

  g_test_add_data_func ("/conformance/setup", &suite, test_setup);
  for (guint i = 0; i < suite.broken->len; i++)
    {
      const char *message = suite.broken->pdata[i];
      g_autofree char *name = g_strndup (message, strcspn (message, ":"));
      g_autofree char *path = g_strdup_printf ("/conformance/%s/case.json", name);

      g_test_add_data_func (path, message, test_broken_case);
    }
  for (guint i = 0; i < suite.runs->len; i++)
    {
      CaseRun *run = suite.runs->pdata[i];

      g_test_add_data_func (run->test_path, run, test_case);
    }

  start_pool (&suite);
  status = g_test_run ();
  print_summary (&suite);
  suite_clear (&suite);

  return status;
}
