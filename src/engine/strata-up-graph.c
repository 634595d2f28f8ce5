/* strata-up-graph.c: services in parallel, each after what it depends on
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * compose v2.26.1 walks the dependency graph (InDependencyOrder) twice:
 * to create the containers, then to start them; a service goes as soon as
 * every service it depends on is done, so independent services go at
 * once.  Each service's steps run in a lane (a StrataUpRun of its own,
 * sharing the run's tables); the graph waits for its lanes.  After a
 * failure no new lane is started, and the run fails once the lanes in
 * flight are done: nothing is left running after the run returns.
 */

#include "config.h"

#include "strata-up-private.h"

struct _StrataUpGraph
{
  StrataUpRun   *run;       /* the run waiting for the graph */
  StrataUpPhase  phase;
  GHashTable    *launched;  /* services whose lane started */
  GHashTable    *done;      /* services whose lane ended well */
  guint          running;
  GError        *error;     /* the first failure */
};

static void
graph_free (StrataUpGraph *graph)
{
  g_hash_table_unref (graph->launched);
  g_hash_table_unref (graph->done);
  g_clear_error (&graph->error);
  g_free (graph);
}

StrataUpRun *
_strata_up_lane_new (StrataUpRun   *run,
                     StrataUpGraph *graph,
                     const char    *service)
{
  StrataUpRun *lane = g_new0 (StrataUpRun, 1);

  lane->graph = graph;
  lane->service = service;
  lane->cancellable = run->cancellable ? g_object_ref (run->cancellable) : NULL;
  lane->plan = run->plan;
  lane->engine = g_object_ref (run->engine);
  g_queue_init (&lane->steps);
  lane->image_ids = g_hash_table_ref (run->image_ids);
  lane->service_containers = g_hash_table_ref (run->service_containers);
  lane->container_ids = g_hash_table_ref (run->container_ids);
  lane->config_files = g_strdup (run->config_files);

  return lane;
}

/* The services @service depends on that this up brings up too. */
static gboolean
ready (StrataUpGraph *graph,
       const char    *service)
{
  StrataUpPlan *plan = graph->run->plan;
  JsonObject *config = _strata_json_object_member (_strata_json_object_member (plan->model, "services"), service);
  JsonObject *deps = _strata_json_object_member (config, "depends_on");
  g_autoptr(GList) keys = deps ? json_object_get_members (deps) : NULL;

  for (GList *l = keys; l != NULL; l = l->next)
    if (g_strv_contains ((const char * const *) plan->services, l->data)
        && !g_hash_table_contains (graph->done, l->data))
      return FALSE;

  return TRUE;
}

static void
push_create_steps (StrataUpRun *lane)
{
  GPtrArray *items = lane->plan->items;

  for (guint i = 0; i < items->len; i++)
    {
      StrataUpItem *item = items->pdata[i];

      if (item->kind != STRATA_UP_ITEM_CONTAINER || g_strcmp0 (item->service, lane->service) != 0)
        continue;
      _strata_up_run_push (lane, item->action == STRATA_UP_REMOVE ? _strata_up_remove_step
                                                                 : _strata_up_container_step, item);
    }
}

static gboolean
lane_start_cb (gpointer data)
{
  _strata_up_run_next (data);

  return G_SOURCE_REMOVE;
}

/* Lanes start from the main loop, never from inside another lane's end. */
static void
launch (StrataUpGraph *graph,
        const char    *service)
{
  StrataUpRun *lane = _strata_up_lane_new (graph->run, graph, service);

  if (graph->phase == STRATA_UP_PHASE_CREATE)
    push_create_steps (lane);
  else
    {
      _strata_up_run_push (lane, _strata_up_wait_step, (gpointer) service);
      _strata_up_run_push (lane, _strata_up_start_step, (gpointer) service);
    }
  g_hash_table_add (graph->launched, (gpointer) service);
  graph->running++;
  g_idle_add (lane_start_cb, lane);
}

/* The graph is done: the run goes on, or fails with the first failure
 * (already reported on its resource's progress line). */
static void
finish (StrataUpGraph *graph)
{
  StrataUpRun *run = graph->run;
  GError *error = g_steal_pointer (&graph->error);

  graph_free (graph);
  if (error != NULL)
    _strata_up_run_fail (run, error);
  else
    _strata_up_run_next (run);
}

static void
launch_ready (StrataUpGraph *graph)
{
  char **services = graph->run->plan->services;

  for (guint i = 0; graph->error == NULL && services[i] != NULL; i++)
    if (!g_hash_table_contains (graph->launched, services[i]) && ready (graph, services[i]))
      launch (graph, services[i]);
  if (graph->running == 0)
    finish (graph);
}

void
_strata_up_lane_end (StrataUpRun *lane,
                     GError      *error)
{
  StrataUpGraph *graph = lane->graph;
  const char *service = lane->service;

  _strata_up_run_free (lane);
  graph->running--;
  if (error != NULL && graph->error == NULL)
    graph->error = error;
  else if (error != NULL)
    g_error_free (error);
  else
    g_hash_table_add (graph->done, (gpointer) service);
  launch_ready (graph);
}

void
_strata_up_graph_step (StrataUpRun *run,
                       gpointer     phase)
{
  StrataUpGraph *graph = g_new0 (StrataUpGraph, 1);

  graph->run = run;
  graph->phase = GPOINTER_TO_INT (phase);
  graph->launched = g_hash_table_new (g_str_hash, g_str_equal);
  graph->done = g_hash_table_new (g_str_hash, g_str_equal);
  /* Failures are the lanes' to report. */
  g_clear_pointer (&run->name, g_free);
  launch_ready (graph);
}
