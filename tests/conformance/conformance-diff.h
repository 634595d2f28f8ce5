/* conformance-diff.h: a small line diff for test reports
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Returns a unified-style diff (“--- oracle”, “+++ strata”, hunks with three
 * lines of context) of the first differences between @expected and @actual,
 * at most @max_lines lines of hunks, or NULL when they are equal. */
char *conformance_diff (const char *expected_label,
                        const char *expected,
                        const char *actual_label,
                        const char *actual,
                        guint       max_lines);

/* Returns @text with its lines sorted (for outputs whose order is random). */
char *conformance_sort_lines (const char *text);

G_END_DECLS
