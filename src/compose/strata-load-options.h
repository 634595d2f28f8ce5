/* strata-load-options.h: what to load, and finding it as compose does
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-diagnostic.h"
#include "strata-node.h"
#include "strata-canonical.h"
#include "strata-emit.h"
#include "strata-environment.h"
#include "strata-interpolate.h"
#include "strata-normalize.h"
#include "strata-yaml.h"

G_BEGIN_DECLS

/* The inputs of a load, as the compose command line gives them. Every field
 * may be left empty: then compose's defaults apply.
 *
 * @keep_merged (TRUE from strata_load_options_new ()) keeps the merged tree
 * as the files made it (provenance, `!reset`s, services of inactive
 * profiles) beside the normalized one: blame, the layer diffs' traps, the
 * window and `config --no-interpolate/--profiles/--hash` read it. When it is
 * FALSE the merged tree is normalized in place instead of copied:
 * strata_project_get_merged () then returns NULL and the layer diffs hold
 * no changes and no traps (only what the loader noted, such as an obsolete
 * `version:`). The normalized tree is the same either way, provenance
 * included. */
typedef struct
{
  GPtrArray  *files;              /* char *, in order; "-" is @stdin_text */
  char       *stdin_text;         /* the text "-" stands for */
  char       *project_name;       /* -p */
  char       *project_directory;  /* --project-directory */
  GPtrArray  *env_files;          /* char *, --env-file in order */
  GPtrArray  *profiles;           /* char *, --profile in order */
  char      **environment;        /* envp; NULL for the process environment */
  char       *cwd;                /* NULL for the current directory */
  gboolean    no_interpolate;
  gboolean    keep_merged;
} StrataLoadOptions;

StrataLoadOptions *strata_load_options_new   (void);
StrataLoadOptions *strata_load_options_copy  (const StrataLoadOptions *options);
void               strata_load_options_free  (StrataLoadOptions       *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrataLoadOptions, strata_load_options_free)

/* What discovery decides before any compose file is parsed. */
typedef struct
{
  char              *cwd;                /* absolute */
  GPtrArray         *config_files;       /* absolute paths, or "-" */
  char              *project_directory;  /* absolute */
  GPtrArray         *env_files;          /* absolute paths of the env files read */
  GPtrArray         *env_layers;         /* StrataLayer of those env files */
  StrataEnvironment *environment;        /* process environment + env files */
  char              *imperative_name;    /* -p or COMPOSE_PROJECT_NAME, validated, or NULL */
  char              *directory_name;     /* normalized basename of the project directory */
  GStrv              profiles;           /* --profile, else COMPOSE_PROFILES */
} StrataDiscovery;

StrataDiscovery   *strata_discovery_run      (const StrataLoadOptions *options,
                                              GPtrArray               *diagnostics,
                                              GError                 **error);
void               strata_discovery_free     (StrataDiscovery         *discovery);

/* Project names (COMPOSE-RULES.md §2). */
char              *strata_project_name_normalize (const char          *name);
gboolean           strata_project_name_validate  (const char          *name,
                                                  GError             **error);
char              *strata_project_name_choose    (StrataDiscovery     *discovery,
                                                  const char          *yaml_raw_name,
                                                  const char          *yaml_name,
                                                  GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrataDiscovery, strata_discovery_free)

G_END_DECLS
