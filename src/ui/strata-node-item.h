/* strata-node-item.h: one value of a merged tree, as a list model item
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "strata-node.h"

G_BEGIN_DECLS

#define STRATA_TYPE_NODE_ITEM (strata_node_item_get_type())

G_DECLARE_FINAL_TYPE (StrataNodeItem, strata_node_item, STRATA, NODE_ITEM, GObject)

/* The node is borrowed: @owner (which owns the tree) is kept alive instead. */
StrataNodeItem   *strata_node_item_new           (GObject          *owner,
                                                  const StrataNode *node,
                                                  const char       *parent_path,
                                                  guint             index);
const StrataNode *strata_node_item_get_node      (StrataNodeItem   *self);
GObject          *strata_node_item_get_owner     (StrataNodeItem   *self);
const char       *strata_node_item_get_key       (StrataNodeItem   *self);
const char       *strata_node_item_get_path      (StrataNodeItem   *self);
char             *strata_node_item_dup_value     (StrataNodeItem   *self);
char             *strata_node_item_dup_source    (StrataNodeItem   *self);
char             *strata_node_item_dup_shadowed  (StrataNodeItem   *self);
const char       *strata_node_item_get_origin_label (StrataNodeItem *self);
GListStore       *strata_node_item_list_children (StrataNodeItem   *self);
GListStore       *strata_node_item_list_root     (GObject          *owner,
                                                  const StrataNode *root);

const char       *strata_origin_kind_to_label    (StrataOriginKind  origin);

G_END_DECLS
