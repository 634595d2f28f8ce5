/* strata-normalize-paths.c: paths against the project folder, build contexts
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-canonical-private.h"
#include "strata-normalize-private.h"

/* Whether the parts of @path (after a leading slash) are none of empty,
 * "." and "..", with no slash at the end: Go's path.Clean and
 * g_canonicalize_filename () leave such a path as it is. */
static gboolean
is_clean (const char *path)
{
  const char *part = path + (path[0] == '/');

  if (path[0] == '/' && path[1] == '\0')
    return TRUE;
  for (;;)
    {
      const char *end = part;

      while (*end != '\0' && *end != '/')
        end++;
      if (end == part || (part[0] == '.' && (end - part == 1 || (end - part == 2 && part[1] == '.'))))
        return FALSE;
      if (*end == '\0')
        return TRUE;
      part = end + 1;
    }
}

/* The canonical path of relative @path in the canonical folder @dir when
 * joining them is all it takes ("./data" in "/srv/app"), in @buf; its
 * length, or 0 when g_canonicalize_filename () has more to do. */
static gsize
join_clean (const char *dir,
            const char *path,
            char       *buf,
            gsize       size)
{
  gsize dir_length, path_length;

  while (path[0] == '.' && path[1] == '/' && path[2] != '/')
    path += 2;
  if (path[0] == '/' || path[0] == '\0' || dir[0] != '/' || !is_clean (dir) || !is_clean (path))
    return 0;
  dir_length = dir[1] == '\0' ? 0 : strlen (dir);
  path_length = strlen (path);
  if (dir_length + 1 + path_length >= size)
    return 0;
  memcpy (buf, dir, dir_length);
  buf[dir_length] = '/';
  memcpy (buf + dir_length + 1, path, path_length + 1);
  return dir_length + 1 + path_length;
}

char *
_strata_canonicalize_path (const char *path,
                           const char *dir)
{
  char buf[1024];
  gsize length;

  if (g_path_is_absolute (path) && is_clean (path))
    return g_strdup (path);
  if (!g_path_is_absolute (path) && (length = join_clean (dir, path, buf, sizeof buf)) > 0)
    return g_strndup (buf, length);
  return g_canonicalize_filename (path, dir);
}

static gboolean
is_home (const StrataNormalizeContext *ctx,
         const char                   *path)
{
  return path[0] == '~' && (path[1] == '/' || path[1] == '\0') && ctx->home_dir != NULL;
}

char *
_strata_resolve_path (const StrataNormalizeContext *ctx,
                      const char                   *path)
{
  char buf[1024];
  gsize length;

  if (is_home (ctx, path))
    return g_build_filename (ctx->home_dir, path + 1, NULL);
  if (g_path_is_absolute (path))
    return is_clean (path) ? g_strdup (path) : g_canonicalize_filename (path, "/");
  if ((length = join_clean (ctx->working_dir, path, buf, sizeof buf)) > 0)
    return g_strndup (buf, length);
  return g_canonicalize_filename (path, ctx->working_dir);
}

void
_strata_resolve_text (const StrataNormalizeContext *ctx,
                      StrataNode                   *node)
{
  char buf[1024];
  gsize length;

  if (node == NULL || node->kind != STRATA_NODE_SCALAR || strata_node_is_null (node))
    return;
  if (!is_home (ctx, node->text) && g_path_is_absolute (node->text) && is_clean (node->text))
    return;
  if (!is_home (ctx, node->text) && !g_path_is_absolute (node->text) &&
      (length = join_clean (ctx->working_dir, node->text, buf, sizeof buf)) > 0)
    strata_node_set_text_len (node, buf, length);
  else
    strata_node_take_text (node, _strata_resolve_path (ctx, node->text));
}

static gboolean
is_remote_context (const char *context)
{
  return strstr (context, "://") != NULL || g_str_has_prefix (context, "git@") ||
         g_str_has_prefix (context, "github.com/");
}

void
_strata_normalize_build (const StrataNormalizeContext *ctx,
                         StrataNode                   *build)
{
  StrataNode *context, *args, *contexts;

  if (build == NULL || build->kind != STRATA_NODE_MAPPING)
    return;
  if ((context = strata_node_lookup (build, "context")) == NULL)
    strata_node_append (build, context = _strata_derived_scalar (build, "context", ".", STRATA_VALUE_STRING));
  if (!is_remote_context (context->text))
    _strata_resolve_text (ctx, context);
  if (strata_node_lookup (build, "dockerfile") == NULL && strata_node_lookup (build, "dockerfile_inline") == NULL)
    strata_node_append (build, _strata_derived_scalar (build, "dockerfile", "Dockerfile", STRATA_VALUE_STRING));

  /* a bare build arg takes its value from the environment, or goes away */
  args = strata_node_lookup (build, "args");
  for (guint i = 0; args && args->kind == STRATA_NODE_MAPPING && i < args->children->len; )
    {
      StrataNode *arg = strata_node_get_child (args, i);
      const char *value = strata_node_is_null (arg) && ctx->environment
                          ? strata_environment_lookup (ctx->environment, arg->key, NULL) : NULL;

      if (!strata_node_is_null (arg) || value != NULL)
        {
          if (value != NULL)
            (strata_node_set_text (arg, value), arg->type = STRATA_VALUE_STRING);
          i++;
        }
      else
        strata_node_remove_child (args, i);
    }

  contexts = strata_node_lookup (build, "additional_contexts");
  for (guint i = 0; contexts && contexts->kind == STRATA_NODE_MAPPING && i < contexts->children->len; i++)
    {
      StrataNode *c = strata_node_get_child (contexts, i);

      if (c->kind == STRATA_NODE_SCALAR && !is_remote_context (c->text) && strchr (c->text, ':') == NULL)
        _strata_resolve_text (ctx, c);
    }
}

void
_strata_normalize_volumes (const StrataNormalizeContext *ctx,
                           StrataNode                   *service)
{
  StrataNode *volumes = strata_node_lookup (service, "volumes");

  for (guint i = 0; volumes && volumes->kind == STRATA_NODE_SEQUENCE && i < volumes->children->len; i++)
    {
      StrataNode *volume = strata_node_get_child (volumes, i);
      StrataNode *target = strata_node_lookup (volume, "target");

      /* every target prints path-cleaned (the long syntax's only now,
       * after the merge compared them as written) */
      if (target != NULL && target->kind == STRATA_NODE_SCALAR && target->text != NULL &&
          target->text[0] != '\0' && !is_clean (target->text))
        strata_node_take_text (target, _strata_clean_path (target->text));

      if (g_strcmp0 (strata_node_lookup_text (volume, "type"), "bind") == 0)
        _strata_resolve_text (ctx, strata_node_lookup (volume, "source"));
    }
}
