/* strata-cli-config.c: strata config
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-cli-verbs.h"

int
strata_cli_config (StrataCliGlobals *globals)
{
  return _strata_cli_error (_("strata config: the compose model is not in this build yet"));
}
