/* strata-network-item.h: One network of the normalized model
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STRATA_TYPE_NETWORK_ITEM (strata_network_item_get_type ())

G_DECLARE_FINAL_TYPE (StrataNetworkItem, strata_network_item, STRATA, NETWORK_ITEM, GObject)

const char         *strata_network_item_get_key (StrataNetworkItem *self);
const char         *strata_network_item_get_name (StrataNetworkItem *self);
gboolean            strata_network_item_get_external (StrataNetworkItem *self);
const char         *strata_network_item_get_driver (StrataNetworkItem *self);

G_END_DECLS
