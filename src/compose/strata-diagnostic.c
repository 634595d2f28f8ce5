/* strata-diagnostic.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "strata-compose-error.h"
#include "strata-diagnostic.h"

G_DEFINE_QUARK (strata-compose-error-quark, strata_compose_error)

StrataDiagnostic *
strata_diagnostic_new (StrataSeverity        severity,
                       const StrataPosition *pos,
                       const char           *hint,
                       const char           *format,
                       ...)
{
  StrataDiagnostic *diagnostic = g_new0 (StrataDiagnostic, 1);
  va_list args;

  diagnostic->severity = severity;
  if (pos != NULL)
    diagnostic->pos = *pos;
  diagnostic->hint = g_strdup (hint);

  va_start (args, format);
  diagnostic->message = g_strdup_vprintf (format, args);
  va_end (args);

  return diagnostic;
}

void
strata_diagnostic_free (StrataDiagnostic *diagnostic)
{
  if (diagnostic == NULL)
    return;

  g_free (diagnostic->message);
  g_free (diagnostic->hint);
  g_free (diagnostic);
}

/* "file:line:col: message" plus the hint on its own line. */
char *
strata_diagnostic_format (const StrataDiagnostic *diagnostic)
{
  g_autofree char *place = NULL;

  if (diagnostic->pos.layer == NULL && diagnostic->pos.line == 0)
    place = NULL;
  else
    place = strata_position_to_string (&diagnostic->pos);

  return g_strdup_printf ("%s%s%s%s%s",
                          place ? place : "",
                          place ? ": " : "",
                          diagnostic->message,
                          diagnostic->hint ? "\n  " : "",
                          diagnostic->hint ? diagnostic->hint : "");
}

GPtrArray *
strata_diagnostics_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) strata_diagnostic_free);
}
