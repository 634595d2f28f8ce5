/* strata-project-view-up.c: Up, as compose up -d: the plan, then its run
 * with progress per resource in the panel (never modal)
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-project-view-private.h"
#include "strata-project.h"
#include "strata-ui-private.h"
#include "strata-up-plan.h"

static StrataPlanKind
plan_kind (StrataUpItemKind kind)
{
  switch (kind)
    {
    case STRATA_UP_ITEM_IMAGE: return STRATA_PLAN_IMAGE;
    case STRATA_UP_ITEM_NETWORK: return STRATA_PLAN_NETWORK;
    case STRATA_UP_ITEM_VOLUME: return STRATA_PLAN_VOLUME;
    case STRATA_UP_ITEM_CONTAINER:
    default: return STRATA_PLAN_CONTAINER;
    }
}

static const char *
action_label (StrataUpAction action)
{
  switch (action)
    {
    case STRATA_UP_CREATE: return _("Create");
    case STRATA_UP_RECREATE: return _("Recreate");
    case STRATA_UP_START: return _("Start");
    case STRATA_UP_PULL: return _("Pull");
    case STRATA_UP_BUILD: return _("Build");
    case STRATA_UP_REMOVE: return _("Remove");
    case STRATA_UP_KEEP:
    default: return _("Keep");
    }
}

/* What the run acts on: every item but those kept as they are. */
static GListStore *
plan_to_items (StrataUpPlan *plan)
{
  GListStore *store = g_list_store_new (STRATA_TYPE_TEARDOWN_ITEM);
  GPtrArray *items = strata_up_plan_get_items (plan);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      StrataUpItem *item = g_ptr_array_index (items, i);
      g_autofree char *detail = NULL;
      g_autoptr(StrataTeardownItem) row = NULL;

      if (item->action == STRATA_UP_KEEP)
        continue;
      detail = item->why ? g_strdup_printf ("%s: %s", action_label (item->action), item->why)
                         : g_strdup (action_label (item->action));
      row = strata_teardown_item_new (plan_kind (item->kind), item->name, detail);
      g_list_store_append (store, row);
    }

  return store;
}

static StrataTeardownItem *
find_item (GListModel     *items,
           StrataPlanKind  kind,
           const char     *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StrataTeardownItem) item = g_list_model_get_item (items, i);

      if (strata_teardown_item_get_kind (item) == kind && g_strcmp0 (strata_teardown_item_get_name (item), name) == 0)
        return item;
    }

  return NULL;
}

static void
on_up_progress (GListModel *items,
                int         kind,
                const char *name,
                int         status,
                const char *message,
                gpointer    plan)
{
  StrataTeardownItem *item = find_item (items, plan_kind (kind), name);

  if (item == NULL)
    return;
  switch (status)
    {
    case STRATA_PLAN_STEP_WORKING:
      strata_teardown_item_set_state (item, STRATA_TEARDOWN_REMOVING, NULL);
      break;
    case STRATA_PLAN_STEP_DONE:
      strata_teardown_item_set_state (item, STRATA_TEARDOWN_REMOVED, NULL);
      break;
    default:
      strata_teardown_item_set_state (item, STRATA_TEARDOWN_FAILED, message);
    }
}

static void
on_up_run (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(StrataProjectView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!strata_up_plan_run_finish (STRATA_UP_PLAN (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("up: %s", error->message);  /* each failed resource says why in the panel */

  strata_progress_panel_finish (self->progress_panel);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.up", TRUE);
}

static void
on_up_computed (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(StrataProjectView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataUpPlan) plan = strata_up_plan_compute_finish (result, &error);
  g_autoptr(GListStore) items = NULL;
  g_autofree char *message = NULL;

  if (plan == NULL || strata_up_plan_is_noop (plan))
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.up", TRUE);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = plan ? g_strdup_printf (_("%s is up to date"), strata_up_plan_get_project (plan))
                     : g_strdup (error->message);
      _strata_widget_add_toast (GTK_WIDGET (self), message);
      return;
    }

  items = plan_to_items (plan);
  strata_progress_panel_track_with_verb (self->progress_panel, strata_up_plan_get_project (plan),
                                         G_LIST_MODEL (items), _("done"));
  g_signal_connect_object (plan, "progress", G_CALLBACK (on_up_progress), items, G_CONNECT_SWAPPED);
  strata_up_plan_run_async (plan, strata_engine_session_get_engine (self->session), self->cancellable,
                            on_up_run, g_object_ref (self));
}

/* compose up -d: pulls and builds what is missing, creates what is not
 * there, recreates what is stale, starts what is stopped. */
static void
up_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  StrataProjectView *self = STRATA_PROJECT_VIEW (widget);
  StrataUpOptions options = { .timeout = -1 };

  if (self->project == NULL || !strata_engine_session_is_ready (self->session)
      || strata_progress_panel_is_running (self->progress_panel))
    return;

  gtk_widget_action_set_enabled (widget, "project.up", FALSE);
  strata_up_plan_compute_async (strata_engine_session_get_engine (self->session), self->project, &options,
                                self->cancellable, on_up_computed, g_object_ref (self));
}

void
_strata_project_view_install_up_action (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "project.up", NULL, up_action);
}
