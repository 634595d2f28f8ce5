/* strata-blame.c
 *
 * As `strata config --blame` does (src/cli/strata-cli-blame.c): the printed
 * text is read back with positions and walked beside the model it was
 * printed from, mappings by key and lists by index.
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-blame.h"
#include "strata-yaml.h"

static void
blame_children (GPtrArray        *lines,
                const StrataNode *printed,
                const StrataNode *model)
{
  for (guint i = 0; i < strata_node_get_n_children (printed); i++)
    {
      const StrataNode *child = strata_node_get_child (printed, i);
      const StrataNode *value = NULL;
      guint line;

      if (model->kind == STRATA_NODE_MAPPING && printed->kind == STRATA_NODE_MAPPING)
        value = strata_node_lookup (model, child->key);
      else if (model->kind == STRATA_NODE_SEQUENCE && i < strata_node_get_n_children (model))
        value = strata_node_get_child (model, i);
      if (value == NULL)
        continue;

      line = printed->kind == STRATA_NODE_MAPPING ? child->key_pos.line : child->pos.line;
      if (line > 0 && line <= lines->len && g_ptr_array_index (lines, line - 1) == NULL
          && value->pos.layer != NULL && value->pos.line > 0)
        g_ptr_array_index (lines, line - 1) = (gpointer) value;
      if (child->kind != STRATA_NODE_SCALAR && value->kind == child->kind)
        blame_children (lines, child, value);
    }
}

/**
 * strata_blame_lines:
 * @model: the tree @text was printed from
 * @text: its YAML
 *
 * Returns: (transfer container) (element-type StrataNode): for each line of
 *   @text (0-based), the node of @model it prints, or %NULL
 */
GPtrArray *
strata_blame_lines (const StrataNode  *model,
                    const char        *text,
                    GError           **error)
{
  g_autoptr(StrataLayer) layer = strata_layer_new ("printed", text, strlen (text), STRATA_LAYER_ROLE_BASE);
  g_autoptr(StrataNode) printed = strata_yaml_read (layer, error);
  GPtrArray *lines;

  if (printed == NULL)
    return NULL;

  lines = g_ptr_array_new ();
  g_ptr_array_set_size (lines, strata_layer_get_n_lines (layer) + 1);
  blame_children (lines, printed, model);

  return lines;
}
