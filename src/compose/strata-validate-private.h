/* strata-validate-private.h
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-node.h"
#include "strata-schema-private.h"

G_BEGIN_DECLS

/* compose-spec.json's checks on one file (strata-validate-schema.c). */
gboolean    _strata_validate_schema    (const StrataNode          *file_root,
                                        const StrataNode          *accumulated,
                                        GError                   **error);

/* The field of @schema whose name is nearest to @name (a typo), or NULL. */
const char *_strata_closest_name       (const char                *name,
                                        const StrataSchemaStruct  *schema);

G_END_DECLS
