/* strata-up-run.c: carrying out an up plan, in compose's order
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * compose v2.26.1 (pkg/compose/create.go, convergence.go, start.go):
 * orphans go first (with --remove-orphans), then images are pulled and
 * built, networks and volumes created, every container created or
 * replaced service by service, dependencies first; then, unless
 * --no-start, each service's containers are started once the services it
 * depends on are started, healthy or completed as depends_on asks.
 * A run is a queue of steps, each ending by running the next; creating
 * and starting the services go through the dependency graph, services in
 * parallel (strata-up-graph.c).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-up-private.h"

typedef struct
{
  StrataUpStep step;
  gpointer     data;
} Step;

void
_strata_up_run_free (StrataUpRun *run)
{
  g_queue_clear_full (&run->steps, g_free);
  g_clear_object (&run->engine);
  g_clear_object (&run->cancellable);
  g_clear_pointer (&run->image_ids, g_hash_table_unref);
  g_clear_pointer (&run->service_containers, g_hash_table_unref);
  g_clear_pointer (&run->container_ids, g_hash_table_unref);
  g_free (run->config_files);
  g_free (run->name);
  g_free (run);
}

GCancellable *
_strata_up_run_cancellable (StrataUpRun *run)
{
  return run->cancellable;
}

void
_strata_up_run_push (StrataUpRun  *run,
                     StrataUpStep  step,
                     gpointer      data)
{
  Step *s = g_new0 (Step, 1);

  s->step = step;
  s->data = data;
  g_queue_push_tail (&run->steps, s);
}

/* The run returns its task (and is freed with it); a lane reports to its graph. */
static void
end (StrataUpRun *run,
     GError      *error)
{
  GTask *task = run->task;

  if (run->graph != NULL)
    _strata_up_lane_end (run, error);
  else if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_clear_object (&task);
}

/* Runs the next step; the run ends after the last. */
void
_strata_up_run_next (StrataUpRun *run)
{
  g_autofree Step *s = NULL;
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (run->cancellable, &error))
    {
      end (run, error);
      return;
    }
  s = g_queue_pop_head (&run->steps);
  if (s == NULL)
    end (run, NULL);
  else
    s->step (run, s->data);
}

void
_strata_up_run_fail (StrataUpRun *run,
                     GError      *error)
{
  if (run->name != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _strata_up_plan_progress (run->plan, run->kind, run->name, STRATA_PLAN_STEP_FAILED, error->message);
  end (run, error);
}

void
_strata_up_run_working (StrataUpRun      *run,
                        StrataUpItemKind  kind,
                        const char       *name,
                        const char       *message)
{
  run->kind = kind;
  g_free (run->name);
  run->name = g_strdup (name);
  _strata_up_plan_progress (run->plan, kind, name, STRATA_PLAN_STEP_WORKING, message);
}

void
_strata_up_run_done (StrataUpRun *run,
                     const char  *message)
{
  _strata_up_plan_progress (run->plan, run->kind, run->name, STRATA_PLAN_STEP_DONE, message);
}

typedef struct
{
  StrataUpRun    *run;
  StrataUpThen    then;
  gpointer        data;
  GDestroyNotify  data_free;
} Call;

static void
call_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autofree Call *call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = strata_engine_request_finish (STRATA_ENGINE (object), result, &error);

  if (answer == NULL)
    {
      if (call->data_free != NULL && call->data != NULL)
        call->data_free (call->data);
      _strata_up_run_fail (call->run, g_steal_pointer (&error));
    }
  else if (call->then != NULL)
    call->then (call->run, answer, call->data);
  else
    _strata_up_run_next (call->run);
}

/* A request whose failure fails the run; on success, @then (or the next step).
 * Requests that change the engine are not cancelled half-way: the engine
 * would carry on (a container created after all, a replacement left under
 * its temporary name) while Strata stops looking.  Cancelling takes effect
 * at the next step, so that when a cancelled up returns the engine's state
 * is settled and the next up plans from what is really there. */
