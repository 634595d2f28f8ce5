/* conformance-case.h: one corpus case, and running a compose CLI on it
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A folder under cases/ with its case.json. */
typedef struct
{
  char     *name;            /* folder name, "012-ports-short" */
  char     *dir;             /* absolute path of the folder */
  char     *about;
  GStrv     args;            /* global flags and config flags */
  guint     verb_index;      /* where "config" goes in args (default: the end) */
  GStrv     env;             /* KEY=VALUE added to the clean environment */
  char     *cwd;             /* relative to the case folder, or NULL */
  char     *stdin_file;      /* relative to the case folder, or NULL */
  GStrv     formats;         /* "yaml" (no flag) and/or "json" (--format json) */
  gboolean  invalid;         /* the oracle must fail */
  gboolean  unordered;       /* compare stdout with its lines sorted */
  char     *error_position;  /* NULL; "" for any FILE:LINE; "b.yml" or "b.yml:3" */
} ConformanceCase;

ConformanceCase *conformance_case_load (const char  *dir,
                                        GError     **error);
void             conformance_case_free (ConformanceCase *kase);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConformanceCase, conformance_case_free)

/* What one program did. */
typedef struct
{
  gboolean  spawned;
  gboolean  timed_out;
  int       exit_status;     /* valid when spawned and not timed out */
  char     *out;             /* stdout, NUL-terminated */
  char     *err;             /* stderr, or the spawn error */
} ConformanceResult;

void  conformance_result_clear (ConformanceResult *result);

/* Copies the case folder (without case.json) to TMPDIR/strata-conformance-XXXXXX/NAME
 * and returns the temporary folder (HOME for the runs). */
char *conformance_case_copy    (ConformanceCase  *kase,
                                GError          **error);

/* Runs PROGRAM ARGS[..verb_index] config ARGS[verb_index..] [--format json]
 * in the copy under @tmp_dir, with a clean environment. */
void  conformance_case_run     (ConformanceCase   *kase,
                                const char        *program,
                                const char        *format,
                                const char        *tmp_dir,
                                ConformanceResult *result);

/* Removes a folder recursively. */
void  conformance_remove_tree  (const char *path);

G_END_DECLS
