/* strata-project-private.h: the load pipeline behind StrataProject
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "strata-layer-diff.h"
#include "strata-load-options.h"

G_BEGIN_DECLS

/* Everything one load produces; immutable once built. */
typedef struct
{
  char              *name;
  char              *working_dir;
  GPtrArray         *layers;       /* StrataLayer: the compose files, in order */
  GPtrArray         *aux_layers;   /* StrataLayer: env files, extends and include files */
  GPtrArray         *config_files; /* char *: absolute paths */
  GStrv              profiles;
  StrataEnvironment *environment;
  StrataNode        *merged;       /* raw merged model, with provenance */
  StrataNode        *normalized;   /* what `config` prints */
  GPtrArray         *diagnostics;  /* StrataDiagnostic */
  GPtrArray         *diffs;        /* StrataLayerDiff, one per compose file */
} StrataProjectData;

StrataProjectData *_strata_project_data_load (const StrataLoadOptions *options,
                                              GCancellable            *cancellable,
                                              GError                 **error);
void               _strata_project_data_free (StrataProjectData       *data);

/* Reads, interpolates and puts into canonical form one compose file. */
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
