/* strata-interpolate.h: ${VAR} substitution in values, as compose 2.26.1 does it
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-environment.h"
#include "strata-node.h"

G_BEGIN_DECLS

/* Syntax (compose-go v2.0.x template package):
 *   $$           a literal "$"
 *   $NAME        NAME is [_A-Za-z][_A-Za-z0-9]*; a "$" before anything else
 *   ${NAME}      but "$", a name or "{" stays as written
 *   ${NAME:-d}   d if NAME is unset or empty      ${NAME-d}  d if unset
 *   ${NAME:+r}   r if NAME is set and not empty   ${NAME+r}  r if set
 *   ${NAME:?m}   error "required variable NAME is missing a value: m"
 *                if unset or empty                ${NAME?m}  if unset
 * d, r and m are interpolated themselves (so defaults nest). A "${" that
 * starts nothing valid is an error ("invalid interpolation format"). An unset
 * variable without a default gives "" and the warning compose prints:
 *   The "X" variable is not set. Defaulting to a blank string.
 *
 * THE "$" CONVENTION: after interpolation a node's text holds the literal
 * value, with a single "$" where the file had "$$". Emitters that print
 * compose's `config` output must double every "$" of a value again (compose
 * prints `$$HOME` for `$$HOME`); keys are never interpolated and keep their
 * text as written.
 */

/* Interpolates @input. On success *@output is the result (owned),
 * @used_positions (a GArray of StrataPosition, or NULL) gets the definition
 * of each variable that was set when looked up (line 0 for the process
 * environment), and @diagnostics (of StrataDiagnostic, or NULL) gets a
 * warning at @pos for each unset variable without a default. Errors are
 * STRATA_COMPOSE_ERROR_INTERPOLATION, "POS: Invalid template: \"...\"" or
 * "POS: required variable X is missing a value: msg". */
gboolean strata_interpolate_string (const char            *input,
                                    StrataEnvironment     *env,
                                    const StrataPosition  *pos,
                                    char                 **output,
                                    GArray                *used_positions,
                                    GPtrArray             *diagnostics,
                                    GError               **error);

/* Interpolates every scalar value of type STRING under @root in place (keys
 * never; values tagged !reset are skipped, compose drops them before it
 * interpolates). Numbers, booleans and nulls are left alone, and a value keeps
 * its type STRING whatever it becomes ("${PORT}" -> "8080" stays a string;
 * compose casts typed fields later, in normalization). A value that referred
 * to a variable records the definitions used in node->interpolated; its
 * origin (how the merge placed it) and node->pos are kept. Errors name compose's path:
 *   POS: invalid interpolation format for services.a.image.
 *   You may need to escape any $ with another $.
 *   TEMPLATE
 *   POS: error while interpolating x-a.b.[]: required variable X is missing a value: msg */
gboolean strata_interpolate_tree   (StrataNode            *root,
                                    StrataEnvironment     *env,
                                    GPtrArray             *diagnostics,
                                    GError               **error);

G_END_DECLS
