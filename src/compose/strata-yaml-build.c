/* strata-yaml-build.c: libyaml events to a StrataNode tree, without recursion
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-compose-error.h"
#include "strata-yaml.h"
#include "strata-yaml-private.h"

typedef StrataYamlFrame Frame;

void
_strata_yaml_builder_init (StrataYamlBuilder *builder,
                           StrataLayer       *layer)
{
  gsize length = 0;

  builder->layer = layer;
  builder->anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  builder->graveyard = g_ptr_array_new_with_free_func ((GDestroyNotify) strata_node_free);
  strata_layer_get_text (layer, &length);
  builder->budget = STRATA_YAML_BASE_NODE_BUDGET + 10 * length;
}

/* Forgets the current document (anchors do not cross documents). */
void
_strata_yaml_builder_reset (StrataYamlBuilder *builder)
{
  g_hash_table_remove_all (builder->anchors);
  while (builder->depth > 0)
    _strata_yaml_builder_pop (builder);
  g_ptr_array_set_size (builder->graveyard, 0);
  g_clear_pointer (&builder->root, strata_node_free);
  g_clear_error (&builder->key_error);
}

void
_strata_yaml_builder_clear (StrataYamlBuilder *builder)
{
  _strata_yaml_builder_reset (builder);
  g_clear_pointer (&builder->anchors, g_hash_table_unref);
  for (guint i = 0; i < builder->n_allocated; i++)
    g_free (builder->frames[i].kids);
  g_clear_pointer (&builder->frames, g_free);
  builder->n_allocated = 0;
  g_clear_pointer (&builder->graveyard, g_ptr_array_unref);
}

static Frame *
top_frame (StrataYamlBuilder *builder)
{
  return builder->depth > 0 ? &builder->frames[builder->depth - 1] : NULL;
}

static gboolean
spend (StrataYamlBuilder    *builder,
       gsize                 n_nodes,
       const StrataPosition *pos,
       GError              **error)
{
  builder->n_nodes += n_nodes;
  if (builder->n_nodes <= builder->budget)
    return TRUE;

  _strata_yaml_set_error (error, STRATA_COMPOSE_ERROR_LIMIT, pos,
                          "document contains excessive aliasing: more than %" G_GSIZE_FORMAT
                          " values once aliases and merge keys are expanded",
                          builder->budget);
  return FALSE;
}

static void
register_anchor (StrataYamlBuilder *builder,
                 const char        *name,
                 const StrataNode  *node,
                 gsize              size,
                 guint              height)
{
  StrataYamlAnchor *anchor;

  if (name == NULL)
    return;

  anchor = g_new0 (StrataYamlAnchor, 1);
  anchor->node = node;
  anchor->size = size;
  anchor->height = height;
  g_hash_table_replace (builder->anchors, g_strdup (name), anchor);
}

/* "services.a.environment", as compose names the place of a bad key. */
static char *
key_path (StrataYamlBuilder *builder)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i + 1 < builder->depth; i++)
    {
      Frame *parent = &builder->frames[i];

      if (parent->node->kind == STRATA_NODE_SEQUENCE)
        g_string_append_printf (path, "[%u]", parent->n_kids);
      else
        g_string_append_printf (path, "%s%s", path->len > 0 ? "." : "",
                                parent->key ? parent->key : "");
    }

  return g_string_free (path, FALSE);
}

static char *
describe_key (const StrataNode *key)
{
  gint64 i;
  guint64 u;

  switch (key->type)
    {
    case STRATA_VALUE_NULL:
      return g_strdup ("<nil>");
    case STRATA_VALUE_BOOL:
      return g_ascii_strdown (key->text, -1);
    case STRATA_VALUE_INT:
      strata_yaml_parse_int (key->text, &i, &u);
      return u > (guint64) G_MAXINT64 ? g_strdup_printf ("%" G_GUINT64_FORMAT, u)
                                      : g_strdup_printf ("%" G_GINT64_FORMAT, i);
    case STRATA_VALUE_STRING:
    case STRATA_VALUE_FLOAT:
    case STRATA_VALUE_TIMESTAMP:
    default:
      return g_strdup (key->text);
    }
}

static void
note_non_string_key (StrataYamlBuilder *builder,
                     const StrataNode  *key)
{
  g_autofree char *path = NULL;
  g_autofree char *what = NULL;

  if (builder->key_error != NULL)
    return;

  path = key_path (builder);
  what = describe_key (key);
  if (path[0] == '\0')
    _strata_yaml_set_error (&builder->key_error, STRATA_COMPOSE_ERROR_TYPE, &key->pos,
                            "Non-string key at top level: %s", what);
  else
    _strata_yaml_set_error (&builder->key_error, STRATA_COMPOSE_ERROR_TYPE, &key->pos,
                            "Non-string key in %s: %s", path, what);
}

