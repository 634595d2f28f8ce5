/* strata-resources-view.c
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
#include "strata-resources-view.h"

struct _StrataResourcesView
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  AdwStatusPage *empty_page;
  AdwStatusPage *engine_page;
  GtkListBox    *networks_list;
  GtkListBox    *volumes_list;
  GtkListBox    *images_list;

  /* Owned references */
  GObject       *project;
};

G_DEFINE_FINAL_TYPE (StrataResourcesView, strata_resources_view, GTK_TYPE_WIDGET)

static GtkWidget *
resource_row (const char *icon,
              const char *name,
              const char *subtitle,
              gboolean    external)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (name, -1);
  g_autofree char *escaped = subtitle ? g_markup_escape_text (subtitle, -1) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped ? escaped : "");
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon);
  if (external)
    {
      GtkWidget *badge = gtk_label_new (_("External"));

      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (badge, _("Not created or removed by this project"));
      gtk_widget_add_css_class (badge, "state-badge");
      gtk_widget_add_css_class (badge, "caption");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }

  return row;
}

static GtkWidget *
create_network_row (gpointer item,
                    gpointer user_data)
{
  StrataNetworkItem *network = item;
  const char *driver = strata_network_item_get_driver (network);
  g_autofree char *subtitle = driver ? g_strdup_printf (_("Driver %s"), driver) : NULL;

  return resource_row ("network-wired-symbolic", strata_network_item_get_name (network), subtitle,
                       strata_network_item_get_external (network));
}

static GtkWidget *
create_volume_row (gpointer item,
                   gpointer user_data)
{
  StrataVolumeItem *volume = item;
  const char * const *mounted = strata_volume_item_get_mounted_by (volume);
  g_autofree char *services = mounted && mounted[0] ? g_strjoinv (", ", (char **) mounted) : NULL;
  g_autofree char *subtitle = services ? g_strdup_printf (_("Mounted by %s"), services)
                                       : g_strdup (_("Mounted by no service"));

  return resource_row ("drive-harddisk-symbolic", strata_volume_item_get_name (volume), subtitle,
                       strata_volume_item_get_external (volume));
}

static GtkWidget *
create_image_row (gpointer item,
                  gpointer user_data)
{
  StrataServiceItem *service = item;
  const char *image = strata_service_item_get_image (service);
  g_autofree char *subtitle = NULL;

  if (strata_service_item_get_has_build (service))
    subtitle = g_strdup_printf (_("Built here for %s"), strata_service_item_get_name (service));
  else
    subtitle = g_strdup_printf (_("Used by %s"), strata_service_item_get_name (service));

  return resource_row ("image-x-generic-symbolic", image ? image : strata_service_item_get_name (service),
                       subtitle, FALSE);
}

static void
strata_resources_view_dispose (GObject *object)
{
  StrataResourcesView *self = STRATA_RESOURCES_VIEW (object);

  _strata_widget_dispose_children (GTK_WIDGET (self), STRATA_TYPE_RESOURCES_VIEW);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (strata_resources_view_parent_class)->dispose (object);
}

static void
strata_resources_view_class_init (StrataResourcesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = strata_resources_view_dispose;

  strata_application_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/strata/Strata/strata-resources-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StrataResourcesView, stack);
  gtk_widget_class_bind_template_child (widget_class, StrataResourcesView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, StrataResourcesView, engine_page);
  gtk_widget_class_bind_template_child (widget_class, StrataResourcesView, networks_list);
  gtk_widget_class_bind_template_child (widget_class, StrataResourcesView, volumes_list);
  gtk_widget_class_bind_template_child (widget_class, StrataResourcesView, images_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
strata_resources_view_init (StrataResourcesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The project's networks, volumes and images as its files declare them;
 * the engine's live state joins them once an engine is bound. */
void
strata_resources_view_set_project (StrataResourcesView *self,
                                   StrataProject       *project)
{
  g_return_if_fail (STRATA_IS_RESOURCES_VIEW (self));

  g_set_object (&self->project, (GObject *) project);
  gtk_list_box_bind_model (self->networks_list, project ? strata_project_get_networks (project) : NULL,
                           create_network_row, NULL, NULL);
  gtk_list_box_bind_model (self->volumes_list, project ? strata_project_get_volumes (project) : NULL,
                           create_volume_row, NULL, NULL);
  gtk_list_box_bind_model (self->images_list, project ? strata_project_get_services (project) : NULL,
                           create_image_row, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack, project ? "list" : "empty");
}

/**
 * strata_resources_view_set_engine_error:
 * @endpoint: (nullable): the endpoint tried, as a URI
 * @message: (nullable): what went wrong and what to do, or %NULL when the
 *   engine answers again
 */
void
strata_resources_view_set_engine_error (StrataResourcesView *self,
                                        const char          *endpoint,
                                        const char          *message)
{
  g_autofree char *description = NULL;

  g_return_if_fail (STRATA_IS_RESOURCES_VIEW (self));

  if (message == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  description = _strata_engine_error_description (endpoint, message);
  adw_status_page_set_description (self->engine_page, description);
  gtk_stack_set_visible_child_name (self->stack, "no-engine");
}
