/* strata-log-demux.c: lines out of a container's log stream
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-log-demux.h"

#define HEADER_SIZE 8

void
strata_log_demux_init (StrataLogDemux *self,
                       gboolean        framed)
{
  self->framed = framed;
  self->frame = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (self->line); i++)
    self->line[i] = g_string_new (NULL);
}

void
strata_log_demux_clear (StrataLogDemux *self)
{
  g_string_free (self->frame, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (self->line); i++)
    g_string_free (self->line[i], TRUE);
}

static void
add_text (StrataLogDemux    *self,
          guint              source,
          const char        *data,
          gsize              len,
          StrataLogLineFunc  func,
          gpointer           user_data)
{
  GString *line = self->line[source < G_N_ELEMENTS (self->line) ? source : STRATA_LOG_STDOUT];

  for (gsize i = 0; i < len; i++)
    {
      if (data[i] != '\n')
        {
          g_string_append_c (line, data[i]);
          continue;
        }
      if (line->len > 0 && line->str[line->len - 1] == '\r')
        g_string_truncate (line, line->len - 1);
      func (source == STRATA_LOG_STDERR ? STRATA_LOG_STDERR : STRATA_LOG_STDOUT, line->str, user_data);
      g_string_truncate (line, 0);
    }
}

static guint32
frame_length (const GString *frame)
{
  const guchar *h = (const guchar *) frame->str;

  return ((guint32) h[4] << 24) | ((guint32) h[5] << 16) | ((guint32) h[6] << 8) | h[7];
}

void
strata_log_demux_push (StrataLogDemux    *self,
                       const char        *data,
                       gsize              len,
                       StrataLogLineFunc  func,
                       gpointer           user_data)
{
  if (!self->framed)
    {
      add_text (self, STRATA_LOG_STDOUT, data, len, func, user_data);
      return;
    }
  while (len > 0)
    {
      gsize want = self->frame->len < HEADER_SIZE ? HEADER_SIZE - self->frame->len
                   : HEADER_SIZE + frame_length (self->frame) - self->frame->len;
      gsize take = MIN (want, len);

      g_string_append_len (self->frame, data, take);
      data += take;
      len -= take;
      if (self->frame->len >= HEADER_SIZE && self->frame->len == HEADER_SIZE + frame_length (self->frame))
        {
          add_text (self, (guchar) self->frame->str[0], self->frame->str + HEADER_SIZE,
                    self->frame->len - HEADER_SIZE, func, user_data);
          g_string_truncate (self->frame, 0);
        }
    }
}

void
strata_log_demux_flush (StrataLogDemux    *self,
                        StrataLogLineFunc  func,
                        gpointer           user_data)
{
  for (guint i = 1; i < G_N_ELEMENTS (self->line); i++)
    if (self->line[i]->len > 0)
      {
        func (i, self->line[i]->str, user_data);
        g_string_truncate (self->line[i], 0);
      }
}

gboolean
strata_log_split_timestamp (const char  *line,
                            gint64      *nanoseconds,
                            const char **text)
{
  const char *space = strchr (line, ' ');
  const char *dot;
  g_autofree char *stamp = NULL;
  g_autoptr(GDateTime) time = NULL;
  gint64 nanos = 0;
  guint digits = 0;

  if (space == NULL || space - line < 20 || line[4] != '-' || line[10] != 'T')
    return FALSE;
  stamp = g_strndup (line, space - line);
  if ((time = g_date_time_new_from_iso8601 (stamp, NULL)) == NULL)
    return FALSE;
  if ((dot = strchr (stamp, '.')) != NULL)
    for (const char *p = dot + 1; g_ascii_isdigit (*p) && digits < 9; p++, digits++)
      nanos = nanos * 10 + (*p - '0');
  for (; digits < 9; digits++)
    nanos *= 10;
  *nanoseconds = g_date_time_to_unix (time) * G_GINT64_CONSTANT (1000000000) + nanos;
  *text = space + 1;

  return TRUE;
}
