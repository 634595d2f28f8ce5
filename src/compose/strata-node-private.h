/* strata-node-private.h: the lookup index of big mappings, node storage
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-node.h"

G_BEGIN_DECLS

/* Mappings with at least this many children get an index on lookup. */
#define STRATA_NODE_INDEX_MIN 12

/* The position of @key among the children of @mapping, or -1 when the
 * index does not know it (the caller then scans). Builds the index on
 * first use, or again when the children changed behind its back. */
gint  _strata_node_index_find  (const StrataNode *mapping,
                                const char       *key);
/* The last child of @mapping was just appended. */
void  _strata_node_index_added (StrataNode       *mapping);
void  _strata_node_index_clear (const StrataNode *mapping);

/* Whether the tree of @node may hold a `!reset` or `!override` tag: FALSE
 * only when its arena never gave one to any node (the merge then skips
 * looking for them). */
gboolean _strata_node_may_have_merge_tags (const StrataNode *node);

/* Lists (strata-node-list.c), where @node keeps them. */
StrataNodeList     *_strata_node_list_new       (const StrataNode         *node,
                                                 guint                     capacity);
void                _strata_node_list_reserve   (StrataNode               *node,
                                                 guint                     more);
void                _strata_node_list_free      (StrataNodeList           *list);
StrataPositionList *_strata_node_positions_copy (const StrataNode         *node,
                                                 const StrataPositionList *positions);
void                _strata_node_positions_free (StrataPositionList       *positions);

/* @size bytes where @node keeps its lists: its arena, or the heap. */
gpointer            _strata_node_alloc_data     (const StrataNode         *node,
                                                 gsize                     size);

G_END_DECLS
