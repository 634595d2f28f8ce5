/* strata-normalize.c: post-merge normalization as compose 2.26.1 does it
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-canonical-private.h"
#include "strata-compose-error.h"
#include "strata-diagnostic.h"
#include "strata-normalize.h"
#include "strata-schema-private.h"

static char *
resolve_path (const StrataNormalizeContext *ctx,
              const char                   *path)
{
  if (path[0] == '~' && (path[1] == '/' || path[1] == '\0') && ctx->home_dir != NULL)
    return g_build_filename (ctx->home_dir, path + 1, NULL);
  if (g_path_is_absolute (path))
    return g_canonicalize_filename (path, "/");
  return g_canonicalize_filename (path, ctx->working_dir);
}

static void
resolve_text (const StrataNormalizeContext *ctx,
              StrataNode                   *node)
{
  char *resolved;

  if (node == NULL || node->kind != STRATA_NODE_SCALAR || strata_node_is_null (node))
    return;
  resolved = resolve_path (ctx, node->text);
  g_free (node->text);
  node->text = resolved;
}

static gboolean
is_remote_context (const char *context)
{
  return strstr (context, "://") != NULL || g_str_has_prefix (context, "git@") ||
         g_str_has_prefix (context, "github.com/");
}

static void
normalize_build (const StrataNormalizeContext *ctx,
                 StrataNode                   *build)
{
  StrataNode *context, *args, *contexts;

  if (build == NULL || build->kind != STRATA_NODE_MAPPING)
    return;
  if ((context = strata_node_lookup (build, "context")) == NULL)
    strata_node_append (build, context = _strata_derived_scalar (build, "context", ".", STRATA_VALUE_STRING));
  if (!is_remote_context (context->text))
    resolve_text (ctx, context);
  if (strata_node_lookup (build, "dockerfile") == NULL && strata_node_lookup (build, "dockerfile_inline") == NULL)
    strata_node_append (build, _strata_derived_scalar (build, "dockerfile", "Dockerfile", STRATA_VALUE_STRING));

  /* a bare build arg takes its value from the environment, or goes away */
  args = strata_node_lookup (build, "args");
  for (guint i = 0; args && args->kind == STRATA_NODE_MAPPING && i < args->children->len; )
    {
      StrataNode *arg = strata_node_get_child (args, i);
      const char *value = strata_node_is_null (arg) && ctx->lookup_env ? ctx->lookup_env (arg->key, ctx->user_data) : NULL;

      if (!strata_node_is_null (arg) || value != NULL)
        {
          if (value != NULL)
            (g_free (arg->text), arg->text = g_strdup (value), arg->type = STRATA_VALUE_STRING);
          i++;
        }
      else
        g_ptr_array_remove_index (args->children, i);
    }

  contexts = strata_node_lookup (build, "additional_contexts");
  for (guint i = 0; contexts && contexts->kind == STRATA_NODE_MAPPING && i < contexts->children->len; i++)
    {
      StrataNode *c = strata_node_get_child (contexts, i);

      if (c->kind == STRATA_NODE_SCALAR && !is_remote_context (c->text) && strchr (c->text, ':') == NULL)
        resolve_text (ctx, c);
    }
}

/* The fallback env_file reader: KEY=VALUE lines, '#' comments. */
static gboolean
read_env_file_minimal (const char  *path,
                       GHashTable  *into,
                       GError     **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &text, NULL, error))
    return FALSE;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *eq = strchr (line, '=');

      if (line[0] == '\0' || line[0] == '#' || eq == NULL)
        continue;
      if (g_str_has_prefix (line, "export "))
        line += 7;
      eq = strchr (line, '=');
      g_hash_table_replace (into, g_strstrip (g_strndup (line, eq - line)), g_strdup (eq + 1));
    }
  return TRUE;
}

