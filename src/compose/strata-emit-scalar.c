/* strata-emit-scalar.c: how Go prints scalars and orders map keys
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `docker compose config` (v2.26.1) prints with gopkg.in/yaml.v3 and
 * encoding/json. The rules below follow their sources (yaml.v3 resolve.go,
 * sorter.go; strconv.FormatFloat; encoding/json's floatEncoder), checked
 * against the compose CLI's output.
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strata-emit-private.h"

/* yaml.v3 resolveMap: words that read back as bool, null or float. */
static const char * const resolve_words[] = {
  "true", "True", "TRUE", "false", "False", "FALSE",
  "~", "null", "Null", "NULL",
  ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF",
  "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
  NULL,
};

/* yaml.v3 isOldBool: YAML 1.1 booleans, quoted for older readers. */
static const char * const old_bools[] = {
  "y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
  "n", "N", "no", "No", "NO", "off", "Off", "OFF",
  NULL,
};

static gboolean
in_list (const char * const *list,
         const char         *s)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (list[i][0] == s[0] && strcmp (list[i], s) == 0)
      return TRUE;
  return FALSE;
}

/* One of the words above: none is longer than 5 bytes, and they start
 * with one of these. */
static gboolean
is_resolve_word (const char *s)
{
  switch (s[0])
    {
    case 't': case 'T': case 'f': case 'F': case '~': case 'n': case 'N': case '.': case '+': case '-':
    case 'y': case 'Y': case 'o': case 'O':
      break;
    default:
      return FALSE;
    }
  if (strnlen (s, 6) > 5)
    return FALSE;
  return in_list (resolve_words, s) || in_list (old_bools, s);
}

/* The patterns below were regular expressions matched with GRegex (PCRE):
 * their `$` also matches before a final newline. */
static inline gboolean
at_end (const char *p)
{
  return p[0] == '\0' || (p[0] == '\n' && p[1] == '\0');
}

static inline const char *
skip_digits (const char *p)
{
  while (g_ascii_isdigit (*p))
    p++;
  return p;
}

/* ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$ (isBase60Float) */
static gboolean
is_base60 (const char *s)
{
  const char *p = s + (*s == '-' || *s == '+');
  gboolean groups = FALSE;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p) || *p == '_')
    p++;
  while (*p == ':')
    {
      const char *digits = ++p;

      p = skip_digits (p);
      if (p - digits != 1 && (p - digits != 2 || digits[0] > '5'))
        return FALSE;
      groups = TRUE;
    }
  if (!groups)
    return FALSE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p) || *p == '_'; p++)
      ;
  return at_end (p);
}

/* [eE][-+]?[0-9]+, optional: the end of the exponent, or NULL */
static const char *
skip_exponent (const char *p)
{
  const char *digits;

  if (*p != 'e' && *p != 'E')
    return p;
  p++;
  if (*p == '-' || *p == '+')
    p++;
  digits = p;
  p = skip_digits (p);
  return p > digits ? p : NULL;
}

/* ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$; without a sign
 * and with @fraction_only, ^\.[0-9]+([eE][-+]?[0-9]+)?$ */
static gboolean
is_float (const char *s,
          gboolean    fraction_only)
{
  const char *p = s, *digits;

  if (!fraction_only && (*p == '-' || *p == '+'))
    p++;
  if (*p == '.')
    {
      digits = ++p;
      p = skip_digits (p);
      if (p == digits)
        return FALSE;
    }
  else if (fraction_only)
    return FALSE;
  else
    {
      digits = p;
      p = skip_digits (p);
      if (p == digits)
        return FALSE;
      if (*p == '.')
        p = skip_digits (p + 1);
    }
  p = skip_exponent (p);
  return p != NULL && at_end (p);
}

/* [0-9]{min,max} followed by @next (a byte, or -1 for any); its value
 * goes to *@value. The end, or NULL. */
static const char *
take_number (const char *p,
             guint       min,
             guint       max,
             int        *value)
{
  const char *start = p;

  p = skip_digits (p);
  if ((guint) (p - start) < min || (guint) (p - start) > max)
    return NULL;
  *value = atoi (start);
  return p;
}

/* [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]+)? with hour <= 23,
 * minute and second <= 59 (the check after the match). */
static const char *
take_clock (const char *p,
            gboolean   *in_range)
{
  int h, m, sec;

  if ((p = take_number (p, 1, 2, &h)) == NULL || *p++ != ':' ||
      (p = take_number (p, 1, 2, &m)) == NULL || *p++ != ':' ||
      (p = take_number (p, 1, 2, &sec)) == NULL)
    return NULL;
  *in_range = h <= 23 && m <= 59 && sec <= 59;
  if (*p == '.')
    {
      const char *digits = ++p;

      p = skip_digits (p);
      if (p == digits)
        return NULL;
    }
  return p;
}

