/* test-engine-state.c: live project state from labels and /events
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A project brought up by the reference compose CLI must show in Strata
 * with its services, containers, networks and volumes; afterwards only
 * events may change the model (the monitor counts its listings).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "engine-test-util.h"
#include "strata-engine-monitor.h"

static StrataTestEngine *test_engine;
static char *work_dir;

static const char alpha_yaml[] =
  "services:\n"
  "  web:\n"
  "    image: strata-test/busybox:latest\n"
  "    pull_policy: never\n"
  "    command: sleep 1000\n"
  "    scale: 2\n"
  "    networks: [front, back]\n"
  "  db:\n"
  "    image: strata-test/busybox:latest\n"
  "    pull_policy: never\n"
  "    command: sleep 1000\n"
  "    networks: [back]\n"
  "    volumes: [data:/data]\n"
  "networks:\n"
  "  front: {}\n"
  "  back: {}\n"
  "volumes:\n"
  "  data: {}\n";

typedef struct
{
  StrataEngine        *engine;
  StrataEngineMonitor *monitor;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  f->engine = engine_test_engine_new (test_engine);
  f->monitor = strata_engine_monitor_new (f->engine);
  strata_engine_monitor_start_async (f->monitor, NULL, engine_test_store_result, &result);
  engine_test_await (&result, ENGINE_TEST_TIMEOUT_MS);
  g_assert_true (strata_engine_monitor_start_finish (f->monitor, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (strata_engine_monitor_get_status (f->monitor), ==, STRATA_MONITOR_LIVE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  strata_engine_monitor_stop (f->monitor);
  engine_test_finalize (f->monitor);
  engine_test_finalize (f->engine);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static char *
names_of (GListModel *model)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *name = NULL;

      g_object_get (item, "name", &name, NULL);
      g_ptr_array_add (names, g_steal_pointer (&name));
    }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_compose_project_shows (Fixture       *f,
                            gconstpointer  data)
{
  StrataEngineProject *alpha = strata_engine_monitor_find_project (f->monitor, "alpha");
  g_autofree char *dir = g_build_filename (work_dir, "alpha", NULL);
  g_autofree char *file = g_build_filename (dir, "compose.yaml", NULL);
  g_autofree char *containers = NULL;
  g_autofree char *networks = NULL;
  g_autofree char *volumes = NULL;
  GListModel *model;

  g_assert_nonnull (alpha);
  containers = names_of (strata_engine_project_get_containers (alpha));
  networks = names_of (strata_engine_project_get_networks (alpha));
  volumes = names_of (strata_engine_project_get_volumes (alpha));
  g_assert_cmpstr (containers, ==, "alpha-db-1 alpha-web-1 alpha-web-2");
  g_assert_cmpstr (networks, ==, "alpha_back alpha_front");
  g_assert_cmpstr (volumes, ==, "alpha_data");
  g_assert_cmpstr (strata_engine_project_get_working_dir (alpha), ==, dir);
  g_assert_cmpstrv (strata_engine_project_get_config_files (alpha), ((const char *[]) { file, NULL }));

  model = strata_engine_project_get_containers (alpha);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(StrataContainer) c = g_list_model_get_item (model, i);
      const char *expected = i == 0 ? "db" : "web";

      g_assert_cmpstr (strata_container_get_service (c), ==, expected);
      g_assert_cmpuint (strata_container_get_number (c), ==, i == 2 ? 2 : 1);
      g_assert_cmpstr (strata_container_get_state (c), ==, "running");
      g_assert_cmpstr (strata_container_get_image (c), ==, "strata-test/busybox:latest");
      g_assert_cmpuint (strlen (strata_container_get_config_hash (c)), ==, 64);
      g_assert_false (strata_container_get_oneoff (c));
    }
  model = strata_engine_project_get_images (alpha);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
}

typedef struct
{
  StrataEngineMonitor *monitor;
  const char          *project;
  const char          *container;
  const char          *state;    /* NULL: the container is gone */
} ContainerWait;

static gboolean
container_in_state (gpointer data)
{
  ContainerWait *w = data;
  StrataEngineProject *project = strata_engine_monitor_find_project (w->monitor, w->project);
  GListModel *model = project ? strata_engine_project_get_containers (project) : NULL;

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(StrataContainer) c = g_list_model_get_item (model, i);

      if (g_strcmp0 (strata_container_get_name (c), w->container) == 0)
        return g_strcmp0 (strata_container_get_state (c), w->state) == 0;
    }

  return w->state == NULL;
}

static void
wait_container (StrataEngineMonitor *monitor,
                const char          *project,
                const char          *container,
                const char          *state)
{
  ContainerWait w = { monitor, project, container, state };

  if (!engine_test_wait_until (container_in_state, &w, 20000))
    g_error ("%s/%s never reached state %s", project, container, state ? state : "(removed)");
}

