/* strata-emit-private.h: helpers shared by the YAML and JSON emitters
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-node.h"

G_BEGIN_DECLS

/* TRUE when go-yaml v3 would read @s, written plain, back as a string (and
 * not as a null, bool, int, float, timestamp, base-60 float or YAML 1.1
 * bool): only such strings may be printed without quotes. */
gboolean   _strata_yaml_plain_is_string  (const char       *s);

/* TRUE when @text is an int64 in canonical decimal (no sign but '-', no
 * leading zero, no '_', at most 18 digits): strconv prints it as it is. */
static inline gboolean
_strata_is_plain_decimal (const char *text)
{
  const char *p = text + (text[0] == '-');

  if (p[0] == '0')
    return p[1] == '\0' && p == text;
  if (p[0] < '1' || p[0] > '9')
    return FALSE;
  for (guint n = 0; *p; p++, n++)
    if (*p < '0' || *p > '9' || n >= 18)
      return FALSE;
  return TRUE;
}

/* The decimal text of @value into @buf (STRATA_INT_BUF_SIZE bytes, as
 * printf's %" G_GINT64_FORMAT " writes it); returns its length. */
#define STRATA_INT_BUF_SIZE 24
gsize      _strata_format_int            (gint64            value,
                                          char             *buf);

/* Go's strconv.ParseInt (s, 0, 64) after go-yaml drops every '_'. */
gboolean   _strata_go_parse_int          (const char       *text,
                                          gint64           *value);

/* Go's shortest float formatting: go-yaml ('g', -1) when @json is FALSE,
 * encoding/json ('f' or 'e' past 1e21 / below 1e-6) when TRUE. */
char      *_strata_go_format_float       (double            value,
                                          gboolean          json);

/* A FLOAT scalar's text formatted as _strata_go_format_float() does. */
char      *_strata_go_float_text         (const char       *text,
                                          gboolean          json);

/* What fmt.Sprint prints for the value go-yaml decoded from a typed plain
 * scalar (`0x1F` -> "31", `1.50` -> "1.5", `False` -> "false", a timestamp
 * as time.Time.String ()); NULL for strings and nulls. */
char      *_strata_go_sprint             (const StrataNode *node);

/* A TIMESTAMP scalar's text as Go prints the time.Time: RFC 3339 with
 * nanoseconds (go-yaml, encoding/json) or time.Time.String (). */
char      *_strata_go_format_time        (const char       *text,
                                          gboolean          rfc3339);

/* go-yaml v3's map key order (sorter.go keyList.Less): letters after
 * other characters, runs of digits compared as numbers. */
int        _strata_yaml_key_compare      (const char       *a,
                                          const char       *b);

/* The children of @mapping in print order: tree order for structs, sorted
 * keys for STRATA_NODE_FLAG_MAP mappings (go-yaml order when @json is FALSE,
 * byte order when TRUE). JSON_ONLY children are left out unless @json.
 * Returns a new array of borrowed nodes. */
GPtrArray *_strata_emit_ordered_children (const StrataNode *mapping,
                                          gboolean          json);

/* Compact or indented JSON of @node without the `$` doubling `config`
 * applies to its output. */
char      *_strata_emit_json_raw         (const StrataNode *node,
                                          gboolean          compact);

/* The YAML of @root without the `$` doubling. */
char      *_strata_emit_yaml_raw         (const StrataNode *root);

G_END_DECLS
