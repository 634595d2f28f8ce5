/* strata-node-index.c: hashed key lookup for big mappings
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The services of a big project are looked up by name thousands of times;
 * a scan with strcmp made that quadratic. A mapping with many children gets
 * an open-addressing table of (hash of key, position). The table holds no
 * pointers into the tree: a hit is checked against the child now at that
 * position, so code that edits `children` directly can never get a wrong
 * answer, only a miss, after which strata-node.c scans as before. The index
 * is a cache on a const node: a tree is used by one thread at a time (the
 * loader's, then the main thread's), as everywhere in src/compose/.
 */

#include "config.h"

#include <string.h>

#include "strata-node-private.h"

typedef struct
{
  guint32 hash;
  guint32 pos1;   /* position + 1; 0 is an empty slot */
} Slot;

typedef struct
{
  const StrataNodeList *children;  /* compared only: the list it describes */
  guint            len;       /* children->len it describes */
  guint            mask;      /* n_slots - 1 */
  Slot             slots[];
} Index;

static inline guint32
hash_key (const char *key)
{
  guint32 h = 2166136261u;  /* FNV-1a */

  for (const guchar *p = (const guchar *) key; *p != '\0'; p++)
    h = (h ^ *p) * 16777619u;
  return h;
}

static void
insert (Index  *index,
        guint32 hash,
        guint   pos)
{
  guint i = hash & index->mask;

  while (index->slots[i].pos1 != 0)
    i = (i + 1) & index->mask;
  index->slots[i].hash = hash;
  index->slots[i].pos1 = pos + 1;
}

static Index *
build (const StrataNode *mapping)
{
  guint len = mapping->children->len;
  guint n_slots = 16;
  Index *index;

  while (n_slots < len * 2 + 8)
    n_slots *= 2;
  index = _strata_node_alloc_data (mapping, sizeof (Index) + n_slots * sizeof (Slot));
  memset (index, 0, sizeof (Index) + n_slots * sizeof (Slot));
  index->children = mapping->children;
  index->len = len;
  index->mask = n_slots - 1;
  for (guint i = 0; i < len; i++)
    {
      const StrataNode *child = g_ptr_array_index (mapping->children, i);

      if (child->key != NULL)
        insert (index, hash_key (child->key), i);
    }
  return index;
}

void
_strata_node_index_clear (const StrataNode *mapping)
{
  StrataNode *node = (StrataNode *) mapping;

  /* in an arena, the arena frees it */
  if (node->arena == NULL)
    g_free (node->index);
  node->index = NULL;
}

gint
_strata_node_index_find (const StrataNode *mapping,
                         const char       *key)
{
  StrataNode *node = (StrataNode *) mapping;
  Index *index = node->index;
  guint32 hash;
  gint found = -1;

  if (index == NULL || index->children != mapping->children || index->len != mapping->children->len)
    {
      _strata_node_index_clear (mapping);
      node->index = index = build (mapping);
    }

  hash = hash_key (key);
  for (guint i = hash & index->mask; index->slots[i].pos1 != 0; i = (i + 1) & index->mask)
    {
      guint pos = index->slots[i].pos1 - 1;
      const StrataNode *child;

      if (index->slots[i].hash != hash || pos >= mapping->children->len)
        continue;
      child = g_ptr_array_index (mapping->children, pos);
      /* the first of equal keys, as a scan finds it */
      if (child->key != NULL && strcmp (child->key, key) == 0 && (found < 0 || (gint) pos < found))
        found = pos;
    }
  return found;
}

void
_strata_node_index_added (StrataNode *mapping)
{
  Index *index = mapping->index;
  const StrataNode *child;

  if (index == NULL)
    return;
  if (index->children != mapping->children || index->len + 1 != mapping->children->len ||
      (index->len + 1) * 2 > index->mask)
    {
      _strata_node_index_clear (mapping);
      return;
    }
  child = g_ptr_array_index (mapping->children, index->len);
  if (child->key != NULL)
    insert (index, hash_key (child->key), index->len);
  index->len++;
}
