/* strata-dotenv.c: .env files, as compose-go's dotenv package reads them
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-compose-error.h"
#include "strata-environment.h"
#include "strata-interpolate-private.h"

typedef struct
{
  StrataLayer       *layer;
  const char        *text;
  StrataEnvironment *lookup_env;
  StrataEnvironment *out;
  GPtrArray         *diagnostics;

  /* A forward-moving cursor that turns pointers into positions. */
  const char        *mark;
  guint              mark_line;
  const char        *mark_line_start;
} Parser;

static StrataPosition
position (Parser     *p,
          const char *at)
{
  StrataPosition pos = { p->layer, 0, 1 };

  if (p->mark == NULL || at < p->mark)
    {
      p->mark = p->mark_line_start = p->text;
      p->mark_line = 1;
    }
  for (; p->mark < at; p->mark++)
    if (*p->mark == '\n')
      {
        p->mark_line++;
        p->mark_line_start = p->mark + 1;
      }

  pos.line = p->mark_line;
  for (const char *c = p->mark_line_start; c < at; c = g_utf8_next_char (c))
    pos.column++;
  return pos;
}

static gboolean
fail (Parser      *p,
      const char  *at,
      GError     **error,
      const char  *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (Parser      *p,
      const char  *at,
      GError     **error,
      const char  *format,
      ...)
{
  StrataPosition pos = position (p, at);
  g_autofree char *place = strata_position_to_string (&pos);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_PARSE, "%s: %s", place, message);
  return FALSE;
}

/* Go's isSpace in the dotenv package: blanks, but not the line break. */
static gboolean
is_blank (gunichar c)
{
  return c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == ' ' || c == 0x85 || c == 0xA0;
}

/* Go's unicode.IsSpace. */
static gboolean
is_space (gunichar c)
{
  return c == '\n' || is_blank (c) || (c > 0xFF && g_unichar_isspace (c));
}

static const char *
skip_blanks (const char *s)
{
  while (*s != '\0' && is_blank (g_utf8_get_char (s)))
    s = g_utf8_next_char (s);
  return s;
}

/* The next statement, past blank lines and comments, or NULL at the end. */
static const char *
statement_start (const char *s)
{
  for (;;)
    {
      while (*s != '\0' && is_space (g_utf8_get_char (s)))
        s = g_utf8_next_char (s);
      if (*s == '\0')
        return NULL;
      if (*s != '#')
        return s;
      s = strchr (s, '\n');
      if (s == NULL)
        return NULL;
    }
}

static gboolean
is_key_char (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return c == '_' || c == '.' || c == '-' || c == '[' || c == ']' ||
         g_unichar_isalpha (c) || type == G_UNICODE_DECIMAL_NUMBER ||
         type == G_UNICODE_LETTER_NUMBER || type == G_UNICODE_OTHER_NUMBER;
}

static char *
go_quote (const char *s,
          gssize      len)
{
  g_autofree char *text = len < 0 ? g_strdup (s) : g_strndup (s, len);
  GString *out = g_string_new ("\"");

  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '"' || *c == '\\')
        g_string_append_c (out, '\\');
      if (*c == '\t')
        g_string_append (out, "\\t");
      else if (*c == '\r')
        g_string_append (out, "\\r");
      else
        g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

/* Reads the key of the statement at @s: sets *key (NULL for compose's
 * nameless statement at the end of the file), *inherited, and *rest. */
static gboolean
read_key (Parser      *p,
          const char  *s,
          char       **key,
          gboolean    *inherited,
          const char **rest,
          GError     **error)
{
  const char *start, *c;
  g_autofree char *raw = NULL;

  if (g_str_has_prefix (s, "export") && s[6] != '\0' && strchr (" \t\n\f\r", s[6]))
    s = skip_blanks (s + 6);
  start = s;

  for (c = s; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      if (is_blank (ch))
        continue;
      if (ch == '=' || ch == ':' || ch == '\n')
        break;
      if (!is_key_char (ch))
        {
          const char *eol = strchr (start, '\n');
          g_autofree char *what = go_quote (c, g_utf8_next_char (c) - c);
          g_autofree char *line = go_quote (start, eol ? eol - start : -1);

          return fail (p, c, error, "unexpected character %s in variable name %s", what, line);
        }
    }

  *inherited = *c == '\n';
  *rest = skip_blanks (*c == '\0' ? start : c + 1);
  if (*c == '\0')
    {
      *key = NULL;
      return TRUE;
    }

  raw = g_strndup (start, c - start);
  g_strchomp (raw);
  if (strchr (raw, ' ') != NULL)
    return fail (p, start, error, "key cannot contain a space");
  *key = g_steal_pointer (&raw);
  return TRUE;
}

