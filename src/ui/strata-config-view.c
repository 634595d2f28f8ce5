/* strata-config-view.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "strata-application.h"
#include "strata-ui-private.h"
#include "strata-config-view-private.h"
#include "strata-project.h"
#include "strata-source-style.h"

struct _StrataConfigView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkWidget         *toolbar;
  GtkSearchEntry    *search_entry;
  GtkDropDown       *layer_dropdown;
  GtkColumnView     *column_view;
  GtkScrolledWindow *tree_scroller;
  GtkPaned          *paned;
  GtkWidget         *source_pane;
  GtkLabel          *source_label;
  GtkSourceView     *source_view;
  GtkSourceView     *text_view;

  /* Owned references */
  GObject           *project;
  GObject           *owner;
  GPtrArray         *layers;        /* of StrataLayer */
  GtkTreeListModel  *tree_model;
  GtkCustomFilter   *filter;
  char              *needle;        /* casefolded search text, or NULL */
  StrataLayer       *layer_filter;  /* borrowed from layers */
  StrataLayer       *source_layer;  /* borrowed from layers */
  guint              source_line;
  gboolean           show_text;
  gboolean           text_stale;  /* the text is not the project's yet */
};

enum {
  PROP_0,
  PROP_SHOW_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (StrataConfigView, strata_config_view, GTK_TYPE_WIDGET)

int
_strata_config_view_get_layer_index (StrataConfigView *self,
                                     StrataLayer      *layer)
{
  guint index;

  if (layer == NULL || self->layers == NULL)
    return -1;

  return g_ptr_array_find (self->layers, layer, &index) ? (int) index : -1;
}

static gboolean
text_matches (const char *text,
              const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

/* A row is shown when it, or something below it, passes both the search
 * (on the keys leading to it and its value) and the layer filter. */
static gboolean
node_matches (StrataConfigView *self,
              const StrataNode *node,
              gboolean          found)
{
  guint n = strata_node_get_n_children (node);

  found = found || self->needle == NULL || text_matches (node->key, self->needle)
          || (node->kind == STRATA_NODE_SCALAR && text_matches (node->text, self->needle));

  if (n == 0)
    return found && (self->layer_filter == NULL || node->pos.layer == self->layer_filter);

  if (found && self->layer_filter == NULL)
    return TRUE;

  for (guint i = 0; i < n; i++)
    if (node_matches (self, strata_node_get_child (node, i), found))
      return TRUE;

  return FALSE;
}

static gboolean
filter_item (gpointer  item,
             gpointer  user_data)
{
  StrataConfigView *self = user_data;
  StrataNodeItem *node_item = item;
  gboolean found = self->needle != NULL && text_matches (strata_node_item_get_path (node_item), self->needle);

  return node_matches (self, strata_node_item_get_node (node_item), found);
}

static GListModel *
filter_children (StrataConfigView *self,
                 GListStore       *store)
{
  GtkFilterListModel *model;

  if (store == NULL)
    return NULL;

  model = gtk_filter_list_model_new (G_LIST_MODEL (store), g_object_ref (GTK_FILTER (self->filter)));
  return G_LIST_MODEL (model);
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  return filter_children (user_data, strata_node_item_list_children (item));
}

static void
strata_config_view_refilter (StrataConfigView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (self->tree_model != NULL)
    gtk_tree_list_model_set_autoexpand (self->tree_model, self->needle != NULL);
}

void
strata_config_view_set_search (StrataConfigView *self,
                               const char       *text)
{
  g_return_if_fail (STRATA_IS_CONFIG_VIEW (self));

  g_clear_pointer (&self->needle, g_free);
  if (text != NULL && text[0] != '\0')
    self->needle = g_utf8_casefold (text, -1);
  strata_config_view_refilter (self);
}

void
strata_config_view_set_layer_filter (StrataConfigView *self,
                                     StrataLayer      *layer)
{
  g_return_if_fail (STRATA_IS_CONFIG_VIEW (self));

  if (self->layer_filter == layer)
    return;

  self->layer_filter = layer;
  strata_config_view_refilter (self);
}

static void
on_search_changed (StrataConfigView *self)
{
  strata_config_view_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_layer_selected (StrataConfigView *self)
{
  guint selected = gtk_drop_down_get_selected (self->layer_dropdown);
  StrataLayer *layer = NULL;

  if (self->layers != NULL && selected > 0 && selected <= self->layers->len)
    layer = g_ptr_array_index (self->layers, selected - 1);

  strata_config_view_set_layer_filter (self, layer);
}

static void
strata_config_view_fill_layers (StrataConfigView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("All Files"));
  for (guint i = 0; self->layers != NULL && i < self->layers->len; i++)
    gtk_string_list_append (names, strata_layer_get_basename (g_ptr_array_index (self->layers, i)));

  self->layer_filter = NULL;
  gtk_drop_down_set_model (self->layer_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->layer_dropdown, 0);
}

static void
strata_config_view_update_page (StrataConfigView *self)
{
  if (self->tree_model == NULL)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, self->show_text ? "text" : "tree");
}

/* Rows are named by their key path, so expansion survives a reload. */
static GHashTable *
strata_config_view_save_expansion (StrataConfigView *self)
{
  GHashTable *expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n;

  if (self->tree_model == NULL)
    return expanded;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree_model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree_model, i);
      g_autoptr(StrataNodeItem) item = gtk_tree_list_row_get_item (row);

