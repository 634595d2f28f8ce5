/* strata-canonical-gpus.c: device requests (gpus, deploy reservations)
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-canonical-private.h"
#include "strata-compose-error.h"

/* DeviceCount: "all" is -1; `gpus: all` is one request for all devices.
 * A request names a count or device ids, not both. The list is at
 * services.@name.@what (a path only made for an error). */
static gboolean
canonical_device_counts (StrataNode  *list,
                         const char  *name,
                         const char  *what,
                         GError     **error)
{
  for (guint i = 0; list && list->kind == STRATA_NODE_SEQUENCE && i < list->children->len; i++)
    {
      StrataNode *request = strata_node_get_child (list, i);
      StrataNode *count = strata_node_lookup (request, "count");

      if (count != NULL && strata_node_lookup (request, "device_ids") != NULL)
        return _strata_set_error (error, STRATA_COMPOSE_ERROR_INVALID, _strata_node_place (count),
                                  _("Keep `count` (how many devices) or `device_ids` (which ones), not both."),
                                  "services.%s.%s.[]: \"count\" and \"device_ids\" attributes are exclusive",
                                  name, what);

      if (count != NULL && count->kind == STRATA_NODE_SCALAR && g_strcmp0 (count->text, "all") == 0)
        {
          strata_node_set_text (count, "-1");
          count->type = STRATA_VALUE_INT;
        }
    }
  return TRUE;
}

gboolean
_strata_canonical_gpus (StrataNode  *service,
                        const char  *name,
                        GError     **error)
{
  StrataNode *gpus = strata_node_lookup (service, "gpus");
  StrataNode *deploy = strata_node_lookup (service, "deploy");
  StrataNode *resources = deploy ? strata_node_lookup (deploy, "resources") : NULL;
  StrataNode *reservations = resources ? strata_node_lookup (resources, "reservations") : NULL;

  if (gpus != NULL && gpus->kind == STRATA_NODE_SCALAR && !strata_node_is_null (gpus))
    {
      StrataNode *list = _strata_derived_field_mapping (gpus, "gpus");
      StrataNode *request = _strata_derived_mapping (gpus, NULL);

      list->kind = STRATA_NODE_SEQUENCE;
      strata_node_append (request, _strata_derived_field (gpus, "count", "all", STRATA_VALUE_STRING));
      strata_node_append (list, request);
      strata_node_set (service, "gpus", gpus = list);
    }
  if (!canonical_device_counts (gpus, name, "gpus", error))
    return FALSE;
  return reservations == NULL || reservations->kind != STRATA_NODE_MAPPING ||
         canonical_device_counts (strata_node_lookup (reservations, "devices"), name,
                                  "deploy.resources.reservations.devices", error);
}