typedef struct
{
  StrataEngineMonitor *monitor;
  const char          *project;
  StrataResourceKind   kind;
  const char          *name;
  gboolean             present;
} ResourceWait;

static gboolean
resource_present (gpointer data)
{
  ResourceWait *w = data;
  StrataEngineProject *project = strata_engine_monitor_find_project (w->monitor, w->project);
  GListModel *model = NULL;

  if (project != NULL)
    model = w->kind == STRATA_RESOURCE_NETWORK ? strata_engine_project_get_networks (project)
                                               : strata_engine_project_get_volumes (project);
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(StrataResource) r = g_list_model_get_item (model, i);

      if (g_strcmp0 (strata_resource_get_name (r), w->name) == 0)
        return w->present;
    }

  return !w->present;
}

static void
wait_resource (StrataEngineMonitor *monitor,
               const char          *project,
               StrataResourceKind   kind,
               const char          *name,
               gboolean             present)
{
  ResourceWait w = { monitor, project, kind, name, present };

  if (!engine_test_wait_until (resource_present, &w, 20000))
    g_error ("%s/%s never %s", project, name, present ? "appeared" : "went away");
}

/* The docker CLI, not compose: only the events tell Strata about it. */
static void
test_events_drive_the_model (Fixture       *f,
                             gconstpointer  data)
{
  guint64 lists = strata_engine_monitor_get_n_lists (f->monitor);
  g_autofree char *id = NULL;

  id = engine_test_docker_out (test_engine, "run", "-d", "--name", "gamma-tool-1",
                               "--label", "com.docker.compose.project=gamma",
                               "--label", "com.docker.compose.service=tool",
                               "--label", "com.docker.compose.container-number=1",
                               "strata-test/busybox:latest", "sleep", "1000", NULL);
  wait_container (f->monitor, "gamma", "gamma-tool-1", "running");
  {
    StrataEngineProject *gamma = strata_engine_monitor_find_project (f->monitor, "gamma");
    StrataContainer *c = strata_engine_project_find_container (gamma, id);

    g_assert_nonnull (c);
    g_assert_cmpstr (strata_container_get_service (c), ==, "tool");
    g_assert_cmpuint (strata_container_get_number (c), ==, 1);
  }

  engine_test_docker (test_engine, "network", "create", "--label", "com.docker.compose.project=gamma",
                      "--label", "com.docker.compose.network=extra", "gamma_extra", NULL);
  wait_resource (f->monitor, "gamma", STRATA_RESOURCE_NETWORK, "gamma_extra", TRUE);
  engine_test_docker (test_engine, "volume", "create", "--label", "com.docker.compose.project=gamma",
                      "gamma_cache", NULL);
  wait_resource (f->monitor, "gamma", STRATA_RESOURCE_VOLUME, "gamma_cache", TRUE);

  engine_test_docker (test_engine, "kill", "gamma-tool-1", NULL);
  wait_container (f->monitor, "gamma", "gamma-tool-1", "exited");
  {
    StrataEngineProject *gamma = strata_engine_monitor_find_project (f->monitor, "gamma");

    g_assert_cmpint (strata_container_get_exit_code (strata_engine_project_find_container (gamma, id)), ==, 137);
  }

  /* Removed behind Strata's back. */
  engine_test_docker (test_engine, "rm", "gamma-tool-1", NULL);
  wait_container (f->monitor, "gamma", "gamma-tool-1", NULL);
  engine_test_docker (test_engine, "network", "rm", "gamma_extra", NULL);
  wait_resource (f->monitor, "gamma", STRATA_RESOURCE_NETWORK, "gamma_extra", FALSE);
  engine_test_docker (test_engine, "volume", "rm", "gamma_cache", NULL);
  wait_resource (f->monitor, "gamma", STRATA_RESOURCE_VOLUME, "gamma_cache", FALSE);
  g_assert_null (strata_engine_monitor_find_project (f->monitor, "gamma"));

  g_assert_cmpuint (strata_engine_monitor_get_n_lists (f->monitor), ==, lists);
}

static gboolean
monitor_in_status (gpointer data)
{
  gpointer *args = data;

  return (int) strata_engine_monitor_get_status (args[0]) == GPOINTER_TO_INT (args[1]);
}

static void
wait_status (StrataEngineMonitor *monitor,
             StrataMonitorStatus  status)
{
  gpointer args[2] = { monitor, GINT_TO_POINTER (status) };

  if (!engine_test_wait_until (monitor_in_status, args, 30000))
    g_error ("the monitor never reached status %d", status);
}

/* The engine goes away mid-stream (seen through a proxy socket) while
 * things change; when it is back the model catches up. */
