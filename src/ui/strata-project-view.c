/* strata-project-view.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-application.h"
#include "strata-file-watch.h"
#include "strata-ui-private.h"
#include "strata-project-view-private.h"
#include "strata-project.h"


enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The files compose reads by default; once the project model is bound, its
 * own list of layers and env files replaces this one. */
static const char * const default_files[] = {
  "compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml",
  "compose.override.yaml", "compose.override.yml",
  "docker-compose.override.yaml", "docker-compose.override.yml", ".env",
};

G_DEFINE_FINAL_TYPE (StrataProjectView, strata_project_view, GTK_TYPE_WIDGET)

/* The pages whose view shows an older project (or none): a view is bound
 * to the project when its page is first shown or its getter is called, so
 * that a large project paints its first page without building the others. */
enum {
  PAGE_SERVICES = 1 << 0,
  PAGE_CONFIGURATION = 1 << 1,
  PAGE_LAYERS = 1 << 2,
  PAGE_RESOURCES = 1 << 3,
  PAGE_LOGS = 1 << 4,
  ALL_PAGES = (1 << 5) - 1,
};

static void
strata_project_view_bind_page (StrataProjectView *self,
                               guint              page)
{
  StrataProject *project = self->project;

  if ((self->stale_pages & page) == 0)
    return;
  self->stale_pages &= ~page;
  if (page == PAGE_SERVICES)
    strata_services_view_set_project (self->services_view, project);
  else if (page == PAGE_CONFIGURATION)
    strata_config_view_set_project (self->config_view, project);
  else if (page == PAGE_LAYERS)
    strata_layers_view_set_project (self->layers_view, project);
  else if (page == PAGE_RESOURCES)
    strata_resources_view_set_project (self->resources_view, project);
  else if (page == PAGE_LOGS)
    strata_logs_view_set_project (self->logs_view, project);
}

static guint
page_of_name (const char *name)
{
  static const char * const names[] = { "services", "configuration", "layers", "resources", "logs" };

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i]))
      return 1 << i;

  return 0;
}

static void
on_visible_page_changed (StrataProjectView *self)
{
  strata_project_view_bind_page (self, page_of_name (adw_view_stack_get_visible_child_name (self->view_stack)));
}

static void
strata_project_view_bind_views (StrataProjectView *self,
                                StrataProject     *project)
{
  self->stale_pages = ALL_PAGES;
  if (project == NULL)
    {
      for (guint page = PAGE_SERVICES; page <= PAGE_LOGS; page <<= 1)
        strata_project_view_bind_page (self, page);
      return;
    }
  on_visible_page_changed (self);
  /* Cheap, and the lines it follows meanwhile need the names' widths. */
  strata_project_view_bind_page (self, PAGE_LOGS);
}

static void
strata_project_view_watch_folder (StrataProjectView *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  GPtrArray *files = self->project ? strata_project_get_config_files (self->project) : NULL;

  for (guint i = 0; files != NULL && i < files->len; i++)
    if (!g_str_equal (g_ptr_array_index (files, i), "-"))
      g_strv_builder_add (builder, g_ptr_array_index (files, i));

  for (guint i = 0; i < G_N_ELEMENTS (default_files); i++)
    {
      g_autoptr(GFile) file = g_file_get_child (self->folder, default_files[i]);
      g_autofree char *path = g_file_get_path (file);

      g_strv_builder_add (builder, path);
    }

  paths = g_strv_builder_end (builder);
  strata_file_watch_set_paths (self->watch, (const char * const *) paths);
}

/* A load that failed as a whole shows as one problem without a place. */
static GPtrArray *
diagnostics_from_error (const GError *error)
{
  GPtrArray *diagnostics = strata_diagnostics_new ();
  StrataPosition nowhere = { NULL, 0, 0 };

  g_ptr_array_add (diagnostics, strata_diagnostic_new (STRATA_SEVERITY_ERROR, &nowhere, NULL,
                                                       "%s", error->message));
  return diagnostics;
}

static void
strata_project_view_set_project (StrataProjectView *self,
                                 StrataProject     *project,
                                 const GError      *error)
{
  g_autoptr(GPtrArray) failure = error ? diagnostics_from_error (error) : NULL;

  if (g_set_object (&self->project, project))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);

  if (project != NULL)
    adw_view_switcher_title_set_title (self->switcher_title, strata_project_get_name (project));
  strata_project_view_bind_views (self, project);
  strata_diagnostics_bar_set_diagnostics (self->diagnostics_bar,
                                          project ? strata_project_get_diagnostic_list (project) : failure);
  strata_project_view_watch_folder (self);
  _strata_project_view_engine_bind (self);
}

