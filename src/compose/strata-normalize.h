/* strata-normalize.h: the merged model as `docker compose config` prints it
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-environment.h"
#include "strata-node.h"

G_BEGIN_DECLS

typedef struct
{
  const char          *project_name;
  const char          *working_dir;      /* absolute */
  const char          *home_dir;
  const char * const  *profiles;         /* active profiles, NULL-terminated, or NULL */
  StrataEnvironment   *environment;      /* process environment, then .env; bare keys look here */
} StrataNormalizeContext;

/* Post-merge normalization (compose 2.26.1): profiles, defaults, paths,
 * env_file folded into environment, implied dependencies, resource names,
 * unused resources dropped, scalars cast and fields put in compose's order
 * (see strata-schema.c). @project is the merged, canonical tree. */
gboolean strata_normalize_project (StrataNode                   *project,
                                   const StrataNormalizeContext *ctx,
                                   GPtrArray                    *diagnostics,
                                   GError                      **error);

G_END_DECLS
