/* strata-cli-blame.c: strata config --blame
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The YAML is the one `config` prints, each line noted with how its value
 * got there (strata-blame.h, shared with the configuration view).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-blame.h"
#include "strata-cli-blame.h"
#include "strata-emit.h"

#define NOTE_COLUMN 48

static int
print_yaml_blame (const StrataNode *model)
{
  g_autofree char *text = strata_emit_yaml (model);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) blame = strata_blame_lines (model, text, &error);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  if (blame == NULL)
    return _strata_cli_error (_("cannot annotate the configuration: %s"), error->message);

  for (guint i = 0; lines[i] != NULL && (lines[i + 1] != NULL || *lines[i]); i++)
    {
      const char *note = i < blame->len ? g_array_index (blame, StrataBlameLine, i).note : NULL;
      glong width = g_utf8_strlen (lines[i], -1);

      if (note == NULL)
        g_print ("%s\n", lines[i]);
      else
        g_print ("%s%*s # %s\n", lines[i], (int) MAX (1, NOTE_COLUMN - width), "", note);
    }
  return STRATA_CLI_EXIT_OK;
}

/* The JSON is laid out as json-glib's pretty generator (indent 2) laid it
 * out, member names followed by " : ", so that scripts reading it see the
 * same text; only json-glib 1.6's slips are gone: an empty object is "{}",
 * U+001F is escaped and 1e+21 gets no ".0". The executable does not link
 * json-glib (src/meson.build). */
static void
add_indent (GString *out,
            guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
add_string (GString    *out,
            const char *text)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (*p < 0x20 || *p == 0x7f)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

/* A member's name and the separator json-glib puts after it. */
static void
add_member (GString    *out,
            guint       depth,
            const char *name)
{
  add_indent (out, depth);
  add_string (out, name);
  g_string_append (out, " : ");
}

static void
add_double (GString    *out,
            const char *text)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (buf, sizeof buf, g_ascii_strtod (text, NULL));
  g_string_append (out, buf);
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (out, ".0");
}

static void
add_scalar (GString          *out,
            const StrataNode *node)
{
  switch (node->type)
    {
    case STRATA_VALUE_NULL:
      g_string_append (out, "null");
      break;
    case STRATA_VALUE_BOOL:
      g_string_append (out, g_ascii_strcasecmp (node->text, "true") == 0 ? "true" : "false");
      break;
    case STRATA_VALUE_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, g_ascii_strtoll (node->text, NULL, 0));
      break;
    case STRATA_VALUE_FLOAT:
      add_double (out, node->text);
      break;
    default:
      add_string (out, node->text);
    }
}

static const char *
operation_name (StrataOriginKind origin)
{
  static const char * const names[] = {
    "defined", "overridden", "appended", "merged-by-key", "replaced-by-target", "reset",
    "override-tag", "derived", "interpolated",
  };

  return origin < G_N_ELEMENTS (names) ? names[origin] : "defined";
}

static void add_blamed (GString *out, guint depth, const StrataNode *node);

/* "file", "line", "column" members at @depth, each followed by ",\n". */
static void
add_position (GString              *out,
              guint                 depth,
              const StrataPosition *pos)
{
  add_member (out, depth, "file");
  if (pos->layer != NULL)
    add_string (out, strata_layer_get_path (pos->layer));
  else
    g_string_append (out, "null");
  g_string_append (out, ",\n");
  add_member (out, depth, "line");
  g_string_append_printf (out, "%u,\n", pos->line);
  add_member (out, depth, "column");
  g_string_append_printf (out, "%u", pos->column);
}

static void
add_value (GString          *out,
           guint             depth,
           const StrataNode *node)
{
  gboolean mapping = node->kind == STRATA_NODE_MAPPING;
  guint n;

  if (node->kind == STRATA_NODE_SCALAR)
    {
      add_scalar (out, node);
      return;
    }
  n = strata_node_get_n_children (node);
  g_string_append_c (out, mapping ? '{' : '[');
  for (guint i = 0; i < n; i++)
    {
      const StrataNode *child = strata_node_get_child (node, i);

      g_string_append (out, i == 0 ? "\n" : ",\n");
      if (mapping)
        add_member (out, depth + 1, child->key);
      else
        add_indent (out, depth + 1);
      add_blamed (out, depth + 1, child);
    }
  if (n > 0)
    {
      g_string_append_c (out, '\n');
      add_indent (out, depth);
    }
  g_string_append_c (out, mapping ? '}' : ']');
}

/* {value, file, line, column, operation, shadowed: [{file, line, column}]},
 * its opening brace where the cursor is, its members at @depth + 1. */
static void
add_blamed (GString          *out,
            guint             depth,
            const StrataNode *node)
{
  guint n = node->shadowed != NULL ? node->shadowed->len : 0;

  g_string_append (out, "{\n");
  add_member (out, depth + 1, "value");
  add_value (out, depth + 1, node);
  g_string_append (out, ",\n");
  add_position (out, depth + 1, &node->pos);
  g_string_append (out, ",\n");
  add_member (out, depth + 1, "operation");
  add_string (out, operation_name (node->origin));
  g_string_append (out, ",\n");
  add_member (out, depth + 1, "shadowed");
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, i == 0 ? "\n" : ",\n");
      add_indent (out, depth + 2);
      g_string_append (out, "{\n");
      add_position (out, depth + 3, &g_array_index (node->shadowed, StrataPosition, i));
      g_string_append_c (out, '\n');
      add_indent (out, depth + 2);
      g_string_append_c (out, '}');
    }
  if (n > 0)
    {
      g_string_append_c (out, '\n');
      add_indent (out, depth + 1);
    }
  g_string_append (out, "]\n");
  add_indent (out, depth);
  g_string_append_c (out, '}');
}

static int
print_json_blame (const StrataNode *model)
{
  g_autoptr(GString) out = g_string_new (NULL);

  add_blamed (out, 0, model);
  g_print ("%s\n", out->str);
  return STRATA_CLI_EXIT_OK;
}

int
_strata_cli_print_blame (StrataProject *project,
                         const char    *format)
{
  const StrataNode *model = strata_project_get_normalized (project);

  if (g_strcmp0 (format, "json") == 0)
    return print_json_blame (model);
  if (format != NULL && !g_str_equal (format, "yaml"))
    return _strata_cli_usage_error (_("unsupported format %s: use yaml or json"), format);
  return print_yaml_blame (model);
}
