/* strata-environment.h: variables for interpolation, with where each was defined
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-node.h"

G_BEGIN_DECLS

/* name -> value, in definition order, each with the position that defined it
 * (line 0 and no layer for the process environment). Reference counted; it
 * keeps the layers of its positions alive. */
typedef struct _StrataEnvironment StrataEnvironment;

StrataEnvironment *strata_environment_new           (void);
StrataEnvironment *strata_environment_new_from_envp (const char * const *envp);
StrataEnvironment *strata_environment_copy          (StrataEnvironment  *env);
StrataEnvironment *strata_environment_ref           (StrataEnvironment  *env);
void               strata_environment_unref         (StrataEnvironment  *env);

/* The value, or NULL when @name is not set (an empty value is set). */
const char        *strata_environment_lookup        (StrataEnvironment  *env,
                                                     const char         *name,
                                                     StrataPosition     *out_pos);
void               strata_environment_set           (StrataEnvironment  *env,
                                                     const char         *name,
                                                     const char         *value,
                                                     const StrataPosition *pos);
gboolean           strata_environment_unset         (StrataEnvironment  *env,
                                                     const char         *name);
guint              strata_environment_get_size      (StrataEnvironment  *env);
/* Names in definition order (NULL-terminated, owned by the caller). */
char             **strata_environment_dup_names     (StrataEnvironment  *env);
/* "NAME=value" strings in definition order. */
char             **strata_environment_dup_envp      (StrataEnvironment  *env);

/* Reads a .env file (layer role STRATA_LAYER_ROLE_ENV_FILE) as compose
 * 2.26.1 does (compose-go's dotenv package):
 *
 * - blank lines and lines starting with '#' are skipped; "export " is
 *   dropped; "K=V" and "K: V"; keys are letters, digits, '_', '.', '-', '[',
 *   ']'; "K=" is empty; a bare "K" copies K from @env when it is set there;
 * - unquoted values end at the line end or at " #", trailing space trimmed,
 *   and are interpolated;
 * - '…' is literal (may span lines; \' is a quote);
 * - "…" may span lines, takes \a \b \f \n \r \t \v \\ \" \$ and \0NNN
 *   octal escapes, then is interpolated;
 * - interpolation looks up @env first, then the keys this file defined
 *   before, as compose does (unset: "" and a warning in @diagnostics).
 *
 * Values that came from the process environment (no layer) are never
 * replaced. @override_existing decides whether this file replaces what an
 * earlier file set (TRUE: compose's rule for several --env-file, later wins)
 * or keeps it (FALSE). Errors are STRATA_COMPOSE_ERROR_PARSE or
 * STRATA_COMPOSE_ERROR_INTERPOLATION with "file:line:col: ". */
gboolean           strata_environment_load_dotenv      (StrataEnvironment  *env,
                                                        StrataLayer        *layer,
                                                        gboolean            override_existing,
                                                        GError            **error);
gboolean           strata_environment_load_dotenv_full (StrataEnvironment  *env,
                                                        StrataLayer        *layer,
                                                        gboolean            override_existing,
                                                        GPtrArray          *diagnostics,
                                                        GError            **error);

/* Only the file's own definitions, in order (a service's env_file): lookups
 * for interpolation and bare keys go to @lookup_env, which is not changed. */
StrataEnvironment *strata_environment_parse_dotenv     (StrataLayer        *layer,
                                                        StrataEnvironment  *lookup_env,
                                                        GPtrArray          *diagnostics,
                                                        GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrataEnvironment, strata_environment_unref)

G_END_DECLS
