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
#include <json-glib/json-glib.h>
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

static void
add_scalar (JsonBuilder      *builder,
            const StrataNode *node)
{
  switch (node->type)
    {
    case STRATA_VALUE_NULL:
      json_builder_add_null_value (builder);
      break;
    case STRATA_VALUE_BOOL:
      json_builder_add_boolean_value (builder, g_ascii_strcasecmp (node->text, "true") == 0);
      break;
    case STRATA_VALUE_INT:
      json_builder_add_int_value (builder, g_ascii_strtoll (node->text, NULL, 0));
      break;
    case STRATA_VALUE_FLOAT:
      json_builder_add_double_value (builder, g_ascii_strtod (node->text, NULL));
      break;
    default:
      json_builder_add_string_value (builder, node->text);
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

static void add_blamed (JsonBuilder *builder, const StrataNode *node);

static void
add_position (JsonBuilder          *builder,
              const StrataPosition *pos)
{
  json_builder_set_member_name (builder, "file");
  if (pos->layer != NULL)
    json_builder_add_string_value (builder, strata_layer_get_path (pos->layer));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "line");
  json_builder_add_int_value (builder, pos->line);
  json_builder_set_member_name (builder, "column");
  json_builder_add_int_value (builder, pos->column);
}

static void
add_value (JsonBuilder      *builder,
           const StrataNode *node)
{
  if (node->kind == STRATA_NODE_SCALAR)
    {
      add_scalar (builder, node);
      return;
    }
  if (node->kind == STRATA_NODE_MAPPING)
    json_builder_begin_object (builder);
  else
    json_builder_begin_array (builder);
  for (guint i = 0; i < strata_node_get_n_children (node); i++)
    {
      const StrataNode *child = strata_node_get_child (node, i);
      if (node->kind == STRATA_NODE_MAPPING)
        json_builder_set_member_name (builder, child->key);
      add_blamed (builder, child);
    }
  if (node->kind == STRATA_NODE_MAPPING)
    json_builder_end_object (builder);
  else
    json_builder_end_array (builder);
}

/* {value, file, line, column, operation, shadowed: [{file, line, column}]} */
static void
add_blamed (JsonBuilder      *builder,
            const StrataNode *node)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "value");
  add_value (builder, node);
  add_position (builder, &node->pos);
  json_builder_set_member_name (builder, "operation");
  json_builder_add_string_value (builder, operation_name (node->origin));
  json_builder_set_member_name (builder, "shadowed");
  json_builder_begin_array (builder);
  for (guint i = 0; node->shadowed != NULL && i < node->shadowed->len; i++)
    {
      json_builder_begin_object (builder);
      add_position (builder, &g_array_index (node->shadowed, StrataPosition, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static int
print_json_blame (const StrataNode *model)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  add_blamed (builder, model);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
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
