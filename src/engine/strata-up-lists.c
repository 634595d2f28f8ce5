/* strata-up-lists.c: computing the plan of `up`, asynchronously
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project's containers, the networks, the volumes and each service's
 * image are asked for at once; the plan is made (strata-up-compute.c)
 * when all have answered.
 */

#include "config.h"

#include "strata-up-private.h"

static void
compute_free (StrataUpCompute *c)
{
  g_clear_object (&c->plan);
  g_strfreev (c->wanted);
  for (guint i = 0; i < STRATA_UP_N_LISTS; i++)
    g_clear_pointer (&c->lists[i], json_node_unref);
  g_clear_pointer (&c->image_ids, g_hash_table_unref);
  g_clear_pointer (&c->recreated, g_hash_table_unref);
  g_clear_error (&c->error);
  g_free (c);
}

static void
one_done (GTask *task)
{
  StrataUpCompute *c = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (--c->pending > 0)
    return;
  if (c->error != NULL)
    g_task_return_error (task, g_steal_pointer (&c->error));
  else if (!_strata_up_compute_build (c, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&c->plan), g_object_unref);
}

typedef struct
{
  GTask *task;
  guint  which;
  char  *image;
} Call;

static void
call_free (Call *call)
{
  g_object_unref (call->task);
  g_free (call->image);
  g_free (call);
}

static void
answer_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Call *call = user_data;
  g_autoptr(GTask) task = g_object_ref (call->task);
  StrataUpCompute *c = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = strata_engine_request_finish (STRATA_ENGINE (object), result, &error);

  if (call->image != NULL)
    {
      const char *id = node && JSON_NODE_HOLDS_OBJECT (node)
                       ? _strata_json_string (json_node_get_object (node), "Id") : NULL;

      if (error != NULL && !g_error_matches (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_NOT_FOUND)
          && c->error == NULL)
        c->error = g_steal_pointer (&error);
      g_hash_table_replace (c->image_ids, g_strdup (call->image), g_strdup (id ? id : ""));
    }
  else if (node != NULL)
    c->lists[call->which] = g_steal_pointer (&node);
  else if (c->error == NULL)
    c->error = g_steal_pointer (&error);
  call_free (call);
  one_done (task);
}

static void
ask (GTask        *task,
     StrataEngine *engine,
     guint         which,
     const char   *image,
     const char   *path)
{
  StrataUpCompute *c = g_task_get_task_data (task);
  Call *call = g_new0 (Call, 1);

  call->task = g_object_ref (task);
  call->which = which;
  call->image = g_strdup (image);
  c->pending++;
  strata_engine_request_async (engine, "GET", path, NULL, g_task_get_cancellable (task), answer_cb, call);
}

static void
ask_images (GTask        *task,
            StrataEngine *engine)
{
  StrataUpCompute *c = g_task_get_task_data (task);
  JsonObject *services = _strata_json_object_member (c->plan->model, "services");

  for (guint i = 0; c->plan->services[i] != NULL; i++)
    {
      JsonObject *service = _strata_json_object_member (services, c->plan->services[i]);
      g_autofree char *ref = _strata_up_service_image (c->plan->model, c->plan->services[i], service);
      g_autofree char *escaped = g_uri_escape_string (ref, "/:@", FALSE);
      g_autofree char *path = g_strdup_printf ("/images/%s/json", escaped);

      if (g_hash_table_contains (c->image_ids, ref))
        continue;
      g_hash_table_insert (c->image_ids, g_strdup (ref), g_strdup (""));
      ask (task, engine, 0, ref, path);
    }
}

void
strata_up_plan_compute_async (StrataEngine          *engine,
                              StrataProject         *project,
                              const StrataUpOptions *options,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *filter = NULL;
  g_autofree char *filters = NULL;
  g_autofree char *path = NULL;
  StrataUpCompute *c;

  g_return_if_fail (STRATA_IS_ENGINE (engine));
  g_return_if_fail (STRATA_IS_PROJECT (project) && options != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, strata_up_plan_compute_async);
  c = g_new0 (StrataUpCompute, 1);
  c->plan = _strata_up_plan_new (project);
  c->plan->no_start = options->no_start;
  c->plan->timeout = options->timeout;
  c->options = *options;
  c->wanted = options->services ? g_strdupv ((char **) options->services) : NULL;
  c->options.services = (const char * const *) c->wanted;
  c->image_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c->recreated = g_hash_table_new (g_str_hash, g_str_equal);
  g_task_set_task_data (task, c, (GDestroyNotify) compute_free);

  c->plan->services = _strata_up_order (_strata_json_object_member (c->plan->model, "services"),
                                        c->options.services, &error);
  if (c->plan->services == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  filter = g_strdup_printf ("%s=%s", STRATA_LABEL_PROJECT, c->plan->project_name);
  filters = strata_engine_filters ("label", filter, NULL);
  path = g_strdup_printf ("/containers/json?all=1&filters=%s", filters);
  c->pending = 1;  /* held until every question is asked */
  ask (task, engine, STRATA_UP_L_CONTAINERS, NULL, path);
  ask (task, engine, STRATA_UP_L_NETWORKS, NULL, "/networks");
  ask (task, engine, STRATA_UP_L_VOLUMES, NULL, "/volumes");
  ask_images (task, engine);
  one_done (task);
}

StrataUpPlan *
strata_up_plan_compute_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == strata_up_plan_compute_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
