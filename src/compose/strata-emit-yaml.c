/* strata-emit-yaml.c: YAML exactly as gopkg.in/yaml.v3 prints compose's model
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Block style only, 2-space indent, sequences indented under their key,
 * empty collections as `{}`/`[]`, no line wrapping (yaml.v3 sets an
 * unlimited width). Scalars and keys: strata-emit-yaml-scalar.c.
 *
 * Everything is written into one GString (for a stream: written out and
 * emptied whenever it holds STRATA_EMIT_CHUNK bytes), and `config`'s `$` doubling
 * happens as text is written (only scalars and keys can hold a `$`).
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strata-emit.h"
#include "strata-emit-private.h"
#include "strata-emit-yaml-private.h"

/* Between entries: hands a full chunk to the stream, if any. */
static inline void
maybe_flush (StrataYamlWriter *e)
{
  if (G_UNLIKELY (e->out->len >= STRATA_EMIT_CHUNK) && e->stream != NULL)
    {
      fwrite (e->out->str, 1, e->out->len, e->stream);
      g_string_truncate (e->out, 0);
    }
}

static void emit_mapping  (StrataYamlWriter *e, const StrataNode *node, guint indent, gboolean inline_first);
static void emit_sequence (StrataYamlWriter *e, const StrataNode *node, guint indent, gboolean inline_first);

/* After "key:" (@indent is the key's column). */
static void
emit_value (StrataYamlWriter *e,
            const StrataNode *node,
            guint             indent)
{
  if (node->kind == STRATA_NODE_SCALAR)
    {
      g_string_append_c (e->out, ' ');
      _strata_yaml_write_scalar (e, node, indent + 2);
    }
  else if (strata_node_get_n_children (node) == 0)
    _strata_yaml_append_len (e->out, node->kind == STRATA_NODE_MAPPING ? " {}\n" : " []\n", 4);
  else
    {
      g_string_append_c (e->out, '\n');
      if (node->kind == STRATA_NODE_MAPPING)
        emit_mapping (e, node, indent + 2, FALSE);
      else
        emit_sequence (e, node, indent + 2, FALSE);
    }
}

static int
compare_yaml_keys (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const StrataNode *na = *(StrataNode * const *) a;
  const StrataNode *nb = *(StrataNode * const *) b;

  return _strata_yaml_key_compare (na->key ? na->key : "", nb->key ? nb->key : "");
}

/* A stable sort (as g_ptr_array_sort ()), checking first whether the
 * nodes are in order already (service names often are). */
static void
sort_by_key (StrataNode **nodes,
             guint        n)
{
  for (guint i = 1; i < n; i++)
    if (compare_yaml_keys (&nodes[i - 1], &nodes[i], NULL) > 0)
      {
        g_qsort_with_data (nodes, n, sizeof (StrataNode *), compare_yaml_keys, NULL);
        return;
      }
}

static gboolean
is_extension_key (const char *key)
{
  return key != NULL && key[0] == 'x' && key[1] == '-';
}

/* _strata_emit_ordered_children (@mapping, FALSE) into @order (room for
 * all the children); returns how many. */
static guint
ordered_children (const StrataNode  *mapping,
                  StrataNode       **order)
{
  StrataNodeList *children = mapping->children;
  gboolean is_map = (mapping->flags & STRATA_NODE_FLAG_MAP) != 0;
  guint n = 0, n_fields;

  for (guint i = 0; i < children->len; i++)
    {
      StrataNode *child = g_ptr_array_index (children, i);

      if (!(child->flags & STRATA_NODE_FLAG_JSON_ONLY) && (is_map || !is_extension_key (child->key)))
        order[n++] = child;
    }
  if (is_map)
    return (sort_by_key (order, n), n);

  /* a struct's extensions go last */
  n_fields = n;
  for (guint i = 0; i < children->len; i++)
    {
      StrataNode *child = g_ptr_array_index (children, i);

      if (!(child->flags & STRATA_NODE_FLAG_JSON_ONLY) && is_extension_key (child->key))
        order[n++] = child;
    }
  sort_by_key (order + n_fields, n - n_fields);
  return n;
}

/* One "key: value" of a mapping at @indent; @inline when it goes on the
 * line already started (the first of a list item). */
static void
emit_mapping_entry (StrataYamlWriter *e,
                    const StrataNode *child,
                    guint             indent,
                    gboolean          inline_)
{
  maybe_flush (e);
  if (!inline_)
    _strata_yaml_put_indent (e, indent);
  _strata_yaml_write_key (e, child->key ? child->key : "", indent);
  g_string_append_c (e->out, ':');
  emit_value (e, child, indent);
}

/* Mappings this long (the services of a big project), written to a
 * stream, have their second half made by another thread meanwhile. */
#define SPLIT_ENTRIES 256

typedef struct
{
  StrataYamlWriter    e;
  StrataNode * const *nodes;
  guint               n;
  guint               indent;
  GPtrArray          *chunks;
} Part;

