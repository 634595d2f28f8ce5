/* strata-normalize-private.h: the parts of strata_normalize_project ()
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-normalize.h"

G_BEGIN_DECLS

/* strata-normalize-paths.c: ~ and relative paths against the project folder */
/* g_canonicalize_filename (@path, @dir), without its work when joining is
 * all it takes (@dir absolute) */
char     *_strata_canonicalize_path     (const char                   *path,
                                         const char                   *dir);
char     *_strata_resolve_path          (const StrataNormalizeContext *ctx,
                                         const char                   *path);
void      _strata_resolve_text          (const StrataNormalizeContext *ctx,
                                         StrataNode                   *node);
void      _strata_normalize_build       (const StrataNormalizeContext *ctx,
                                         StrataNode                   *build);
void      _strata_normalize_volumes     (const StrataNormalizeContext *ctx,
                                         StrataNode                   *service);

/* strata-normalize-env.c */
gboolean  _strata_normalize_environment (const StrataNormalizeContext *ctx,
                                         StrataNode                   *service,
                                         GError                      **error);

/* strata-normalize-hosts.c: extra_hosts of a service or build, sorted */
gboolean  _strata_normalize_extra_hosts (StrataNode                   *parent,
                                         GError                      **error);

/* strata-normalize-services.c */
gboolean  _strata_split_command         (StrataNode                   *parent,
                                         const char                   *key,
                                         GError                      **error);

/* strata-shellwords.c: @line split into @out (of owned strings) as
 * go-shellwords v1.0.12 does; FALSE for "invalid command line string". */
gboolean  _strata_shell_split           (const char                   *line,
                                         GPtrArray                    *out);
gboolean  _strata_normalize_service     (const StrataNormalizeContext *ctx,
                                         StrataNode                   *service,
                                         GError                      **error);

/* strata-normalize-resources.c: unused resources dropped, names given */
void      _strata_normalize_resources   (const StrataNormalizeContext *ctx,
                                         StrataNode                   *project);

G_END_DECLS
