/* strata-yaml-frame.c: the open collections of the tree builder, their
 * children and their keys
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-compose-error.h"
#include "strata-yaml-private.h"

/* Frees what @frame holds; its slot (and children buffer) stays for the
 * next collection. */
static void
frame_clear (StrataYamlFrame *frame)
{
  for (guint i = 0; i < frame->n_kids; i++)
    strata_node_free (frame->kids[i]);
  frame->n_kids = 0;
  g_clear_pointer (&frame->node, strata_node_free);
  g_clear_pointer (&frame->anchor, g_free);
  g_clear_pointer (&frame->key, g_free);
  g_clear_pointer (&frame->keys, g_hash_table_unref);
  g_clear_pointer (&frame->merge_keys, g_ptr_array_unref);
  g_clear_pointer (&frame->merge_sources, g_ptr_array_unref);
}

void
_strata_yaml_builder_pop (StrataYamlBuilder *builder)
{
  frame_clear (&builder->frames[--builder->depth]);
}

StrataYamlFrame *
_strata_yaml_builder_push (StrataYamlBuilder *builder)
{
  StrataYamlFrame *frame;
  StrataNode **kids;
  guint kids_allocated;

  if (builder->depth == builder->n_allocated)
    {
      guint n = MAX (16, 2 * builder->n_allocated);

      builder->frames = g_renew (StrataYamlFrame, builder->frames, n);
      memset (builder->frames + builder->n_allocated, 0, (n - builder->n_allocated) * sizeof (StrataYamlFrame));
      builder->n_allocated = n;
    }
  frame = &builder->frames[builder->depth++];
  kids = frame->kids;
  kids_allocated = frame->kids_allocated;
  memset (frame, 0, sizeof *frame);
  frame->kids = kids;
  frame->kids_allocated = kids_allocated;
  return frame;
}

void
_strata_yaml_frame_add_child (StrataYamlFrame *frame,
                              StrataNode      *node)
{
  if (frame->n_kids == frame->kids_allocated)
    {
      frame->kids_allocated = MAX (16, 2 * frame->kids_allocated);
      frame->kids = g_renew (StrataNode *, frame->kids, frame->kids_allocated);
    }
  frame->kids[frame->n_kids++] = node;
}

void
_strata_yaml_frame_flush_children (StrataYamlFrame *frame)
{
  if (frame->n_kids == 0)
    return;
  strata_node_append_many (frame->node, frame->kids, frame->n_kids);
  frame->n_kids = 0;
}

/* Mappings with more keys than this look duplicates up in a hash table. */
#define KEYS_HASH_MIN 16

/* From the first three bytes: no strlen() per key. */
static guint64
key_bit (const char *key)
{
  guint h = (guchar) key[0];

  if (key[0] != '\0' && key[1] != '\0')
    h = h * 31 + (guchar) key[1] + ((guchar) key[2] << 3);
  return G_GUINT64_CONSTANT (1) << (h % 64);
}

void
_strata_yaml_frame_add_key (StrataYamlFrame *frame,
                            const char      *key,
                            guint            line)
{
  frame->key_bits |= key_bit (key);
  if (frame->keys == NULL && frame->n_kids + (frame->merge_keys ? frame->merge_keys->len : 0) < KEYS_HASH_MIN)
    return;
  if (frame->keys == NULL)
    {
      frame->keys = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < frame->n_kids; i++)
        {
          StrataNode *child = frame->kids[i];
          g_hash_table_insert (frame->keys, child->key, GUINT_TO_POINTER (child->key_pos.line));
        }
      for (guint i = 0; frame->merge_keys != NULL && i < frame->merge_keys->len; i++)
        {
          StrataNode *merge_key = g_ptr_array_index (frame->merge_keys, i);
          g_hash_table_insert (frame->keys, merge_key->text, GUINT_TO_POINTER (merge_key->pos.line));
        }
    }
  else
    g_hash_table_insert (frame->keys, (gpointer) key, GUINT_TO_POINTER (line));
}

/* Whether @key was a key of @frame already, and on which line. */
static gboolean
keys_find (StrataYamlFrame *frame,
           const char      *key,
           guint           *line)
{
  gpointer value;

  if ((frame->key_bits & key_bit (key)) == 0)
    return FALSE;
  if (frame->keys != NULL)
    {
      if (!g_hash_table_lookup_extended (frame->keys, key, NULL, &value))
        return FALSE;
      *line = GPOINTER_TO_UINT (value);
      return TRUE;
    }
  for (guint i = 0; i < frame->n_kids; i++)
    {
      StrataNode *child = frame->kids[i];

      if (strcmp (child->key, key) == 0)
        return (*line = child->key_pos.line, TRUE);
    }
  for (guint i = 0; frame->merge_keys != NULL && i < frame->merge_keys->len; i++)
    {
      StrataNode *merge_key = g_ptr_array_index (frame->merge_keys, i);

      if (strcmp (merge_key->text, key) == 0)
        return (*line = merge_key->pos.line, TRUE);
    }
  return FALSE;
}

gboolean
_strata_yaml_frame_check_key (StrataYamlFrame      *frame,
                              const char           *text,
                              const StrataPosition *pos,
                              GError              **error)
{
  g_autofree char *quoted = NULL;
  guint line;

  if (!keys_find (frame, text, &line))
    return TRUE;
  quoted = _strata_yaml_quote (text);
  _strata_yaml_set_error (error, STRATA_COMPOSE_ERROR_DUPLICATE_KEY, pos,
                          "mapping key %s already defined at line %u",
                          quoted, line);
  return FALSE;
}

