/* strata-merge-resets.c: `!reset` entries, taken out of a file and applied
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * compose-go removes what a file's `!reset` entries name from what came
 * before the file, before merging it; the entries themselves are taken
 * out of the file first (validation runs without them).
 */

#include "config.h"

#include <string.h>

#include "strata-merge-private.h"

typedef struct
{
  GPtrArray  *path;   /* char *: the keys down to the entry */
  StrataNode *node;   /* the tagged entry, for its place */
} Reset;

static void
reset_free (Reset *reset)
{
  g_ptr_array_unref (reset->path);
  strata_node_free (reset->node);
  g_free (reset);
}

/* The keys down to an entry, a frame per level on the stack. */
typedef struct _KeyFrame KeyFrame;
struct _KeyFrame
{
  const KeyFrame *parent;
  const char     *key;
};

static void
add_keys (GPtrArray      *path,
          const KeyFrame *frame)
{
  if (frame == NULL)
    return;
  add_keys (path, frame->parent);
  g_ptr_array_add (path, g_strdup (frame->key));
}

static void
collect_resets (StrataNode     *node,
                const KeyFrame *parent,
                GPtrArray      *resets)
{
  if (node->kind != STRATA_NODE_MAPPING)
    return;
  for (guint i = node->children->len; i > 0; i--)
    {
      StrataNode *child = g_ptr_array_index (node->children, i - 1);
      KeyFrame frame = { parent, child->key };

      if (child->tag != NULL && strcmp (child->tag, "!reset") == 0)
        {
          Reset *reset = g_new0 (Reset, 1);

          reset->path = g_ptr_array_new_with_free_func (g_free);
          add_keys (reset->path, &frame);
          reset->node = strata_node_steal_child (node, i - 1);
          g_ptr_array_add (resets, reset);
        }
      else if (child->kind == STRATA_NODE_MAPPING)
        collect_resets (child, &frame, resets);
    }
}

GPtrArray *
strata_merge_take_resets (StrataNode *file_root)
{
  GPtrArray *resets = g_ptr_array_new_with_free_func ((GDestroyNotify) reset_free);

  collect_resets (file_root, NULL, resets);
  return resets;
}

void
strata_merge_apply_resets (StrataNode *merged,
                           GPtrArray  *resets,
                           GPtrArray  *changes)
{
  for (guint i = 0; i < resets->len; i++)
    {
      Reset *reset = g_ptr_array_index (resets, i);
      StrataNode *parent = merged;
      StrataNode *target = NULL;
      StrataMergeCtx ctx = { changes, (const char **) reset->path->pdata, reset->path->len,
                             reset->path->len, NULL, };

      for (guint j = 0; parent != NULL && j < reset->path->len; j++)
        {
          target = strata_node_lookup (parent, g_ptr_array_index (reset->path, j));
          if (j + 1 < reset->path->len)
            parent = target;
        }
      if (parent == NULL || target == NULL)
        continue;
      _strata_merge_record (&ctx, STRATA_CHANGE_RESET, -1, target, NULL);
      strata_node_remove_node (parent, target);
    }
}
