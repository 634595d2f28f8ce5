/* strata-engine-monitor-apply.c: what one event changes in the model
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A container event updates its container from the event's attributes
 * (inspecting it when they do not say enough), a created network or volume
 * is inspected for its labels, a destroyed one leaves its project.  No
 * listing is repeated: only the resource an event names is looked at.
 */

#include "config.h"

#include "strata-engine-monitor-private.h"
#include "strata-engine-private.h"

/* --- resources ---------------------------------------------------------- */

void
_strata_engine_monitor_add_resource (StrataEngineMonitor *self,
                                     StrataResourceKind   kind,
                                     JsonObject          *object)
{
  JsonObject *labels = _strata_json_object_member (object, "Labels");
  const char *project_name = _strata_json_label (labels, STRATA_LABEL_PROJECT);
  const char *name = json_object_get_string_member_with_default (object, "Name", NULL);
  const char *id = kind == STRATA_RESOURCE_NETWORK
                   ? json_object_get_string_member_with_default (object, "Id", NULL) : name;
  const char *key = _strata_json_label (labels, kind == STRATA_RESOURCE_NETWORK
                                                ? STRATA_LABEL_NETWORK : STRATA_LABEL_VOLUME);
  StrataEngineProject *project;
  g_autoptr(StrataResource) resource = NULL;
  GListModel *model;

  if (project_name == NULL || id == NULL)
    return;
  project = _strata_engine_monitor_ensure_project (self, project_name);
  model = kind == STRATA_RESOURCE_NETWORK ? strata_engine_project_get_networks (project)
                                          : strata_engine_project_get_volumes (project);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(StrataResource) known = g_list_model_get_item (model, i);

      if (g_strcmp0 (strata_resource_get_id (known), id) == 0)
        return;
    }
  resource = strata_resource_new (kind, id, name, project_name, key);
  _strata_engine_project_add_resource (project, resource);
}

void
_strata_engine_monitor_remove_resource (StrataEngineMonitor *self,
                                        StrataResourceKind   kind,
                                        const char          *id)
{
  GListModel *projects = G_LIST_MODEL (self->projects);

  for (guint i = g_list_model_get_n_items (projects); i > 0; i--)
    {
      g_autoptr(StrataEngineProject) project = g_list_model_get_item (projects, i - 1);

      if (_strata_engine_project_remove_resource (project, kind, id))
        _strata_engine_monitor_drop_if_empty (self, project);
    }
}

typedef struct
{
  StrataEngineMonitor *self;
  StrataResourceKind   kind;
} InspectCall;

static void
resource_inspected_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  InspectCall *call = user_data;
  g_autoptr(JsonNode) node = strata_engine_request_finish (STRATA_ENGINE (object), result, NULL);

  /* Gone again already, or cancelled: nothing to add. */
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node)
      && !g_cancellable_is_cancelled (call->self->cancellable))
    _strata_engine_monitor_add_resource (call->self, call->kind, json_node_get_object (node));
  g_object_unref (call->self);
  g_free (call);
}

static void
inspect_resource (StrataEngineMonitor *self,
                  StrataResourceKind   kind,
                  const char          *id)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);
  g_autofree char *path = g_strconcat (kind == STRATA_RESOURCE_NETWORK ? "/networks/" : "/volumes/",
                                       escaped, NULL);
  InspectCall *call = g_new0 (InspectCall, 1);

  call->self = g_object_ref (self);
  call->kind = kind;
  strata_engine_request_async (self->engine, "GET", path, NULL, self->cancellable,
                               resource_inspected_cb, call);
}

/* --- containers ------------------------------------------------------------ */

static StrataContainer *
find_container (StrataEngineMonitor  *self,
                const char           *id,
                StrataEngineProject **out_project)
{
  GListModel *projects = G_LIST_MODEL (self->projects);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(StrataEngineProject) project = g_list_model_get_item (projects, i);
      StrataContainer *container = strata_engine_project_find_container (project, id);

      if (container != NULL)
        {
          *out_project = project;
          return container;
        }
    }

  return NULL;
}

static void
remove_container (StrataEngineMonitor *self,
                  const char          *id)
{
  StrataEngineProject *project = NULL;

  if (find_container (self, id, &project) == NULL)
    return;
  _strata_engine_project_remove_container (project, id);
  _strata_engine_monitor_drop_if_empty (self, project);
}

static void inspect_container (StrataEngineMonitor *self,
                               const char          *id);

typedef struct
{
  StrataEngineMonitor *self;
  char                *id;
} ContainerCall;