      if (gtk_tree_list_row_get_expanded (row))
        g_hash_table_add (expanded, g_strdup (strata_node_item_get_path (item)));
    }

  return expanded;
}

static void
strata_config_view_restore_expansion (StrataConfigView *self,
                                      GHashTable       *expanded)
{
  /* Expanding a row inserts its children after it: the loop sees them. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tree_model)); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree_model, i);
      g_autoptr(StrataNodeItem) item = gtk_tree_list_row_get_item (row);

      if (g_hash_table_contains (expanded, strata_node_item_get_path (item)))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

static void
strata_config_view_close_source (StrataConfigView *self)
{
  gtk_widget_set_visible (self->source_pane, FALSE);
  self->source_layer = NULL;
  self->source_line = 0;
}

/**
 * strata_config_view_set_tree:
 * @owner: (nullable): the object that owns @root and @layers, kept alive
 * @root: (nullable): the merged tree, or %NULL for the empty state
 * @layers: (element-type StrataLayer): the files in order, for colors and the filter
 */
void
strata_config_view_set_tree (StrataConfigView *self,
                             GObject          *owner,
                             const StrataNode *root,
                             GPtrArray        *layers)
{
  g_autoptr(GHashTable) expanded = NULL;
  GtkAdjustment *vadj;
  double scroll;
  GListModel *top;
  g_autoptr(GtkSingleSelection) selection = NULL;

  g_return_if_fail (STRATA_IS_CONFIG_VIEW (self));

  vadj = gtk_scrolled_window_get_vadjustment (self->tree_scroller);
  scroll = gtk_adjustment_get_value (vadj);
  expanded = strata_config_view_save_expansion (self);

  strata_config_view_close_source (self);
  g_set_object (&self->owner, owner);
  g_clear_pointer (&self->layers, g_ptr_array_unref);
  if (layers != NULL)
    self->layers = g_ptr_array_ref (layers);
  strata_config_view_fill_layers (self);

  g_clear_object (&self->tree_model);
  gtk_widget_set_sensitive (self->toolbar, root != NULL);
  if (root == NULL)
    {
      gtk_column_view_set_model (self->column_view, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  top = filter_children (self, strata_node_item_list_root (owner, root));
  self->tree_model = gtk_tree_list_model_new (top, FALSE, self->needle != NULL,
                                              create_children, self, NULL);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree_model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  strata_config_view_restore_expansion (self, expanded);
  gtk_adjustment_set_value (vadj, scroll);
  strata_config_view_update_page (self);
}

/**
 * strata_config_view_reveal:
 * @path: a key path such as "services/django/ports/[1]"
 *
 * Expands the rows above @path and selects its row.
 *
 * Returns: (transfer full) (nullable): the row's item
 */
StrataNodeItem *
strata_config_view_reveal (StrataConfigView *self,
                           const char       *path)
{
  GListModel *model;

  g_return_val_if_fail (STRATA_IS_CONFIG_VIEW (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  model = G_LIST_MODEL (self->tree_model);
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(StrataNodeItem) item = gtk_tree_list_row_get_item (row);
      const char *item_path = strata_node_item_get_path (item);

      if (g_str_equal (item_path, path))
        {
          GtkSelectionModel *selection = gtk_column_view_get_model (self->column_view);

          gtk_selection_model_select_item (selection, i, TRUE);
          gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", i);
          return g_steal_pointer (&item);
        }
      if (g_str_has_prefix (path, item_path) && path[strlen (item_path)] == '/')
        gtk_tree_list_row_set_expanded (row, TRUE);
    }

  return NULL;
}

GListModel *
strata_config_view_get_model (StrataConfigView *self)
{
  g_return_val_if_fail (STRATA_IS_CONFIG_VIEW (self), NULL);

  return self->tree_model ? G_LIST_MODEL (self->tree_model) : NULL;
}

static void
strata_config_view_update_text (StrataConfigView *self)
{
  StrataProject *project = STRATA_PROJECT (self->project);

  if (!self->text_stale)
    return;
  self->text_stale = FALSE;
  _strata_config_text_show (self->text_view, project ? strata_project_get_normalized (project) : NULL,
                            project ? strata_project_get_layers (project) : NULL);
}

/* Shows the merged tree of @project (kept alive while rows point into it). */
void
strata_config_view_set_project (StrataConfigView *self,
                                StrataProject    *project)
{
  g_return_if_fail (STRATA_IS_CONFIG_VIEW (self));
  g_return_if_fail (project == NULL || STRATA_IS_PROJECT (project));

  g_set_object (&self->project, (GObject *) project);
  if (project == NULL)
    {
      strata_config_view_set_tree (self, NULL, NULL, NULL);
      _strata_config_text_show (self->text_view, NULL, NULL);
      self->text_stale = FALSE;
      return;
    }

  /* The text (and its blame) is made when first shown: on a large project
   * it is tens of thousands of lines. */
  self->text_stale = TRUE;
  if (self->show_text)
    strata_config_view_update_text (self);
  strata_config_view_set_tree (self, G_OBJECT (project), strata_project_get_merged (project),
                               strata_project_get_layers (project));
}

static GtkTextBuffer *
source_buffer (StrataConfigView *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view));
}

static void
strata_config_view_show_line (StrataConfigView *self,
                              guint             line)
{
  GtkTextBuffer *buffer = source_buffer (self);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "target-line", &start, &end);
  gtk_text_buffer_get_iter_at_line (buffer, &start, (int) line - 1);
  end = start;
  gtk_text_iter_forward_line (&end);
  gtk_text_buffer_apply_tag_by_name (buffer, "target-line", &start, &end);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->source_view),
                                gtk_text_buffer_get_insert (buffer), 0.0, TRUE, 0.0, 0.3);
}

