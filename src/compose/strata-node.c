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

/* Counts a `!reset` or `!override` tag just given to @node in its arena. */
static void
note_merge_tag (const StrataNode *node)
{
  StrataArena *arena = node->arena;

  if (arena != NULL && node->tag != NULL &&
      (strcmp (node->tag, "!reset") == 0 || strcmp (node->tag, "!override") == 0))
    arena->merge_tags++;
}

gboolean
_strata_node_may_have_merge_tags (const StrataNode *node)
{
  StrataArena *arena = node->arena;

  return arena == NULL || arena->merge_tags > 0;
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
    node->children = _strata_node_list_new (node, n_children);

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

StrataNode *
strata_node_copy (const StrataNode *node)
{
  StrataNode *copy;

  g_return_val_if_fail (node != NULL, NULL);

  copy = node_new_sized (node->kind, &node->pos, node->children ? node->children->len : 0);
  copy->key = node_strdup (copy, node->key);
  copy->key_pos = node->key_pos;
  copy->tag = node_strdup (copy, node->tag);
  note_merge_tag (copy);
  copy->text = node_strdup (copy, node->text);
  copy->style = node->style;
  copy->type = node->type;
  copy->origin = node->origin;
  copy->flags = node->flags;
  copy->shadowed = _strata_node_positions_copy (copy, node->shadowed);
  copy->interpolated = _strata_node_positions_copy (copy, node->interpolated);

  if (node->children != NULL)
    for (guint i = 0; i < node->children->len; i++)
      copy->children->pdata[copy->children->len++] = strata_node_copy (node->children->pdata[i]);

  return copy;
}

/* A node of an arena goes with its arena (and holds only nodes of
 * arenas that live as long). */
void
strata_node_free (StrataNode *node)
{
  if (node == NULL || node->arena != NULL)
    return;

  g_free (node->key);
  g_free (node->tag);
  g_free (node->text);
  g_clear_pointer (&node->children, _strata_node_list_free);
  _strata_node_positions_free (node->shadowed);
  _strata_node_positions_free (node->interpolated);
  g_free (node->index);
  g_free (node);
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

  _strata_node_list_reserve (parent, 1);
  parent->children->pdata[parent->children->len++] = child;
  if (parent->index != NULL)
    _strata_node_index_added (parent);
}

/* Puts the @n_children nodes at @children (taken) at @index among the
 * children of @parent. */
void
strata_node_insert_many (StrataNode         *parent,
                         guint               index,
                         StrataNode * const *children,
                         guint               n_children)
{
  StrataNodeList *list = parent->children;

  g_return_if_fail (list != NULL && index <= list->len);

  if (n_children == 0)
    return;
  _strata_node_list_reserve (parent, n_children);
  memmove (&list->pdata[index + n_children], &list->pdata[index], (list->len - index) * sizeof (StrataNode *));
  memcpy (&list->pdata[index], children, n_children * sizeof (StrataNode *));
  list->len += n_children;
  _strata_node_index_clear (parent);
}

void
strata_node_append_many (StrataNode         *parent,
                         StrataNode * const *children,
                         guint               n_children)
{
  strata_node_insert_many (parent, parent->children->len, children, n_children);
}

/* Puts @child (taken) at @index among the children of @parent. */
void
strata_node_insert_child (StrataNode *parent,
                          guint       index,
                          StrataNode *child)
{
  StrataNodeList *list = parent->children;

  g_return_if_fail (list != NULL && index <= list->len);

  _strata_node_list_reserve (parent, 1);
  memmove (&list->pdata[index + 1], &list->pdata[index], (list->len - index) * sizeof (StrataNode *));
  list->pdata[index] = child;
  list->len++;
  _strata_node_index_clear (parent);
}

/* Takes the child at @index out of @parent and returns it. */
StrataNode *
strata_node_steal_child (StrataNode *parent,
                         guint       index)
{
  StrataNodeList *list = parent->children;
  StrataNode *child;

  g_return_val_if_fail (list != NULL && index < list->len, NULL);

  child = list->pdata[index];
  memmove (&list->pdata[index], &list->pdata[index + 1], (list->len - index - 1) * sizeof (StrataNode *));
  list->len--;
  _strata_node_index_clear (parent);
  return child;
}

void
strata_node_remove_child (StrataNode *parent,
                          guint       index)
{
  strata_node_free (strata_node_steal_child (parent, index));
}

/* Keeps the first @n_children children of @parent and forgets the others
 * without freeing them (they were moved or freed already). */
void
strata_node_forget_children (StrataNode *parent,
                             guint       n_children)
{
  g_return_if_fail (parent->children != NULL && n_children <= parent->children->len);

  parent->children->len = n_children;
  _strata_node_index_clear (parent);
}

/* Removes @child from the children of @parent and frees it. */
gboolean
strata_node_remove_node (StrataNode *parent,
                         StrataNode *child)
{
  for (guint i = 0; i < parent->children->len; i++)
    if (parent->children->pdata[i] == child)
      {
        strata_node_remove_child (parent, i);
        return TRUE;
      }
  return FALSE;
}

/* Takes all the children of @node out, in a new array without a free
 * function (the caller owns them); @node keeps none. */
GPtrArray *
strata_node_steal_children (StrataNode *node)
{
  StrataNodeList *list = node->children;
  GPtrArray *children = g_ptr_array_sized_new (list->len);

  if (list->len > 0)
    memcpy (children->pdata, list->pdata, list->len * sizeof (StrataNode *));
  children->len = list->len;
  list->len = 0;
  _strata_node_index_clear (node);
  return children;
}

/* Turns the scalar @node into an empty mapping or sequence. */
void
strata_node_make_collection (StrataNode     *node,
                             StrataNodeKind  kind)
{
  g_return_if_fail (kind != STRATA_NODE_SCALAR);

  strata_node_set_text (node, NULL);
  node->kind = kind;
  if (node->children == NULL)
    node->children = _strata_node_list_new (node, 1);
}

/* Keeps the first @n_children children of @parent, freeing the others. */
void
strata_node_set_n_children (StrataNode *parent,
                            guint       n_children)
{
  StrataNodeList *list = parent->children;

  g_return_if_fail (list != NULL && n_children <= list->len);

  while (list->len > n_children)
    strata_node_free (list->pdata[--list->len]);
  _strata_node_index_clear (parent);
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
  return strata_node_steal_child (mapping, i);
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

/* Puts @copy (made where @node keeps its strings) in @slot and frees the
 * string it replaces. */
static void
replace_string (const StrataNode  *node,
                char             **slot,
                char              *copy)
{
  char *old = *slot;

  *slot = copy;
  node_string_free (node, old);
}

void
strata_node_set_text (StrataNode *node,
                      const char *text)
{
  replace_string (node, &node->text, node_strdup (node, text));
}

/* The @length bytes at @text (which need not end there). */
void
strata_node_set_text_len (StrataNode *node,
                          const char *text,
                          gsize       length)
{
  replace_string (node, &node->text, node_strndup (node, text, length));
}

/* Sets the text to @text, a string from g_malloc() that the node takes. */
void
strata_node_take_text (StrataNode *node,
                       char       *text)
{
  if (node->arena == NULL)
    {
      replace_string (node, &node->text, text);
      return;
    }
  replace_string (node, &node->text, node_strdup (node, text));
  g_free (text);
}

void
strata_node_set_key (StrataNode *node,
                     const char *key)
{
  replace_string (node, &node->key, node_strdup (node, key));
}

void
strata_node_set_key_static (StrataNode *node,
                            const char *key)
{
  replace_string (node, &node->key, node->arena != NULL ? (char *) key : node_strdup (node, key));
}

void
strata_node_set_tag (StrataNode *node,
                     const char *tag)
{
  replace_string (node, &node->tag, node_strdup (node, tag));
  note_merge_tag (node);
}
