/* strata-engine-private.h: what the engine files share
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "strata-engine.h"

G_BEGIN_DECLS

GError   *_strata_engine_error_from_io     (StrataEngine *self,
                                            const GError *error);
GError   *_strata_engine_error_from_http  (StrataEngine *self,
                                            SoupMessage  *message,
                                            GBytes       *body);
int       _strata_engine_compare_versions (const char   *a,
                                            const char   *b);

G_END_DECLS
