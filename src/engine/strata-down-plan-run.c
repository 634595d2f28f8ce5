/* strata-down-plan-run.c: carrying out a down plan, in compose's order
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every container is stopped then removed (all at once, as compose does
 * within a service); then networks, volumes and images go in parallel.
 * Something already gone counts as removed; something still in use is left
 * alone (skipped), like compose's "Resource is still in use".  Only what the
 * plan lists is touched.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-down-plan-private.h"

typedef struct
{
  StrataEngine *engine;
  int           timeout;
  guint         pending;
  GError       *error;
} Run;

typedef struct
{
  GTask          *task;
  StrataPlanItem *item;
} Step;

static void
run_free (Run *run)
{
  g_clear_object (&run->engine);
  g_clear_error (&run->error);
  g_free (run);
}

static Step *
step_new (GTask          *task,
          StrataPlanItem *item)
{
  Step *step = g_new0 (Step, 1);

  step->task = g_object_ref (task);
  step->item = item;

  return step;
}

static void
step_free (Step *step)
{
  g_object_unref (step->task);
  g_free (step);
}

static void
progress (GTask                *task,
          const StrataPlanItem *item,
          StrataPlanStepStatus  status,
          const char           *message)
{
  _strata_down_plan_progress (g_task_get_source_object (task), item, status, message);
}

static void
record_error (GTask        *task,
              const GError *error)
{
  Run *run = g_task_get_task_data (task);

  if (run->error == NULL)
    run->error = g_error_copy (error);
}

static void
finish (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  if (run->error != NULL)
    g_task_return_error (task, g_steal_pointer (&run->error));
  else
    g_task_return_boolean (task, TRUE);
}

static void run_resources (GTask *task);

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Step *step = user_data;
  g_autoptr(GTask) task = g_object_ref (step->task);
  Run *run = g_task_get_task_data (task);
  StrataPlanKind kind = step->item->kind;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = strata_engine_request_finish (STRATA_ENGINE (object), result, &error);

  if (node != NULL || g_error_matches (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_NOT_FOUND))
    progress (task, step->item, STRATA_PLAN_STEP_DONE, _("Removed"));
  else if (g_error_matches (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_CONFLICT)
           && kind != STRATA_PLAN_CONTAINER)
    progress (task, step->item, STRATA_PLAN_STEP_SKIPPED, _("Resource is still in use"));
  else
    {
      progress (task, step->item, STRATA_PLAN_STEP_FAILED, error->message);
      record_error (task, error);
    }
  step_free (step);
  if (--run->pending > 0)
    return;
  /* Containers are gone: now what they used. */
  if (kind == STRATA_PLAN_CONTAINER && run->error == NULL)
    run_resources (task);
  else
    finish (task);
}

static char *
remove_path (Run            *run,
             StrataDownPlan *plan,
             StrataPlanItem *item)
{
  g_autofree char *id = g_uri_escape_string (item->id, NULL, FALSE);

  switch (item->kind)
    {
    case STRATA_PLAN_CONTAINER:
      return g_strdup_printf ("/containers/%s?force=1%s", id, plan->remove_volumes ? "&v=1" : "");
    case STRATA_PLAN_NETWORK:
      return g_strdup_printf ("/networks/%s", id);
    case STRATA_PLAN_VOLUME:
      return g_strdup_printf ("/volumes/%s?force=1", id);
    case STRATA_PLAN_IMAGE:
      return g_strdup_printf ("/images/%s", id);
    default:
      g_assert_not_reached ();
    }
}

static void
remove_item (GTask          *task,
             StrataPlanItem *item)
{
  Run *run = g_task_get_task_data (task);
  g_autofree char *path = remove_path (run, g_task_get_source_object (task), item);

  progress (task, item, STRATA_PLAN_STEP_WORKING, _("Removing"));
  strata_engine_request_async (run->engine, "DELETE", path, NULL, g_task_get_cancellable (task),
                               removed_cb, step_new (task, item));
}

static void
stopped_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Step *step = user_data;
  g_autoptr(GTask) task = g_object_ref (step->task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = strata_engine_request_finish (STRATA_ENGINE (object), result, &error);

  if (node != NULL || g_error_matches (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_NOT_FOUND))
    {
      progress (task, step->item, STRATA_PLAN_STEP_DONE, _("Stopped"));
      remove_item (task, step->item);
      step_free (step);
      return;
    }
  progress (task, step->item, STRATA_PLAN_STEP_FAILED, error->message);
  record_error (task, error);
  step_free (step);
  if (--run->pending == 0)
    finish (task);
}

static void
stop_item (GTask          *task,
           StrataPlanItem *item)
{
  Run *run = g_task_get_task_data (task);
  g_autofree char *path = NULL;

  if (run->timeout >= 0)
    path = g_strdup_printf ("/containers/%s/stop?t=%d", item->id, run->timeout);
  else
    path = g_strdup_printf ("/containers/%s/stop", item->id);
  progress (task, item, STRATA_PLAN_STEP_WORKING, _("Stopping"));
  strata_engine_request_async (run->engine, "POST", path, NULL, g_task_get_cancellable (task),
                               stopped_cb, step_new (task, item));
}

static void
run_resources (GTask *task)
{
  StrataDownPlan *plan = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);

  run->pending = 0;
  for (StrataPlanKind kind = STRATA_PLAN_NETWORK; kind <= STRATA_PLAN_IMAGE; kind++)
    run->pending += plan->items[kind]->len;
  if (run->pending == 0)
    {
      finish (task);
      return;
    }
  for (StrataPlanKind kind = STRATA_PLAN_NETWORK; kind <= STRATA_PLAN_IMAGE; kind++)
    for (guint i = 0; i < plan->items[kind]->len; i++)
      remove_item (task, plan->items[kind]->pdata[i]);
}

void
strata_down_plan_run_async (StrataDownPlan      *self,
                            StrataEngine        *engine,
                            int                  timeout,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *containers;
  Run *run;

  g_return_if_fail (STRATA_IS_DOWN_PLAN (self));
  g_return_if_fail (STRATA_IS_ENGINE (engine));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, strata_down_plan_run_async);
  run = g_new0 (Run, 1);
  run->engine = g_object_ref (engine);
  run->timeout = timeout;
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);

  containers = self->items[STRATA_PLAN_CONTAINER];
  run->pending = containers->len;
  if (containers->len == 0)
    run_resources (task);
  for (guint i = 0; i < containers->len; i++)
    stop_item (task, containers->pdata[i]);
}

gboolean
strata_down_plan_run_finish (StrataDownPlan  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == strata_down_plan_run_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
