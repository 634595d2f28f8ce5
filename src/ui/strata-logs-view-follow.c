/* strata-logs-view-follow.c: the Logs view's followers, one per container
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every container of the followed services (all, or the one picked) gets a
 * StrataLogsFollower: its last lines first, then what it writes while it
 * runs. The engine ends a container's stream when it stops; when it runs
 * again, a new follower picks up after the last line seen.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-logs-view-private.h"

#define TAIL_LINES 200

/* "10:00:00.123" in local time, from the engine's RFC 3339 timestamp. */
static char *
format_timestamp (const char *timestamp,
                  gint64     *time)
{
  g_autoptr(GDateTime) utc = timestamp ? g_date_time_new_from_iso8601 (timestamp, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *seconds = local ? g_date_time_format (local, "%H:%M:%S") : NULL;

  *time = utc ? g_date_time_to_unix (utc) * G_USEC_PER_SEC + g_date_time_get_microsecond (utc)
              : g_get_real_time ();
  if (seconds == NULL)
    return NULL;

  return g_strdup_printf ("%s.%03d", seconds, g_date_time_get_microsecond (local) / 1000);
}

static void
on_line (StrataLogsFollower *follower,
         int                 stream,
         const char         *timestamp,
         const char         *text,
         StrataLogsView     *self)
{
  const char *service = g_object_get_data (G_OBJECT (follower), "service");
  gint64 time;
  g_autofree char *shown = format_timestamp (timestamp, &time);

  _strata_logs_view_insert (self, service, time, shown, text);
}

static void
on_ended (StrataLogsFollower *follower,
          const GError       *error,
          StrataLogsView     *self)
{
  const char *id = strata_logs_follower_get_container_id (follower);
  const char *last = strata_logs_follower_get_last_timestamp (follower);

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("[the log stream broke: %s]"), error->message);

      strata_logs_view_append (self, g_object_get_data (G_OBJECT (follower), "service"), NULL, message);
    }
  if (last != NULL)
    g_hash_table_insert (self->last_seen, g_strdup (id), g_strdup (last));
  else if (!g_hash_table_contains (self->last_seen, id))
    g_hash_table_insert (self->last_seen, g_strdup (id), NULL);
  g_hash_table_remove (self->followers, id);
}

static void
start_follower (StrataLogsView  *self,
                StrataContainer *container)
{
  const char *id = strata_container_get_id (container);
  g_autoptr(StrataLogsFollower) follower =
    strata_logs_follower_new (self->engine, id, TAIL_LINES, g_hash_table_lookup (self->last_seen, id));

  g_object_set_data_full (G_OBJECT (follower), "service", g_strdup (strata_container_get_service (container)),
                          g_free);
  g_signal_connect_object (follower, "line", G_CALLBACK (on_line), self, 0);
  g_signal_connect_object (follower, "ended", G_CALLBACK (on_ended), self, 0);
  g_hash_table_insert (self->followers, g_strdup (id), g_object_ref (follower));
  strata_logs_follower_start (follower);
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
  gpointer id, follower;

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
  while (g_hash_table_iter_next (&iter, &id, &follower))
    if (!g_hash_table_contains (keep, id))
      {
        g_signal_handlers_disconnect_by_data (follower, self);
        strata_logs_follower_stop (follower);
        g_hash_table_iter_remove (&iter);
      }
}

void
_strata_logs_view_stop_followers (StrataLogsView *self)
{
  GHashTableIter iter;
  gpointer follower;

  g_hash_table_iter_init (&iter, self->followers);
  while (g_hash_table_iter_next (&iter, NULL, &follower))
    {
      g_signal_handlers_disconnect_by_data (follower, self);
      strata_logs_follower_stop (follower);
    }
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
