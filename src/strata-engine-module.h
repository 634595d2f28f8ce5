/* strata-engine-module.h
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gmodule.h>

#include "strata-cli.h"

G_BEGIN_DECLS

/* The engine (src/engine: libsoup, json-glib, libarchive) and the verbs that
 * talk to it (ps, up, down, ...) live in a module of their own
 * (strata-engine.so) so that `strata config`, `strata diff`, `--help` and
 * `--version` load only GLib and libyaml. strata-cli.c opens it (see
 * strata-modules.h) only to run an engine verb and calls its entry point with
 * the parsed global flags; the strata-ui module links it. */
#define STRATA_ENGINE_MODULE_NAME "strata-engine." G_MODULE_SUFFIX
#define STRATA_ENGINE_RUN_SYMBOL "strata_engine_run_verb"

typedef int (*StrataEngineRunVerbFunc) (StrataCliGlobals *globals);

/* Runs the engine verb globals->verb; 2 (usage error) if it knows no such verb. */
G_MODULE_EXPORT int strata_engine_run_verb (StrataCliGlobals *globals);

G_END_DECLS
