/* strata-up-plan.h: what `up` will create, recreate and start, as data, and doing it
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-down-plan.h"
#include "strata-engine.h"
#include "strata-project.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean            force_recreate;  /* --force-recreate */
  gboolean            no_start;        /* --no-start: create only */
  gboolean            no_build;        /* --no-build: a missing built image is an error */
  gboolean            build;           /* --build: build before starting, even if present */
  gboolean            remove_orphans;  /* --remove-orphans */
  const char * const *services;        /* SERVICE...; NULL: all. Their dependencies come along. */
  int                 timeout;         /* seconds to stop a replaced container; < 0: its own */
} StrataUpOptions;

typedef enum
{
  STRATA_UP_ITEM_IMAGE,
  STRATA_UP_ITEM_NETWORK,
  STRATA_UP_ITEM_VOLUME,
  STRATA_UP_ITEM_CONTAINER,
} StrataUpItemKind;

typedef enum
{
  STRATA_UP_KEEP,       /* there and up to date (running, for a container) */
  STRATA_UP_CREATE,
  STRATA_UP_RECREATE,   /* its configuration or image changed: replaced, same name */
  STRATA_UP_START,      /* up to date but not running */
  STRATA_UP_PULL,
  STRATA_UP_BUILD,
  STRATA_UP_REMOVE,     /* orphan container, with --remove-orphans */
} StrataUpAction;

typedef struct
{
  StrataUpItemKind  kind;
  StrataUpAction    action;
  char             *name;     /* container, network or volume name; image reference */
  char             *service;  /* containers and images */
  char             *id;       /* the existing container, or NULL */
  guint             number;   /* containers */
  char             *why;      /* why this action, for the user */
} StrataUpItem;

#define STRATA_TYPE_UP_PLAN (strata_up_plan_get_type ())

G_DECLARE_FINAL_TYPE (StrataUpPlan, strata_up_plan, STRATA, UP_PLAN, GObject)

void            strata_up_plan_compute_async   (StrataEngine           *engine,
                                                StrataProject          *project,
                                                const StrataUpOptions  *options,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
StrataUpPlan   *strata_up_plan_compute_finish  (GAsyncResult           *result,
                                                GError                **error);

/* A plan that only pulls (services with image:, not only built) or builds
 * (services with build:) the images of @services (NULL: all): `strata pull`
 * and `strata build`. */
StrataUpPlan   *strata_up_plan_new_images      (StrataProject          *project,
                                                const char * const     *services,
                                                StrataUpAction          action,
                                                GError                **error);

const char     *strata_up_plan_get_project     (StrataUpPlan           *self);
/* Images, networks, volumes, then containers in start order. */
GPtrArray      *strata_up_plan_get_items       (StrataUpPlan           *self);
/* The services that will be brought up, dependencies first. */
const char * const *strata_up_plan_get_services (StrataUpPlan          *self);
/* Containers of services no longer in the files (left alone without --remove-orphans). */
GPtrArray      *strata_up_plan_get_orphans     (StrataUpPlan           *self);
/* Whether running it would change nothing. */
gboolean        strata_up_plan_is_noop         (StrataUpPlan           *self);
const char     *strata_up_action_to_string     (StrataUpAction          action);

/* Pulls and builds, creates networks and volumes, creates or replaces the
 * containers, then starts them in dependency order, waiting for
 * service_healthy and service_completed_successfully; emits ::progress
 * (kind, name, StrataPlanStepStatus, message) for each step. */
void            strata_up_plan_run_async       (StrataUpPlan           *self,
                                                StrataEngine           *engine,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
gboolean        strata_up_plan_run_finish      (StrataUpPlan           *self,
                                                GAsyncResult           *result,
                                                GError                **error);

G_END_DECLS
