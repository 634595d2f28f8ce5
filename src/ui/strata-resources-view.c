/* strata-resources-view.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The networks, volumes and images the files declare, each with what the
 * engine says of it: created (with its id), not created, or, for one the
 * engine has under the project's label but the files no longer declare,
 * orphaned. Without an engine the declared ones show as not created. The
 * lists are rebuilt (once per main loop iteration) when either side changes.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-application.h"
#include "strata-engine-project.h"
#include "strata-project.h"
#include "strata-resources-view.h"
#include "strata-ui-private.h"

struct _StrataResourcesView
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  GtkLabel            *engine_note;
  GtkListBox          *networks_list;
  GtkListBox          *volumes_list;
  GtkListBox          *images_list;

  /* Owned references */
  StrataProject       *project;
  StrataEngineProject *live;
  char                *engine_message;

  guint                rebuild_source;
};

G_DEFINE_FINAL_TYPE (StrataResourcesView, strata_resources_view, GTK_TYPE_WIDGET)

typedef enum
{
  STATE_NONE,          /* nothing known (images without an engine) */
  STATE_NOT_CREATED,
  STATE_CREATED,
  STATE_IN_USE,
  STATE_NOT_IN_USE,
  STATE_EXTERNAL,
  STATE_ORPHANED,
} ResourceState;

static GtkWidget *
badge_new (ResourceState state)
{
  static const struct { const char *label; const char *css; const char *tooltip; } badges[] = {
    [STATE_NOT_CREATED] = { N_("Not created"), "dim-label", N_("Up creates it") },
    [STATE_CREATED] = { N_("Created"), "success", NULL },
    [STATE_IN_USE] = { N_("In use"), "success", N_("A container of the project runs from it") },
    [STATE_NOT_IN_USE] = { N_("Not in use"), "dim-label", N_("No container of the project uses it") },
    [STATE_EXTERNAL] = { N_("External"), NULL, N_("Not created or removed by this project") },
    [STATE_ORPHANED] = { N_("Orphaned"), "warning", N_("The engine has it under this project, but the files no longer declare it") },
  };
  GtkWidget *badge = gtk_label_new (_(badges[state].label));

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "state-badge");
  gtk_widget_add_css_class (badge, "caption");
  if (badges[state].css != NULL)
    gtk_widget_add_css_class (badge, badges[state].css);
  if (badges[state].tooltip != NULL)
    gtk_widget_set_tooltip_text (badge, _(badges[state].tooltip));

  return badge;
}

static void
add_row (GtkListBox    *list,
         const char    *icon,
         const char    *name,
         const char    *subtitle,
         ResourceState  state)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (name, -1);
  g_autofree char *escaped = subtitle ? g_markup_escape_text (subtitle, -1) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped ? escaped : "");
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon);
  if (state != STATE_NONE)
    {
      GtkWidget *badge = badge_new (state);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      g_object_set_data_full (G_OBJECT (row), "state", g_strdup (gtk_label_get_label (GTK_LABEL (badge))), g_free);
    }
  gtk_widget_set_name (row, name);
  gtk_list_box_append (list, row);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The engine's resource of that name, removed from @pending (name → resource). */
static StrataResource *
take_live (GHashTable *pending,
           const char *name)
{
  StrataResource *found = name ? g_hash_table_lookup (pending, name) : NULL;

  if (found != NULL)
    g_hash_table_steal (pending, name);

  return found;
}

static GHashTable *
live_by_name (GListModel *model)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      StrataResource *resource = g_list_model_get_item (model, i);

      g_hash_table_insert (table, (gpointer) strata_resource_get_name (resource), resource);
    }

  return table;
}

static void
add_orphans (GtkListBox *list,
             const char *icon,
             GHashTable *pending)
{
  GHashTableIter iter;
  gpointer resource;

  g_hash_table_iter_init (&iter, pending);
  while (g_hash_table_iter_next (&iter, NULL, &resource))
    add_row (list, icon, strata_resource_get_name (resource), strata_resource_get_key (resource), STATE_ORPHANED);
}

static ResourceState
declared_state (StrataResourcesView *self,
                gboolean             external,
                StrataResource      *live)
{
  if (external)
    return STATE_EXTERNAL;

  return live != NULL ? STATE_CREATED : STATE_NOT_CREATED;
}

