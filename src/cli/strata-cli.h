/* strata-cli.h: headless verbs
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The global flags compose accepts before or after the verb. */
typedef struct
{
  char       *verb;
  GPtrArray  *files;              /* -f/--file, in order */
  char       *project_name;       /* -p/--project-name */
  char       *project_directory;  /* --project-directory */
  GPtrArray  *env_files;          /* --env-file, in order */
  GPtrArray  *profiles;           /* --profile, in order */
  GPtrArray  *args;               /* what is left, verb flags and operands (NULL-terminated) */
} StrataCliGlobals;

typedef int (*StrataCliVerbFunc) (StrataCliGlobals *globals);

gboolean          strata_cli_wants_headless (int                 argc,
                                             const char * const *argv);
int               strata_cli_run            (int                 argc,
                                             const char * const *argv);

StrataCliGlobals *strata_cli_globals_parse  (int                 argc,
                                             const char * const *argv,
                                             GError            **error);
void              strata_cli_globals_free   (StrataCliGlobals   *globals);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrataCliGlobals, strata_cli_globals_free)

G_END_DECLS
