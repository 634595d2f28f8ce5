/* strata-emit-yaml-scalar.c: scalars and keys as yaml.v3 prints them
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * yaml.v3 asks for plain style unless the text would read back as another
 * type (then double quotes) or holds a '\n' (then literal); libyaml's
 * scalar analysis then downgrades plain to single quotes, and single
 * quotes or literal to double quotes, as ported below.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "strata-emit-private.h"
#include "strata-emit-yaml-private.h"

typedef enum
{
  STYLE_PLAIN,
  STYLE_SINGLE,
  STYLE_DOUBLE,
  STYLE_LITERAL,
} Style;

typedef struct
{
  gboolean multiline;
  gboolean block_plain_allowed;
  gboolean single_quoted_allowed;
  gboolean block_allowed;
  /* found on the way by analyze_simple () */
  gboolean simple;      /* no blank, break or byte past ASCII */
  gboolean dollar;      /* (then) a `$` in the text */
  gsize    length;      /* (then) of the text */
} Analysis;

static gboolean
is_break (gunichar c)
{
  return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* libyaml IS_PRINTABLE, byte-level: NEL and characters past U+FFFF are not. */
static gboolean
is_printable (gunichar c)
{
  return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
}

static gboolean
is_blankz (gunichar c)
{
  return c == 0 || c == ' ' || c == '\t' || is_break (c);
}

/* The character at @p, and where the next one starts. */
static inline gunichar
char_at (const char  *p,
         const char **next)
{
  if ((guchar) *p < 0x80)
    return (*next = p + (*p != '\0'), (guchar) *p);
  *next = g_utf8_next_char (p);
  return g_utf8_get_char (p);
}

static inline gboolean
followed_by_blank (const char *p)
{
  const char *next;

  char_at (p, &next);
  return is_blankz (char_at (next, &next));
}

/* Characters that are an indicator at the start of a plain scalar */
static gboolean
is_first_indicator (char c)
{
  switch (c)
    {
    case '#': case ',': case '[': case ']': case '{': case '}': case '&': case '*': case '!':
    case '|': case '>': case '\'': case '"': case '%': case '@': case '`':
      return TRUE;
    default:
      return FALSE;
    }
}

/* What analyze () finds for text without spaces, tabs, breaks or
 * characters past ASCII (most keys and values), or FALSE. */
static gboolean
analyze_simple (const char *s,
                Analysis   *a)
{
  const char *p = s;
  gboolean indicators, dollar = FALSE;

  for (; *p; p++)
    {
      if ((guchar) *p <= 0x20 || (guchar) *p >= 0x7F)
        return FALSE;
      dollar |= *p == '$';
    }
  indicators = (s[0] == '-' && s[1] == '-' && s[2] == '-') || (s[0] == '.' && s[1] == '.' && s[2] == '.') ||
               is_first_indicator (s[0]) ||
               (s[1] == '\0' && (s[0] == '?' || s[0] == ':' || s[0] == '-')) || p[-1] == ':';
  *a = (Analysis) { FALSE, !indicators, TRUE, TRUE, TRUE, dollar, p - s };
  return TRUE;
}

/* yaml_emitter_analyze_scalar (yaml.v3 flavour: a tab forbids plain and
 * single-quoted styles but not a literal block). */
static Analysis
analyze (const char *s)
{
  Analysis a = { FALSE, TRUE, TRUE, TRUE, FALSE, FALSE, 0 };
  gboolean block_indicators = FALSE, line_breaks = FALSE, special = FALSE, tabs = FALSE;
  gboolean leading_space = FALSE, leading_break = FALSE, trailing_space = FALSE, trailing_break = FALSE;
  gboolean break_space = FALSE, space_break = FALSE, previous_space = FALSE, previous_break = FALSE;
  gboolean preceded_by_ws = TRUE, followed_by_ws;
  const char *p = s;

  if (*s == '\0')
    return (Analysis) { FALSE, TRUE, TRUE, FALSE, TRUE, FALSE, 0 };
  if (analyze_simple (s, &a))
    return a;
  if (g_str_has_prefix (s, "---") || g_str_has_prefix (s, "..."))
    block_indicators = TRUE;

  followed_by_ws = followed_by_blank (p);
  while (*p)
    {
      const char *next;
      gunichar c = char_at (p, &next);
      gboolean first = p == s;
      gboolean last = *next == '\0';

      if (first)
        {
          if (c < 128 && c != 0 && is_first_indicator (c))
            block_indicators = TRUE;
          if ((c == '?' || c == ':' || c == '-') && followed_by_ws)
            block_indicators = TRUE;
        }
      else if ((c == ':' && followed_by_ws) || (c == '#' && preceded_by_ws))
        block_indicators = TRUE;

      if (c == '\t')
        tabs = TRUE;
      else if (!is_printable (c))
        special = TRUE;
      if (is_break (c))
        line_breaks = TRUE;

      if (c == ' ')
        {
          leading_space |= first;
          trailing_space |= last;
          break_space |= previous_break;
          previous_space = TRUE;
          previous_break = FALSE;
        }
      else if (is_break (c))
        {
          leading_break |= first;
          trailing_break |= last;
          space_break |= previous_space;
          previous_break = TRUE;
          previous_space = FALSE;
        }
      else
        previous_space = previous_break = FALSE;

      preceded_by_ws = is_blankz (c);
      p = next;
      if (*p)
        followed_by_ws = followed_by_blank (p);
    }

  a.multiline = line_breaks;
  if (leading_space || leading_break || trailing_space || trailing_break)
    a.block_plain_allowed = FALSE;
  if (trailing_space)
    a.block_allowed = FALSE;
  if (break_space)
    a.block_plain_allowed = a.single_quoted_allowed = FALSE;
  if (space_break || tabs || special)
    a.block_plain_allowed = a.single_quoted_allowed = FALSE;
  if (space_break || special)
    a.block_allowed = FALSE;
  if (line_breaks || block_indicators)
    a.block_plain_allowed = FALSE;
  return a;
}

/* Plain text as it is, what analyze () learnt of it saving a pass */
static void
put_plain (StrataYamlWriter *e,
           const char     *text,
           const Analysis *a)
{
  if (a->simple && !(a->dollar && e->dollars))
    _strata_yaml_append_len (e->out, text, a->length);
  else
    _strata_yaml_put (e, text);
}

static Style
choose_style (const char     *s,
              const Analysis *a,
              gboolean        simple_key)
{
  Style style;

  if (!a->simple && strchr (s, '\n') != NULL)
    style = STYLE_LITERAL;
  else if (_strata_yaml_plain_is_string (s))
    style = STYLE_PLAIN;
  else
    style = STYLE_DOUBLE;

  if (simple_key && a->multiline)
    return STYLE_DOUBLE;
  if (style == STYLE_PLAIN && !a->block_plain_allowed)
    style = STYLE_SINGLE;
  if (style == STYLE_SINGLE && !a->single_quoted_allowed)
    style = STYLE_DOUBLE;
  if (style == STYLE_LITERAL && (!a->block_allowed || simple_key))
    style = STYLE_DOUBLE;
  return style;
}

void
_strata_yaml_put_indent (StrataYamlWriter *e,
            guint    indent)
{
  static const char spaces[] = "                                                                ";

  while (indent > 0)
    {
      guint chunk = MIN (indent, sizeof spaces - 1);

      _strata_yaml_append_len (e->out, spaces, chunk);
      indent -= chunk;
    }
}

static void
write_double (StrataYamlWriter *e,
              const char *s)
{
  g_string_append_c (e->out, '"');
  for (const char *p = s, *next; *p; p = next)
    {
      gunichar c = char_at (p, &next);
      static const char escapes[][2] = {
        { 0x00, '0' }, { 0x07, 'a' }, { 0x08, 'b' }, { 0x09, 't' }, { 0x0A, 'n' },
        { 0x0B, 'v' }, { 0x0C, 'f' }, { 0x0D, 'r' }, { 0x1B, 'e' }, { '"', '"' },
        { '\\', '\\' },
      };
      gboolean done = FALSE;

      if (is_printable (c) && !is_break (c) && c != '"' && c != '\\')
        {
          _strata_yaml_put_len (e, p, next - p);
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (escapes) && !done; i++)
        if ((gunichar) escapes[i][0] == c)
          {
            g_string_append_c (e->out, '\\');
            g_string_append_c (e->out, escapes[i][1]);
            done = TRUE;
          }
      if (done)
        continue;
      if (c == 0x85)
        g_string_append (e->out, "\\N");
      else if (c == 0x2028)
        g_string_append (e->out, "\\L");
      else if (c == 0x2029)
        g_string_append (e->out, "\\P");
      else if (c <= 0xFF)
        g_string_append_printf (e->out, "\\x%02X", c);
      else if (c <= 0xFFFF)
        g_string_append_printf (e->out, "\\u%04X", c);
      else
        g_string_append_printf (e->out, "\\U%08X", c);
    }
  g_string_append_c (e->out, '"');
}

static void
write_single (StrataYamlWriter *e,
              const char *s,
              guint       indent)
{
  gboolean breaks = FALSE;

  g_string_append_c (e->out, '\'');
  for (const char *p = s, *next; *p; p = next)
    {
      gunichar c = char_at (p, &next);

      if (is_break (c))
        {
          _strata_yaml_put_len (e, p, next - p);
          breaks = TRUE;
          continue;
        }
      if (breaks)
        {
          /* yaml.v3 counts U+2028/U+2029 as a line end without writing '\n' */
          _strata_yaml_put_indent (e, indent);
          breaks = FALSE;
        }
      if (c == '\'')
        g_string_append_c (e->out, '\'');
      _strata_yaml_put_len (e, p, next - p);
    }
  g_string_append_c (e->out, '\'');
}

/* The literal header: an indentation indicator when the text starts with a
 * space or break, then '-' (no final break), '' (one) or '+' (more). */
static void
write_literal (StrataYamlWriter *e,
               const char *s,
               guint       indent)
{
  gsize len = strlen (s);
  const char *line = s;

  g_string_append_c (e->out, '|');
  if (s[0] == ' ' || is_break (g_utf8_get_char (s)))
    g_string_append_c (e->out, '2');
  if (len == 0 || s[len - 1] != '\n')
    g_string_append_c (e->out, '-');
  else if (len == 1 || s[len - 2] == '\n')
    g_string_append_c (e->out, '+');
  g_string_append_c (e->out, '\n');

  /* each line indented (empty ones not), the last one only when not empty */
  for (;;)
    {
      const char *end = strchr (line, '\n');
      gsize length = end != NULL ? (gsize) (end - line) : strlen (line);

      if (end == NULL && length == 0)
        break;
      if (length > 0)
        {
          _strata_yaml_put_indent (e, indent);
          _strata_yaml_put_len (e, line, length);
        }
      g_string_append_c (e->out, '\n');
      if (end == NULL)
        break;
      line = end + 1;
    }
}

/* The text of a scalar that is not a string, as Go prints the value. */
static void
write_typed (StrataYamlWriter *e,
             const StrataNode *node)
{
  g_autofree char *text = NULL;

  if (node->type == STRATA_VALUE_NULL)
    text = g_strdup ("null");
  else if (node->type == STRATA_VALUE_TIMESTAMP)
    text = _strata_go_format_time (node->text, TRUE);
  else if (node->type == STRATA_VALUE_INT && _strata_is_plain_decimal (node->text))
    {
      /* canonical decimal digits print as they are (the common case) */
      _strata_yaml_append_len (e->out, node->text, strlen (node->text));
      return;
    }
  else
    text = _strata_go_sprint (node);
  _strata_yaml_put (e, text);
}

/* Writes a scalar that ends its line (the final '\n' included). */
void
_strata_yaml_write_scalar (StrataYamlWriter *e,
              const StrataNode *node,
              guint             indent)
{
  Analysis a;

  if (node->type != STRATA_VALUE_STRING)
    {
      write_typed (e, node);
      g_string_append_c (e->out, '\n');
      return;
    }

  a = analyze (node->text);
  switch (choose_style (node->text, &a, FALSE))
    {
    case STYLE_PLAIN:
      put_plain (e, node->text, &a);
      break;
    case STYLE_SINGLE:
      write_single (e, node->text, indent);
      break;
    case STYLE_DOUBLE:
      write_double (e, node->text);
      break;
    case STYLE_LITERAL:
    default:
      write_literal (e, node->text, indent);
      return;
    }
  g_string_append_c (e->out, '\n');
}

static void
write_simple_key (StrataYamlWriter *e,
           const char     *key,
           const Analysis *a)
{
  switch (choose_style (key, a, TRUE))
    {
    case STYLE_PLAIN:
      put_plain (e, key, a);
      break;
    case STYLE_SINGLE:
      write_single (e, key, 0);
      break;
    case STYLE_DOUBLE:
    case STYLE_LITERAL:
    default:
      write_double (e, key);
      break;
    }
}

/* A mapping key at @indent (the indentation already written): a key that
 * is not a simple key (it spans lines) as libyaml writes it, "? key" then
 * the ':' on the next line. */
void
_strata_yaml_write_key (StrataYamlWriter *e,
                        const char       *key,
                        guint             indent)
{
  Analysis a = analyze (key);

  if (a.multiline)
    {
      g_autoptr(StrataNode) scalar = strata_node_new_scalar (NULL, key, STRATA_VALUE_STRING);

      _strata_yaml_append_len (e->out, "? ", 2);
      _strata_yaml_write_scalar (e, scalar, indent + 2);
      _strata_yaml_put_indent (e, indent);
    }
  else
    write_simple_key (e, key, &a);
}