/* Opens the file of @pos in the side pane, the line highlighted. The text is
 * the layer's, as it was read: no I/O here. */
void
strata_config_view_open_source (StrataConfigView     *self,
                                const StrataPosition *pos)
{
  g_autofree char *title = NULL;

  g_return_if_fail (STRATA_IS_CONFIG_VIEW (self));
  g_return_if_fail (pos != NULL);

  if (pos->layer == NULL || pos->line == 0)
    return;

  if (self->source_layer != pos->layer)
    {
      gsize length;
      const char *text = strata_layer_get_text (pos->layer, &length);

      gtk_text_buffer_set_text (source_buffer (self), text, (int) length);
      self->source_layer = pos->layer;
    }

  self->source_line = pos->line;
  title = g_strdup_printf ("%s:%u", strata_layer_get_path (pos->layer), pos->line);
  gtk_label_set_label (self->source_label, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->source_label), title);
  if (!gtk_widget_get_visible (self->source_pane))
    {
      int width = gtk_widget_get_width (GTK_WIDGET (self->paned));

      if (width > 0)
        gtk_paned_set_position (self->paned, width * 3 / 5);
      gtk_widget_set_visible (self->source_pane, TRUE);
    }
  strata_config_view_show_line (self, pos->line);
}

gboolean
strata_config_view_get_source (StrataConfigView  *self,
                               StrataLayer      **layer,
                               guint             *line)
{
  g_return_val_if_fail (STRATA_IS_CONFIG_VIEW (self), FALSE);

  if (layer != NULL)
    *layer = self->source_layer;
  if (line != NULL)
    *line = self->source_line;

  return gtk_widget_get_visible (self->source_pane) && self->source_layer != NULL;
}

