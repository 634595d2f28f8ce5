/* strata-node.c: positioned YAML nodes
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-arena-private.h"
#include "strata-node-private.h"

/* A zeroed node: from the thread's arena if one is entered. */
static StrataNode *
node_alloc (void)
{
  StrataArena *arena = _strata_arena_current ();
  StrataNode *node;

  if (arena == NULL)
    return g_new0 (StrataNode, 1);
  node = _strata_arena_new_node (arena);
  node->arena = arena;
  return node;
}

/* A copy of @length bytes of @text where @node keeps its strings. */
static char *
node_strndup (const StrataNode *node,
              const char       *text,
              gsize             length)
{
  if (node->arena == NULL)
    return g_strndup (text, length);
  return _strata_arena_strndup (node->arena, text, length);
}

static char *
node_strdup (const StrataNode *node,
             const char       *text)
{
  return text == NULL ? NULL : node_strndup (node, text, strlen (text));
}

/* Frees a string of @node's before it is replaced. */
static void
node_string_free (const StrataNode *node,
                  char             *text)
{
  if (node->arena == NULL)
    g_free (text);
}

/* A node whose collection (if any) has room for @n_children. */
static StrataNode *
node_new_sized (StrataNodeKind        kind,
                const StrataPosition *pos,
                guint                 n_children)
{
  StrataNode *node = node_alloc ();

  node->kind = kind;
  if (pos != NULL)
    node->pos = *pos;
  node->origin = STRATA_ORIGIN_DEFINED;
  if (kind != STRATA_NODE_SCALAR)
    node->children = g_ptr_array_new_full (n_children, (GDestroyNotify) strata_node_free);

  return node;
}

static StrataNode *
node_new (StrataNodeKind        kind,
          const StrataPosition *pos)
{
  return node_new_sized (kind, pos, 0);
}

StrataNode *
strata_node_new_scalar (const StrataPosition *pos,
                        const char           *text,
                        StrataValueType       type)
{
  StrataNode *node = node_new (STRATA_NODE_SCALAR, pos);

  node->text = node_strdup (node, text ? text : "");
  node->type = type;

  return node;
}

/* A scalar of the @length bytes at @text (which need not end there). */
StrataNode *
strata_node_new_scalar_len (const StrataPosition *pos,
                            const char           *text,
                            gsize                 length,
                            StrataValueType       type)
{
  StrataNode *node = node_new (STRATA_NODE_SCALAR, pos);

  node->text = node_strndup (node, text, strnlen (text, length));
  node->type = type;

  return node;
}

StrataNode *
strata_node_new_mapping (const StrataPosition *pos)
{
  return node_new (STRATA_NODE_MAPPING, pos);
}

StrataNode *
strata_node_new_sequence (const StrataPosition *pos)
{
  return node_new (STRATA_NODE_SEQUENCE, pos);
}

static GArray *
copy_positions (GArray *positions)
{
  GArray *copy;

  if (positions == NULL)
    return NULL;

  copy = g_array_sized_new (FALSE, FALSE, sizeof (StrataPosition), positions->len);
  g_array_append_vals (copy, positions->data, positions->len);
  return copy;
}

StrataNode *
strata_node_copy (const StrataNode *node)
{
  StrataNode *copy;

  g_return_val_if_fail (node != NULL, NULL);

  copy = node_new_sized (node->kind, &node->pos, node->children ? node->children->len : 0);
  copy->key = node_strdup (copy, node->key);
  copy->key_pos = node->key_pos;
  copy->tag = node_strdup (copy, node->tag);
  copy->text = node_strdup (copy, node->text);
  copy->style = node->style;
  copy->type = node->type;
  copy->origin = node->origin;
  copy->flags = node->flags;
  copy->shadowed = copy_positions (node->shadowed);
  copy->interpolated = copy_positions (node->interpolated);

  if (node->children != NULL)
    for (guint i = 0; i < node->children->len; i++)
      g_ptr_array_add (copy->children, strata_node_copy (g_ptr_array_index (node->children, i)));

  return copy;
}

void
_strata_node_release (StrataNode *node)
{
  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_clear_pointer (&node->shadowed, g_array_unref);
  g_clear_pointer (&node->interpolated, g_array_unref);
  g_clear_pointer (&node->index, g_free);
}

/* A node of an arena goes with its arena. */
void
strata_node_free (StrataNode *node)
{
  if (node == NULL || node->arena != NULL)
    return;

  g_free (node->key);
  g_free (node->tag);
  g_free (node->text);
  _strata_node_release (node);
  g_free (node);
}

guint
strata_node_get_n_children (const StrataNode *node)
{
  return node != NULL && node->children ? node->children->len : 0;
}

