/* strata-interpolate.c: interpolating strings and whole trees
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-interpolate.h"
#include "strata-interpolate-private.h"

static const char *
lookup_env (const char     *name,
            StrataPosition *out_pos,
            gpointer        user_data)
{
  return strata_environment_lookup (user_data, name, out_pos);
}

static char *
run (const char           *input,
     StrataEnvironment    *env,
     const StrataPosition *pos,
     const char           *path,
     GArray               *used,
     GPtrArray            *diagnostics,
     guint                *n_references,
     GError              **error)
{
  StrataInterpolation ctx = { lookup_env, env, pos, used, diagnostics, };
  char *result = _strata_interpolation_run (&ctx, input);

  if (result == NULL)
    _strata_interpolation_set_error (&ctx, path, error);
  if (n_references != NULL)
    *n_references = ctx.n_references;
  _strata_interpolation_clear (&ctx);
  return result;
}

gboolean
strata_interpolate_string (const char            *input,
                           StrataEnvironment     *env,
                           const StrataPosition  *pos,
                           char                 **output,
                           GArray                *used_positions,
                           GPtrArray             *diagnostics,
                           GError               **error)
{
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (env != NULL, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  *output = run (input, env, pos, NULL, used_positions, diagnostics, NULL, error);
  return *output != NULL;
}

static void
add_used (StrataNode *node,
          GArray     *used)
{
  for (guint i = 0; i < used->len; i++)
    strata_node_add_interpolated (node, &g_array_index (used, StrataPosition, i));
}

/* compose's tree.Path: keys joined with ".", "[]" for any list item. The
 * walk keeps a frame per level on the stack and writes the path out only
 * where a typed path (strata-interpolate-cast.c) may lie below, or for an
 * error. */
typedef struct _Frame Frame;
struct _Frame
{
  const Frame *parent;
  const char  *part;
};

typedef struct
{
  StrataEnvironment  *env;
  GPtrArray          *diagnostics;
  GString            *path;  /* the path of the container being walked, if it may be cast */
} Walk;

/* Appends "." (unless @path is empty) and @part, its dots written as
 * STRATA_PATH_KEY_DOT, in one pass over the part (keys are short). */
static void
append_part (GString    *path,
             const char *part)
{
  gsize old = path->len, length = strlen (part), dot = old > 0;
  gsize new_len = old + dot + length;
  char *out;

  if (new_len >= path->allocated_len)
    g_string_set_size (path, new_len);
  else
    path->len = new_len;
  out = path->str + old;
  if (dot)
    *out++ = '.';
  for (gsize i = 0; i < length; i++)
    out[i] = part[i] == '.' ? STRATA_PATH_KEY_DOT : part[i];
  path->str[new_len] = '\0';
}

static void
append_frames (GString     *path,
               const Frame *frame)
{
  if (frame == NULL)
    return;
  append_frames (path, frame->parent);
  append_part (path, frame->part);
}

static gboolean
interpolate_scalar (StrataNode   *node,
                    Walk         *walk,
                    const Frame  *frame,
                    GError      **error)
{
  g_autoptr(GArray) used = NULL;
  g_autofree char *result = NULL;
  StrataInterpolation ctx = { lookup_env, walk->env, &node->pos, NULL, walk->diagnostics, };

  if (node->type != STRATA_VALUE_STRING || strchr (node->text, '$') == NULL)
    return TRUE;

  ctx.used = used = g_array_new (FALSE, FALSE, sizeof (StrataPosition));
  result = _strata_interpolation_run (&ctx, node->text);
  if (result == NULL)
    {
      g_autoptr(GString) path = g_string_new (NULL);

      append_frames (path, frame);
      _strata_interpolation_set_error (&ctx, path->str, error);
      _strata_interpolation_clear (&ctx);
      return FALSE;
    }
  _strata_interpolation_clear (&ctx);

  strata_node_take_text (node, g_steal_pointer (&result));
  if (ctx.n_references > 0)
    add_used (node, used);
  return TRUE;
}

static gboolean
interpolate_node (StrataNode            *node,
                  Walk                  *walk,
                  const Frame           *frame,
                  const StrataCastScope *parent,
                  GError               **error);

/* The children of a mapping or sequence; @scope, when values below it may
 * have a type, is the container's (and its path is in walk->path). */
static gboolean
interpolate_children (StrataNode            *node,
                      Walk                  *walk,
                      const Frame           *frame,
                      const StrataCastScope *scope,
                      GError               **error)
{
  gboolean typed = scope != NULL;
  gboolean mapping = node->kind == STRATA_NODE_MAPPING;

  for (guint i = 0; i < node->children->len; i++)
    {
      StrataNode *child = g_ptr_array_index (node->children, i);
      Frame sub = { frame, !mapping ? "[]" : child->key ? child->key : "" };
      gsize len = walk->path->len;
      gboolean ok;

      if (typed)
        append_part (walk->path, sub.part);
      ok = interpolate_node (child, walk, &sub, scope, error);
      if (typed)
        walk->path->str[walk->path->len = len] = '\0';
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* @parent: the scope of the node's parent, or NULL where nothing has a type. */
static gboolean
interpolate_node (StrataNode            *node,
                  Walk                  *walk,
                  const Frame           *frame,
                  const StrataCastScope *parent,
                  GError               **error)
{
  StrataCastScope scope;

  if (node->tag != NULL && strcmp (node->tag, "!reset") == 0)
    return TRUE;

  if (node->kind == STRATA_NODE_SCALAR)
    return interpolate_scalar (node, walk, frame, error) &&
           (parent == NULL || _strata_interpolate_cast (node, parent, walk->path->str, walk->diagnostics, error));

  if (parent != NULL && !_strata_cast_scope_below (parent, walk->path->str, &scope))
    parent = NULL;
  return interpolate_children (node, walk, frame, parent != NULL ? &scope : NULL, error);
}

gboolean
strata_interpolate_tree (StrataNode         *root,
                         StrataEnvironment  *env,
                         GPtrArray          *diagnostics,
                         GError            **error)
{
  g_autoptr(GString) path = g_string_new (NULL);
  Walk walk = { env, diagnostics, path };
  StrataCastScope above;

  g_return_val_if_fail (root != NULL, FALSE);
  g_return_val_if_fail (env != NULL, FALSE);

  _strata_cast_scope_init (&above);
  return interpolate_node (root, &walk, NULL, &above, error);
}
