/* strata-volume-item.h: One volume of the normalized model
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STRATA_TYPE_VOLUME_ITEM (strata_volume_item_get_type ())

G_DECLARE_FINAL_TYPE (StrataVolumeItem, strata_volume_item, STRATA, VOLUME_ITEM, GObject)

const char         *strata_volume_item_get_key (StrataVolumeItem *self);
const char         *strata_volume_item_get_name (StrataVolumeItem *self);
gboolean            strata_volume_item_get_external (StrataVolumeItem *self);
const char         *strata_volume_item_get_driver (StrataVolumeItem *self);
const char * const *strata_volume_item_get_mounted_by (StrataVolumeItem *self);

G_END_DECLS
