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
  _strata_up_run_call (run, "POST", "/networks/create", body, created_cb, NULL, NULL);
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
  _strata_up_run_call (run, "POST", "/volumes/create", body, created_cb, NULL, NULL);
}
