/* strata-lifecycle.h: start, stop, restart or kill containers, one progress line each
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-container.h"
#include "strata-down-plan.h"
#include "strata-engine.h"

G_BEGIN_DECLS

typedef enum
{
  STRATA_LIFECYCLE_START,
  STRATA_LIFECYCLE_STOP,
  STRATA_LIFECYCLE_RESTART,
  STRATA_LIFECYCLE_KILL,
} StrataLifecycleAction;

#define STRATA_TYPE_LIFECYCLE (strata_lifecycle_get_type ())

G_DECLARE_FINAL_TYPE (StrataLifecycle, strata_lifecycle, STRATA, LIFECYCLE, GObject)

StrataLifecycle *strata_lifecycle_new            (StrataLifecycleAction  action);
StrataLifecycleAction strata_lifecycle_get_action (StrataLifecycle       *self);
/* stop and restart: seconds before the engine kills; < 0 (the default): the container's own. */
void             strata_lifecycle_set_timeout    (StrataLifecycle       *self,
                                                  int                    timeout);
/* kill: the signal's name or number; NULL (the default) is SIGKILL, as compose. */
void             strata_lifecycle_set_signal     (StrataLifecycle       *self,
                                                  const char            *signal_name);
void             strata_lifecycle_add_container  (StrataLifecycle       *self,
                                                  StrataContainer       *container);
GListModel      *strata_lifecycle_get_containers (StrataLifecycle       *self);

/* Adds every container of @project's @services (all when NULL or empty),
 * as the engine lists them now: only running ones for kill, as compose. */
void             strata_lifecycle_select_async   (StrataLifecycle       *self,
                                                  StrataEngine          *engine,
                                                  const char            *project,
                                                  const char * const    *services,
                                                  GCancellable          *cancellable,
                                                  GAsyncReadyCallback    callback,
                                                  gpointer               user_data);
gboolean         strata_lifecycle_select_finish  (StrataLifecycle       *self,
                                                  GAsyncResult          *result,
                                                  GError               **error);

/* Acts on every container at once; emits ::progress for each.  Fails with
 * the first failure, naming its container, after all have answered. */
void             strata_lifecycle_run_async      (StrataLifecycle       *self,
                                                  StrataEngine          *engine,
                                                  GCancellable          *cancellable,
                                                  GAsyncReadyCallback    callback,
                                                  gpointer               user_data);
gboolean         strata_lifecycle_run_finish     (StrataLifecycle       *self,
                                                  GAsyncResult          *result,
                                                  GError               **error);

G_END_DECLS
