/* test-engine-lifecycle.c: start, stop, restart and kill as engine operations
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Against a project the reference compose CLI brought up, with the live
 * monitor running: each container reports its own progress, and a
 * container removed with the docker CLI behind Strata's back leaves the
 * model and fails the operation by name, without a hang.
 */

#include "config.h"

#include <string.h>

#include "engine-test-util.h"
#include "strata-engine-monitor.h"
#include "strata-lifecycle.h"

static StrataTestEngine *test_engine;
static char *project_dir;

static const char kappa_yaml[] =
  "services:\n"
  "  web:\n"
  "    image: strata-test/busybox:latest\n"
  "    pull_policy: never\n"
  "    command: sleep 1000\n"
  "    scale: 2\n"
  "  db:\n"
  "    image: strata-test/busybox:latest\n"
  "    pull_policy: never\n"
  "    command: sleep 1000\n";

typedef struct
{
  StrataEngine        *engine;
  StrataEngineMonitor *monitor;
  GPtrArray           *lines;   /* "NAME STATUS MESSAGE" per progress signal */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  engine_test_compose (test_engine, project_dir, "up", "-d", NULL);
  f->engine = engine_test_engine_new (test_engine);
  f->monitor = strata_engine_monitor_new (f->engine);
  f->lines = g_ptr_array_new_with_free_func (g_free);
  strata_engine_monitor_start_async (f->monitor, NULL, engine_test_store_result, &result);
  engine_test_await (&result, ENGINE_TEST_TIMEOUT_MS);
  g_assert_true (strata_engine_monitor_start_finish (f->monitor, result, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  strata_engine_monitor_stop (f->monitor);
  engine_test_finalize (f->monitor);
  engine_test_finalize (f->engine);
  g_ptr_array_unref (f->lines);
}

static void
progress_cb (StrataLifecycle *lifecycle,
             StrataContainer *container,
             int              status,
             const char      *message,
             gpointer         user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->lines, g_strdup_printf ("%s %d %s", strata_container_get_name (container),
                                              status, message));
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static gboolean
run_lifecycle (Fixture          *f,
               StrataLifecycle  *lifecycle,
               GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_signal_connect (lifecycle, "progress", G_CALLBACK (progress_cb), f);
  strata_lifecycle_run_async (lifecycle, f->engine, NULL, engine_test_store_result, &result);
  engine_test_await (&result, ENGINE_TEST_TIMEOUT_MS);

  return strata_lifecycle_run_finish (lifecycle, result, error);
}

static void
select_services (Fixture            *f,
                 StrataLifecycle    *lifecycle,
                 const char * const *services)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  strata_lifecycle_select_async (lifecycle, f->engine, "kappa", services, NULL,
                                 engine_test_store_result, &result);
  engine_test_await (&result, ENGINE_TEST_TIMEOUT_MS);
  g_assert_true (strata_lifecycle_select_finish (lifecycle, result, &error));
  g_assert_no_error (error);
}

/* The live model's container called @name, or NULL once it is gone. */
static StrataContainer *
model_container (Fixture    *f,
                 const char *name)
{
  StrataEngineProject *project = strata_engine_monitor_find_project (f->monitor, "kappa");
  GListModel *model = project ? strata_engine_project_get_containers (project) : NULL;

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(StrataContainer) c = g_list_model_get_item (model, i);

      if (g_strcmp0 (strata_container_get_name (c), name) == 0)
        return c;
    }

  return NULL;
}

typedef struct
{
  Fixture    *f;
  const char *name;
  const char *state;   /* NULL: gone */
} StateWait;

static gboolean
in_state (gpointer data)
{
  StateWait *w = data;
  StrataContainer *c = model_container (w->f, w->name);

  return c == NULL ? w->state == NULL : g_strcmp0 (strata_container_get_state (c), w->state) == 0;
}

