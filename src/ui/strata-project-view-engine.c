/* strata-project-view-engine.c: the project page's engine side: the
 * no-engine state, Down and Tear Down… (plan first, then progress)
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-project-view-private.h"
#include "strata-project.h"
#include "strata-ui-private.h"

static const char *
project_name (StrataProjectView *self)
{
  return self->project ? strata_project_get_name (self->project) : NULL;
}

/* The sidebar badge, from the containers the engine has for the project. */
static StrataProjectState
engine_state (StrataProjectView *self)
{
  if (strata_engine_session_get_monitor (self->session) == NULL)
    return STRATA_PROJECT_STATE_UNKNOWN;

  return _strata_engine_project_state (self->live);
}

static void
update_badge (StrataProjectView *self)
{
  g_autofree char *path = self->folder ? g_file_get_path (self->folder) : NULL;
  StrataProjectEntry *entry = path ? strata_sidebar_lookup (self->sidebar, path) : NULL;

  if (entry != NULL)
    strata_project_entry_set_state (entry, engine_state (self));
}

/* The monitor's project of the same name (compose's -p), which appears
 * with the first container, network or volume and goes with the last. */
static void
track_live (StrataProjectView *self)
{
  StrataEngineMonitor *monitor = strata_engine_session_get_monitor (self->session);
  GListModel *projects = monitor ? strata_engine_monitor_get_projects (monitor) : NULL;
  StrataEngineProject *live = monitor && project_name (self)
                              ? strata_engine_monitor_find_project (monitor, project_name (self)) : NULL;

  if (projects != self->live_projects)
    {
      if (self->live_projects != NULL)
        g_signal_handlers_disconnect_by_data (self->live_projects, self);
      g_set_object (&self->live_projects, projects);
      if (projects != NULL)
        g_signal_connect_object (projects, "items-changed", G_CALLBACK (track_live), self, G_CONNECT_SWAPPED);
    }
  g_set_object (&self->live, live);
  strata_sidebar_set_monitor (self->sidebar, monitor);
  strata_services_view_set_live (self->services_view, strata_engine_session_get_engine (self->session), live);
  strata_logs_view_set_live (self->logs_view, strata_engine_session_get_engine (self->session), live);
  strata_resources_view_set_live (self->resources_view, live);
  update_badge (self);
}

void
_strata_project_view_engine_bind (StrataProjectView *self)
{
  gboolean ready = strata_engine_session_is_ready (self->session);
  const char *endpoint = strata_engine_session_get_endpoint (self->session);
  const char *error = ready ? NULL : strata_engine_session_get_error (self->session);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.up",
                                 ready && self->project && !strata_progress_panel_is_running (self->progress_panel));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.down", ready && self->project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.tear-down", ready && self->project);
  strata_services_view_set_engine_error (self->services_view, endpoint, error);
  strata_resources_view_set_engine_error (self->resources_view, endpoint, error);
  track_live (self);
}

static GStrv
service_names (StrataProjectView *self)
{
  GListModel *services = strata_project_get_services (self->project);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(StrataServiceItem) service = g_list_model_get_item (services, i);

      g_strv_builder_add (builder, strata_service_item_get_name (service));
    }

  return g_strv_builder_end (builder);
}

static GListStore *
plan_to_items (StrataDownPlan *plan)
{
  GListStore *store = g_list_store_new (STRATA_TYPE_TEARDOWN_ITEM);
  GPtrArray *kept = strata_down_plan_get_kept (plan);

  for (int kind = STRATA_PLAN_CONTAINER; kind <= STRATA_PLAN_IMAGE; kind++)
    {
      GPtrArray *items = strata_down_plan_get_items (plan, kind);

      for (guint i = 0; items != NULL && i < items->len; i++)
        {
          StrataPlanItem *item = g_ptr_array_index (items, i);
          g_autoptr(StrataTeardownItem) row = strata_teardown_item_new (kind, item->name, NULL);

          g_list_store_append (store, row);
        }
    }
  for (guint i = 0; kept != NULL && i < kept->len; i++)
    {
      StrataPlanItem *item = g_ptr_array_index (kept, i);
      g_autoptr(StrataTeardownItem) row = strata_teardown_item_new_kept (item->kind, item->name, item->why);

      g_list_store_append (store, row);
    }

  return store;
}

static void
on_plan_computed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(StrataTeardownDialog) dialog = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataDownPlan) plan = strata_down_plan_compute_finish (result, &error);
  g_autoptr(GListStore) items = NULL;

  if (plan == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
      return;
    }

  items = plan_to_items (plan);
  g_object_set_data_full (G_OBJECT (dialog), "plan", g_steal_pointer (&plan), g_object_unref);
  strata_teardown_dialog_set_plan (dialog, G_LIST_MODEL (items));
}

static void
compute_plan (StrataProjectView    *self,
              StrataTeardownDialog *dialog)
{
  g_auto(GStrv) services = service_names (self);
  StrataRemoveImages images = strata_teardown_dialog_get_remove_images (dialog);
  StrataDownOptions options = {
    .rmi = images == STRATA_REMOVE_IMAGES_ALL ? STRATA_RMI_ALL
         : images == STRATA_REMOVE_IMAGES_LOCAL ? STRATA_RMI_LOCAL : STRATA_RMI_NONE,
    .volumes = strata_teardown_dialog_get_remove_volumes (dialog),
    .remove_orphans = strata_teardown_dialog_get_remove_orphans (dialog),
    .services = (const char * const *) services,
  };

  strata_teardown_dialog_set_plan (dialog, NULL);
  strata_down_plan_compute_async (strata_engine_session_get_engine (self->session), project_name (self),
                                  &options, self->cancellable, on_plan_computed, g_object_ref (dialog));
}

