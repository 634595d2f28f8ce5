/* strata-arena.c: node and string blocks of a load
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-arena-private.h"
#include "strata-node-private.h"

/* Nodes per block (about 240 KiB), and bytes per block of strings. */
#define NODES_PER_BLOCK 2048
#define STRING_BLOCK    (256 * 1024)
/* Longer strings get a block of their own. */
#define STRING_OWN      (STRING_BLOCK / 8)

struct _StrataArena
{
  GPtrArray  *node_blocks;    /* of StrataNode[NODES_PER_BLOCK], zeroed */
  guint       nodes_used;     /* in the last node block */
  GPtrArray  *string_blocks;  /* of char[], including own ones */
  char       *string_next;    /* free room in the last shared block */
  gsize       string_left;
};

static GPrivate current_arena;

StrataArena *
strata_arena_new (void)
{
  StrataArena *arena = g_new0 (StrataArena, 1);

  arena->node_blocks = g_ptr_array_new_with_free_func (g_free);
  arena->string_blocks = g_ptr_array_new_with_free_func (g_free);
  arena->nodes_used = NODES_PER_BLOCK;

  return arena;
}

/* What the nodes own outside the arena (collections, positions, indexes)
 * is released first, while every node is still readable: a collection's
 * free function looks at the nodes it holds. */
void
strata_arena_free (StrataArena *arena)
{
  if (arena == NULL)
    return;

  for (guint b = 0; b < arena->node_blocks->len; b++)
    {
      StrataNode *nodes = g_ptr_array_index (arena->node_blocks, b);
      guint n = b + 1 == arena->node_blocks->len ? arena->nodes_used : NODES_PER_BLOCK;

      for (guint i = 0; i < n; i++)
        _strata_node_release (&nodes[i]);
    }
  g_ptr_array_unref (arena->node_blocks);
  g_ptr_array_unref (arena->string_blocks);
  g_free (arena);
}

StrataArena *
strata_arena_enter (StrataArena *arena)
{
  StrataArena *previous = g_private_get (&current_arena);

  g_private_set (&current_arena, arena);
  return previous;
}

void
strata_arena_leave (StrataArena *previous)
{
  g_private_set (&current_arena, previous);
}

StrataArena *
_strata_arena_current (void)
{
  return g_private_get (&current_arena);
}

StrataNode *
_strata_arena_new_node (StrataArena *arena)
{
  StrataNode *nodes;

  if (arena->nodes_used == NODES_PER_BLOCK)
    {
      g_ptr_array_add (arena->node_blocks, g_new0 (StrataNode, NODES_PER_BLOCK));
      arena->nodes_used = 0;
    }
  nodes = g_ptr_array_index (arena->node_blocks, arena->node_blocks->len - 1);
  return &nodes[arena->nodes_used++];
}

/* A copy of the @length bytes at @text, NUL-terminated. */
char *
_strata_arena_strndup (StrataArena *arena,
                       const char  *text,
                       gsize        length)
{
  char *copy;

  if (length >= STRING_OWN)
    {
      copy = g_malloc (length + 1);
      g_ptr_array_add (arena->string_blocks, copy);
    }
  else
    {
      if (length + 1 > arena->string_left)
        {
          arena->string_next = g_malloc (STRING_BLOCK);
          arena->string_left = STRING_BLOCK;
          g_ptr_array_add (arena->string_blocks, arena->string_next);
        }
      copy = arena->string_next;
      arena->string_next += length + 1;
      arena->string_left -= length + 1;
    }
  memcpy (copy, text, length);
  copy[length] = '\0';
  return copy;
}
