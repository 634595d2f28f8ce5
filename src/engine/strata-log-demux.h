/* strata-log-demux.h: lines out of a container's log stream
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  STRATA_LOG_STDOUT = 1,
  STRATA_LOG_STDERR = 2,
} StrataLogSource;

typedef void (*StrataLogLineFunc) (StrataLogSource  source,
                                   const char      *line,
                                   gpointer         user_data);

/* Without a TTY the engine frames the output: 8 bytes (stream, 0, 0, 0,
 * big-endian length) then the payload.  With a TTY it is raw.  Either way
 * whole lines come out, without their newline; a frame may end mid-line. */
typedef struct
{
  gboolean  framed;
  GString  *frame;      /* header and payload being read */
  GString  *line[3];    /* partial line per stream (1 stdout, 2 stderr) */
} StrataLogDemux;

void strata_log_demux_init  (StrataLogDemux    *self,
                             gboolean           framed);
void strata_log_demux_clear (StrataLogDemux    *self);
void strata_log_demux_push  (StrataLogDemux    *self,
                             const char        *data,
                             gsize              len,
                             StrataLogLineFunc  func,
                             gpointer           user_data);
/* Whatever partial lines remain, at the end of the stream. */
void strata_log_demux_flush (StrataLogDemux    *self,
                             StrataLogLineFunc  func,
                             gpointer           user_data);

/* "2024-05-01T10:00:00.123456789Z text": nanoseconds since the epoch of the
 * timestamp the engine puts before each line with timestamps=1, and the
 * text after it; FALSE if @line has none. */
gboolean strata_log_split_timestamp (const char  *line,
                                     gint64      *nanoseconds,
                                     const char **text);

G_END_DECLS
