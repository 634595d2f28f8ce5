/* strata-shellwords.c: command strings split as compose splits them
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * compose-go splits `command: echo "a b"` with mattn/go-shellwords v1.0.12
 * (no environment, no command substitution), which is not a POSIX shell:
 * - a backslash outside single quotes takes the next character literally,
 *   also inside double quotes ("a\tb" is `atb`);
 * - an unquoted ; & | < or > ends the command: the rest is dropped, and
 *   an argument starting with a digit right before > (2>&1) too;
 * - `...` and $(...) are kept as written, spaces included; a ( that does
 *   not follow $ is an error, a stray ) opens a $(...) region;
 * - an unterminated quote, region or trailing backslash is an error.
 */

#include "config.h"

#include <string.h>

#include "strata-normalize-private.h"

typedef struct
{
  GString  *buf;
  gboolean  got;      /* an argument has started (argSingle or argQuoted) */
  gboolean  escaped, dquote, squote, backquote, dollar;
} Words;

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void
end_word (Words     *w,
          GPtrArray *out)
{
  if (!w->got)
    return;
  g_ptr_array_add (out, g_strdup (w->buf->str));
  g_string_truncate (w->buf, 0);
  w->got = FALSE;
}

/* Handles a quote, region or operator character. Returns 1 when the
 * character was consumed, 0 when it is an ordinary one, -1 on a syntax
 * error and 2 when the command ends here. */
static int
special (Words *w,
         char   c)
{
  gboolean quoted = w->squote || w->dquote;

  switch (c)
    {
    case '`':
      if (!quoted && !w->dollar)
        w->backquote = !w->backquote;
      return 0;
    case ')':
      if (!quoted && !w->backquote)
        w->dollar = !w->dollar;
      return 0;
    case '(':
      if (quoted || w->backquote)
        return 0;
      if (w->dollar || !g_str_has_suffix (w->buf->str, "$"))
        return -1;
      w->dollar = TRUE;
      g_string_append_c (w->buf, '(');
      return 1;
    case '"':
      if (w->squote || w->dollar)
        return 0;
      w->got |= w->dquote;
      w->dquote = !w->dquote;
      return 1;
    case '\'':
      if (w->dquote || w->dollar)
        return 0;
      w->got |= w->squote;
      w->squote = !w->squote;
      return 1;
    case ';': case '&': case '|': case '<': case '>':
      if (quoted || w->backquote || w->dollar)
        return 0;
      if (c == '>' && w->buf->len > 0 && g_ascii_isdigit (w->buf->str[0]))
        w->got = FALSE;
      return 2;
    default:
      return 0;
    }
}

gboolean
_strata_shell_split (const char  *line,
                     GPtrArray   *out)
{
  Words w = { g_string_new (NULL), FALSE, FALSE, FALSE, FALSE, FALSE, FALSE };
  gboolean ok;

  for (const char *p = line; *p != '\0'; p++)
    {
      int handled;

      if (w.escaped || (*p == '\\' && !w.squote))
        {
          if (w.escaped)
            (g_string_append_c (w.buf, *p), w.got = TRUE);
          w.escaped = !w.escaped;
          continue;
        }
      if (is_space (*p) && !(w.squote || w.dquote || w.backquote || w.dollar))
        {
          end_word (&w, out);
          continue;
        }
      if (is_space (*p))
        {
          g_string_append_c (w.buf, *p);
          continue;
        }

      handled = special (&w, *p);
      if (handled < 0)
        return (g_string_free (w.buf, TRUE), FALSE);
      if (handled == 2)
        break;
      if (handled == 0)
        (g_string_append_c (w.buf, *p), w.got = TRUE);
    }

  end_word (&w, out);
  ok = !(w.escaped || w.squote || w.dquote || w.backquote || w.dollar);
  g_string_free (w.buf, TRUE);
  return ok;
}