static gboolean
digits_in_base (const char *s,
                guint       base)
{
  if (*s == '\0')
    return FALSE;
  for (; *s; s++)
    if (g_ascii_xdigit_value (*s) < 0 || (guint) g_ascii_xdigit_value (*s) >= base)
      return FALSE;
  return TRUE;
}

/* strconv.ParseInt (s, 0, 64) syntax (range not checked). */
static gboolean
go_int_syntax (const char *s,
               guint      *base_out,
               const char **digits_out)
{
  guint base = 10;

  if (*s == '+' || *s == '-')
    s++;
  if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
    base = 16, s += 2;
  else if (s[0] == '0' && (s[1] == 'o' || s[1] == 'O'))
    base = 8, s += 2;
  else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B'))
    base = 2, s += 2;
  else if (s[0] == '0' && s[1] != '\0')
    base = 8, s += 1;

  if (base_out)
    *base_out = base;
  if (digits_out)
    *digits_out = s;
  return digits_in_base (s, base);
}

gsize
_strata_format_int (gint64  value,
                    char   *buf)
{
  guint64 u = value < 0 ? 0 - (guint64) value : (guint64) value;
  char digits[20];
  guint n = 0;
  char *p = buf;

  do
    digits[n++] = '0' + u % 10;
  while ((u /= 10) != 0);
  if (value < 0)
    *p++ = '-';
  while (n > 0)
    *p++ = digits[--n];
  *p = '\0';
  return p - buf;
}

gboolean
_strata_go_parse_int (const char *text,
                      gint64     *value)
{
  g_autofree char *joined = NULL;
  const char *plain = text;
  const char *digits;
  guint base;
  guint64 magnitude;
  char *end;

  if (text == NULL)
    return FALSE;
  if (_strata_is_plain_decimal (text))
    {
      gint64 v = 0;

      for (const char *p = text + (text[0] == '-'); *p; p++)
        v = v * 10 + (*p - '0');
      if (value)
        *value = text[0] == '-' ? -v : v;
      return TRUE;
    }
  /* every '_' goes (and, as the split below has always done, every \x01) */
  if (strpbrk (text, "_\x01") != NULL)
    {
      g_auto(GStrv) parts = NULL;

      joined = g_strdup (text);
      g_strdelimit (joined, "_", '\x01');
      parts = g_strsplit (joined, "\x01", -1);
      g_free (joined);
      plain = joined = g_strjoinv ("", parts);
    }

  if (!go_int_syntax (plain, &base, &digits))
    return FALSE;
  errno = 0;
  magnitude = g_ascii_strtoull (digits, &end, base);
  if (errno != 0 || magnitude > (guint64) G_MAXINT64 + (plain[0] == '-'))
    return FALSE;
  if (value)
    *value = plain[0] == '-' ? (gint64) (0 - magnitude) : (gint64) magnitude;
  return TRUE;
}

static int
days_in_month (int year,
               int month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

  return month == 2 && leap ? 29 : days[month - 1];
}

/* yaml.v3 parseTimestamp: "2006-1-2", optionally followed by
 * [Tt ]15:4:5[.999999999] and, after T/t, a zone "Z" or "±07:00":
 * ^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]CLOCK(Z|[+-][0-9]{2}:[0-9]{2})| CLOCK)?$
 * with a real date and clock. */
static gboolean
is_timestamp (const char *s)
{
  const char *p = s;
  gboolean clock_ok = TRUE;
  int year, month, day, zone;

  if ((p = take_number (p, 4, 4, &year)) == NULL || *p++ != '-' ||
      (p = take_number (p, 1, 2, &month)) == NULL || *p++ != '-' ||
      (p = take_number (p, 1, 2, &day)) == NULL)
    return FALSE;
  if (*p == 'T' || *p == 't')
    {
      if ((p = take_clock (p + 1, &clock_ok)) == NULL)
        return FALSE;
      if (*p == 'Z')
        p++;
      else if ((*p != '+' && *p != '-') ||
               (p = take_number (p + 1, 2, 2, &zone)) == NULL || *p++ != ':' ||
               (p = take_number (p, 2, 2, &zone)) == NULL)
        return FALSE;
    }
  else if (*p == ' ' && (p = take_clock (p + 1, &clock_ok)) == NULL)
    return FALSE;
  if (!at_end (p))
    return FALSE;

  if (month < 1 || month > 12 || day < 1 || day > days_in_month (year, month))
    return FALSE;
  return clock_ok;
}