static void
test_engine_goes_away (void)
{
  g_autofree char *proxy_path = g_build_filename (work_dir, "proxy.sock", NULL);
  EngineTestProxy *proxy = engine_test_proxy_new (test_engine->socket_path, proxy_path);
  g_autoptr(StrataEndpoint) endpoint = strata_endpoint_new_unix (proxy_path);
  g_autoptr(StrataEngine) engine = strata_engine_new (endpoint);
  g_autoptr(StrataEngineMonitor) monitor = strata_engine_monitor_new (engine);
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *web2 = NULL;
  const GError *error;

  engine_test_proxy_start (proxy);
  strata_engine_monitor_start_async (monitor, NULL, engine_test_store_result, &result);
  engine_test_await (&result, ENGINE_TEST_TIMEOUT_MS);
  g_assert_true (strata_engine_monitor_start_finish (monitor, result, NULL));
  wait_container (monitor, "alpha", "alpha-web-2", "running");

  engine_test_proxy_stop (proxy);
  wait_status (monitor, STRATA_MONITOR_RECONNECTING);
  engine_test_docker (test_engine, "stop", "-t", "0", "alpha-web-2", NULL);
  engine_test_docker (test_engine, "run", "-d", "--name", "delta-job-1",
                      "--label", "com.docker.compose.project=delta",
                      "--label", "com.docker.compose.service=job",
                      "strata-test/busybox:latest", "sleep", "1000", NULL);
  /* Let a reconnection attempt fail: the user is told Docker is not running. */
  g_usleep (300 * G_USEC_PER_SEC / 1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  error = strata_engine_monitor_get_error (monitor);
  g_assert_nonnull (error);
  g_assert_true (error->domain == STRATA_ENGINE_ERROR);
  /* Meanwhile the model shows the last state it knew. */
  web2 = engine_test_docker_out (test_engine, "inspect", "-f", "{{.Id}}", "alpha-web-2", NULL);
  g_assert_cmpstr (strata_container_get_state (strata_engine_project_find_container (
                     strata_engine_monitor_find_project (monitor, "alpha"), web2)),
                   ==, "running");

  engine_test_proxy_start (proxy);
  wait_status (monitor, STRATA_MONITOR_LIVE);
  wait_container (monitor, "alpha", "alpha-web-2", "exited");
  wait_container (monitor, "delta", "delta-job-1", "running");
  g_assert_null (strata_engine_monitor_get_error (monitor));
  g_assert_cmpuint (strata_engine_monitor_get_n_lists (monitor), ==, 2);

  /* And events flow again. */
  engine_test_docker (test_engine, "rm", "-f", "delta-job-1", NULL);
  wait_container (monitor, "delta", "delta-job-1", NULL);
  engine_test_docker (test_engine, "start", "alpha-web-2", NULL);
  wait_container (monitor, "alpha", "alpha-web-2", "running");

  strata_engine_monitor_stop (monitor);
  engine_test_proxy_free (proxy);
}

static void
test_start_fails_without_engine (void)
{
  g_autofree char *path = g_build_filename (work_dir, "nothing.sock", NULL);
  g_autoptr(StrataEndpoint) endpoint = strata_endpoint_new_unix (path);
  g_autoptr(StrataEngine) engine = strata_engine_new (endpoint);
  g_autoptr(StrataEngineMonitor) monitor = strata_engine_monitor_new (engine);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  strata_engine_monitor_start_async (monitor, NULL, engine_test_store_result, &result);
  engine_test_await (&result, ENGINE_TEST_TIMEOUT_MS);
  g_assert_false (strata_engine_monitor_start_finish (monitor, result, &error));
  g_assert_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_NOT_RUNNING);
  g_assert_cmpint (strata_engine_monitor_get_status (monitor), ==, STRATA_MONITOR_STOPPED);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *alpha = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/engine/state/compose-project", Fixture, NULL, fixture_set_up,
              test_compose_project_shows, fixture_tear_down);
  g_test_add ("/engine/state/events", Fixture, NULL, fixture_set_up,
              test_events_drive_the_model, fixture_tear_down);
  g_test_add_func ("/engine/state/engine-goes-away", test_engine_goes_away);
  g_test_add_func ("/engine/state/no-engine", test_start_fails_without_engine);

  test_engine = strata_test_engine_start (&error);
  g_assert_no_error (error);
  work_dir = g_dir_make_tmp ("strata-state-XXXXXX", &error);
  g_assert_no_error (error);
  alpha = engine_test_write_project (work_dir, "alpha", alpha_yaml);
  engine_test_compose (test_engine, alpha, "-p", "alpha", "up", "-d", NULL);

  status = g_test_run ();
  strata_test_engine_stop (test_engine);

  return status;
}
