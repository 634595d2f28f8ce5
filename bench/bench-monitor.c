/* bench-monitor.c: timings of the live state, for bench/bench-engine.sh
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-monitor first-state
 *     prints the milliseconds from a new StrataEngineMonitor to its first
 *     complete state, and how many projects and containers it holds
 *   bench-monitor latency PROJECT
 *     starts each created container of PROJECT in turn and prints, for
 *     each, the milliseconds from the engine's start event (its timeNano,
 *     read from a /events stream of our own) to the model's container
 *     turning "running"
 *
 * The engine is the one DOCKER_HOST names.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "strata-engine-monitor.h"
#include "strata-json-splitter.h"

typedef struct
{
  StrataEngine *engine;
  GHashTable   *event_ns;    /* container id → timeNano of its start event */
  GHashTable   *model_ns;    /* container id → real time (ns) the model saw it running */
  GInputStream *events;
  StrataJsonSplitter splitter;
  gboolean      done;
} Bench;

static void
store (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
await (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static StrataEngineMonitor *
start_monitor (StrataEngine *engine,
               double       *ms)
{
  StrataEngineMonitor *monitor = strata_engine_monitor_new (engine);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 begin = g_get_monotonic_time ();

  strata_engine_monitor_start_async (monitor, NULL, store, &result);
  if (!strata_engine_monitor_start_finish (monitor, await (&result), &error))
    g_error ("monitor: %s", error->message);
  *ms = (g_get_monotonic_time () - begin) / 1000.0;

  return monitor;
}

static int
first_state (StrataEngine *engine)
{
  double ms;
  g_autoptr(StrataEngineMonitor) monitor = start_monitor (engine, &ms);
  GListModel *projects = strata_engine_monitor_get_projects (monitor);
  guint containers = 0;

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(StrataEngineProject) project = g_list_model_get_item (projects, i);

      containers += g_list_model_get_n_items (strata_engine_project_get_containers (project));
    }
  g_print ("%.1f %u %u\n", ms, g_list_model_get_n_items (projects), containers);
  strata_engine_monitor_stop (monitor);

  return 0;
}

/* --- latency ---------------------------------------------------------------- */

static void
on_event (JsonNode *node,
          gpointer  user_data)
{
  Bench *bench = user_data;
  JsonObject *event = json_node_get_object (node);
  const char *action = json_object_get_string_member_with_default (event, "Action", "");
  const char *id = json_object_get_string_member_with_default (event, "id", "");

  if (g_str_equal (action, "start"))
    g_hash_table_insert (bench->event_ns, g_strdup (id),
                         g_memdup2 (&(gint64) { json_object_get_int_member (event, "timeNano") }, sizeof (gint64)));
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Bench *bench = user_data;
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, NULL);
  gsize len = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &len) : NULL;

  if (len == 0)
    return;
  _strata_json_splitter_push (&bench->splitter, data, len, on_event, bench, NULL);
  g_input_stream_read_bytes_async (bench->events, 64 * 1024, G_PRIORITY_DEFAULT, NULL, read_cb, bench);
}

static void
on_state (StrataContainer *container,
          GParamSpec      *pspec,
          Bench           *bench)
{
  if (g_strcmp0 (strata_container_get_state (container), "running") == 0
      && !g_hash_table_contains (bench->model_ns, strata_container_get_id (container)))
    g_hash_table_insert (bench->model_ns, g_strdup (strata_container_get_id (container)),
                         g_memdup2 (&(gint64) { g_get_real_time () * 1000 }, sizeof (gint64)));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static gboolean
seen_both (Bench      *bench,
           const char *id)
{
  return g_hash_table_contains (bench->event_ns, id) && g_hash_table_contains (bench->model_ns, id);
}

static int
latency (StrataEngine *engine,
         const char   *project_name)
{
  Bench bench = { engine };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(StrataEngineMonitor) monitor = NULL;
  StrataEngineProject *project;
  GListModel *containers;
  double first;

  bench.event_ns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  bench.model_ns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  _strata_json_splitter_init (&bench.splitter);
  strata_engine_stream_async (engine, "/events", NULL, store, &result);
  if ((bench.events = strata_engine_stream_finish (engine, await (&result), &error)) == NULL)
    g_error ("events: %s", error->message);
  g_input_stream_read_bytes_async (bench.events, 64 * 1024, G_PRIORITY_DEFAULT, NULL, read_cb, &bench);

  monitor = start_monitor (engine, &first);
  if ((project = strata_engine_monitor_find_project (monitor, project_name)) == NULL)
    g_error ("no project %s", project_name);
  containers = strata_engine_project_get_containers (project);
  for (guint i = 0; i < g_list_model_get_n_items (containers); i++)
    {
      g_autoptr(StrataContainer) c = g_list_model_get_item (containers, i);
      g_autofree char *path = g_strdup_printf ("/containers/%s/start", strata_container_get_id (c));
      g_autoptr(GAsyncResult) started = NULL;
      g_autoptr(JsonNode) answer = NULL;
      double delta;

      g_signal_connect (c, "notify::state", G_CALLBACK (on_state), &bench);
      strata_engine_request_async (engine, "POST", path, NULL, NULL, store, &started);
      if ((answer = strata_engine_request_finish (engine, await (&started), &error)) == NULL)
        g_error ("start: %s", error->message);
      while (!seen_both (&bench, strata_container_get_id (c)))
        g_main_context_iteration (NULL, TRUE);
      delta = (*(gint64 *) g_hash_table_lookup (bench.model_ns, strata_container_get_id (c))
               - *(gint64 *) g_hash_table_lookup (bench.event_ns, strata_container_get_id (c))) / 1e6;
      g_array_append_val (ms, delta);
    }
  g_array_sort (ms, compare_doubles);
  g_print ("%u %.2f %.2f %.2f\n", ms->len, g_array_index (ms, double, ms->len / 2),
           g_array_index (ms, double, (ms->len * 95) / 100 < ms->len ? (ms->len * 95) / 100 : ms->len - 1),
           g_array_index (ms, double, ms->len - 1));
  strata_engine_monitor_stop (monitor);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataEndpoint) endpoint = strata_endpoint_resolve (NULL, NULL, &error);
  g_autoptr(StrataEngine) engine = NULL;

  if (endpoint == NULL)
    g_error ("%s", error->message);
  engine = strata_engine_new (endpoint);
  if (argc >= 2 && g_str_equal (argv[1], "first-state"))
    return first_state (engine);
  if (argc >= 3 && g_str_equal (argv[1], "latency"))
    return latency (engine, argv[2]);
  g_printerr ("usage: bench-monitor first-state | latency PROJECT\n");

  return 2;
}
