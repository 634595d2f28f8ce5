/* strata-project-private.h: the load pipeline behind StrataProject
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "strata-arena.h"
#include "strata-layer-diff.h"
#include "strata-load-options.h"

G_BEGIN_DECLS

/* Everything one load produces; immutable once built, but for what is
 * computed when first asked for (the traps in @diffs): like the nodes'
 * lookup indexes, that is fine as a project is used by one thread at a
 * time (the loader's, then the main thread's). */
typedef struct
{
  char              *name;
  char              *working_dir;
  GPtrArray         *layers;       /* StrataLayer: the compose files, in order */
  GPtrArray         *aux_layers;   /* StrataLayer: env files, extends and include files */
  GPtrArray         *config_files; /* char *: absolute paths */
  GStrv              profiles;
  StrataEnvironment *environment;
  StrataNode        *merged;       /* raw merged model, with provenance; NULL
                                    * unless the load options keep_merged */
  StrataNode        *normalized;   /* what `config` prints */
  GPtrArray         *diagnostics;  /* StrataDiagnostic */
  GPtrArray         *diffs;        /* StrataLayerDiff, one per compose file */
  gboolean           traps_found;  /* the traps are in @diffs */
  StrataArena       *arena;        /* holds the nodes of all the above */
} StrataProjectData;

StrataProjectData *_strata_project_data_load (const StrataLoadOptions *options,
                                              GCancellable            *cancellable,
                                              GError                 **error);
void               _strata_project_data_free (StrataProjectData       *data);
void               _strata_project_data_find_traps (StrataProjectData *data);

/* What the pipeline of one document needs (strata-project-file.c). */
typedef struct
{
  StrataEnvironment *environment;  /* interpolation */
  gboolean           interpolate;
  const char        *working_dir;  /* absolute: `include` paths resolve here */
  GPtrArray         *aux_layers;   /* StrataLayer: files read on the way are kept here */
  GPtrArray         *diagnostics;  /* StrataDiagnostic */
  GPtrArray         *included;     /* char *: the files of the include chain */
} StrataLoadCtx;

StrataLayer       *_strata_project_read_layer   (const char          *path,
                                                 const char          *stdin_text,
                                                 StrataLayerRole      role,
                                                 GError             **error);
void               _strata_project_drop_version (StrataNode          *root,
                                                 GPtrArray           *diagnostics,
                                                 GPtrArray           *warnings);

/* Interpolates, validates, transforms @root (one document of @layer, taken),
 * applies its extends and include, and merges it over @merged, recording
 * the changes in @changes (may be NULL). */
gboolean           _strata_project_merge_document (const StrataLoadCtx *ctx,
                                                   StrataNode         *merged,
                                                   StrataNode         *root,
                                                   StrataLayer        *layer,
                                                   GPtrArray          *changes,
                                                   GError            **error);

/* Loads the projects @root's `include` names (strata-include.c) and copies
 * their resources into @root; @raw is @root as written (before its
 * canonical form), what a clash is compared with. */
gboolean           _strata_include_apply      (const StrataLoadCtx     *ctx,
                                               StrataNode              *root,
                                               const StrataNode        *raw,
                                               GError                 **error);

/* Copies the resources of the included @project into @root (taking them
 * from @project); a clash with what @raw defines differently is an error
 * at @root's definition (strata-include-import.c). */
gboolean           _strata_include_import     (const StrataLoadCtx     *ctx,
                                               StrataNode              *root,
                                               const StrataNode        *raw,
                                               StrataNode              *project,
                                               const StrataNode        *entry,
                                               GError                 **error);

/* Makes the relative paths of a canonical tree absolute against @dir, as
 * compose-go's ResolveRelativePaths does for included projects and files
 * read by extends (strata-resolve-paths.c). With @default_context, a build
 * without a context gets @dir. */
void               _strata_resolve_relative_paths (StrataNode          *root,
                                                   const char          *dir,
                                                   gboolean             default_context);

/* Reads (every document), interpolates and puts into canonical form one
 * compose file, without extends or include (extends reads other files so). */
StrataNode        *_strata_project_read_file (StrataLayer             *layer,
                                              StrataEnvironment       *environment,
                                              gboolean                 interpolate,
                                              GPtrArray               *diagnostics,
                                              GError                 **error);

/* Resolves the `extends` of the services of @file_root (from @layer) in
 * place; files it reads are added to @aux_layers. */
gboolean           _strata_extends_apply     (StrataNode              *file_root,
                                              StrataLayer             *layer,
                                              StrataEnvironment       *environment,
                                              gboolean                 interpolate,
                                              GPtrArray               *aux_layers,
                                              GPtrArray               *diagnostics,
                                              GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrataProjectData, _strata_project_data_free)

G_END_DECLS
