/* test-config-view.c: the configuration view over a merged tree, under Xvfb
 *
 * The tree here is a small one built with the node API (the merge itself is
 * tested in tests/unit/); what is checked is what the view makes of the
 * provenance: credits, shadowed values, the layer filter, search and the
 * source pane.
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "strata-application.h"
#include "strata-test-ui.h"
#include "strata-config-view.h"
#include "strata-node-item.h"
#include "strata-test-screenshot.h"

typedef struct
{
  GtkWindow        *window;
  StrataConfigView *view;
  GPtrArray        *layers;
  StrataNode       *root;
} Fixture;

static StrataLayer *
load_layer (const char      *name,
            StrataLayerRole  role)
{
  g_autofree char *path = g_build_filename (g_getenv ("STRATA_DEMO_DIR"), name, NULL);
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  return strata_layer_new (path, text, length, role);
}

static StrataNode *
scalar_at (StrataLayer *layer,
           guint        line,
           const char  *text)
{
  StrataPosition pos = { layer, line, 7 };

  return strata_node_new_scalar (&pos, text, STRATA_VALUE_STRING);
}

/* services.django.{command,ports} as the demo's two files merge them. */
static StrataNode *
build_tree (StrataLayer *base,
            StrataLayer *override)
{
  StrataPosition at_root = { base, 4, 1 }, at_django = { base, 6, 5 }, at_ports = { base, 18, 7 };
  StrataPosition shadowed = { base, 19, 5 };
  StrataNode *root = strata_node_new_mapping (&at_root);
  StrataNode *services = strata_node_new_mapping (&at_root);
  StrataNode *django = strata_node_new_mapping (&at_django);
  StrataNode *ports = strata_node_new_sequence (&at_ports);
  StrataNode *command = scalar_at (override, 13, "/srv/www/project/bin/run-dev.sh");
  StrataNode *dev_port = scalar_at (override, 12, "8001:8000");

  command->origin = STRATA_ORIGIN_OVERRIDDEN;
  strata_node_add_shadowed (command, &shadowed);
  dev_port->origin = STRATA_ORIGIN_APPENDED;
  strata_node_append (ports, scalar_at (base, 18, "8000:8000"));
  strata_node_append (ports, dev_port);
  strata_node_set (django, "image", scalar_at (base, 6, "project/portal:local"));
  strata_node_set (django, "ports", ports);
  strata_node_set (django, "command", command);
  strata_node_set (services, "django", django);
  strata_node_set (services, "memcached", strata_node_new_mapping (&at_django));
  strata_node_set (strata_node_lookup (services, "memcached"), "command",
                   scalar_at (base, 31, "memcached -m 64"));
  strata_node_set (root, "services", services);

  return root;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  StrataLayer *base = load_layer ("docker-compose.yml", STRATA_LAYER_ROLE_BASE);
  StrataLayer *override = load_layer ("docker-compose.override.yml", STRATA_LAYER_ROLE_OVERRIDE);

  fixture->layers = g_ptr_array_new_with_free_func ((GDestroyNotify) strata_layer_unref);
  g_ptr_array_add (fixture->layers, base);
  g_ptr_array_add (fixture->layers, override);
  fixture->root = build_tree (base, override);

  fixture->view = g_object_new (STRATA_TYPE_CONFIG_VIEW, NULL);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 600);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  strata_config_view_set_tree (fixture->view, NULL, fixture->root, fixture->layers);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_pointer (&fixture->root, strata_node_free);
  g_clear_pointer (&fixture->layers, g_ptr_array_unref);
}

/* The row whose key path is @path, expanding the rows above it. */
static StrataNodeItem *
find_row (StrataConfigView *view,
          const char       *path,
          guint            *position)
{
  GListModel *model = strata_config_view_get_model (view);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(StrataNodeItem) item = gtk_tree_list_row_get_item (row);
      const char *item_path = strata_node_item_get_path (item);

      if (g_strcmp0 (item_path, path) == 0)
        {
          if (position != NULL)
            *position = i;
          return g_steal_pointer (&item);
        }
      if (g_str_has_prefix (path, item_path) && path[strlen (item_path)] == '/')
        gtk_tree_list_row_set_expanded (row, TRUE);
    }

  return NULL;
}

