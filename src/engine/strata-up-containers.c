/* strata-up-containers.c: creating, replacing, removing and starting containers
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * compose v2.26.1's recreateContainer: the new container is created under
 * a temporary name (ID12_NAME) inheriting the old one's anonymous volumes,
 * the old one is stopped and removed, then the new one takes the name.
 * Networks beyond the first are connected after creation (API < 1.44).
 * Starting is in strata-up-start.c.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-staleness.h"
#include "strata-up-private.h"

typedef struct
{
  StrataUpItem *item;
  char         *id;        /* the new container */
  GStrv         networks;  /* still to connect */
  guint         next_network;
} Create;

static void
create_free (Create *create)
{
  g_free (create->id);
  g_strfreev (create->networks);
  g_free (create);
}

static JsonObject *
service_of (StrataUpRun *run,
            const char  *name)
{
  return _strata_json_object_member (_strata_json_object_member (run->plan->model, "services"), name);
}

static JsonArray *
old_mounts (StrataUpRun *run,
            const char  *id)
{
  for (guint i = 0; id != NULL && i < json_array_get_length (run->plan->containers); i++)
    {
      JsonObject *container = json_array_get_object_element (run->plan->containers, i);

      if (g_strcmp0 (_strata_json_string (container, "Id"), id) == 0)
        return _strata_json_array (container, "Mounts");
    }

  return NULL;
}

/* links: "svc" or "svc:alias"; each container of svc as compose's getLinks. */
static GPtrArray *
links_of (StrataUpRun *run,
          JsonObject  *service,
          guint        number)
{
  JsonArray *links = _strata_json_array (service, "links");
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
    {
      g_auto(GStrv) parts = g_strsplit (json_array_get_string_element (links, i), ":", 2);
      const char *alias = parts[1] ? parts[1] : parts[0];

      for (guint j = 0; j < run->plan->items->len; j++)
        {
          StrataUpItem *other = run->plan->items->pdata[j];

          if (other->kind != STRATA_UP_ITEM_CONTAINER || other->action == STRATA_UP_REMOVE
              || g_strcmp0 (other->service, parts[0]) != 0)
            continue;
          g_ptr_array_add (out, g_strdup_printf ("%s:%s", other->name, alias));
          g_ptr_array_add (out, g_strdup_printf ("%s:%s-%u", other->name, parts[0], number));
          g_ptr_array_add (out, g_strdup_printf ("%s:%s-%s-%u", other->name, run->plan->project_name, parts[0], number));
        }
    }

  return out;
}

static void
fill_spec (StrataUpRun      *run,
           StrataUpItem     *item,
           StrataCreateSpec *spec,
           GPtrArray        *links)
{
  JsonObject *service = service_of (run, item->service);
  g_autofree char *ref = _strata_up_service_image (run->plan->model, item->service, service);

  spec->project = run->plan->model;
  spec->project_name = run->plan->project_name;
  spec->working_dir = strata_project_get_working_dir (run->plan->project);
  spec->config_files = run->config_files;
  spec->service_name = item->service;
  spec->service = service;
  spec->config_hash = strata_project_get_service_hash (run->plan->project, item->service);
  spec->image_id = g_hash_table_lookup (run->image_ids, ref);
  spec->number = item->number;
  spec->container_name = item->name;
  spec->replace = item->action == STRATA_UP_RECREATE ? item->id : NULL;
  spec->links = links;
  spec->inherit_mounts = item->action == STRATA_UP_RECREATE ? old_mounts (run, item->id) : NULL;
  spec->service_containers = run->service_containers;
}

static void renamed_cb (StrataUpRun *run, JsonNode *answer, gpointer data);

