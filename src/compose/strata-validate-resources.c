/* strata-validate-resources.c: service fields that deploy.resources repeats
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * compose-go's checkConsistency: `cpus`, `mem_limit`, `mem_reservation` and
 * `pids_limit` say what deploy.resources says; once the service sets one
 * and deploy.resources has that section (limits or reservations), the two
 * must agree, an unset one counting as 0.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "strata-canonical-private.h"
#include "strata-compose-error.h"
#include "strata-validate-private.h"

static const struct
{
  const char *field;
  const char *section;
  const char *key;
} pairs[] = {
  { "cpus", "limits", "cpus" },
  { "mem_limit", "limits", "memory" },
  { "mem_reservation", "reservations", "memory" },
  { "pids_limit", "limits", "pids" },
};

static const StrataNode *
lookup_path (const StrataNode *node,
             const char       *first,
             ...)
{
  va_list args;

  va_start (args, first);
  for (const char *key = first; key != NULL && node != NULL; key = va_arg (args, const char *))
    node = node->kind == STRATA_NODE_MAPPING ? strata_node_lookup (node, key) : NULL;
  va_end (args);
  return node;
}

static gboolean
same_value (const StrataNode *value,
            const StrataNode *other,
            gboolean          is_float)
{
  const char *other_text = other != NULL && other->kind == STRATA_NODE_SCALAR ? other->text : "0";

  /* cpus are float32 on both sides */
  if (is_float)
    return (float) g_ascii_strtod (value->text, NULL) == (float) g_ascii_strtod (other_text, NULL);
  return g_ascii_strtoll (value->text, NULL, 10) == g_ascii_strtoll (other_text, NULL, 10);
}

const char *
_strata_validate_resource_field (guint i)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (pairs) == STRATA_VALIDATE_N_RESOURCE_FIELDS);

  return pairs[i].field;
}

gboolean
_strata_validate_resources (const StrataNode          *service,
                            const StrataNode          *deploy,
                            const StrataNode * const  *values,
                            GError                   **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      const StrataNode *value = values[i];
      const StrataNode *section;
      g_autofree char *hint = NULL;

      if (value == NULL || value->kind != STRATA_NODE_SCALAR)
        continue;
      section = lookup_path (deploy, "resources", pairs[i].section, NULL);
      if (section == NULL ||
          same_value (value, strata_node_lookup (section, pairs[i].key), i == 0))
        continue;
      hint = g_strdup_printf (_("Set it in one place: remove `%s` or `deploy.resources.%s.%s`, or give both "
                                "the same value."), pairs[i].field, pairs[i].section, pairs[i].key);
      return _strata_set_error (error, STRATA_COMPOSE_ERROR_INVALID, _strata_node_place (value), hint,
                                "services.%s: can't set distinct values on '%s' and 'deploy.resources.%s.%s': "
                                "invalid compose project",
                                service->key, pairs[i].field, pairs[i].section, pairs[i].key);
    }
  return TRUE;
}
