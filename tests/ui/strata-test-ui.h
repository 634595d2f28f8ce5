/* strata-test-ui.h: what every UI test program does first
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-application.h"

G_BEGIN_DECLS

/* GTK and libadwaita for a test under Xvfb, Strata's resources, and never
 * the user's engine: DOCKER_HOST is STRATA_TEST_DOCKER_HOST when a test sets
 * it, else a socket that does not exist. */
void               strata_test_ui_init    (int    *argc,
                                           char ***argv);
/* One registered application for the whole run, as in a real session. */
StrataApplication *strata_test_ui_new_app (void);

G_END_DECLS