/* Looks up @env (what was defined before this file) first, then this file. */
static const char *
lookup_for_file (const char     *name,
                 StrataPosition *out_pos,
                 gpointer        user_data)
{
  Parser *p = user_data;
  const char *value = strata_environment_lookup (p->lookup_env, name, out_pos);

  if (value == NULL)
    value = strata_environment_lookup (p->out, name, out_pos);
  return value;
}

static char *
interpolate (Parser      *p,
             const char  *value,
             const char  *at,
             GError     **error)
{
  StrataPosition pos = position (p, at);
  StrataInterpolation ctx = { lookup_for_file, p, &pos, NULL, p->diagnostics, };
  char *result = _strata_interpolation_run (&ctx, value);

  if (result == NULL)
    _strata_interpolation_set_error (&ctx, NULL, error);
  _strata_interpolation_clear (&ctx);
  return result;
}

/* Double-quoted values: \a \b \f \n \r \t \v \" \\ like Go, \$ is a literal
 * dollar, \0NNN an octal byte; anything else stays as written. */
static char *
expand_escapes (const char *s)
{
  static const char from[] = "abfnrtv\"\\";
  static const char to[] = "\a\b\f\n\r\t\v\"\\";
  GString *out = g_string_new (NULL);

  while (*s != '\0')
    {
      const char *hit;
      gsize n = 0;

      if (s[0] != '\\' || s[1] == '\0')
        {
          g_string_append_c (out, *s++);
          continue;
        }
      if ((hit = strchr (from, s[1])) != NULL)
        g_string_append_c (out, to[hit - from]);
      else if (s[1] == '$')
        g_string_append (out, "$$");
      else if (s[1] == 'c')
        g_string_append (out, "\\c");
      else if (s[1] != '0')
        {
          g_string_append_c (out, *s++);
          continue;
        }
      else
        {
          guint v = 0;
          gboolean octal = TRUE;

          for (n = 0; n < 3 && g_ascii_isdigit (s[2 + n]); n++)
            {
              octal &= s[2 + n] <= '7';
              v = v * 8 + (s[2 + n] - '0');
            }
          /* compose-go drops the 0 first, so a failed escape loses it */
          if (n == 3 && octal && v <= 255 && v > 0)
            g_string_append_unichar (out, v);
          else if (!(n == 3 && octal && v == 0))
            {
              g_string_append_c (out, '\\');
              g_string_append_len (out, s + 2, n);
            }
        }
      s += 2 + n;
    }

  return g_string_free (out, FALSE);
}

static gboolean
read_quoted (Parser      *p,
             const char  *s,
             char       **value,
             const char **rest,
             GError     **error)
{
  char quote = s[0];
  GString *chars = g_string_new (NULL);
  gboolean escaped = FALSE;
  const char *eol;

  for (const char *c = s + 1; *c != '\0'; c++)
    {
      if (escaped)
        {
          escaped = FALSE;
          if (*c != quote)
            g_string_append_c (chars, '\\');
          g_string_append_c (chars, *c);
        }
      else if (*c == '\\')
        escaped = TRUE;
      else if (*c == quote)
        {
          *value = g_string_free (chars, FALSE);
          *rest = c + 1;
          return TRUE;
        }
      else
        g_string_append_c (chars, *c);
    }

  g_string_free (chars, TRUE);
  eol = strchr (s, '\n');
  return fail (p, s, error, "unterminated quoted value %.*s",
               (int) (eol ? eol - s : (gssize) strlen (s)), s);
}

