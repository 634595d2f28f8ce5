/* strata-test-screenshot.h: render a window to a PNG, for the eye
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     strata_test_wait_frames (GtkWidget  *widget,
                                  guint       n_frames);
gboolean strata_test_save_png    (GtkWidget  *widget,
                                  const char *path,
                                  GError    **error);

G_END_DECLS
