/* strata-include.c: `include`, other projects pulled into this one
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * compose-go's ApplyInclude (COMPOSE-RULES.md §3): each entry (`path`, or
 * `{path, project_directory, env_file}`) is loaded as a project of its own:
 * its files merge in order, its relative paths resolve against its project
 * directory (the folder of its first file unless said), and it interpolates
 * with this project's environment plus its own env files (its `.env` by
 * default), this project's values winning. Its services, networks,
 * volumes, secrets and configs are then copied in; one that this file
 * defines too is an error unless both are the same. The included files are
 * layers of role STRATA_LAYER_ROLE_INCLUDE, so what they define keeps their
 * positions.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-canonical-private.h"
#include "strata-compose-error.h"
#include "strata-project-private.h"

typedef struct
{
  const StrataNode *entry;
  GPtrArray        *paths;             /* char *, absolute */
  GPtrArray        *path_nodes;        /* StrataNode *, borrowed */
  char             *project_directory; /* absolute */
  StrataEnvironment *environment;
} Include;

static void
include_clear (Include *inc)
{
  g_clear_pointer (&inc->paths, g_ptr_array_unref);
  g_clear_pointer (&inc->path_nodes, g_ptr_array_unref);
  g_clear_pointer (&inc->project_directory, g_free);
  g_clear_pointer (&inc->environment, strata_environment_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Include, include_clear)

static gboolean
read_paths (const StrataLoadCtx  *ctx,
            Include              *inc,
            GError              **error)
{
  const StrataNode *paths = strata_node_lookup (inc->entry, "path");
  const char *dir = strata_node_lookup_text (inc->entry, "project_directory");

  inc->paths = g_ptr_array_new_with_free_func (g_free);
  inc->path_nodes = g_ptr_array_new ();
  for (guint i = 0; paths && paths->kind == STRATA_NODE_SEQUENCE && i < paths->children->len; i++)
    {
      StrataNode *path = strata_node_get_child (paths, i);

      if (path->kind != STRATA_NODE_SCALAR || strata_node_is_null (path))
        continue;
      g_ptr_array_add (inc->paths, g_canonicalize_filename (path->text, ctx->working_dir));
      g_ptr_array_add (inc->path_nodes, path);
    }
  if (inc->paths->len == 0)
    return _strata_set_error (error, STRATA_COMPOSE_ERROR_TYPE, _strata_node_place (inc->entry),
                              _("Name the compose file to include, e.g. `- path: lib/compose.yaml`."),
                              "include entry has no path");
  if (dir != NULL && *dir)
    inc->project_directory = g_canonicalize_filename (dir, ctx->working_dir);
  else
    inc->project_directory = g_path_get_dirname (g_ptr_array_index (inc->paths, 0));
  return TRUE;
}

static gboolean
check_cycle (const StrataLoadCtx  *ctx,
             Include              *inc,
             GError              **error)
{
  const char *first = g_ptr_array_index (inc->paths, 0);
  g_autoptr(GString) chain = NULL;

  if (!g_ptr_array_find_with_equal_func (ctx->included, first, g_str_equal, NULL))
    return TRUE;
  chain = g_string_new (NULL);
  for (guint i = 0; i < ctx->included->len; i++)
    g_string_append_printf (chain, "%s → ", (char *) g_ptr_array_index (ctx->included, i));
  g_string_append (chain, first);
  return _strata_set_error (error, STRATA_COMPOSE_ERROR_CYCLE,
                            &((StrataNode *) g_ptr_array_index (inc->path_nodes, 0))->pos,
                            _("Remove one of these includes: a file cannot include itself."),
                            "include cycle detected: %s", chain->str);
}

/* The env files an entry names (relative to the including project), or
 * the included project's .env when it has one. */
static GPtrArray *
env_file_paths (const StrataLoadCtx  *ctx,
                Include              *inc,
                GError              **error)
{
  const StrataNode *files = strata_node_lookup (inc->entry, "env_file");
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; files && files->kind == STRATA_NODE_SEQUENCE && i < files->children->len; i++)
    {
      StrataNode *file = strata_node_get_child (files, i);
      g_autofree char *path = NULL;

      if (file->kind != STRATA_NODE_SCALAR || strata_node_is_null (file))
        continue;
      path = g_canonicalize_filename (file->text, ctx->working_dir);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          _strata_set_error (error, STRATA_COMPOSE_ERROR_NOT_FOUND, &file->pos,
                             _("Create the file, or fix the path (relative to the project folder)."),
                             "include env_file %s: no such file", path);
          return NULL;
        }
      g_ptr_array_add (paths, g_steal_pointer (&path));
    }
  if (files == NULL)
    {
      g_autofree char *dotenv = g_build_filename (inc->project_directory, ".env", NULL);

      if (g_file_test (dotenv, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (paths, g_steal_pointer (&dotenv));
    }
  return g_steal_pointer (&paths);
}

/* This project's environment, plus what the env files add (later files
 * win among them; this project's values win over all). */
static gboolean
make_environment (const StrataLoadCtx  *ctx,
                  Include              *inc,
                  GError              **error)
{
  g_autoptr(GPtrArray) paths = env_file_paths (ctx, inc, error);
  g_autoptr(StrataEnvironment) values = strata_environment_new ();
  g_auto(GStrv) names = NULL;

  if (paths == NULL)
    return FALSE;
  inc->environment = strata_environment_copy (ctx->environment);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(StrataLayer) layer = strata_layer_new_from_file (g_ptr_array_index (paths, i),
                                                                 STRATA_LAYER_ROLE_ENV_FILE, error);
      g_autoptr(StrataEnvironment) parsed = NULL;
      g_auto(GStrv) keys = NULL;

      if (layer == NULL ||
          (parsed = strata_environment_parse_dotenv (layer, ctx->environment, ctx->diagnostics, error)) == NULL)
        return FALSE;
      g_ptr_array_add (ctx->aux_layers, strata_layer_ref (layer));
      keys = strata_environment_dup_names (parsed);
      for (guint k = 0; keys[k]; k++)
        {
          StrataPosition pos;
          const char *value = strata_environment_lookup (parsed, keys[k], &pos);

          strata_environment_set (values, keys[k], value, &pos);
        }
    }
  names = strata_environment_dup_names (values);
  for (guint k = 0; names[k]; k++)
    if (strata_environment_lookup (inc->environment, names[k], NULL) == NULL)
      {
        StrataPosition pos;
        const char *value = strata_environment_lookup (values, names[k], &pos);

        strata_environment_set (inc->environment, names[k], value, &pos);
      }
  return TRUE;
}

