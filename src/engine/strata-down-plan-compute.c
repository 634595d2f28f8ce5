/* strata-down-plan-compute.c: the plan of `down`, from the engine's state
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compose's rules (pkg/compose/down.go, image_pruner.go of v2.26.1): the
 * project's containers (one-off ones and orphans only with
 * --remove-orphans); the networks labelled with the project; with -v, its
 * labelled volumes; with --rmi all, the images its services use and those
 * compose built for it, with --rmi local only the latter.  Like compose,
 * only containers with its config hash label count, and without
 * --remove-orphans only those labelled oneoff=False.  On top of that,
 * Strata never touches what another container still uses, nor anything
 * without the project's labels; those are listed as kept, with the reason.
 * Networks and volumes are in strata-down-plan-resources.c, images in
 * strata-down-plan-images.c.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-down-plan-private.h"
#include "strata-engine-private.h"
#include "strata-engine-state-private.h"

static void
compute_free (StrataDownCompute *c)
{
  g_free (c->project);
  g_strfreev (c->services);
  g_strfreev (c->external_networks);
  g_strfreev (c->external_volumes);
  for (guint i = 0; i < STRATA_DOWN_N_LISTS; i++)
    g_clear_pointer (&c->lists[i], json_node_unref);
  g_clear_error (&c->error);
  g_clear_object (&c->plan);
  g_clear_pointer (&c->others, g_ptr_array_unref);
  g_free (c);
}

/* The list @which as the engine answered it (volumes come in {"Volumes": [...]}). */
JsonArray *
_strata_down_list (StrataDownCompute *c,
                   guint              which)
{
  JsonNode *node = c->lists[which];

  if (which == STRATA_DOWN_L_VOLUMES && node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      node = json_object_has_member (object, "Volumes") ? json_object_get_member (object, "Volumes") : NULL;
    }

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

const char *
_strata_down_str (JsonObject *object,
                  const char *member)
{
  return _strata_json_label (object, member);
}

const char *
_strata_down_label (JsonObject *object,
                    const char *key)
{
  return _strata_json_label (_strata_json_object_member (object, "Labels"), key);
}

char *
_strata_down_container_name (JsonObject *container)
{
  JsonArray *names = json_object_has_member (container, "Names")
                     ? json_object_get_array_member (container, "Names") : NULL;
  const char *name = names && json_array_get_length (names) > 0
                     ? json_array_get_string_element (names, 0) : _strata_down_str (container, "Id");

  return g_strdup (name[0] == '/' ? name + 1 : name);
}

gboolean
_strata_down_service_known (StrataDownCompute *c,
                            const char        *service)
{
  return c->services == NULL || g_strv_contains ((const char * const *) c->services, service);
}

/* --- containers ------------------------------------------------------------ */

static void
plan_containers (StrataDownCompute *c)
{
  JsonArray *all = _strata_down_list (c, STRATA_DOWN_L_CONTAINERS);

  for (guint i = 0; all != NULL && i < json_array_get_length (all); i++)
    {
      JsonObject *container = json_array_get_object_element (all, i);
      g_autofree char *name = _strata_down_container_name (container);
      const char *service = _strata_down_label (container, STRATA_LABEL_SERVICE);
      gboolean oneoff = g_strcmp0 (_strata_down_label (container, STRATA_LABEL_ONEOFF), "True") == 0;

      if (g_strcmp0 (_strata_down_label (container, STRATA_LABEL_PROJECT), c->project) != 0)
        g_ptr_array_add (c->others, container);
      else if (_strata_down_label (container, STRATA_LABEL_CONFIG_HASH) == NULL)
        {
          /* Compose only manages containers carrying its config hash. */
          g_ptr_array_add (c->others, container);
          _strata_down_plan_keep (c->plan, STRATA_PLAN_CONTAINER, name,
                                  _("not created by compose (no com.docker.compose.config-hash label)"));
        }
      else if (!c->remove_orphans && g_strcmp0 (_strata_down_label (container, STRATA_LABEL_ONEOFF), "False") != 0)
        {
          g_ptr_array_add (c->others, container);
          _strata_down_plan_keep (c->plan, STRATA_PLAN_CONTAINER, name,
                                  _("one-off container (docker compose run); use --remove-orphans"));
        }
      else if (!oneoff && !_strata_down_service_known (c, service) && !c->remove_orphans)
        {
          g_autofree char *why = g_strdup_printf (_("orphan: service “%s” is not in the configuration; "
                                                    "use --remove-orphans"), service ? service : "");

          g_ptr_array_add (c->others, container);
          _strata_down_plan_keep (c->plan, STRATA_PLAN_CONTAINER, name, why);
        }
      else
        _strata_down_plan_add (c->plan, STRATA_PLAN_CONTAINER, _strata_down_str (container, "Id"), name);
    }
}

/* --- async ------------------------------------------------------------------- */

static StrataDownPlan *
build_plan (StrataDownCompute *c)
{
  c->plan = _strata_down_plan_new (c->project);
  c->plan->remove_volumes = c->volumes;
  c->others = g_ptr_array_new ();
  plan_containers (c);
  _strata_down_plan_networks_and_volumes (c);
  _strata_down_plan_images (c);
  _strata_down_plan_sort (c->plan);

  return g_steal_pointer (&c->plan);
}

typedef struct
{
  GTask *task;
  guint  which;
} ListCall;

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  ListCall *call = user_data;
  g_autoptr(GTask) task = call->task;
  StrataDownCompute *c = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  c->lists[call->which] = strata_engine_request_finish (STRATA_ENGINE (object), result, &error);
  if (error != NULL && c->error == NULL)
    c->error = g_steal_pointer (&error);
  g_free (call);
  if (--c->pending > 0)
    return;
  if (c->error != NULL)
    g_task_return_error (task, g_steal_pointer (&c->error));
  else
    g_task_return_pointer (task, build_plan (c), g_object_unref);
}

