/* strata-normalize.h: the merged model as `docker compose config` prints it
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-node.h"

G_BEGIN_DECLS

/* Returns the value of @name (process environment, then .env), or NULL. */
typedef const char *(*StrataEnvLookup) (const char *name,
                                        gpointer    user_data);

/* Reads one env_file into @into (name → value, both owned strings).
 * TODO: point this at the .env parser of strata-environment.h once it lands
 * on main; when NULL, a minimal KEY=VALUE reader is used. */
typedef gboolean (*StrataEnvFileReader) (const char  *path,
                                         GHashTable  *into,
                                         gpointer     user_data,
                                         GError     **error);

typedef struct
{
  const char          *project_name;
  const char          *working_dir;      /* absolute */
  const char          *home_dir;
  const char * const  *profiles;         /* active profiles, NULL-terminated, or NULL */
  StrataEnvLookup      lookup_env;
  StrataEnvFileReader  read_env_file;    /* may be NULL */
  gpointer             user_data;
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
