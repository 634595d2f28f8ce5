/* strata-blame.h: which value of a model each line of its printed YAML holds
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-node.h"

G_BEGIN_DECLS

typedef struct
{
  const StrataNode *node;  /* the value of the model the line prints (one
                            * with a place), borrowed; or NULL */
  char             *note;  /* strata_blame_describe() of the line's value,
                            * or NULL when it has none or the enclosing
                            * line says the same */
} StrataBlameLine;

/* How @node got its value, for people: "docker-compose.override.yml:13
 * overrides docker-compose.yml:19", "… appended", "…, interpolated from
 * .env:2". NULL for values without a place. */
char   *strata_blame_describe (const StrataNode  *node);

/* @text is @model printed as YAML (strata_emit_yaml()); it is read back
 * with positions and walked beside @model, mappings by key and lists by
 * index. Returns (element-type StrataBlameLine): one per line of @text,
 * 0-based (and one more for the end). */
GArray *strata_blame_lines    (const StrataNode  *model,
                               const char        *text,
                               GError           **error);

G_END_DECLS
