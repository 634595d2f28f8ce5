/* test-provenance.c: where each value of the demo project comes from
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "strata-project.h"
#include "strata-test-tree.h"

static StrataProject *
load_demo (void)
{
  g_autoptr(StrataLoadOptions) options = strata_load_options_new ();
  g_autoptr(GError) error = NULL;
  StrataProject *project;
  const char *envp[] = { "PATH=/usr/bin", NULL };

  options->cwd = g_strdup (g_getenv ("STRATA_DEMO_DIR"));
  options->environment = g_strdupv ((char **) envp);
  project = strata_project_load (options, NULL, &error);
  g_assert_no_error (error);
  return project;
}

static void
assert_place (const StrataNode *node,
              const char       *file,
              guint             line,
              StrataOriginKind  origin)
{
  g_assert_nonnull (node);
  g_assert_nonnull (node->pos.layer);
  g_assert_cmpstr (strata_layer_get_basename (node->pos.layer), ==, file);
  g_assert_cmpuint (node->pos.line, ==, line);
  /* Long forms the canonical transform derives from a short value written
   * there are as good as defined there. */
  if (origin == STRATA_ORIGIN_DEFINED && node->origin == STRATA_ORIGIN_DERIVED)
    return;
  g_assert_cmpint (node->origin, ==, origin);
}

static void
assert_shadows (const StrataNode *node,
                const char       *file,
                guint             line)
{
  const StrataPosition *last;

  g_assert_nonnull (node->shadowed);
  last = &g_array_index (node->shadowed, StrataPosition, node->shadowed->len - 1);
  g_assert_cmpstr (strata_layer_get_basename (last->layer), ==, file);
  g_assert_cmpuint (last->line, ==, line);
}

static void
test_command (void)
{
  g_autoptr(StrataProject) project = load_demo ();
  const StrataNode *merged = strata_project_get_merged (project);
  const StrataNode *command = strata_test_at (merged, "services.django.command");

  assert_place (command, "docker-compose.override.yml", 13, STRATA_ORIGIN_OVERRIDDEN);
  assert_shadows (command, "docker-compose.yml", 19);
  assert_place (strata_test_at (merged, "services.memcached.command"), "docker-compose.yml", 31,
                STRATA_ORIGIN_DEFINED);
}

static void
test_ports (void)
{
  g_autoptr(StrataProject) project = load_demo ();
  const StrataNode *ports = strata_test_at (strata_project_get_merged (project), "services.django.ports");

  g_assert_cmpuint (strata_node_get_n_children (ports), ==, 2);
  assert_place (strata_node_get_child (ports, 0), "docker-compose.yml", 18, STRATA_ORIGIN_DEFINED);
  assert_place (strata_node_get_child (ports, 1), "docker-compose.override.yml", 12, STRATA_ORIGIN_APPENDED);
}

static void
test_environment (void)
{
  g_autoptr(StrataProject) project = load_demo ();
  const StrataNode *env = strata_test_at (strata_project_get_merged (project), "services.django.environment");

  assert_place (strata_node_lookup (env, "DJANGO_SETTINGS_MODULE"), "docker-compose.yml", 11,
                STRATA_ORIGIN_DEFINED);
  assert_place (strata_node_lookup (env, "DATABASE_URL"), "docker-compose.yml", 12, STRATA_ORIGIN_DEFINED);
  assert_place (strata_node_lookup (env, "DJANGO_DEBUG"), "docker-compose.override.yml", 6,
                STRATA_ORIGIN_DEFINED);
  /* ${POSTGRES_PASSWORD} came from the demo's .env */
  g_assert_cmpstr (strata_node_lookup_text (env, "DATABASE_URL"), ==,
                   "postgres://portal:portal-dev@postgresql/portal");
}

static void
test_volumes (void)
{
  g_autoptr(StrataProject) project = load_demo ();
  const StrataNode *volumes = strata_test_at (strata_project_get_merged (project), "services.django.volumes");

  /* The override writes all three targets again: each entry replaces the
   * base's at its position and is credited to the override. */
  g_assert_cmpuint (strata_node_get_n_children (volumes), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const StrataNode *volume = strata_node_get_child (volumes, i);
      assert_place (volume, "docker-compose.override.yml", 8 + i, STRATA_ORIGIN_REPLACED_BY_TARGET);
      assert_shadows (volume, "docker-compose.yml", 14 + i);
    }
}

static void
test_project_models (void)
{
  g_autoptr(StrataProject) project = load_demo ();
  GListModel *volumes = strata_project_get_volumes (project);

  g_assert_cmpstr (strata_project_get_name (project), ==, "demo");
  g_assert_cmpuint (strata_project_get_layers (project)->len, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (strata_project_get_services (project)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (volumes), ==, 3);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  StrataProject **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = strata_project_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autoptr(StrataLoadOptions) options = strata_load_options_new ();
  StrataProject *project = NULL;

  options->cwd = g_strdup (g_getenv ("STRATA_DEMO_DIR"));
  strata_project_load_async (options, NULL, loaded_cb, &project);
  while (project == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (strata_project_get_name (project), ==, "demo");
  g_assert_finalize_object (project);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/provenance/command", test_command);
  g_test_add_func ("/provenance/ports", test_ports);
  g_test_add_func ("/provenance/environment", test_environment);
  g_test_add_func ("/provenance/volumes", test_volumes);
  g_test_add_func ("/provenance/project-models", test_project_models);
  g_test_add_func ("/provenance/async", test_async);

  return g_test_run ();
}
