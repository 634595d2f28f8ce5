/* strata-modules.h: finding and opening the strata-engine and strata-ui modules
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gmodule.h>

G_BEGIN_DECLS

/* Why a module could not give its entry point. */
typedef enum
{
  STRATA_MODULE_OK,
  STRATA_MODULE_MISSING,     /* no such file, next to the executable nor in PKGLIBDIR */
  STRATA_MODULE_UNLOADABLE,  /* the dynamic loader refused it (detail says why) */
  STRATA_MODULE_FOREIGN,     /* it has no such entry point: another version of Strata */
} StrataModuleStatus;

/* Opens the module @name (e.g. "strata-engine.so"): first next to the
 * executable (running from a build folder), then in PKGLIBDIR; makes it
 * resident and returns its entry point @symbol in @entry. The module's core
 * symbols resolve from the executable, which exports them. @path is where it
 * was looked for last, @detail the loader's error (both set whatever the
 * result, to be freed). */
StrataModuleStatus strata_module_load (const char  *name,
                                       const char  *symbol,
                                       gpointer    *entry,
                                       char       **path,
                                       char       **detail);

G_END_DECLS
