/* strata-discovery.c: which files, which directory, which environment
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The order is the compose CLI's (2.26): process environment; env files of
 * the provisional project directory (--project-directory, else the first
 * -f file's folder, else the cwd); COMPOSE_FILE; the default file names in
 * the cwd and its parents; env files of the final project directory again,
 * adding only missing keys; COMPOSE_PROFILES.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-compose-error.h"
#include "strata-load-options.h"

static const char * const main_names[] = {
  "compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml",
};
static const char * const override_names[] = {
  "compose.override.yml", "compose.override.yaml",
  "docker-compose.override.yml", "docker-compose.override.yaml",
};

static GPtrArray *
dup_strings (GPtrArray *strings)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; strings != NULL && i < strings->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (strings, i)));
  return copy;
}

StrataLoadOptions *
strata_load_options_new (void)
{
  StrataLoadOptions *options = g_new0 (StrataLoadOptions, 1);

  options->files = dup_strings (NULL);
  options->env_files = dup_strings (NULL);
  options->profiles = dup_strings (NULL);
  options->keep_merged = TRUE;
  return options;
}

StrataLoadOptions *
strata_load_options_copy (const StrataLoadOptions *options)
{
  StrataLoadOptions *copy = g_new0 (StrataLoadOptions, 1);

  copy->files = dup_strings (options->files);
  copy->stdin_text = g_strdup (options->stdin_text);
  copy->project_name = g_strdup (options->project_name);
  copy->project_directory = g_strdup (options->project_directory);
  copy->env_files = dup_strings (options->env_files);
  copy->profiles = dup_strings (options->profiles);
  copy->environment = g_strdupv (options->environment);
  copy->cwd = g_strdup (options->cwd);
  copy->no_interpolate = options->no_interpolate;
  copy->keep_merged = options->keep_merged;
  return copy;
}

void
strata_load_options_free (StrataLoadOptions *options)
{
  if (options == NULL)
    return;
  g_ptr_array_unref (options->files);
  g_free (options->stdin_text);
  g_free (options->project_name);
  g_free (options->project_directory);
  g_ptr_array_unref (options->env_files);
  g_ptr_array_unref (options->profiles);
  g_strfreev (options->environment);
  g_free (options->cwd);
  g_free (options);
}

void
strata_discovery_free (StrataDiscovery *discovery)
{
  if (discovery == NULL)
    return;
  g_free (discovery->cwd);
  g_ptr_array_unref (discovery->config_files);
  g_free (discovery->project_directory);
  g_ptr_array_unref (discovery->env_files);
  g_ptr_array_unref (discovery->env_layers);
  g_clear_pointer (&discovery->environment, strata_environment_unref);
  g_free (discovery->imperative_name);
  g_free (discovery->directory_name);
  g_strfreev (discovery->profiles);
  g_free (discovery);
}

static char *
absolute (const char *cwd,
          const char *path)
{
  g_autofree char *joined = NULL;

  if (g_str_equal (path, "-"))
    return g_strdup (path);
  if (path[0] == '~' && (path[1] == '/' || path[1] == 0))
    joined = g_build_filename (g_get_home_dir (), path + 1, NULL);
  else
    return g_canonicalize_filename (path, cwd);  /* an absolute path stays as it is */
  return g_canonicalize_filename (joined, NULL);
}

static char *
first_existing (const char         *dir,
                const char * const *names,
                guint               n_names,
                GPtrArray          *diagnostics)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        g_ptr_array_add (found, g_steal_pointer (&path));
    }
  if (found->len == 0)
    return NULL;
  if (found->len > 1)
    {
      g_autofree char *list = NULL;
      g_ptr_array_add (found, NULL);
      list = g_strjoinv (", ", (char **) found->pdata);
      g_ptr_array_add (diagnostics,
                       strata_diagnostic_new (STRATA_SEVERITY_WARNING, NULL,
                                              _("Delete or rename the files you do not use."),
                                              _("Found multiple config files with supported names: %s; using %s"),
                                              list, (char *) g_ptr_array_index (found, 0)));
    }
  return g_strdup (g_ptr_array_index (found, 0));
}

/* The default file names in @dir or its parents, and the override beside. */
static gboolean
find_default_files (StrataDiscovery *d,
                    const char      *start,
                    GPtrArray       *diagnostics)
{
  g_autofree char *dir = g_strdup (start);

  for (;;)
    {
      g_autofree char *main_file = first_existing (dir, main_names, G_N_ELEMENTS (main_names), diagnostics);
      g_autofree char *parent = NULL;

      if (main_file != NULL)
        {
          char *override = first_existing (dir, override_names, G_N_ELEMENTS (override_names), diagnostics);
          g_ptr_array_add (d->config_files, g_steal_pointer (&main_file));
          if (override != NULL)
            g_ptr_array_add (d->config_files, override);
          return TRUE;
        }
      parent = g_path_get_dirname (dir);
      if (g_str_equal (parent, dir))
        return FALSE;
      g_free (dir);
      dir = g_steal_pointer (&parent);
    }
}