static gboolean
read_env_files (const StrataNormalizeContext *ctx,
                StrataNode                   *service,
                StrataNode                   *environment,
                GError                      **error)
{
  g_autoptr(StrataNode) files = strata_node_steal (service, "env_file");
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; files && i < strata_node_get_n_children (files); i++)
    {
      StrataNode *entry = strata_node_get_child (files, i);
      const char *path = entry->kind == STRATA_NODE_MAPPING ? strata_node_lookup_text (entry, "path") : entry->text;
      const char *required = entry->kind == STRATA_NODE_MAPPING ? strata_node_lookup_text (entry, "required") : NULL;
      g_autofree char *abs = resolve_path (ctx, path ? path : "");
      g_autoptr(GError) local = NULL;
      gboolean ok = ctx->read_env_file ? ctx->read_env_file (abs, values, ctx->user_data, &local)
                                       : read_env_file_minimal (abs, values, &local);

      if (!ok && g_strcmp0 (required, "false") != 0)
        {
          g_autofree char *place = strata_position_to_string (&entry->pos);
          g_set_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_NOT_FOUND,
                       "%s: env file %s not found: %s", place, abs, local ? local->message : "");
          return FALSE;
        }
    }

  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, values);
    while (g_hash_table_iter_next (&iter, &key, &value))
      if (strata_node_lookup (environment, key) == NULL)
        strata_node_append (environment, _strata_derived_scalar (environment, key, value, STRATA_VALUE_STRING));
  }
  return TRUE;
}

static gboolean
normalize_environment (const StrataNormalizeContext *ctx,
                       StrataNode                   *service,
                       GError                      **error)
{
  StrataNode *environment = strata_node_lookup (service, "environment");
  gboolean created = environment == NULL;

  if (created)
    environment = _strata_derived_mapping (service, "environment");
  if (!read_env_files (ctx, service, environment, error))
    return (created ? (strata_node_free (environment), FALSE) : FALSE);

  for (guint i = 0; i < strata_node_get_n_children (environment); i++)
    {
      StrataNode *var = strata_node_get_child (environment, i);
      const char *value;

      if (strata_node_is_null (var) && ctx->lookup_env && (value = ctx->lookup_env (var->key, ctx->user_data)))
        {
          g_free (var->text);
          var->text = g_strdup (value);
          var->type = STRATA_VALUE_STRING;
          var->origin = STRATA_ORIGIN_INTERPOLATED;
        }
    }
  if (created && strata_node_get_n_children (environment) > 0)
    strata_node_append (service, environment);
  else if (created)
    strata_node_free (environment);
  return TRUE;
}

/* command/entrypoint strings are split like a shell (go-shellwords) */
static void
split_command (StrataNode *service,
               const char *key)
{
  StrataNode *command = strata_node_lookup (service, key);
  g_auto(GStrv) argv = NULL;
  StrataNode *list;

  if (command == NULL || command->kind != STRATA_NODE_SCALAR || strata_node_is_null (command))
    return;
  list = _strata_derived_mapping (command, key);
  list->kind = STRATA_NODE_SEQUENCE;
  if (command->text[0] != '\0' && g_shell_parse_argv (command->text, NULL, &argv, NULL))
    for (guint i = 0; argv[i]; i++)
      strata_node_append (list, _strata_derived_scalar (command, NULL, argv[i], STRATA_VALUE_STRING));
  strata_node_set (service, key, list);
}

static void
normalize_healthcheck (StrataNode *service)
{
  StrataNode *health = strata_node_lookup (service, "healthcheck");
  StrataNode *test = health ? strata_node_lookup (health, "test") : NULL;
  StrataNode *list;

  if (test == NULL || test->kind != STRATA_NODE_SCALAR || strata_node_is_null (test))
    return;
  list = _strata_derived_mapping (test, "test");
  list->kind = STRATA_NODE_SEQUENCE;
  strata_node_append (list, _strata_derived_scalar (test, NULL, "CMD-SHELL", STRATA_VALUE_STRING));
  strata_node_append (list, _strata_derived_scalar (test, NULL, test->text, STRATA_VALUE_STRING));
  strata_node_set (health, "test", list);
}

static void
normalize_volumes (const StrataNormalizeContext *ctx,
                   StrataNode                   *service)
{
  StrataNode *volumes = strata_node_lookup (service, "volumes");

  for (guint i = 0; volumes && volumes->kind == STRATA_NODE_SEQUENCE && i < volumes->children->len; i++)
    {
      StrataNode *volume = strata_node_get_child (volumes, i);

      if (g_strcmp0 (strata_node_lookup_text (volume, "type"), "bind") == 0)
        resolve_text (ctx, strata_node_lookup (volume, "source"));
    }
}

