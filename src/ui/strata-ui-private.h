/* strata-ui-private.h: small helpers shared by the widgets of src/ui/
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Disposes the template of a widget with a bin layout, then unparents its
 * remaining children (the template's unnamed root). */
static inline void
_strata_widget_dispose_children (GtkWidget *widget,
                                 GType      widget_type)
{
  GtkWidget *child;

  gtk_widget_dispose_template (widget, widget_type);
  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

typedef struct _StrataEngineProject StrataEngineProject;

/* Running, partly running, stopped or not created, from its containers. */
int   _strata_engine_project_state      (StrataEngineProject *live);

/* A toast on the window's overlay, if @widget is in one. */
void  _strata_widget_add_toast          (GtkWidget  *widget,
                                         const char *message);

/* The no-engine page's text: the endpoint tried (unless @message names it),
 * what went wrong, and that the configuration views work regardless. */
char *_strata_engine_error_description  (const char *endpoint,
                                         const char *message);

G_END_DECLS