static char *
provisional_directory (const StrataLoadOptions *options,
                       StrataDiscovery         *d)
{
  if (options->project_directory != NULL && *options->project_directory)
    return absolute (d->cwd, options->project_directory);
  for (guint i = 0; i < d->config_files->len; i++)
    {
      const char *path = g_ptr_array_index (d->config_files, i);
      if (!g_str_equal (path, "-"))
        return g_path_get_dirname (path);
    }
  return g_strdup (d->cwd);
}

/* Reads the env files (--env-file, else COMPOSE_ENV_FILES, else
 * <dir>/.env if it exists), adding only keys not set yet. */
static gboolean
load_env_files (const StrataLoadOptions *options,
                StrataDiscovery         *d,
                const char              *dir,
                GError                 **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *listed = strata_environment_lookup (d->environment, "COMPOSE_ENV_FILES", NULL);
  guint first_new = d->env_layers->len;
  gboolean explicit = TRUE;

  for (guint i = 0; i < options->env_files->len; i++)
    g_ptr_array_add (paths, absolute (d->cwd, g_ptr_array_index (options->env_files, i)));
  if (paths->len == 0 && listed != NULL && *listed)
    {
      g_auto(GStrv) parts = g_strsplit (listed, ",", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        g_ptr_array_add (paths, absolute (d->cwd, parts[i]));
    }
  if (paths->len == 0)
    {
      explicit = FALSE;
      g_ptr_array_add (paths, g_build_filename (dir, ".env", NULL));
    }

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *text = NULL;
      gsize length;
      g_autoptr(StrataLayer) layer = NULL;

      if (!explicit && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      if (!g_file_get_contents (path, &text, &length, NULL))
        {
          g_set_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_NOT_FOUND,
                       _("Couldn't find env file: %s"), path);
          return FALSE;
        }
      layer = strata_layer_new_take (path, g_steal_pointer (&text), length, STRATA_LAYER_ROLE_ENV_FILE);
      if (!g_ptr_array_find_with_equal_func (d->env_files, path, g_str_equal, NULL))
        {
          g_ptr_array_add (d->env_files, g_strdup (path));
          g_ptr_array_add (d->env_layers, g_steal_pointer (&layer));
        }
    }

  /* The environment wins over the files, a later file over an earlier one:
   * adding only missing keys, the last file goes first. */
  for (guint i = d->env_layers->len; i > first_new; i--)
    if (!strata_environment_load_dotenv (d->environment, g_ptr_array_index (d->env_layers, i - 1),
                                         FALSE, error))
      return FALSE;
  return TRUE;
}

static gboolean
files_from_options (const StrataLoadOptions *options,
                    StrataDiscovery         *d,
                    GError                 **error)
{
  for (guint i = 0; i < options->files->len; i++)
    {
      g_autofree char *path = absolute (d->cwd, g_ptr_array_index (options->files, i));

      if (!g_str_equal (path, "-") && !g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_NOT_FOUND,
                       _("open %s: no such file or directory"), path);
          return FALSE;
        }
      g_ptr_array_add (d->config_files, g_steal_pointer (&path));
    }
  return TRUE;
}

/* COMPOSE_FILE, split on COMPOSE_PATH_SEPARATOR (default ":"). */
static gboolean
files_from_environment (StrataDiscovery  *d,
                        GError          **error)
{
  const char *value = strata_environment_lookup (d->environment, "COMPOSE_FILE", NULL);
  const char *separator = strata_environment_lookup (d->environment, "COMPOSE_PATH_SEPARATOR", NULL);
  g_auto(GStrv) parts = NULL;

  if (value == NULL)
    return TRUE;
  parts = g_strsplit (value, separator && *separator ? separator : G_SEARCHPATH_SEPARATOR_S, -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *path = absolute (d->cwd, parts[i]);

      if (!g_str_equal (path, "-") && !g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_NOT_FOUND,
                       _("stat %s: no such file or directory (from COMPOSE_FILE)"), path);
          return FALSE;
        }
      g_ptr_array_add (d->config_files, g_steal_pointer (&path));
    }
  return TRUE;
}

