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
 * One step at a time: each step ends by running the next.
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
  return g_task_get_cancellable (run->task);
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

/* Runs the next step; the task (and the run with it) ends after the last. */
void
_strata_up_run_next (StrataUpRun *run)
{
  g_autofree Step *s = g_queue_pop_head (&run->steps);
  GTask *task = run->task;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  if (s == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  s->step (run, s->data);
}

void
_strata_up_run_fail (StrataUpRun *run,
                     GError      *error)
{
  GTask *task = run->task;

  if (run->name != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _strata_up_plan_progress (run->plan, run->kind, run->name, STRATA_PLAN_STEP_FAILED, error->message);
  g_task_return_error (task, error);
  g_object_unref (task);
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
  StrataUpRun  *run;
  StrataUpThen  then;
  gpointer      data;
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
    _strata_up_run_fail (call->run, g_steal_pointer (&error));
  else if (call->then != NULL)
    call->then (call->run, answer, call->data);
  else
    _strata_up_run_next (call->run);
}

/* A request whose failure fails the run; on success, @then (or the next step). */
void
_strata_up_run_call (StrataUpRun  *run,
                     const char   *method,
                     const char   *path,
                     JsonNode     *body,
                     StrataUpThen  then,
                     gpointer      data)
{
  Call *call = g_new0 (Call, 1);

  call->run = run;
  call->then = then;
  call->data = data;
  strata_engine_request_async (run->engine, method, path, body, _strata_up_run_cancellable (run),
                               call_cb, call);
}

/* --- networks and volumes ------------------------------------------------- */

static void
created_cb (StrataUpRun *run,
            JsonNode    *answer,
            gpointer     data)
{
  _strata_up_run_done (run, _("Created"));
  _strata_up_run_next (run);
}

static void
add_labels (JsonBuilder *b,
            JsonObject  *resource,
            const char  *project,
            const char  *key_label,
            const char  *key)
{
  JsonObject *labels = _strata_json_object_member (resource, "labels");
  g_autoptr(GList) keys = labels ? json_object_get_members (labels) : NULL;

  json_builder_set_member_name (b, "Labels");
  json_builder_begin_object (b);
  for (GList *l = keys; l != NULL; l = l->next)
    _strata_up_put_string (b, l->data, _strata_json_string (labels, l->data) ?: "");
  _strata_up_put_string (b, key_label, key);
  _strata_up_put_string (b, STRATA_LABEL_PROJECT, project);
  _strata_up_put_string (b, STRATA_LABEL_VERSION, STRATA_COMPOSE_VERSION);
  json_builder_end_object (b);
}

static void
add_ipam (JsonBuilder *b,
          JsonObject  *network)
{
  JsonObject *ipam = _strata_json_object_member (network, "ipam");
  JsonArray *config = _strata_json_array (ipam, "config");

  if (_strata_json_string (ipam, "driver") == NULL && config == NULL)
    return;
  json_builder_set_member_name (b, "IPAM");
  json_builder_begin_object (b);
  _strata_up_put_string (b, "Driver", _strata_json_string (ipam, "driver"));
  json_builder_set_member_name (b, "Config");
  json_builder_begin_array (b);
  for (guint i = 0; config != NULL && i < json_array_get_length (config); i++)
    {
      JsonObject *pool = json_array_get_object_element (config, i);

      json_builder_begin_object (b);
      _strata_up_put_string (b, "Subnet", _strata_json_string (pool, "subnet"));
      _strata_up_put_string (b, "IPRange", _strata_json_string (pool, "ip_range"));
      _strata_up_put_string (b, "Gateway", _strata_json_string (pool, "gateway"));
      _strata_up_put_map (b, "AuxiliaryAddresses", _strata_json_object_member (pool, "aux_addresses"));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

void
_strata_up_network_step (StrataUpRun *run,
              gpointer     data)
{
  StrataUpItem *item = data;
  JsonObject *network = _strata_json_object_member (_strata_json_object_member (run->plan->model, "networks"), item->id);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (b);
  _strata_up_put_string (b, "Name", item->name);
  json_builder_set_member_name (b, "CheckDuplicate");
  json_builder_add_boolean_value (b, TRUE);
  _strata_up_put_string (b, "Driver", _strata_json_string (network, "driver"));
  _strata_up_put_map (b, "Options", _strata_json_object_member (network, "driver_opts"));
  json_builder_set_member_name (b, "Internal");
  json_builder_add_boolean_value (b, _strata_json_bool (network, "internal"));
  json_builder_set_member_name (b, "Attachable");
  json_builder_add_boolean_value (b, _strata_json_bool (network, "attachable"));
  json_builder_set_member_name (b, "EnableIPv6");
  json_builder_add_boolean_value (b, _strata_json_bool (network, "enable_ipv6"));
  add_ipam (b, network);
  add_labels (b, network, run->plan->project_name, STRATA_LABEL_NETWORK, item->id);
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  _strata_up_run_working (run, STRATA_UP_ITEM_NETWORK, item->name, _("Creating"));
  _strata_up_run_call (run, "POST", "/networks/create", body, created_cb, NULL);
}

void
_strata_up_volume_step (StrataUpRun *run,
             gpointer     data)
{
  StrataUpItem *item = data;
  JsonObject *volume = _strata_json_object_member (_strata_json_object_member (run->plan->model, "volumes"), item->id);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (b);
  _strata_up_put_string (b, "Name", item->name);
  _strata_up_put_string (b, "Driver", _strata_json_string (volume, "driver"));
  _strata_up_put_map (b, "DriverOpts", _strata_json_object_member (volume, "driver_opts"));
  add_labels (b, volume, run->plan->project_name, STRATA_LABEL_VOLUME, item->id);
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  _strata_up_run_working (run, STRATA_UP_ITEM_VOLUME, item->name, _("Creating"));
  _strata_up_run_call (run, "POST", "/volumes/create", body, created_cb, NULL);
}