static char *
with_id (const char     *text,
         StrataResource *live)
{
  const char *id = live ? strata_resource_get_id (live) : NULL;

  if (id == NULL || strata_resource_get_kind (live) == STRATA_RESOURCE_VOLUME)
    return g_strdup (text);

  return g_strdup_printf ("%s  ·  %.12s", text, id);
}

static void
rebuild_networks (StrataResourcesView *self)
{
  GListModel *declared = strata_project_get_networks (self->project);
  g_autoptr(GHashTable) pending = live_by_name (self->live ? strata_engine_project_get_networks (self->live) : NULL);

  clear_list (self->networks_list);
  for (guint i = 0; i < g_list_model_get_n_items (declared); i++)
    {
      g_autoptr(StrataNetworkItem) network = g_list_model_get_item (declared, i);
      g_autoptr(StrataResource) live = take_live (pending, strata_network_item_get_name (network));
      const char *driver = strata_network_item_get_driver (network);
      g_autofree char *driver_text = g_strdup_printf (_("Driver %s"), driver ? driver : "bridge");
      g_autofree char *subtitle = with_id (driver_text, live);

      add_row (self->networks_list, "network-wired-symbolic", strata_network_item_get_name (network), subtitle,
               declared_state (self, strata_network_item_get_external (network), live));
    }
  add_orphans (self->networks_list, "network-wired-symbolic", pending);
}

static void
rebuild_volumes (StrataResourcesView *self)
{
  GListModel *declared = strata_project_get_volumes (self->project);
  g_autoptr(GHashTable) pending = live_by_name (self->live ? strata_engine_project_get_volumes (self->live) : NULL);

  clear_list (self->volumes_list);
  for (guint i = 0; i < g_list_model_get_n_items (declared); i++)
    {
      g_autoptr(StrataVolumeItem) volume = g_list_model_get_item (declared, i);
      g_autoptr(StrataResource) live = take_live (pending, strata_volume_item_get_name (volume));
      const char * const *mounted = strata_volume_item_get_mounted_by (volume);
      g_autofree char *services = mounted && mounted[0] ? g_strjoinv (", ", (char **) mounted) : NULL;
      g_autofree char *subtitle = services ? g_strdup_printf (_("Mounted by %s"), services)
                                           : g_strdup (_("Mounted by no service"));

      add_row (self->volumes_list, "drive-harddisk-symbolic", strata_volume_item_get_name (volume), subtitle,
               declared_state (self, strata_volume_item_get_external (volume), live));
    }
  add_orphans (self->volumes_list, "drive-harddisk-symbolic", pending);
}

/* The images the project's containers run from: reference → image id.
 * (Several references may name one image, so the engine's image list,
 * one entry per id, cannot tell which reference a service uses.) */
static GHashTable *
images_in_use (StrataResourcesView *self)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GListModel *containers = self->live ? strata_engine_project_get_containers (self->live) : NULL;

  for (guint i = 0; containers != NULL && i < g_list_model_get_n_items (containers); i++)
    {
      g_autoptr(StrataContainer) c = g_list_model_get_item (containers, i);

      if (strata_container_get_image (c) != NULL)
        g_hash_table_insert (table, g_strdup (strata_container_get_image (c)),
                             g_strdup (strata_container_get_image_id (c) ? strata_container_get_image_id (c) : ""));
    }

  return table;
}

static void
rebuild_images (StrataResourcesView *self)
{
  GListModel *services = strata_project_get_services (self->project);
  g_autoptr(GHashTable) live = images_in_use (self);

  clear_list (self->images_list);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(StrataServiceItem) service = g_list_model_get_item (services, i);
      const char *image = strata_service_item_get_image (service);
      const char *used = image ? g_hash_table_lookup (live, image) : NULL;
      g_autofree char *text = strata_service_item_get_has_build (service)
                              ? g_strdup_printf (_("Built here for %s"), strata_service_item_get_name (service))
                              : g_strdup_printf (_("Used by %s"), strata_service_item_get_name (service));
      g_autofree char *subtitle = used ? g_strdup_printf ("%s  ·  %.19s", text, used) : g_strdup (text);
      ResourceState state = self->engine_message != NULL ? STATE_NONE
                            : used ? STATE_IN_USE : STATE_NOT_IN_USE;

      add_row (self->images_list, "image-x-generic-symbolic",
               image ? image : strata_service_item_get_name (service), subtitle, state);
    }
}

