/* strata-up-compute.c: the plan of `up`, from the files and the engine's state
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * compose v2.26.1's convergence (pkg/compose/convergence.go): a container
 * is recreated when its config-hash label differs from its service's hash,
 * when its image changed, when forced, or when a service it depends on is
 * recreated; an up-to-date container is started if it is not running.
 * Images are pulled when missing (pull_policy missing, the default) or
 * always; built when missing, with --build, or pull_policy build.
 * Networks and volumes are created when no resource has their name;
 * external ones must exist.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "strata-staleness.h"
#include "strata-up-private.h"

static JsonObject *
services_of (StrataUpCompute *c)
{
  return _strata_json_object_member (c->plan->model, "services");
}

static gboolean
has_name (JsonNode   *list,
          const char *member,
          const char *name)
{
  JsonArray *array = NULL;

  if (list != NULL && JSON_NODE_HOLDS_OBJECT (list))
    array = _strata_json_array (json_node_get_object (list), member);
  else if (list != NULL && JSON_NODE_HOLDS_ARRAY (list))
    array = json_node_get_array (list);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (g_strcmp0 (_strata_json_string (json_array_get_object_element (array, i), "Name"), name) == 0)
      return TRUE;

  return FALSE;
}

/* --- images -------------------------------------------------------------- */

static gboolean
plan_image (StrataUpCompute     *c,
            const char  *service_name,
            GHashTable  *planned,
            GError     **error)
{
  JsonObject *service = _strata_json_object_member (services_of (c), service_name);
  g_autofree char *ref = _strata_up_service_image (c->plan->model, service_name, service);
  const char *policy = _strata_json_string (service, "pull_policy");
  gboolean present = *(const char *) g_hash_table_lookup (c->image_ids, ref) != '\0';
  gboolean build = json_object_has_member (service, "build");
  StrataUpItem *item;

  if (g_hash_table_contains (planned, ref))
    return TRUE;
  g_hash_table_add (planned, g_strdup (ref));
  if (build && !c->options.no_build && (c->options.build || !present || g_strcmp0 (policy, "build") == 0))
    item = _strata_up_plan_add (c->plan->items, STRATA_UP_ITEM_IMAGE, STRATA_UP_BUILD, ref, service_name,
                                present ? _("build requested") : _("not on the engine"));
  else if (!build && g_strcmp0 (policy, "always") == 0)
    item = _strata_up_plan_add (c->plan->items, STRATA_UP_ITEM_IMAGE, STRATA_UP_PULL, ref, service_name,
                                _("pull_policy: always"));
  else if (present)
    item = _strata_up_plan_add (c->plan->items, STRATA_UP_ITEM_IMAGE, STRATA_UP_KEEP, ref, service_name, NULL);
  else if (build)
    return g_set_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_NOT_FOUND,
                        _("Image “%s” of service “%s” is not on the engine and --no-build was given: "
                          "run strata build %s first"), ref, service_name, service_name), FALSE;
  else if (g_strcmp0 (policy, "never") == 0)
    return g_set_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_NOT_FOUND,
                        _("Image “%s” of service “%s” is not on the engine and its pull_policy is never: "
                          "pull, load or build it first"), ref, service_name), FALSE;
  else
    item = _strata_up_plan_add (c->plan->items, STRATA_UP_ITEM_IMAGE, STRATA_UP_PULL, ref, service_name,
                                _("not on the engine"));
  item->id = g_strdup (g_hash_table_lookup (c->image_ids, ref));

  return TRUE;
}

/* --- networks and volumes -------------------------------------------------- */

static gboolean
plan_resources (StrataUpCompute           *c,
                const char        *section,
                StrataUpItemKind   kind,
                GError           **error)
{
  JsonObject *resources = _strata_json_object_member (c->plan->model, section);
  g_autoptr(GList) keys = resources ? json_object_get_members (resources) : NULL;
  JsonNode *list = c->lists[kind == STRATA_UP_ITEM_NETWORK ? STRATA_UP_L_NETWORKS : STRATA_UP_L_VOLUMES];

  for (GList *l = keys; l != NULL; l = l->next)
    {
      JsonObject *resource = _strata_json_object_member (resources, l->data);
      const char *name = _strata_up_resource_name (c->plan->model, section, l->data);
      gboolean exists = has_name (list, "Volumes", name);
      StrataUpItem *item;

      if (_strata_json_bool (resource, "external") && !exists)
        return g_set_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_NOT_FOUND,
                            kind == STRATA_UP_ITEM_NETWORK
                            ? _("network %s declared as external, but could not be found: create it with docker network create %s")
                            : _("external volume “%s” not found: create it with docker volume create %s"),
                            name, name), FALSE;
      item = _strata_up_plan_add (c->plan->items, kind, exists ? STRATA_UP_KEEP : STRATA_UP_CREATE,
                                  name, NULL, exists ? NULL : _("not on the engine"));
      item->id = g_strdup (l->data);  /* the key, for the labels */
    }

  return TRUE;
}

/* --- containers --------------------------------------------------------------- */

static const char *
label (JsonObject *container,
       const char *key)
{
  return _strata_json_label (_strata_json_object_member (container, "Labels"), key);
}

static char *
container_name (JsonObject *container)
{
  JsonArray *names = _strata_json_array (container, "Names");
  const char *name = names && json_array_get_length (names) ? json_array_get_string_element (names, 0) : "";

  return g_strdup (name[0] == '/' ? name + 1 : name);
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  return atoi (label (*(JsonObject **) a, STRATA_LABEL_CONTAINER_NUMBER) ?: "0")
         - atoi (label (*(JsonObject **) b, STRATA_LABEL_CONTAINER_NUMBER) ?: "0");
}

