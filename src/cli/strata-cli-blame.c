/* strata-cli-blame.c: strata config --blame
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The YAML is the one `config` prints. To know which value each printed
 * line holds, the printed text is read back (with positions) and walked
 * beside the model it was printed from: mappings by key, lists by index.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "strata-cli-blame.h"
#include "strata-emit.h"
#include "strata-yaml.h"

#define NOTE_COLUMN 48

static char *
place (const StrataPosition *pos)
{
  return g_strdup_printf ("%s:%u", strata_layer_get_basename (pos->layer), pos->line);
}

static char *
describe_operation (const StrataNode *node)
{
  g_autofree char *where = NULL;
  g_autofree char *before = NULL;

  if (node->pos.layer == NULL || node->pos.line == 0)
    return NULL;
  /* A block collection starts at its first entry; its key says where it is. */
  if (node->kind != STRATA_NODE_SCALAR && node->key_pos.layer == node->pos.layer && node->key_pos.line > 0)
    where = place (&node->key_pos);
  else
    where = place (&node->pos);
  if (node->shadowed != NULL && node->shadowed->len > 0)
    before = place (&g_array_index (node->shadowed, StrataPosition, node->shadowed->len - 1));

  switch (node->origin)
    {
    case STRATA_ORIGIN_OVERRIDDEN:
      return before ? g_strdup_printf (_("%s overrides %s"), where, before) : g_steal_pointer (&where);
    case STRATA_ORIGIN_APPENDED:
      return g_strdup_printf (_("%s appended"), where);
    case STRATA_ORIGIN_MERGED_BY_KEY:
      return before ? g_strdup_printf (_("%s overrides %s (merged by key)"), where, before)
                    : g_strdup_printf (_("%s (merged by key)"), where);
    case STRATA_ORIGIN_REPLACED_BY_TARGET:
      return before ? g_strdup_printf (_("%s replaces %s (same target)"), where, before)
                    : g_steal_pointer (&where);
    case STRATA_ORIGIN_OVERRIDE_TAG:
      return before ? g_strdup_printf (_("%s replaces %s (!override)"), where, before)
                    : g_strdup_printf (_("%s (!override)"), where);
    case STRATA_ORIGIN_RESET:
      return g_strdup_printf (_("%s (reset)"), where);
    case STRATA_ORIGIN_INTERPOLATED:
      return g_strdup_printf (_("%s (interpolated)"), where);
    case STRATA_ORIGIN_DERIVED:   /* a long form derived from what is written there */
    case STRATA_ORIGIN_DEFINED:
    default:
      return g_steal_pointer (&where);
    }
}

/* Where the variables a value was interpolated with were defined. */
static char *
describe_interpolation (const StrataNode *node)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; node->interpolated != NULL && i < node->interpolated->len; i++)
    {
      const StrataPosition *pos = &g_array_index (node->interpolated, StrataPosition, i);
      g_autofree char *from = pos->layer ? place (pos) : g_strdup (_("the environment"));

      g_string_append (text, text->len ? ", " : "");
      g_string_append (text, from);
    }

  return text->len ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

char *
_strata_cli_describe_origin (const StrataNode *node)
{
  g_autofree char *operation = describe_operation (node);
  g_autofree char *variables = describe_interpolation (node);

  if (operation == NULL || variables == NULL)
    return g_steal_pointer (&operation);

  return g_strdup_printf (_("%s, interpolated from %s"), operation, variables);
}

/* Notes each printed line (of @printed) with the origin of the value of
 * @model it prints, unless the enclosing line says the same already. */
static void
note_lines (GPtrArray        *notes,
            const StrataNode *printed,
            const StrataNode *model,
            const char       *enclosing)
{
  for (guint i = 0; i < strata_node_get_n_children (printed); i++)
    {
      const StrataNode *child = strata_node_get_child (printed, i);
      const StrataNode *value = NULL;
      g_autofree char *note = NULL;
      guint line;

      if (model->kind == STRATA_NODE_MAPPING && printed->kind == STRATA_NODE_MAPPING)
        value = strata_node_lookup (model, child->key);
      else if (model->kind == STRATA_NODE_SEQUENCE && i < strata_node_get_n_children (model))
        value = strata_node_get_child (model, i);
      if (value == NULL)
        continue;

      line = printed->kind == STRATA_NODE_MAPPING ? child->key_pos.line : child->pos.line;
      note = _strata_cli_describe_origin (value);
      if (note != NULL && g_strcmp0 (note, enclosing) != 0 && line > 0 && line <= notes->len &&
          g_ptr_array_index (notes, line - 1) == NULL)
        g_ptr_array_index (notes, line - 1) = g_strdup (note);
      if (child->kind != STRATA_NODE_SCALAR && value->kind == child->kind)
        note_lines (notes, child, value, note ? note : enclosing);
    }
}

static int
print_yaml_blame (const StrataNode *model)
{
  g_autofree char *text = strata_emit_yaml (model);
  g_autoptr(StrataLayer) layer = strata_layer_new ("config", text, strlen (text), STRATA_LAYER_ROLE_BASE);
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataNode) printed = strata_yaml_read (layer, &error);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);

  if (printed == NULL)
    return _strata_cli_error (_("cannot annotate the configuration: %s"), error->message);
  g_ptr_array_set_size (notes, g_strv_length (lines));
  note_lines (notes, printed, model, NULL);

  for (guint i = 0; lines[i] != NULL && (lines[i + 1] != NULL || *lines[i]); i++)
    {
      const char *note = g_ptr_array_index (notes, i);
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
