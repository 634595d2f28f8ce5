/* strata-schema-index.c: a struct's fields found by name in one probe
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shaping and checking a merged project matches every key of every struct
 * against the struct's fields: a scan of the service's 90 fields per key
 * cost more than all the rest of those passes. Each struct gets a small
 * open-addressing table instead, filled once (it is a pure function of
 * the constant tables, the same for every thread and every project).
 */

#include "config.h"

#include <string.h>

#include "strata-schema-private.h"

#define SLOT_MASK (G_N_ELEMENTS (((StrataSchemaIndex *) NULL)->slots) - 1)

static inline guint
hash_key (const char *key)
{
  guint h = 0;

  for (const guchar *p = (const guchar *) key; *p; p++)
    h = h * 31 + *p;
  return (h ^ (h >> 8)) & SLOT_MASK;
}

static void
build_index (const StrataSchemaStruct *schema,
             StrataSchemaIndex        *index)
{
  g_assert (schema->n_fields <= STRATA_SCHEMA_MAX_FIELDS && schema->n_fields < SLOT_MASK / 2);

  memset (index->slots, 0, sizeof index->slots);
  for (guint f = 0; f < schema->n_fields; f++)
    {
      guint h = hash_key (schema->fields[f].name);

      /* a later field of the same name stays unreachable, as in a scan */
      while (index->slots[h] != 0 && strcmp (schema->fields[index->slots[h] - 1].name, schema->fields[f].name) != 0)
        h = (h + 1) & SLOT_MASK;
      if (index->slots[h] == 0)
        index->slots[h] = f + 1;
    }
}

gint
_strata_schema_field_index (const StrataSchemaStruct *schema,
                            const char               *key)
{
  StrataSchemaIndex *index = schema->index;

  if (key == NULL)
    return -1;
  if (g_once_init_enter (&index->ready))
    {
      build_index (schema, index);
      g_once_init_leave (&index->ready, 1);
    }
  for (guint h = hash_key (key); index->slots[h] != 0; h = (h + 1) & SLOT_MASK)
    {
      const char *name = schema->fields[index->slots[h] - 1].name;

      if (name[0] == key[0] && strcmp (name, key) == 0)
        return index->slots[h] - 1;
    }
  return -1;
}

void
_strata_schema_match (const StrataSchemaStruct *schema,
                      const StrataNode         *mapping,
                      const StrataNode        **slots)
{
  GPtrArray *children = mapping->children;

  if (mapping->kind != STRATA_NODE_MAPPING || children == NULL)
    return;
  for (guint i = 0; i < children->len; i++)
    {
      const StrataNode *child = g_ptr_array_index (children, i);
      gint f = _strata_schema_field_index (schema, child->key);

      if (f >= 0 && slots[f] == NULL)
        slots[f] = child;
    }
}
