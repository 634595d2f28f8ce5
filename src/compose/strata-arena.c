/* strata-arena.c: node and string blocks of a load
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/mman.h>

#include "strata-arena-private.h"
#include "strata-node-private.h"

/* Blocks start small (a small project needs 64 KiB of each kind), then
 * 512 KiB, then 2 MiB, the size of a huge page: those are mapped at a
 * 2 MiB boundary and offered to the kernel as huge pages, one page fault
 * where 4 KiB pages took 512 (1000-service bench: 2603 -> 1829 faults,
 * 31.6 -> 23 ms; going to 2 MiB at once: 1100 faults but 5 MiB more
 * memory in half-used blocks). */
#define FIRST_BLOCK (64 * 1024)
#define HUGE_BLOCK  (2 * 1024 * 1024)
/* Longer strings and arrays get a block of their own. */
#define OWN_BLOCK   (16 * 1024)

/* The block a cursor carves from is the last of its array; its `used`
 * is brought up to date from the cursor only when it stops being that
 * (or when the arena is adopted). */
typedef struct
{
  gpointer mem;
  gsize    size;
  gsize    used;    /* bytes */
  gboolean mapped;  /* by huge_block_new() */
} Block;

/* A thread-local variable rather than a GPrivate: it is read for every
 * node made. */
static __thread StrataArena *current_arena;

/* @size (HUGE_BLOCK) zeroed bytes at a @size boundary, or NULL. */
static gpointer
huge_block_new (gsize size)
{
  char *mem = mmap (NULL, 2 * size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  gsize head;

  if (mem == MAP_FAILED)
    return NULL;
  head = (size - (guintptr) mem % size) % size;
  if (head > 0)
    munmap (mem, head);
  munmap (mem + head + size, size - head);
#ifdef MADV_HUGEPAGE
  madvise (mem + head, size, MADV_HUGEPAGE);
#endif
  return mem + head;
}

/* Appends a block eight times the size of the last one (up to
 * HUGE_BLOCK) with room for at least @need bytes. */
static Block *
add_block (GArray *blocks,
           gsize   need,
           gboolean zeroed)
{
  Block block = { NULL, FIRST_BLOCK, 0, FALSE };

  if (blocks->len > 0)
    block.size = MIN (g_array_index (blocks, Block, blocks->len - 1).size * 8, HUGE_BLOCK);
  if (block.size == HUGE_BLOCK && need <= HUGE_BLOCK)
    block.mem = huge_block_new (HUGE_BLOCK);
  block.mapped = block.mem != NULL;
  if (block.mem == NULL)
    {
      block.size = MAX (block.size, need);
      block.mem = zeroed ? g_malloc0 (block.size) : g_malloc (block.size);
    }
  g_array_append_val (blocks, block);
  return &g_array_index (blocks, Block, blocks->len - 1);
}

static void
block_clear (Block *block)
{
  if (block->mapped)
    munmap (block->mem, block->size);
  else
    g_free (block->mem);
}

/* Writes what @cursor carved into the last block of @blocks. */
static void
sync_used (GArray                  *blocks,
           const StrataArenaCursor *cursor)
{
  Block *block;

  if (blocks->len == 0)
    return;
  block = &g_array_index (blocks, Block, blocks->len - 1);
  block->used = cursor->next - (char *) block->mem;
}

/* Room for @size bytes in a new last block of @blocks, which @cursor
 * carves from after that (the inline fast path of
 * strata-arena-private.h found no room in the last one). */
static gpointer
carve (GArray            *blocks,
       StrataArenaCursor *cursor,
       gsize              size,
       gboolean           zeroed)
{
  Block *block;
  gpointer mem;

  if ((gsize) (cursor->end - cursor->next) >= size)
    {
      mem = cursor->next;
      cursor->next += size;
      return mem;
    }
  sync_used (blocks, cursor);
  block = add_block (blocks, size, zeroed);
  mem = block->mem;
  block->used = size;
  cursor->next = (char *) block->mem + size;
  cursor->end = (char *) block->mem + block->size;
  return mem;
}

StrataArena *
strata_arena_new (void)
{
  StrataArena *arena = g_new0 (StrataArena, 1);

  arena->node_blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  arena->string_blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  arena->data_blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  g_array_set_clear_func (arena->node_blocks, (GDestroyNotify) block_clear);
  g_array_set_clear_func (arena->string_blocks, (GDestroyNotify) block_clear);
  g_array_set_clear_func (arena->data_blocks, (GDestroyNotify) block_clear);

  return arena;
}

/* The nodes of an arena own nothing outside it (their children lists,
 * positions and indexes are in its data blocks): freeing it is freeing
 * its blocks, without a look at any node. */
void
strata_arena_free (StrataArena *arena)
{
  if (arena == NULL)
    return;

  g_array_unref (arena->node_blocks);
  g_array_unref (arena->string_blocks);
  g_array_unref (arena->data_blocks);
  g_free (arena);
}

/* Moves the blocks of @from into @to, before @to's last one (the block
 * it carves from keeps its room). */
static void
move_blocks (GArray *to,
             GArray *from)
{
  guint at = to->len > 0 ? to->len - 1 : 0;

  g_array_insert_vals (to, at, from->data, from->len);
  g_array_set_clear_func (from, NULL);
  g_array_set_size (from, 0);
}

void
strata_arena_adopt (StrataArena *arena,
                    StrataArena *other)
{
  g_return_if_fail (arena != NULL && arena != other);

  if (other == NULL)
    return;
  sync_used (other->node_blocks, &other->nodes);
  sync_used (other->string_blocks, &other->strings);
  sync_used (other->data_blocks, &other->data);
  for (guint b = 0; b < other->node_blocks->len; b++)
    {
      Block *block = &g_array_index (other->node_blocks, Block, b);
      StrataNode *nodes = block->mem;

      for (gsize i = 0; i < block->used / sizeof (StrataNode); i++)
        nodes[i].arena = arena;
    }
  move_blocks (arena->node_blocks, other->node_blocks);
  move_blocks (arena->string_blocks, other->string_blocks);
  move_blocks (arena->data_blocks, other->data_blocks);
  arena->merge_tags += other->merge_tags;
  strata_arena_free (other);
}

StrataArena *
strata_arena_enter (StrataArena *arena)
{
  StrataArena *previous = current_arena;

  current_arena = arena;
  return previous;
}

void
strata_arena_leave (StrataArena *previous)
{
  current_arena = previous;
}

StrataArena *
_strata_arena_current (void)
{
  return current_arena;
}

StrataNode *
_strata_arena_new_node_slow (StrataArena *arena)
{
  return carve (arena->node_blocks, &arena->nodes, sizeof (StrataNode), TRUE);
}

/* @size bytes from @blocks; a big size gets a block of its own, put
 * before the last block (which keeps its room). */
static gpointer
carve_any (GArray            *blocks,
           StrataArenaCursor *cursor,
           gsize              size)
{
  Block block = { NULL, size, size, FALSE };

  if (size < OWN_BLOCK)
    return carve (blocks, cursor, size, FALSE);
  block.mem = g_malloc (size);
  g_array_insert_val (blocks, 0, block);
  return block.mem;
}

gpointer
_strata_arena_alloc_slow (StrataArena *arena,
                          gsize        size)
{
  return carve_any (arena->data_blocks, &arena->data, size);
}

char *
_strata_arena_string_slow (StrataArena *arena,
                           gsize        size)
{
  return carve_any (arena->string_blocks, &arena->strings, size);
}
