/* strata-resolve-paths.c: relative paths of a file that lives elsewhere
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The paths of a project are resolved against the project folder after the
 * merge (strata-normalize-paths.c), except those of an included project and
 * of a service pulled from another file by extends: compose-go resolves
 * them against their own folder when it reads them. The fields are those of
 * its ResolveRelativePaths: build context and additional contexts, env
 * files, bind sources, develop.watch paths, secret and config files.
 */

#include "config.h"

#include <string.h>

#include "strata-canonical-private.h"
#include "strata-normalize-private.h"
#include "strata-project-private.h"

static gboolean
is_remote (const char *path)
{
  return strstr (path, "://") != NULL || g_str_has_prefix (path, "git@") ||
         g_str_has_prefix (path, "github.com/");
}

static void
resolve_build (const StrataNormalizeContext *ctx,
               StrataNode                   *build,
               gboolean                      default_context)
{
  StrataNode *context, *contexts;

  if (build == NULL || build->kind != STRATA_NODE_MAPPING)
    return;
  context = strata_node_lookup (build, "context");
  if (context == NULL && default_context)
    strata_node_append (build, context = _strata_derived_scalar (build, "context", ".", STRATA_VALUE_STRING));
  if (context != NULL && context->kind == STRATA_NODE_SCALAR && !is_remote (context->text))
    _strata_resolve_text (ctx, context);

  contexts = strata_node_lookup (build, "additional_contexts");
  for (guint i = 0; contexts && contexts->kind == STRATA_NODE_MAPPING && i < contexts->children->len; i++)
    {
      StrataNode *c = strata_node_get_child (contexts, i);

      if (c->kind == STRATA_NODE_SCALAR && !is_remote (c->text) && strchr (c->text, ':') == NULL)
        _strata_resolve_text (ctx, c);
    }
}

static void
resolve_service (const StrataNormalizeContext *ctx,
                 StrataNode                   *service,
                 gboolean                      default_context)
{
  StrataNode *env_files = strata_node_lookup (service, "env_file");
  StrataNode *volumes = strata_node_lookup (service, "volumes");
  StrataNode *develop = strata_node_lookup (service, "develop");
  StrataNode *watch = develop ? strata_node_lookup (develop, "watch") : NULL;

  resolve_build (ctx, strata_node_lookup (service, "build"), default_context);
  for (guint i = 0; env_files && env_files->kind == STRATA_NODE_SEQUENCE && i < env_files->children->len; i++)
    {
      StrataNode *entry = strata_node_get_child (env_files, i);

      _strata_resolve_text (ctx, entry->kind == STRATA_NODE_MAPPING ? strata_node_lookup (entry, "path") : entry);
    }
  for (guint i = 0; volumes && volumes->kind == STRATA_NODE_SEQUENCE && i < volumes->children->len; i++)
    {
      StrataNode *volume = strata_node_get_child (volumes, i);

      if (volume->kind == STRATA_NODE_MAPPING && g_strcmp0 (strata_node_lookup_text (volume, "type"), "bind") == 0)
        _strata_resolve_text (ctx, strata_node_lookup (volume, "source"));
    }
  for (guint i = 0; watch && watch->kind == STRATA_NODE_SEQUENCE && i < watch->children->len; i++)
    {
      StrataNode *item = strata_node_get_child (watch, i);

      if (item->kind == STRATA_NODE_MAPPING)
        _strata_resolve_text (ctx, strata_node_lookup (item, "path"));
    }
}

static void
resolve_files (const StrataNormalizeContext *ctx,
               StrataNode                   *resources)
{
  for (guint i = 0; resources && resources->kind == STRATA_NODE_MAPPING && i < resources->children->len; i++)
    {
      StrataNode *resource = strata_node_get_child (resources, i);

      if (resource->kind == STRATA_NODE_MAPPING)
        _strata_resolve_text (ctx, strata_node_lookup (resource, "file"));
    }
}

void
_strata_resolve_relative_paths (StrataNode *root,
                                const char *dir,
                                gboolean    default_context)
{
  StrataNormalizeContext ctx = { .working_dir = dir, .home_dir = g_get_home_dir () };
  StrataNode *services = strata_node_lookup (root, "services");

  for (guint i = 0; services && services->kind == STRATA_NODE_MAPPING && i < services->children->len; i++)
    {
      StrataNode *service = strata_node_get_child (services, i);

      if (service->kind == STRATA_NODE_MAPPING)
        resolve_service (&ctx, service, default_context);
    }
  resolve_files (&ctx, strata_node_lookup (root, "secrets"));
  resolve_files (&ctx, strata_node_lookup (root, "configs"));
}
