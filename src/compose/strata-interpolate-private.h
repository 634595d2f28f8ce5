/* strata-interpolate-private.h: the substitution engine behind strata-interpolate.h
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-node.h"

G_BEGIN_DECLS

#define STRATA_INTERPOLATION_MAX_DEPTH 64

/* A "." inside a key, in the dotted paths the walk builds: compose-go's
 * tree.Path escapes it so that a service named "web.x" stays one part
 * (its paths print it as "."). */
#define STRATA_PATH_KEY_DOT '\x1f'

/* @path as compose prints it: the dots inside keys restored. */
char *_strata_interpolation_display_path (const char *path);

/* Returns the value of @name (borrowed) and where it was defined, or NULL
 * when the variable is not set. */
typedef const char *(*StrataLookupFunc) (const char     *name,
                                         StrataPosition *out_pos,
                                         gpointer        user_data);

typedef struct
{
  StrataLookupFunc      lookup;
  gpointer              user_data;
  const StrataPosition *pos;           /* where the text is, for warnings */
  GArray               *used;          /* of StrataPosition, or NULL */
  GPtrArray            *diagnostics;   /* of StrataDiagnostic, or NULL */
  guint                 n_references;  /* variable references met */
  guint                 depth;         /* defaults inside defaults */

  /* Set when substitution failed. */
  gboolean              failed;
  char                 *bad_template;  /* malformed: the template at fault */
  char                 *missing_name;  /* ${X?...}: the variable */
  char                 *missing_reason;
  gboolean              too_deep;
} StrataInterpolation;

/* Substitutes @input as compose-go's template package does. NULL on error
 * (see the fields above). */
char *_strata_interpolation_run       (StrataInterpolation  *ctx,
                                       const char           *input);
void  _strata_interpolation_clear     (StrataInterpolation  *ctx);

/* Where a container is among compose's typed paths (strata-interpolate-cast.c):
 * the patterns a value under it may still match. */
typedef struct
{
  guint kind;    /* private */
  guint lo, hi;
  gsize base;
} StrataCastScope;

/* The scope of the parent of the top, for the root. */
void     _strata_cast_scope_init      (StrataCastScope       *scope);
/* The scope of the container at @path (keys joined with ".", "[]" for list
 * items, "" for the top), in @parent. FALSE when no value under it can be
 * at a typed path: _strata_interpolate_cast () has nothing to do there. */
gboolean _strata_cast_scope_below     (const StrataCastScope *parent,
                                       const char            *path,
                                       StrataCastScope       *scope);

/* Casts a STRING scalar found at one of compose's typed paths (@path as
 * "services.web.tty", in the container scope @parent) to its type, or
 * fails as compose does; YAML 1.1 booleans add a warning to @diagnostics. */
gboolean _strata_interpolate_cast     (StrataNode            *node,
                                       const StrataCastScope *parent,
                                       const char            *path,
                                       GPtrArray             *diagnostics,
                                       GError               **error);

/* Formats the failure as a GError; @path (compose's "services.a.image")
 * may be NULL. */
void  _strata_interpolation_set_error (StrataInterpolation  *ctx,
                                       const char           *path,
                                       GError              **error);

G_END_DECLS
