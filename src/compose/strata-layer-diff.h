/* strata-layer-diff.h: what each file changed to what came before it
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-diagnostic.h"
#include "strata-node.h"

G_BEGIN_DECLS

typedef enum
{
  STRATA_CHANGE_ADDED,
  STRATA_CHANGE_OVERRIDDEN,
  STRATA_CHANGE_APPENDED,
  STRATA_CHANGE_MERGED_BY_KEY,
  STRATA_CHANGE_REPLACED_BY_TARGET,
  STRATA_CHANGE_RESET,
  STRATA_CHANGE_OVERRIDE_TAG,
} StrataChangeKind;

/* One change a layer made: where (a path such as services.django.ports[1]),
 * how, and the values before and after with their places. A value is a
 * short one-line rendering; NULL when there is none (added, reset). */
typedef struct
{
  StrataChangeKind  kind;
  char             *path;
  char             *old_value;
  StrataPosition    old_pos;
  char             *new_value;
  StrataPosition    new_pos;
} StrataLayerChange;

/* The changes of one layer and the traps found in it. */
typedef struct
{
  StrataLayer *layer;
  GPtrArray   *changes;   /* StrataLayerChange */
  GPtrArray   *warnings;  /* StrataDiagnostic */
} StrataLayerDiff;

StrataLayerChange *strata_layer_change_new        (StrataChangeKind         kind,
                                                   const char              *path,
                                                   const StrataNode        *old_node,
                                                   const StrataNode        *new_node);
void               strata_layer_change_free       (StrataLayerChange       *change);
const char        *strata_change_kind_to_string   (StrataChangeKind         kind);

StrataLayerDiff   *strata_layer_diff_new          (StrataLayer             *layer);
void               strata_layer_diff_free         (StrataLayerDiff         *diff);

/* A one-line rendering of @node for people: a scalar's text, or the
 * collection as written in its file, or in flow style. */
char              *strata_node_summarize          (const StrataNode        *node);

/* Looks for the traps of @diff's layer: lists an override can only append
 * to (from its changes), and in @merged, links to no service and bind
 * sources that do not exist (relative to @project_dir) written in the
 * layer. (The obsolete `version:` is noted by the loader, which sees it.) */
void               strata_layer_diff_find_traps   (StrataLayerDiff         *diff,
                                                   const StrataNode        *merged,
                                                   const char              *project_dir);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrataLayerChange, strata_layer_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrataLayerDiff, strata_layer_diff_free)

G_END_DECLS
