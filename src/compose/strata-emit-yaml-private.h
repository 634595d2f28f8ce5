/* strata-emit-yaml-private.h: what the YAML emitter's two files share
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>
#include <string.h>

#include "strata-node.h"

G_BEGIN_DECLS

typedef struct
{
  GString  *out;
  gboolean  dollars;   /* double every `$` */
  FILE     *stream;    /* (nullable) where full chunks go */
} StrataYamlWriter;

/* g_string_append_len() without its call when the bytes fit */
static inline void
_strata_yaml_append_len (GString    *out,
                         const char *bytes,
                         gsize       length)
{
  if (out->len + length < out->allocated_len)
    {
      memcpy (out->str + out->len, bytes, length);
      out->len += length;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, bytes, length);
}

/* Text of a scalar or key: with every `$` doubled when asked. */
static inline void
_strata_yaml_put_len (StrataYamlWriter *e,
                      const char       *text,
                      gsize             length)
{
  const char *end = text + length;
  const char *dollar;

  while (e->dollars && (dollar = memchr (text, '$', end - text)) != NULL)
    {
      _strata_yaml_append_len (e->out, text, dollar + 1 - text);
      g_string_append_c (e->out, '$');
      text = dollar + 1;
    }
  _strata_yaml_append_len (e->out, text, end - text);
}

static inline void
_strata_yaml_put (StrataYamlWriter *e,
                  const char       *text)
{
  _strata_yaml_put_len (e, text, strlen (text));
}

/* strata-emit-yaml-scalar.c: scalars and keys as yaml.v3 (libyaml) styles them. */
void _strata_yaml_put_indent   (StrataYamlWriter *e,
                                guint             indent);
void _strata_yaml_write_scalar (StrataYamlWriter *e,
                                const StrataNode *node,
                                guint             indent);
void _strata_yaml_write_key    (StrataYamlWriter *e,
                                const char       *key,
                                guint             indent);

G_END_DECLS
