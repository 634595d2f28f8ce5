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

typedef struct _StrataYamlFrame StrataYamlFrame;

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
