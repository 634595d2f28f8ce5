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
    if (strcmp (list[i], s) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
match_regex (const char *pattern,
             const char *s)
{
  return g_regex_match_simple (pattern, s, G_REGEX_DEFAULT, G_REGEX_MATCH_DEFAULT);
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
 * [Tt ]15:4:5[.999999999] and, after T/t, a zone "Z" or "±07:00". */
static gboolean
is_timestamp (const char *s)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GRegex) regex = NULL;
  int year, month, day;

  regex = g_regex_new ("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
                       "(?:([Tt])([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})"
                       "|( )([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(\\.[0-9]+)?)?$",
                       G_REGEX_DEFAULT, G_REGEX_MATCH_DEFAULT, NULL);
  if (!g_regex_match (regex, s, 0, &match))
    return FALSE;

  year = atoi (s);
  month = atoi (s + 5);
  day = atoi (strchr (s + 5, '-') + 1);
  if (month < 1 || month > 12 || day < 1 || day > days_in_month (year, month))
    return FALSE;

  for (int group = 5; group <= 11; group += 6)
    {
      g_autofree char *h = g_match_info_fetch (match, group);
      g_autofree char *m = g_match_info_fetch (match, group + 1);
      g_autofree char *sec = g_match_info_fetch (match, group + 2);

      if (h != NULL && *h != '\0' &&
          (atoi (h) > 23 || atoi (m) > 59 || atoi (sec) > 59))
        return FALSE;
    }
  return TRUE;
}

gboolean
_strata_yaml_plain_is_string (const char *s)
{
  g_autofree char *plain = NULL;

  if (*s == '\0' || in_list (resolve_words, s) || in_list (old_bools, s))
    return FALSE;
  /* isBase60Float */
  if (match_regex ("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$", s))
    return FALSE;

  if (*s == '.')
    return !match_regex ("^\\.[0-9]+([eE][-+]?[0-9]+)?$", s);
  if (!g_ascii_isdigit (*s) && *s != '+' && *s != '-')
    return TRUE;

  if (is_timestamp (s))
    return FALSE;
  {
    g_auto(GStrv) parts = g_strsplit (s, "_", -1);
    plain = g_strjoinv ("", parts);
  }
  if (go_int_syntax (plain, NULL, NULL))
    return FALSE;
  if (match_regex ("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$", plain))
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
          digits = g_unichar_isdigit (a[i]);
          continue;
        }
      al = g_unichar_isalpha (a[i]);
      bl = g_unichar_isalpha (b[i]);
      if (al && bl)
        return a[i] < b[i];
      if (al || bl)
        return digits ? al : bl;

      if (a[i] == '0' || b[i] == '0')
        for (glong j = i - 1; j >= 0 && g_unichar_isdigit (a[j]); j--)
          if (a[j] != '0')
            {
              an = 1;
              bn = 1;
              break;
            }
      for (ai = i; ai < alen && g_unichar_isdigit (a[ai]); ai++)
        an = an * 10 + (gint64) (a[ai] - '0');
      for (bi = i; bi < blen && g_unichar_isdigit (b[bi]); bi++)
        bn = bn * 10 + (gint64) (b[bi] - '0');
      if (an != bn)
        return an < bn;
      if (ai != bi)
        return ai < bi;
      return a[i] < b[i];
    }
  return alen < blen;
}

int
_strata_yaml_key_compare (const char *a,
                          const char *b)
{
  g_autofree gunichar *ua = NULL;
  g_autofree gunichar *ub = NULL;
  glong alen = 0, blen = 0;

  ua = g_utf8_to_ucs4_fast (a, -1, &alen);
  ub = g_utf8_to_ucs4_fast (b, -1, &blen);
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

char *
_strata_emit_escape_dollars (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 16);

  for (const char *p = text; *p; p++)
    {
      if (*p == '$')
        g_string_append_c (out, '$');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}
