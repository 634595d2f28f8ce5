/* strata-json-splitter.c: whole JSON values out of a byte stream
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine streams events (and pull or build progress) as JSON objects
 * one after another, cut anywhere by the transport.  This tracks nesting
 * and strings byte by byte and hands each complete object or array over as
 * soon as its last byte arrives.
 */

#include "config.h"

#include <string.h>

#include "strata-json-splitter.h"

void
_strata_json_splitter_init (StrataJsonSplitter *self)
{
  memset (self, 0, sizeof *self);
  self->buffer = g_string_new (NULL);
}

void
_strata_json_splitter_clear (StrataJsonSplitter *self)
{
  if (self->buffer != NULL)
    g_string_free (self->buffer, TRUE);
  memset (self, 0, sizeof *self);
}

static gboolean
emit (StrataJsonSplitter  *self,
      StrataJsonValueFunc  func,
      gpointer             user_data,
      GError             **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gboolean ok = json_parser_load_from_data (parser, self->buffer->str, self->buffer->len, error);

  g_string_truncate (self->buffer, 0);
  if (ok)
    func (json_parser_get_root (parser), user_data);

  return ok;
}

/* Advances the scanner over @c, a byte inside a value. */
static void
scan (StrataJsonSplitter *self,
      char                c)
{
  if (self->in_string)
    {
      if (self->escape)
        self->escape = FALSE;
      else if (c == '\\')
        self->escape = TRUE;
      else if (c == '"')
        self->in_string = FALSE;
    }
  else if (c == '"')
    self->in_string = TRUE;
  else if (c == '{' || c == '[')
    self->depth++;
  else if (c == '}' || c == ']')
    self->depth--;
}

gboolean
_strata_json_splitter_push (StrataJsonSplitter  *self,
                            const char          *data,
                            gsize                len,
                            StrataJsonValueFunc  func,
                            gpointer             user_data,
                            GError             **error)
{
  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (self->depth == 0 && self->buffer->len == 0)
        {
          if (g_ascii_isspace (c))
            continue;
          if (c != '{' && c != '[')
            {
              g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_BAREWORD,
                           "unexpected “%c” between JSON values", c);
              return FALSE;
            }
        }
      g_string_append_c (self->buffer, c);
      scan (self, c);
      if (self->depth == 0 && !emit (self, func, user_data, error))
        return FALSE;
    }

  return TRUE;
}