/* links (and network_mode: service:x) imply a dependency that restarts */
static void
implied_dependencies (StrataNode *service)
{
  StrataNode *links = strata_node_lookup (service, "links");
  StrataNode *deps = strata_node_lookup (service, "depends_on");

  for (guint i = 0; links && links->kind == STRATA_NODE_SEQUENCE && i < links->children->len; i++)
    {
      StrataNode *link = strata_node_get_child (links, i);
      g_auto(GStrv) parts = g_strsplit (link->text, ":", 2);
      StrataNode *dep;

      if (deps == NULL)
        strata_node_append (service, deps = _strata_derived_mapping (link, "depends_on"));
      if (strata_node_lookup (deps, parts[0]) != NULL)
        continue;
      dep = _strata_derived_mapping (link, parts[0]);
      strata_node_append (dep, _strata_derived_scalar (link, "condition", "service_started", STRATA_VALUE_STRING));
      strata_node_append (dep, _strata_derived_scalar (link, "restart", "true", STRATA_VALUE_BOOL));
      strata_node_append (dep, _strata_derived_scalar (link, "required", "true", STRATA_VALUE_BOOL));
      strata_node_append (deps, dep);
    }
}

static void
normalize_develop (const StrataNormalizeContext *ctx,
                   StrataNode                   *service)
{
  StrataNode *develop = strata_node_lookup (service, "develop");
  StrataNode *watch = develop ? strata_node_lookup (develop, "watch") : NULL;

  for (guint i = 0; watch && watch->kind == STRATA_NODE_SEQUENCE && i < watch->children->len; i++)
    resolve_text (ctx, strata_node_lookup (strata_node_get_child (watch, i), "path"));
}

static gboolean
normalize_service (const StrataNormalizeContext *ctx,
                   StrataNode                   *service,
                   GError                      **error)
{
  normalize_build (ctx, strata_node_lookup (service, "build"));
  normalize_develop (ctx, service);
  if (!normalize_environment (ctx, service, error))
    return FALSE;
  split_command (service, "command");
  split_command (service, "entrypoint");
  normalize_healthcheck (service);
  normalize_volumes (ctx, service);
  implied_dependencies (service);

  if (strata_node_lookup (service, "network_mode") == NULL)
    {
      StrataNode *networks = strata_node_lookup (service, "networks");

      if (networks == NULL || strata_node_is_null (networks) || strata_node_get_n_children (networks) == 0)
        {
          StrataNode *map = _strata_derived_mapping (service, "networks");

          strata_node_append (map, _strata_derived_scalar (service, "default", "", STRATA_VALUE_NULL));
          strata_node_set (service, "networks", map);
        }
    }
  return TRUE;
}

static gboolean
service_is_active (const StrataNormalizeContext *ctx,
                   const StrataNode             *service)
{
  StrataNode *profiles = strata_node_lookup (service, "profiles");

  if (profiles == NULL || strata_node_get_n_children (profiles) == 0)
    return TRUE;
  for (guint i = 0; ctx->profiles && ctx->profiles[i]; i++)
    {
      if (g_str_equal (ctx->profiles[i], "*"))
        return TRUE;
      for (guint j = 0; j < strata_node_get_n_children (profiles); j++)
        if (g_strcmp0 (strata_node_get_child (profiles, j)->text, ctx->profiles[i]) == 0)
          return TRUE;
    }
  return FALSE;
}

static void
collect (GHashTable       *used,
         const StrataNode *list,
         const char       *field,
         const char       *only_type)
{
  for (guint i = 0; list && list->kind == STRATA_NODE_SEQUENCE && i < list->children->len; i++)
    {
      StrataNode *item = strata_node_get_child (list, i);
      const char *name = strata_node_lookup_text (item, field);

      if (name && (only_type == NULL || g_strcmp0 (strata_node_lookup_text (item, "type"), only_type) == 0))
        g_hash_table_add (used, (gpointer) name);
    }
}

/* Top-level resources no service uses are left out; the others get their
 * `name` (project_key, or the key itself when external). */
