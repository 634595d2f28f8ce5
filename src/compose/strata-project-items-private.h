/* strata-project-items-private.h: constructors of the project's list items
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-diagnostic-item.h"
#include "strata-network-item.h"
#include "strata-service-item.h"
#include "strata-volume-item.h"

G_BEGIN_DECLS

StrataDiagnosticItem *_strata_diagnostic_item_new (int                 severity,
                                                   const char         *file,
                                                   guint               line,
                                                   guint               column,
                                                   const char         *message,
                                                   const char         *hint);
StrataServiceItem    *_strata_service_item_new    (const char         *name,
                                                   const char         *image,
                                                   gboolean            has_build,
                                                   const char * const *profiles,
                                                   const char         *container_name,
                                                   const char         *ports_summary);
StrataNetworkItem    *_strata_network_item_new    (const char         *key,
                                                   const char         *name,
                                                   gboolean            external,
                                                   const char         *driver);
StrataVolumeItem     *_strata_volume_item_new     (const char         *key,
                                                   const char         *name,
                                                   gboolean            external,
                                                   const char         *driver,
                                                   const char * const *mounted_by);

G_END_DECLS