static void
on_row_activate (StrataConfigView *self,
                 guint             position)
{
  g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree_model, position);
  g_autoptr(StrataNodeItem) item = NULL;
  const StrataNode *node;

  if (row == NULL)
    return;

  item = gtk_tree_list_row_get_item (row);
  node = strata_node_item_get_node (item);
  strata_config_view_open_source (self, node->kind == STRATA_NODE_SCALAR || node->key_pos.line == 0
                                        ? &node->pos : &node->key_pos);
}

static void
close_source_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  strata_config_view_close_source (STRATA_CONFIG_VIEW (widget));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (STRATA_CONFIG_VIEW (widget)->search_entry));
}

void
strata_config_view_set_show_text (StrataConfigView *self,
                                  gboolean          show_text)
{
  g_return_if_fail (STRATA_IS_CONFIG_VIEW (self));

  show_text = !!show_text;
  if (self->show_text == show_text)
    return;

  self->show_text = show_text;
  if (show_text)
    strata_config_view_update_text (self);
  strata_config_view_update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TEXT]);
}

static void
strata_config_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  StrataConfigView *self = STRATA_CONFIG_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_TEXT:
      g_value_set_boolean (value, self->show_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
strata_config_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  StrataConfigView *self = STRATA_CONFIG_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_TEXT:
      strata_config_view_set_show_text (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
strata_config_view_dispose (GObject *object)
{
  StrataConfigView *self = STRATA_CONFIG_VIEW (object);

  _strata_widget_dispose_children (GTK_WIDGET (self), STRATA_TYPE_CONFIG_VIEW);
  g_clear_object (&self->tree_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->project);
  g_clear_object (&self->owner);
  g_clear_pointer (&self->layers, g_ptr_array_unref);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (strata_config_view_parent_class)->dispose (object);
}

static void
strata_config_view_class_init (StrataConfigViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = strata_config_view_dispose;
  object_class->get_property = strata_config_view_get_property;
  object_class->set_property = strata_config_view_set_property;

  properties[PROP_SHOW_TEXT] =
    g_param_spec_boolean ("show-text", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  strata_application_register_resources ();
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/strata/Strata/strata-config-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StrataConfigView, stack);
  gtk_widget_class_bind_template_child (widget_class, StrataConfigView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, StrataConfigView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StrataConfigView, layer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StrataConfigView, column_view);
  gtk_widget_class_bind_template_child (widget_class, StrataConfigView, tree_scroller);
  gtk_widget_class_bind_template_child (widget_class, StrataConfigView, paned);
  gtk_widget_class_bind_template_child (widget_class, StrataConfigView, source_pane);
  gtk_widget_class_bind_template_child (widget_class, StrataConfigView, source_label);
  gtk_widget_class_bind_template_child (widget_class, StrataConfigView, source_view);
  gtk_widget_class_bind_template_child (widget_class, StrataConfigView, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_layer_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activate);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "config.close-source", NULL, close_source_action);
  gtk_widget_class_install_action (widget_class, "config.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_property_action (widget_class, "config.show-text", "show-text");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "config.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "config.show-text", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "config.close-source", NULL);
}

static void
strata_config_view_init (StrataConfigView *self)
{
  GtkSourceBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  _strata_config_columns_add (self, self->column_view);
  strata_config_view_fill_layers (self);

  buffer = GTK_SOURCE_BUFFER (source_buffer (self));
  strata_source_buffer_set_yaml (buffer);
  strata_source_buffer_follow_style (buffer);
  gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (buffer), "target-line",
                              "paragraph-background", "rgba(53,132,228,0.25)", NULL);
  _strata_config_text_setup (self->text_view);
}
