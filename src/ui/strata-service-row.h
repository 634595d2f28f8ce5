/* strata-service-row.h: one service and the live state of its containers
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "strata-service-item.h"

G_BEGIN_DECLS

#define STRATA_TYPE_SERVICE_ROW (strata_service_row_get_type())

G_DECLARE_FINAL_TYPE (StrataServiceRow, strata_service_row, STRATA, SERVICE_ROW, AdwActionRow)

GtkWidget         *strata_service_row_new             (StrataServiceItem *service);
StrataServiceItem *strata_service_row_get_service     (StrataServiceRow  *self);
void               strata_service_row_update          (StrataServiceRow  *self,
                                                       GPtrArray         *containers,
                                                       const char        *expected_hash);
void               strata_service_row_set_busy        (StrataServiceRow  *self,
                                                       gboolean           busy);
gboolean           strata_service_row_get_busy        (StrataServiceRow  *self);
const char        *strata_service_row_get_state_label (StrataServiceRow  *self);
const char        *strata_service_row_get_health      (StrataServiceRow  *self);
gboolean           strata_service_row_get_stale       (StrataServiceRow  *self);

G_END_DECLS
