/* strata-up-networks.c: creating the project's networks and volumes
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With compose's labels (project, network or volume key, version), so that
 * compose and Strata's down see them as the project's.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-up-private.h"

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

static void
put_bool (JsonBuilder *b,
          const char  *member,
          gboolean     value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_boolean_value (b, value);
}

/* Ends @b, the body of a network's or volume's creation, and posts it. */
static void
post_create (StrataUpRun      *run,
             StrataUpItemKind  kind,
             StrataUpItem     *item,
             JsonObject       *resource,
             JsonBuilder      *b)
{
  const char *label = kind == STRATA_UP_ITEM_NETWORK ? STRATA_LABEL_NETWORK : STRATA_LABEL_VOLUME;
  g_autoptr(JsonNode) body = NULL;

  add_labels (b, resource, run->plan->project_name, label, item->id);
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  _strata_up_run_working (run, kind, item->name, _("Creating"));
  _strata_up_run_call (run, "POST", kind == STRATA_UP_ITEM_NETWORK ? "/networks/create" : "/volumes/create",
                       body, created_cb, NULL, NULL);
}

void
_strata_up_network_step (StrataUpRun *run,
                         gpointer     data)
{
  StrataUpItem *item = data;
  JsonObject *network = _strata_json_object_member (_strata_json_object_member (run->plan->model, "networks"), item->id);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  _strata_up_put_string (b, "Name", item->name);
  put_bool (b, "CheckDuplicate", TRUE);
  _strata_up_put_string (b, "Driver", _strata_json_string (network, "driver"));
  _strata_up_put_map (b, "Options", _strata_json_object_member (network, "driver_opts"));
  put_bool (b, "Internal", _strata_json_bool (network, "internal"));
  put_bool (b, "Attachable", _strata_json_bool (network, "attachable"));
  put_bool (b, "EnableIPv6", _strata_json_bool (network, "enable_ipv6"));
  add_ipam (b, network);
  post_create (run, STRATA_UP_ITEM_NETWORK, item, network, b);
}

void
_strata_up_volume_step (StrataUpRun *run,
                        gpointer     data)
{
  StrataUpItem *item = data;
  JsonObject *volume = _strata_json_object_member (_strata_json_object_member (run->plan->model, "volumes"), item->id);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  _strata_up_put_string (b, "Name", item->name);
  _strata_up_put_string (b, "Driver", _strata_json_string (volume, "driver"));
  _strata_up_put_map (b, "DriverOpts", _strata_json_object_member (volume, "driver_opts"));
  post_create (run, STRATA_UP_ITEM_VOLUME, item, volume, b);
}