void
_strata_up_run_call (StrataUpRun    *run,
                     const char     *method,
                     const char     *path,
                     JsonNode       *body,
                     StrataUpThen    then,
                     gpointer        data,
                     GDestroyNotify  data_free)
{
  Call *call = g_new0 (Call, 1);

  call->run = run;
  call->then = then;
  call->data = data;
  call->data_free = data_free;
  strata_engine_request_async (run->engine, method, path, body, NULL, call_cb, call);
}

/* --- running ------------------------------------------------------------- */

static char *
join_config_files (StrataProject *project)
{
  GPtrArray *files = strata_project_get_config_files (project);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; files != NULL && i < files->len; i++)
    g_string_append_printf (joined, "%s%s", i ? "," : "", (char *) files->pdata[i]);

  return g_strdup (joined->str);
}

static void
schedule (StrataUpRun *run)
{
  StrataUpPlan *self = run->plan;
  StrataUpStep steps[] = {
    [STRATA_UP_PULL] = _strata_up_pull_step,
    [STRATA_UP_BUILD] = _strata_up_build_step,
  };

  for (guint i = 0; i < self->orphans->len; i++)
    if (((StrataUpItem *) self->orphans->pdata[i])->action == STRATA_UP_REMOVE)
      _strata_up_run_push (run, _strata_up_remove_step, self->orphans->pdata[i]);
  for (guint i = 0; i < self->items->len; i++)
    {
      StrataUpItem *item = self->items->pdata[i];

      if (item->kind == STRATA_UP_ITEM_IMAGE && (item->action == STRATA_UP_PULL || item->action == STRATA_UP_BUILD))
        _strata_up_run_push (run, steps[item->action], item);
    }
  if (self->images_only)
    return;
  _strata_up_run_push (run, _strata_up_image_ids_step, NULL);
  for (guint i = 0; i < self->items->len; i++)
    {
      StrataUpItem *item = self->items->pdata[i];

      if (item->kind == STRATA_UP_ITEM_NETWORK && item->action == STRATA_UP_CREATE)
        _strata_up_run_push (run, _strata_up_network_step, item);
      else if (item->kind == STRATA_UP_ITEM_VOLUME && item->action == STRATA_UP_CREATE)
        _strata_up_run_push (run, _strata_up_volume_step, item);
      else if (item->kind == STRATA_UP_ITEM_CONTAINER
               && !g_strv_contains ((const char * const *) self->services, item->service))
        _strata_up_run_push (run, item->action == STRATA_UP_REMOVE ? _strata_up_remove_step
                                                                   : _strata_up_container_step, item);
    }
  _strata_up_run_push (run, _strata_up_graph_step, GINT_TO_POINTER (STRATA_UP_PHASE_CREATE));
  if (!self->no_start)
    _strata_up_run_push (run, _strata_up_graph_step, GINT_TO_POINTER (STRATA_UP_PHASE_START));
}

void
strata_up_plan_run_async (StrataUpPlan        *self,
                          StrataEngine        *engine,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  StrataUpRun *run;

  g_return_if_fail (STRATA_IS_UP_PLAN (self));
  g_return_if_fail (STRATA_IS_ENGINE (engine));

  run = g_new0 (StrataUpRun, 1);
  run->task = g_task_new (self, cancellable, callback, user_data);
  run->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  g_task_set_source_tag (run->task, strata_up_plan_run_async);
  g_task_set_task_data (run->task, run, (GDestroyNotify) _strata_up_run_free);
  run->plan = self;
  run->engine = g_object_ref (engine);
  g_queue_init (&run->steps);
  run->image_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->service_containers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->container_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->config_files = join_config_files (self->project);
  for (guint i = 0; i < self->items->len; i++)
    {
      StrataUpItem *item = self->items->pdata[i];

      if (item->kind == STRATA_UP_ITEM_CONTAINER && item->id != NULL && item->action != STRATA_UP_REMOVE)
        {
          g_hash_table_insert (run->container_ids, g_strdup (item->name), g_strdup (item->id));
          if (!g_hash_table_contains (run->service_containers, item->service))
            g_hash_table_insert (run->service_containers, g_strdup (item->service), g_strdup (item->id));
        }
    }
  schedule (run);
  /* The task holds itself until the last step returns it. */
  _strata_up_run_next (run);
}

gboolean
strata_up_plan_run_finish (StrataUpPlan  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == strata_up_plan_run_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