static void
container_inspected_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  ContainerCall *call = user_data;
  StrataEngineMonitor *self = call->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = strata_engine_request_finish (STRATA_ENGINE (object), result, &error);
  StrataEngineProject *project = NULL;
  StrataContainer *container;
  gboolean dirty;

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      dirty = GPOINTER_TO_INT (g_hash_table_lookup (self->inspecting, call->id));
      g_hash_table_remove (self->inspecting, call->id);
      if (g_error_matches (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_NOT_FOUND))
        remove_container (self, call->id);  /* removed behind our back */
      else if (node != NULL && (container = find_container (self, call->id, &project)) != NULL)
        {
          _strata_container_update_from_inspect (container, json_node_get_object (node));
          _strata_engine_project_sync_images (project);
        }
      if (dirty)
        inspect_container (self, call->id);
    }
  g_object_unref (call->self);
  g_free (call->id);
  g_free (call);
}

/* One inspect in flight per container; events meanwhile ask for one more. */
static void
inspect_container (StrataEngineMonitor *self,
                   const char          *id)
{
  g_autofree char *path = NULL;
  ContainerCall *call;

  if (g_hash_table_contains (self->inspecting, id))
    {
      g_hash_table_insert (self->inspecting, g_strdup (id), GINT_TO_POINTER (TRUE));
      return;
    }
  g_hash_table_insert (self->inspecting, g_strdup (id), GINT_TO_POINTER (FALSE));
  path = g_strdup_printf ("/containers/%s/json", id);
  call = g_new0 (ContainerCall, 1);
  call->self = g_object_ref (self);
  call->id = g_strdup (id);
  strata_engine_request_async (self->engine, "GET", path, NULL, self->cancellable,
                               container_inspected_cb, call);
}

static gboolean
ignored_container_action (const char *action)
{
  return g_str_has_prefix (action, "exec_") || g_str_equal (action, "attach")
         || g_str_equal (action, "resize") || g_str_equal (action, "top")
         || g_str_equal (action, "archive-path") || g_str_equal (action, "extract-to-dir")
         || g_str_equal (action, "export") || g_str_equal (action, "commit")
         || g_str_equal (action, "copy");
}

static void
handle_container_event (StrataEngineMonitor *self,
                        const char          *action,
                        const char          *id,
                        JsonObject          *attributes)
{
  const char *project_name = _strata_json_label (attributes, STRATA_LABEL_PROJECT);
  StrataEngineProject *project = NULL;
  StrataContainer *container;
  gboolean inspect;

  if (g_str_equal (action, "destroy"))
    {
      g_hash_table_remove (self->inspecting, id);
      remove_container (self, id);
      return;
    }
  if (project_name == NULL || ignored_container_action (action))
    return;

  container = find_container (self, id, &project);
  if (container == NULL)
    {
      g_autoptr(StrataContainer) created = _strata_container_new (id);

      project = _strata_engine_monitor_ensure_project (self, project_name);
      _strata_engine_project_set_origin (project, attributes);
      _strata_container_set_image (created, _strata_json_label (attributes, "image"), NULL);
      _strata_container_apply_event (created, action, attributes);
      _strata_engine_project_add_container (project, created);
      inspect_container (self, id);
      return;
    }
  inspect = _strata_container_apply_event (container, action, attributes);
  if (inspect)
    inspect_container (self, id);
}

/* --- dispatch --------------------------------------------------------------- */

void
_strata_engine_monitor_handle_event (StrataEngineMonitor *self,
                                     JsonNode            *event)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (event) ? json_node_get_object (event) : NULL;
  JsonObject *actor = _strata_json_object_member (object, "Actor");
  JsonObject *attributes = _strata_json_object_member (actor, "Attributes");
  const char *type = object ? json_object_get_string_member_with_default (object, "Type", "") : "";
  const char *action = object ? json_object_get_string_member_with_default (object, "Action", "") : "";
  const char *id = actor ? json_object_get_string_member_with_default (actor, "ID", NULL) : NULL;

  if (id == NULL)
    return;
  if (g_str_equal (type, "container"))
    handle_container_event (self, action, id, attributes);
  else if (g_str_equal (type, "network") && g_str_equal (action, "create"))
    inspect_resource (self, STRATA_RESOURCE_NETWORK, id);
  else if (g_str_equal (type, "network") && g_str_equal (action, "destroy"))
    _strata_engine_monitor_remove_resource (self, STRATA_RESOURCE_NETWORK, id);
  else if (g_str_equal (type, "volume") && g_str_equal (action, "create"))
    inspect_resource (self, STRATA_RESOURCE_VOLUME, id);
  else if (g_str_equal (type, "volume") && g_str_equal (action, "destroy"))
    _strata_engine_monitor_remove_resource (self, STRATA_RESOURCE_VOLUME, id);
  else if (g_str_equal (type, "image") && g_str_equal (action, "delete"))
    _strata_engine_monitor_remove_resource (self, STRATA_RESOURCE_IMAGE, id);
}
