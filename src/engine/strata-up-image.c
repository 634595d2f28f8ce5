/* strata-up-image.c: pulling and building the services' images
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * POST /images/create?fromImage=REF pulls; POST /build with a tar of the
 * context (strata-up-tar.c) builds with the classic builder and tags the
 * result with the service's image.  Each progress message is passed on as
 * the image's progress.  Once done, the id of every service's image is
 * read again: it goes into the com.docker.compose.image label.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-up-private.h"

static void
on_progress (JsonObject *message,
             gpointer    user_data)
{
  StrataUpRun *run = user_data;
  const char *text = _strata_json_string (message, "status");
  const char *stream = _strata_json_string (message, "stream");
  g_autofree char *line = NULL;

  if (text == NULL && stream != NULL)
    text = line = g_strstrip (g_strdup (stream));
  if (text != NULL && *text != '\0' && _strata_json_string (message, "error") == NULL)
    _strata_up_plan_progress (run->plan, STRATA_UP_ITEM_IMAGE, run->name, STRATA_PLAN_STEP_WORKING, text);
}

static void
image_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  StrataUpRun *run = user_data;
  StrataUpItem *item = run->item;
  g_autoptr(GError) error = NULL;

  if (_strata_engine_progress_finish (STRATA_ENGINE (object), result, &error))
    {
      _strata_up_run_done (run, item && item->action == STRATA_UP_BUILD ? _("Built") : _("Pulled"));
      _strata_up_run_next (run);
      return;
    }
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GError *wrapped = g_error_new (STRATA_ENGINE_ERROR, error->domain == STRATA_ENGINE_ERROR ? error->code
                                                                          : STRATA_ENGINE_ERROR_DAEMON,
                                     item && item->action == STRATA_UP_BUILD
                                     ? _("Could not build image “%s” for service “%s”: %s")
                                     : _("Could not pull image “%s” for service “%s”: %s. Check the name "
                                         "and your network, or set pull_policy: never and load the image"),
                                     item ? item->name : run->name, item ? item->service : "", error->message);
      _strata_up_run_fail (run, wrapped);
      return;
    }
  _strata_up_run_fail (run, g_steal_pointer (&error));
}

void
_strata_up_pull_step (StrataUpRun *run,
                      gpointer     data)
{
  StrataUpItem *item = data;
  g_autofree char *escaped = g_uri_escape_string (item->name, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/images/create?fromImage=%s", escaped);

  _strata_up_run_working (run, STRATA_UP_ITEM_IMAGE, item->name, _("Pulling"));
  run->item = item;
  _strata_engine_progress_async (run->engine, path, NULL, NULL, on_progress, run,
                                 _strata_up_run_cancellable (run), image_done_cb, run);
}

/* A JSON object of the strings of @map ("{}" when there is none). */
static char *
json_map (JsonObject *map)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  if (map != NULL)
    {
      g_autoptr(GList) keys = json_object_get_members (map);

      for (GList *l = keys; l != NULL; l = l->next)
        _strata_up_put_string (b, l->data, _strata_json_string (map, l->data) ?: "");
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);

  return json_to_string (root, FALSE);
}

