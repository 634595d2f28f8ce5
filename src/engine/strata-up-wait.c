/* strata-up-wait.c: waiting for what a service depends on
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before a service starts, compose waits for its dependencies' conditions:
 * service_healthy (the health check passes; unhealthy or exited is a
 * failure) and service_completed_successfully (exited with 0).
 * service_started needs nothing: the order already saw to it.  Like
 * compose (waitDependencies), each container is inspected every 500 ms.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-up-private.h"

#define WAIT_INTERVAL_MS 500

typedef struct
{
  char *name;       /* container */
  char *dep;        /* its service */
  char *condition;
  gboolean required;
} Check;

typedef struct
{
  StrataUpRun *run;
  GPtrArray   *checks;
  guint        index;
  gboolean     announced;
} Wait;

static void
check_free (Check *check)
{
  g_free (check->name);
  g_free (check->dep);
  g_free (check->condition);
  g_free (check);
}

static void
wait_free (Wait *wait)
{
  g_ptr_array_unref (wait->checks);
  g_free (wait);
}

static void check_next (Wait *wait);

static gboolean
retry_cb (gpointer data)
{
  check_next (data);

  return G_SOURCE_REMOVE;
}

/* TRUE: satisfied; FALSE with *error unset: not yet. */
static gboolean
satisfied (Check       *check,
           JsonObject  *inspect,
           GError     **error)
{
  JsonObject *state = _strata_json_object_member (inspect, "State");
  JsonObject *health = _strata_json_object_member (state, "Health");
  const char *status = _strata_json_string (state, "Status");
  gint64 code = _strata_json_int (state, "ExitCode", 0);

  if (g_str_equal (check->condition, "service_completed_successfully"))
    {
      if (g_strcmp0 (status, "exited") != 0)
        return FALSE;
      if (code == 0)
        return TRUE;
      return g_set_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_DAEMON,
                          _("service “%s” didn't complete successfully: exit %" G_GINT64_FORMAT
                            "; see strata logs %s"), check->dep, code, check->dep), FALSE;
    }
  if (g_strcmp0 (status, "exited") == 0)
    return g_set_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_DAEMON,
                        _("dependency failed to start: container %s exited (%" G_GINT64_FORMAT
                          "); see strata logs %s"), check->name, code, check->dep), FALSE;
  if (health == NULL)
    return g_set_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_DAEMON,
                        _("dependency failed to start: container %s has no healthcheck configured; "
                          "add one to service “%s” or depend on service_started"), check->name, check->dep), FALSE;
  if (g_strcmp0 (_strata_json_string (health, "Status"), "unhealthy") == 0)
    return g_set_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_DAEMON,
                        _("dependency failed to start: container %s is unhealthy"), check->name), FALSE;

  return g_strcmp0 (_strata_json_string (health, "Status"), "healthy") == 0;
}

static void
inspect_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;
  StrataUpRun *run = wait->run;
  Check *check = wait->checks->pdata[wait->index];
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = strata_engine_request_finish (STRATA_ENGINE (object), result, &error);

  if (answer != NULL && satisfied (check, json_node_get_object (answer), &error))
    {
      _strata_up_run_done (run, g_str_equal (check->condition, "service_healthy") ? _("Healthy") : _("Exited"));
      wait->index++;
      wait->announced = FALSE;
      check_next (wait);
    }
  else if (error != NULL && !check->required && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      _strata_up_run_done (run, _("Skipped: optional dependency"));
      wait->index++;
      check_next (wait);
    }
  else if (error != NULL)
    {
      wait_free (wait);
      _strata_up_run_fail (run, g_steal_pointer (&error));
    }
  else
    g_timeout_add (WAIT_INTERVAL_MS, retry_cb, wait);
}

static void
check_next (Wait *wait)
{
  StrataUpRun *run = wait->run;
  Check *check;
  g_autofree char *path = NULL;

  if (g_cancellable_is_cancelled (_strata_up_run_cancellable (run)) || wait->index >= wait->checks->len)
    {
      wait_free (wait);
      _strata_up_run_next (run);
      return;
    }
  check = wait->checks->pdata[wait->index];
  if (!wait->announced)
    _strata_up_run_working (run, STRATA_UP_ITEM_CONTAINER, check->name, _("Waiting"));
  wait->announced = TRUE;
  path = g_strdup_printf ("/containers/%s/json", (char *) g_hash_table_lookup (run->container_ids, check->name));
  strata_engine_request_async (run->engine, "GET", path, NULL, _strata_up_run_cancellable (run), inspect_cb, wait);
}

static void
add_checks (StrataUpRun *run,
            Wait        *wait,
            const char  *dep,
            JsonObject  *config)
{
  const char *condition = _strata_json_string (config, "condition");

  if (condition == NULL || g_str_equal (condition, "service_started")
      || !g_strv_contains ((const char * const *) run->plan->services, dep))
    return;
  for (guint i = 0; i < run->plan->items->len; i++)
    {
      StrataUpItem *item = run->plan->items->pdata[i];
      Check *check;

      if (item->kind != STRATA_UP_ITEM_CONTAINER || item->action == STRATA_UP_REMOVE
          || g_strcmp0 (item->service, dep) != 0)
        continue;
      check = g_new0 (Check, 1);
      check->name = g_strdup (item->name);
      check->dep = g_strdup (dep);
      check->condition = g_strdup (condition);
      check->required = !json_object_has_member (config, "required") || _strata_json_bool (config, "required");
      g_ptr_array_add (wait->checks, check);
    }
}

void
_strata_up_wait_step (StrataUpRun *run,
                      gpointer     service)
{
  JsonObject *config = _strata_json_object_member (_strata_json_object_member (run->plan->model, "services"), service);
  JsonObject *deps = _strata_json_object_member (config, "depends_on");
  g_autoptr(GList) keys = deps ? json_object_get_members (deps) : NULL;
  Wait *wait = g_new0 (Wait, 1);

  wait->run = run;
  wait->checks = g_ptr_array_new_with_free_func ((GDestroyNotify) check_free);
  for (GList *l = keys; l != NULL; l = l->next)
    add_checks (run, wait, l->data, _strata_json_object_member (deps, l->data));
  check_next (wait);
}
