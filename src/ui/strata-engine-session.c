/* strata-engine-session.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-engine-session.h"

struct _StrataEngineSession
{
  GObject              parent_instance;

  GSettings           *settings;
  StrataEngine        *engine;
  StrataEngineMonitor *monitor;
  GCancellable        *cancellable;
  char                *endpoint;  /* the URI tried, and why, for people */
  char                *error;     /* what went wrong and what to do */
  gboolean             ready;
};

G_DEFINE_FINAL_TYPE (StrataEngineSession, strata_engine_session, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
strata_engine_session_fail (StrataEngineSession *self,
                            const char          *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  self->ready = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_monitor_started (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(StrataEngineSession) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!strata_engine_monitor_start_finish (STRATA_ENGINE_MONITOR (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        strata_engine_session_fail (self, error->message);
      return;
    }

  g_clear_pointer (&self->error, g_free);
  self->ready = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static StrataEndpoint *
resolve_endpoint (StrataEngineSession  *self,
                  GError              **error)
{
  g_autofree char *explicit = g_settings_get_string (self->settings, "engine-endpoint");

  if (g_settings_get_boolean (self->settings, "engine-endpoint-auto") || explicit[0] == '\0')
    return strata_endpoint_resolve (NULL, NULL, error);

  return strata_endpoint_parse (explicit, error);
}

/* (Re)connects, as the preferences say now. */
void
strata_engine_session_start (StrataEngineSession *self)
{
  g_autoptr(StrataEndpoint) endpoint = NULL;
  g_autoptr(GError) error = NULL;
  const char *why;

  g_return_if_fail (STRATA_IS_ENGINE_SESSION (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->monitor != NULL)
    strata_engine_monitor_stop (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_object (&self->engine);
  g_clear_pointer (&self->endpoint, g_free);
  self->ready = FALSE;

  endpoint = resolve_endpoint (self, &error);
  if (endpoint == NULL)
    {
      strata_engine_session_fail (self, error->message);
      return;
    }

  why = strata_endpoint_get_why (endpoint);
  self->endpoint = why ? g_strdup_printf ("%s (%s)", strata_endpoint_get_uri (endpoint), why)
                       : g_strdup (strata_endpoint_get_uri (endpoint));
  self->engine = strata_engine_new (endpoint);
  self->monitor = strata_engine_monitor_new (self->engine);
  self->cancellable = g_cancellable_new ();
  strata_engine_monitor_start_async (self->monitor, self->cancellable, on_monitor_started, g_object_ref (self));
}

gboolean
strata_engine_session_is_ready (StrataEngineSession *self)
{
  g_return_val_if_fail (STRATA_IS_ENGINE_SESSION (self), FALSE);

  return self->ready;
}

StrataEngine *
strata_engine_session_get_engine (StrataEngineSession *self)
{
  g_return_val_if_fail (STRATA_IS_ENGINE_SESSION (self), NULL);

  return self->ready ? self->engine : NULL;
}

StrataEngineMonitor *
strata_engine_session_get_monitor (StrataEngineSession *self)
{
  g_return_val_if_fail (STRATA_IS_ENGINE_SESSION (self), NULL);

  return self->ready ? self->monitor : NULL;
}

const char *
strata_engine_session_get_endpoint (StrataEngineSession *self)
{
  g_return_val_if_fail (STRATA_IS_ENGINE_SESSION (self), NULL);

  return self->endpoint;
}

const char *
strata_engine_session_get_error (StrataEngineSession *self)
{
  g_return_val_if_fail (STRATA_IS_ENGINE_SESSION (self), NULL);

  return self->error;
}

static void
strata_engine_session_dispose (GObject *object)
{
  StrataEngineSession *self = STRATA_ENGINE_SESSION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->monitor != NULL)
    strata_engine_monitor_stop (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_object (&self->engine);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (strata_engine_session_parent_class)->dispose (object);
}

static void
strata_engine_session_finalize (GObject *object)
{
  StrataEngineSession *self = STRATA_ENGINE_SESSION (object);

  g_clear_pointer (&self->endpoint, g_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (strata_engine_session_parent_class)->finalize (object);
}

static void
strata_engine_session_class_init (StrataEngineSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = strata_engine_session_dispose;
  object_class->finalize = strata_engine_session_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
strata_engine_session_init (StrataEngineSession *self)
{
}

StrataEngineSession *
strata_engine_session_new (GSettings *settings)
{
  StrataEngineSession *self = g_object_new (STRATA_TYPE_ENGINE_SESSION, NULL);

  self->settings = g_object_ref (settings);
  return self;
}
