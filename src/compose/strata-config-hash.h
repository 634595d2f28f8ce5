/* strata-config-hash.h: the com.docker.compose.config-hash label
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-node.h"

G_BEGIN_DECLS

/* sha256 (hex) of the compact JSON of one normalized service, as docker
 * compose v2.26.1's ServiceHash (pkg/compose/hash.go) computes it: without
 * build, pull_policy, scale and deploy.replicas, and without the `$$`
 * doubling of `config`'s output. */
char *strata_config_hash (const StrataNode *service);

/* What `docker compose config --hash` prints, which is not the label when
 * the service has env files: compose loads the project for it without
 * folding env_file into environment. @service is the normalized service,
 * @merged_service the same service in the merged tree (its environment
 * and env_file as written), @working_dir what relative env files are
 * relative to. */
char *strata_config_hash_unresolved (const StrataNode *service,
                                     const StrataNode *merged_service,
                                     const char       *working_dir);

G_END_DECLS