/* A finished node in key position. Takes @node. */
static gboolean
take_key (StrataYamlBuilder *builder,
          Frame             *frame,
          StrataNode        *node,
          GError           **error)
{
  /* Anchors may point at the key node: keep it until the document ends. */
  if (builder->anchored || node->kind != STRATA_NODE_SCALAR)
    g_ptr_array_add (builder->graveyard, node);

  if (node->kind != STRATA_NODE_SCALAR)
    {
      _strata_yaml_set_error (error, STRATA_COMPOSE_ERROR_TYPE, &node->pos,
                              "mapping keys must be strings, not a %s",
                              node->kind == STRATA_NODE_MAPPING ? "mapping" : "sequence");
      return FALSE;
    }

  if (!_strata_yaml_frame_check_key (frame, node->text, &node->pos, error))
    {
      if (!builder->anchored)
        strata_node_free (node);
      return FALSE;
    }

  frame->have_key = TRUE;
  frame->key_is_merge = (node->tag == NULL && node->style == STRATA_SCALAR_STYLE_PLAIN &&
                         g_str_equal (node->text, "<<")) ||
                        g_strcmp0 (node->tag, "!!merge") == 0;
  frame->key_pos = node->pos;

  if (!frame->key_is_merge && node->type != STRATA_VALUE_STRING)
    note_non_string_key (builder, node);

  if (frame->key_is_merge)
    {
      /* a key of its own: later keys must not repeat it */
      StrataNode *merge_key = builder->anchored ? strata_node_copy (node) : node;

      if (frame->merge_keys == NULL)
        frame->merge_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) strata_node_free);
      g_ptr_array_add (frame->merge_keys, merge_key);
      _strata_yaml_frame_add_key (frame, merge_key->text, merge_key->pos.line);
      frame->key = g_strdup (merge_key->text);
    }
  else if (builder->anchored)
    frame->key = g_strdup (node->text);
  else
    {
      frame->key = g_strdup (node->text);
      strata_node_free (node);
    }

  return TRUE;
}

static gboolean
take_merge_source (Frame       *frame,
                   StrataNode  *node,
                   gsize        size,
                   GError     **error)
{
  gboolean ok = node->kind == STRATA_NODE_MAPPING;

  if (node->kind == STRATA_NODE_SEQUENCE)
    {
      ok = TRUE;
      for (guint i = 0; i < node->children->len; i++)
        ok &= ((StrataNode *) g_ptr_array_index (node->children, i))->kind == STRATA_NODE_MAPPING;
    }

  if (!ok)
    {
      _strata_yaml_set_error (error, STRATA_COMPOSE_ERROR_TYPE, &node->pos,
                              "map merge requires map or sequence of maps as the value");
      strata_node_free (node);
      return FALSE;
    }

  if (frame->merge_sources == NULL)
    {
      frame->merge_sources = g_ptr_array_new_with_free_func ((GDestroyNotify) strata_node_free);
      frame->merge_at = frame->n_kids;
    }
  g_ptr_array_add (frame->merge_sources, node);
  frame->merge_size += size;
  return TRUE;
}

/* Puts a finished node (taking it) where it belongs. */
static gboolean
attach (StrataYamlBuilder *builder,
        StrataNode        *node,
        gsize              size,
        guint              height,
        GError           **error)
{
  Frame *frame = top_frame (builder);

  if (frame == NULL)
    {
      g_clear_pointer (&builder->root, strata_node_free);
      builder->root = node;
      return TRUE;
    }

  frame->size += size;
  frame->height = MAX (frame->height, height);

  if (frame->node->kind == STRATA_NODE_SEQUENCE)
    {
      _strata_yaml_frame_add_child (frame, node);
      return TRUE;
    }

  if (!frame->have_key)
    return take_key (builder, frame, node, error);

  frame->have_key = FALSE;
  if (frame->key_is_merge)
    {
      g_clear_pointer (&frame->key, g_free);
      return take_merge_source (frame, node, size, error);
    }

  strata_node_set_key (node, frame->key);
  g_clear_pointer (&frame->key, g_free);
  node->key_pos = frame->key_pos;
  _strata_yaml_frame_add_child (frame, node);
  _strata_yaml_frame_add_key (frame, node->key, node->key_pos.line);
  return TRUE;
}

