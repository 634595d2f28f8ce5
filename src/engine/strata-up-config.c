/* strata-up-config.c: the body of POST /containers/create, from a service
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Follows compose v2.26.1's getCreateConfigs (pkg/compose/create.go): the
 * same container config, labels and endpoint settings, so that a container
 * Strata creates is the one compose would have created.  The host config
 * is in strata-up-host.c.
 */

#include "config.h"

#include "strata-up-private.h"

static void
add_string (JsonBuilder *b,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value ? value : "");
}

static void
add_strings_or_null (JsonBuilder *b,
                     const char  *member,
                     JsonArray   *array)
{
  json_builder_set_member_name (b, member);
  if (array == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_array (b);
  for (guint i = 0; i < json_array_get_length (array); i++)
    json_builder_add_string_value (b, json_array_get_string_element (array, i));
  json_builder_end_array (b);
}

/* expose entries as written ("3000"), then each port's target/protocol. */
static void
add_exposed_ports (JsonBuilder *b,
                   JsonObject  *service)
{
  JsonArray *expose = _strata_json_array (service, "expose");
  JsonArray *ports = _strata_json_array (service, "ports");

  json_builder_set_member_name (b, "ExposedPorts");
  json_builder_begin_object (b);
  for (guint i = 0; expose != NULL && i < json_array_get_length (expose); i++)
    {
      json_builder_set_member_name (b, json_array_get_string_element (expose, i));
      json_builder_begin_object (b);
      json_builder_end_object (b);
    }
  for (guint i = 0; ports != NULL && i < json_array_get_length (ports); i++)
    {
      JsonObject *port = json_array_get_object_element (ports, i);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", _strata_json_int (port, "target", 0),
                                              _strata_json_string (port, "protocol") ?: "tcp");

      json_builder_set_member_name (b, key);
      json_builder_begin_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}

/* KEY=VALUE, or a bare KEY for a variable without a value. */
static void
add_env (JsonBuilder *b,
         JsonObject  *service)
{
  JsonObject *env = _strata_json_object_member (service, "environment");
  g_autoptr(GList) keys = env ? json_object_get_members (env) : NULL;

  json_builder_set_member_name (b, "Env");
  json_builder_begin_array (b);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *value = _strata_json_string (env, l->data);
      g_autofree char *entry = value ? g_strdup_printf ("%s=%s", (char *) l->data, value) : g_strdup (l->data);

      json_builder_add_string_value (b, entry);
    }
  json_builder_end_array (b);
}

static void
add_duration (JsonBuilder *b,
              JsonObject  *health,
              const char  *key,
              const char  *member)
{
  gint64 ns;

  if (!_strata_json_duration (health, key, &ns))
    return;
  json_builder_set_member_name (b, member);
  json_builder_add_int_value (b, ns);
}

static void
add_healthcheck (JsonBuilder *b,
                 JsonObject  *service)
{
  JsonObject *health = _strata_json_object_member (service, "healthcheck");
  JsonArray *test = _strata_json_array (health, "test");

  if (health == NULL)
    return;
  json_builder_set_member_name (b, "Healthcheck");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "Test");
  json_builder_begin_array (b);
  if (_strata_json_bool (health, "disable"))
    json_builder_add_string_value (b, "NONE");
  for (guint i = 0; !_strata_json_bool (health, "disable") && test && i < json_array_get_length (test); i++)
    json_builder_add_string_value (b, json_array_get_string_element (test, i));
  json_builder_end_array (b);
  add_duration (b, health, "interval", "Interval");
  add_duration (b, health, "timeout", "Timeout");
  add_duration (b, health, "start_period", "StartPeriod");
  add_duration (b, health, "start_interval", "StartInterval");
  if (json_object_has_member (health, "retries"))
    {
      json_builder_set_member_name (b, "Retries");
      json_builder_add_int_value (b, _strata_json_int (health, "retries", 0));
    }
  json_builder_end_object (b);
}

/* "svc:condition:restart", joined by commas, as compose's prepareLabels. */
static char *
depends_on_label (JsonObject *service)
{
  JsonObject *deps = _strata_json_object_member (service, "depends_on");
  g_autoptr(GList) keys = deps ? json_object_get_members (deps) : NULL;
  GString *label = g_string_new (NULL);

  for (GList *l = keys; l != NULL; l = l->next)
    {
      JsonObject *dep = _strata_json_object_member (deps, l->data);

      g_string_append_printf (label, "%s%s:%s:%s", label->len ? "," : "", (char *) l->data,
                              _strata_json_string (dep, "condition") ?: "service_started",
                              _strata_json_bool (dep, "restart") ? "true" : "false");
    }

  return g_string_free (label, FALSE);
}

static void
add_labels (JsonBuilder            *b,
            const StrataCreateSpec *spec)
{
  JsonObject *labels = _strata_json_object_member (spec->service, "labels");
  g_autoptr(GList) keys = labels ? json_object_get_members (labels) : NULL;
  g_autofree char *number = g_strdup_printf ("%u", spec->number);
  g_autofree char *depends_on = depends_on_label (spec->service);

  json_builder_set_member_name (b, "Labels");
  json_builder_begin_object (b);
  for (GList *l = keys; l != NULL; l = l->next)
    add_string (b, l->data, _strata_json_string (labels, l->data));
  add_string (b, STRATA_LABEL_PROJECT, spec->project_name);
  add_string (b, STRATA_LABEL_SERVICE, spec->service_name);
  add_string (b, STRATA_LABEL_CONTAINER_NUMBER, number);
  add_string (b, STRATA_LABEL_ONEOFF, "False");
  add_string (b, STRATA_LABEL_CONFIG_HASH, spec->config_hash);
  add_string (b, STRATA_LABEL_IMAGE, spec->image_id);
  add_string (b, STRATA_LABEL_WORKING_DIR, spec->working_dir);
  add_string (b, STRATA_LABEL_CONFIG_FILES, spec->config_files);
  add_string (b, STRATA_LABEL_DEPENDS_ON, depends_on);
  add_string (b, STRATA_LABEL_VERSION, STRATA_COMPOSE_VERSION);
  if (spec->replace != NULL)
    add_string (b, STRATA_LABEL_REPLACE, spec->replace);
  json_builder_end_object (b);
}