static void
on_project_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(StrataProjectView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataProject) project = strata_project_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->n_reloads++;
  strata_project_view_set_project (self, project, error);
}

/* Reads the files again, in a thread; the views keep their expansion and
 * scroll when the new snapshot arrives. */
void
strata_project_view_reload (StrataProjectView *self)
{
  g_autoptr(StrataLoadOptions) options = NULL;

  g_return_if_fail (STRATA_IS_PROJECT_VIEW (self));

  if (self->folder == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (!strata_engine_session_is_ready (self->session))
    strata_engine_session_start (self->session);

  options = strata_load_options_new ();
  options->cwd = g_file_get_path (self->folder);
  for (guint i = 0; self->files != NULL && self->files[i] != NULL; i++)
    {
      if (options->files == NULL)
        options->files = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (options->files, g_strdup (self->files[i]));
    }
  strata_project_load_async (options, self->cancellable, on_project_loaded, g_object_ref (self));
}

StrataProject *
strata_project_view_get_project (StrataProjectView *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT_VIEW (self), NULL);

  return self->project;
}

guint
strata_project_view_get_n_reloads (StrataProjectView *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT_VIEW (self), 0);

  return self->n_reloads;
}

void
strata_project_view_set_folder (StrataProjectView *self,
                                GFile             *folder)
{
  strata_project_view_set_folder_with_files (self, folder, NULL);
}

/**
 * strata_project_view_set_folder_with_files:
 * @files: (nullable): the compose files, as `-f` takes them (relative to
 *   @folder, or absolute), in order; %NULL for compose's defaults
 */
void
strata_project_view_set_folder_with_files (StrataProjectView  *self,
                                           GFile              *folder,
                                           const char * const *files)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (STRATA_IS_PROJECT_VIEW (self));
  g_return_if_fail (G_IS_FILE (folder));

  g_set_object (&self->folder, folder);
  g_strfreev (self->files);
  self->files = files && files[0] ? g_strdupv ((char **) files) : NULL;
  path = g_file_get_path (folder);
  name = g_file_get_basename (folder);

  adw_view_switcher_title_set_title (self->switcher_title, name);
  adw_view_switcher_title_set_subtitle (self->switcher_title, path);
  strata_sidebar_set_active_path (self->sidebar, path);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  strata_project_view_set_project (self, NULL, NULL);
  if (strata_engine_session_get_endpoint (self->session) == NULL
      && strata_engine_session_get_error (self->session) == NULL)
    strata_engine_session_start (self->session);
  self->n_reloads = 0;
  strata_project_view_reload (self);
}

GFile *
strata_project_view_get_folder (StrataProjectView *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT_VIEW (self), NULL);

  return self->folder;
}

const char *
strata_project_view_get_visible_page (StrataProjectView *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT_VIEW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/* A problem's place opens in the configuration view's source pane. */
static void
on_position_activated (StrataProjectView    *self,
                       const StrataPosition *pos)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "configuration");
  strata_config_view_open_source (self->config_view, pos);
}

/* An operation (Up, Down, Tear Down) ends with a toast saying what it did. */
static void
on_operation_finished (StrataProjectView   *self,
                       StrataProgressPanel *panel)
{
  g_autofree char *summary = strata_progress_panel_dup_summary (panel);

  if (summary != NULL)
    _strata_widget_add_toast (GTK_WIDGET (self), summary);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StrataProjectView *self = STRATA_PROJECT_VIEW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* The Logs view, following @service. */
static void
show_logs_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StrataProjectView *self = STRATA_PROJECT_VIEW (widget);

  strata_logs_view_follow_service (self->logs_view, g_variant_get_string (parameter, NULL));
  adw_view_stack_set_visible_child_name (self->view_stack, "logs");
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StrataProjectView *self = STRATA_PROJECT_VIEW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  strata_project_view_reload (STRATA_PROJECT_VIEW (widget));
}

static void
strata_project_view_dispose (GObject *object)
{
  StrataProjectView *self = STRATA_PROJECT_VIEW (object);

  _strata_widget_dispose_children (GTK_WIDGET (self), STRATA_TYPE_PROJECT_VIEW);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->files, g_strfreev);
  g_clear_object (&self->watch);
  g_clear_object (&self->project);
  _strata_project_view_engine_dispose (self);

  G_OBJECT_CLASS (strata_project_view_parent_class)->dispose (object);
}

static void
strata_project_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  StrataProjectView *self = STRATA_PROJECT_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_page_shortcut (GtkWidgetClass *widget_class,
                   guint           key,
                   const char     *page)
{
  gtk_widget_class_add_binding_action (widget_class, key, GDK_ALT_MASK, "project.show-page", "s", page);
}

