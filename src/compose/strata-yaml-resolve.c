/* strata-yaml-resolve.c: the types of plain scalars, as go-yaml v3 resolves them
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "strata-yaml.h"

static gboolean
is_word4 (const char *text,
          const char *lower,
          const char *title,
          const char *upper)
{
  return memcmp (text, lower, 4) == 0 || memcmp (text, title, 4) == 0 ||
         memcmp (text, upper, 4) == 0;
}

/* ""/~/null/Null/NULL */
static gboolean
is_null_word (const char *text,
              gsize       length)
{
  if (length <= 1)
    return length == 0 || text[0] == '~';
  return length == 4 && is_word4 (text, "null", "Null", "NULL");
}

/* true/True/TRUE/false/False/FALSE */
static gboolean
is_bool_word (const char *text,
              gsize       length)
{
  if (length == 4)
    return is_word4 (text, "true", "True", "TRUE");
  return length == 5 &&
         (memcmp (text, "false", 5) == 0 || memcmp (text, "False", 5) == 0 ||
          memcmp (text, "FALSE", 5) == 0);
}

/* .nan/.NaN/.NAN, and .inf/.Inf/.INF with an optional sign */
static gboolean
is_special_float (const char *text,
                  gsize       length)
{
  if (length == 4)
    return text[0] == '.' &&
           (is_word4 (text, ".inf", ".Inf", ".INF") || is_word4 (text, ".nan", ".NaN", ".NAN"));
  return length == 5 && (text[0] == '+' || text[0] == '-') && text[1] == '.' &&
         is_word4 (text + 1, ".inf", ".Inf", ".INF");
}

static int
digit_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z')
    return c - 'A' + 10;
  return 99;
}

/* Go's strconv.ParseUint (s, 0, 64): base from the prefix, no sign. */
static gboolean
parse_uint_base0 (const char *s,
                  guint64    *out)
{
  guint base = 10;
  guint64 n = 0;

  if (*s == '\0')
    return FALSE;

  if (s[0] == '0')
    {
      gboolean long_enough = strlen (s) >= 3;
      char p = g_ascii_tolower (s[1]);

      if (long_enough && p == 'b')
        base = 2, s += 2;
      else if (long_enough && p == 'o')
        base = 8, s += 2;
      else if (long_enough && p == 'x')
        base = 16, s += 2;
      else
        base = 8, s += 1;
    }

  for (; *s != '\0'; s++)
    {
      guint d = digit_value (*s);

      if (d >= base)
        return FALSE;
      if (n > (G_MAXUINT64 - d) / base)
        return FALSE;
      n = n * base + d;
    }

  *out = n;
  return TRUE;
}

/* Room for the numbers people write, without an allocation. */
#define NUMBER_BUF 64

/* @text without its '_'s (go-yaml drops them all before parsing a number):
 * @text itself when it has none, else a copy in @buf, or in *@heap when too
 * long for it. */
static const char *
strip_underscores (const char *text,
                   char        buf[NUMBER_BUF],
                   char      **heap)
{
  gsize length;
  char *out, *o;

  if (strchr (text, '_') == NULL)
    return text;
  length = strlen (text);
  out = o = length < NUMBER_BUF ? buf : (*heap = g_malloc (length + 1));
  for (const char *p = text; *p != '\0'; p++)
    if (*p != '_')
      *o++ = *p;
  *o = '\0';
  return out;
}

gboolean
strata_yaml_parse_int (const char *text,
                       gint64     *out_value,
                       guint64    *out_unsigned)
{
  char buf[NUMBER_BUF];
  g_autofree char *heap = NULL;
  const char *plain = strip_underscores (text, buf, &heap);
  const char *digits = plain;
  gboolean negative = FALSE;
  guint64 magnitude;

  if (*digits == '+' || *digits == '-')
    negative = (*digits++ == '-');

  if (!parse_uint_base0 (digits, &magnitude))
    return FALSE;

  if (!negative && magnitude <= G_MAXINT64)
    {
      if (out_value)
        *out_value = (gint64) magnitude;
      if (out_unsigned)
        *out_unsigned = magnitude;
      return TRUE;
    }
  if (negative && magnitude <= (guint64) G_MAXINT64 + 1)
    {
      if (out_value)
        *out_value = (gint64) (0 - magnitude);
      if (out_unsigned)
        *out_unsigned = 0;
      return TRUE;
    }
  /* ParseInt failed; ParseUint takes no sign. */
  if (negative || digits != plain)
    return FALSE;
  if (out_value)
    *out_value = 0;
  if (out_unsigned)
    *out_unsigned = magnitude;
  return TRUE;
}

/* ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$ */
static gboolean
is_yaml_style_float (const char *s)
{
  gsize n_digits = 0;

  if (*s == '+' || *s == '-')
    s++;

  if (*s == '.')
    {
      for (s++; g_ascii_isdigit (*s); s++)
        n_digits++;
      if (n_digits == 0)
        return FALSE;
    }
  else
    {
      for (; g_ascii_isdigit (*s); s++)
        n_digits++;
      if (n_digits == 0)
        return FALSE;
      if (*s == '.')
        for (s++; g_ascii_isdigit (*s); s++)
          ;
    }

  if (*s == 'e' || *s == 'E')
    {
      n_digits = 0;
      s++;
      if (*s == '+' || *s == '-')
        s++;
      for (; g_ascii_isdigit (*s); s++)
        n_digits++;
      if (n_digits == 0)
        return FALSE;
    }

  return *s == '\0';
}

/* strconv.ParseFloat on a well-formed decimal: an overflow is an error, an
 * underflow is not. */
static gboolean
parse_decimal_float (const char *s,
                     double     *out)
{
  char *end = NULL;
  double v;

  errno = 0;
  v = g_ascii_strtod (s, &end);
  if (end == s || *end != '\0' || isinf (v))
    return FALSE;
  if (out)
    *out = v;
  return TRUE;
}

gboolean
strata_yaml_parse_float (const char *text,
                         double     *out_value)
{
  char buf[NUMBER_BUF];
  g_autofree char *heap = NULL;
  const char *plain;
  gint64 i;
  guint64 u;
  double v;

  if (is_special_float (text, strlen (text)))
    {
      if (g_ascii_strcasecmp (text, ".nan") == 0)
        v = NAN;
      else
        v = text[0] == '-' ? -INFINITY : INFINITY;
      if (out_value)
        *out_value = v;
      return TRUE;
    }

  if (strata_yaml_parse_int (text, &i, &u))
    {
      if (out_value)
        *out_value = (u > (guint64) G_MAXINT64) ? (double) u : (double) i;
      return TRUE;
    }

  if (text[0] == '.')
    return is_yaml_style_float (text) && parse_decimal_float (text, out_value);

  plain = strip_underscores (text, buf, &heap);
  return is_yaml_style_float (plain) && parse_decimal_float (plain, out_value);
}

/* Reads 1 or 2 digits (Go's getnum (s, false)). */
static gboolean
read_num12 (const char **s,
            int         *out)
{
  const char *p = *s;

  if (!g_ascii_isdigit (p[0]))
    return FALSE;
  *out = p[0] - '0';
  p++;
  if (g_ascii_isdigit (p[0]))
    *out = *out * 10 + (p++[0] - '0');
  *s = p;
  return TRUE;
}

typedef struct
{
  int year, month, day, hour, minute, second, nsec, offset_minutes;
  gboolean has_time;
} Stamp;

static gboolean
read_date (const char **s,
           Stamp       *st)
{
  const char *p = *s;

  for (int i = 0; i < 4; i++)
    if (!g_ascii_isdigit (p[i]))
      return FALSE;
  st->year = atoi (p);
  p += 4;
  if (*p++ != '-' || !read_num12 (&p, &st->month) || *p++ != '-' || !read_num12 (&p, &st->day))
    return FALSE;
  if (st->month < 1 || st->month > 12 || st->day < 1)
    return FALSE;
  if (st->year >= 1 && st->day > g_date_get_days_in_month (st->month, st->year))
    return FALSE;
  if (st->year == 0 && st->day > (st->month == 2 ? 29 : 31))
    return FALSE;
  *s = p;
  return TRUE;
}

