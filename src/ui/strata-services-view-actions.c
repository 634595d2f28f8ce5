/* strata-services-view-actions.c: start, stop, restart and logs per service
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row spins while the engine acts; the window stays live (every call is
 * async) and a toast says how it ended, naming the container and the
 * endpoint when the engine refused.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-lifecycle.h"
#include "strata-services-view-private.h"
#include "strata-ui-private.h"

typedef struct
{
  StrataServicesView *view;
  char               *service;
  const char         *done;     /* "started", ... */
} Operation;

static void
operation_free (Operation *op)
{
  g_object_unref (op->view);
  g_free (op->service);
  g_free (op);
}

static void
set_busy (StrataServicesView *self,
          const char         *service,
          int                 delta)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->busy, service)) + delta;
  StrataServiceRow *row = _strata_services_view_find_row (self, service);

  if (n == 0)
    g_hash_table_remove (self->busy, service);
  else
    g_hash_table_insert (self->busy, g_strdup (service), GUINT_TO_POINTER (n));
  if (row != NULL)
    strata_service_row_set_busy (row, n > 0);
}

static void
on_lifecycle_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Operation *op = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  set_busy (op->view, op->service, -1);
  if (!strata_lifecycle_run_finish (STRATA_LIFECYCLE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        message = g_strdup_printf (_("%s: %s"), op->service, error->message);
    }
  else
    message = g_strdup_printf ("%s: %s", op->service, op->done);
  if (message != NULL)
    _strata_widget_add_toast (GTK_WIDGET (op->view), message);
  operation_free (op);
}

/* As `strata start|stop|restart SERVICE` (StrataLifecycle): every container
 * of the service at once. */
static void
run_lifecycle (StrataServicesView    *self,
               StrataLifecycleAction  action,
               const char            *done,
               const char            *service)
{
  g_autoptr(GPtrArray) containers = _strata_services_view_containers_of (self, service);
  g_autoptr(StrataLifecycle) lifecycle = NULL;
  Operation *op;

  if (self->engine == NULL || containers->len == 0)
    {
      g_autofree char *message = g_strdup_printf (_("%s has no containers on the engine: use Up to create them"),
                                                  service);

      _strata_widget_add_toast (GTK_WIDGET (self), message);
      return;
    }

  lifecycle = strata_lifecycle_new (action);
  for (guint i = 0; i < containers->len; i++)
    strata_lifecycle_add_container (lifecycle, g_ptr_array_index (containers, i));
  op = g_new0 (Operation, 1);
  op->view = g_object_ref (self);
  op->service = g_strdup (service);
  op->done = done;
  set_busy (self, service, +1);
  strata_lifecycle_run_async (lifecycle, self->engine, self->cancellable, on_lifecycle_done, op);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  run_lifecycle (STRATA_SERVICES_VIEW (widget), STRATA_LIFECYCLE_START, _("started"), g_variant_get_string (parameter, NULL));
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  run_lifecycle (STRATA_SERVICES_VIEW (widget), STRATA_LIFECYCLE_STOP, _("stopped"), g_variant_get_string (parameter, NULL));
}

static void
restart_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  run_lifecycle (STRATA_SERVICES_VIEW (widget), STRATA_LIFECYCLE_RESTART, _("restarted"), g_variant_get_string (parameter, NULL));
}

/* The Logs view, following only this service. */
static void
logs_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "project.show-logs", "s", g_variant_get_string (parameter, NULL));
}

void
_strata_services_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "services.start", "s", start_action);
  gtk_widget_class_install_action (widget_class, "services.stop", "s", stop_action);
  gtk_widget_class_install_action (widget_class, "services.restart", "s", restart_action);
  gtk_widget_class_install_action (widget_class, "services.logs", "s", logs_action);
}

void
_strata_services_view_update_actions (StrataServicesView *self)
{
  gboolean live = self->engine != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "services.start", live);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "services.stop", live);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "services.restart", live);
}

guint
strata_services_view_get_n_busy (StrataServicesView *self)
{
  g_return_val_if_fail (STRATA_IS_SERVICES_VIEW (self), 0);

  return g_hash_table_size (self->busy);
}
