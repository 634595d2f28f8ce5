/* strata-project-models.c: services, networks, volumes and diagnostics as
 * list models of small objects, built from the normalized model when the
 * project is first asked for them (strata-project.c)
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-project-items-private.h"
#include "strata-project-models-private.h"

GListStore *
_strata_project_build_diagnostics (StrataProjectData *data)
{
  GListStore *store = g_list_store_new (STRATA_TYPE_DIAGNOSTIC_ITEM);

  for (guint i = 0; i < data->diagnostics->len; i++)
    {
      StrataDiagnostic *d = g_ptr_array_index (data->diagnostics, i);
      g_autoptr(StrataDiagnosticItem) item =
        _strata_diagnostic_item_new (d->severity,
                                     d->pos.layer ? strata_layer_get_path (d->pos.layer) : NULL,
                                     d->pos.line, d->pos.column, d->message, d->hint);
      g_list_store_append (store, item);
    }
  return store;
}

static GStrv
scalar_list (const StrataNode *list)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; list != NULL && i < strata_node_get_n_children (list); i++)
    {
      const StrataNode *item = strata_node_get_child (list, i);
      if (item->kind == STRATA_NODE_SCALAR)
        g_strv_builder_add (builder, item->text);
    }
  return g_strv_builder_end (builder);
}

/* "8000→8000, 127.0.0.1:8001→80/udp" */
static char *
ports_summary (const StrataNode *ports)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; ports != NULL && i < strata_node_get_n_children (ports); i++)
    {
      const StrataNode *port = strata_node_get_child (ports, i);
      const char *host = strata_node_lookup_text (port, "host_ip");
      const char *published = strata_node_lookup_text (port, "published");
      const char *target = strata_node_lookup_text (port, "target");
      const char *protocol = strata_node_lookup_text (port, "protocol");

      if (out->len > 0)
        g_string_append (out, ", ");
      if (port->kind == STRATA_NODE_SCALAR)
        {
          g_string_append (out, port->text);
          continue;
        }
      g_string_append_printf (out, "%s%s%s→%s%s%s", host ? host : "", host ? ":" : "",
                              published ? published : "", target ? target : "?",
                              protocol && strcmp (protocol, "tcp") != 0 ? "/" : "",
                              protocol && strcmp (protocol, "tcp") != 0 ? protocol : "");
    }
  return g_string_free (out, FALSE);
}

static const StrataNode *
section (StrataProjectData *data,
         const char        *key)
{
  const StrataNode *node = strata_node_lookup (data->normalized, key);

  return node != NULL && node->kind == STRATA_NODE_MAPPING ? node : NULL;
}

GListStore *
_strata_project_build_services (StrataProjectData *data)
{
  GListStore *store = g_list_store_new (STRATA_TYPE_SERVICE_ITEM);
  const StrataNode *services = section (data, "services");

  for (guint i = 0; services != NULL && i < strata_node_get_n_children (services); i++)
    {
      const StrataNode *service = strata_node_get_child (services, i);
      g_auto(GStrv) profiles = scalar_list (strata_node_lookup (service, "profiles"));
      g_autofree char *ports = ports_summary (strata_node_lookup (service, "ports"));
      g_autoptr(StrataServiceItem) item =
        _strata_service_item_new (service->key, strata_node_lookup_text (service, "image"),
                                  strata_node_lookup (service, "build") != NULL,
                                  (const char * const *) profiles,
                                  strata_node_lookup_text (service, "container_name"), ports);
      g_list_store_append (store, item);
    }
  return store;
}

static gboolean
is_true (const StrataNode *node,
         const char       *key)
{
  const char *text = strata_node_lookup_text (node, key);

  return text != NULL && g_ascii_strcasecmp (text, "true") == 0;
}

GListStore *
_strata_project_build_networks (StrataProjectData *data)
{
  GListStore *store = g_list_store_new (STRATA_TYPE_NETWORK_ITEM);
  const StrataNode *networks = section (data, "networks");

  for (guint i = 0; networks != NULL && i < strata_node_get_n_children (networks); i++)
    {
      const StrataNode *network = strata_node_get_child (networks, i);
      const char *name = strata_node_lookup_text (network, "name");
      g_autoptr(StrataNetworkItem) item =
        _strata_network_item_new (network->key, name ? name : network->key,
                                  is_true (network, "external"),
                                  strata_node_lookup_text (network, "driver"));
      g_list_store_append (store, item);
    }
  return store;
}

static gboolean
mounts_volume (const StrataNode *service,
               const char       *key)
{
  const StrataNode *volumes = strata_node_lookup (service, "volumes");

  for (guint i = 0; volumes != NULL && i < strata_node_get_n_children (volumes); i++)
    {
      const StrataNode *mount = strata_node_get_child (volumes, i);
      const char *source = mount->kind == STRATA_NODE_SCALAR ? NULL
                                                             : strata_node_lookup_text (mount, "source");

      if (mount->kind == STRATA_NODE_SCALAR && g_str_has_prefix (mount->text, key) &&
          mount->text[strlen (key)] == ':')
        return TRUE;
      if (source != NULL && g_strcmp0 (strata_node_lookup_text (mount, "type"), "volume") == 0 &&
          strcmp (source, key) == 0)
        return TRUE;
    }
  return FALSE;
}

GListStore *
_strata_project_build_volumes (StrataProjectData *data)
{
  GListStore *store = g_list_store_new (STRATA_TYPE_VOLUME_ITEM);
  const StrataNode *volumes = section (data, "volumes");
  const StrataNode *services = section (data, "services");

  for (guint i = 0; volumes != NULL && i < strata_node_get_n_children (volumes); i++)
    {
      const StrataNode *volume = strata_node_get_child (volumes, i);
      const char *name = strata_node_lookup_text (volume, "name");
      g_autoptr(GStrvBuilder) users = g_strv_builder_new ();
      g_auto(GStrv) mounted_by = NULL;
      g_autoptr(StrataVolumeItem) item = NULL;

      for (guint j = 0; services != NULL && j < strata_node_get_n_children (services); j++)
        if (mounts_volume (strata_node_get_child (services, j), volume->key))
          g_strv_builder_add (users, strata_node_get_child (services, j)->key);
      mounted_by = g_strv_builder_end (users);
      item = _strata_volume_item_new (volume->key, name ? name : volume->key,
                                      is_true (volume, "external"),
                                      strata_node_lookup_text (volume, "driver"),
                                      (const char * const *) mounted_by);
      g_list_store_append (store, item);
    }
  return store;
}