static gpointer
emit_part (gpointer data)
{
  Part *part = data;

  for (guint i = 0; i < part->n; i++)
    {
      if (part->e.out->len >= STRATA_EMIT_CHUNK)
        {
          g_ptr_array_add (part->chunks, g_string_free_to_bytes (part->e.out));
          part->e.out = g_string_sized_new (2 * STRATA_EMIT_CHUNK - 1);
        }
      emit_mapping_entry (&part->e, part->nodes[i], part->indent, FALSE);
    }
  g_ptr_array_add (part->chunks, g_string_free_to_bytes (part->e.out));
  return NULL;
}

/* The entries of a long mapping in two halves, the second made by a
 * thread (only reading the tree) while this one writes the first. */
static void
emit_entries_split (StrataYamlWriter   *e,
                    StrataNode * const *nodes,
                    guint               n,
                    guint               indent,
                    gboolean            inline_first)
{
  guint half = n / 2;
  g_autoptr(GPtrArray) chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  Part part = { { g_string_sized_new (2 * STRATA_EMIT_CHUNK - 1), e->dollars, NULL }, nodes + half, n - half,
                indent, chunks };
  GThread *thread = g_thread_new ("strata-emit", emit_part, &part);

  for (guint i = 0; i < half; i++)
    emit_mapping_entry (e, nodes[i], indent, i == 0 && inline_first);
  g_thread_join (thread);
  fwrite (e->out->str, 1, e->out->len, e->stream);
  g_string_truncate (e->out, 0);
  for (guint i = 0; i < chunks->len; i++)
    {
      gsize size;
      gconstpointer bytes = g_bytes_get_data (g_ptr_array_index (chunks, i), &size);

      fwrite (bytes, 1, size, e->stream);
    }
}

static void
emit_mapping (StrataYamlWriter *e,
              const StrataNode *node,
              guint             indent,
              gboolean          inline_first)
{
  StrataNode *few[32];
  guint n_children = strata_node_get_n_children (node);
  g_autofree StrataNode **many = n_children > G_N_ELEMENTS (few) ? g_new (StrataNode *, n_children) : NULL;
  StrataNode **children = many != NULL ? many : few;
  guint n = n_children > 0 ? ordered_children (node, children) : 0;

  if (n == 0)
    {
      _strata_yaml_append_len (e->out, "{}\n", 3);
      return;
    }
  if (e->stream != NULL && n >= SPLIT_ENTRIES)
    {
      emit_entries_split (e, children, n, indent, inline_first);
      return;
    }
  for (guint i = 0; i < n; i++)
    emit_mapping_entry (e, children[i], indent, i == 0 && inline_first);
}

static void
emit_sequence (StrataYamlWriter *e,
               const StrataNode *node,
               guint             indent,
               gboolean          inline_first)
{
  guint n = strata_node_get_n_children (node);

  if (n == 0)
    {
      _strata_yaml_append_len (e->out, "[]\n", 3);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      const StrataNode *item = g_ptr_array_index (node->children, i);

      maybe_flush (e);
      if (i > 0 || !inline_first)
        _strata_yaml_put_indent (e, indent);
      _strata_yaml_append_len (e->out, "- ", 2);
      if (item->kind == STRATA_NODE_SCALAR)
        _strata_yaml_write_scalar (e, item, indent + 2);
      else if (item->kind == STRATA_NODE_MAPPING)
        emit_mapping (e, item, indent + 2, TRUE);
      else
        emit_sequence (e, item, indent + 2, TRUE);
    }
}

static void
emit_root (StrataYamlWriter *e,
           const StrataNode *root)
{
  if (root->kind == STRATA_NODE_MAPPING)
    emit_mapping (e, root, 0, FALSE);
  else if (root->kind == STRATA_NODE_SEQUENCE)
    emit_sequence (e, root, 0, FALSE);
  else
    _strata_yaml_write_scalar (e, root, 0);
}

static char *
emit (const StrataNode *root,
      gboolean          dollars)
{
  StrataYamlWriter e = { g_string_sized_new (4096), dollars, NULL };

  emit_root (&e, root);
  return g_string_free (e.out, FALSE);
}

void
strata_emit_yaml_to_stream (const StrataNode *root,
                            FILE             *stream)
{
  /* room for a chunk and the entry that fills it, most of the time */
  StrataYamlWriter e = { g_string_sized_new (2 * STRATA_EMIT_CHUNK - 1), TRUE, stream };

  g_return_if_fail (root != NULL);
  g_return_if_fail (stream != NULL);

  emit_root (&e, root);
  fwrite (e.out->str, 1, e.out->len, stream);
  g_string_free (e.out, TRUE);
}

char *
_strata_emit_yaml_raw (const StrataNode *root)
{
  return emit (root, FALSE);
}

char *
strata_emit_yaml (const StrataNode *root)
{
  g_return_val_if_fail (root != NULL, NULL);

  return emit (root, TRUE);
}
