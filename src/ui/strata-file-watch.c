/* strata-file-watch.c
 *
 * Editors save by writing a new file and renaming it over the old one, often
 * in several steps: the monitors watch each file (rename events included) and
 * the changes are gathered for STRATA_FILE_WATCH_DELAY_MS before ::changed.
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "strata-file-watch.h"

struct _StrataFileWatch
{
  GObject    parent_instance;

  GPtrArray *monitors;  /* of GFileMonitor */
  guint      timeout_id;
};

G_DEFINE_FINAL_TYPE (StrataFileWatch, strata_file_watch, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
emit_changed (gpointer user_data)
{
  StrataFileWatch *self = user_data;

  self->timeout_id = 0;
  g_signal_emit (self, signals[CHANGED], 0);

  return G_SOURCE_REMOVE;
}

static void
on_monitor_changed (StrataFileWatch   *self,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_RENAMED:
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      self->timeout_id = g_timeout_add (STRATA_FILE_WATCH_DELAY_MS, emit_changed, self);
      break;
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

static void
strata_file_watch_clear (StrataFileWatch *self)
{
  for (guint i = 0; i < self->monitors->len; i++)
    g_file_monitor_cancel (g_ptr_array_index (self->monitors, i));
  g_ptr_array_set_size (self->monitors, 0);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
}

/* Watches @paths (a file that does not exist yet is watched for creation). */
void
strata_file_watch_set_paths (StrataFileWatch    *self,
                             const char * const *paths)
{
  g_return_if_fail (STRATA_IS_FILE_WATCH (self));

  strata_file_watch_clear (self);
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) error = NULL;
      GFileMonitor *monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);

      if (monitor == NULL)
        {
          g_warning ("%s: cannot watch for changes: %s", paths[i], error->message);
          continue;
        }

      g_signal_connect_object (monitor, "changed", G_CALLBACK (on_monitor_changed), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->monitors, monitor);
    }
}

guint
strata_file_watch_get_n_watched (StrataFileWatch *self)
{
  g_return_val_if_fail (STRATA_IS_FILE_WATCH (self), 0);

  return self->monitors->len;
}

static void
strata_file_watch_finalize (GObject *object)
{
  StrataFileWatch *self = STRATA_FILE_WATCH (object);

  strata_file_watch_clear (self);
  g_clear_pointer (&self->monitors, g_ptr_array_unref);

  G_OBJECT_CLASS (strata_file_watch_parent_class)->finalize (object);
}

static void
strata_file_watch_class_init (StrataFileWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = strata_file_watch_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
strata_file_watch_init (StrataFileWatch *self)
{
  self->monitors = g_ptr_array_new_with_free_func (g_object_unref);
}

StrataFileWatch *
strata_file_watch_new (void)
{
  return g_object_new (STRATA_TYPE_FILE_WATCH, NULL);
}
