/* strata-compose-error.h: the errors of src/compose/
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STRATA_COMPOSE_ERROR (strata_compose_error_quark ())

typedef enum
{
  STRATA_COMPOSE_ERROR_PARSE,           /* not valid YAML */
  STRATA_COMPOSE_ERROR_ENCODING,        /* not UTF-8 */
  STRATA_COMPOSE_ERROR_DUPLICATE_KEY,   /* a key repeated in one mapping */
  STRATA_COMPOSE_ERROR_LIMIT,           /* alias expansion or nesting budget exceeded */
  STRATA_COMPOSE_ERROR_INTERPOLATION,   /* bad ${...} or a required variable unset */
  STRATA_COMPOSE_ERROR_NOT_FOUND,       /* a file that must exist does not */
  STRATA_COMPOSE_ERROR_TYPE,            /* a value of the wrong type */
  STRATA_COMPOSE_ERROR_INVALID,         /* a consistency check failed */
  STRATA_COMPOSE_ERROR_CYCLE,           /* extends or include loop */
  STRATA_COMPOSE_ERROR_PROJECT_NAME,    /* no valid project name */
} StrataComposeError;

GQuark strata_compose_error_quark (void);

G_END_DECLS