static void
collect_merged (Frame      *frame,
                StrataNode *source,
                GPtrArray  *merged)
{
  for (guint i = 0; i < source->children->len; i++)
    {
      StrataNode *entry = g_ptr_array_index (source->children, i);

      StrataNode *copy;

      if (g_hash_table_contains (frame->keys, entry->key))
        continue;
      copy = strata_node_copy (entry);
      g_hash_table_add (frame->keys, copy->key);
      g_ptr_array_add (merged, copy);
    }
}

/* Explicit keys win, then earlier sources; merged entries go where "<<" was. */
static gboolean
apply_merges (StrataYamlBuilder *builder,
              Frame             *frame,
              GError           **error)
{
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GPtrArray) merged = NULL;

  if (frame->merge_sources == NULL)
    return TRUE;
  if (!spend (builder, frame->merge_size, &frame->node->pos, error))
    return FALSE;

  old = strata_node_steal_children (frame->node);
  /* every key in the hash table, merged ones too */
  if (frame->keys == NULL)
    {
      frame->keys = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < old->len; i++)
        g_hash_table_add (frame->keys, ((StrataNode *) g_ptr_array_index (old, i))->key);
      for (guint i = 0; frame->merge_keys != NULL && i < frame->merge_keys->len; i++)
        g_hash_table_add (frame->keys, ((StrataNode *) g_ptr_array_index (frame->merge_keys, i))->text);
    }

  merged = g_ptr_array_new ();
  for (guint i = 0; i < frame->merge_sources->len; i++)
    {
      StrataNode *source = g_ptr_array_index (frame->merge_sources, i);

      if (source->kind == STRATA_NODE_MAPPING)
        collect_merged (frame, source, merged);
      else
        for (guint j = 0; j < source->children->len; j++)
          collect_merged (frame, g_ptr_array_index (source->children, j), merged);
    }

  for (guint i = 0; i < old->len; i++)
    {
      if (i == frame->merge_at)
        strata_node_append_many (frame->node, (StrataNode **) merged->pdata, merged->len);
      strata_node_append (frame->node, g_ptr_array_index (old, i));
    }
  if (frame->merge_at >= old->len)
    strata_node_append_many (frame->node, (StrataNode **) merged->pdata, merged->len);
  frame->size += frame->merge_size;

  /* Sources stay alive: anchors may point into them. */
  while (frame->merge_sources->len > 0)
    g_ptr_array_add (builder->graveyard, g_ptr_array_steal_index (frame->merge_sources, 0));
  return TRUE;
}

static gboolean
open_collection (StrataYamlBuilder  *builder,
                 const yaml_event_t *event,
                 GError            **error)
{
  StrataPosition pos = _strata_yaml_position (builder->layer, event->start_mark);
  gboolean is_map = event->type == YAML_MAPPING_START_EVENT;
  const yaml_char_t *anchor = is_map ? event->data.mapping_start.anchor
                                     : event->data.sequence_start.anchor;
  const yaml_char_t *tag = is_map ? event->data.mapping_start.tag
                                  : event->data.sequence_start.tag;
  Frame *frame;

  if (builder->depth >= STRATA_YAML_MAX_DEPTH)
    {
      _strata_yaml_set_error (error, STRATA_COMPOSE_ERROR_LIMIT, &pos,
                              "values nested deeper than %d levels", STRATA_YAML_MAX_DEPTH);
      return FALSE;
    }
  if (!spend (builder, 1, &pos, error))
    return FALSE;

  frame = _strata_yaml_builder_push (builder);
  frame->node = is_map ? strata_node_new_mapping (&pos) : strata_node_new_sequence (&pos);
  if (tag != NULL && !g_str_equal ((const char *) tag, "!"))
    _strata_yaml_set_tag (frame->node, tag);
  frame->anchor = g_strdup ((const char *) anchor);
  frame->size = 1;
  return TRUE;
}

static gboolean
close_collection (StrataYamlBuilder *builder,
                  GError           **error)
{
  Frame *frame = top_frame (builder);
  StrataNode *node;
  gsize size;
  guint height;

  _strata_yaml_frame_flush_children (frame);
  if (frame->node->kind == STRATA_NODE_MAPPING && !apply_merges (builder, frame, error))
    return FALSE;

  node = g_steal_pointer (&frame->node);
  size = frame->size;
  height = frame->height + 1;
  register_anchor (builder, frame->anchor, node, size, height);
  _strata_yaml_builder_pop (builder);

  /* (a collection in key position is an error, and kept) */
  return attach (builder, node, size, height, error);
}

