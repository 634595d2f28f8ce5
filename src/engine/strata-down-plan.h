/* strata-down-plan.h: what `down` will remove, as data, and doing it
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-engine.h"
#include "strata-resource.h"

G_BEGIN_DECLS

typedef enum
{
  STRATA_RMI_NONE,
  STRATA_RMI_LOCAL,   /* images compose built for the project */
  STRATA_RMI_ALL,     /* every image the project's services use */
} StrataRmiMode;

typedef struct
{
  StrataRmiMode       rmi;
  gboolean            volumes;         /* -v */
  gboolean            remove_orphans;  /* --remove-orphans */
  const char * const *services;        /* the current configuration's services; NULL: unknown,
                                        * every service found on the engine counts */
  const char * const *external_networks;  /* names the files declare external: never removed */
  const char * const *external_volumes;
} StrataDownOptions;

typedef enum
{
  STRATA_PLAN_CONTAINER,
  STRATA_PLAN_NETWORK,
  STRATA_PLAN_VOLUME,
  STRATA_PLAN_IMAGE,
} StrataPlanKind;

typedef struct
{
  StrataPlanKind  kind;
  char           *id;     /* what the API takes: container id, network id, volume name, image ref */
  char           *name;   /* what the user reads */
  char           *why;    /* only for kept resources */
} StrataPlanItem;

typedef enum
{
  STRATA_PLAN_STEP_WORKING,   /* "Stopping", "Removing" */
  STRATA_PLAN_STEP_DONE,      /* "Stopped", "Removed", or already gone */
  STRATA_PLAN_STEP_SKIPPED,   /* still in use, left alone */
  STRATA_PLAN_STEP_FAILED,
} StrataPlanStepStatus;

#define STRATA_TYPE_DOWN_PLAN (strata_down_plan_get_type ())

G_DECLARE_FINAL_TYPE (StrataDownPlan, strata_down_plan, STRATA, DOWN_PLAN, GObject)

void            strata_down_plan_compute_async  (StrataEngine             *engine,
                                                 const char               *project,
                                                 const StrataDownOptions  *options,
                                                 GCancellable             *cancellable,
                                                 GAsyncReadyCallback       callback,
                                                 gpointer                  user_data);
StrataDownPlan *strata_down_plan_compute_finish (GAsyncResult             *result,
                                                 GError                  **error);

const char     *strata_down_plan_get_project    (StrataDownPlan           *self);
GPtrArray      *strata_down_plan_get_items      (StrataDownPlan           *self,
                                                 StrataPlanKind            kind);
GPtrArray      *strata_down_plan_get_kept       (StrataDownPlan           *self);
gboolean        strata_down_plan_is_empty       (StrataDownPlan           *self);
char           *strata_down_plan_to_json        (StrataDownPlan           *self);

/* Stops containers (waiting @timeout seconds, or the engine's default when
 * negative), removes them, then the networks, volumes and images, emitting
 * ::progress for each step of each resource. */
void            strata_down_plan_run_async      (StrataDownPlan           *self,
                                                 StrataEngine             *engine,
                                                 int                       timeout,
                                                 GCancellable             *cancellable,
                                                 GAsyncReadyCallback       callback,
                                                 gpointer                  user_data);
gboolean        strata_down_plan_run_finish     (StrataDownPlan           *self,
                                                 GAsyncResult             *result,
                                                 GError                  **error);

G_END_DECLS
