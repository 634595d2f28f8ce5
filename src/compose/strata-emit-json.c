/* strata-emit-json.c: JSON exactly as Go's encoding/json prints compose's model
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `config --format json` is json.MarshalIndent (v, "", "  ") of a map built
 * by Project.MarshalJSON, so the top level is sorted like any Go map; the
 * config hash is json.Marshal of one service (compact). Strings are escaped
 * as encoding/json does with HTML escaping on: \" \\ \b \f \n \r \t, other
 * control characters as \u00XX, '<' '>' '&' as \u003c \u003e \u0026,
 * U+2028/U+2029 as \u2028/\u2029, invalid UTF-8 as \ufffd.
 */

#include "config.h"

#include <string.h>

#include "strata-emit.h"
#include "strata-emit-private.h"

static void
write_string (GString    *out,
              const char *s)
{
  const char *end = s + strlen (s);
  const char *p = s;

  g_string_append_c (out, '"');
  while (p < end)
    {
      guchar b = *p;
      gunichar c;

      if (b < 0x80)
        {
          switch (b)
            {
            case '"': g_string_append (out, "\\\""); break;
            case '\\': g_string_append (out, "\\\\"); break;
            case '\b': g_string_append (out, "\\b"); break;
            case '\f': g_string_append (out, "\\f"); break;
            case '\n': g_string_append (out, "\\n"); break;
            case '\r': g_string_append (out, "\\r"); break;
            case '\t': g_string_append (out, "\\t"); break;
            case '<': case '>': case '&':
              g_string_append_printf (out, "\\u%04x", b);
              break;
            default:
              if (b < 0x20)
                g_string_append_printf (out, "\\u%04x", b);
              else
                g_string_append_c (out, b);
            }
          p++;
          continue;
        }

      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append (out, "\\ufffd");
          p++;
          continue;
        }
      if (c == 0x2028 || c == 0x2029)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  g_string_append_c (out, '"');
}

static void
write_scalar (GString          *out,
              const StrataNode *node)
{
  g_autofree char *text = NULL;

  switch (node->type)
    {
    case STRATA_VALUE_NULL:
      g_string_append (out, "null");
      break;
    case STRATA_VALUE_TIMESTAMP:
      text = _strata_go_format_time (node->text, TRUE);
      write_string (out, text);
      break;
    case STRATA_VALUE_FLOAT:
      text = _strata_go_float_text (node->text, TRUE);
      g_string_append (out, text);
      break;
    case STRATA_VALUE_BOOL:
    case STRATA_VALUE_INT:
      text = _strata_go_sprint (node);
      g_string_append (out, text);
      break;
    case STRATA_VALUE_STRING:
    default:
      write_string (out, node->text);
      break;
    }
}

static void
newline (GString  *out,
         guint     depth,
         gboolean  compact)
{
  if (compact)
    return;
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void emit_node (GString *out, const StrataNode *node, guint depth, gboolean compact);

static void
emit_children (GString          *out,
               GPtrArray        *children,
               gboolean          object,
               guint             depth,
               gboolean          compact)
{
  g_string_append_c (out, object ? '{' : '[');
  for (guint i = 0; i < children->len; i++)
    {
      const StrataNode *child = g_ptr_array_index (children, i);

      if (i > 0)
        g_string_append_c (out, ',');
      newline (out, depth + 1, compact);
      if (object)
        {
          g_autofree char *go_name = NULL;

          if ((child->flags & STRATA_NODE_FLAG_GO_NAME) && child->key != NULL && child->key[0] != '\0')
            go_name = g_strdup_printf ("%c%s", g_ascii_toupper (child->key[0]), child->key + 1);
          write_string (out, go_name ? go_name : child->key ? child->key : "");
          g_string_append (out, compact ? ":" : ": ");
        }
      emit_node (out, child, depth + 1, compact);
    }
  if (children->len > 0)
    newline (out, depth, compact);
  g_string_append_c (out, object ? '}' : ']');
}

static void
emit_node (GString          *out,
           const StrataNode *node,
           guint             depth,
           gboolean          compact)
{
  g_autoptr(GPtrArray) children = NULL;

  if (node->kind == STRATA_NODE_SCALAR)
    {
      write_scalar (out, node);
      return;
    }
  if (node->kind == STRATA_NODE_MAPPING)
    children = _strata_emit_ordered_children (node, TRUE);
  else
    {
      children = g_ptr_array_new ();
      for (guint i = 0; i < strata_node_get_n_children (node); i++)
        g_ptr_array_add (children, strata_node_get_child (node, i));
    }
  emit_children (out, children, node->kind == STRATA_NODE_MAPPING, depth, compact);
}

char *
_strata_emit_json_raw (const StrataNode *node,
                       gboolean          compact)
{
  GString *out = g_string_new (NULL);

  emit_node (out, node, 0, compact);
  return g_string_free (out, FALSE);
}

char *
strata_emit_json (const StrataNode *root,
                  gboolean          compact)
{
  g_autofree char *raw = NULL;

  g_return_val_if_fail (root != NULL, NULL);

  if (root->kind == STRATA_NODE_MAPPING && !(root->flags & STRATA_NODE_FLAG_MAP))
    {
      /* Project.MarshalJSON: the top level is a map[string]any */
      g_autoptr(StrataNode) copy = strata_node_copy (root);

      copy->flags |= STRATA_NODE_FLAG_MAP;
      raw = _strata_emit_json_raw (copy, compact);
    }
  else
    raw = _strata_emit_json_raw (root, compact);

  return _strata_emit_escape_dollars (raw);
}
