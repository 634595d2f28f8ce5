/* strata-config-columns.c: the key, value and source columns of the tree
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-config-view-private.h"

static StrataNodeItem *
list_item_get_node_item (GtkListItem *list_item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);

  return STRATA_NODE_ITEM (gtk_tree_list_row_get_item (row));
}

/* Gives a chip the color class of the layer at @index (-1: none). */
void
_strata_layer_chip_set_layer (GtkWidget *chip,
                              int        index)
{
  for (guint i = 0; i < STRATA_N_LAYER_COLORS; i++)
    {
      g_autofree char *name = g_strdup_printf ("layer-%u", i);

      gtk_widget_remove_css_class (chip, name);
    }

  if (index >= 0)
    {
      g_autofree char *name = g_strdup_printf ("layer-%d", index % STRATA_N_LAYER_COLORS);

      gtk_widget_add_css_class (chip, name);
    }
}

static void
key_setup (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (list_item, expander);
}

static void
key_bind (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  g_autoptr(StrataNodeItem) item = list_item_get_node_item (list_item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), gtk_list_item_get_item (list_item));
  gtk_label_set_label (GTK_LABEL (label), strata_node_item_get_key (item));
}

static void
key_unbind (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item)
{
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item)), NULL);
}

static void
value_setup (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *shadowed = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (shadowed), 0);
  gtk_label_set_ellipsize (GTK_LABEL (shadowed), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (shadowed, "caption");
  gtk_widget_add_css_class (shadowed, "shadowed-value");
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), shadowed);
  gtk_list_item_set_child (list_item, box);
}

static void
value_bind (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *value = gtk_widget_get_first_child (box);
  GtkWidget *shadowed = gtk_widget_get_last_child (box);
  g_autoptr(StrataNodeItem) item = list_item_get_node_item (list_item);
  g_autofree char *text = strata_node_item_dup_value (item);
  g_autofree char *was = strata_node_item_dup_shadowed (item);
  gboolean scalar = strata_node_item_get_node (item)->kind == STRATA_NODE_SCALAR;

  gtk_label_set_label (GTK_LABEL (value), text);
  gtk_widget_set_tooltip_text (value, scalar ? text : NULL);
  if (scalar)
    gtk_widget_remove_css_class (value, "dim-label");
  else
    gtk_widget_add_css_class (value, "dim-label");

  gtk_label_set_label (GTK_LABEL (shadowed), was);
  gtk_widget_set_tooltip_text (shadowed, was);
  gtk_widget_set_visible (shadowed, was != NULL);
}

static void
source_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *chip = gtk_label_new (NULL);
  GtkWidget *origin = gtk_label_new (NULL);

  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (chip, "source-chip");
  gtk_widget_add_css_class (chip, "caption");
  gtk_widget_add_css_class (origin, "caption");
  gtk_widget_add_css_class (origin, "dim-label");
  gtk_box_append (GTK_BOX (box), chip);
  gtk_box_append (GTK_BOX (box), origin);
  gtk_list_item_set_child (list_item, box);
}

static void
source_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             StrataConfigView         *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *chip = gtk_widget_get_first_child (box);
  GtkWidget *origin = gtk_widget_get_last_child (box);
  g_autoptr(StrataNodeItem) item = list_item_get_node_item (list_item);
  g_autofree char *source = strata_node_item_dup_source (item);
  StrataLayer *layer = strata_node_item_get_node (item)->pos.layer;

  gtk_label_set_label (GTK_LABEL (chip), source);
  gtk_widget_set_visible (chip, source != NULL);
  _strata_layer_chip_set_layer (chip, _strata_config_view_get_layer_index (self, layer));
  gtk_widget_set_tooltip_text (chip, layer ? strata_layer_get_path (layer) : NULL);
  gtk_label_set_label (GTK_LABEL (origin), strata_node_item_get_origin_label (item));
}

static GtkColumnViewColumn *
add_column (GtkColumnView *column_view,
            const char    *title,
            GCallback      setup,
            GCallback      bind,
            GCallback      unbind,
            gpointer       data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, data);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, NULL);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (column_view, column);
  g_object_unref (column);

  return column;
}

void
_strata_config_columns_add (StrataConfigView *self,
                            GtkColumnView    *column_view)
{
  GtkColumnViewColumn *column;

  column = add_column (column_view, _("Key"), G_CALLBACK (key_setup),
                       G_CALLBACK (key_bind), G_CALLBACK (key_unbind), NULL);
  gtk_column_view_column_set_fixed_width (column, 280);  /* DJANGO_SETTINGS_MODULE under services/django/environment */
  column = add_column (column_view, _("Value"), G_CALLBACK (value_setup),
                       G_CALLBACK (value_bind), NULL, NULL);
  gtk_column_view_column_set_fixed_width (column, 200);
  gtk_column_view_column_set_expand (column, TRUE);
  column = add_column (column_view, _("Source"), G_CALLBACK (source_setup),
                       G_CALLBACK (source_bind), NULL, self);
}
