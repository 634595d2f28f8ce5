/* test-discovery.c: which files, which project name
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expectations were read from docker compose 2.26.1; when
 * STRATA_COMPOSE_ORACLE names its binary, each name is also checked
 * against it live.
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
  g_autofree char *tmp = g_dir_make_tmp ("strata-discovery-XXXXXX", NULL);

  f->dir = g_build_filename (tmp, "Sub.Dir_X", NULL);
  g_mkdir (f->dir, 0755);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *tmp = g_path_get_dirname (f->dir);

  strata_test_remove_tree (tmp);
  g_free (f->dir);
}

/* The name the oracle gives, or NULL when it is not configured. */
static char *
oracle_name (const char  *cwd,
             const char **envp,
             const char  *extra_arg)
{
  const char *oracle = g_getenv ("STRATA_COMPOSE_ORACLE");
  const char *argv[] = { oracle, "config", extra_arg, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  if (oracle == NULL || !g_file_test (oracle, G_FILE_TEST_IS_EXECUTABLE))
    return NULL;
  if (!g_spawn_sync (cwd, (char **) argv, (char **) envp, 0, NULL, NULL, &out, &err, &status, NULL))
    return NULL;
  if (!g_str_has_prefix (out, "name: "))
    return g_strdup ("(error)");
  return g_strndup (out + 6, strcspn (out + 6, "\n"));
}

static StrataProject *
load (const char  *cwd,
      const char **envp,
      const char  *project_name,
      GError     **error)
{
  g_autoptr(StrataLoadOptions) options = strata_load_options_new ();

  options->cwd = g_strdup (cwd);
  options->environment = g_strdupv ((char **) envp);
  options->project_name = g_strdup (project_name);
  return strata_project_load (options, NULL, error);
}

static void
assert_name (const char  *cwd,
             const char **envp,
             const char  *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataProject) project = load (cwd, envp, NULL, &error);
  g_autofree char *oracle = oracle_name (cwd, envp, NULL);

  g_assert_no_error (error);
  g_assert_cmpstr (strata_project_get_name (project), ==, expected);
  if (oracle != NULL)
    g_assert_cmpstr (oracle, ==, expected);
}

static void
test_default_files (Fixture       *f,
                    gconstpointer  data)
{
  const char *envp[] = { "PATH=/usr/bin:/bin", NULL };
  g_autofree char *deeper = g_build_filename (f->dir, "deeper", "d2", NULL);
  g_autoptr(StrataProject) project = NULL;
  g_autofree char *env = NULL;
  GPtrArray *files;

  strata_test_write_file (f->dir, "compose.yaml", "services:\n  a:\n    image: x\n");
  strata_test_write_file (f->dir, "compose.override.yaml", "services:\n  a:\n    environment: [P=$COMPOSE_PROJECT_NAME]\n");
  strata_test_write_file (f->dir, "deeper/d2/.keep", "");

  /* Found from a folder below; the directory name is normalized. */
  assert_name (deeper, envp, "subdir_x");
  project = load (deeper, envp, NULL, NULL);
  files = strata_project_get_config_files (project);
  g_assert_cmpuint (files->len, ==, 2);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (files, 0), "/Sub.Dir_X/compose.yaml"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (files, 1), "/Sub.Dir_X/compose.override.yaml"));
  g_assert_cmpstr (strata_project_get_working_dir (project), ==, f->dir);
  /* The chosen name is there for interpolation (list or canonical map form). */
  env = strata_test_flow (strata_test_at (strata_project_get_merged (project), "services.a.environment"));
  g_assert_nonnull (strstr (env, "subdir_x"));
}

static void
test_name_precedence (Fixture       *f,
                      gconstpointer  data)
{
  const char *plain[] = { "PATH=/usr/bin:/bin", NULL };
  const char *with_n[] = { "PATH=/usr/bin:/bin", "N=My.Proj", NULL };
  const char *with_env_name[] = { "PATH=/usr/bin:/bin", "N=My.Proj", "COMPOSE_PROJECT_NAME=fromenv", NULL };

  strata_test_write_file (f->dir, "compose.yaml", "name: \"${N:-}\"\nservices:\n  a:\n    image: x\n");
  assert_name (f->dir, with_n, "myproj");
  assert_name (f->dir, with_env_name, "fromenv");

  /* A name that interpolates to nothing does not fall back to the folder. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(StrataProject) project = load (f->dir, plain, NULL, &error);
    g_assert_null (project);
    g_assert_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_PROJECT_NAME);
    /* the place of `name:`, then a fix */
    g_assert_true (g_str_has_prefix (error->message, "compose.yaml:1:1: project name must not be empty\n  "));
  }

  strata_test_write_file (f->dir, ".env", "N=from.dotenv\n");
  assert_name (f->dir, plain, "fromdotenv");
}