static void
start_list (GTask        *task,
            StrataEngine *engine,
            guint         which,
            const char   *path)
{
  ListCall *call = g_new0 (ListCall, 1);

  call->task = g_object_ref (task);
  call->which = which;
  strata_engine_request_async (engine, "GET", path, NULL, g_task_get_cancellable (task), list_cb, call);
}

void
strata_down_plan_compute_async (StrataEngine            *engine,
                                const char              *project,
                                const StrataDownOptions *options,
                                GCancellable            *cancellable,
                                GAsyncReadyCallback      callback,
                                gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  StrataDownCompute *c;

  g_return_if_fail (STRATA_IS_ENGINE (engine));
  g_return_if_fail (project != NULL && options != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, strata_down_plan_compute_async);
  c = g_new0 (StrataDownCompute, 1);
  c->project = g_ascii_strdown (project, -1);
  c->rmi = options->rmi;
  c->volumes = options->volumes;
  c->remove_orphans = options->remove_orphans;
  c->services = options->services ? g_strdupv ((char **) options->services) : NULL;
  c->external_networks = options->external_networks ? g_strdupv ((char **) options->external_networks) : NULL;
  c->external_volumes = options->external_volumes ? g_strdupv ((char **) options->external_volumes) : NULL;
  c->pending = STRATA_DOWN_N_LISTS;
  g_task_set_task_data (task, c, (GDestroyNotify) compute_free);

  start_list (task, engine, STRATA_DOWN_L_CONTAINERS, "/containers/json?all=1");
  start_list (task, engine, STRATA_DOWN_L_NETWORKS, "/networks");
  start_list (task, engine, STRATA_DOWN_L_VOLUMES, "/volumes");
  start_list (task, engine, STRATA_DOWN_L_IMAGES, "/images/json");
}

StrataDownPlan *
strata_down_plan_compute_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == strata_down_plan_compute_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
