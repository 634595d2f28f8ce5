/* strata-interpolate-engine.c: $VAR, ${VAR}, ${VAR:-default}... as compose-go does them
 *
 * compose-go (v2.0.x, template/template.go) matches
 *   \$(?i:(\$)|([_a-z][_a-z0-9]*)|{(?:([_a-z][_a-z0-9]*(?::?[-+?](.*))?)}|()))
 * and this file reproduces its quirks by hand: ".*" is greedy up to the last
 * "}" of the line, the match is then cut at the first balanced "}" and the
 * remainder interpolated on its own; a default, alternative or error message
 * is always interpolated, even when not used; "$" before anything but "$",
 * a name or "{" stays as is; "${" without a valid body is an error.
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-compose-error.h"
#include "strata-diagnostic.h"
#include "strata-interpolate-private.h"

static gboolean
is_name_start (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static void
fail_template (StrataInterpolation *ctx,
               const char          *template)
{
  if (ctx->failed)
    return;
  ctx->failed = TRUE;
  ctx->bad_template = g_strdup (template);
}

static const char *
lookup (StrataInterpolation *ctx,
        const char          *name,
        gboolean             warn)
{
  StrataPosition def = { NULL, 0, 0 };
  const char *value;

  ctx->n_references++;
  value = ctx->lookup (name, &def, ctx->user_data);
  if (value != NULL && ctx->used != NULL)
    g_array_append_val (ctx->used, def);
  if (value == NULL && warn && ctx->diagnostics != NULL)
    g_ptr_array_add (ctx->diagnostics,
                     strata_diagnostic_new (STRATA_SEVERITY_WARNING, ctx->pos,
                                            "set it in the environment or in .env, or give a default with ${VAR:-default}",
                                            "The \"%s\" variable is not set. Defaulting to a blank string.",
                                            name));
  return value;
}

/* The end (exclusive) of a braced match starting at t[0] == '$', or 0. */
static gsize
braced_match_end (const char *t)
{
  const char *name_end, *q, *line_end, *last = NULL;

  if (t[1] != '{' || !is_name_start (t[2]))
    return 0;
  for (name_end = t + 2; is_name_char (*name_end); name_end++)
    ;

  q = name_end;
  if (q[0] == ':' && q[1] != '\0' && strchr ("-+?", q[1]))
    q += 2;
  else if (q[0] != '\0' && strchr ("-+?", q[0]))
    q += 1;
  else
    return *name_end == '}' ? (gsize) (name_end - t) + 1 : 0;

  line_end = strchr (q, '\n');
  if (line_end == NULL)
    line_end = q + strlen (q);
  for (const char *p = q; p < line_end; p++)
    if (*p == '}')
      last = p;

  return last ? (gsize) (last - t) + 1 : 0;
}

/* compose-go's getFirstBraceClosingIndex, skip after '{' included. */
static gssize
first_closing_brace (const char *s,
                     gsize       len)
{
  int open = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == '}' && --open == 0)
        return i;
      if (s[i] == '{')
        {
          open++;
          i++;
        }
    }
  return -1;
}

/* Applies the operator after the name. Returns the value (owned) or NULL on error. */
static char *
apply_operator (StrataInterpolation *ctx,
                const char          *name,
                const char          *op,
                const char          *arg)
{
  g_autofree char *argument = _strata_interpolation_run (ctx, arg);
  gboolean colon = op[0] == ':';
  char kind = colon ? op[1] : op[0];
  const char *value;
  gboolean empty;

  if (argument == NULL)
    return NULL;

  value = lookup (ctx, name, FALSE);
  empty = value == NULL || (colon && value[0] == '\0');

  switch (kind)
    {
    case '-':
      return g_strdup (empty ? argument : value);
    case '+':
      return g_strdup (!empty ? argument : (value ? value : ""));
    case '?':
    default:
      if (!empty)
        return g_strdup (value);
      ctx->failed = TRUE;
      ctx->missing_name = g_strdup (name);
      ctx->missing_reason = g_steal_pointer (&argument);
      return NULL;
    }
}

/* Substitutes the braced expression t[0..match_len) into @out. compose-go
 * cuts the match at its first balanced "}" and interpolates the remainder
 * on its own; the remainder always runs to the last "}" of the line, so the
 * caller simply continues at *rest. */