static void
strata_project_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "project.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "project.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "project.show-logs", "s", show_logs_action);
  gtk_widget_class_install_action (widget_class, "project.reload", NULL, reload_action);
  _strata_project_view_install_up_action (widget_class);
  _strata_project_view_install_engine_actions (widget_class);

  add_page_shortcut (widget_class, GDK_KEY_1, "services");
  add_page_shortcut (widget_class, GDK_KEY_2, "configuration");
  add_page_shortcut (widget_class, GDK_KEY_3, "layers");
  add_page_shortcut (widget_class, GDK_KEY_4, "resources");
  add_page_shortcut (widget_class, GDK_KEY_5, "logs");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "project.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "project.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_U, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "project.up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_D, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "project.down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "project.tear-down", NULL);
}

static void
strata_project_view_class_init (StrataProjectViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = strata_project_view_dispose;
  object_class->get_property = strata_project_view_get_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, STRATA_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  strata_application_register_resources ();
  g_type_ensure (STRATA_TYPE_SIDEBAR);
  g_type_ensure (STRATA_TYPE_DIAGNOSTICS_BAR);
  g_type_ensure (STRATA_TYPE_PROGRESS_PANEL);
  g_type_ensure (STRATA_TYPE_SERVICES_VIEW);
  g_type_ensure (STRATA_TYPE_CONFIG_VIEW);
  g_type_ensure (STRATA_TYPE_LAYERS_VIEW);
  g_type_ensure (STRATA_TYPE_RESOURCES_VIEW);
  g_type_ensure (STRATA_TYPE_LOGS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/strata/Strata/strata-project-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StrataProjectView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, StrataProjectView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, StrataProjectView, header_bar);
  gtk_widget_class_bind_template_child (widget_class, StrataProjectView, back_button);
  gtk_widget_class_bind_template_child (widget_class, StrataProjectView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, StrataProjectView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, StrataProjectView, diagnostics_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_position_activated);
  gtk_widget_class_bind_template_child (widget_class, StrataProjectView, progress_panel);
  gtk_widget_class_bind_template_callback (widget_class, on_operation_finished);
  gtk_widget_class_bind_template_child (widget_class, StrataProjectView, services_view);
  gtk_widget_class_bind_template_child (widget_class, StrataProjectView, config_view);
  gtk_widget_class_bind_template_child (widget_class, StrataProjectView, layers_view);
  gtk_widget_class_bind_template_child (widget_class, StrataProjectView, resources_view);
  gtk_widget_class_bind_template_child (widget_class, StrataProjectView, logs_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  strata_project_view_install_actions (widget_class);
}

static void
strata_project_view_init (StrataProjectView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->watch = strata_file_watch_new ();
  g_signal_connect_object (self->watch, "changed", G_CALLBACK (strata_project_view_reload),
                           self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->leaflet, "folded", self->back_button, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->leaflet, "folded", self->header_bar, "show-start-title-buttons",
                          G_BINDING_SYNC_CREATE);
  strata_sidebar_bind_folded (self->sidebar, G_OBJECT (self->leaflet));

  g_signal_connect_object (self->view_stack, "notify::visible-child-name", G_CALLBACK (on_visible_page_changed),
                           self, G_CONNECT_SWAPPED);
  _strata_project_view_engine_init (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.up", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.down", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "project.tear-down", FALSE);
}

#define DEFINE_VIEW_GETTER(Type, name) \
  Type * \
  strata_project_view_get_##name (StrataProjectView *self) \
  { \
    g_return_val_if_fail (STRATA_IS_PROJECT_VIEW (self), NULL); \
    return self->name; \
  }

/* These views show the current project once asked for. */
#define DEFINE_PAGE_GETTER(Type, name, page) \
  Type * \
  strata_project_view_get_##name (StrataProjectView *self) \
  { \
    g_return_val_if_fail (STRATA_IS_PROJECT_VIEW (self), NULL); \
    strata_project_view_bind_page (self, page); \
    return self->name; \
  }

DEFINE_VIEW_GETTER (StrataSidebar, sidebar)
DEFINE_VIEW_GETTER (StrataDiagnosticsBar, diagnostics_bar)
DEFINE_VIEW_GETTER (StrataProgressPanel, progress_panel)
DEFINE_PAGE_GETTER (StrataServicesView, services_view, PAGE_SERVICES)
DEFINE_PAGE_GETTER (StrataConfigView, config_view, PAGE_CONFIGURATION)
DEFINE_PAGE_GETTER (StrataLayersView, layers_view, PAGE_LAYERS)
DEFINE_PAGE_GETTER (StrataResourcesView, resources_view, PAGE_RESOURCES)
DEFINE_PAGE_GETTER (StrataLogsView, logs_view, PAGE_LOGS)
