/* strata-container-json.c: a container from the engine's JSON
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three sources: a list entry (GET /containers/json, whose health and exit
 * code are only in the Status text, "Up 3 minutes (healthy)", "Exited (137)
 * 2 seconds ago"), an inspect answer, and an event's actor attributes.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "strata-engine-state-private.h"

JsonObject *
_strata_json_object_member (JsonObject *object,
                            const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

const char *
_strata_json_label (JsonObject *labels,
                    const char *key)
{
  JsonNode *node;

  if (labels == NULL || !json_object_has_member (labels, key))
    return NULL;
  node = json_object_get_member (labels, key);

  return JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  return _strata_json_label (object, member);
}

static const char *
health_from_status (const char *status)
{
  if (status == NULL)
    return "";
  if (strstr (status, "(healthy)") != NULL)
    return "healthy";
  if (strstr (status, "(unhealthy)") != NULL)
    return "unhealthy";
  if (strstr (status, "(health: starting)") != NULL)
    return "starting";

  return "";
}

static int
exit_code_from_status (const char *status)
{
  if (status == NULL || !g_str_has_prefix (status, "Exited ("))
    return 0;

  return atoi (status + strlen ("Exited ("));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static char *
join_sorted (GPtrArray *parts)
{
  g_ptr_array_sort (parts, compare_strings);
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (", ", (char **) parts->pdata);
}

/* "0.0.0.0:8080->80/tcp, 443/tcp" as docker ps prints them. */
static char *
ports_from_summary (JsonObject *summary)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  JsonArray *ports = json_object_has_member (summary, "Ports")
                     && JSON_NODE_HOLDS_ARRAY (json_object_get_member (summary, "Ports"))
                     ? json_object_get_array_member (summary, "Ports") : NULL;

  for (guint i = 0; ports != NULL && i < json_array_get_length (ports); i++)
    {
      JsonObject *p = json_array_get_object_element (ports, i);
      gint64 private_port = json_object_get_int_member_with_default (p, "PrivatePort", 0);
      gint64 public_port = json_object_get_int_member_with_default (p, "PublicPort", 0);
      const char *type = json_object_get_string_member_with_default (p, "Type", "tcp");
      const char *ip = json_object_get_string_member_with_default (p, "IP", "");

      if (public_port != 0)
        g_ptr_array_add (parts, g_strdup_printf ("%s:%" G_GINT64_FORMAT "->%" G_GINT64_FORMAT "/%s",
                                                 ip, public_port, private_port, type));
      else
        g_ptr_array_add (parts, g_strdup_printf ("%" G_GINT64_FORMAT "/%s", private_port, type));
    }

  return join_sorted (parts);
}

static char *
ports_from_inspect (JsonObject *network_settings)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  JsonObject *ports = _strata_json_object_member (network_settings, "Ports");
  g_autoptr(GList) keys = ports ? json_object_get_members (ports) : NULL;

  for (GList *l = keys; l != NULL; l = l->next)
    {
      JsonNode *bindings = json_object_get_member (ports, l->data);
      JsonArray *array = JSON_NODE_HOLDS_ARRAY (bindings) ? json_node_get_array (bindings) : NULL;

      if (array == NULL || json_array_get_length (array) == 0)
        g_ptr_array_add (parts, g_strdup (l->data));
      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          JsonObject *b = json_array_get_object_element (array, i);

          g_ptr_array_add (parts, g_strdup_printf ("%s:%s->%s",
                                                   json_object_get_string_member_with_default (b, "HostIp", ""),
                                                   json_object_get_string_member_with_default (b, "HostPort", ""),
                                                   (const char *) l->data));
        }
    }

  return join_sorted (parts);
}

void
_strata_container_update_from_summary (StrataContainer *self,
                                       JsonObject      *summary)
{
  JsonArray *names = json_object_has_member (summary, "Names")
                     ? json_object_get_array_member (summary, "Names") : NULL;
  const char *status = string_member (summary, "Status");
  g_autofree char *ports = ports_from_summary (summary);

  if (names != NULL && json_array_get_length (names) > 0)
    _strata_container_set_name (self, json_array_get_string_element (names, 0));
  _strata_container_set_labels (self, _strata_json_object_member (summary, "Labels"));
  _strata_container_set_image (self, string_member (summary, "Image"),
                               string_member (summary, "ImageID"));
  _strata_container_set_state (self, string_member (summary, "State"));
  _strata_container_set_health (self, health_from_status (status));
  _strata_container_set_exit_code (self, exit_code_from_status (status));
  _strata_container_set_ports (self, ports);
}

void
_strata_container_update_from_inspect (StrataContainer *self,
                                       JsonObject      *inspect)
{
  JsonObject *config = _strata_json_object_member (inspect, "Config");
  JsonObject *state = _strata_json_object_member (inspect, "State");
  JsonObject *health = _strata_json_object_member (state, "Health");
  g_autofree char *ports = ports_from_inspect (_strata_json_object_member (inspect, "NetworkSettings"));

  _strata_container_set_name (self, string_member (inspect, "Name"));
  _strata_container_set_labels (self, _strata_json_object_member (config, "Labels"));
  _strata_container_set_image (self, string_member (config, "Image"), string_member (inspect, "Image"));
  if (state != NULL)
    {
      _strata_container_set_state (self, string_member (state, "Status"));
      _strata_container_set_exit_code (self, json_object_get_int_member_with_default (state, "ExitCode", 0));
      _strata_container_set_health (self, health ? string_member (health, "Status") : "");
    }
  _strata_container_set_ports (self, ports);
}

/* Applies what the event says at once; returns whether an inspect should
 * follow for what it does not say (ports, the exact state). */
gboolean
_strata_container_apply_event (StrataContainer *self,
                               const char      *action,
                               JsonObject      *attributes)
{
  const char *exit_code = _strata_json_label (attributes, "exitCode");

  _strata_container_set_labels (self, attributes);
  _strata_container_set_name (self, _strata_json_label (attributes, "name"));
  if (g_str_has_prefix (action, "health_status: "))
    {
      _strata_container_set_health (self, action + strlen ("health_status: "));
      return FALSE;
    }
  if (g_str_equal (action, "create"))
    _strata_container_set_state (self, "created");
  else if (g_str_equal (action, "start") || g_str_equal (action, "restart")
           || g_str_equal (action, "unpause"))
    _strata_container_set_state (self, "running");
  else if (g_str_equal (action, "pause"))
    _strata_container_set_state (self, "paused");
  else if (g_str_equal (action, "die"))
    _strata_container_set_state (self, "exited");
  else
    return g_str_equal (action, "rename") || g_str_equal (action, "update");
  if (exit_code != NULL)
    _strata_container_set_exit_code (self, atoi (exit_code));

  return TRUE;
}
