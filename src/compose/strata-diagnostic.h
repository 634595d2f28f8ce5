/* strata-diagnostic.h: positioned messages (warnings and errors) about a project
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-node.h"

G_BEGIN_DECLS

typedef enum
{
  STRATA_SEVERITY_INFO,
  STRATA_SEVERITY_WARNING,
  STRATA_SEVERITY_ERROR,
} StrataSeverity;

typedef struct
{
  StrataSeverity  severity;
  StrataPosition  pos;      /* line 0 when the message has no place */
  char           *message;  /* what is wrong */
  char           *hint;     /* what to do, or NULL */
} StrataDiagnostic;

StrataDiagnostic *strata_diagnostic_new      (StrataSeverity          severity,
                                              const StrataPosition   *pos,
                                              const char             *hint,
                                              const char             *format,
                                              ...) G_GNUC_PRINTF (4, 5);
void              strata_diagnostic_free     (StrataDiagnostic       *diagnostic);
char             *strata_diagnostic_format   (const StrataDiagnostic *diagnostic);

/* A GPtrArray of StrataDiagnostic, owning them. */
GPtrArray        *strata_diagnostics_new     (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrataDiagnostic, strata_diagnostic_free)

G_END_DECLS
