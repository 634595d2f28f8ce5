/* strata-node-list.c: a node's children and positions, in its arena or not
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A node of an arena keeps its lists in the arena's data blocks (a list
 * that grows leaves its old array there), so that the arena owns all of
 * it; a node made outside an arena keeps them on the heap, freed by
 * strata_node_free().
 */

#include "config.h"

#include <string.h>

#include "strata-arena-private.h"
#include "strata-node-private.h"

gpointer
_strata_node_alloc_data (const StrataNode *node,
                         gsize             size)
{
  return node->arena != NULL ? _strata_arena_alloc (node->arena, size) : g_malloc (size);
}

/* Moves @old (of @len items of @item_size bytes) to room for @alloc. */
static gpointer
node_grow_data (const StrataNode *node,
                gpointer          old,
                gsize             len,
                gsize             alloc,
                gsize             item_size)
{
  gpointer data;

  if (node->arena == NULL)
    return g_realloc_n (old, alloc, item_size);
  data = _strata_arena_alloc (node->arena, alloc * item_size);
  if (len > 0)
    memcpy (data, old, len * item_size);
  return data;
}

StrataNodeList *
_strata_node_list_new (const StrataNode *node,
                       guint             capacity)
{
  StrataNodeList *list = _strata_node_alloc_data (node, sizeof (StrataNodeList));

  list->pdata = capacity > 0 ? _strata_node_alloc_data (node, capacity * sizeof (StrataNode *)) : NULL;
  list->len = 0;
  list->alloc = capacity;
  return list;
}

/* Room for @more children after the ones @node has. */
void
_strata_node_list_reserve (StrataNode *node,
                           guint       more)
{
  StrataNodeList *list = node->children;
  guint alloc;

  if (list->len + more <= list->alloc)
    return;
  alloc = MAX (MAX (list->alloc * 2, 4), list->len + more);
  list->pdata = node_grow_data (node, list->pdata, list->len, alloc, sizeof (StrataNode *));
  list->alloc = alloc;
}

/* Frees a list of a node made outside an arena, and its children. */
void
_strata_node_list_free (StrataNodeList *list)
{
  for (guint i = 0; i < list->len; i++)
    strata_node_free (list->pdata[i]);
  g_free (list->pdata);
  g_free (list);
}

/* A copy of @positions for @node. */
StrataPositionList *
_strata_node_positions_copy (const StrataNode         *node,
                             const StrataPositionList *positions)
{
  StrataPositionList *copy;

  if (positions == NULL)
    return NULL;
  copy = _strata_node_alloc_data (node, sizeof (StrataPositionList));
  copy->data = _strata_node_alloc_data (node, MAX (positions->len, 1) * sizeof (StrataPosition));
  if (positions->len > 0)
    memcpy (copy->data, positions->data, positions->len * sizeof (StrataPosition));
  copy->len = copy->alloc = positions->len;
  return copy;
}

void
_strata_node_positions_free (StrataPositionList *positions)
{
  if (positions == NULL)
    return;
  g_free (positions->data);
  g_free (positions);
}

/* Appends @pos to the list at @slot, made when missing. */
static void
positions_append (const StrataNode      *node,
                  StrataPositionList   **slot,
                  const StrataPosition  *pos)
{
  StrataPositionList *list = *slot;

  if (list == NULL)
    {
      list = *slot = _strata_node_alloc_data (node, sizeof (StrataPositionList));
      list->data = NULL;
      list->len = list->alloc = 0;
    }
  if (list->len == list->alloc)
    {
      list->alloc = MAX (list->alloc * 2, 2);
      list->data = node_grow_data (node, list->data, list->len, list->alloc, sizeof (StrataPosition));
    }
  list->data[list->len++] = *pos;
}

void
strata_node_add_shadowed (StrataNode           *node,
                          const StrataPosition *pos)
{
  if (pos == NULL || pos->line == 0)
    return;
  positions_append (node, &node->shadowed, pos);
}

/* Records that a variable defined at @pos went into @node's value (once). */
void
strata_node_add_interpolated (StrataNode           *node,
                              const StrataPosition *pos)
{
  for (guint i = 0; node->interpolated != NULL && i < node->interpolated->len; i++)
    {
      const StrataPosition *old = &node->interpolated->data[i];

      if (old->layer == pos->layer && old->line == pos->line && old->column == pos->column)
        return;
    }
  positions_append (node, &node->interpolated, pos);
}