StrataNode *
strata_node_get_child (const StrataNode *node,
                       guint             index)
{
  g_return_val_if_fail (node->children != NULL, NULL);
  g_return_val_if_fail (index < node->children->len, NULL);

  return g_ptr_array_index (node->children, index);
}

static gint
scan (const StrataNode *mapping,
      const char       *key)
{
  for (guint i = 0; i < mapping->children->len; i++)
    {
      StrataNode *child = g_ptr_array_index (mapping->children, i);

      if (key == NULL ? child->key == NULL
                      : child->key != NULL && child->key[0] == key[0] && strcmp (child->key, key) == 0)
        return i;
    }
  return -1;
}

static gint
find_key (const StrataNode *mapping,
          const char       *key)
{
  gint i;

  if (mapping == NULL || mapping->kind != STRATA_NODE_MAPPING)
    return -1;
  if (key == NULL || mapping->children->len < STRATA_NODE_INDEX_MIN)
    return scan (mapping, key);
  if ((i = _strata_node_index_find (mapping, key)) >= 0)
    return i;
  /* Not indexed: absent, or added behind the index's back. */
  if ((i = scan (mapping, key)) >= 0)
    _strata_node_index_clear (mapping);
  return i;
}

StrataNode *
strata_node_lookup (const StrataNode *mapping,
                    const char       *key)
{
  gint i = find_key (mapping, key);

  return i < 0 ? NULL : g_ptr_array_index (mapping->children, i);
}

const char *
strata_node_lookup_text (const StrataNode *mapping,
                         const char       *key)
{
  StrataNode *child = strata_node_lookup (mapping, key);

  if (child == NULL || child->kind != STRATA_NODE_SCALAR)
    return NULL;
  return child->text;
}

void
strata_node_append (StrataNode *parent,
                    StrataNode *child)
{
  g_return_if_fail (parent->children != NULL);

  g_ptr_array_add (parent->children, child);
  if (parent->index != NULL)
    _strata_node_index_added (parent);
}

/* Sets @key to @value (taking ownership), replacing an existing entry in
 * place so that the key keeps its position, or appending a new one. */
void
strata_node_set (StrataNode *mapping,
                 const char *key,
                 StrataNode *value)
{
  gint i;

  g_return_if_fail (mapping->kind == STRATA_NODE_MAPPING);

  if (value->key != key)
    strata_node_set_key (value, key);

  i = find_key (mapping, key);
  if (i < 0)
    {
      strata_node_append (mapping, value);
      return;
    }

  strata_node_free (g_ptr_array_index (mapping->children, i));
  g_ptr_array_index (mapping->children, i) = value;
}

StrataNode *
strata_node_steal (StrataNode *mapping,
                   const char *key)
{
  gint i = find_key (mapping, key);

  if (i < 0)
    return NULL;
  _strata_node_index_clear (mapping);
  return g_ptr_array_steal_index (mapping->children, i);
}

gboolean
strata_node_remove (StrataNode *mapping,
                    const char *key)
{
  g_autoptr(StrataNode) node = strata_node_steal (mapping, key);

  return node != NULL;
}

gboolean
strata_node_is_null (const StrataNode *node)
{
  return node == NULL ||
         (node->kind == STRATA_NODE_SCALAR && node->type == STRATA_VALUE_NULL);
}

void
strata_node_add_shadowed (StrataNode           *node,
                          const StrataPosition *pos)
{
  if (pos == NULL || pos->line == 0)
    return;
  if (node->shadowed == NULL)
    node->shadowed = g_array_new (FALSE, FALSE, sizeof (StrataPosition));
  g_array_append_val (node->shadowed, *pos);
}

void
strata_node_set_text (StrataNode *node,
                      const char *text)
{
  char *old = node->text;

  node->text = node_strdup (node, text);
  node_string_free (node, old);
}

/* The @length bytes at @text (which need not end there). */
void
strata_node_set_text_len (StrataNode *node,
                          const char *text,
                          gsize       length)
{
  char *old = node->text;

  node->text = node_strndup (node, text, length);
  node_string_free (node, old);
}

/* Sets the text to @text, a string from g_malloc() that the node takes. */
void
strata_node_take_text (StrataNode *node,
                       char       *text)
{
  if (node->arena == NULL)
    {
      g_free (node->text);
      node->text = text;
      return;
    }
  node->text = node_strdup (node, text);
  g_free (text);
}

void
strata_node_set_key (StrataNode *node,
                     const char *key)
{
  char *old = node->key;

  node->key = node_strdup (node, key);
  node_string_free (node, old);
}

void
strata_node_set_tag (StrataNode *node,
                     const char *tag)
{
  char *old = node->tag;

  node->tag = node_strdup (node, tag);
  node_string_free (node, old);
}
