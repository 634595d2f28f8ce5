/* strata-yaml.h: read a layer's YAML into positioned StrataNode trees
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-node.h"

G_BEGIN_DECLS

/* Limits that keep hostile input (alias bombs, deep nesting) from hanging
 * or crashing the reader. Exceeding one is STRATA_COMPOSE_ERROR_LIMIT. */
#define STRATA_YAML_MAX_DEPTH        1000
#define STRATA_YAML_BASE_NODE_BUDGET 100000  /* plus 10 nodes per input byte */

/* Reads the layer as compose 2.26.1 (go-yaml v3) does:
 *
 * - Positions are 1-based; columns count characters (code points), as in
 *   libyaml. A node's pos is its start mark; a mapping value also has key and
 *   key_pos.
 * - Scalars keep their text and style. Plain untagged scalars get a type as
 *   go-yaml v3's resolver gives it (YAML 1.2 core plus go-yaml's extras):
 *   ""/~/null/Null/NULL are NULL; true/True/TRUE/false/False/FALSE are BOOL;
 *   integers (also 0x, 0o, 0b, legacy 0777 octal, '_' separators) are INT;
 *   floats (also .inf/.nan forms) are FLOAT; YYYY-M-D dates and date-times
 *   are TIMESTAMP; everything else, quoted and block scalars are STRING.
 *   YAML 1.1 words (yes/no/on/off/y/n) stay STRING: compose accepts them
 *   (with a warning) only where a field is boolean, which is normalization's
 *   business; the text is kept for it.
 * - Tags are kept as written, standard ones in short form ("!!str"); "!!str",
 *   "!!int", "!!float", "!!bool", "!!null", "!!timestamp" force the type (an
 *   impossible one is STRATA_COMPOSE_ERROR_TYPE, as in go-yaml), "!!binary"
 *   is decoded. Scalars with any other tag ("!reset", "!override", "!foo")
 *   are STRING, as go-yaml decodes them.
 * - An alias becomes a deep copy of its anchor's node with the anchor's
 *   positions. "<<" merge keys take a mapping or a sequence of mappings;
 *   explicit keys win, then earlier merge sources; merged entries keep their
 *   source positions and are placed where the "<<" key was.
 * - A key repeated in one mapping (compared by text, as go-yaml does) is
 *   STRATA_COMPOSE_ERROR_DUPLICATE_KEY:
 *   `file:LINE:COL: mapping key "x" already defined at line N`.
 * - A key that resolves to a non-string (1, true, null...) is
 *   STRATA_COMPOSE_ERROR_TYPE: `file:L:C: Non-string key in a.b: 1`.
 * - Input that is not UTF-8 (or holds NUL bytes) is
 *   STRATA_COMPOSE_ERROR_ENCODING at the first bad byte; libyaml errors are
 *   STRATA_COMPOSE_ERROR_PARSE `file:L:C: problem (context)`.
 */

/* Every document of the layer, in order: a GPtrArray of StrataNode mapping
 * roots (owning). A file without any document gives an empty array. compose
 * loads each document of a file in turn and merges it over the previous ones
 * like an override file; a document that is not a mapping (`---` alone, a
 * list...) is STRATA_COMPOSE_ERROR_TYPE "Top-level object must be a mapping". */
GPtrArray       *strata_yaml_read_documents (StrataLayer  *layer,
                                             GError      **error);

/* The first document, or an empty mapping (positioned at 1:1) when the layer
 * holds no document. Callers that must match compose on multi-document files
 * use strata_yaml_read_documents(). */
StrataNode      *strata_yaml_read           (StrataLayer  *layer,
                                             GError      **error);

/* The type go-yaml v3 gives a plain untagged scalar with this text. */
StrataValueType  strata_yaml_resolve_plain  (const char   *text);

/* Integer value of an INT scalar's text (0x1F, 0o17, 0777, -0b11, 1_000...).
 * Values above G_MAXINT64 set *out_unsigned and return TRUE with
 * *out_value = 0 (either out may be NULL). FALSE when not an integer. */
gboolean         strata_yaml_parse_int      (const char   *text,
                                             gint64       *out_value,
                                             guint64      *out_unsigned);

/* Float value of a FLOAT (or INT) scalar's text, including .inf and .nan. */
gboolean         strata_yaml_parse_float    (const char   *text,
                                             double       *out_value);

/* The instant of a TIMESTAMP scalar's text (UTC unless an offset is given).
 * Go prints it as "2001-12-14T00:00:00Z" in YAML and JSON and as
 * "2001-12-14 00:00:00 +0000 UTC" where compose turns it into a string. */
GDateTime       *strata_yaml_parse_timestamp (const char  *text);

G_END_DECLS