static void
normalize_resources (const StrataNormalizeContext *ctx,
                     StrataNode                   *project,
                     const char                   *kind,
                     GHashTable                   *used)
{
  StrataNode *map = strata_node_lookup (project, kind);
  gboolean is_file = g_str_equal (kind, "secrets") || g_str_equal (kind, "configs");

  if (g_str_equal (kind, "networks") && g_hash_table_contains (used, "default") &&
      strata_node_lookup (map, "default") == NULL)
    {
      if (map == NULL)
        strata_node_append (project, map = _strata_derived_mapping (project, "networks"));
      strata_node_append (map, _strata_derived_mapping (map, "default"));
    }
  for (guint i = 0; map && map->kind == STRATA_NODE_MAPPING && i < map->children->len; )
    {
      StrataNode *res = strata_node_get_child (map, i);
      g_autofree char *name = NULL;

      if (!g_hash_table_contains (used, res->key))
        {
          g_ptr_array_remove_index (map->children, i);
          continue;
        }
      if (strata_node_is_null (res))
        {
          StrataNode *empty = _strata_derived_mapping (res, res->key);
          g_ptr_array_index (map->children, i) = empty;
          strata_node_free (res);
          res = empty;
        }
      if (g_strcmp0 (strata_node_lookup_text (res, "external"), "true") == 0)
        name = g_strdup (res->key);
      else
        name = g_strdup_printf ("%s_%s", ctx->project_name, res->key);
      if (strata_node_lookup (res, "name") == NULL)
        g_ptr_array_insert (res->children, 0, _strata_derived_scalar (res, "name", name, STRATA_VALUE_STRING));
      if (is_file)
        resolve_text (ctx, strata_node_lookup (res, "file"));
      i++;
    }
}

static void
used_resources (StrataNode *services,
                GHashTable *networks,
                GHashTable *volumes,
                GHashTable *secrets,
                GHashTable *configs)
{
  for (guint i = 0; i < strata_node_get_n_children (services); i++)
    {
      StrataNode *service = strata_node_get_child (services, i);
      StrataNode *nets = strata_node_lookup (service, "networks");
      StrataNode *build = strata_node_lookup (service, "build");

      for (guint j = 0; nets && j < strata_node_get_n_children (nets); j++)
        g_hash_table_add (networks, strata_node_get_child (nets, j)->key);
      collect (volumes, strata_node_lookup (service, "volumes"), "source", "volume");
      collect (secrets, strata_node_lookup (service, "secrets"), "source", NULL);
      collect (secrets, build ? strata_node_lookup (build, "secrets") : NULL, "source", NULL);
      collect (configs, strata_node_lookup (service, "configs"), "source", NULL);
    }
}

static void
set_project_name (StrataNode *project,
                  const char *name)
{
  StrataNode *node = strata_node_new_scalar (&project->pos, name, STRATA_VALUE_STRING);

  node->origin = STRATA_ORIGIN_DERIVED;
  strata_node_remove (project, "name");
  node->key = g_strdup ("name");
  g_ptr_array_insert (project->children, 0, node);
}

gboolean
strata_normalize_project (StrataNode                   *project,
                          const StrataNormalizeContext *ctx,
                          GPtrArray                    *diagnostics,
                          GError                      **error)
{
  g_autoptr(StrataNode) version = NULL;
  StrataNode *services;
  g_autoptr(GHashTable) networks = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) volumes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) secrets = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) configs = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (project != NULL && project->kind == STRATA_NODE_MAPPING, FALSE);
  g_return_val_if_fail (ctx != NULL && ctx->project_name != NULL && ctx->working_dir != NULL, FALSE);

  if ((version = strata_node_steal (project, "version")) != NULL && diagnostics != NULL)
    g_ptr_array_add (diagnostics,
                     strata_diagnostic_new (STRATA_SEVERITY_WARNING, &version->key_pos,
                                            "remove it to avoid potential confusion",
                                            "the attribute `version` is obsolete, it will be ignored"));
  set_project_name (project, ctx->project_name);

  services = strata_node_lookup (project, "services");
  if (services == NULL)
    strata_node_append (project, services = _strata_derived_mapping (project, "services"));
  for (guint i = 0; i < strata_node_get_n_children (services); )
    {
      StrataNode *service = strata_node_get_child (services, i);

      if (!service_is_active (ctx, service))
        {
          g_ptr_array_remove_index (services->children, i);
          continue;
        }
      if (!normalize_service (ctx, service, error))
        return FALSE;
      i++;
    }

  used_resources (services, networks, volumes, secrets, configs);
  normalize_resources (ctx, project, "networks", networks);
  normalize_resources (ctx, project, "volumes", volumes);
  normalize_resources (ctx, project, "secrets", secrets);
  normalize_resources (ctx, project, "configs", configs);

  _strata_schema_shape (project, STRATA_SCHEMA_STRUCT, 0, _strata_schema_project (),
                        STRATA_SCHEMA_FIELD_KEEP_EMPTY);
  return TRUE;
}
