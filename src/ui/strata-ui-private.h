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

G_END_DECLS
