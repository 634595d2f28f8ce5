/* test-node.c: layers and positioned nodes
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-arena.h"
#include "strata-node.h"

static void
test_layer_lines (void)
{
  const char *text = "services:\n  web:\n    image: nginx\n";
  g_autoptr(StrataLayer) layer = strata_layer_new ("/p/compose.yaml", text, strlen (text),
                                                  STRATA_LAYER_ROLE_BASE);
  g_autofree char *line2 = strata_layer_dup_line (layer, 2);
  g_autofree char *line3 = strata_layer_dup_line (layer, 3);

  g_assert_cmpuint (strata_layer_get_n_lines (layer), ==, 3);
  g_assert_cmpstr (line2, ==, "  web:");
  g_assert_cmpstr (line3, ==, "    image: nginx");
  g_assert_null (strata_layer_dup_line (layer, 4));
  g_assert_null (strata_layer_dup_line (layer, 0));
  g_assert_cmpstr (strata_layer_get_basename (layer), ==, "compose.yaml");
}

static void
test_position_string (void)
{
  const char *text = "a: 1\n";
  g_autoptr(StrataLayer) layer = strata_layer_new ("/p/x.yml", text, strlen (text),
                                                  STRATA_LAYER_ROLE_OVERRIDE);
  StrataPosition pos = { layer, 14, 3 };
  StrataPosition line_only = { layer, 14, 0 };
  g_autofree char *full = strata_position_to_string (&pos);
  g_autofree char *partial = strata_position_to_string (&line_only);

  g_assert_cmpstr (full, ==, "x.yml:14:3");
  g_assert_cmpstr (partial, ==, "x.yml:14");
}

static void
test_mapping_set_keeps_place (void)
{
  g_autoptr(StrataNode) map = strata_node_new_mapping (NULL);
  g_autoptr(StrataNode) copy = NULL;

  strata_node_set (map, "image", strata_node_new_scalar (NULL, "a", STRATA_VALUE_STRING));
  strata_node_set (map, "command", strata_node_new_scalar (NULL, "x", STRATA_VALUE_STRING));
  strata_node_set (map, "image", strata_node_new_scalar (NULL, "b", STRATA_VALUE_STRING));

  g_assert_cmpuint (strata_node_get_n_children (map), ==, 2);
  g_assert_cmpstr (strata_node_get_child (map, 0)->key, ==, "image");
  g_assert_cmpstr (strata_node_lookup_text (map, "image"), ==, "b");

  copy = strata_node_copy (map);
  g_assert_true (strata_node_remove (map, "image"));
  g_assert_false (strata_node_remove (map, "image"));
  g_assert_null (strata_node_lookup (map, "image"));
  g_assert_cmpstr (strata_node_lookup_text (copy, "image"), ==, "b");
}

static void
test_shadowed_positions (void)
{
  const char *text = "x\n";
  g_autoptr(StrataLayer) layer = strata_layer_new ("/p/a.yml", text, 2, STRATA_LAYER_ROLE_BASE);
  g_autoptr(StrataNode) node = strata_node_new_scalar (NULL, "v", STRATA_VALUE_STRING);
  StrataPosition pos = { layer, 12, 5 };
  StrataPosition none = { layer, 0, 0 };

  strata_node_add_shadowed (node, &none);
  g_assert_null (node->shadowed);
  strata_node_add_shadowed (node, &pos);
  g_assert_cmpuint (node->shadowed->len, ==, 1);
  g_assert_cmpuint (g_array_index (node->shadowed, StrataPosition, 0).line, ==, 12);
  g_assert_true (strata_node_is_null (NULL));
}

/* A literal key is kept by a node of an arena, copied by another; both
 * read the same, and a copy of either owns its key. */
static void
test_static_key (void)
{
  static const char key[] = "target";
  g_autoptr(StrataArena) arena = strata_arena_new ();
  g_autoptr(StrataNode) heap = strata_node_new_scalar (NULL, "v", STRATA_VALUE_STRING);
  g_autoptr(StrataNode) heap_copy = NULL;
  StrataArena *previous;
  StrataNode *in_arena, *map, *copy;

  strata_node_set_key_static (heap, key);
  g_assert_true (heap->key != key);
  g_assert_cmpstr (heap->key, ==, "target");
  heap_copy = strata_node_copy (heap);
  g_assert_cmpstr (heap_copy->key, ==, "target");

  previous = strata_arena_enter (arena);
  map = strata_node_new_mapping (NULL);
  /* enough nodes to fill the first blocks: carving goes on in new ones */
  for (guint i = 0; i < 5000; i++)
    {
      in_arena = strata_node_new_scalar (NULL, "v", STRATA_VALUE_STRING);
      strata_node_set_key_static (in_arena, key);
      strata_node_append (map, in_arena);
    }
  copy = strata_node_copy (map);
  strata_arena_leave (previous);

  g_assert_true (in_arena->key == key);
  g_assert_cmpuint (copy->children->len, ==, 5000);
  for (guint i = 0; i < copy->children->len; i++)
    {
      StrataNode *child = strata_node_get_child (copy, i);

      g_assert_true (child->key != key);
      g_assert_cmpstr (child->key, ==, "target");
      g_assert_cmpstr (child->text, ==, "v");
    }
  g_assert_true (strata_node_lookup (map, "target") == strata_node_get_child (map, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layer/lines", test_layer_lines);
  g_test_add_func ("/layer/position-string", test_position_string);
  g_test_add_func ("/node/set-keeps-place", test_mapping_set_keeps_place);
  g_test_add_func ("/node/shadowed", test_shadowed_positions);
  g_test_add_func ("/node/static-key", test_static_key);

  return g_test_run ();
}
