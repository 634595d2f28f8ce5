/* test-project-read.c: the files of a project are parsed in parallel,
 * biggest first, but the project and its first error are those of reading
 * them one after another in file order
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "strata-compose-error.h"
#include "strata-project.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("strata-read-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* A file of many services, so that it is the biggest by far. */
static char *
big_text (const char *extra)
{
  GString *text = g_string_new ("services:\n");

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (text, "  svc%u:\n    image: example/app%u:1.0\n", i, i);
  g_string_append (text, extra);
  return g_string_free (text, FALSE);
}

static StrataProject *
load (Fixture     *fixture,
      const char **paths,
      GError     **error)
{
  g_autoptr(StrataLoadOptions) options = strata_load_options_new ();
  const char *envp[] = { "PATH=/usr/bin", NULL };

  options->cwd = g_strdup (fixture->dir);
  options->environment = g_strdupv ((char **) envp);
  if (options->files == NULL)
    options->files = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (options->files, g_strdup (paths[i]));
  return strata_project_load (options, NULL, error);
}

/* Both files are bad: the small first one's error is reported, though the
 * big second one is parsed first. */
static void
test_first_error_in_file_order (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *big = big_text ("  bad: [\n");
  g_autofree char *first = write_file (fixture, "a.yaml", "services:\n  web: {image: x\n");
  g_autofree char *second = write_file (fixture, "b.yaml", big);
  const char *paths[] = { first, second, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataProject) project = load (fixture, paths, &error);

  g_assert_null (project);
  g_assert_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "a.yaml:"));
}

/* The big override, parsed first, still comes after the base. */
static void
test_layers_in_file_order (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *big = big_text ("  web:\n    image: from-b\n");
  g_autofree char *first = write_file (fixture, "a.yaml", "services:\n  web:\n    image: from-a\n");
  g_autofree char *second = write_file (fixture, "b.yaml", big);
  const char *paths[] = { first, second, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataProject) project = load (fixture, paths, &error);
  GPtrArray *files;
  const StrataNode *image;
  const StrataNode *services;

  g_assert_no_error (error);
  files = strata_project_get_config_files (project);
  g_assert_cmpuint (files->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (files, 0), ==, first);
  g_assert_cmpstr (g_ptr_array_index (files, 1), ==, second);
  services = strata_node_lookup (strata_project_get_normalized (project), "services");
  image = strata_node_lookup (strata_node_lookup (services, "web"), "image");
  g_assert_nonnull (image);
  g_assert_cmpstr (image->text, ==, "from-b");
  g_assert_cmpstr (strata_layer_get_basename (image->pos.layer), ==, "b.yaml");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/project-read/first-error-in-file-order", Fixture, NULL,
              fixture_setup, test_first_error_in_file_order, fixture_teardown);
  g_test_add ("/project-read/layers-in-file-order", Fixture, NULL,
              fixture_setup, test_layers_in_file_order, fixture_teardown);
  return g_test_run ();
}