static void
test_command_credited_to_override (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(StrataNodeItem) item = find_row (fixture->view, "services/django/command", NULL);
  g_autofree char *source = NULL;
  g_autofree char *shadowed = NULL;

  g_assert_nonnull (item);
  source = strata_node_item_dup_source (item);
  g_assert_cmpstr (source, ==, "docker-compose.override.yml:13");
  g_assert_cmpstr (strata_node_item_get_origin_label (item), ==, "overridden");
  shadowed = strata_node_item_dup_shadowed (item);
  g_assert_cmpstr (shadowed, ==, "was docker-compose.yml:19  command: newrelic-admin run-program "
                                 "/usr/local/bin/uwsgi --ini /srv/www/project/wsgi.py");
}

static void
test_layer_filter (Fixture       *fixture,
                   gconstpointer  data)
{
  StrataNodeItem *item;

  strata_config_view_set_layer_filter (fixture->view, g_ptr_array_index (fixture->layers, 1));
  item = find_row (fixture->view, "services/django/command", NULL);
  g_assert_nonnull (item);
  g_object_unref (item);
  g_assert_null (find_row (fixture->view, "services/memcached", NULL));
  g_assert_null (find_row (fixture->view, "services/django/image", NULL));

  strata_config_view_set_layer_filter (fixture->view, NULL);
  item = find_row (fixture->view, "services/memcached", NULL);
  g_assert_nonnull (item);
  g_object_unref (item);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  StrataNodeItem *item;

  strata_config_view_set_search (fixture->view, "8001");
  item = find_row (fixture->view, "services/django/ports/[1]", NULL);
  g_assert_nonnull (item);
  g_object_unref (item);
  g_assert_null (find_row (fixture->view, "services/django/ports/[0]", NULL));
  g_assert_null (find_row (fixture->view, "services/memcached", NULL));
}

static void
test_activate_opens_source (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(StrataNodeItem) item = NULL;
  StrataLayer *layer = NULL;
  guint position = 0, line = 0;

  item = find_row (fixture->view, "services/django/ports/[1]", &position);
  g_assert_nonnull (item);
  g_assert_false (strata_config_view_get_source (fixture->view, NULL, NULL));

  strata_test_wait_frames (GTK_WIDGET (fixture->window), 2);
  strata_config_view_open_source (fixture->view, &strata_node_item_get_node (item)->pos);
  g_assert_true (strata_config_view_get_source (fixture->view, &layer, &line));
  g_assert_true (layer == g_ptr_array_index (fixture->layers, 1));
  g_assert_cmpuint (line, ==, 12);

  if (g_getenv ("STRATA_TEST_PNG") != NULL)
    {
      strata_test_wait_frames (GTK_WIDGET (fixture->window), 3);
      g_assert_true (strata_test_save_png (GTK_WIDGET (fixture->window), g_getenv ("STRATA_TEST_PNG"), NULL));
    }

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "config.close-source", NULL);
  g_assert_false (strata_config_view_get_source (fixture->view, NULL, NULL));
}

static void
test_reload_keeps_expansion (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(StrataNodeItem) before = find_row (fixture->view, "services/django/command", NULL);
  g_autoptr(StrataNode) copy = strata_node_copy (fixture->root);
  GListModel *model;
  guint n_before;

  g_assert_nonnull (before);
  model = strata_config_view_get_model (fixture->view);
  n_before = g_list_model_get_n_items (model);

  strata_config_view_set_tree (fixture->view, NULL, copy, fixture->layers);
  model = strata_config_view_get_model (fixture->view);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_before);
  strata_config_view_set_tree (fixture->view, NULL, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) provider = NULL;

  strata_test_ui_init (&argc, &argv);
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/strata/Strata/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/config-view/command-credited-to-override", test_command_credited_to_override);
  ADD ("/config-view/layer-filter", test_layer_filter);
  ADD ("/config-view/search", test_search);
  ADD ("/config-view/activate-opens-source", test_activate_opens_source);
  ADD ("/config-view/reload-keeps-expansion", test_reload_keeps_expansion);
#undef ADD

  return g_test_run ();
}
