/* strata-blame.c: which value of a model each line of its printed YAML holds
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by `strata config --blame` (the notes) and the configuration
 * view's blame gutter (the nodes): the printed text is read back with
 * positions and walked beside the model it was printed from.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-blame.h"
#include "strata-yaml.h"

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
strata_blame_describe (const StrataNode *node)
{
  g_autofree char *operation = NULL;
  g_autofree char *variables = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  operation = describe_operation (node);
  variables = describe_interpolation (node);
  if (operation == NULL || variables == NULL)
    return g_steal_pointer (&operation);

  return g_strdup_printf (_("%s, interpolated from %s"), operation, variables);
}

static void
blame_line (GArray           *lines,
            guint             line,
            const StrataNode *value,
            const char       *note,
            const char       *enclosing)
{
  StrataBlameLine *blame;

  if (line == 0 || line > lines->len)
    return;
  blame = &g_array_index (lines, StrataBlameLine, line - 1);
  if (blame->node == NULL && value->pos.layer != NULL && value->pos.line > 0)
    blame->node = value;
  if (blame->note == NULL && note != NULL && g_strcmp0 (note, enclosing) != 0)
    blame->note = g_strdup (note);
}

/* Walks @printed (read back from the text) beside @model. */
static void
blame_children (GArray           *lines,
                const StrataNode *printed,
                const StrataNode *model,
                const char       *enclosing)
{
  for (guint i = 0; i < strata_node_get_n_children (printed); i++)
    {
      const StrataNode *child = strata_node_get_child (printed, i);
      const StrataNode *value = NULL;
      g_autofree char *note = NULL;

      if (model->kind == STRATA_NODE_MAPPING && printed->kind == STRATA_NODE_MAPPING)
        value = strata_node_lookup (model, child->key);
      else if (model->kind == STRATA_NODE_SEQUENCE && i < strata_node_get_n_children (model))
        value = strata_node_get_child (model, i);
      if (value == NULL)
        continue;

      note = strata_blame_describe (value);
      blame_line (lines, printed->kind == STRATA_NODE_MAPPING ? child->key_pos.line : child->pos.line,
                  value, note, enclosing);
      if (child->kind != STRATA_NODE_SCALAR && value->kind == child->kind)
        blame_children (lines, child, value, note ? note : enclosing);
    }
}

static void
clear_line (StrataBlameLine *line)
{
  g_clear_pointer (&line->note, g_free);
}

GArray *
strata_blame_lines (const StrataNode  *model,
                    const char        *text,
                    GError           **error)
{
  g_autoptr(StrataLayer) layer = NULL;
  g_autoptr(StrataNode) printed = NULL;
  GArray *lines;

  g_return_val_if_fail (model != NULL && text != NULL, NULL);

  layer = strata_layer_new ("printed", text, strlen (text), STRATA_LAYER_ROLE_BASE);
  if ((printed = strata_yaml_read (layer, error)) == NULL)
    return NULL;

  lines = g_array_new (FALSE, TRUE, sizeof (StrataBlameLine));
  g_array_set_clear_func (lines, (GDestroyNotify) clear_line);
  g_array_set_size (lines, strata_layer_get_n_lines (layer) + 1);
  blame_children (lines, printed, model, NULL);

  return lines;
}
