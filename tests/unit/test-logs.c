/* test-logs.c: the log stream demultiplexer (strata-log-demux.h)
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-log-demux.h"

static void
collect (StrataLogSource  stream,
         const char      *line,
         gpointer         user_data)
{
  g_ptr_array_add (user_data, g_strdup_printf ("%d:%s", stream, line));
}

static void
append_frame (GByteArray *out,
              guint8      stream,
              const char *payload)
{
  guint32 len = strlen (payload);
  guint8 header[8] = { stream, 0, 0, 0, len >> 24, (len >> 16) & 0xff, (len >> 8) & 0xff, len & 0xff };

  g_byte_array_append (out, header, sizeof header);
  g_byte_array_append (out, (const guint8 *) payload, len);
}

static GByteArray *
sample_stream (void)
{
  GByteArray *out = g_byte_array_new ();

  append_frame (out, 1, "first line\nsecond ");   /* a frame ends mid-line */
  append_frame (out, 2, "oops\n");
  append_frame (out, 1, "line\nthird\n");         /* a frame holds two lines */
  append_frame (out, 1, "");
  append_frame (out, 1, "tail without newline");
  return out;
}

static const char * const sample_lines[] = {
  "1:first line", "2:oops", "1:second line", "1:third", "1:tail without newline", NULL,
};

static void
check_lines (GPtrArray          *lines,
             const char * const *want)
{
  g_ptr_array_add (lines, NULL);
  g_assert_cmpstrv ((const char * const *) lines->pdata, want);
}

/* Whole, and fed one byte at a time: frame headers split anywhere. */
static void
test_framed (void)
{
  g_autoptr(GByteArray) stream = sample_stream ();

  for (gsize chunk = stream->len; chunk >= 1; chunk = chunk == stream->len ? 1 : 0)
    {
      StrataLogDemux demux;
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

      strata_log_demux_init (&demux, TRUE);
      for (gsize at = 0; at < stream->len; at += chunk)
        strata_log_demux_push (&demux, (const char *) stream->data + at, MIN (chunk, stream->len - at),
                               collect, lines);
      g_assert_cmpuint (lines->len, ==, 4);
      strata_log_demux_flush (&demux, collect, lines);
      strata_log_demux_clear (&demux);
      check_lines (lines, sample_lines);
    }
}

/* A TTY's output is raw, with "\r\n" line ends. */
static void
test_raw (void)
{
  StrataLogDemux demux;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *text = "$ ls\r\nbin  etc\r\n\r\npartial";
  static const char * const want[] = { "1:$ ls", "1:bin  etc", "1:", "1:partial", NULL };

  strata_log_demux_init (&demux, FALSE);
  strata_log_demux_push (&demux, text, strlen (text), collect, lines);
  strata_log_demux_flush (&demux, collect, lines);
  strata_log_demux_clear (&demux);
  check_lines (lines, want);
}

static void
test_split_timestamp (void)
{
  gint64 ns = 0;
  const char *text = NULL;

  g_assert_true (strata_log_split_timestamp ("2024-05-01T10:00:00.123456789Z GET / 200", &ns, &text));
  g_assert_cmpint (ns, ==, G_GINT64_CONSTANT (1714557600123456789));
  g_assert_cmpstr (text, ==, "GET / 200");
  g_assert_false (strata_log_split_timestamp ("no timestamp here", &ns, &text));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/logs/framed", test_framed);
  g_test_add_func ("/logs/raw", test_raw);
  g_test_add_func ("/logs/split-timestamp", test_split_timestamp);

  return g_test_run ();
}
