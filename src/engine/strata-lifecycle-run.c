/* strata-lifecycle-run.c: acting on the selected containers, all at once
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each container gets compose's words ("Killing", then "Killed") or its own
 * error.  A container removed behind Strata's back since it was selected
 * fails by name with what happened; the others carry on.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-lifecycle-private.h"

typedef struct
{
  guint   pending;
  GError *error;   /* the first failure */
} Run;

typedef struct
{
  GTask           *task;
  StrataContainer *container;
} Step;

static const char *
action_path (StrataLifecycleAction action)
{
  const char *paths[] = { "start", "stop", "restart", "kill" };

  return paths[action];
}

static const char *
working_word (StrataLifecycleAction action)
{
  const char *words[] = { N_("Starting"), N_("Stopping"), N_("Restarting"), N_("Killing") };

  return _(words[action]);
}

static const char *
done_word (StrataLifecycleAction action)
{
  const char *words[] = { N_("Started"), N_("Stopped"), N_("Restarted"), N_("Killed") };

  return _(words[action]);
}

static void
run_free (Run *run)
{
  g_clear_error (&run->error);
  g_free (run);
}

static void
step_free (Step *step)
{
  g_object_unref (step->task);
  g_object_unref (step->container);
  g_free (step);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Step, step_free)

/* What the user reads for a failed container: its name, and what to do
 * when it is simply gone. */
static char *
failure_message (StrataContainer *container,
                 const GError    *error)
{
  const char *name = strata_container_get_name (container);

  if (g_error_matches (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_NOT_FOUND))
    return g_strdup_printf (_("Container %s no longer exists: it was removed outside Strata; "
                              "run up to create it again"), name);

  return g_strdup_printf (_("Container %s: %s"), name, error->message);
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

static void
acted_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Step) step = user_data;
  StrataLifecycle *self = g_task_get_source_object (step->task);
  Run *run = g_task_get_task_data (step->task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = strata_engine_request_finish (STRATA_ENGINE (object), result, &error);

  if (node != NULL)
    _strata_lifecycle_progress (self, step->container, STRATA_PLAN_STEP_DONE, done_word (self->action));
  else
    {
      g_autofree char *message = failure_message (step->container, error);

      _strata_lifecycle_progress (self, step->container, STRATA_PLAN_STEP_FAILED, message);
      if (run->error == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        run->error = g_steal_pointer (&error);
      else if (run->error == NULL)
        run->error = g_error_new_literal (error->domain, error->code, message);
    }
  if (--run->pending == 0)
    finish (step->task);
}

static char *
request_path (StrataLifecycle *self,
              StrataContainer *container)
{
  g_autofree char *id = g_uri_escape_string (strata_container_get_id (container), NULL, FALSE);
  g_autofree char *query = NULL;

  if (self->action == STRATA_LIFECYCLE_KILL && self->signal_name != NULL)
    {
      g_autofree char *sig = g_uri_escape_string (self->signal_name, NULL, FALSE);

      query = g_strdup_printf ("?signal=%s", sig);
    }
  else if ((self->action == STRATA_LIFECYCLE_STOP || self->action == STRATA_LIFECYCLE_RESTART)
           && self->timeout >= 0)
    query = g_strdup_printf ("?t=%d", self->timeout);

  return g_strdup_printf ("/containers/%s/%s%s", id, action_path (self->action), query ? query : "");
}

static void
act (GTask           *task,
     StrataEngine    *engine,
     StrataContainer *container)
{
  StrataLifecycle *self = g_task_get_source_object (task);
  g_autofree char *path = request_path (self, container);
  Step *step = g_new0 (Step, 1);

  step->task = g_object_ref (task);
  step->container = g_object_ref (container);
  _strata_lifecycle_progress (self, container, STRATA_PLAN_STEP_WORKING, working_word (self->action));
  strata_engine_request_async (engine, "POST", path, NULL, g_task_get_cancellable (task), acted_cb, step);
}

void
strata_lifecycle_run_async (StrataLifecycle     *self,
                            StrataEngine        *engine,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GListModel *containers;
  Run *run;

  g_return_if_fail (STRATA_IS_LIFECYCLE (self));
  g_return_if_fail (STRATA_IS_ENGINE (engine));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, strata_lifecycle_run_async);
  run = g_new0 (Run, 1);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  containers = G_LIST_MODEL (self->containers);
  run->pending = g_list_model_get_n_items (containers);
  if (run->pending == 0)
    finish (task);
  for (guint i = 0; i < g_list_model_get_n_items (containers); i++)
    {
      g_autoptr(StrataContainer) container = g_list_model_get_item (containers, i);

      act (task, engine, container);
    }
}

gboolean
strata_lifecycle_run_finish (StrataLifecycle  *self,
                             GAsyncResult     *result,
                             GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == strata_lifecycle_run_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
