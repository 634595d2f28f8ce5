/* strata-test-yaml.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <yaml.h>

#include "strata-test-yaml.h"

static StrataValueType
resolve_plain (const char *s)
{
  if (*s == '\0' || g_regex_match_simple ("^(~|null|Null|NULL)$", s, 0, 0))
    return STRATA_VALUE_NULL;
  if (g_regex_match_simple ("^(true|True|TRUE|false|False|FALSE)$", s, 0, 0))
    return STRATA_VALUE_BOOL;
  if (g_strcmp0 (s, "-0") == 0)
    return STRATA_VALUE_FLOAT;  /* only a float prints so */
  if (g_regex_match_simple ("^[-+]?([0-9_]+|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+)$", s, 0, 0))
    return STRATA_VALUE_INT;
  if (g_regex_match_simple ("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$", s, 0, 0) ||
      g_regex_match_simple ("^[-+]?\\.(inf|Inf|INF)$|^\\.(nan|NaN|NAN)$", s, 0, 0))
    return STRATA_VALUE_FLOAT;
  return STRATA_VALUE_STRING;
}

static StrataNode *
build (yaml_document_t *doc,
       yaml_node_t     *ynode,
       StrataLayer     *layer)
{
  StrataPosition pos = { layer, ynode->start_mark.line + 1, ynode->start_mark.column + 1 };
  StrataNode *node = NULL;

  switch (ynode->type)
    {
    case YAML_SCALAR_NODE:
      {
        const char *text = (const char *) ynode->data.scalar.value;
        gboolean plain = ynode->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;

        node = strata_node_new_scalar (&pos, text, plain ? resolve_plain (text) : STRATA_VALUE_STRING);
        if (!plain)
          node->style = STRATA_SCALAR_STYLE_DOUBLE_QUOTED;
        if (ynode->tag && ynode->tag[0] == '!' && ynode->tag[1] != '!')
          node->tag = g_strdup ((const char *) ynode->tag);
      }
      break;
    case YAML_MAPPING_NODE:
      node = strata_node_new_mapping (&pos);
      for (yaml_node_pair_t *p = ynode->data.mapping.pairs.start; p < ynode->data.mapping.pairs.top; p++)
        {
          yaml_node_t *k = yaml_document_get_node (doc, p->key);
          StrataNode *v = build (doc, yaml_document_get_node (doc, p->value), layer);

          strata_node_set_key (v, (const char *) k->data.scalar.value);
          v->key_pos = (StrataPosition) { layer, k->start_mark.line + 1, k->start_mark.column + 1 };
          strata_node_append (node, v);
        }
      break;
    case YAML_SEQUENCE_NODE:
      node = strata_node_new_sequence (&pos);
      for (yaml_node_item_t *i = ynode->data.sequence.items.start; i < ynode->data.sequence.items.top; i++)
        strata_node_append (node, build (doc, yaml_document_get_node (doc, *i), layer));
      break;
    case YAML_NO_NODE:
    default:
      node = strata_node_new_scalar (&pos, "", STRATA_VALUE_NULL);
      break;
    }
  return node;
}

StrataNode *
strata_test_yaml_parse (StrataLayer *layer)
{
  yaml_parser_t parser;
  yaml_document_t doc;
  StrataNode *root = NULL;
  gsize len;
  const char *text = strata_layer_get_text (layer, &len);

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const guchar *) text, len);
  if (yaml_parser_load (&parser, &doc))
    {
      yaml_node_t *r = yaml_document_get_root_node (&doc);

      if (r != NULL)
        root = build (&doc, r, layer);
      yaml_document_delete (&doc);
    }
  yaml_parser_delete (&parser);
  g_assert_nonnull (root);
  return root;
}

StrataNode *
strata_test_yaml_load_file (const char   *path,
                            StrataLayer **layer_out)
{
  g_autofree char *text = NULL;
  gsize len;
  StrataLayer *layer;
  StrataNode *root;

  g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  layer = strata_layer_new (path, text, len, STRATA_LAYER_ROLE_BASE);
  root = strata_test_yaml_parse (layer);
  *layer_out = layer;
  return root;
}

char *
strata_test_read_data (const char *first,
                       ...)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  char *text = NULL;
  va_list args;

  g_ptr_array_add (parts, (gpointer) g_test_get_dir (G_TEST_DIST));
  g_ptr_array_add (parts, (gpointer) "unit");
  g_ptr_array_add (parts, (gpointer) "data");
  va_start (args, first);
  for (const char *p = first; p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) p);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  path = g_build_filenamev ((char **) parts->pdata);
  if (!g_file_get_contents (path, &text, NULL, NULL))
    g_error ("cannot read %s", path);
  return text;
}

static void
undouble (char **text)
{
  g_auto(GStrv) parts = NULL;

  if (*text == NULL)
    return;
  parts = g_strsplit (*text, "$$", -1);
  g_free (*text);
  *text = g_strjoinv ("$", parts);
}

static void
undouble_tree (StrataNode *node,
               gboolean    keys)
{
  undouble (&node->text);
  if (keys)
    undouble (&node->key);
  for (guint i = 0; i < strata_node_get_n_children (node); i++)
    undouble_tree (strata_node_get_child (node, i), keys);
}

/* Reading an output back: every `$$` was one `$`. */
void
strata_test_undouble_dollars (StrataNode *node)
{
  undouble_tree (node, TRUE);
}

/* What interpolation does to an input file: values only, never keys. */
void
strata_test_interpolate_dollars (StrataNode *node)
{
  undouble_tree (node, FALSE);
}

static StrataNode *
from_json (JsonNode *jnode)
{
  switch (json_node_get_node_type (jnode))
    {
    case JSON_NODE_OBJECT:
      {
        StrataNode *node = strata_node_new_mapping (NULL);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init_ordered (&iter, json_node_get_object (jnode));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            StrataNode *child = from_json (member);

            strata_node_set_key (child, name);
            strata_node_append (node, child);
          }
        return node;
      }
    case JSON_NODE_ARRAY:
      {
        StrataNode *node = strata_node_new_sequence (NULL);
        JsonArray *array = json_node_get_array (jnode);

        for (guint i = 0; i < json_array_get_length (array); i++)
          strata_node_append (node, from_json (json_array_get_element (array, i)));
        return node;
      }
    case JSON_NODE_NULL:
      return strata_node_new_scalar (NULL, "null", STRATA_VALUE_NULL);
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (jnode))
        {
        case G_TYPE_BOOLEAN:
          return strata_node_new_scalar (NULL, json_node_get_boolean (jnode) ? "true" : "false",
                                         STRATA_VALUE_BOOL);
        case G_TYPE_INT64:
          {
            g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (jnode));
            return strata_node_new_scalar (NULL, text, STRATA_VALUE_INT);
          }
        case G_TYPE_DOUBLE:
          {
            char buf[G_ASCII_DTOSTR_BUF_SIZE];
            return strata_node_new_scalar (NULL, g_ascii_dtostr (buf, sizeof buf, json_node_get_double (jnode)),
                                           STRATA_VALUE_FLOAT);
          }
        default:
          return strata_node_new_scalar (NULL, json_node_get_string (jnode), STRATA_VALUE_STRING);
        }
    }
}

StrataNode *
strata_test_json_parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  return from_json (json_parser_get_root (parser));
}