static void
add_container_config (JsonBuilder            *b,
                      const StrataCreateSpec *spec)
{
  JsonObject *s = spec->service;
  g_autofree char *image = _strata_up_service_image (spec->project, spec->service_name, s);
  gint64 grace;

  add_string (b, "Hostname", _strata_json_string (s, "hostname"));
  add_string (b, "Domainname", _strata_json_string (s, "domainname"));
  add_string (b, "User", _strata_json_string (s, "user"));
  json_builder_set_member_name (b, "AttachStdout");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "AttachStderr");
  json_builder_add_boolean_value (b, TRUE);
  add_exposed_ports (b, s);
  json_builder_set_member_name (b, "Tty");
  json_builder_add_boolean_value (b, _strata_json_bool (s, "tty"));
  json_builder_set_member_name (b, "OpenStdin");
  json_builder_add_boolean_value (b, _strata_json_bool (s, "stdin_open"));
  add_env (b, s);
  add_strings_or_null (b, "Cmd", _strata_json_array (s, "command"));
  add_healthcheck (b, s);
  add_string (b, "Image", image);
  add_string (b, "WorkingDir", _strata_json_string (s, "working_dir"));
  add_strings_or_null (b, "Entrypoint", _strata_json_array (s, "entrypoint"));
  json_builder_set_member_name (b, "NetworkDisabled");
  json_builder_add_boolean_value (b, g_strcmp0 (_strata_json_string (s, "network_mode"), "disabled") == 0);
  if (_strata_json_string (s, "mac_address") != NULL)
    add_string (b, "MacAddress", _strata_json_string (s, "mac_address"));
  add_labels (b, spec);
  if (_strata_json_string (s, "stop_signal") != NULL)
    add_string (b, "StopSignal", _strata_json_string (s, "stop_signal"));
  if (_strata_json_duration (s, "stop_grace_period", &grace))
    {
      json_builder_set_member_name (b, "StopTimeout");
      json_builder_add_int_value (b, grace / G_TIME_SPAN_SECOND / 1000);
    }
}

static void
add_endpoint (JsonBuilder            *b,
              const StrataCreateSpec *spec,
              const char             *key)
{
  JsonObject *config = _strata_json_object_member (_strata_json_object_member (spec->service, "networks"), key);
  JsonArray *aliases = _strata_json_array (config, "aliases");
  JsonArray *link_local = _strata_json_array (config, "link_local_ips");

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "Aliases");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, spec->container_name);
  json_builder_add_string_value (b, spec->service_name);
  for (guint i = 0; aliases != NULL && i < json_array_get_length (aliases); i++)
    json_builder_add_string_value (b, json_array_get_string_element (aliases, i));
  json_builder_end_array (b);
  if (spec->links != NULL && spec->links->len > 0)
    {
      json_builder_set_member_name (b, "Links");
      json_builder_begin_array (b);
      for (guint i = 0; i < spec->links->len; i++)
        json_builder_add_string_value (b, spec->links->pdata[i]);
      json_builder_end_array (b);
    }
  if (config != NULL)
    {
      json_builder_set_member_name (b, "IPAMConfig");
      json_builder_begin_object (b);
      add_string (b, "IPv4Address", _strata_json_string (config, "ipv4_address"));
      add_string (b, "IPv6Address", _strata_json_string (config, "ipv6_address"));
      add_strings_or_null (b, "LinkLocalIPs", link_local);
      json_builder_end_object (b);
      add_string (b, "IPAddress", _strata_json_string (config, "ipv4_address"));
      if (_strata_json_string (config, "mac_address") != NULL)
        add_string (b, "MacAddress", _strata_json_string (config, "mac_address"));
    }
  json_builder_end_object (b);
}

JsonNode *
_strata_up_endpoint (const StrataCreateSpec *spec,
                     const char             *network_key)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  add_endpoint (b, spec, network_key);

  return json_builder_get_root (b);
}

/* Only the primary network goes with the creation (API < 1.44); the others
 * are connected afterwards, before the start. */
static void
add_networking_config (JsonBuilder            *b,
                       const StrataCreateSpec *spec)
{
  g_auto(GStrv) networks = _strata_up_networks_by_priority (spec->service);

  if (_strata_json_string (spec->service, "network_mode") != NULL || networks[0] == NULL)
    return;
  json_builder_set_member_name (b, "NetworkingConfig");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "EndpointsConfig");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, _strata_up_resource_name (spec->project, "networks", networks[0]));
  add_endpoint (b, spec, networks[0]);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

JsonNode *
_strata_up_create_body (const StrataCreateSpec *spec)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_container_config (b, spec);
  _strata_up_add_host_config (b, spec);
  add_networking_config (b, spec);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}
