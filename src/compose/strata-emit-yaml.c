/* strata-emit-yaml.c: YAML exactly as gopkg.in/yaml.v3 prints compose's model
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Block style only, 2-space indent, sequences indented under their key,
 * empty collections as `{}`/`[]`, no line wrapping (yaml.v3 sets an
 * unlimited width). Strings: yaml.v3 asks for plain style unless the text
 * would read back as another type (then double quotes) or holds a '\n'
 * (then literal); libyaml's scalar analysis then downgrades plain to single
 * quotes, and single quotes or literal to double quotes, as ported below.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "strata-emit.h"
#include "strata-emit-private.h"

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

/* yaml_emitter_analyze_scalar (yaml.v3 flavour: a tab forbids plain and
 * single-quoted styles but not a literal block). */
static Analysis
analyze (const char *s)
{
  Analysis a = { FALSE, TRUE, TRUE, TRUE };
  gboolean block_indicators = FALSE, line_breaks = FALSE, special = FALSE, tabs = FALSE;
  gboolean leading_space = FALSE, leading_break = FALSE, trailing_space = FALSE, trailing_break = FALSE;
  gboolean break_space = FALSE, space_break = FALSE, previous_space = FALSE, previous_break = FALSE;
  gboolean preceded_by_ws = TRUE, followed_by_ws;
  const char *p = s;

  if (*s == '\0')
    return (Analysis) { FALSE, TRUE, TRUE, FALSE };
  if (g_str_has_prefix (s, "---") || g_str_has_prefix (s, "..."))
    block_indicators = TRUE;

  followed_by_ws = is_blankz (g_utf8_get_char (g_utf8_next_char (p)));
  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      gboolean first = p == s;
      const char *next = g_utf8_next_char (p);
      gboolean last = *next == '\0';

      if (first)
        {
          if (c < 128 && c != 0 && strchr ("#,[]{}&*!|>'\"%@`", (int) c) != NULL)
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
        followed_by_ws = is_blankz (g_utf8_get_char (g_utf8_next_char (p)));
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

static Style
choose_style (const char *s,
              gboolean    simple_key)
{
  Analysis a = analyze (s);
  Style style;

  if (strchr (s, '\n') != NULL)
    style = STYLE_LITERAL;
  else if (_strata_yaml_plain_is_string (s))
    style = STYLE_PLAIN;
  else
    style = STYLE_DOUBLE;

  if (simple_key && a.multiline)
    return STYLE_DOUBLE;
  if (style == STYLE_PLAIN && !a.block_plain_allowed)
    style = STYLE_SINGLE;
  if (style == STYLE_SINGLE && !a.single_quoted_allowed)
    style = STYLE_DOUBLE;
  if (style == STYLE_LITERAL && (!a.block_allowed || simple_key))
    style = STYLE_DOUBLE;
  return style;
}

static void
put_indent (GString *out,
            guint    indent)
{
  for (guint i = 0; i < indent; i++)
    g_string_append_c (out, ' ');
}

static void
write_double (GString    *out,
              const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      static const char escapes[][2] = {
        { 0x00, '0' }, { 0x07, 'a' }, { 0x08, 'b' }, { 0x09, 't' }, { 0x0A, 'n' },
        { 0x0B, 'v' }, { 0x0C, 'f' }, { 0x0D, 'r' }, { 0x1B, 'e' }, { '"', '"' },
        { '\\', '\\' },
      };
      gboolean done = FALSE;

      if (is_printable (c) && !is_break (c) && c != '"' && c != '\\')
        {
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (escapes) && !done; i++)
        if ((gunichar) escapes[i][0] == c)
          {
            g_string_append_c (out, '\\');
            g_string_append_c (out, escapes[i][1]);
            done = TRUE;
          }
      if (done)
        continue;
      if (c == 0x85)
        g_string_append (out, "\\N");
      else if (c == 0x2028)
        g_string_append (out, "\\L");
      else if (c == 0x2029)
        g_string_append (out, "\\P");
      else if (c <= 0xFF)
        g_string_append_printf (out, "\\x%02X", c);
      else if (c <= 0xFFFF)
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_printf (out, "\\U%08X", c);
    }
  g_string_append_c (out, '"');
}

static void
write_single (GString    *out,
              const char *s,
              guint       indent)
{
  gboolean breaks = FALSE;

  g_string_append_c (out, '\'');
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_break (c))
        {
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
          breaks = TRUE;
          continue;
        }
      if (breaks)
        {
          /* yaml.v3 counts U+2028/U+2029 as a line end without writing '\n' */
          put_indent (out, indent);
          breaks = FALSE;
        }
      if (c == '\'')
        g_string_append_c (out, '\'');
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  g_string_append_c (out, '\'');
}

/* The literal header: an indentation indicator when the text starts with a
 * space or break, then '-' (no final break), '' (one) or '+' (more). */
static void
write_literal (GString    *out,
               const char *s,
               guint       indent)
{
  gsize len = strlen (s);
  g_auto(GStrv) lines = NULL;
  guint n;

  g_string_append_c (out, '|');
  if (s[0] == ' ' || is_break (g_utf8_get_char (s)))
    g_string_append_c (out, '2');
  if (len == 0 || s[len - 1] != '\n')
    g_string_append_c (out, '-');
  else if (len == 1 || s[len - 2] == '\n')
    g_string_append_c (out, '+');
  g_string_append_c (out, '\n');

  lines = g_strsplit (s, "\n", -1);
  n = g_strv_length (lines);
  for (guint i = 0; i < n; i++)
    {
      if (i == n - 1 && lines[i][0] == '\0')
        break;
      if (lines[i][0] != '\0')
        {
          put_indent (out, indent);
          g_string_append (out, lines[i]);
        }
      g_string_append_c (out, '\n');
    }
}

