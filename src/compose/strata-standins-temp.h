/* strata-standins-temp.h: TEMPORARY stand-ins for the reader and output work
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TEMPORARY. The loader (compose-loader branch) needs the YAML reader, the
 * environment, interpolation (compose-reader branch), the canonical
 * transform, normalization and the emitters (compose-output branch) before
 * those branches have landed. This file declares minimal stand-ins with the
 * agreed signatures. Delete it (and strata-standins-temp.c) as soon as the
 * real headers are on main, and include strata-yaml.h, strata-environment.h,
 * strata-interpolate.h, strata-canonical.h, strata-normalize.h and
 * strata-emit.h instead.
 */

#pragma once

#include "strata-diagnostic.h"
#include "strata-canonical.h"
#include "strata-emit.h"
#include "strata-node.h"
#include "strata-normalize.h"
#include "strata-yaml.h"

G_BEGIN_DECLS

/* strata-environment.h */
typedef struct _StrataEnvironment StrataEnvironment;

StrataEnvironment *strata_environment_new_from_envp (const char * const *envp);
void               strata_environment_free          (StrataEnvironment  *env);
const char        *strata_environment_lookup        (StrataEnvironment  *env,
                                                     const char         *name,
                                                     StrataPosition     *pos);
void               strata_environment_set           (StrataEnvironment  *env,
                                                     const char         *name,
                                                     const char         *value,
                                                     const StrataPosition *pos);
gboolean           strata_environment_load_dotenv   (StrataEnvironment  *env,
                                                     StrataLayer        *layer,
                                                     gboolean            override_existing,
                                                     GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrataEnvironment, strata_environment_free)

/* strata-interpolate.h */
gboolean           strata_interpolate_tree          (StrataNode         *root,
                                                     StrataEnvironment  *env,
                                                     GPtrArray          *diagnostics,
                                                     GError            **error);

G_END_DECLS