/* The included project: its files merged in order, paths resolved. */
static StrataNode *
load_project (const StrataLoadCtx  *ctx,
              Include              *inc,
              GError              **error)
{
  g_autoptr(GPtrArray) included = g_ptr_array_copy (ctx->included, (GCopyFunc) g_strdup, NULL);
  StrataLoadCtx sub = *ctx;
  g_autoptr(StrataNode) merged = strata_node_new_mapping (&inc->entry->pos);

  g_ptr_array_set_free_func (included, g_free);
  sub.environment = inc->environment;
  sub.working_dir = inc->project_directory;
  sub.included = included;
  for (guint i = 0; i < inc->paths->len; i++)
    {
      const char *path = g_ptr_array_index (inc->paths, i);
      StrataNode *node = g_ptr_array_index (inc->path_nodes, i);
      g_autoptr(GError) local = NULL;
      g_autoptr(StrataLayer) layer = _strata_project_read_layer (path, NULL, STRATA_LAYER_ROLE_INCLUDE, &local);
      g_autoptr(GPtrArray) documents = NULL;

      if (layer == NULL)
        return (_strata_set_error (error, STRATA_COMPOSE_ERROR_NOT_FOUND, &node->pos,
                                   _("Fix the path (relative to the project folder) or create the file."),
                                   "cannot include %s: %s", path, local->message), NULL);
      g_ptr_array_add (ctx->aux_layers, strata_layer_ref (layer));
      g_ptr_array_add (included, g_strdup (path));
      if ((documents = strata_yaml_read_documents (layer, error)) == NULL)
        return NULL;
      while (documents->len > 0)
        {
          StrataNode *root = g_ptr_array_steal_index (documents, 0);

          _strata_project_drop_version (root, ctx->diagnostics, NULL);
          if (!_strata_project_merge_document (&sub, merged, root, layer, NULL, error))
            return NULL;
        }
    }
  _strata_resolve_relative_paths (merged, inc->project_directory, TRUE);
  return g_steal_pointer (&merged);
}

static gboolean
apply_entry (const StrataLoadCtx  *ctx,
             StrataNode           *root,
             const StrataNode     *raw,
             const StrataNode     *entry,
             GError              **error)
{
  g_auto(Include) inc = { .entry = entry };
  g_autoptr(StrataNode) project = NULL;

  if (!read_paths (ctx, &inc, error) || !check_cycle (ctx, &inc, error) ||
      !make_environment (ctx, &inc, error) || (project = load_project (ctx, &inc, error)) == NULL)
    return FALSE;
  return _strata_include_import (ctx, root, raw, project, entry, error);
}

gboolean
_strata_include_apply (const StrataLoadCtx  *ctx,
                       StrataNode           *root,
                       const StrataNode     *raw,
                       GError              **error)
{
  g_autoptr(StrataNode) include = strata_node_steal (root, "include");

  for (guint i = 0; include && include->kind == STRATA_NODE_SEQUENCE && i < include->children->len; i++)
    {
      const StrataNode *entry = strata_node_get_child (include, i);

      if (entry->kind != STRATA_NODE_MAPPING)
        return _strata_type_error (error, entry, "include entries", "a path or a mapping");
      if (!apply_entry (ctx, root, raw, entry, error))
        return FALSE;
    }
  return TRUE;
}
