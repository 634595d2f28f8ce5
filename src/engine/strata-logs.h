/* strata-logs.h: a container's output: the stream demultiplexer and a follower
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-engine.h"

G_BEGIN_DECLS

typedef enum
{
  STRATA_LOGS_STDOUT = 1,
  STRATA_LOGS_STDERR = 2,
} StrataLogsStream;

typedef void (*StrataLogsLineFunc) (StrataLogsStream  stream,
                                    const char       *line,
                                    gpointer          user_data);

/* GET /containers/{id}/logs without a TTY frames the output: 8 bytes
 * (stream: 1 stdout, 2 stderr; three zero bytes; payload length, 32 bits
 * big-endian), then the payload. With a TTY the output is raw. Either way
 * whole lines come out, without "\n" (nor a "\r" before it); frames may
 * split lines and lines may split frames. A line longer than 64 KiB is cut. */
typedef struct _StrataLogsDemux StrataLogsDemux;

StrataLogsDemux *strata_logs_demux_new   (gboolean            framed);
void             strata_logs_demux_free  (StrataLogsDemux    *self);
void             strata_logs_demux_push  (StrataLogsDemux    *self,
                                          const guint8       *data,
                                          gsize               len,
                                          StrataLogsLineFunc  func,
                                          gpointer            user_data);
/* The partial lines left at the end of the stream. */
void             strata_logs_demux_flush (StrataLogsDemux    *self,
                                          StrataLogsLineFunc  func,
                                          gpointer            user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrataLogsDemux, strata_logs_demux_free)

/* "2024-05-01T10:00:00.123456789Z text" (timestamps=1): the timestamp and
 * the text after it; FALSE, and the whole line as text, without one. */
gboolean strata_logs_split_timestamp (const char  *line,
                                      char       **timestamp,
                                      const char **text);

#define STRATA_TYPE_LOGS_FOLLOWER (strata_logs_follower_get_type ())

G_DECLARE_FINAL_TYPE (StrataLogsFollower, strata_logs_follower, STRATA, LOGS_FOLLOWER, GObject)

/* Follows one container's output: its last @tail lines (all if negative)
 * or those after @since (an RFC 3339 timestamp, e.g. the last one seen),
 * then what it writes until it stops. Emits ::line (StrataLogsStream,
 * timestamp, text) per line and ::ended (a GError, or NULL) once. */
StrataLogsFollower *strata_logs_follower_new                (StrataEngine       *engine,
                                                             const char         *container_id,
                                                             int                 tail,
                                                             const char         *since);
void                strata_logs_follower_start              (StrataLogsFollower *self);
void                strata_logs_follower_stop               (StrataLogsFollower *self);
gboolean            strata_logs_follower_is_running         (StrataLogsFollower *self);
const char         *strata_logs_follower_get_container_id   (StrataLogsFollower *self);
const char         *strata_logs_follower_get_last_timestamp (StrataLogsFollower *self);

G_END_DECLS