gboolean
_strata_yaml_plain_is_string (const char *s)
{
  char buf[64];
  g_autofree char *joined = NULL;
  const char *plain = s;

  if (*s == '\0' || is_resolve_word (s))
    return FALSE;
  if ((g_ascii_isdigit (*s) || *s == '+' || *s == '-') && is_base60 (s))
    return FALSE;

  if (*s == '.')
    return !is_float (s, TRUE);
  if (!g_ascii_isdigit (*s) && *s != '+' && *s != '-')
    return TRUE;

  if (is_timestamp (s))
    return FALSE;
  if (strchr (s, '_') != NULL)
    {
      gsize length = strlen (s);
      char *out = length < sizeof buf ? buf : (joined = g_malloc (length + 1));

      plain = out;
      for (const char *p = s; *p; p++)
        if (*p != '_')
          *out++ = *p;
      *out = '\0';
    }
  if (go_int_syntax (plain, NULL, NULL))
    return FALSE;
  if (is_float (plain, FALSE))
    return FALSE;
  return TRUE;
}

/* The shortest decimal digits that read back as @value (like Go's
 * strconv with precision -1): fills @digits and returns the decimal
 * exponent of the first digit. */
static int
shortest_digits (double  value,
                 char   *digits,
                 gsize   size)
{
  char buf[64];
  int exponent = 0;

  for (int precision = 1; precision <= 17; precision++)
    {
      snprintf (buf, sizeof buf, "%.*e", precision - 1, value);
      if (strtod (buf, NULL) == value)
        break;
    }

  {
    gsize n = 0;
    char *e = strchr (buf, 'e');

    for (char *p = buf; p < e && n + 1 < size; p++)
      if (g_ascii_isdigit (*p))
        digits[n++] = *p;
    while (n > 1 && digits[n - 1] == '0')
      n--;
    digits[n] = '\0';
    exponent = atoi (e + 1);
  }
  return exponent;
}

static void
format_e (GString    *out,
          const char *digits,
          int         exponent)
{
  g_string_append_c (out, digits[0]);
  if (digits[1] != '\0')
    g_string_append_printf (out, ".%s", digits + 1);
  g_string_append_printf (out, "e%c%02d", exponent < 0 ? '-' : '+', ABS (exponent));
}

static void
format_f (GString    *out,
          const char *digits,
          int         exponent)
{
  int nd = strlen (digits);
  int dp = exponent + 1;   /* digits before the point */

  if (dp <= 0)
    {
      g_string_append (out, "0.");
      for (int i = 0; i < -dp; i++)
        g_string_append_c (out, '0');
      g_string_append (out, digits);
      return;
    }
  for (int i = 0; i < dp; i++)
    g_string_append_c (out, i < nd ? digits[i] : '0');
  if (nd > dp)
    g_string_append_printf (out, ".%s", digits + dp);
}

char *
_strata_go_format_float (double   value,
                         gboolean json)
{
  GString *out = g_string_new (NULL);
  char digits[32];
  int exponent;
  gboolean use_e;

  if (isnan (value))
    return g_strdup (json ? "null" : ".nan");
  if (isinf (value))
    return g_strdup (json ? "null" : (value > 0 ? ".inf" : "-.inf"));

  if (signbit (value))
    g_string_append_c (out, '-');
  if (value == 0)
    {
      g_string_append_c (out, '0');
      return g_string_free (out, FALSE);
    }

  exponent = shortest_digits (fabs (value), digits, sizeof digits);
  if (json)
    use_e = fabs (value) < 1e-6 || fabs (value) >= 1e21;
  else
    use_e = exponent < -4 || exponent >= 6;   /* 'g' with the shortest precision */

  if (!use_e)
    format_f (out, digits, exponent);
  else
    format_e (out, digits, exponent);

  /* encoding/json prints e-7 where strconv prints e-07 */
  if (use_e && json && out->len >= 4 && out->str[out->len - 4] == 'e' &&
      out->str[out->len - 3] == '-' && out->str[out->len - 2] == '0')
    g_string_erase (out, out->len - 2, 1);
  return g_string_free (out, FALSE);
}

/* yaml.v3 sorter.go keyList.Less for two string keys. */
static inline gboolean
char_is_digit (gunichar c)
{
  return c < 0x80 ? g_ascii_isdigit (c) : g_unichar_isdigit (c);
}

static inline gboolean
char_is_alpha (gunichar c)
{
  return c < 0x80 ? g_ascii_isalpha (c) : g_unichar_isalpha (c);
}