static char *
build_path (StrataUpRun  *run,
            StrataUpItem *item,
            JsonObject   *build)
{
  g_autoptr(GString) path = g_string_new ("/build?rm=1&forcerm=1");
  g_autofree char *args = json_map (_strata_json_object_member (build, "args"));
  g_autoptr(JsonObject) labels = json_object_new ();
  g_autofree char *labels_json = NULL;
  JsonObject *own = _strata_json_object_member (build, "labels");
  g_autoptr(GList) keys = own ? json_object_get_members (own) : NULL;

  for (GList *l = keys; l != NULL; l = l->next)
    json_object_set_string_member (labels, l->data, _strata_json_string (own, l->data) ?: "");
  json_object_set_string_member (labels, STRATA_LABEL_PROJECT, run->plan->project_name);
  json_object_set_string_member (labels, STRATA_LABEL_SERVICE, item->service);
  json_object_set_string_member (labels, STRATA_LABEL_VERSION, STRATA_COMPOSE_VERSION);
  labels_json = json_map (labels);
  g_string_append (path, "&t=");
  g_string_append_uri_escaped (path, item->name, NULL, FALSE);
  g_string_append (path, "&dockerfile=");
  g_string_append_uri_escaped (path, _strata_json_string (build, "dockerfile") ?: "Dockerfile", NULL, FALSE);
  g_string_append (path, "&buildargs=");
  g_string_append_uri_escaped (path, args, NULL, FALSE);
  g_string_append (path, "&labels=");
  g_string_append_uri_escaped (path, labels_json, NULL, FALSE);
  if (_strata_json_string (build, "target") != NULL)
    {
      g_string_append (path, "&target=");
      g_string_append_uri_escaped (path, _strata_json_string (build, "target"), NULL, FALSE);
    }

  return g_strdup (path->str);
}

void
_strata_up_build_step (StrataUpRun *run,
                       gpointer     data)
{
  StrataUpItem *item = data;
  JsonObject *service = _strata_json_object_member (_strata_json_object_member (run->plan->model, "services"),
                                                    item->service);
  JsonObject *build = _strata_json_object_member (service, "build");
  const char *context = _strata_json_string (build, "context");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) tar = NULL;
  g_autofree char *path = NULL;

  _strata_up_run_working (run, STRATA_UP_ITEM_IMAGE, item->name, _("Building"));
  run->item = item;
  tar = _strata_build_context_tar (context ? context : ".", _strata_json_string (build, "dockerfile"), &error);
  if (tar == NULL)
    {
      _strata_up_run_fail (run, g_steal_pointer (&error));
      return;
    }
  path = build_path (run, item, build);
  _strata_engine_progress_async (run->engine, path, "application/x-tar", tar, on_progress, run,
                                 _strata_up_run_cancellable (run), image_done_cb, run);
}

/* --- the images' ids ------------------------------------------------------------ */

typedef struct
{
  StrataUpRun *run;
  GPtrArray   *refs;
  guint        index;
} Ids;

static void ids_next (Ids *ids);

static void
id_cb (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  Ids *ids = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = strata_engine_request_finish (STRATA_ENGINE (object), result, &error);
  const char *ref = ids->refs->pdata[ids->index];

  if (answer == NULL)
    {
      StrataUpRun *run = ids->run;

      g_ptr_array_unref (ids->refs);
      g_free (ids);
      g_prefix_error (&error, _("Image “%s” is not on the engine: "), ref);
      _strata_up_run_fail (run, g_steal_pointer (&error));
      return;
    }
  g_hash_table_replace (ids->run->image_ids, g_strdup (ref),
                        g_strdup (_strata_json_string (json_node_get_object (answer), "Id")));
  ids->index++;
  ids_next (ids);
}

static void
ids_next (Ids *ids)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  if (ids->index >= ids->refs->len)
    {
      StrataUpRun *run = ids->run;

      g_ptr_array_unref (ids->refs);
      g_free (ids);
      _strata_up_run_next (run);
      return;
    }
  escaped = g_uri_escape_string (ids->refs->pdata[ids->index], "/:@", FALSE);
  path = g_strdup_printf ("/images/%s/json", escaped);
  strata_engine_request_async (ids->run->engine, "GET", path, NULL, _strata_up_run_cancellable (ids->run),
                               id_cb, ids);
}

void
_strata_up_image_ids_step (StrataUpRun *run,
                           gpointer     data)
{
  Ids *ids = g_new0 (Ids, 1);

  ids->run = run;
  ids->refs = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < run->plan->items->len; i++)
    {
      StrataUpItem *item = run->plan->items->pdata[i];

      if (item->kind == STRATA_UP_ITEM_IMAGE)
        g_ptr_array_add (ids->refs, g_strdup (item->name));
    }
  ids_next (ids);
}
