/* strata-logs-view-follow.c: the Logs view's followers, one per container
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every container of the followed services (all, or the one picked) gets a
 * StrataContainerLogs: its last lines first, then what it writes while it
 * runs (across engine restarts). The engine ends a container's stream when
 * it stops; when it runs again, a new follower picks up after the last
 * line seen.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-logs-view-private.h"

#define TAIL_LINES 200

/* "10:00:00.123" in local time. */
static char *
format_time (gint64 nanoseconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (nanoseconds / G_GINT64_CONSTANT (1000000000));
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *seconds = local ? g_date_time_format (local, "%H:%M:%S") : NULL;

  if (seconds == NULL)
    return NULL;

  return g_strdup_printf ("%s.%03d", seconds, (int) (nanoseconds / 1000000 % 1000));
}

static void
on_line (StrataContainerLogs *logs,
         int                  source,
         gint64               nanoseconds,
         const char          *text,
         StrataLogsView      *self)
{
  const char *service = g_object_get_data (G_OBJECT (logs), "service");
  g_autofree char *shown = nanoseconds > 0 ? format_time (nanoseconds) : NULL;
  gint64 *last = g_new (gint64, 1);

  *last = nanoseconds;
  if (nanoseconds > 0)
    g_hash_table_insert (self->last_seen, g_strdup (strata_container_logs_get_id (logs)), last);
  else
    g_free (last);
  _strata_logs_view_insert (self, service,
                            nanoseconds > 0 ? nanoseconds / 1000 : g_get_real_time (), shown, text);
}

static void
on_ended (StrataContainerLogs *logs,
          int                  exit_code,
          StrataLogsView      *self)
{
  const char *id = strata_container_logs_get_id (logs);

  if (!g_hash_table_contains (self->last_seen, id))
    g_hash_table_insert (self->last_seen, g_strdup (id), NULL);  /* read, and silent */
  g_hash_table_remove (self->followers, id);
}

static void
stop_follower (StrataContainerLogs *logs,
               StrataLogsView      *self)
{
  g_signal_handlers_disconnect_by_data (logs, self);
  g_cancellable_cancel (g_object_get_data (G_OBJECT (logs), "cancellable"));
}

static void
start_follower (StrataLogsView  *self,
                StrataContainer *container)
{
  const char *id = strata_container_get_id (container);
  gint64 *last = g_hash_table_lookup (self->last_seen, id);
  g_autoptr(StrataContainerLogs) logs = strata_container_logs_new (self->engine, id, TRUE, TAIL_LINES);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  if (last != NULL)
    strata_container_logs_set_since (logs, *last);
  g_object_set_data_full (G_OBJECT (logs), "service", g_strdup (strata_container_get_service (container)), g_free);
  g_object_set_data_full (G_OBJECT (logs), "cancellable", g_object_ref (cancellable), g_object_unref);
  g_signal_connect_object (logs, "line", G_CALLBACK (on_line), self, 0);
  g_signal_connect_object (logs, "ended", G_CALLBACK (on_ended), self, 0);
  g_hash_table_insert (self->followers, g_strdup (id), g_object_ref (logs));
  strata_container_logs_start (logs, cancellable);
}

static gboolean
wanted (StrataLogsView  *self,
        StrataContainer *container)
{
  return !strata_container_get_oneoff (container)
         && (self->service == NULL || g_strcmp0 (self->service, strata_container_get_service (container)) == 0);
}

/* Starts a follower for each followed container that runs, or was never
 * read; stops those of containers no longer followed or gone. */
void
_strata_logs_view_sync_followers (StrataLogsView *self)
{
  GListModel *containers = self->live ? strata_engine_project_get_containers (self->live) : NULL;
  guint n = containers ? g_list_model_get_n_items (containers) : 0;
  g_autoptr(GHashTable) keep = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer id, logs;

  for (guint i = 0; self->engine != NULL && i < n; i++)
    {
      g_autoptr(StrataContainer) c = g_list_model_get_item (containers, i);
      const char *cid = strata_container_get_id (c);

      if (!wanted (self, c))
        continue;
      g_hash_table_add (keep, (gpointer) cid);
      if (!g_hash_table_contains (self->followers, cid)
          && (!g_hash_table_contains (self->last_seen, cid)
              || g_strcmp0 (strata_container_get_state (c), "running") == 0))
        start_follower (self, c);
    }

  g_hash_table_iter_init (&iter, self->followers);
  while (g_hash_table_iter_next (&iter, &id, &logs))
    if (!g_hash_table_contains (keep, id))
      {
        stop_follower (logs, self);
        g_hash_table_iter_remove (&iter);
      }
}

void
_strata_logs_view_stop_followers (StrataLogsView *self)
{
  GHashTableIter iter;
  gpointer logs;

  g_hash_table_iter_init (&iter, self->followers);
  while (g_hash_table_iter_next (&iter, NULL, &logs))
    stop_follower (logs, self);
  g_hash_table_remove_all (self->followers);
  g_hash_table_remove_all (self->last_seen);
}

static void
on_containers_changed (StrataLogsView *self,
                       guint           position,
                       guint           removed,
                       guint           added,
                       GListModel     *containers)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (containers, i);

      if (g_object_get_data (c, "strata-logs-view") != self)
        {
          g_object_set_data (c, "strata-logs-view", self);
          g_signal_connect_object (c, "notify::state", G_CALLBACK (_strata_logs_view_sync_followers),
                                   self, G_CONNECT_SWAPPED);
        }
    }
  _strata_logs_view_sync_followers (self);
}

/**
 * strata_logs_view_set_live:
 * @engine: (nullable): the engine to read logs from
 * @live: (nullable): the project's live state on it
 */
void
strata_logs_view_set_live (StrataLogsView      *self,
                           StrataEngine        *engine,
                           StrataEngineProject *live)
{
  GListModel *containers;

  g_return_if_fail (STRATA_IS_LOGS_VIEW (self));

  if (self->live == live && self->engine == engine)
    return;
  if (self->live != NULL)
    g_signal_handlers_disconnect_by_data (strata_engine_project_get_containers (self->live), self);
  if (self->engine != engine)
    _strata_logs_view_stop_followers (self);
  g_set_object (&self->engine, engine);
  g_set_object (&self->live, live);
  if (live == NULL)
    {
      _strata_logs_view_sync_followers (self);
      return;
    }
  containers = strata_engine_project_get_containers (live);
  g_signal_connect_object (containers, "items-changed", G_CALLBACK (on_containers_changed), self, G_CONNECT_SWAPPED);
  on_containers_changed (self, 0, 0, g_list_model_get_n_items (containers), containers);
}

guint
strata_logs_view_get_n_followers (StrataLogsView *self)
{
  g_return_val_if_fail (STRATA_IS_LOGS_VIEW (self), 0);

  return g_hash_table_size (self->followers);
}