static void
test_invalid_names (Fixture       *f,
                    gconstpointer  data)
{
  const char *plain[] = { "PATH=/usr/bin:/bin", NULL };
  const char *bad_env[] = { "PATH=/usr/bin:/bin", "COMPOSE_PROJECT_NAME=_x", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) env_error = NULL;
  g_autoptr(StrataProject) project = NULL;

  strata_test_write_file (f->dir, "compose.yaml", "services:\n  a:\n    image: x\n");
  project = load (f->dir, plain, "Bad", &error);
  g_assert_null (project);
  g_assert_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_PROJECT_NAME);
  g_assert_true (g_str_has_prefix (error->message, "invalid project name \"Bad\": must consist only"));

  project = load (f->dir, bad_env, NULL, &env_error);
  g_assert_null (project);
  g_assert_error (env_error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_PROJECT_NAME);
}

static void
test_compose_file_from_dotenv (Fixture       *f,
                               gconstpointer  data)
{
  const char *envp[] = { "PATH=/usr/bin:/bin", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataProject) project = NULL;

  strata_test_write_file (f->dir, "one.yml", "services:\n  a:\n    image: one\n    profiles: [dev]\n  b:\n    image: b\n");
  strata_test_write_file (f->dir, "two.yml", "services:\n  a:\n    image: two\n");
  strata_test_write_file (f->dir, ".env", "COMPOSE_FILE=one.yml;two.yml\nCOMPOSE_PATH_SEPARATOR=;\nCOMPOSE_PROFILES=dev, debug\n");
  project = load (f->dir, envp, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strata_project_get_config_files (project)->len, ==, 2);
  g_assert_cmpstr (strata_test_at (strata_project_get_merged (project), "services.a.image")->text, ==, "two");
  g_assert_cmpstrv (strata_project_get_profiles (project), ((const char *[]) { "dev", "debug", NULL }));
}

static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  const char *envp[] = { "PATH=/usr/bin:/bin", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) env_error = NULL;
  g_autoptr(StrataLoadOptions) options = strata_load_options_new ();
  g_autoptr(StrataProject) project = load ("/", envp, NULL, &error);

  g_assert_null (project);
  g_assert_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "No configuration file provided: not found");

  strata_test_write_file (f->dir, "compose.yaml", "services:\n  a:\n    image: x\n");
  options->cwd = g_strdup (f->dir);
  options->environment = g_strdupv ((char **) envp);
  g_ptr_array_add (options->env_files, g_strdup ("nope.env"));
  project = strata_project_load (options, NULL, &env_error);
  g_assert_null (project);
  g_assert_error (env_error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (env_error->message, "Couldn't find env file: "));
}

static void
test_normalize (void)
{
  g_autofree char *a = strata_project_name_normalize ("-_My.Proj-1_");
  g_autofree char *b = strata_project_name_normalize ("Sub.Dir_X");

  g_assert_cmpstr (a, ==, "myproj-1_");
  g_assert_cmpstr (b, ==, "subdir_x");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/discovery/normalize", test_normalize);
  g_test_add ("/discovery/default-files", Fixture, NULL, fixture_set_up, test_default_files, fixture_tear_down);
  g_test_add ("/discovery/name-precedence", Fixture, NULL, fixture_set_up, test_name_precedence, fixture_tear_down);
  g_test_add ("/discovery/invalid-names", Fixture, NULL, fixture_set_up, test_invalid_names, fixture_tear_down);
  g_test_add ("/discovery/compose-file-from-dotenv", Fixture, NULL, fixture_set_up, test_compose_file_from_dotenv, fixture_tear_down);
  g_test_add ("/discovery/not-found", Fixture, NULL, fixture_set_up, test_not_found, fixture_tear_down);

  return g_test_run ();
}
