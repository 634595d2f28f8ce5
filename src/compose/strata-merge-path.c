/* strata-merge-path.c: where the merge is, and what it records there
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The merge keeps the keys down to the entry it works on in a stack
 * (StrataMergeCtx), formats them only for a change it records, and passes
 * on what a replaced value shadowed.
 */

#include "config.h"

#include <string.h>

#include "strata-merge-private.h"

void
_strata_merge_ctx_init (StrataMergeCtx  *ctx,
                        GPtrArray       *changes,
                        GError         **error)
{
  ctx->changes = changes;
  ctx->path = ctx->inline_path;
  ctx->depth = 0;
  ctx->alloc = G_N_ELEMENTS (ctx->inline_path);
  ctx->error = error;
}

void
_strata_merge_ctx_clear (StrataMergeCtx *ctx)
{
  if (ctx->path != ctx->inline_path)
    g_free (ctx->path);
  ctx->path = NULL;
}

void
_strata_merge_ctx_grow (StrataMergeCtx *ctx)
{
  const char **path = g_new (const char *, ctx->alloc * 2);

  memcpy (path, ctx->path, ctx->depth * sizeof (const char *));
  if (ctx->path != ctx->inline_path)
    g_free (ctx->path);
  ctx->path = path;
  ctx->alloc *= 2;
}

/* Writes the path (and "[index]") into @buffer of @size bytes if it fits;
 * returns its length. */
static gsize
format_path (StrataMergeCtx *ctx,
             gint            index,
             char           *buffer,
             gsize           size)
{
  char number[16];
  gsize n_digits = 0, length = 0;

  for (guint i = 0; i < ctx->depth; i++)
    {
      gsize seg_length = strlen (ctx->path[i]);

      if (i > 0 && length < size)
        buffer[length] = '.';
      length += i > 0;
      if (length + seg_length < size)
        memcpy (buffer + length, ctx->path[i], seg_length);
      length += seg_length;
    }
  if (index >= 0)
    {
      for (guint v = index; v > 0 || n_digits == 0; v /= 10)
        number[sizeof number - 1 - n_digits++] = '0' + v % 10;
      if (length + n_digits + 2 < size)
        {
          buffer[length] = '[';
          memcpy (buffer + length + 1, number + sizeof number - n_digits, n_digits);
          buffer[length + 1 + n_digits] = ']';
        }
      length += n_digits + 2;
    }
  if (length < size)
    buffer[length] = '\0';
  return length;
}

char *
_strata_merge_path (StrataMergeCtx *ctx,
                    gint            index)
{
  gsize length = format_path (ctx, index, NULL, 0);
  char *path = g_malloc (length + 1);

  format_path (ctx, index, path, length + 1);
  return path;
}

void
_strata_merge_record (StrataMergeCtx   *ctx,
                      StrataChangeKind  kind,
                      gint              index,
                      const StrataNode *old_node,
                      const StrataNode *new_node)
{
  char buffer[256];
  g_autofree char *long_path = NULL;
  const char *path = buffer;

  if (ctx->changes == NULL)
    return;
  if (format_path (ctx, index, buffer, sizeof buffer) >= sizeof buffer)
    path = long_path = _strata_merge_path (ctx, index);
  g_ptr_array_add (ctx->changes, strata_layer_change_new (kind, path, old_node, new_node));
}

/* @node takes the place of @old_node: it shadows what that one shadowed,
 * and that one. */
void
_strata_merge_shadow (StrataNode       *node,
                      const StrataNode *old_node)
{
  for (guint i = 0; old_node->shadowed != NULL && i < old_node->shadowed->len; i++)
    strata_node_add_shadowed (node, &g_array_index (old_node->shadowed, StrataPosition, i));
  strata_node_add_shadowed (node, &old_node->pos);
}
