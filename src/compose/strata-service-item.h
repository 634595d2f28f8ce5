/* strata-service-item.h: One service of the normalized model
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STRATA_TYPE_SERVICE_ITEM (strata_service_item_get_type ())

G_DECLARE_FINAL_TYPE (StrataServiceItem, strata_service_item, STRATA, SERVICE_ITEM, GObject)

const char         *strata_service_item_get_name (StrataServiceItem *self);
const char         *strata_service_item_get_image (StrataServiceItem *self);
gboolean            strata_service_item_get_has_build (StrataServiceItem *self);
const char * const *strata_service_item_get_profiles (StrataServiceItem *self);
const char         *strata_service_item_get_container_name (StrataServiceItem *self);
const char         *strata_service_item_get_ports_summary (StrataServiceItem *self);

G_END_DECLS
