/* test-canonical.c: canonical forms and normalization against the compose CLI
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case of data/config/ is one compose file: read (throwaway reader, `$$`
 * undoubled as interpolation would), canonical transform, normalization,
 * emitters; the result must equal what the compose CLI v2.26.1 printed
 * (data/config/regen.sh).
 */

#include "config.h"

#include <string.h>

#include "strata-canonical.h"
#include "strata-compose-error.h"
#include "strata-config-hash.h"
#include "strata-diagnostic.h"
#include "strata-emit.h"
#include "strata-normalize.h"
#include "strata-test-yaml.h"
#include "strata-validate.h"

static StrataEnvironment *
test_environment (void)
{
  const char *envp[] = { "HOME=/home/strata", NULL };

  return strata_environment_new_from_envp (envp);
}

static char *
expected (const char *name,
          const char *file,
          const char *dir)
{
  g_autofree char *text = strata_test_read_data ("config", name, file, NULL);
  g_auto(GStrv) parts = g_strsplit (text, "/@DIR@", -1);

  return g_strjoinv (dir, parts);
}

/* The nodes borrow *@layer_out: keep it until they are gone. */
static StrataNode *
load_case (const char   *name,
           char        **dir_out,
           StrataLayer **layer_out)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "unit", "data", "config", name, NULL);
  g_autofree char *path = g_build_filename (dir, "compose.yml", NULL);
  StrataNode *root = strata_test_yaml_load_file (path, layer_out);

  strata_test_interpolate_dollars (root);
  *dir_out = g_canonicalize_filename (dir, NULL);
  return root;
}

static void
check_case (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = NULL;
  g_autoptr(StrataLayer) layer = NULL;
  g_autoptr(StrataNode) root = load_case (name, &dir, &layer);
  g_autoptr(GPtrArray) diagnostics = strata_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  const char *profiles[] = { "p1", NULL };
  g_autoptr(StrataEnvironment) env = test_environment ();
  StrataNormalizeContext ctx = { name, dir, "/home/strata", profiles, env };
  g_autofree char *yaml = NULL;
  g_autofree char *json = NULL;
  g_autofree char *want_yaml = expected (name, "expected.yml", dir);
  g_autofree char *want_json = expected (name, "expected.json", dir);

  /* the compose CLI accepted these files: the checks must too */
  strata_validate_file (root, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (strata_canonical_transform (root, diagnostics, &error));
  g_assert_no_error (error);
  g_assert_true (strata_normalize_project (root, &ctx, diagnostics, &error));
  g_assert_no_error (error);
  strata_validate_project (root, diagnostics, &error);
  g_assert_no_error (error);

  yaml = strata_emit_yaml (root);
  json = strata_emit_json (root, FALSE);
  if (g_getenv ("STRATA_TEST_DUMP") != NULL)
    {
      g_autofree char *y = g_strdup_printf ("%s/%s.yml", g_getenv ("STRATA_TEST_DUMP"), name);
      g_autofree char *j = g_strdup_printf ("%s/%s.json", g_getenv ("STRATA_TEST_DUMP"), name);

      g_file_set_contents (y, yaml, -1, NULL);
      g_file_set_contents (j, json, -1, NULL);
    }
  g_assert_cmpstr (yaml, ==, want_yaml);
  g_assert_cmpstr (json, ==, want_json);
}

static void
test_type_error (void)
{
  const char *text = "services:\n  s:\n    image: x\n    environment: 5\n";
  g_autoptr(StrataLayer) layer = strata_layer_new ("/p/compose.yml", text, strlen (text), STRATA_LAYER_ROLE_BASE);
  g_autoptr(StrataNode) root = strata_test_yaml_parse (layer);
  g_autoptr(GError) error = NULL;

  /* the compose CLI says: services.s.environment must be a mapping */
  g_assert_false (strata_canonical_transform (root, NULL, &error));
  g_assert_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_TYPE);
  g_assert_true (g_str_has_prefix (error->message, "compose.yml:4:18: services.s.environment must be a mapping\n  "));
}

static void
test_config_hash (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(StrataLayer) layer = NULL;
  g_autoptr(StrataNode) root = load_case ("hash", &dir, &layer);
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataEnvironment) env = test_environment ();
  StrataNormalizeContext ctx = { "h", dir, "/home/strata", NULL, env };
  g_autofree char *want = strata_test_read_data ("config", "hash", "config-hash.txt", NULL);
  g_autofree char *hash = NULL;
  StrataNode *web;

  g_assert_true (strata_canonical_transform (root, NULL, &error));
  g_assert_true (strata_normalize_project (root, &ctx, NULL, &error));
  g_assert_no_error (error);
  web = strata_node_lookup (strata_node_lookup (root, "services"), "web");
  hash = strata_config_hash (web);
  /* the label the compose CLI wrote on the container (data/config/hash/README) */
  g_assert_cmpstr (hash, ==, g_strstrip (want));
}

int
main (int   argc,
      char *argv[])
{
  const char *cases[] = { "basic", "full", "quoting", "hash" };

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/canonical/type-error", test_type_error);
  g_test_add_func ("/canonical/config-hash", test_config_hash);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/canonical/config/%s", cases[i]);
      g_test_add_data_func (path, cases[i], check_case);
    }
  return g_test_run ();
}
