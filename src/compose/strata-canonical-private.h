/* strata-canonical-private.h
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-node.h"

G_BEGIN_DECLS

StrataNode *_strata_derived_scalar  (const StrataNode *from,
                                     const char       *key,
                                     const char       *text,
                                     StrataValueType   type);
StrataNode *_strata_derived_mapping (const StrataNode *from,
                                     const char       *key);
gboolean    _strata_type_error      (GError          **error,
                                     const StrataNode *node,
                                     const char       *path,
                                     const char       *expected);

/* One port short form ("127.0.0.1:8001-8002:8000-8001/udp") as a sequence
 * of long-form mappings, or NULL with @error set. */
StrataNode *_strata_parse_port      (const StrataNode *spec,
                                     GError          **error);
/* One volume short form ("./src:/srv:ro") as a long-form mapping. */
StrataNode *_strata_parse_volume    (const StrataNode *spec,
                                     GError          **error);

G_END_DECLS
