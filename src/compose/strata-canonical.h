/* strata-canonical.h: short syntax to compose's long forms, one file at a time
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-node.h"

G_BEGIN_DECLS

/* Rewrites one interpolated file (before merging) into the canonical forms
 * that compose-go v2's transform package and type decoders produce: ports
 * and volumes long form, KEY=VAL lists as mappings, depends_on, networks,
 * build, extends, env_file, secrets/configs, devices, extra_hosts... Nodes
 * that are made up keep the position of the node they come from with
 * origin STRATA_ORIGIN_DERIVED. A value of the wrong type is a
 * STRATA_COMPOSE_ERROR_TYPE error naming file:line:col. @diagnostics (of
 * StrataDiagnostic, may be NULL) receives warnings. */
gboolean strata_canonical_transform (StrataNode  *file_root,
                                     GPtrArray   *diagnostics,
                                     GError     **error);

G_END_DECLS
