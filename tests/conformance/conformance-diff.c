/* conformance-diff.c: a small line diff for test reports
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "conformance-diff.h"

#include <stdlib.h>
#include <string.h>

#define CONTEXT 3
#define MAX_CELLS (4 * 1024 * 1024)

typedef struct
{
  char kind;   /* ' ', '-' or '+' */
  guint a;     /* line index in the expected text (next one for '+') */
  guint b;     /* line index in the actual text (next one for '-') */
} DiffOp;

/* Splits @text into lines; the newline ending the last line is not a line. */
static GStrv
split_lines (const char *text,
             guint      *n_lines)
{
  GStrv lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);

  if (n > 0 && lines[n - 1][0] == '\0')
    {
      g_free (lines[n - 1]);
      lines[--n] = NULL;
    }
  *n_lines = n;

  return lines;
}

static void
add_op (GArray *ops,
        char    kind,
        guint   a,
        guint   b)
{
  DiffOp op = { kind, a, b };

  g_array_append_val (ops, op);
}

/* Longest common subsequence of a[0..na) and b[0..nb), as ops. */
static void
diff_middle (GArray              *ops,
             const char * const  *a,
             guint                na,
             const char * const  *b,
             guint                nb,
             guint                a0,
             guint                b0)
{
  g_autofree guint32 *table = NULL;
  guint i = 0, j = 0;

  if ((gsize) (na + 1) * (nb + 1) > MAX_CELLS)
    {
      for (i = 0; i < na; i++)
        add_op (ops, '-', a0 + i, b0);
      for (j = 0; j < nb; j++)
        add_op (ops, '+', a0 + na, b0 + j);
      return;
    }

  /* table[i][j] = LCS length of a[i..] and b[j..] */
  table = g_new0 (guint32, (gsize) (na + 1) * (nb + 1));
#define T(x, y) table[(gsize) (x) * (nb + 1) + (y)]
  for (i = na; i-- > 0;)
    for (j = nb; j-- > 0;)
      T (i, j) = strcmp (a[i], b[j]) == 0 ? T (i + 1, j + 1) + 1
                                          : MAX (T (i + 1, j), T (i, j + 1));

  i = j = 0;
  while (i < na || j < nb)
    {
      if (i < na && j < nb && strcmp (a[i], b[j]) == 0)
        add_op (ops, ' ', a0 + i++, b0 + j++);
      else if (i < na && (j == nb || T (i + 1, j) >= T (i, j + 1)))
        add_op (ops, '-', a0 + i++, b0 + j);
      else
        add_op (ops, '+', a0 + i, b0 + j++);
    }
#undef T
}

static GArray *
diff_ops (const char * const *a,
          guint               na,
          const char * const *b,
          guint               nb)
{
  GArray *ops = g_array_new (FALSE, FALSE, sizeof (DiffOp));
  guint prefix = 0, suffix = 0;

  while (prefix < na && prefix < nb && strcmp (a[prefix], b[prefix]) == 0)
    prefix++;
  while (suffix < na - prefix && suffix < nb - prefix &&
         strcmp (a[na - 1 - suffix], b[nb - 1 - suffix]) == 0)
    suffix++;

  for (guint i = 0; i < prefix; i++)
    add_op (ops, ' ', i, i);
  diff_middle (ops, a + prefix, na - prefix - suffix, b + prefix, nb - prefix - suffix,
               prefix, prefix);
  for (guint i = suffix; i > 0; i--)
    add_op (ops, ' ', na - i, nb - i);

  return ops;
}

/* Appends @line, with control characters made visible. */
static void
append_line (GString    *out,
             char        kind,
             const char *line)
{
  g_string_append_c (out, kind);
  for (const char *p = line; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 && *p != '\t')
        g_string_append_printf (out, "\\x%02x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\n');
}

static void
append_hunk (GString            *out,
             const DiffOp       *ops,
             guint               start,
             guint               end,
             const char * const *a,
             const char * const *b)
{
  guint old_count = 0, new_count = 0;

  for (guint k = start; k < end; k++)
    {
      old_count += ops[k].kind != '+';
      new_count += ops[k].kind != '-';
    }
  g_string_append_printf (out, "@@ -%u,%u +%u,%u @@\n",
                          ops[start].a + (old_count > 0), old_count,
                          ops[start].b + (new_count > 0), new_count);
  for (guint k = start; k < end; k++)
    append_line (out, ops[k].kind, ops[k].kind == '+' ? b[ops[k].b] : a[ops[k].a]);
}

/* Emits hunks until about @max_lines lines are out; returns the number of
 * changed lines left out. */
static guint
append_hunks (GString            *out,
              GArray             *ops_array,
              const char * const *a,
              const char * const *b,
              guint               max_lines)
{
  const DiffOp *ops = (const DiffOp *) ops_array->data;
  guint n = ops_array->len, i = 0, floor = 0, printed = 0, left_out = 0;

  while (i < n)
    {
      guint start, end, last_change;

      if (ops[i].kind == ' ')
        {
          i++;
          continue;
        }
      if (printed >= max_lines)
        {
          left_out++;
          i++;
          continue;
        }
      start = MAX (floor, i >= CONTEXT ? i - CONTEXT : 0);
      last_change = end = i;
      while (end < n && end - last_change <= 2 * CONTEXT)
        {
          if (ops[end].kind != ' ')
            last_change = end;
          end++;
        }
      end = MIN (n, last_change + 1 + CONTEXT);
      append_hunk (out, ops, start, end, a, b);
      printed += end - start;
      i = floor = end;
    }

  return left_out;
}

char *
conformance_diff (const char *expected_label,
                  const char *expected,
                  const char *actual_label,
                  const char *actual,
                  guint       max_lines)
{
  g_auto(GStrv) a = NULL;
  g_auto(GStrv) b = NULL;
  g_autoptr(GArray) ops = NULL;
  GString *out;
  guint na, nb, left_out;

  if (g_strcmp0 (expected, actual) == 0)
    return NULL;

  a = split_lines (expected, &na);
  b = split_lines (actual, &nb);
  out = g_string_new (NULL);
  g_string_append_printf (out, "--- %s\n+++ %s\n", expected_label, actual_label);
  ops = diff_ops ((const char * const *) a, na, (const char * const *) b, nb);
  left_out = append_hunks (out, ops, (const char * const *) a, (const char * const *) b,
                           max_lines);
  if (left_out > 0)
    g_string_append_printf (out, "… and %u more changed lines\n", left_out);
  if (g_strv_equal ((const char * const *) a, (const char * const *) b))
    g_string_append (out, "(the outputs differ only in the newline at the end)\n");

  return g_string_free (out, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
conformance_sort_lines (const char *text)
{
  guint n;
  g_auto(GStrv) lines = split_lines (text, &n);
  g_autofree char *joined = NULL;

  qsort (lines, n, sizeof (char *), compare_strings);
  joined = g_strjoinv ("\n", lines);

  return n > 0 ? g_strconcat (joined, "\n", NULL) : g_strdup ("");
}
