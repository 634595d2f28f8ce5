/* strata-units.c: byte sizes and durations as compose-go decodes them
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Byte sizes follow docker/go-units RAMInBytes ("1g", "512M", "1.5kb",
 * 1024-based), durations Go's time.ParseDuration and Duration.String ().
 * A value that does not parse gets the message Go gives, which compose
 * prints after "error decoding '...'".
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "strata-schema-private.h"
#include "strata-units.h"
#include "strata-yaml-private.h"

/* The end of /^[0-9]+(\.[0-9]+)* ?([kKmMgGtTpP])?[iI]?[bB]?$/ in @text (the
 * expression go-units matches), its number and its unit (or 0); NULL when
 * @text does not match. As a PCRE `$` does, a final newline is allowed. */
static const char *
match_size (const char  *text,
            const char **number_end,
            char        *unit)
{
  const char *p = text;

  if (!g_ascii_isdigit (*p))
    return NULL;
  while (g_ascii_isdigit (*p))
    p++;
  while (p[0] == '.' && g_ascii_isdigit (p[1]))
    for (p++; g_ascii_isdigit (*p); p++)
      ;
  *number_end = p;
  if (*p == ' ')
    p++;
  *unit = *p != '\0' && strchr ("kKmMgGtTpP", *p) != NULL ? *p++ : '\0';
  if (*p == 'i' || *p == 'I')
    p++;
  if (*p == 'b' || *p == 'B')
    p++;
  if (*p == '\n')
    p++;
  return *p == '\0' ? p : NULL;
}

gboolean
_strata_parse_bytes_full (const char  *text,
                          gint64      *bytes,
                          char       **message)
{
  g_autofree char *number = NULL;
  const char *units = "kmgtp";
  const char *number_end;
  char *end = NULL;
  char unit;
  double value;

  if (match_size (text, &number_end, &unit) == NULL)
    {
      if (message)
        *message = g_strdup_printf ("invalid size: '%s'", text);
      return FALSE;
    }
  number = g_strndup (text, number_end - text);
  value = g_ascii_strtod (number, &end);
  if (*end != '\0')
    {
      g_autofree char *quoted = _strata_yaml_quote (number);

      if (message)
        *message = g_strdup_printf ("strconv.ParseFloat: parsing %s: invalid syntax", quoted);
      return FALSE;
    }
  if (unit != '\0')
    value *= pow (1024, strchr (units, g_ascii_tolower (unit)) - units + 1);
  *bytes = (gint64) value;
  return TRUE;
}

gboolean
_strata_parse_bytes (const char *text,
                     gint64     *bytes)
{
  return _strata_parse_bytes_full (text, bytes, NULL);
}

static double
unit_ns (const char *unit,
         gsize       len)
{
  if (len == 1)
    return unit[0] == 's' ? 1e9 : unit[0] == 'm' ? 60e9 : unit[0] == 'h' ? 3600e9 : 0;
  if (len == 2 && unit[1] == 's')
    return unit[0] == 'n' ? 1 : unit[0] == 'u' ? 1e3 : unit[0] == 'm' ? 1e6 : 0;
  /* U+00B5 MICRO SIGN and U+03BC GREEK SMALL LETTER MU */
  if (len == 3 && unit[2] == 's' &&
      ((unit[0] == '\302' && unit[1] == '\265') || (unit[0] == '\316' && unit[1] == '\274')))
    return 1e3;
  return 0;
}

static gboolean
duration_error (char       **message,
                const char  *text,
                const char  *what,
                const char  *unit,
                gsize        unit_len)
{
  g_autofree char *quoted = _strata_yaml_quote (text);
  g_autofree char *unit_text = unit ? g_strndup (unit, unit_len) : NULL;
  g_autofree char *quoted_unit = unit ? _strata_yaml_quote (unit_text) : NULL;

  if (message != NULL && unit != NULL)
    *message = g_strdup_printf ("time: unknown unit %s in duration %s", quoted_unit, quoted);
  else if (message != NULL)
    *message = g_strdup_printf ("time: %s %s", what, quoted);
  return FALSE;
}

