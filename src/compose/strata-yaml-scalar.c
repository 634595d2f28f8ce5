/* strata-yaml-scalar.c: scalar events to nodes (style, tag, type)
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-compose-error.h"
#include "strata-yaml.h"
#include "strata-yaml-private.h"

#define YAML_TAG_PREFIX "tag:yaml.org,2002:"

/* Sets @node's tag: "tag:yaml.org,2002:str" -> "!!str"; other tags as
 * written. */
void
_strata_yaml_set_tag (StrataNode        *node,
                      const yaml_char_t *tag)
{
  const char *t = (const char *) tag;
  g_autofree char *short_tag = NULL;

  if (t != NULL && g_str_has_prefix (t, YAML_TAG_PREFIX))
    t = short_tag = g_strconcat ("!!", t + strlen (YAML_TAG_PREFIX), NULL);
  strata_node_set_tag (node, t);
}

/* Quotes like Go's %q: backslash escapes, UTF-8 kept. */
char *
_strata_yaml_quote (const char *text)
{
  GString *s = g_string_new ("\"");

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (s, "\\\""); break;
        case '\\': g_string_append (s, "\\\\"); break;
        case '\n': g_string_append (s, "\\n"); break;
        case '\t': g_string_append (s, "\\t"); break;
        case '\r': g_string_append (s, "\\r"); break;
        default:
          if ((guchar) *p < 0x20 || *p == 0x7f)
            g_string_append_printf (s, "\\x%02x", (guchar) *p);
          else
            g_string_append_c (s, *p);
        }
    }

  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

static StrataScalarStyle
style_from_event (yaml_scalar_style_t style)
{
  switch (style)
    {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE:
      return STRATA_SCALAR_STYLE_SINGLE_QUOTED;
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
      return STRATA_SCALAR_STYLE_DOUBLE_QUOTED;
    case YAML_LITERAL_SCALAR_STYLE:
      return STRATA_SCALAR_STYLE_LITERAL;
    case YAML_FOLDED_SCALAR_STYLE:
      return STRATA_SCALAR_STYLE_FOLDED;
    case YAML_ANY_SCALAR_STYLE:
    case YAML_PLAIN_SCALAR_STYLE:
    default:
      return STRATA_SCALAR_STYLE_PLAIN;
    }
}

static const char *
type_tag (StrataValueType type)
{
  switch (type)
    {
    case STRATA_VALUE_INT: return "!!int";
    case STRATA_VALUE_FLOAT: return "!!float";
    case STRATA_VALUE_BOOL: return "!!bool";
    case STRATA_VALUE_NULL: return "!!null";
    case STRATA_VALUE_TIMESTAMP: return "!!timestamp";
    case STRATA_VALUE_STRING:
    default: return "!!str";
    }
}

static gboolean
tag_to_type (const char      *tag,
             StrataValueType *type)
{
  static const StrataValueType types[] = {
    STRATA_VALUE_INT, STRATA_VALUE_FLOAT, STRATA_VALUE_BOOL,
    STRATA_VALUE_NULL, STRATA_VALUE_TIMESTAMP,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (tag, type_tag (types[i])))
      {
        *type = types[i];
        return TRUE;
      }
  return FALSE;
}

/* !!binary holds base64; compose decodes it into a string. */
static gboolean
decode_binary (StrataNode           *node,
               const StrataPosition *pos,
               GError              **error)
{
  g_autofree guchar *data = NULL;
  gsize len = 0;

  for (const char *p = node->text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && !strchr ("+/=\n\r\t ", *p))
      {
        _strata_yaml_set_error (error, STRATA_COMPOSE_ERROR_TYPE, pos,
                                "!!binary value contains invalid base64 data");
        return FALSE;
      }

  data = g_base64_decode (node->text, &len);
  if (memchr (data, '\0', len) != NULL || !g_utf8_validate ((const char *) data, len, NULL))
    {
      _strata_yaml_set_error (error, STRATA_COMPOSE_ERROR_TYPE, pos,
                              "!!binary value is not UTF-8 text");
      return FALSE;
    }

  strata_node_set_text_len (node, (const char *) data, len);
  return TRUE;
}

/* go-yaml: a standard tag forces the type; !!float also takes an integer. */
static gboolean
apply_tag (StrataNode           *node,
           const StrataPosition *pos,
           GError              **error)
{
  StrataValueType wanted, found;

  if (g_str_equal (node->tag, "!!binary"))
    return decode_binary (node, pos, error);

  if (!tag_to_type (node->tag, &wanted))
    return TRUE;  /* !!str, !reset, !override, custom tags: a string */

  found = strata_yaml_resolve_plain (node->text);
  if (found == STRATA_VALUE_INT && wanted == STRATA_VALUE_FLOAT)
    found = STRATA_VALUE_FLOAT;
  if (found != wanted)
    {
      _strata_yaml_set_error (error, STRATA_COMPOSE_ERROR_TYPE, pos,
                              "cannot decode %s `%s` as a %s",
                              type_tag (found), node->text, node->tag);
      return FALSE;
    }

  node->type = wanted;
  return TRUE;
}

StrataNode *
_strata_yaml_scalar_node (StrataLayer        *layer,
                          const yaml_event_t *event,
                          GError            **error)
{
  StrataPosition pos = _strata_yaml_position (layer, event->start_mark);
  g_autoptr(StrataNode) node = NULL;
  const char *tag = (const char *) event->data.scalar.tag;

  node = strata_node_new_scalar_len (&pos, (const char *) event->data.scalar.value,
                                     event->data.scalar.length, STRATA_VALUE_STRING);
  node->style = style_from_event (event->data.scalar.style);

  /* "!" is the non-specific tag: go-yaml treats it as no tag at all. */
  if (tag == NULL || g_str_equal (tag, "!"))
    {
      if (node->style == STRATA_SCALAR_STYLE_PLAIN)
        node->type = strata_yaml_resolve_plain (node->text);
      return g_steal_pointer (&node);
    }

  _strata_yaml_set_tag (node, event->data.scalar.tag);
  if (!apply_tag (node, &pos, error))
    return NULL;

  return g_steal_pointer (&node);
}
