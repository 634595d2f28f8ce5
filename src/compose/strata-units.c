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

gboolean
_strata_parse_bytes_full (const char  *text,
                          gint64      *bytes,
                          char       **message)
{
  g_autoptr(GRegex) regex = g_regex_new ("^([0-9]+(?:\\.[0-9]+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *number = NULL;
  g_autofree char *unit = NULL;
  const char *units = "kmgtp";
  char *end = NULL;
  double value;

  if (!g_regex_match (regex, text, 0, &match))
    {
      if (message)
        *message = g_strdup_printf ("invalid size: '%s'", text);
      return FALSE;
    }
  number = g_match_info_fetch (match, 1);
  unit = g_match_info_fetch (match, 2);
  value = g_ascii_strtod (number, &end);
  if (*end != '\0')
    {
      g_autofree char *quoted = _strata_yaml_quote (number);

      if (message)
        *message = g_strdup_printf ("strconv.ParseFloat: parsing %s: invalid syntax", quoted);
      return FALSE;
    }
  if (unit != NULL && *unit != '\0')
    value *= pow (1024, strchr (units, g_ascii_tolower (*unit)) - units + 1);
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
  static const struct { const char *unit; double ns; } units[] = {
    { "ns", 1 }, { "us", 1e3 }, { "\302\265s", 1e3 }, { "\316\274s", 1e3 }, { "ms", 1e6 },
    { "s", 1e9 }, { "m", 60e9 }, { "h", 3600e9 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (strlen (units[i].unit) == len && strncmp (units[i].unit, unit, len) == 0)
      return units[i].ns;
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
      double value, ns;

      if (*p != '.' && !g_ascii_isdigit (*p))
        return duration_error (message, text, "invalid duration", NULL, 0);
      while (g_ascii_isdigit (*p))
        p++;
      if (*p == '.')
        for (p++; g_ascii_isdigit (*p); p++)
          ;
      if (p - start == 1 && *start == '.')
        return duration_error (message, text, "invalid duration", NULL, 0);
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

/* "1.5" for (15, 1): the fraction without trailing zeros. */
static void
append_fraction (GString *out,
                 guint64  value,
                 int      digits)
{
  guint64 scale = 1;
  guint64 whole, frac;
  g_autofree char *frac_text = NULL;

  for (int i = 0; i < digits; i++)
    scale *= 10;
  whole = value / scale;
  frac = value % scale;
  g_string_append_printf (out, "%" G_GUINT64_FORMAT, whole);
  if (frac == 0)
    return;
  frac_text = g_strdup_printf ("%0*" G_GUINT64_FORMAT, digits, frac);
  for (int i = digits - 1; i > 0 && frac_text[i] == '0'; i--)
    frac_text[i] = '\0';
  g_string_append_printf (out, ".%s", frac_text);
}

/* Go's time.Duration.String (): "1m30s", "1h0m0s", "500ms", "0s". */
char *
_strata_format_duration (gint64 nanoseconds)
{
  GString *out = g_string_new (nanoseconds < 0 ? "-" : "");
  guint64 u = nanoseconds < 0 ? (guint64) (-nanoseconds) : (guint64) nanoseconds;
  guint64 secs;

  if (u == 0)
    return (g_string_free (out, TRUE), g_strdup ("0s"));
  if (u < 1000000000)
    {
      if (u < 1000)
        g_string_append_printf (out, "%" G_GUINT64_FORMAT "ns", u);
      else if (u < 1000000)
        (append_fraction (out, u, 3), g_string_append (out, "µs"));
      else
        (append_fraction (out, u, 6), g_string_append (out, "ms"));
      return g_string_free (out, FALSE);
    }
  secs = u / 1000000000;
  if (secs >= 3600)
    g_string_append_printf (out, "%" G_GUINT64_FORMAT "h", secs / 3600);
  if (secs >= 60)
    g_string_append_printf (out, "%" G_GUINT64_FORMAT "m", (secs / 60) % 60);
  append_fraction (out, (secs % 60) * 1000000000 + u % 1000000000, 9);
  g_string_append_c (out, 's');
  return g_string_free (out, FALSE);
}

gboolean
strata_parse_duration (const char *text,
                       gint64     *nanoseconds)
{
  g_return_val_if_fail (text != NULL && nanoseconds != NULL, FALSE);

  return _strata_parse_duration (text, nanoseconds);
}