static void
wait_state (Fixture    *f,
            const char *name,
            const char *state)
{
  StateWait w = { f, name, state };

  if (!engine_test_wait_until (in_state, &w, 20000))
    g_error ("%s never reached state %s in the model", name, state ? state : "(removed)");
}

/* strata kill web: both web containers, SIGKILL by default; db untouched. */
static void
test_kill_service (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(StrataLifecycle) kill = strata_lifecycle_new (STRATA_LIFECYCLE_KILL);
  g_autoptr(GError) error = NULL;
  g_autofree char *lines = NULL;

  select_services (f, kill, (const char *[]) { "web", NULL });
  g_assert_cmpuint (g_list_model_get_n_items (strata_lifecycle_get_containers (kill)), ==, 2);
  g_assert_true (run_lifecycle (f, kill, &error));
  g_assert_no_error (error);
  g_ptr_array_sort (f->lines, compare_lines);
  g_ptr_array_add (f->lines, NULL);
  lines = g_strjoinv ("\n", (char **) f->lines->pdata);
  g_assert_cmpstr (lines, ==,
                   "kappa-web-1 0 Killing\nkappa-web-1 1 Killed\n"
                   "kappa-web-2 0 Killing\nkappa-web-2 1 Killed");
  wait_state (f, "kappa-web-1", "exited");
  wait_state (f, "kappa-web-2", "exited");
  g_assert_cmpint (strata_container_get_exit_code (model_container (f, "kappa-web-1")), ==, 137);
  g_assert_cmpstr (strata_container_get_state (model_container (f, "kappa-db-1")), ==, "running");

  /* Nothing of web runs any more: nothing to kill, as compose. */
  g_clear_object (&kill);
  kill = strata_lifecycle_new (STRATA_LIFECYCLE_KILL);
  select_services (f, kill, (const char *[]) { "web", NULL });
  g_assert_cmpuint (g_list_model_get_n_items (strata_lifecycle_get_containers (kill)), ==, 0);
  g_assert_true (run_lifecycle (f, kill, NULL));
}

/* A signal by name reaches the process: busybox sh traps it and exits 3. */
static void
test_kill_signal (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(StrataLifecycle) kill = strata_lifecycle_new (STRATA_LIFECYCLE_KILL);
  g_autoptr(GError) error = NULL;

  engine_test_docker (test_engine, "run", "-d", "--name", "kappa-trap-1",
                      "--label", "com.docker.compose.project=kappa",
                      "--label", "com.docker.compose.service=trap",
                      "strata-test/busybox:latest", "sh", "-c",
                      "trap 'exit 3' USR1; while true; do sleep 1; done", NULL);
  wait_state (f, "kappa-trap-1", "running");
  strata_lifecycle_set_signal (kill, "SIGUSR1");
  strata_lifecycle_add_container (kill, model_container (f, "kappa-trap-1"));
  g_assert_true (run_lifecycle (f, kill, &error));
  g_assert_no_error (error);
  wait_state (f, "kappa-trap-1", "exited");
  g_assert_cmpint (strata_container_get_exit_code (model_container (f, "kappa-trap-1")), ==, 3);
  engine_test_docker (test_engine, "rm", "kappa-trap-1", NULL);
}

/* The row the user acts on is gone by the time the operation runs: the
 * model dropped it, the operation names it, the others still stop. */
static void
test_vanished_before (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(StrataLifecycle) stop = strata_lifecycle_new (STRATA_LIFECYCLE_STOP);
  g_autoptr(GError) error = NULL;
  g_autofree char *lines = NULL;

  strata_lifecycle_set_timeout (stop, 0);
  strata_lifecycle_add_container (stop, model_container (f, "kappa-db-1"));
  strata_lifecycle_add_container (stop, model_container (f, "kappa-web-1"));
  engine_test_docker (test_engine, "rm", "-f", "kappa-db-1", NULL);
  wait_state (f, "kappa-db-1", NULL);

  g_assert_false (run_lifecycle (f, stop, &error));
  g_assert_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "kappa-db-1"));
  g_ptr_array_sort (f->lines, compare_lines);
  g_assert_cmpuint (f->lines->len, ==, 4);
  g_assert_cmpstr (f->lines->pdata[0], ==, "kappa-db-1 0 Stopping");
  g_assert_true (g_str_has_prefix (f->lines->pdata[1], "kappa-db-1 3 Container kappa-db-1 no longer exists"));
  g_assert_cmpstr (f->lines->pdata[3], ==, "kappa-web-1 1 Stopped");
  wait_state (f, "kappa-web-1", "exited");
}

