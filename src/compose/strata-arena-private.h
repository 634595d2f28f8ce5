/* strata-arena-private.h: what strata-node.c takes from an arena
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-arena.h"
#include "strata-node.h"

#include <string.h>

G_BEGIN_DECLS

/* Where the next bytes of one kind of block are carved: the room left in
 * the last block. Carving is inline while it fits (it is done for every
 * node and string of a load), strata-arena.c adds blocks. */
typedef struct
{
  char *next;
  char *end;
} StrataArenaCursor;

struct _StrataArena
{
  StrataArenaCursor nodes;
  StrataArenaCursor strings;
  StrataArenaCursor data;
  GArray *node_blocks;    /* of Block holding zeroed StrataNodes */
  GArray *string_blocks;  /* of Block */
  GArray *data_blocks;    /* of Block: children lists, positions, indexes */
  guint   merge_tags;     /* `!reset`/`!override` tags its nodes were given */
};

/* The arena entered on this thread, or NULL. */
StrataArena *_strata_arena_current       (void);
StrataNode  *_strata_arena_new_node_slow (StrataArena *arena);
gpointer     _strata_arena_alloc_slow    (StrataArena *arena,
                                          gsize        size);
char        *_strata_arena_string_slow   (StrataArena *arena,
                                          gsize        size);

static inline gpointer
_strata_arena_cursor_take (StrataArenaCursor *cursor,
                           gsize              size)
{
  gpointer mem;

  if (G_UNLIKELY ((gsize) (cursor->end - cursor->next) < size))
    return NULL;
  mem = cursor->next;
  cursor->next += size;
  return mem;
}

/* A zeroed node slot, released with the arena. */
static inline StrataNode *
_strata_arena_new_node (StrataArena *arena)
{
  StrataNode *node = _strata_arena_cursor_take (&arena->nodes, sizeof (StrataNode));

  return G_LIKELY (node != NULL) ? node : _strata_arena_new_node_slow (arena);
}

/* @size bytes, aligned for pointers and integers, not zeroed. */
static inline gpointer
_strata_arena_alloc (StrataArena *arena,
                     gsize        size)
{
  gpointer mem;

  size = (size + 7) & ~(gsize) 7;
  mem = _strata_arena_cursor_take (&arena->data, size);
  return G_LIKELY (mem != NULL) ? mem : _strata_arena_alloc_slow (arena, size);
}

/* A copy of the @length bytes at @text, NUL-terminated. */
static inline char *
_strata_arena_strndup (StrataArena *arena,
                       const char  *text,
                       gsize        length)
{
  char *copy = _strata_arena_cursor_take (&arena->strings, length + 1);

  if (G_UNLIKELY (copy == NULL))
    copy = _strata_arena_string_slow (arena, length + 1);
  memcpy (copy, text, length);
  copy[length] = '\0';
  return copy;
}

G_END_DECLS