/* A scalar in key position that needs no node: no anchor, no tag, not
 * "<<", and a string (so no non-string key to report). */
static gboolean
is_plain_string_key (StrataYamlBuilder  *builder,
                     const yaml_event_t *event)
{
  Frame *frame = top_frame (builder);
  const char *tag = (const char *) event->data.scalar.tag;
  const char *text = (const char *) event->data.scalar.value;

  if (frame == NULL || frame->node->kind != STRATA_NODE_MAPPING || frame->have_key ||
      event->data.scalar.anchor != NULL || (tag != NULL && strcmp (tag, "!") != 0))
    return FALSE;
  switch (event->data.scalar.style)
    {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE:
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
      return TRUE;
    case YAML_PLAIN_SCALAR_STYLE:
      return strcmp (text, "<<") != 0 && strata_yaml_resolve_plain (text) == STRATA_VALUE_STRING;
    default:
      return FALSE;
    }
}

/* What read_scalar() and take_key() do for such a key, keeping only its
 * text: taken from @event (libyaml allocates with malloc, as g_free frees). */
static gboolean
read_key (StrataYamlBuilder  *builder,
          yaml_event_t       *event,
          GError            **error)
{
  StrataPosition pos = _strata_yaml_position (builder->layer, event->start_mark);
  const char *text = (const char *) event->data.scalar.value;
  Frame *frame = top_frame (builder);

  if (!spend (builder, 1, &pos, error))
    return FALSE;
  frame->size += 1;
  frame->height = MAX (frame->height, 1);
  if (!_strata_yaml_frame_check_key (frame, text, &pos, error))
    return FALSE;
  frame->have_key = TRUE;
  frame->key_is_merge = FALSE;
  frame->key_pos = pos;
  frame->key = (char *) g_steal_pointer (&event->data.scalar.value);
  return TRUE;
}

static gboolean
read_scalar (StrataYamlBuilder  *builder,
             yaml_event_t       *event,
             GError            **error)
{
  StrataNode *node;
  gboolean ok;

  if (is_plain_string_key (builder, event))
    return read_key (builder, event, error);

  node = _strata_yaml_scalar_node (builder->layer, event, error);

  if (node == NULL || !spend (builder, 1, &node->pos, error))
    {
      g_clear_pointer (&node, strata_node_free);
      return FALSE;
    }

  register_anchor (builder, (const char *) event->data.scalar.anchor, node, 1, 1);
  builder->anchored = event->data.scalar.anchor != NULL;
  ok = attach (builder, node, 1, 1, error);
  builder->anchored = FALSE;
  return ok;
}

static gboolean
read_alias (StrataYamlBuilder  *builder,
            const yaml_event_t *event,
            GError            **error)
{
  StrataPosition pos = _strata_yaml_position (builder->layer, event->start_mark);
  const char *name = (const char *) event->data.alias.anchor;
  StrataYamlAnchor *anchor = g_hash_table_lookup (builder->anchors, name);
  StrataNode *copy;

  if (anchor == NULL)
    {
      _strata_yaml_set_error (error, STRATA_COMPOSE_ERROR_PARSE, &pos,
                              "unknown anchor '%s' referenced", name);
      return FALSE;
    }
  if (builder->depth + anchor->height > STRATA_YAML_MAX_DEPTH)
    {
      _strata_yaml_set_error (error, STRATA_COMPOSE_ERROR_LIMIT, &pos,
                              "values nested deeper than %d levels once aliases are expanded",
                              STRATA_YAML_MAX_DEPTH);
      return FALSE;
    }
  if (!spend (builder, anchor->size, &pos, error))
    return FALSE;

  copy = strata_node_copy (anchor->node);
  strata_node_set_key (copy, NULL);
  copy->key_pos = (StrataPosition) { 0, };
  return attach (builder, copy, anchor->size, anchor->height, error);
}

gboolean
_strata_yaml_builder_event (StrataYamlBuilder  *builder,
                            yaml_event_t       *event,
                            GError            **error)
{
  switch (event->type)
    {
    case YAML_SCALAR_EVENT:
      return read_scalar (builder, event, error);
    case YAML_ALIAS_EVENT:
      return read_alias (builder, event, error);
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
      return open_collection (builder, event, error);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
      return close_collection (builder, error);
    case YAML_NO_EVENT:
    case YAML_STREAM_START_EVENT:
    case YAML_STREAM_END_EVENT:
    case YAML_DOCUMENT_START_EVENT:
    case YAML_DOCUMENT_END_EVENT:
    default:
      return TRUE;
    }
}
