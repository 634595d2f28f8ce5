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

/* Durations and byte sizes of the shaped project that compose-go cannot
 * decode (strata-validate-values.c). */
gboolean    _strata_validate_values    (const StrataNode          *project,
                                        GError                   **error);

/* cpus, mem_limit, mem_reservation and pids_limit against deploy.resources
 * (strata-validate-resources.c): @values[i] is the service's field named
 * _strata_validate_resource_field (i) (or NULL), @deploy its deploy. */
#define STRATA_VALIDATE_N_RESOURCE_FIELDS 4
const char *_strata_validate_resource_field (guint             i);
gboolean    _strata_validate_resources (const StrataNode          *service,
                                        const StrataNode          *deploy,
                                        const StrataNode * const  *values,
                                        GError                   **error);

/* The field of @schema whose name is nearest to @name (a typo), or NULL. */
const char *_strata_closest_name       (const char                *name,
                                        const StrataSchemaStruct  *schema);

G_END_DECLS
