/* strata-ui-module.h
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gmodule.h>

G_BEGIN_DECLS

/* The window lives in a module of its own (strata-ui.so, built from src/ui)
 * so that the headless verbs never load GTK. main.c opens it with GModule
 * (strata-modules.h: first next to the executable, running from the build
 * folder, then in PKGLIBDIR) and calls its entry point. The module's core
 * symbols resolve from the executable, which exports them; its engine
 * symbols from strata-engine.so, which it links (src/meson.build). */
#define STRATA_UI_MODULE_NAME "strata-ui." G_MODULE_SUFFIX
#define STRATA_UI_MAIN_SYMBOL "strata_ui_main"

typedef int (*StrataUiMainFunc) (int    argc,
                                 char **argv);

G_MODULE_EXPORT int strata_ui_main (int    argc,
                                    char **argv);

G_END_DECLS
