/* strata-include-import.c: an included project's resources copied in
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * compose-go's importResources: services, volumes, networks, secrets and
 * configs of the included project join the including file's; one that the
 * file defines too is an error, unless both are equal (compared as compose
 * does: the file's own as written, the included one in its long form).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-canonical-private.h"
#include "strata-compose-error.h"
#include "strata-project-private.h"

/* Go's reflect.DeepEqual on the two models, roughly: same shape and text. */
static gboolean
nodes_equal (const StrataNode *a,
             const StrataNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->kind != b->kind)
    return FALSE;
  if (a->kind == STRATA_NODE_SCALAR)
    return strata_node_is_null (a) == strata_node_is_null (b) &&
           (strata_node_is_null (a) || (a->type == b->type && g_str_equal (a->text, b->text)));
  if (a->children->len != b->children->len)
    return FALSE;
  for (guint i = 0; i < a->children->len; i++)
    {
      const StrataNode *x = g_ptr_array_index (a->children, i);
      const StrataNode *y = a->kind == STRATA_NODE_MAPPING ? strata_node_lookup (b, x->key)
                                                           : g_ptr_array_index (b->children, i);

      if (!nodes_equal (x, y))
        return FALSE;
    }
  return TRUE;
}

/* "lib/compose.yaml:3", relative to the including project when inside it */
static char *
describe_place (const StrataLoadCtx *ctx,
                const StrataNode    *node)
{
  const StrataPosition *pos = _strata_node_place (node);
  const char *path = pos->layer ? strata_layer_get_path (pos->layer) : "";
  gsize n = strlen (ctx->working_dir);

  if (strncmp (path, ctx->working_dir, n) == 0 && path[n] == G_DIR_SEPARATOR)
    path += n + 1;
  return g_strdup_printf ("%s:%u", path, pos->line);
}

static gboolean
import_section (const StrataLoadCtx *ctx,
                StrataNode       *root,
                const StrataNode *raw,
                StrataNode       *from,
                const StrataNode *entry,
                const char       *key,
                GError          **error)
{
  StrataNode *to = strata_node_lookup (root, key);
  const StrataNode *raw_to = strata_node_lookup (raw, key);

  if (from == NULL || from->kind != STRATA_NODE_MAPPING || from->children->len == 0)
    return TRUE;
  if (to == NULL || to->kind != STRATA_NODE_MAPPING)
    {
      to = _strata_derived_mapping (entry, key);
      strata_node_set (root, key, to);
    }
  while (from->children->len > 0)
    {
      StrataNode *item = strata_node_steal_child (from, 0);
      StrataNode *existing = strata_node_lookup (to, item->key);

      if (existing == NULL)
        strata_node_append (to, item);
      else if (nodes_equal (strata_node_lookup (raw_to, item->key), item))
        strata_node_free (item);
      else
        {
          g_autofree char *there = describe_place (ctx, item);

          strata_node_free (item);
          return _strata_set_error (error, STRATA_COMPOSE_ERROR_INVALID, _strata_node_place (existing),
                                    _("Rename one of the two, or define it in one file only."),
                                    "%s.%s conflicts with imported resource (defined at %s)",
                                    key, existing->key, there);
        }
    }
  return TRUE;
}

gboolean
_strata_include_import (const StrataLoadCtx  *ctx,
                        StrataNode           *root,
                        const StrataNode     *raw,
                        StrataNode           *project,
                        const StrataNode     *entry,
                        GError              **error)
{
  static const char * const sections[] = { "services", "volumes", "networks", "secrets", "configs" };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (!import_section (ctx, root, raw, strata_node_lookup (project, sections[i]), entry, sections[i], error))
      return FALSE;
  return TRUE;
}