static GPtrArray *
containers_of (StrataUpCompute    *c,
               const char *service)
{
  JsonArray *all = json_node_get_array (c->lists[STRATA_UP_L_CONTAINERS]);
  GPtrArray *mine = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      JsonObject *container = json_array_get_object_element (all, i);

      if (g_strcmp0 (label (container, STRATA_LABEL_SERVICE), service) == 0
          && g_strcmp0 (label (container, STRATA_LABEL_ONEOFF), "True") != 0)
        g_ptr_array_add (mine, container);
    }
  g_ptr_array_sort (mine, compare_numbers);

  return mine;
}

/* Why @container must be replaced, or NULL. */
static const char *
recreate_reason (StrataUpCompute    *c,
                 const char *service_name,
                 JsonObject *container)
{
  JsonObject *service = _strata_json_object_member (services_of (c), service_name);
  JsonObject *deps = _strata_json_object_member (service, "depends_on");
  g_autoptr(GList) keys = deps ? json_object_get_members (deps) : NULL;
  g_autofree char *ref = _strata_up_service_image (c->plan->model, service_name, service);
  const char *image_id = g_hash_table_lookup (c->image_ids, ref);

  if (c->options.force_recreate)
    return _("--force-recreate");
  if (g_strcmp0 (label (container, STRATA_LABEL_CONFIG_HASH),
                 strata_project_get_service_hash (c->plan->project, service_name)) != 0)
    return _("configuration changed");
  if (image_id != NULL && *image_id != '\0' && g_strcmp0 (label (container, STRATA_LABEL_IMAGE), image_id) != 0)
    return _("image changed");
  for (GList *l = keys; l != NULL; l = l->next)
    if (g_hash_table_contains (c->recreated, l->data))
      return _("a service it depends on is recreated");

  return NULL;
}

static void
plan_service_containers (StrataUpCompute    *c,
                         const char *service_name)
{
  JsonObject *service = _strata_json_object_member (services_of (c), service_name);
  g_autoptr(GPtrArray) existing = containers_of (c, service_name);
  guint scale = _strata_up_service_scale (service);
  guint next = 1;

  for (guint i = 0; i < existing->len; i++)
    {
      JsonObject *container = existing->pdata[i];
      g_autofree char *name = container_name (container);
      const char *why = recreate_reason (c, service_name, container);
      gboolean running = g_strcmp0 (_strata_json_string (container, "State"), "running") == 0;
      StrataUpAction action = i >= scale ? STRATA_UP_REMOVE
                              : why != NULL ? STRATA_UP_RECREATE
                              : running ? STRATA_UP_KEEP : STRATA_UP_START;
      StrataUpItem *item = _strata_up_plan_add (c->plan->items, STRATA_UP_ITEM_CONTAINER, action, name,
                                                service_name, i >= scale ? _("more containers than scale") : why);

      item->id = g_strdup (_strata_json_string (container, "Id"));
      item->number = atoi (label (container, STRATA_LABEL_CONTAINER_NUMBER) ?: "0");
      next = MAX (next, item->number + 1);
      if (action == STRATA_UP_RECREATE)
        g_hash_table_add (c->recreated, (gpointer) g_intern_string (service_name));
    }
  for (guint i = existing->len; i < scale; i++, next++)
    {
      g_autofree char *name = _strata_up_container_name (c->plan->project_name, service_name, service, next);
      StrataUpItem *item = _strata_up_plan_add (c->plan->items, STRATA_UP_ITEM_CONTAINER, STRATA_UP_CREATE,
                                                name, service_name, _("no container yet"));

      item->number = next;
    }
}

static void
plan_orphans (StrataUpCompute *c)
{
  JsonArray *all = json_node_get_array (c->lists[STRATA_UP_L_CONTAINERS]);

  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      JsonObject *container = json_array_get_object_element (all, i);
      const char *service = label (container, STRATA_LABEL_SERVICE);
      g_autofree char *name = NULL;
      StrataUpItem *item;

      if (g_strcmp0 (label (container, STRATA_LABEL_ONEOFF), "True") == 0
          || json_object_has_member (services_of (c), service ? service : ""))
        continue;
      name = container_name (container);
      item = _strata_up_plan_add (c->plan->orphans, STRATA_UP_ITEM_CONTAINER,
                                  c->options.remove_orphans ? STRATA_UP_REMOVE : STRATA_UP_KEEP, name, service,
                                  c->options.remove_orphans ? _("orphan: its service is not in the files")
                                                            : _("orphan: its service is not in the files; use --remove-orphans"));
      item->id = g_strdup (_strata_json_string (container, "Id"));
    }
}

gboolean
_strata_up_compute_build (StrataUpCompute  *c,
                          GError          **error)
{
  g_autoptr(GHashTable) images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonNode *containers = c->lists[STRATA_UP_L_CONTAINERS];

  if (!JSON_NODE_HOLDS_ARRAY (containers))
    return g_set_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_PROTOCOL,
                        _("Docker's list of containers is not a list")), FALSE;
  c->plan->containers = json_array_ref (json_node_get_array (containers));
  for (guint i = 0; c->plan->services[i] != NULL; i++)
    if (!plan_image (c, c->plan->services[i], images, error))
      return FALSE;
  if (!plan_resources (c, "networks", STRATA_UP_ITEM_NETWORK, error)
      || !plan_resources (c, "volumes", STRATA_UP_ITEM_VOLUME, error))
    return FALSE;
  for (guint i = 0; c->plan->services[i] != NULL; i++)
    plan_service_containers (c, c->plan->services[i]);
  plan_orphans (c);

  return TRUE;
}
