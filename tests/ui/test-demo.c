/* test-demo.c: the window on the demo project, checked through the views'
 * models and actions, under Xvfb
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "strata-application.h"
#include "strata-test-ui.h"
#include "strata-change-entry.h"
#include "strata-project.h"
#include "strata-window.h"

static StrataApplication *app;

typedef struct
{
  StrataWindow      *window;
  StrataProjectView *view;
} Fixture;

static gboolean
on_timeout (gpointer user_data)
{
  g_error ("the demo project did not load within 10 s");
  return G_SOURCE_REMOVE;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) demo = g_file_new_for_path (g_getenv ("STRATA_DEMO_DIR"));
  guint timeout;

  fixture->window = strata_window_new (app);
  gtk_window_present (GTK_WINDOW (fixture->window));
  strata_window_open_folder (fixture->window, demo);
  fixture->view = strata_window_get_project_view (fixture->window);

  timeout = g_timeout_add_seconds (10, on_timeout, NULL);
  while (strata_project_view_get_n_reloads (fixture->view) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  g_assert_nonnull (strata_project_view_get_project (fixture->view));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The tree credits `command` to the override file, and says what it hid. */
static void
test_command_credited_to_override (Fixture       *fixture,
                                   gconstpointer  data)
{
  StrataConfigView *config = strata_project_view_get_config_view (fixture->view);
  g_autoptr(StrataNodeItem) item = NULL;
  g_autofree char *source = NULL;
  g_autofree char *shadowed = NULL;
  StrataLayer *layer = NULL;
  guint line = 0;

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "project.show-page", "s", "configuration");
  item = strata_config_view_reveal (config, "services/django/command");
  g_assert_nonnull (item);

  source = strata_node_item_dup_source (item);
  g_assert_cmpstr (source, ==, "docker-compose.override.yml:13");
  g_assert_cmpstr (strata_node_item_get_origin_label (item), ==, "overridden");
  shadowed = strata_node_item_dup_shadowed (item);
  g_assert_true (g_str_has_prefix (shadowed, "was docker-compose.yml:19"));

  /* Activating the value opens its file at its line. */
  strata_config_view_open_source (config, &strata_node_item_get_node (item)->pos);
  g_assert_true (strata_config_view_get_source (config, &layer, &line));
  g_assert_cmpstr (strata_layer_get_basename (layer), ==, "docker-compose.override.yml");
  g_assert_cmpuint (line, ==, 13);
}

/* Filtering by the override shows what it contributes, and nothing else. */
static void
test_filter_by_override (Fixture       *fixture,
                         gconstpointer  data)
{
  StrataConfigView *config = strata_project_view_get_config_view (fixture->view);
  GPtrArray *layers = strata_project_get_layers (strata_project_view_get_project (fixture->view));
  g_autoptr(StrataNodeItem) command = NULL;
  g_autoptr(StrataNodeItem) image = NULL;

  g_assert_cmpuint (layers->len, ==, 2);
  strata_config_view_set_layer_filter (config, g_ptr_array_index (layers, 1));
  command = strata_config_view_reveal (config, "services/django/command");
  image = strata_config_view_reveal (config, "services/django/image");
  g_assert_nonnull (command);
  g_assert_null (image);
}

static StrataChangeEntry *
find_entry (GListModel *entries,
            gboolean    warning,
            const char *needle)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(StrataChangeEntry) entry = g_list_model_get_item (entries, i);
      const char *text = warning ? strata_change_entry_get_message (entry) : strata_change_entry_get_path (entry);

      if (strata_change_entry_is_warning (entry) == warning && strstr (text, needle) != NULL)
        return g_steal_pointer (&entry);
    }

  return NULL;
}

/* The Layers view lists port 8001 as appended, and the trap with its fix. */
static void
test_layers_port_appended_with_trap (Fixture       *fixture,
                                     gconstpointer  data)
{
  StrataLayersView *layers = strata_project_view_get_layers_view (fixture->view);
  GListModel *entries = strata_layers_view_get_entries (layers);
  g_autoptr(StrataChangeEntry) port = find_entry (entries, FALSE, "services.django.ports[1]");
  g_autoptr(StrataChangeEntry) trap = find_entry (entries, TRUE, "8001:8000");

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "project.show-page", "s", "layers");
  g_assert_nonnull (port);
  g_assert_cmpint (strata_change_entry_get_kind (port), ==, STRATA_CHANGE_APPENDED);
  g_assert_cmpstr (strata_change_entry_get_after (port), ==, "8001:8000");
  g_assert_cmpstr (strata_change_entry_get_file (port), ==, "docker-compose.override.yml");

  g_assert_nonnull (trap);
  g_assert_nonnull (strstr (strata_change_entry_get_hint (trap), "!reset"));
}

static gboolean
engine_settled (StrataServicesView *services)
{
  return g_strcmp0 (strata_services_view_get_visible_page (services), "no-engine") == 0;
}

/* With no engine, Services says which endpoint was tried and what to do,
 * and the configuration views still work. */
static void
test_no_engine (Fixture       *fixture,
                gconstpointer  data)
{
  StrataServicesView *services = strata_project_view_get_services_view (fixture->view);
  guint timeout = g_timeout_add_seconds (10, on_timeout, NULL);

  while (!engine_settled (services))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);

  g_assert_nonnull (strstr (strata_services_view_get_engine_description (services),
                            "unix:///nonexistent/strata-ui-test.sock"));
  g_assert_nonnull (strata_config_view_get_model (strata_project_view_get_config_view (fixture->view)));
}

/* Without an engine the Resources view lists what the files declare, as
 * not created (external ones as external), under a note naming the endpoint. */
static void
test_resources_without_engine (Fixture       *fixture,
                               gconstpointer  data)
{
  StrataResourcesView *resources = strata_project_view_get_resources_view (fixture->view);
  StrataServicesView *services = strata_project_view_get_services_view (fixture->view);
  guint timeout = g_timeout_add_seconds (10, on_timeout, NULL);

  while (!engine_settled (services))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "project.show-page", "s", "resources");
  g_assert_cmpstr (strata_resources_view_get_state (resources, "networks", "demo_default"), ==, "Not created");
  g_assert_cmpstr (strata_resources_view_get_state (resources, "volumes", "demo_pgdata"), ==, "Not created");
  g_assert_cmpstr (strata_resources_view_get_state (resources, "volumes", "demo_static"), ==, "Not created");
  g_assert_cmpstr (strata_resources_view_get_state (resources, "images", "postgres:15"), ==, "");
  g_assert_null (strata_resources_view_get_state (resources, "volumes", "demo_nothing"));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  strata_test_ui_init (&argc, &argv);

  app = strata_test_ui_new_app ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/demo/command-credited-to-override", test_command_credited_to_override);
  ADD ("/demo/filter-by-override", test_filter_by_override);
  ADD ("/demo/layers-port-appended-with-trap", test_layers_port_appended_with_trap);
  if (g_getenv ("STRATA_TEST_DOCKER_HOST") == NULL)
    {
      ADD ("/demo/no-engine", test_no_engine);
      ADD ("/demo/resources-without-engine", test_resources_without_engine);
    }
#undef ADD

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