static gboolean
read_clock (const char **s,
            Stamp       *st)
{
  const char *p = *s;

  if (!read_num12 (&p, &st->hour) || *p++ != ':' || !read_num12 (&p, &st->minute) ||
      *p++ != ':' || !read_num12 (&p, &st->second))
    return FALSE;
  if (st->hour > 23 || st->minute > 59 || st->second > 59)
    return FALSE;

  if ((p[0] == '.' || p[0] == ',') && g_ascii_isdigit (p[1]))
    {
      int scale = 100000000;

      for (p++; g_ascii_isdigit (*p); p++, scale /= 10)
        st->nsec += (*p - '0') * scale;
    }

  st->has_time = TRUE;
  *s = p;
  return TRUE;
}

static gboolean
read_zone (const char *p,
           Stamp      *st)
{
  int sign, hh, mm;

  if (p[0] == 'Z' && p[1] == '\0')
    return TRUE;
  if (p[0] != '+' && p[0] != '-')
    return FALSE;
  sign = p[0] == '-' ? -1 : 1;
  if (!g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) || p[3] != ':' ||
      !g_ascii_isdigit (p[4]) || !g_ascii_isdigit (p[5]) || p[6] != '\0')
    return FALSE;
  hh = (p[1] - '0') * 10 + (p[2] - '0');
  mm = (p[4] - '0') * 10 + (p[5] - '0');
  if (hh > 24 || mm > 60)
    return FALSE;
  st->offset_minutes = sign * (hh * 60 + mm);
  return TRUE;
}

/* go-yaml's allowed formats: 2006-1-2T15:4:5.999999999Z07:00 (T or t),
 * 2006-1-2 15:4:5.999999999 and 2006-1-2. */
static gboolean
parse_stamp (const char *text,
             Stamp      *st)
{
  const char *p = text;
  char sep;

  memset (st, 0, sizeof *st);
  if (!read_date (&p, st))
    return FALSE;
  if (*p == '\0')
    return TRUE;

  sep = *p++;
  if (sep != 'T' && sep != 't' && sep != ' ')
    return FALSE;
  if (!read_clock (&p, st))
    return FALSE;
  if (sep == ' ')
    return *p == '\0';
  return read_zone (p, st);
}

GDateTime *
strata_yaml_parse_timestamp (const char *text)
{
  g_autoptr(GTimeZone) zone = NULL;
  Stamp st;

  if (text == NULL || !parse_stamp (text, &st))
    return NULL;

  zone = g_time_zone_new_offset (st.offset_minutes * 60);
  return g_date_time_new (zone, st.year, st.month, st.day, st.hour, st.minute,
                          st.second + st.nsec / 1e9);
}

/* A decimal integer of at most 18 digits without a leading zero: the
 * common number, an INT for sure (no date, no octal, no overflow). */
static gboolean
is_small_decimal (const char *text,
                  gsize       length)
{
  if (length == 0 || length > 18 || (text[0] == '0' && length > 1))
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

StrataValueType
strata_yaml_resolve_plain (const char *text)
{
  char c = text[0];
  gsize length;
  Stamp st;

  /* Most scalars are words: only these first characters can start
   * anything but a string ('\0' too: the empty scalar is a null). */
  if (!g_ascii_isdigit (c) && strchr ("~nNtTfF.+-", c) == NULL)
    return STRATA_VALUE_STRING;

  length = strlen (text);
  if (is_null_word (text, length))
    return STRATA_VALUE_NULL;
  if (is_bool_word (text, length))
    return STRATA_VALUE_BOOL;
  if (is_special_float (text, length))
    return STRATA_VALUE_FLOAT;

  if (c == '.')
    return strata_yaml_parse_float (text, NULL) ? STRATA_VALUE_FLOAT : STRATA_VALUE_STRING;

  if (!(g_ascii_isdigit (c) || c == '+' || c == '-'))
    return STRATA_VALUE_STRING;
  if (is_small_decimal (text, length))
    return STRATA_VALUE_INT;
  /* "30s", "8080/tcp": a byte no number or date holds */
  if (strspn (text, "0123456789abcdefABCDEF_+-.,:xXoOtTzZ ") < length)
    return STRATA_VALUE_STRING;

  if (parse_stamp (text, &st))
    return STRATA_VALUE_TIMESTAMP;
  if (strata_yaml_parse_int (text, NULL, NULL))
    return STRATA_VALUE_INT;
  if (strata_yaml_parse_float (text, NULL))
    return STRATA_VALUE_FLOAT;

  return STRATA_VALUE_STRING;
}
