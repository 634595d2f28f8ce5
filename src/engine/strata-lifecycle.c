/* strata-lifecycle.c: which containers start, stop, restart or kill acts on
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The targets are containers of the live model (a row the user acted on) or
 * the ones the engine lists for some services; either may be gone by the
 * time the operation runs, which strata-lifecycle-run.c reports.
 */

#include "config.h"

#include "strata-engine-state-private.h"
#include "strata-lifecycle-private.h"

G_DEFINE_FINAL_TYPE (StrataLifecycle, strata_lifecycle, G_TYPE_OBJECT)

enum { PROGRESS, N_SIGNALS };

static guint signals[N_SIGNALS];

static void
strata_lifecycle_finalize (GObject *object)
{
  StrataLifecycle *self = STRATA_LIFECYCLE (object);

  g_clear_pointer (&self->signal_name, g_free);
  g_clear_object (&self->containers);

  G_OBJECT_CLASS (strata_lifecycle_parent_class)->finalize (object);
}

static void
strata_lifecycle_class_init (StrataLifecycleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = strata_lifecycle_finalize;

  /**
   * StrataLifecycle::progress:
   * @container: the #StrataContainer acted on
   * @status: a #StrataPlanStepStatus
   * @message: what happens ("Stopping", "Killed", the error naming the container)
   */
  signals[PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, STRATA_TYPE_CONTAINER, G_TYPE_INT, G_TYPE_STRING);
}

static void
strata_lifecycle_init (StrataLifecycle *self)
{
  self->timeout = -1;
  self->containers = g_list_store_new (STRATA_TYPE_CONTAINER);
}

StrataLifecycle *
strata_lifecycle_new (StrataLifecycleAction action)
{
  StrataLifecycle *self = g_object_new (STRATA_TYPE_LIFECYCLE, NULL);

  self->action = action;

  return self;
}

StrataLifecycleAction
strata_lifecycle_get_action (StrataLifecycle *self)
{
  g_return_val_if_fail (STRATA_IS_LIFECYCLE (self), STRATA_LIFECYCLE_START);

  return self->action;
}

void
strata_lifecycle_set_timeout (StrataLifecycle *self,
                              int              timeout)
{
  g_return_if_fail (STRATA_IS_LIFECYCLE (self));

  self->timeout = timeout;
}

void
strata_lifecycle_set_signal (StrataLifecycle *self,
                             const char      *signal_name)
{
  g_return_if_fail (STRATA_IS_LIFECYCLE (self));

  g_free (self->signal_name);
  self->signal_name = g_strdup (signal_name);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_strcmp0 (strata_container_get_name ((StrataContainer *) a),
                    strata_container_get_name ((StrataContainer *) b));
}

void
strata_lifecycle_add_container (StrataLifecycle *self,
                                StrataContainer *container)
{
  g_return_if_fail (STRATA_IS_LIFECYCLE (self));
  g_return_if_fail (STRATA_IS_CONTAINER (container));

  g_list_store_insert_sorted (self->containers, container, compare_names, NULL);
}

GListModel *
strata_lifecycle_get_containers (StrataLifecycle *self)
{
  g_return_val_if_fail (STRATA_IS_LIFECYCLE (self), NULL);

  return G_LIST_MODEL (self->containers);
}

void
_strata_lifecycle_progress (StrataLifecycle      *self,
                            StrataContainer      *container,
                            StrataPlanStepStatus  status,
                            const char           *message)
{
  g_signal_emit (self, signals[PROGRESS], 0, container, (int) status, message);
}

static gboolean
wanted (JsonObject         *summary,
        const char * const *services)
{
  const char *service = _strata_json_label (_strata_json_object_member (summary, "Labels"),
                                            STRATA_LABEL_SERVICE);

  if (services == NULL || services[0] == NULL)
    return TRUE;

  return service != NULL && g_strv_contains (services, service);
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StrataLifecycle *self = g_task_get_source_object (task);
  const char * const *services = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = strata_engine_request_finish (STRATA_ENGINE (object), result, &error);
  JsonArray *list;

  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  list = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *summary = json_array_get_object_element (list, i);
      g_autoptr(StrataContainer) container = NULL;

      if (summary == NULL || !wanted (summary, services))
        continue;
      container = _strata_container_new (json_object_get_string_member_with_default (summary, "Id", ""));
      _strata_container_update_from_summary (container, summary);
      strata_lifecycle_add_container (self, container);
    }
  g_task_return_boolean (task, TRUE);
}

void
strata_lifecycle_select_async (StrataLifecycle     *self,
                               StrataEngine        *engine,
                               const char          *project,
                               const char * const  *services,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;
  g_autofree char *filters = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (STRATA_IS_LIFECYCLE (self));
  g_return_if_fail (STRATA_IS_ENGINE (engine));
  g_return_if_fail (project != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, strata_lifecycle_select_async);
  g_task_set_task_data (task, g_strdupv ((char **) services), (GDestroyNotify) g_strfreev);
  label = g_strdup_printf (STRATA_LABEL_PROJECT "=%s", project);
  filters = strata_engine_filters ("label", label, NULL);
  path = g_strdup_printf ("/containers/json?all=%d&filters=%s",
                          self->action == STRATA_LIFECYCLE_KILL ? 0 : 1, filters);
  strata_engine_request_async (engine, "GET", path, NULL, cancellable, listed_cb, g_steal_pointer (&task));
}

gboolean
strata_lifecycle_select_finish (StrataLifecycle  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == strata_lifecycle_select_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