static gboolean
rebuild (gpointer data)
{
  StrataResourcesView *self = data;

  self->rebuild_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->engine_note), self->engine_message != NULL);
  gtk_stack_set_visible_child_name (self->stack, self->project ? "list" : "empty");
  if (self->project == NULL)
    return G_SOURCE_REMOVE;

  rebuild_networks (self);
  rebuild_volumes (self);
  rebuild_images (self);

  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (StrataResourcesView *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add_full (G_PRIORITY_DEFAULT, rebuild, self, NULL);
}

static void
strata_resources_view_dispose (GObject *object)
{
  StrataResourcesView *self = STRATA_RESOURCES_VIEW (object);

  strata_resources_view_set_live (self, NULL);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  _strata_widget_dispose_children (GTK_WIDGET (self), STRATA_TYPE_RESOURCES_VIEW);
  g_clear_object (&self->project);
  g_clear_pointer (&self->engine_message, g_free);

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
  gtk_widget_class_bind_template_child (widget_class, StrataResourcesView, engine_note);
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

void
strata_resources_view_set_project (StrataResourcesView *self,
                                   StrataProject       *project)
{
  g_return_if_fail (STRATA_IS_RESOURCES_VIEW (self));

  if (g_set_object (&self->project, project))
    queue_rebuild (self);
}

/**
 * strata_resources_view_set_live:
 * @live: (nullable): the project's state on the engine, when it has any
 */
void
strata_resources_view_set_live (StrataResourcesView *self,
                                StrataEngineProject *live)
{
  GListModel *models[3];

  g_return_if_fail (STRATA_IS_RESOURCES_VIEW (self));

  if (self->live == live)
    return;
  if (self->live != NULL)
    {
      models[0] = strata_engine_project_get_networks (self->live);
      models[1] = strata_engine_project_get_volumes (self->live);
      models[2] = strata_engine_project_get_containers (self->live);
      for (guint i = 0; i < G_N_ELEMENTS (models); i++)
        g_signal_handlers_disconnect_by_data (models[i], self);
    }
  g_set_object (&self->live, live);
  if (live != NULL)
    {
      models[0] = strata_engine_project_get_networks (live);
      models[1] = strata_engine_project_get_volumes (live);
      models[2] = strata_engine_project_get_containers (live);
      for (guint i = 0; i < G_N_ELEMENTS (models); i++)
        g_signal_connect_object (models[i], "items-changed", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
    }
  queue_rebuild (self);
}

/**
 * strata_resources_view_set_engine_error:
 * @endpoint: (nullable): the endpoint tried, as a URI
 * @message: (nullable): what went wrong and what to do, or %NULL when the
 *   engine answers again
 *
 * Without an engine the declared resources still show, as not created,
 * under a note naming the endpoint tried.
 */
void
strata_resources_view_set_engine_error (StrataResourcesView *self,
                                        const char          *endpoint,
                                        const char          *message)
{
  g_autofree char *note = NULL;

  g_return_if_fail (STRATA_IS_RESOURCES_VIEW (self));

  if (g_strcmp0 (self->engine_message, message) == 0)
    return;
  g_free (self->engine_message);
  self->engine_message = g_strdup (message);
  if (message != NULL)
    {
      note = g_strdup_printf (_("No engine answers at %s: these are the resources the files declare."),
                              endpoint ? endpoint : _("the default endpoint"));
      gtk_label_set_label (self->engine_note, note);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->engine_note), message);
    }
  queue_rebuild (self);
}

/* For tests: the badge of the row named @name in @section
 * ("networks", "volumes", "images"), or NULL. */
const char *
strata_resources_view_get_state (StrataResourcesView *self,
                                 const char          *section,
                                 const char          *name)
{
  GtkListBox *list;

  g_return_val_if_fail (STRATA_IS_RESOURCES_VIEW (self), NULL);

  if (self->rebuild_source != 0)
    {
      g_clear_handle_id (&self->rebuild_source, g_source_remove);
      rebuild (self);
    }
  list = g_str_equal (section, "networks") ? self->networks_list
       : g_str_equal (section, "volumes") ? self->volumes_list : self->images_list;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      return g_object_get_data (G_OBJECT (row), "state") ? g_object_get_data (G_OBJECT (row), "state") : "";

  return NULL;
}
