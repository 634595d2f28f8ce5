/* test-include.c: include, extends from other files and multi-document
 * files, with the places their values are credited to
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What compose prints for these projects is checked by the conformance
 * cases 126, 341, 350-354, 914, 929, 935, 942 and 947; here we check what
 * only Strata knows: positions.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "strata-compose-error.h"
#include "strata-project.h"
#include "strata-test-tree.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("strata-include-XXXXXX", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  strata_test_remove_tree (f->dir);
  g_free (f->dir);
}

static StrataProject *
load (Fixture  *f,
      GError  **error)
{
  g_autoptr(StrataLoadOptions) options = strata_load_options_new ();
  const char *envp[] = { "PATH=/usr/bin:/bin", NULL };

  options->cwd = g_strdup (f->dir);
  options->environment = g_strdupv ((char **) envp);
  return strata_project_load (options, NULL, error);
}

/* @node comes from @file (relative to the fixture) at @line. */
static void
assert_from (Fixture          *f,
             const StrataNode *node,
             const char       *file,
             guint             line)
{
  g_autofree char *path = g_build_filename (f->dir, file, NULL);

  g_assert_nonnull (node);
  g_assert_nonnull (node->pos.layer);
  g_assert_cmpstr (strata_layer_get_path (node->pos.layer), ==, path);
  g_assert_cmpuint (node->pos.line, ==, line);
}

static void
test_include_provenance (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataProject) project = NULL;
  const StrataNode *merged, *image, *source;
  g_autofree char *expected = NULL;

  strata_test_write_file (f->dir, "compose.yaml", "include:\n  - lib/compose.yaml\nservices:\n  web:\n    image: nginx\n");
  strata_test_write_file (f->dir, "lib/compose.yaml",
              "services:\n  db:\n    image: postgres:${PG:-16}\n    volumes:\n      - ./init:/init\n");
  strata_test_write_file (f->dir, "lib/.env", "PG=15\n");
  project = load (f, &error);
  g_assert_no_error (error);
  merged = strata_project_get_merged (project);

  image = strata_test_at (merged, "services.db.image");
  g_assert_cmpstr (image->text, ==, "postgres:15");
  assert_from (f, image, "lib/compose.yaml", 3);
  g_assert_cmpint (strata_layer_get_role (image->pos.layer), ==, STRATA_LAYER_ROLE_INCLUDE);
  /* the value came from the included project's own .env */
  g_assert_nonnull (image->interpolated);
  g_assert_cmpstr (strata_layer_get_basename (g_array_index (image->interpolated, StrataPosition, 0).layer),
                   ==, ".env");

  /* relative to the included project, still credited to its line */
  source = strata_test_at (merged, "services.db.volumes.0.source");
  expected = g_build_filename (f->dir, "lib", "init", NULL);
  g_assert_cmpstr (source->text, ==, expected);
  assert_from (f, source, "lib/compose.yaml", 5);
  assert_from (f, strata_test_at (merged, "services.web.image"), "compose.yaml", 5);
}

static void
test_include_clash (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataProject) project = NULL;

  strata_test_write_file (f->dir, "compose.yaml", "include:\n  - other/compose.yaml\nservices:\n  web:\n    image: nginx\n");
  strata_test_write_file (f->dir, "other/compose.yaml", "services:\n  web:\n    image: httpd\n");
  project = load (f, &error);
  g_assert_null (project);
  g_assert_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "compose.yaml:4:3: services.web conflicts with imported "
                                                   "resource (defined at other/compose.yaml:2)\n  "));
}

static void
test_include_cycle (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataProject) project = NULL;

  strata_test_write_file (f->dir, "compose.yaml", "include:\n  - a/compose.yaml\nservices:\n  web:\n    image: nginx\n");
  strata_test_write_file (f->dir, "a/compose.yaml", "include:\n  - ../compose.yaml\nservices:\n  a:\n    image: x\n");
  project = load (f, &error);
  g_assert_null (project);
  g_assert_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_CYCLE);
  g_assert_true (g_str_has_prefix (error->message, "compose.yaml:2:5: include cycle detected"));
}

static void
test_multi_document (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataProject) project = NULL;
  const StrataNode *image;

  strata_test_write_file (f->dir, "compose.yaml",
              "services:\n  web:\n    image: nginx\n---\nservices:\n  web:\n    image: nginx:1.25\n");
  project = load (f, &error);
  g_assert_no_error (error);
  image = strata_test_at (strata_project_get_merged (project), "services.web.image");
  g_assert_cmpstr (image->text, ==, "nginx:1.25");
  assert_from (f, image, "compose.yaml", 7);
  g_assert_nonnull (image->shadowed);
  g_assert_cmpuint (g_array_index (image->shadowed, StrataPosition, 0).line, ==, 3);
}

static void
test_extends_other_file (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataProject) project = NULL;
  const StrataNode *source;
  g_autofree char *expected = NULL;

  strata_test_write_file (f->dir, "compose.yaml", "services:\n  web:\n    extends:\n      file: common/base.yml\n"
                                 "      service: app\n");
  strata_test_write_file (f->dir, "common/base.yml", "services:\n  app:\n    image: app\n    volumes:\n      - ./data:/data\n");
  project = load (f, &error);
  g_assert_no_error (error);
  source = strata_test_at (strata_project_get_merged (project), "services.web.volumes.0.source");
  expected = g_build_filename (f->dir, "common", "data", NULL);
  g_assert_cmpstr (source->text, ==, expected);
  assert_from (f, source, "common/base.yml", 5);
  g_assert_cmpint (strata_layer_get_role (source->pos.layer), ==, STRATA_LAYER_ROLE_EXTENDS);
}

static void
test_extends_errors (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) cycle = NULL;
  g_autoptr(GError) missing = NULL;
  g_autoptr(StrataProject) project = NULL;

  /* the extends that closes the loop, then a fix */
  strata_test_write_file (f->dir, "compose.yaml", "services:\n  a:\n    image: x\n    extends: b\n  b:\n    extends:\n"
                                 "      service: a\n");
  project = load (f, &cycle);
  g_assert_null (project);
  g_assert_error (cycle, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_CYCLE);
  g_assert_true (g_str_has_prefix (cycle->message, "compose.yaml:6:5: extends loops: "
                                                   "compose.yaml:a → compose.yaml:b → compose.yaml:a\n  "));

  strata_test_write_file (f->dir, "compose.yaml", "services:\n  web:\n    extends:\n      file: base.yml\n      service: app\n");
  project = load (f, &missing);
  g_assert_null (project);
  g_assert_error (missing, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (missing->message, "compose.yaml:4:13: cannot read "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/include/provenance", Fixture, NULL, fixture_set_up, test_include_provenance, fixture_tear_down);
  g_test_add ("/include/clash", Fixture, NULL, fixture_set_up, test_include_clash, fixture_tear_down);
  g_test_add ("/include/cycle", Fixture, NULL, fixture_set_up, test_include_cycle, fixture_tear_down);
  g_test_add ("/include/multi-document", Fixture, NULL, fixture_set_up, test_multi_document, fixture_tear_down);
  g_test_add ("/include/extends-other-file", Fixture, NULL, fixture_set_up, test_extends_other_file,
              fixture_tear_down);
  g_test_add ("/include/extends-errors", Fixture, NULL, fixture_set_up, test_extends_errors, fixture_tear_down);
  return g_test_run ();
}
