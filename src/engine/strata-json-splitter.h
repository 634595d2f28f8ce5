/* strata-json-splitter.h: whole JSON values out of a byte stream
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  GString  *buffer;
  guint     depth;
  gboolean  in_string;
  gboolean  escape;
} StrataJsonSplitter;

typedef void (*StrataJsonValueFunc) (JsonNode *node,
                                     gpointer  user_data);

void     _strata_json_splitter_init  (StrataJsonSplitter  *self);
void     _strata_json_splitter_clear (StrataJsonSplitter  *self);
gboolean _strata_json_splitter_push  (StrataJsonSplitter  *self,
                                      const char          *data,
                                      gsize                len,
                                      StrataJsonValueFunc  func,
                                      gpointer             user_data,
                                      GError             **error);

G_END_DECLS
