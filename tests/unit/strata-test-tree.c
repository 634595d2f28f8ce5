/* strata-test-tree.c: small helpers for tests of the compose model
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "strata-test-tree.h"
#include "strata-yaml.h"

StrataNode *
strata_test_read (const char *name,
                  const char *text,
                  GPtrArray  *layers)
{
  StrataLayer *layer = strata_layer_new (name, text, strlen (text), STRATA_LAYER_ROLE_BASE);
  g_autoptr(GError) error = NULL;
  StrataNode *root;

  g_ptr_array_add (layers, layer);
  root = strata_yaml_read (layer, &error);
  g_assert_no_error (error);
  return root;
}

static void
flow (GString          *out,
      const StrataNode *node)
{
  if (node->kind == STRATA_NODE_SCALAR)
    {
      g_string_append (out, node->type == STRATA_VALUE_NULL ? "null" : node->text);
      return;
    }
  g_string_append_c (out, node->kind == STRATA_NODE_MAPPING ? '{' : '[');
  for (guint i = 0; i < node->children->len; i++)
    {
      const StrataNode *child = g_ptr_array_index (node->children, i);

      if (i > 0)
        g_string_append (out, ", ");
      if (node->kind == STRATA_NODE_MAPPING)
        g_string_append_printf (out, "%s: ", child->key);
      flow (out, child);
    }
  g_string_append_c (out, node->kind == STRATA_NODE_MAPPING ? '}' : ']');
}

char *
strata_test_flow (const StrataNode *node)
{
  GString *out = g_string_new (NULL);

  if (node == NULL)
    g_string_append (out, "(none)");
  else
    flow (out, node);
  return g_string_free (out, FALSE);
}

const StrataNode *
strata_test_at (const StrataNode *root,
                const char       *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  const StrataNode *node = root;

  for (guint i = 0; node != NULL && parts[i] != NULL; i++)
    {
      if (node->kind == STRATA_NODE_SEQUENCE)
        {
          guint index = atoi (parts[i]);
          node = index < strata_node_get_n_children (node) ? strata_node_get_child (node, index) : NULL;
        }
      else
        node = strata_node_lookup (node, parts[i]);
    }
  return node;
}

void
strata_test_write_file (const char *dir,
                        const char *name,
                        const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_mkdir_with_parents (parent, 0755);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

void
strata_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        strata_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}
