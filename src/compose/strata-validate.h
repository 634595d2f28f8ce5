/* strata-validate.h: the checks compose 2.26.1 makes before it accepts a project
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-node.h"

G_BEGIN_DECLS

/* The schema check of one interpolated file, before its canonical
 * transform (compose-go validates each file against compose-spec.json as
 * it merges it): unknown keys ("services.web Additional property foo is not
 * allowed"), values of the wrong type ("services.web.ports must be a list"),
 * then the rules on top-level resources (external volumes that set more
 * than `name`, secrets and configs without a source). @accumulated is the
 * merged tree of the files before this one, or NULL: a null in an override
 * where an earlier file has a value is not an error, as compose merges
 * before it validates. Errors are STRATA_COMPOSE_ERROR_TYPE (schema) or
 * STRATA_COMPOSE_ERROR_INVALID, "file:line:col: compose's message", then the
 * fix on a second line. */
gboolean strata_validate_file    (const StrataNode  *file_root,
                                  const StrataNode  *accumulated,
                                  GError           **error);

/* The consistency checks of the normalized project (after
 * strata_normalize_project), in compose-go's order, services by name:
 * image or build, dockerfile/dockerfile_inline, build platforms,
 * network_mode with networks, undefined networks, healthcheck.test,
 * depends_on (and what implies it: links, volumes_from, network_mode
 * service:x) naming an undefined or disabled service, undefined volumes,
 * build secrets, configs and secrets, scale against deploy.replicas,
 * container_name with scale, then dependency cycles. The first failure is
 * a STRATA_COMPOSE_ERROR_INVALID (cycles STRATA_COMPOSE_ERROR_CYCLE).
 * @diagnostics (may be NULL) is for warnings; none are emitted yet. */
gboolean strata_validate_project (StrataNode        *project,
                                  GPtrArray         *diagnostics,
                                  GError           **error);

G_END_DECLS
