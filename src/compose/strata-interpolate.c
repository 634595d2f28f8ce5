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
  if (node->interpolated == NULL)
    node->interpolated = g_array_new (FALSE, FALSE, sizeof (StrataPosition));

  for (guint i = 0; i < used->len; i++)
    {
      StrataPosition *pos = &g_array_index (used, StrataPosition, i);
      gboolean seen = FALSE;

      for (guint j = 0; j < node->interpolated->len && !seen; j++)
        {
          StrataPosition *old = &g_array_index (node->interpolated, StrataPosition, j);

          seen = old->layer == pos->layer && old->line == pos->line && old->column == pos->column;
        }
      if (!seen)
        g_array_append_val (node->interpolated, *pos);
    }
}

static gboolean
interpolate_scalar (StrataNode         *node,
                    StrataEnvironment  *env,
                    const char         *path,
                    GPtrArray          *diagnostics,
                    GError            **error)
{
  g_autoptr(GArray) used = NULL;
  g_autofree char *result = NULL;
  guint n_references = 0;

  if (node->type != STRATA_VALUE_STRING || strchr (node->text, '$') == NULL)
    return TRUE;

  used = g_array_new (FALSE, FALSE, sizeof (StrataPosition));
  result = run (node->text, env, &node->pos, path, used, diagnostics, &n_references, error);
  if (result == NULL)
    return FALSE;

  strata_node_take_text (node, g_steal_pointer (&result));
  if (n_references > 0)
    add_used (node, used);
  return TRUE;
}

/* compose's tree.Path: keys joined with ".", "[]" for any list item. */
static gboolean
interpolate_node (StrataNode         *node,
                  StrataEnvironment  *env,
                  GString            *path,
                  GPtrArray          *diagnostics,
                  GError            **error)
{
  if (g_strcmp0 (node->tag, "!reset") == 0)
    return TRUE;

  if (node->kind == STRATA_NODE_SCALAR)
    return interpolate_scalar (node, env, path->str, diagnostics, error) &&
           _strata_interpolate_cast (node, path->str, diagnostics, error);

  for (guint i = 0; i < node->children->len; i++)
    {
      StrataNode *child = g_ptr_array_index (node->children, i);
      gsize len = path->len;
      gboolean ok;

      if (len > 0)
        g_string_append_c (path, '.');
      if (node->kind == STRATA_NODE_MAPPING)
        g_string_append (path, child->key ? child->key : "");
      else
        g_string_append (path, "[]");

      ok = interpolate_node (child, env, path, diagnostics, error);
      g_string_truncate (path, len);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

gboolean
strata_interpolate_tree (StrataNode         *root,
                         StrataEnvironment  *env,
                         GPtrArray          *diagnostics,
                         GError            **error)
{
  g_autoptr(GString) path = g_string_new (NULL);

  g_return_val_if_fail (root != NULL, FALSE);
  g_return_val_if_fail (env != NULL, FALSE);

  return interpolate_node (root, env, path, diagnostics, error);
}