static void
remove_on_first_progress (StrataLifecycle *lifecycle,
                          StrataContainer *container,
                          int              status,
                          const char      *message,
                          gpointer         user_data)
{
  if (status == STRATA_PLAN_STEP_WORKING)
    engine_test_docker (test_engine, "rm", "-f", strata_container_get_name (container), NULL);
}

/* Removed while the stop waits out its 30 s grace period (sleep as pid 1
 * ignores SIGTERM): the operation ends at once and the model drops it. */
static void
test_vanished_during (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(StrataLifecycle) stop = strata_lifecycle_new (STRATA_LIFECYCLE_STOP);
  g_autoptr(GTimer) timer = g_timer_new ();

  strata_lifecycle_set_timeout (stop, 30);
  strata_lifecycle_add_container (stop, model_container (f, "kappa-db-1"));
  g_signal_connect (stop, "progress", G_CALLBACK (remove_on_first_progress), NULL);
  run_lifecycle (f, stop, NULL);
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 20);
  g_assert_cmpuint (f->lines->len, ==, 2);
  g_assert_true (g_str_has_prefix (f->lines->pdata[1], "kappa-db-1 "));
  wait_state (f, "kappa-db-1", NULL);
}

/* stop, then start and restart bring them back, each reporting per container. */
static void
test_stop_start_restart (Fixture       *f,
                         gconstpointer  data)
{
  StrataLifecycleAction actions[] = { STRATA_LIFECYCLE_STOP, STRATA_LIFECYCLE_START, STRATA_LIFECYCLE_RESTART };
  const char *states[] = { "exited", "running", "running" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autoptr(StrataLifecycle) lifecycle = strata_lifecycle_new (actions[i]);
      g_autoptr(GError) error = NULL;

      strata_lifecycle_set_timeout (lifecycle, 0);
      select_services (f, lifecycle, NULL);
      g_ptr_array_set_size (f->lines, 0);
      g_assert_true (run_lifecycle (f, lifecycle, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (f->lines->len, ==, 6);
      wait_state (f, "kappa-db-1", states[i]);
      wait_state (f, "kappa-web-2", states[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *work_dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/engine/lifecycle/kill-service", Fixture, NULL, fixture_set_up,
              test_kill_service, fixture_tear_down);
  g_test_add ("/engine/lifecycle/kill-signal", Fixture, NULL, fixture_set_up,
              test_kill_signal, fixture_tear_down);
  g_test_add ("/engine/lifecycle/vanished-before", Fixture, NULL, fixture_set_up,
              test_vanished_before, fixture_tear_down);
  g_test_add ("/engine/lifecycle/vanished-during", Fixture, NULL, fixture_set_up,
              test_vanished_during, fixture_tear_down);
  g_test_add ("/engine/lifecycle/stop-start-restart", Fixture, NULL, fixture_set_up,
              test_stop_start_restart, fixture_tear_down);

  test_engine = strata_test_engine_start (&error);
  g_assert_no_error (error);
  work_dir = g_dir_make_tmp ("strata-lifecycle-XXXXXX", &error);
  g_assert_no_error (error);
  project_dir = engine_test_write_project (work_dir, "kappa", kappa_yaml);

  status = g_test_run ();
  strata_test_engine_stop (test_engine);
  g_free (project_dir);

  return status;
}