static void
on_options_changed (StrataProjectView    *self,
                    StrataTeardownDialog *dialog)
{
  compute_plan (self, dialog);
}

static StrataTeardownItem *
find_item (GListModel *items,
           int         kind,
           const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StrataTeardownItem) item = g_list_model_get_item (items, i);

      if ((int) strata_teardown_item_get_kind (item) == kind
          && g_strcmp0 (strata_teardown_item_get_name (item), name) == 0
          && strata_teardown_item_get_state (item) != STRATA_TEARDOWN_KEPT)
        return item;
    }

  return NULL;
}

static void
on_plan_progress (GListModel *items,
                  int         kind,
                  const char *name,
                  int         status,
                  const char *message,
                  gpointer    plan)
{
  StrataTeardownItem *item = find_item (items, kind, name);
  static const StrataTeardownState states[] = {
    [STRATA_PLAN_STEP_WORKING] = STRATA_TEARDOWN_REMOVING,
    [STRATA_PLAN_STEP_DONE] = STRATA_TEARDOWN_REMOVED,
    [STRATA_PLAN_STEP_SKIPPED] = STRATA_TEARDOWN_FAILED,
    [STRATA_PLAN_STEP_FAILED] = STRATA_TEARDOWN_FAILED,
  };

  if (item != NULL && status >= 0 && status < (int) G_N_ELEMENTS (states))
    strata_teardown_item_set_state (item, states[status],
                                    states[status] == STRATA_TEARDOWN_FAILED ? message : NULL);
}

static void
on_plan_run (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(StrataProjectView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!strata_down_plan_run_finish (STRATA_DOWN_PLAN (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("%s", error->message);

  strata_progress_panel_finish (self->progress_panel);
}

static void
on_teardown_response (StrataProjectView    *self,
                      const char           *response,
                      StrataTeardownDialog *dialog)
{
  StrataDownPlan *plan = g_object_get_data (G_OBJECT (dialog), "plan");
  GListModel *items = strata_teardown_dialog_get_plan (dialog);

  self->teardown_dialog = NULL;
  if (g_strcmp0 (response, "tear-down") != 0 || plan == NULL || items == NULL)
    return;

  strata_progress_panel_track (self->progress_panel, project_name (self), items);
  g_signal_connect_object (plan, "progress", G_CALLBACK (on_plan_progress), items, G_CONNECT_SWAPPED);
  strata_down_plan_run_async (plan, strata_engine_session_get_engine (self->session), -1,
                              self->cancellable, on_plan_run, g_object_ref (self));
}

/* Down is the same dialog with compose down's options: containers and
 * networks only. Tear Down… defaults to everything. */
static void
open_dialog (StrataProjectView *self,
             gboolean           everything)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  StrataTeardownDialog *dialog;

  if (self->teardown_dialog != NULL || project_name (self) == NULL
      || !strata_engine_session_is_ready (self->session))
    return;

  dialog = strata_teardown_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, project_name (self));
  if (!everything)
    strata_teardown_dialog_set_options (dialog, FALSE, STRATA_REMOVE_IMAGES_NONE, FALSE);
  g_signal_connect_object (dialog, "options-changed", G_CALLBACK (on_options_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_teardown_response), self, G_CONNECT_SWAPPED);
  self->teardown_dialog = dialog;
  compute_plan (self, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tear_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_dialog (STRATA_PROJECT_VIEW (widget), TRUE);
}

static void
down_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  open_dialog (STRATA_PROJECT_VIEW (widget), FALSE);
}

void
_strata_project_view_install_engine_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "project.down", NULL, down_action);
  gtk_widget_class_install_action (widget_class, "project.tear-down", NULL, tear_down_action);
}

void
_strata_project_view_engine_init (StrataProjectView *self)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.strata.Strata");

  self->session = strata_engine_session_new (settings);
  g_signal_connect_object (self->session, "changed", G_CALLBACK (_strata_project_view_engine_bind),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->services_view, "live-changed", G_CALLBACK (update_badge),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::engine-endpoint", G_CALLBACK (strata_engine_session_start),
                           self->session, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::engine-endpoint-auto", G_CALLBACK (strata_engine_session_start),
                           self->session, G_CONNECT_SWAPPED);
}

void
_strata_project_view_engine_dispose (StrataProjectView *self)
{
  if (self->teardown_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->teardown_dialog));
  self->teardown_dialog = NULL;
  if (self->live_projects != NULL)
    g_signal_handlers_disconnect_by_data (self->live_projects, self);
  g_clear_object (&self->live_projects);
  g_clear_object (&self->live);
  g_clear_object (&self->session);
}

/* The Tear Down… or Down dialog while it is open. */
StrataTeardownDialog *
strata_project_view_get_teardown_dialog (StrataProjectView *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT_VIEW (self), NULL);

  return self->teardown_dialog;
}
