/* strata-yaml-private.h: the tree builder behind strata_yaml_read()
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <yaml.h>

#include "strata-node.h"

G_BEGIN_DECLS

/* What the builder knows about an anchored node: the node itself (borrowed
 * from the tree being built, or from the graveyard) and its measures, so an
 * alias can be budgeted before it is copied. */
typedef struct
{
  const StrataNode *node;
  gsize             size;
  guint             height;
} StrataYamlAnchor;

/* One open collection of the builder (strata-yaml-frame.c). */
typedef struct _StrataYamlFrame StrataYamlFrame;

struct _StrataYamlFrame
{
  StrataNode     *node;
  char           *anchor;
  gsize           size;           /* nodes in the subtree, itself included */
  guint           height;         /* of the tallest child */

  /* Mappings: the key read last, waiting for its value. */
  gboolean        have_key;
  gboolean        key_is_merge;
  char           *key;
  StrataPosition  key_pos;
  /* The keys seen, for duplicates: the keys of @kids and merge_keys,
   * scanned while few, then also in @keys (borrowed strings -> line). */
  GHashTable     *keys;
  GPtrArray      *merge_keys;     /* StrataNode: the "<<" keys (owned) */

  /* "<<" values, merged when the mapping ends. */
  GPtrArray      *merge_sources;
  guint           merge_at;
  gsize           merge_size;

  /* The finished children, given to the node when it ends (one allocation
   * for all, where appending them one by one grew the array many times).
   * The buffer stays with the slot, for the next collection at this depth. */
  StrataNode    **kids;
  guint           n_kids;
  guint           kids_allocated;
  /* A bit per keys seen (from their first bytes, see key_bit()): most keys
   * are new, and a clear bit says so without comparing strings. */
  guint64         key_bits;
};


typedef struct
{
  StrataLayer     *layer;
  StrataYamlFrame *frames;      /* the open collections, innermost last */
  guint            depth;
  guint            n_allocated;
  GHashTable      *anchors;     /* name -> StrataYamlAnchor* */
  GPtrArray       *graveyard;   /* nodes anchors may point into, freed per document */
  StrataNode      *root;        /* the finished document, or NULL */
  gsize            n_nodes;     /* nodes made so far, aliases and merges expanded */
  gsize            budget;
  GError          *key_error;   /* the first non-string key, reported at document end */
  gboolean         anchored;    /* the node being attached has an anchor */
} StrataYamlBuilder;

void     _strata_yaml_builder_init      (StrataYamlBuilder  *builder,
                                         StrataLayer        *layer);
void     _strata_yaml_builder_clear     (StrataYamlBuilder  *builder);
void     _strata_yaml_builder_reset     (StrataYamlBuilder  *builder);
/* The open collections (strata-yaml-frame.c): push gives a zeroed frame
 * (its children buffer kept from the last collection at that depth). */
StrataYamlFrame *_strata_yaml_builder_push      (StrataYamlBuilder    *builder);
void             _strata_yaml_builder_pop       (StrataYamlBuilder    *builder);
void             _strata_yaml_frame_add_child   (StrataYamlFrame      *frame,
                                                 StrataNode           *node);
/* Hands the children to the frame's node, in one step. */
void             _strata_yaml_frame_flush_children (StrataYamlFrame   *frame);
/* Notes @key (a child's key or a "<<" key) as seen on @line. */
void             _strata_yaml_frame_add_key     (StrataYamlFrame      *frame,
                                                 const char           *key,
                                                 guint                 line);
/* FALSE, with the error, if the mapping already has the key @text. */
gboolean         _strata_yaml_frame_check_key   (StrataYamlFrame      *frame,
                                                 const char           *text,
                                                 const StrataPosition *pos,
                                                 GError              **error);

/* May take strings from @event (setting them to NULL); the caller frees
 * the event. */
gboolean _strata_yaml_builder_event     (StrataYamlBuilder  *builder,
                                         yaml_event_t       *event,
                                         GError            **error);

static inline StrataPosition
_strata_yaml_position (StrataLayer *layer,
                       yaml_mark_t  mark)
{
  return (StrataPosition) { layer, mark.line + 1, mark.column + 1 };
}

void     _strata_yaml_set_error         (GError            **error,
                                         gint                code,
                                         const StrataPosition *pos,
                                         const char         *format,
                                         ...) G_GNUC_PRINTF (4, 5);

/* Resolves a scalar event to a node (type, tag, text); errors when a
 * standard tag cannot hold the text. */
StrataNode *_strata_yaml_scalar_node    (StrataLayer        *layer,
                                         const yaml_event_t *event,
                                         GError            **error);
void        _strata_yaml_set_tag        (StrataNode         *node,
                                         const yaml_char_t  *tag);
char       *_strata_yaml_quote          (const char         *text);

G_END_DECLS
