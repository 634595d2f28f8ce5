/* strata-cli-logs.h: strata logs, and the logs of strata up without -d
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-cli-private.h"
#include "strata-engine.h"

G_BEGIN_DECLS

/* Follows the logs of @services (NULL: all) of @project printed after
 * @since (ns since the epoch) until every
 * container has stopped or Ctrl+C, which stops them (waiting @timeout
 * seconds, or their own when negative), as `docker compose up` does. */
int _strata_cli_attach (StrataEngine        *engine,
                        const char          *project,
                        const char * const  *services,
                        gint64               since,
                        int                  timeout);

G_END_DECLS
