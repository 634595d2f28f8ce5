/* strata-resources-view.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-application.h"
#include "strata-ui-private.h"
#include "strata-resources-view.h"

struct _StrataResourcesView
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  AdwStatusPage *empty_page;
  AdwStatusPage *engine_page;

  /* Owned references */
  GObject       *project;
};

G_DEFINE_FINAL_TYPE (StrataResourcesView, strata_resources_view, GTK_TYPE_WIDGET)

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
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
strata_resources_view_init (StrataResourcesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Until the project exposes its lists, the view shows its empty state. */
void
strata_resources_view_set_project (StrataResourcesView *self,
                                   StrataProject       *project)
{
  g_return_if_fail (STRATA_IS_RESOURCES_VIEW (self));

  g_set_object (&self->project, (GObject *) project);
  gtk_stack_set_visible_child_name (self->stack, "empty");
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

  description = g_strdup_printf (_("Strata tried %s.\n%s\n\nThe configuration views work without an engine."),
                                 endpoint ? endpoint : _("the default endpoint"), message);
  adw_status_page_set_description (self->engine_page, description);
  gtk_stack_set_visible_child_name (self->stack, "no-engine");
}
