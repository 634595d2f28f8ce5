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
#define DEFAULT_FLAGS (STRATA_SCHEMA_FIELD_JSON_EMPTY | STRATA_SCHEMA_FIELD_JSON_NULL | \
                       STRATA_SCHEMA_FIELD_YAML_ZERO)

static const StrataSchemaIndex *get_index (const StrataSchemaStruct *schema);

/* From the first two bytes (of a name that is not empty): cheap, and
 * names that share them (cpu_*) are few and differ soon after. */
static inline guint
hash_key (const char *key)
{
  const guchar *k = (const guchar *) key;

  return (k[0] * 31 + k[1]) & SLOT_MASK;
}

static inline gboolean
same_name (const char *name,
           const char *key)
{
  for (; *name == *key; name++, key++)
    if (*name == '\0')
      return TRUE;
  return FALSE;
}

static gboolean
kind_parses (StrataSchemaKind kind)
{
  return kind == STRATA_SCHEMA_DURATION || kind == STRATA_SCHEMA_BYTES;
}

/* The structs nest a few levels deep, never in a cycle. */
static gboolean
field_parses (const StrataSchemaField *field)
{
  if (kind_parses (field->kind))
    return TRUE;
  if ((field->kind == STRATA_SCHEMA_LIST || field->kind == STRATA_SCHEMA_MAP) && kind_parses (field->elem))
    return TRUE;
  return field->sub != NULL && _strata_schema_parses (field->sub);
}

static void
build_index (const StrataSchemaStruct *schema,
             StrataSchemaIndex        *index)
{
  g_assert (schema->n_fields <= STRATA_SCHEMA_MAX_FIELDS && schema->n_fields < SLOT_MASK / 2);

  memset (index->slots, 0, sizeof index->slots);
  memset (&index->model, 0, sizeof index->model);
  memset (&index->parsed, 0, sizeof index->parsed);
  index->n_defaults = 0;
  for (guint f = 0; f < schema->n_fields; f++)
    {
      const StrataSchemaField *field = &schema->fields[f];
      guint h = hash_key (field->name);

      g_assert (field->name[0] != '\0');
      /* a later field of the same name stays unreachable, as in a scan */
      while (index->slots[h] != 0 && strcmp (schema->fields[index->slots[h] - 1].name, field->name) != 0)
        h = (h + 1) & SLOT_MASK;
      if (index->slots[h] == 0)
        index->slots[h] = f + 1;
      if (field->flags & DEFAULT_FLAGS)
        index->defaults[index->n_defaults++] = f;
      if (!(field->flags & STRATA_SCHEMA_FIELD_INPUT_ONLY) || (field->flags & STRATA_SCHEMA_FIELD_DROPPED))
        _strata_schema_field_set_add (&index->model, f);
      if (!(field->flags & STRATA_SCHEMA_FIELD_INPUT_ONLY) && field_parses (field))
        _strata_schema_field_set_add (&index->parsed, f);
    }
}

static const StrataSchemaIndex *
get_index (const StrataSchemaStruct *schema)
{
  StrataSchemaIndex *index = schema->index;

  if (g_once_init_enter (&index->ready))
    {
      build_index (schema, index);
      g_once_init_leave (&index->ready, 1);
    }
  return index;
}

/* The field of @want named @key, or -1 (a name can only be the first
 * field of that name: build_index () leaves the others out). */
static inline gint
find (const StrataSchemaStruct   *schema,
      const StrataSchemaIndex    *index,
      const StrataSchemaFieldSet *want,
      const char                 *key)
{
  if (key == NULL || key[0] == '\0')
    return -1;
  for (guint h = hash_key (key); index->slots[h] != 0; h = (h + 1) & SLOT_MASK)
    {
      guint f = index->slots[h] - 1;

      if (_strata_schema_field_set_has (want, f) && same_name (schema->fields[f].name, key))
        return f;
    }
  return -1;
}

gint
_strata_schema_field_index (const StrataSchemaStruct *schema,
                            const char               *key)
{
  static const StrataSchemaFieldSet all = { { G_MAXUINT64, G_MAXUINT64 } };

  return find (schema, get_index (schema), &all, key);
}

gboolean
_strata_schema_parses (const StrataSchemaStruct *schema)
{
  const StrataSchemaIndex *index = get_index (schema);

  return (index->parsed.bits[0] | index->parsed.bits[1]) != 0;
}

static inline void
list_field (StrataSchemaMatch *match,
            guint              f,
            StrataNode        *node)
{
  _strata_schema_field_set_add (&match->listed, f);
  match->nodes[f] = node;
  match->fields[match->n_fields++] = f;
}

static void
sort_fields (StrataSchemaMatch *match)
{
  for (guint i = 1; i < match->n_fields; i++)
    {
      guint8 f = match->fields[i];
      guint j = i;

      for (; j > 0 && match->fields[j - 1] > f; j--)
        match->fields[j] = match->fields[j - 1];
      match->fields[j] = f;
    }
}

static guint
match_fields (const StrataSchemaStruct   *schema,
              const StrataSchemaIndex    *index,
              const StrataNode           *mapping,
              const StrataSchemaFieldSet *want,
              gboolean                    defaults,
              StrataSchemaMatch          *match,
              gpointer                   *rest)
{
  StrataNodeList *children = mapping->children;
  guint n_rest = 0;

  memset (&match->listed, 0, sizeof match->listed);
  match->n_fields = 0;
  for (guint i = 0; defaults && i < index->n_defaults; i++)
    list_field (match, index->defaults[i], NULL);

  for (guint i = 0; children != NULL && i < children->len; i++)
    {
      StrataNode *child = g_ptr_array_index (children, i);
      gint f = find (schema, index, want, child->key);

      if (f >= 0 && !_strata_schema_field_set_has (&match->listed, f))
        list_field (match, f, child);
      else if (f >= 0 && match->nodes[f] == NULL)
        match->nodes[f] = child;  /* a default field */
      else if (rest != NULL)
        rest[n_rest++] = child;
      else
        n_rest++;
    }
  sort_fields (match);
  return n_rest;
}

guint
_strata_schema_match (const StrataSchemaStruct *schema,
                      const StrataNode         *mapping,
                      StrataSchemaMatchSet      which,
                      StrataSchemaMatch        *match,
                      gpointer                 *rest)
{
  const StrataSchemaIndex *index = get_index (schema);

  return match_fields (schema, index, mapping, which == STRATA_SCHEMA_MATCH_PARSED ? &index->parsed : &index->model,
                       which == STRATA_SCHEMA_MATCH_DEFAULTS, match, rest);
}

void
_strata_schema_match_only (const StrataSchemaStruct   *schema,
                           const StrataNode           *mapping,
                           const StrataSchemaFieldSet *want,
                           StrataSchemaMatch          *match)
{
  match_fields (schema, get_index (schema), mapping, want, FALSE, match, NULL);
}

StrataNode *
_strata_schema_match_get (const StrataSchemaStruct *schema,
                          const StrataSchemaMatch  *match,
                          const char               *name)
{
  gint f = _strata_schema_field_index (schema, name);

  return f >= 0 && _strata_schema_field_set_has (&match->listed, f) ? match->nodes[f] : NULL;
}
