/* strata-go-format.c: typed scalars as Go prints the values go-yaml decoded
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * compose never sees the source text of a plain scalar: go-yaml v3 decodes
 * `0x1F` to int 31, `1.50` to float64 1.5, `False` to false and `2001-12-14`
 * to a time.Time. Where compose-go wants a string (environment, labels,
 * build args...) it calls fmt.Sprint on that value; where the value is
 * printed as is (x-* extensions) go-yaml and encoding/json format it.
 */

#include "config.h"

#include <string.h>

#include "strata-emit-private.h"
#include "strata-yaml.h"

/* The fractional second digits of a timestamp's text ("10" for
 * "21:59:43.10-05:00"), at most 9, trailing zeros removed. */
static char *
fraction_digits (const char *text)
{
  const char *dot = strchr (text, '.');
  GString *digits = g_string_new (NULL);

  if (dot != NULL)
    for (const char *p = dot + 1; g_ascii_isdigit (*p) && digits->len < 9; p++)
      g_string_append_c (digits, *p);
  while (digits->len > 0 && digits->str[digits->len - 1] == '0')
    g_string_truncate (digits, digits->len - 1);
  return g_string_free (digits, FALSE);
}

/* "Z" or "-05:00" (RFC 3339), "+0000 UTC" or "-0500 -0500" (time.String:
 * the zone of an offset that is not the local one has no name). */
static void
append_zone (GString  *out,
             gint64    offset_us,
             gboolean  rfc3339)
{
  gint64 minutes = ABS (offset_us) / G_TIME_SPAN_MINUTE;
  char sign = offset_us < 0 ? '-' : '+';

  if (rfc3339 && offset_us == 0)
    g_string_append_c (out, 'Z');
  else if (rfc3339)
    g_string_append_printf (out, "%c%02d:%02d", sign, (int) (minutes / 60), (int) (minutes % 60));
  else if (offset_us == 0)
    g_string_append (out, " +0000 UTC");
  else
    g_string_append_printf (out, " %c%02d%02d %c%02d%02d", sign, (int) (minutes / 60),
                            (int) (minutes % 60), sign, (int) (minutes / 60), (int) (minutes % 60));
}

char *
_strata_go_format_time (const char *text,
                        gboolean    rfc3339)
{
  g_autoptr(GDateTime) time = strata_yaml_parse_timestamp (text);
  g_autofree char *fraction = NULL;
  g_autofree char *clock = NULL;
  GString *out;

  if (time == NULL)
    return g_strdup (text);

  fraction = fraction_digits (text);
  clock = g_date_time_format (time, rfc3339 ? "%Y-%m-%dT%H:%M:%S" : "%Y-%m-%d %H:%M:%S");
  out = g_string_new (clock);
  if (fraction[0] != '\0')
    g_string_append_printf (out, ".%s", fraction);
  append_zone (out, g_date_time_get_utc_offset (time), rfc3339);
  return g_string_free (out, FALSE);
}

char *
_strata_go_float_text (const char *text,
                       gboolean    json)
{
  double d;

  if (!strata_yaml_parse_float (text, &d))
    return g_strdup (text);
  if (d == 0 && text[0] == '-')
    d = -0.0;  /* strconv.ParseFloat ("-0") keeps the sign */
  return _strata_go_format_float (d, json);
}

char *
_strata_go_sprint (const StrataNode *node)
{
  gint64 i;
  guint64 u;

  switch (node->type)
    {
    case STRATA_VALUE_BOOL:
      return g_strdup (g_ascii_strcasecmp (node->text, "true") == 0 ? "true" : "false");
    case STRATA_VALUE_INT:
      if (!strata_yaml_parse_int (node->text, &i, &u))
        return g_strdup (node->text);
      if (u > (guint64) G_MAXINT64)
        return g_strdup_printf ("%" G_GUINT64_FORMAT, u);
      return g_strdup_printf ("%" G_GINT64_FORMAT, i);
    case STRATA_VALUE_FLOAT:
      return _strata_go_float_text (node->text, FALSE);
    case STRATA_VALUE_TIMESTAMP:
      return _strata_go_format_time (node->text, FALSE);
    case STRATA_VALUE_NULL:
    case STRATA_VALUE_STRING:
    default:
      return NULL;
    }
}