static gboolean
substitute_braced (StrataInterpolation *ctx,
                   const char          *t,
                   gsize                match_len,
                   GString             *out,
                   const char         **rest)
{
  gssize closing = first_closing_brace (t, match_len);
  gsize sub_len = closing >= 0 ? (gsize) closing + 1 : match_len;
  g_autofree char *braced = g_strndup (t + 2, sub_len - 3);
  g_autofree char *value = NULL;
  gsize name_len = 0, op_len;
  g_autofree char *op = NULL;
  g_autofree char *arg = NULL;

  *rest = t + sub_len;
  while (is_name_char (braced[name_len]))
    name_len++;

  if (braced[name_len] == '\0')
    {
      const char *v = lookup (ctx, braced, TRUE);

      g_string_append (out, v ? v : "");
      return TRUE;
    }

  op_len = braced[name_len] == ':' ? 2 : 1;
  op = g_strndup (braced + name_len, op_len);
  arg = g_strdup (braced + name_len + op_len);
  braced[name_len] = '\0';

  if (++ctx->depth > STRATA_INTERPOLATION_MAX_DEPTH)
    {
      ctx->failed = TRUE;
      ctx->too_deep = TRUE;
      return FALSE;
    }
  value = apply_operator (ctx, braced, op, arg);
  ctx->depth--;

  if (value == NULL)
    return FALSE;
  g_string_append (out, value);
  return TRUE;
}

char *
_strata_interpolation_run (StrataInterpolation *ctx,
                           const char          *input)
{
  GString *out = g_string_sized_new (strlen (input));
  const char *t = input;
  const char *part = input;      /* the template compose-go would blame */
  const char *part_end = NULL;

  while (*t != '\0' && !ctx->failed)
    {
      const char *dollar = strchr (t, '$');
      gsize match_len;

      if (part_end != NULL && t >= part_end)
        part = input, part_end = NULL;

      if (dollar == NULL)
        {
          g_string_append (out, t);
          break;
        }
      g_string_append_len (out, t, dollar - t);
      t = dollar;

      if (t[1] == '$')
        {
          g_string_append_c (out, '$');
          t += 2;
        }
      else if (is_name_start (t[1]))
        {
          gsize n = 1;
          g_autofree char *name = NULL;
          const char *v;

          while (is_name_char (t[n]))
            n++;
          name = g_strndup (t + 1, n - 1);
          v = lookup (ctx, name, TRUE);
          g_string_append (out, v ? v : "");
          t += n;
        }
      else if (t[1] != '{')
        {
          g_string_append_c (out, '$');
          t += 1;
        }
      else if ((match_len = braced_match_end (t)) == 0)
        {
          g_autofree char *blamed = part_end ? g_strndup (part, part_end - part) : g_strdup (part);

          fail_template (ctx, blamed);
        }
      else
        {
          const char *rest;

          if (substitute_braced (ctx, t, match_len, out, &rest) && rest < t + match_len)
            part = rest, part_end = t + match_len;
          t = rest;
        }
    }

  if (ctx->failed)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

void
_strata_interpolation_clear (StrataInterpolation *ctx)
{
  g_clear_pointer (&ctx->bad_template, g_free);
  g_clear_pointer (&ctx->missing_name, g_free);
  g_clear_pointer (&ctx->missing_reason, g_free);
  ctx->failed = FALSE;
  ctx->too_deep = FALSE;
  ctx->depth = 0;
}

static char *
go_quote (const char *text)
{
  GString *s = g_string_new ("\"");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (s, '\\');
      if (*p == '\n')
        g_string_append (s, "\\n");
      else if (*p == '\t')
        g_string_append (s, "\\t");
      else
        g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

char *
_strata_interpolation_display_path (const char *path)
{
  char *shown = g_strdup (path);

  for (char *p = strchr (shown, STRATA_PATH_KEY_DOT); p != NULL; p = strchr (p + 1, STRATA_PATH_KEY_DOT))
    *p = '.';
  return shown;
}

void
_strata_interpolation_set_error (StrataInterpolation  *ctx,
                                 const char           *path,
                                 GError              **error)
{
  g_autofree char *place = ctx->pos ? strata_position_to_string (ctx->pos) : NULL;
  g_autofree char *what = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *shown = path ? _strata_interpolation_display_path (path) : NULL;

  if (ctx->bad_template != NULL && path != NULL)
    what = g_strdup_printf ("invalid interpolation format for %s.\n"
                            "You may need to escape any $ with another $.\n%s",
                            shown, ctx->bad_template);
  else if (ctx->bad_template != NULL)
    what = g_strdup_printf ("Invalid template: %s", quoted = go_quote (ctx->bad_template));
  else if (ctx->missing_reason != NULL && ctx->missing_reason[0] != '\0')
    what = g_strdup_printf ("required variable %s is missing a value: %s",
                            ctx->missing_name, ctx->missing_reason);
  else if (ctx->too_deep)
    what = g_strdup_printf ("defaults nested deeper than %d levels", STRATA_INTERPOLATION_MAX_DEPTH);
  else
    what = g_strdup_printf ("required variable %s is missing a value", ctx->missing_name);

  if (ctx->bad_template == NULL && !ctx->too_deep && path != NULL)
    {
      char *wrapped = g_strdup_printf ("error while interpolating %s: %s", shown, what);

      g_free (what);
      what = wrapped;
    }

  g_set_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_INTERPOLATION,
               "%s%s%s", place ? place : "", place ? ": " : "", what);
}