static char *
scalar_text (const StrataNode *node)
{
  switch (node->type)
    {
    case STRATA_VALUE_NULL:
      return g_strdup ("null");
    case STRATA_VALUE_TIMESTAMP:
      return _strata_go_format_time (node->text, TRUE);
    case STRATA_VALUE_BOOL:
    case STRATA_VALUE_INT:
    case STRATA_VALUE_FLOAT:
      return _strata_go_sprint (node);
    case STRATA_VALUE_STRING:
    default:
      return NULL;
    }
}

/* Writes a scalar that ends its line (the final '\n' included). */
static void
write_scalar (GString          *out,
              const StrataNode *node,
              guint             indent)
{
  g_autofree char *text = scalar_text (node);

  if (text != NULL)
    {
      g_string_append (out, text);
      g_string_append_c (out, '\n');
      return;
    }

  switch (choose_style (node->text, FALSE))
    {
    case STYLE_PLAIN:
      g_string_append (out, node->text);
      break;
    case STYLE_SINGLE:
      write_single (out, node->text, indent);
      break;
    case STYLE_DOUBLE:
      write_double (out, node->text);
      break;
    case STYLE_LITERAL:
    default:
      write_literal (out, node->text, indent);
      return;
    }
  g_string_append_c (out, '\n');
}

static void
write_key (GString    *out,
           const char *key)
{
  switch (choose_style (key, TRUE))
    {
    case STYLE_PLAIN:
      g_string_append (out, key);
      break;
    case STYLE_SINGLE:
      write_single (out, key, 0);
      break;
    case STYLE_DOUBLE:
    case STYLE_LITERAL:
    default:
      write_double (out, key);
      break;
    }
}

static void emit_mapping  (GString *out, const StrataNode *node, guint indent, gboolean inline_first);
static void emit_sequence (GString *out, const StrataNode *node, guint indent, gboolean inline_first);

/* After "key:" (@indent is the key's column). */
static void
emit_value (GString          *out,
            const StrataNode *node,
            guint             indent)
{
  if (node->kind == STRATA_NODE_SCALAR)
    {
      g_string_append_c (out, ' ');
      write_scalar (out, node, indent + 2);
    }
  else if (strata_node_get_n_children (node) == 0)
    g_string_append (out, node->kind == STRATA_NODE_MAPPING ? " {}\n" : " []\n");
  else
    {
      g_string_append_c (out, '\n');
      if (node->kind == STRATA_NODE_MAPPING)
        emit_mapping (out, node, indent + 2, FALSE);
      else
        emit_sequence (out, node, indent + 2, FALSE);
    }
}

static void
emit_mapping (GString          *out,
              const StrataNode *node,
              guint             indent,
              gboolean          inline_first)
{
  g_autoptr(GPtrArray) children = _strata_emit_ordered_children (node, FALSE);

  if (children->len == 0)
    {
      g_string_append (out, "{}\n");
      return;
    }
  for (guint i = 0; i < children->len; i++)
    {
      const StrataNode *child = g_ptr_array_index (children, i);

      if (i > 0 || !inline_first)
        put_indent (out, indent);
      if (analyze (child->key ? child->key : "").multiline)
        {
          /* not a simple key: libyaml writes "? key" then ": value" */
          g_autoptr(StrataNode) key = strata_node_new_scalar (NULL, child->key, STRATA_VALUE_STRING);

          g_string_append (out, "? ");
          write_scalar (out, key, indent + 2);
          put_indent (out, indent);
        }
      else
        write_key (out, child->key ? child->key : "");
      g_string_append_c (out, ':');
      emit_value (out, child, indent);
    }
}

static void
emit_sequence (GString          *out,
               const StrataNode *node,
               guint             indent,
               gboolean          inline_first)
{
  guint n = strata_node_get_n_children (node);

  if (n == 0)
    {
      g_string_append (out, "[]\n");
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      const StrataNode *item = strata_node_get_child (node, i);

      if (i > 0 || !inline_first)
        put_indent (out, indent);
      g_string_append (out, "- ");
      if (item->kind == STRATA_NODE_SCALAR)
        write_scalar (out, item, indent + 2);
      else if (item->kind == STRATA_NODE_MAPPING)
        emit_mapping (out, item, indent + 2, TRUE);
      else
        emit_sequence (out, item, indent + 2, TRUE);
    }
}

char *
_strata_emit_yaml_raw (const StrataNode *root)
{
  GString *out = g_string_new (NULL);

  if (root->kind == STRATA_NODE_MAPPING)
    emit_mapping (out, root, 0, FALSE);
  else if (root->kind == STRATA_NODE_SEQUENCE)
    emit_sequence (out, root, 0, FALSE);
  else
    write_scalar (out, root, 0);
  return g_string_free (out, FALSE);
}

char *
strata_emit_yaml (const StrataNode *root)
{
  g_autofree char *raw = NULL;

  g_return_val_if_fail (root != NULL, NULL);

  raw = _strata_emit_yaml_raw (root);
  return _strata_emit_escape_dollars (raw);
}
