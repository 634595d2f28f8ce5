/* strata-services-view.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-application.h"
#include "strata-ui-private.h"
#include "strata-project.h"
#include "strata-services-view.h"

struct _StrataServicesView
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  AdwStatusPage *empty_page;
  AdwStatusPage *engine_page;
  GtkListBox    *list_box;

  /* Owned references */
  GObject       *project;
  char          *engine_message;
};

G_DEFINE_FINAL_TYPE (StrataServicesView, strata_services_view, GTK_TYPE_WIDGET)

static GtkWidget *
action_button (const char *icon,
               const char *label,
               const char *action,
               const char *service)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", service);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  StrataServiceItem *service = item;
  const char *name = strata_service_item_get_name (service);
  const char *image = strata_service_item_get_image (service);
  const char *ports = strata_service_item_get_ports_summary (service);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = gtk_label_new (strata_project_state_to_label (STRATA_PROJECT_STATE_NOT_CREATED));
  g_autofree char *title = g_markup_escape_text (name, -1);
  g_autofree char *subtitle = g_markup_printf_escaped ("%s%s%s",
                                                       image ? image : (strata_service_item_get_has_build (service) ? _("built here") : ""),
                                                       ports && *ports ? "  ·  " : "", ports ? ports : "");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "view-grid-symbolic");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "state-badge");
  gtk_widget_add_css_class (badge, "caption");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), action_button ("media-playback-start-symbolic", _("Start"), "services.start", name));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), action_button ("media-playback-stop-symbolic", _("Stop"), "services.stop", name));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), action_button ("view-refresh-symbolic", _("Restart"), "services.restart", name));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), action_button ("utilities-terminal-symbolic", _("Logs"), "services.logs", name));

  return row;
}

static void
engine_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  /* Enabled once an engine is bound. */
}

static void
logs_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "project.show-page", "s", "logs");
}

static void
strata_services_view_update_page (StrataServicesView *self)
{
  const char *page = "empty";

  if (self->engine_message != NULL)
    page = "no-engine";
  else if (self->project != NULL
           && g_list_model_get_n_items (strata_project_get_services (STRATA_PROJECT (self->project))) > 0)
    page = "list";

  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
strata_services_view_dispose (GObject *object)
{
  StrataServicesView *self = STRATA_SERVICES_VIEW (object);

  _strata_widget_dispose_children (GTK_WIDGET (self), STRATA_TYPE_SERVICES_VIEW);
  g_clear_object (&self->project);
  g_clear_pointer (&self->engine_message, g_free);

  G_OBJECT_CLASS (strata_services_view_parent_class)->dispose (object);
}

static void
strata_services_view_class_init (StrataServicesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = strata_services_view_dispose;

  strata_application_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/strata/Strata/strata-services-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StrataServicesView, stack);
  gtk_widget_class_bind_template_child (widget_class, StrataServicesView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, StrataServicesView, engine_page);
  gtk_widget_class_bind_template_child (widget_class, StrataServicesView, list_box);

  gtk_widget_class_install_action (widget_class, "services.start", "s", engine_action);
  gtk_widget_class_install_action (widget_class, "services.stop", "s", engine_action);
  gtk_widget_class_install_action (widget_class, "services.restart", "s", engine_action);
  gtk_widget_class_install_action (widget_class, "services.logs", "s", logs_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
strata_services_view_init (StrataServicesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "services.start", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "services.stop", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "services.restart", FALSE);
}

/* One row per service, "not created" until an engine says otherwise. */
void
strata_services_view_set_project (StrataServicesView *self,
                                  StrataProject      *project)
{
  g_return_if_fail (STRATA_IS_SERVICES_VIEW (self));

  g_set_object (&self->project, (GObject *) project);
  gtk_list_box_bind_model (self->list_box, project ? strata_project_get_services (project) : NULL,
                           create_row, NULL, NULL);
  strata_services_view_update_page (self);
}

/**
 * strata_services_view_set_engine_error:
 * @endpoint: (nullable): the endpoint tried, as a URI
 * @message: (nullable): what went wrong and what to do, or %NULL when the
 *   engine answers again
 */
void
strata_services_view_set_engine_error (StrataServicesView *self,
                                       const char         *endpoint,
                                       const char         *message)
{
  g_autofree char *description = NULL;

  g_return_if_fail (STRATA_IS_SERVICES_VIEW (self));

  g_free (self->engine_message);
  self->engine_message = g_strdup (message);
  if (message == NULL)
    {
      strata_services_view_update_page (self);
      return;
    }

  if (endpoint != NULL && strstr (message, endpoint) != NULL)
    description = g_strdup_printf (_("%s\n\nThe configuration views work without an engine."), message);
  else
    description = g_strdup_printf (_("Strata tried %s.\n%s\n\nThe configuration views work without an engine."),
                                   endpoint ? endpoint : _("the default endpoint"), message);
  adw_status_page_set_description (self->engine_page, description);
  gtk_stack_set_visible_child_name (self->stack, "no-engine");
}

const char *
strata_services_view_get_visible_page (StrataServicesView *self)
{
  g_return_val_if_fail (STRATA_IS_SERVICES_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* What the no-engine page says (the endpoint tried, what to do). */
const char *
strata_services_view_get_engine_description (StrataServicesView *self)
{
  g_return_val_if_fail (STRATA_IS_SERVICES_VIEW (self), NULL);

  return adw_status_page_get_description (self->engine_page);
}