static void
replaced_cb (StrataUpRun *run,
             JsonNode    *answer,
             gpointer     data)
{
  Create *create = data;
  g_autofree char *escaped = g_uri_escape_string (create->item->name, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/containers/%s/rename?name=%s", create->id, escaped);

  _strata_up_run_call (run, "POST", path, NULL, renamed_cb, create, (GDestroyNotify) create_free);
}

static void
old_stopped_cb (StrataUpRun *run,
                JsonNode    *answer,
                gpointer     data)
{
  Create *create = data;
  g_autofree char *path = g_strdup_printf ("/containers/%s?v=0", create->item->id);

  _strata_up_run_call (run, "DELETE", path, NULL, replaced_cb, create, (GDestroyNotify) create_free);
}

static void
finish_create (StrataUpRun *run,
               Create      *create)
{
  StrataUpItem *item = create->item;
  g_autofree char *path = NULL;

  if (item->action != STRATA_UP_RECREATE)
    {
      renamed_cb (run, NULL, create);
      return;
    }
  path = run->plan->timeout >= 0 ? g_strdup_printf ("/containers/%s/stop?t=%d", item->id, run->plan->timeout)
                                 : g_strdup_printf ("/containers/%s/stop", item->id);
  _strata_up_run_call (run, "POST", path, NULL, old_stopped_cb, create, (GDestroyNotify) create_free);
}

static void
renamed_cb (StrataUpRun *run,
            JsonNode    *answer,
            gpointer     data)
{
  Create *create = data;
  StrataUpItem *item = create->item;

  g_hash_table_replace (run->container_ids, g_strdup (item->name), g_strdup (create->id));
  if (!g_hash_table_contains (run->service_containers, item->service)
      || g_strcmp0 (g_hash_table_lookup (run->service_containers, item->service), item->id) == 0)
    g_hash_table_replace (run->service_containers, g_strdup (item->service), g_strdup (create->id));
  _strata_up_run_done (run, item->action == STRATA_UP_RECREATE ? _("Recreated") : _("Created"));
  create_free (create);
  _strata_up_run_next (run);
}

static void
connect_next (StrataUpRun *run,
              JsonNode    *answer,
              gpointer     data)
{
  Create *create = data;
  const char *key = create->networks[create->next_network];
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  StrataCreateSpec spec = { 0 };

  if (key == NULL)
    {
      finish_create (run, create);
      return;
    }
  create->next_network++;
  links = links_of (run, service_of (run, create->item->service), create->item->number);
  fill_spec (run, create->item, &spec, links);
  b = json_builder_new ();
  json_builder_begin_object (b);
  _strata_up_put_string (b, "Container", create->id);
  json_builder_set_member_name (b, "EndpointConfig");
  json_builder_add_value (b, _strata_up_endpoint (&spec, key));
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  path = g_strdup_printf ("/networks/%s/connect", _strata_up_resource_name (run->plan->model, "networks", key));
  _strata_up_run_call (run, "POST", path, body, connect_next, create, (GDestroyNotify) create_free);
}

static void
created_cb (StrataUpRun *run,
            JsonNode    *answer,
            gpointer     data)
{
  Create *create = data;
  const char *id = JSON_NODE_HOLDS_OBJECT (answer) ? _strata_json_string (json_node_get_object (answer), "Id") : NULL;
  g_auto(GStrv) networks = _strata_up_networks_by_priority (service_of (run, create->item->service));

  create->id = g_strdup (id);
  /* The first network came with the creation; connect the others. */
  if (networks[0] != NULL && _strata_json_string (service_of (run, create->item->service), "network_mode") == NULL)
    create->networks = g_strdupv (networks + 1);
  else
    create->networks = g_new0 (char *, 1);
  connect_next (run, NULL, create);
}

static void
create_container (StrataUpRun  *run,
                  StrataUpItem *item)
{
  g_autoptr(GPtrArray) links = links_of (run, service_of (run, item->service), item->number);
  StrataCreateSpec spec = { 0 };
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  Create *create = g_new0 (Create, 1);

  create->item = item;
  fill_spec (run, item, &spec, links);
  body = _strata_up_create_body (&spec);
  name = item->action == STRATA_UP_RECREATE ? g_strdup_printf ("%.12s_%s", item->id, item->name)
                                            : g_strdup (item->name);
  escaped = g_uri_escape_string (name, NULL, FALSE);
  path = g_strdup_printf ("/containers/create?name=%s", escaped);
  _strata_up_run_working (run, STRATA_UP_ITEM_CONTAINER, item->name,
                          item->action == STRATA_UP_RECREATE ? _("Recreate") : _("Creating"));
  _strata_up_run_call (run, "POST", path, body, created_cb, create, (GDestroyNotify) create_free);
}

void
_strata_up_container_step (StrataUpRun *run,
                           gpointer     data)
{
  StrataUpItem *item = data;

  if (item->action == STRATA_UP_CREATE || item->action == STRATA_UP_RECREATE)
    create_container (run, item);
  else
    _strata_up_run_next (run);
}

static void
removed_cb (StrataUpRun *run,
            JsonNode    *answer,
            gpointer     data)
{
  _strata_up_run_done (run, _("Removed"));
  _strata_up_run_next (run);
}

/* Orphans and containers beyond the service's scale: stopped and removed at once. */
void
_strata_up_remove_step (StrataUpRun *run,
                        gpointer     data)
{
  StrataUpItem *item = data;
  g_autofree char *path = g_strdup_printf ("/containers/%s?force=1&v=0", item->id);

  _strata_up_run_working (run, STRATA_UP_ITEM_CONTAINER, item->name, _("Removing"));
  _strata_up_run_call (run, "DELETE", path, NULL, removed_cb, NULL, NULL);
}