static GStrv
choose_profiles (const StrataLoadOptions *options,
                 StrataDiscovery         *d)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *listed = strata_environment_lookup (d->environment, "COMPOSE_PROFILES", NULL);

  for (guint i = 0; i < options->profiles->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (options->profiles, i));
  if (options->profiles->len == 0 && listed != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (listed, ",", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_strstrip (parts[i]);
          if (*parts[i])
            g_strv_builder_add (builder, parts[i]);
        }
    }
  return g_strv_builder_end (builder);
}

static gboolean
choose_imperative_name (const StrataLoadOptions *options,
                        StrataDiscovery         *d,
                        GError                 **error)
{
  const char *from_env = strata_environment_lookup (d->environment, "COMPOSE_PROJECT_NAME", NULL);
  const char *name = options->project_name;

  if (name == NULL || *name == 0)
    name = from_env;
  if (name == NULL || *name == 0)
    return TRUE;
  if (!strata_project_name_validate (name, error))
    return FALSE;
  d->imperative_name = g_strdup (name);
  return TRUE;
}

StrataDiscovery *
strata_discovery_run (const StrataLoadOptions *options,
                      GPtrArray               *diagnostics,
                      GError                 **error)
{
  g_autoptr(StrataDiscovery) d = g_new0 (StrataDiscovery, 1);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;

  d->cwd = options->cwd ? g_canonicalize_filename (options->cwd, NULL) : g_get_current_dir ();
  d->config_files = g_ptr_array_new_with_free_func (g_free);
  d->env_files = g_ptr_array_new_with_free_func (g_free);
  d->env_layers = g_ptr_array_new_with_free_func ((GDestroyNotify) strata_layer_unref);
  if (options->environment != NULL)
    d->environment = strata_environment_new_from_envp ((const char * const *) options->environment);
  else
    {
      g_auto(GStrv) envp = g_get_environ ();
      d->environment = strata_environment_new_from_envp ((const char * const *) envp);
    }

  if (!files_from_options (options, d, error))
    return NULL;
  dir = provisional_directory (options, d);
  if (!load_env_files (options, d, dir, error))
    return NULL;
  if (d->config_files->len == 0 && !files_from_environment (d, error))
    return NULL;
  if (d->config_files->len == 0 &&
      !find_default_files (d, options->project_directory ? dir : d->cwd, diagnostics))
    {
      g_set_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_NOT_FOUND,
                   _("No configuration file provided: not found"));
      return NULL;
    }

  g_clear_pointer (&dir, g_free);
  d->project_directory = provisional_directory (options, d);
  if (!load_env_files (options, d, d->project_directory, error))
    return NULL;

  d->profiles = choose_profiles (options, d);
  if (!choose_imperative_name (options, d, error))
    return NULL;
  base = g_path_get_basename (d->project_directory);
  d->directory_name = strata_project_name_normalize (base);

  return g_steal_pointer (&d);
}

/* Lowercase, only [a-z0-9_-], no leading '-' or '_'. */
char *
strata_project_name_normalize (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p; p++)
    if (g_ascii_isdigit (*p) || (*p >= 'a' && *p <= 'z') || *p == '_' || *p == '-')
      if (out->len > 0 || (*p != '_' && *p != '-'))
        g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

gboolean
strata_project_name_validate (const char  *name,
                              GError     **error)
{
  g_autofree char *normal = strata_project_name_normalize (name);

  if (g_str_equal (normal, name) && *name)
    return TRUE;
  g_set_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_PROJECT_NAME,
               _("invalid project name \"%s\": must consist only of lowercase alphanumeric "
                 "characters, hyphens, and underscores as well as start with a letter or number"),
               name);
  return FALSE;
}

/* -p > COMPOSE_PROJECT_NAME > the last non-empty `name:` (interpolated,
 * normalized) > the project directory's name. As in compose, a file that
 * names the project turns the directory fallback off, even when the name
 * interpolates to nothing. */
char *
strata_project_name_choose (StrataDiscovery  *discovery,
                            const char       *yaml_raw_name,
                            const char       *yaml_name,
                            GError          **error)
{
  g_autofree char *name = NULL;

  if (discovery->imperative_name != NULL)
    return g_strdup (discovery->imperative_name);

  name = strata_project_name_normalize (yaml_name ? yaml_name : "");
  if (*name == 0 && (yaml_raw_name == NULL || *yaml_raw_name == 0))
    {
      g_free (name);
      name = g_strdup (discovery->directory_name);
    }
  if (*name == 0)
    {
      g_set_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_PROJECT_NAME,
                   _("project name must not be empty"));
      return NULL;
    }
  return g_steal_pointer (&name);
}
