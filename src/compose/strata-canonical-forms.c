/* strata-canonical-forms.c: derived nodes, positioned errors and the generic rewrites
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-canonical-private.h"
#include "strata-compose-error.h"
#include "strata-diagnostic.h"

/* Makes @node (new) the derived value of @key, at @from's place; a
 * @literal key is kept, not copied (strata_node_set_key_static ()). */
static StrataNode *
derive (StrataNode       *node,
        const StrataNode *from,
        const char       *key,
        gboolean          literal)
{
  if (literal)
    strata_node_set_key_static (node, key);
  else
    strata_node_set_key (node, key);
  node->key_pos = from->key_pos;
  node->origin = STRATA_ORIGIN_DERIVED;
  return node;
}

StrataNode *
_strata_derived_scalar (const StrataNode *from,
                        const char       *key,
                        const char       *text,
                        StrataValueType   type)
{
  return derive (strata_node_new_scalar (&from->pos, text, type), from, key, FALSE);
}

StrataNode *
_strata_derived_mapping (const StrataNode *from,
                         const char       *key)
{
  return derive (strata_node_new_mapping (&from->pos), from, key, FALSE);
}

StrataNode *
_strata_derived_scalar_static (const StrataNode *from,
                               const char       *key,
                               const char       *text,
                               StrataValueType   type)
{
  return derive (strata_node_new_scalar (&from->pos, text, type), from, key, TRUE);
}

StrataNode *
_strata_derived_scalar_len_static (const StrataNode *from,
                                   const char       *key,
                                   const char       *text,
                                   gsize             length,
                                   StrataValueType   type)
{
  return derive (strata_node_new_scalar_len (&from->pos, text, length, type), from, key, TRUE);
}

StrataNode *
_strata_derived_mapping_static (const StrataNode *from,
                                const char       *key)
{
  return derive (strata_node_new_mapping (&from->pos), from, key, TRUE);
}

gboolean
_strata_set_error (GError               **error,
                   gint                   code,
                   const StrataPosition  *pos,
                   const char            *hint,
                   const char            *format,
                   ...)
{
  g_autoptr(StrataDiagnostic) diagnostic = NULL;
  g_autofree char *message = NULL;
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  diagnostic = strata_diagnostic_new (STRATA_SEVERITY_ERROR, pos, hint, "%s", message);
  text = strata_diagnostic_format (diagnostic);
  g_set_error_literal (error, STRATA_COMPOSE_ERROR, code, text);
  return FALSE;
}

const StrataPosition *
_strata_node_place (const StrataNode *node)
{
  return node->key != NULL && node->key_pos.line != 0 ? &node->key_pos : &node->pos;
}

gboolean
_strata_type_error (GError          **error,
                    const StrataNode *node,
                    const char       *path,
                    const char       *expected)
{
  const char *hint = NULL;

  if (g_str_equal (expected, "a mapping"))
    hint = _("Write a mapping here: one `key: value` a line, indented under the key.");
  else if (g_str_equal (expected, "a list"))
    hint = _("Write a list here: one `- item` a line, or `[a, b]`.");
  else if (g_str_equal (expected, "a list of strings"))
    hint = _("Write each item as one string, KEY=VALUE, or make the whole value a mapping.");
  return _strata_set_error (error, STRATA_COMPOSE_ERROR_TYPE, &node->pos, hint, "%s must be %s", path, expected);
}

/* "KEY=VAL" lists become mappings; a bare KEY maps to null. The later of
 * two equal keys wins at the first position (merge rule of §3). */
gboolean
_strata_list_to_mapping (StrataNode  *parent,
                         const char  *key,
                         const char  *path,
                         GError     **error)
{
  StrataNode *list = strata_node_lookup (parent, key);
  StrataNode *map;

  if (list == NULL || list->kind == STRATA_NODE_MAPPING || strata_node_is_null (list))
    return TRUE;
  if (list->kind != STRATA_NODE_SEQUENCE)
    return _strata_type_error (error, list, path, "a mapping");

  map = _strata_derived_mapping (list, key);
  strata_node_set_tag (map, list->tag);
  for (guint i = 0; i < strata_node_get_n_children (list); i++)
    {
      StrataNode *item = strata_node_get_child (list, i);
      const char *eq;
      g_autofree char *name = NULL;
      StrataNode *value;

      if (item->kind != STRATA_NODE_SCALAR)
        return (strata_node_free (map), _strata_type_error (error, item, path, "a list of strings"));
      eq = strchr (item->text, '=');
      name = eq ? g_strndup (item->text, eq - item->text) : g_strdup (item->text);
      value = strata_node_new_scalar (&item->pos, eq ? eq + 1 : "", eq ? STRATA_VALUE_STRING : STRATA_VALUE_NULL);
      value->key_pos = item->pos;
      strata_node_set (map, name, value);
    }
  strata_node_set (parent, key, map);
  return TRUE;
}

/* A string becomes a one-item list. */
void
_strata_string_to_list (StrataNode *parent,
                        const char *key)
{
  StrataNode *value = strata_node_lookup (parent, key);
  StrataNode *list;

  if (value == NULL || value->kind != STRATA_NODE_SCALAR || strata_node_is_null (value))
    return;
  list = _strata_derived_mapping (value, key);
  list->kind = STRATA_NODE_SEQUENCE;
  strata_node_append (list, strata_node_copy (value));
  strata_node_set_key (strata_node_get_child (list, 0), NULL);
  strata_node_set (parent, key, list);
}

/* A string becomes {field: s}. */
void
_strata_string_to_struct (StrataNode *parent,
                          const char *key,
                          const char *field)
{
  StrataNode *value = strata_node_lookup (parent, key);
  StrataNode *map;

  if (value == NULL || value->kind != STRATA_NODE_SCALAR || strata_node_is_null (value))
    return;
  map = _strata_derived_mapping (value, key);
  strata_node_append (map, _strata_derived_scalar (value, field, value->text, STRATA_VALUE_STRING));
  strata_node_get_child (map, 0)->origin = value->origin;
  strata_node_set (parent, key, map);
}

void
_strata_list_to_null_map (StrataNode *parent,
                          const char *key)
{
  StrataNode *list = strata_node_lookup (parent, key);
  StrataNode *map;

  if (list == NULL || list->kind != STRATA_NODE_SEQUENCE)
    return;
  map = _strata_derived_mapping (list, key);
  for (guint i = 0; i < strata_node_get_n_children (list); i++)
    {
      StrataNode *item = strata_node_get_child (list, i);
      StrataNode *value = strata_node_new_scalar (&item->pos, "", STRATA_VALUE_NULL);

      value->key_pos = item->pos;
      strata_node_set (map, item->text, value);
    }
  strata_node_set (parent, key, map);
}

void
_strata_set_default (StrataNode *mapping,
                     const char *key,
                     const char *text,
                     StrataValueType type)
{
  if (strata_node_lookup (mapping, key) == NULL)
    strata_node_append (mapping, _strata_derived_scalar (mapping, key, text, type));
}