static gboolean
read_value (Parser      *p,
            const char  *s,
            char       **value,
            const char **rest,
            GError     **error)
{
  g_autofree char *raw = NULL;
  const char *eol, *comment;

  if (*s == '\'')
    return read_quoted (p, s, value, rest, error);

  if (*s == '"')
    {
      g_autofree char *escaped = NULL;

      if (!read_quoted (p, s, &raw, rest, error))
        return FALSE;
      escaped = expand_escapes (raw);
      *value = interpolate (p, escaped, s, error);
      return *value != NULL;
    }

  eol = strchr (s, '\n');
  *rest = eol ? eol + 1 : s + strlen (s);
  raw = g_strndup (s, eol ? eol - s : (gssize) strlen (s));
  if ((comment = strstr (raw, " #")) != NULL)
    raw[comment - raw] = '\0';
  for (char *last; raw[0] != '\0'; )
    {
      last = g_utf8_find_prev_char (raw, raw + strlen (raw));
      if (last == NULL || !is_space (g_utf8_get_char (last)))
        break;
      *last = '\0';
    }

  *value = interpolate (p, raw, s, error);
  return *value != NULL;
}

static gboolean
read_statement (Parser      *p,
                const char  *s,
                const char **rest,
                GError     **error)
{
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  gboolean inherited = FALSE;
  const char *after_key = NULL;
  StrataPosition pos = position (p, s);

  if (!read_key (p, s, &key, &inherited, &after_key, error))
    return FALSE;

  if (inherited)
    {
      const char *v = strata_environment_lookup (p->lookup_env, key, NULL);

      if (v != NULL && key[0] != '\0')
        strata_environment_set (p->out, key, v, &pos);
      *rest = after_key;
      return TRUE;
    }

  if (!read_value (p, after_key, &value, rest, error))
    return FALSE;
  if (key == NULL || key[0] == '\0')
    return fail (p, s, error, "a variable name is missing before the value "
                 "(compose stops with \"setenv: invalid argument\")");
  strata_environment_set (p->out, key, value, &pos);
  return TRUE;
}

StrataEnvironment *
strata_environment_parse_dotenv (StrataLayer        *layer,
                                 StrataEnvironment  *lookup_env,
                                 GPtrArray          *diagnostics,
                                 GError            **error)
{
  g_autoptr(StrataEnvironment) empty = strata_environment_new ();
  g_autoptr(StrataEnvironment) out = strata_environment_new ();
  gsize length = 0;
  const char *text = strata_layer_get_text (layer, &length);
  const char *bad = NULL;
  const char *s;
  Parser p = { layer, text, lookup_env ? lookup_env : empty, out, diagnostics, };

  if (!g_utf8_validate (text, length, &bad))
    {
      StrataPosition pos = position (&p, bad);
      g_autofree char *place = strata_position_to_string (&pos);

      g_set_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_ENCODING,
                   "%s: not UTF-8 text; save the file as UTF-8", place);
      return NULL;
    }

  s = g_str_has_prefix (text, "\xEF\xBB\xBF") ? text + 3 : text;
  while ((s = statement_start (s)) != NULL)
    if (!read_statement (&p, s, &s, error))
      return NULL;

  return g_steal_pointer (&out);
}

gboolean
strata_environment_load_dotenv_full (StrataEnvironment  *env,
                                     StrataLayer        *layer,
                                     gboolean            override_existing,
                                     GPtrArray          *diagnostics,
                                     GError            **error)
{
  g_autoptr(StrataEnvironment) file = NULL;
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (env != NULL, FALSE);
  g_return_val_if_fail (layer != NULL, FALSE);

  file = strata_environment_parse_dotenv (layer, env, diagnostics, error);
  if (file == NULL)
    return FALSE;

  names = strata_environment_dup_names (file);
  for (guint i = 0; names[i] != NULL; i++)
    {
      StrataPosition old_pos, pos;
      const char *old = strata_environment_lookup (env, names[i], &old_pos);
      const char *value = strata_environment_lookup (file, names[i], &pos);

      if (old != NULL && (old_pos.layer == NULL || !override_existing))
        continue;
      strata_environment_set (env, names[i], value, &pos);
    }

  return TRUE;
}

gboolean
strata_environment_load_dotenv (StrataEnvironment  *env,
                                StrataLayer        *layer,
                                gboolean            override_existing,
                                GError            **error)
{
  return strata_environment_load_dotenv_full (env, layer, override_existing, NULL, error);
}