static gboolean
yaml_key_less (const gunichar *a,
               glong           alen,
               const gunichar *b,
               glong           blen)
{
  gboolean digits = FALSE;

  for (glong i = 0; i < alen && i < blen; i++)
    {
      gboolean al, bl;
      gint64 an = 0, bn = 0;
      glong ai, bi;

      if (a[i] == b[i])
        {
          digits = char_is_digit (a[i]);
          continue;
        }
      al = char_is_alpha (a[i]);
      bl = char_is_alpha (b[i]);
      if (al && bl)
        return a[i] < b[i];
      if (al || bl)
        return digits ? al : bl;

      if (a[i] == '0' || b[i] == '0')
        for (glong j = i - 1; j >= 0 && char_is_digit (a[j]); j--)
          if (a[j] != '0')
            {
              an = 1;
              bn = 1;
              break;
            }
      for (ai = i; ai < alen && char_is_digit (a[ai]); ai++)
        an = an * 10 + (gint64) (a[ai] - '0');
      for (bi = i; bi < blen && char_is_digit (b[bi]); bi++)
        bn = bn * 10 + (gint64) (b[bi] - '0');
      if (an != bn)
        return an < bn;
      if (ai != bi)
        return ai < bi;
      return a[i] < b[i];
    }
  return alen < blen;
}

/* @s as characters: in @buf when it is short ASCII (the common key), else
 * in a new array stored in *@heap. */
static const gunichar *
to_chars (const char  *s,
          gunichar    *buf,
          gsize        size,
          glong       *length,
          gunichar   **heap)
{
  gsize n = 0;

  for (; s[n] != '\0' && n < size && (guchar) s[n] < 0x80; n++)
    buf[n] = (guchar) s[n];
  if (s[n] == '\0')
    return (*length = n, buf);
  return *heap = g_utf8_to_ucs4_fast (s, -1, length);
}

int
_strata_yaml_key_compare (const char *a,
                          const char *b)
{
  g_autofree gunichar *heap_a = NULL;
  g_autofree gunichar *heap_b = NULL;
  gunichar buf_a[64], buf_b[64];
  const gunichar *ua, *ub;
  glong alen = 0, blen = 0;

  ua = to_chars (a, buf_a, G_N_ELEMENTS (buf_a), &alen, &heap_a);
  ub = to_chars (b, buf_b, G_N_ELEMENTS (buf_b), &blen, &heap_b);
  if (yaml_key_less (ua, alen, ub, blen))
    return -1;
  if (yaml_key_less (ub, blen, ua, alen))
    return 1;
  return 0;
}

static int
compare_yaml_keys (gconstpointer a,
                   gconstpointer b)
{
  const StrataNode *na = *(StrataNode * const *) a;
  const StrataNode *nb = *(StrataNode * const *) b;

  return _strata_yaml_key_compare (na->key ? na->key : "", nb->key ? nb->key : "");
}

static int
compare_byte_keys (gconstpointer a,
                   gconstpointer b)
{
  const StrataNode *na = *(StrataNode * const *) a;
  const StrataNode *nb = *(StrataNode * const *) b;

  return strcmp (na->key ? na->key : "", nb->key ? nb->key : "");
}

static gboolean
is_extension_key (const char *key)
{
  return key != NULL && g_str_has_prefix (key, "x-");
}

/* Structs print their fields in tree order (normalization put them in
 * compose-go's field order), then their inline `x-*` extensions sorted;
 * encoding/json leaves extensions out (`json:"-"`). Maps print sorted. */
GPtrArray *
_strata_emit_ordered_children (const StrataNode *mapping,
                               gboolean          json)
{
  GPtrArray *fields = g_ptr_array_new ();
  g_autoptr(GPtrArray) extensions = g_ptr_array_new ();
  gboolean is_map = (mapping->flags & STRATA_NODE_FLAG_MAP) != 0;

  for (guint i = 0; i < strata_node_get_n_children (mapping); i++)
    {
      StrataNode *child = strata_node_get_child (mapping, i);

      if (!json && (child->flags & STRATA_NODE_FLAG_JSON_ONLY))
        continue;
      if (json && (child->flags & STRATA_NODE_FLAG_YAML_ONLY))
        continue;
      if (!is_map && is_extension_key (child->key))
        g_ptr_array_add (extensions, child);
      else
        g_ptr_array_add (fields, child);
    }

  if (is_map)
    g_ptr_array_sort (fields, json ? compare_byte_keys : compare_yaml_keys);
  if (!json)
    {
      g_ptr_array_sort (extensions, compare_yaml_keys);
      for (guint i = 0; i < extensions->len; i++)
        g_ptr_array_add (fields, g_ptr_array_index (extensions, i));
    }
  return fields;
}
