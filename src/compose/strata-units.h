/* strata-units.h: durations as compose-go decodes them
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Go's time.ParseDuration ("1m30s", "1.5h", "0"): FALSE when @text is not
 * a duration. */
gboolean strata_parse_duration (const char *text,
                                gint64     *nanoseconds);

G_END_DECLS
