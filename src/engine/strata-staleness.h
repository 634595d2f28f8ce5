/* strata-staleness.h: is a container up to date with the files?
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-container.h"
#include "strata-project.h"

G_BEGIN_DECLS

typedef enum
{
  STRATA_STALENESS_UNKNOWN,      /* no configuration to compare with */
  STRATA_STALENESS_UP_TO_DATE,   /* its config-hash is the service's hash */
  STRATA_STALENESS_CHANGED,      /* the service changed since it was created */
  STRATA_STALENESS_ORPHANED,     /* its service is no longer in the files */
} StrataStaleness;

/* "up to date", "changed since started", "orphaned", or NULL for unknown. */
const char      *strata_staleness_to_string        (StrataStaleness   staleness);

/* The config hash of @service in @project (cached on the project, which is
 * an immutable snapshot), or NULL when the service is not in the files. */
const char      *strata_project_get_service_hash   (StrataProject    *project,
                                                    const char       *service);

StrataStaleness  strata_staleness_check            (StrataProject    *project,
                                                    const char       *service,
                                                    const char       *config_hash);
StrataStaleness  strata_container_get_staleness    (StrataContainer  *container,
                                                    StrataProject    *project);

G_END_DECLS
