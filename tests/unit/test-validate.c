/* test-validate.c: schema and consistency checks against the compose CLI's verdicts
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each data/validate/NAME.yml goes through what the loader does with one
 * file (schema check, canonical transform, normalization, consistency
 * checks). NAME.expected is the compose CLI v2.26.1's verdict
 * (data/validate/regen.sh): "ok", or "error" and its message, which must be
 * the core of Strata's first line, after the place the case's "# place:"
 * line names; the second line is the fix.
 */

#include "config.h"

#include <string.h>

#include "strata-canonical.h"
#include "strata-compose-error.h"
#include "strata-diagnostic.h"
#include "strata-normalize.h"
#include "strata-test-yaml.h"
#include "strata-validate.h"

static char *
header (const char *text,
        const char *tag)
{
  const char *at = strstr (text, tag);

  if (at == NULL)
    return NULL;
  at += strlen (tag);
  return g_strndup (at, strcspn (at, "\n"));
}

static gboolean
load_and_check (StrataNode          *root,
                const char * const  *profiles,
                GError             **error)
{
  StrataNormalizeContext ctx = { "p", "/p", "/home/strata", profiles, NULL };

  return strata_validate_file (root, NULL, error) &&
         strata_canonical_transform (root, NULL, error) &&
         strata_normalize_project (root, &ctx, NULL, error) &&
         strata_validate_project (root, NULL, error);
}

static void
check_case (gconstpointer data)
{
  const char *name = data;
  g_autofree char *file = g_strdup_printf ("%s.yml", name);
  g_autofree char *verdict_file = g_strdup_printf ("%s.expected", name);
  g_autofree char *text = strata_test_read_data ("validate", file, NULL);
  g_autofree char *verdict = strata_test_read_data ("validate", verdict_file, NULL);
  g_autofree char *args = header (text, "# args: --profile ");
  g_autofree char *place = header (text, "# place: ");
  const char *profiles[] = { args, NULL };
  g_autoptr(StrataLayer) layer = strata_layer_new ("/p/compose.yml", text, strlen (text), STRATA_LAYER_ROLE_BASE);
  g_autoptr(StrataNode) root = strata_test_yaml_parse (layer);
  g_autoptr(GError) error = NULL;
  gboolean ok = load_and_check (root, profiles, &error);

  if (g_str_has_prefix (verdict, "ok"))
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_auto(GStrv) oracle = g_strsplit (verdict, "\n", 3);
      const char *core = oracle[1];
      g_auto(GStrv) lines = NULL;
      g_autofree char *want = NULL;

      if (g_str_has_prefix (core, "validating /@DIR@/compose.yml: "))
        core += strlen ("validating /@DIR@/compose.yml: ");
      g_assert_false (ok);
      g_assert_nonnull (error);
      g_assert_nonnull (place);
      lines = g_strsplit (error->message, "\n", 2);
      want = g_strdup_printf ("compose.yml:%s: %s", place, core);
      g_assert_cmpstr (lines[0], ==, want);
      /* what to do, on its own line */
      g_assert_nonnull (lines[1]);
      g_assert_true (g_str_has_prefix (lines[1], "  ") && strlen (lines[1]) > 10);
    }
}

/* compose merges before it validates: a null in an override over an earlier
 * value is fine (compose CLI: ok), a null service of its own is not
 * ("services.db must be a mapping"). */
static void
test_override_null (void)
{
  const char *base_text = "services:\n  web:\n    image: x\n    environment: {A: '1'}\n";
  const char *over_text = "services:\n  web:\n    environment:\n  db:\n";
  g_autoptr(StrataLayer) base_layer = strata_layer_new ("/p/compose.yml", base_text, strlen (base_text),
                                                        STRATA_LAYER_ROLE_BASE);
  g_autoptr(StrataLayer) over_layer = strata_layer_new ("/p/compose.override.yml", over_text, strlen (over_text),
                                                        STRATA_LAYER_ROLE_OVERRIDE);
  g_autoptr(StrataNode) base = strata_test_yaml_parse (base_layer);
  g_autoptr(StrataNode) over = strata_test_yaml_parse (over_layer);
  g_autoptr(GError) error = NULL;

  g_assert_true (strata_validate_file (base, NULL, &error));
  g_assert_false (strata_validate_file (over, base, &error));
  g_assert_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_TYPE);
  g_assert_true (g_str_has_prefix (error->message, "compose.override.yml:4:3: services.db must be a mapping\n"));
}

/* The same deeper down: a null is checked against the value the files
 * before held at its own path. */
static void
test_override_null_nested (void)
{
  const char *base_text = "services:\n  web:\n    image: x\n    ports: ['80:80']\n"
                          "    healthcheck: {interval: 30s}\n";
  const char *over_text = "services:\n  web:\n    ports:\n    healthcheck:\n      interval:\n"
                          "      timeout:\n";
  g_autoptr(StrataLayer) base_layer = strata_layer_new ("/p/compose.yml", base_text, strlen (base_text),
                                                        STRATA_LAYER_ROLE_BASE);
  g_autoptr(StrataLayer) over_layer = strata_layer_new ("/p/compose.override.yml", over_text, strlen (over_text),
                                                        STRATA_LAYER_ROLE_OVERRIDE);
  g_autoptr(StrataNode) base = strata_test_yaml_parse (base_layer);
  g_autoptr(StrataNode) over = strata_test_yaml_parse (over_layer);
  g_autoptr(GError) error = NULL;

  g_assert_true (strata_validate_file (base, NULL, &error));
  g_assert_false (strata_validate_file (over, base, &error));
  g_assert_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_TYPE);
  g_assert_true (g_str_has_prefix (error->message,
                                   "compose.override.yml:6:7: services.web.healthcheck.timeout must be a string\n"));
}

static void
test_did_you_mean (void)
{
  const char *text = "services:\n  web:\n    image: x\n    enviroment: {A: b}\n";
  g_autoptr(StrataLayer) layer = strata_layer_new ("/p/compose.yml", text, strlen (text), STRATA_LAYER_ROLE_BASE);
  g_autoptr(StrataNode) root = strata_test_yaml_parse (layer);
  g_autoptr(GError) error = NULL;

  g_assert_false (strata_validate_file (root, NULL, &error));
  g_assert_nonnull (strstr (error->message, "Did you mean `environment`?"));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(GDir) folder = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  g_test_init (&argc, &argv, NULL);
  dir = g_test_build_filename (G_TEST_DIST, "unit", "data", "validate", NULL);
  folder = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (folder);
  while ((entry = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (entry, ".yml"))
      g_ptr_array_add (names, g_strndup (entry, strlen (entry) - 4));
  g_ptr_array_sort (names, compare_names);

  g_test_add_func ("/validate/override-null", test_override_null);
  g_test_add_func ("/validate/override-null-nested", test_override_null_nested);
  g_test_add_func ("/validate/did-you-mean", test_did_you_mean);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("/validate/case/%s", (char *) g_ptr_array_index (names, i));
      g_test_add_data_func (path, g_ptr_array_index (names, i), check_case);
    }
  return g_test_run ();
}
