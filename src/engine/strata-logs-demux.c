/* strata-logs-demux.c: lines out of a container's log stream
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-logs.h"

#define HEADER_SIZE  8
#define MAX_LINE     (64 * 1024)

struct _StrataLogsDemux
{
  gboolean    framed;
  GByteArray *frame;     /* a header and payload not yet complete */
  GString    *line[3];   /* the partial line of each stream (index 1, 2) */
};

StrataLogsDemux *
strata_logs_demux_new (gboolean framed)
{
  StrataLogsDemux *self = g_new0 (StrataLogsDemux, 1);

  self->framed = framed;
  self->frame = g_byte_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (self->line); i++)
    self->line[i] = g_string_new (NULL);

  return self;
}

void
strata_logs_demux_free (StrataLogsDemux *self)
{
  if (self == NULL)
    return;

  g_byte_array_unref (self->frame);
  for (guint i = 0; i < G_N_ELEMENTS (self->line); i++)
    g_string_free (self->line[i], TRUE);
  g_free (self);
}

static void
emit_line (GString            *line,
           StrataLogsStream    stream,
           StrataLogsLineFunc  func,
           gpointer            user_data)
{
  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);
  func (stream, line->str, user_data);
  g_string_truncate (line, 0);
}

/* Appends @data to the stream's partial line, emitting each complete one. */
static void
split_lines (StrataLogsDemux    *self,
             StrataLogsStream    stream,
             const guint8       *data,
             gsize               len,
             StrataLogsLineFunc  func,
             gpointer            user_data)
{
  GString *line = self->line[stream];

  while (len > 0)
    {
      const guint8 *newline = memchr (data, '\n', len);
      gsize take = newline ? (gsize) (newline - data) : len;

      if (line->len + take > MAX_LINE)
        take = MAX_LINE - line->len;
      g_string_append_len (line, (const char *) data, take);
      data += take;
      len -= take;
      if (len > 0 && *data == '\n')
        {
          data++;
          len--;
          emit_line (line, stream, func, user_data);
        }
      else if (line->len >= MAX_LINE)
        emit_line (line, stream, func, user_data);
    }
}

static StrataLogsStream
stream_of (guint8 byte)
{
  return byte == STRATA_LOGS_STDERR ? STRATA_LOGS_STDERR : STRATA_LOGS_STDOUT;  /* 0 (stdin) too */
}

void
strata_logs_demux_push (StrataLogsDemux    *self,
                        const guint8       *data,
                        gsize               len,
                        StrataLogsLineFunc  func,
                        gpointer            user_data)
{
  gsize used = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (data != NULL || len == 0);

  if (!self->framed)
    {
      split_lines (self, STRATA_LOGS_STDOUT, data, len, func, user_data);
      return;
    }

  g_byte_array_append (self->frame, data, len);
  while (self->frame->len - used >= HEADER_SIZE)
    {
      const guint8 *header = self->frame->data + used;
      guint32 size = (guint32) header[4] << 24 | (guint32) header[5] << 16
                     | (guint32) header[6] << 8 | (guint32) header[7];

      if (self->frame->len - used - HEADER_SIZE < size)
        break;
      split_lines (self, stream_of (header[0]), header + HEADER_SIZE, size, func, user_data);
      used += HEADER_SIZE + size;
    }
  g_byte_array_remove_range (self->frame, 0, used);
}

void
strata_logs_demux_flush (StrataLogsDemux    *self,
                         StrataLogsLineFunc  func,
                         gpointer            user_data)
{
  g_return_if_fail (self != NULL);

  for (guint stream = STRATA_LOGS_STDOUT; stream <= STRATA_LOGS_STDERR; stream++)
    if (self->line[stream]->len > 0)
      emit_line (self->line[stream], stream, func, user_data);
  g_byte_array_set_size (self->frame, 0);
}

gboolean
strata_logs_split_timestamp (const char  *line,
                             char       **timestamp,
                             const char **text)
{
  const char *space = strchr (line, ' ');
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *candidate = NULL;

  *timestamp = NULL;
  *text = line;
  if (space == NULL && line[0] != '\0')
    space = line + strlen (line);  /* an empty line: only the timestamp */
  if (space == NULL)
    return FALSE;

  candidate = g_strndup (line, space - line);
  if ((parsed = g_date_time_new_from_iso8601 (candidate, NULL)) == NULL)
    return FALSE;

  *timestamp = g_steal_pointer (&candidate);
  *text = *space ? space + 1 : space;
  return TRUE;
}