/* Go's time.ParseDuration: [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+ */
gboolean
_strata_parse_duration_full (const char  *text,
                             gint64      *nanoseconds,
                             char       **message)
{
  const char *p = text;
  gboolean negative = FALSE;
  double total = 0;

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  if (g_strcmp0 (p, "0") == 0)
    return (*nanoseconds = 0, TRUE);
  if (*p == '\0')
    return duration_error (message, text, "invalid duration", NULL, 0);
  while (*p)
    {
      const char *start = p, *unit;
      gboolean whole = TRUE;
      double value, ns;

      if (*p != '.' && !g_ascii_isdigit (*p))
        return duration_error (message, text, "invalid duration", NULL, 0);
      while (g_ascii_isdigit (*p))
        p++;
      if (*p == '.')
        for (p++, whole = FALSE; g_ascii_isdigit (*p); p++)
          ;
      if (p - start == 1 && *start == '.')
        return duration_error (message, text, "invalid duration", NULL, 0);
      /* whole numbers of up to 15 digits are exact either way */
      if (whole && p - start <= 15)
        for (value = 0; start < p; start++)
          value = value * 10 + (*start - '0');
      else
        value = g_ascii_strtod (start, NULL);
      for (unit = p; *p != '\0' && *p != '.' && !g_ascii_isdigit (*p); p++)
        ;
      if (p == unit)
        return duration_error (message, text, "missing unit in duration", NULL, 0);
      if ((ns = unit_ns (unit, p - unit)) == 0)
        return duration_error (message, text, NULL, unit, p - unit);
      total += value * ns;
    }
  *nanoseconds = (gint64) llround (negative ? -total : total);
  return TRUE;
}

gboolean
_strata_parse_duration (const char *text,
                        gint64     *nanoseconds)
{
  return _strata_parse_duration_full (text, nanoseconds, NULL);
}

/* The decimal digits of @value at @p; returns their end. */
static char *
put_uint (char    *p,
          guint64  value)
{
  char digits[20];
  guint n = 0;

  do
    digits[n++] = '0' + value % 10;
  while ((value /= 10) != 0);
  while (n > 0)
    *p++ = digits[--n];
  return p;
}

/* "1.5" for (15, 1): the fraction without trailing zeros. */
static char *
put_fraction (char    *p,
              guint64  value,
              int      digits)
{
  guint64 scale = 1;
  guint64 frac;
  char *last;

  for (int i = 0; i < digits; i++)
    scale *= 10;
  p = put_uint (p, value / scale);
  frac = value % scale;
  if (frac == 0)
    return p;
  *p++ = '.';
  last = p + digits;
  for (char *q = last; q > p; frac /= 10)
    *--q = '0' + frac % 10;
  while (last[-1] == '0')
    last--;
  return last;
}

static char *
put_text (char       *p,
          const char *text)
{
  gsize length = strlen (text);

  memcpy (p, text, length);
  return p + length;
}

gsize
_strata_format_duration_buf (gint64  nanoseconds,
                             char   *buf)
{
  guint64 u = nanoseconds < 0 ? (guint64) (-nanoseconds) : (guint64) nanoseconds;
  char *p = buf;
  guint64 secs;

  if (nanoseconds < 0)
    *p++ = '-';
  if (u == 0)
    p = put_text (p, "0s");
  else if (u < 1000)
    p = put_text (put_uint (p, u), "ns");
  else if (u < 1000000)
    p = put_text (put_fraction (p, u, 3), "\302\265s");
  else if (u < 1000000000)
    p = put_text (put_fraction (p, u, 6), "ms");
  else
    {
      secs = u / 1000000000;
      if (secs >= 3600)
        p = put_text (put_uint (p, secs / 3600), "h");
      if (secs >= 60)
        p = put_text (put_uint (p, (secs / 60) % 60), "m");
      p = put_text (put_fraction (p, (secs % 60) * 1000000000 + u % 1000000000, 9), "s");
    }
  *p = '\0';
  return p - buf;
}

/* Go's time.Duration.String (): "1m30s", "1h0m0s", "500ms", "0s". */
char *
_strata_format_duration (gint64 nanoseconds)
{
  char buf[STRATA_DURATION_BUF_SIZE];

  return g_strndup (buf, _strata_format_duration_buf (nanoseconds, buf));
}

gboolean
strata_parse_duration (const char *text,
                       gint64     *nanoseconds)
{
  g_return_val_if_fail (text != NULL && nanoseconds != NULL, FALSE);

  return _strata_parse_duration (text, nanoseconds);
}
