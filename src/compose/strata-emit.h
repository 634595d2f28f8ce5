/* strata-emit.h: print a normalized compose tree as `docker compose config` does
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include "strata-node.h"

G_BEGIN_DECLS

/* The YAML of `docker compose config` (v2.26.1, gopkg.in/yaml.v3 with a
 * 2-space indent), `$` doubled. @root is a normalized tree: scalar types,
 * struct field order and STRATA_NODE_FLAG_* are taken as they are, never
 * guessed from the text. */
char *strata_emit_yaml (const StrataNode *root);

/* The JSON of `docker compose config --format json` (encoding/json,
 * MarshalIndent with two spaces, no final newline), `$` doubled. The root
 * mapping prints as a Go map (keys sorted, `x-*` kept), as compose-go's
 * Project.MarshalJSON does. @compact drops the indentation. */
char *strata_emit_json (const StrataNode *root,
                        gboolean          compact);

/* How many bytes the *_to_stream () emitters gather before they write. */
#define STRATA_EMIT_CHUNK (64 * 1024)

/* strata_emit_yaml () and strata_emit_json () written to @stream as they
 * are made, a chunk at a time, never held whole (what the CLI prints). */
void  strata_emit_yaml_to_stream (const StrataNode *root,
                                  FILE             *stream);

void  strata_emit_json_to_stream (const StrataNode *root,
                                  gboolean          compact,
                                  FILE             *stream);

/* The JSON of @node as compose's model holds it: fields in struct order,
 * `$` not doubled (what the config hash is computed from, and what the
 * engine creates containers from). @compact drops the indentation. */
char *strata_emit_json_model (const StrataNode *node,
                              gboolean          compact);

G_END_DECLS
