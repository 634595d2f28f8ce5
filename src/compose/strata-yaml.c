/* strata-yaml.c: read a layer's YAML with libyaml's event API
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "strata-compose-error.h"
#include "strata-yaml.h"
#include "strata-yaml-private.h"

void
_strata_yaml_set_error (GError              **error,
                        gint                  code,
                        const StrataPosition *pos,
                        const char           *format,
                        ...)
{
  g_autofree char *place = strata_position_to_string (pos);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, STRATA_COMPOSE_ERROR, code, "%s: %s", place, message);
}

/* Line and column (in characters) of a byte offset into the layer's text. */
static StrataPosition
position_at_offset (StrataLayer *layer,
                    gsize        offset)
{
  gsize length = 0;
  const char *text = strata_layer_get_text (layer, &length);
  const char *line_start = text;
  StrataPosition pos = { layer, 1, 1 };

  offset = MIN (offset, length);
  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n')
      {
        pos.line++;
        line_start = text + i + 1;
      }

  pos.column = 1;
  for (const char *p = line_start; p < text + offset; p = g_utf8_next_char (p))
    pos.column++;
  return pos;
}

/* libyaml's reader refuses what g_utf8_validate() refuses (bad or
 * incomplete sequences, overlong forms, surrogates, NUL as a control
 * character), so a text it reads to the end is UTF-8. When reading fails,
 * this runs first: a bad byte anywhere is reported as before, in place of
 * a parse or builder error that came before the reader got to it. */
static gboolean
check_encoding (StrataLayer  *layer,
                GError      **error)
{
  gsize length = 0;
  const char *text = strata_layer_get_text (layer, &length);
  const char *end = NULL;
  StrataPosition pos;

  if (g_utf8_validate (text, length, &end))
    return TRUE;

  pos = position_at_offset (layer, end - text);
  if (*end == '\0')
    _strata_yaml_set_error (error, STRATA_COMPOSE_ERROR_ENCODING, &pos,
                            "the file contains a NUL byte; compose files must be UTF-8 text");
  else
    _strata_yaml_set_error (error, STRATA_COMPOSE_ERROR_ENCODING, &pos,
                            "invalid UTF-8 byte 0x%02X; save the file as UTF-8",
                            (guchar) *end);
  return FALSE;
}

static void
set_parse_error (StrataLayer          *layer,
                 const yaml_parser_t  *parser,
                 GError              **error)
{
  const char *problem = parser->problem ? parser->problem : "unknown problem parsing YAML content";
  StrataPosition pos;

  if (parser->error == YAML_READER_ERROR)
    pos = position_at_offset (layer, parser->problem_offset);
  else
    pos = _strata_yaml_position (layer, parser->problem_mark);

  if (parser->context != NULL)
    _strata_yaml_set_error (error, STRATA_COMPOSE_ERROR_PARSE, &pos, "%s (%s at line %zu, column %zu)",
                            problem, parser->context,
                            parser->context_mark.line + 1, parser->context_mark.column + 1);
  else
    _strata_yaml_set_error (error, STRATA_COMPOSE_ERROR_PARSE, &pos, "%s", problem);
}

/* yaml_event_delete() for the events of a document's content: their
 * strings only (libyaml allocates them with malloc). */
static void
event_free (yaml_event_t *event)
{
  switch (event->type)
    {
    case YAML_SCALAR_EVENT:
      free (event->data.scalar.value);
      free (event->data.scalar.tag);
      free (event->data.scalar.anchor);
      break;
    case YAML_SEQUENCE_START_EVENT:
      free (event->data.sequence_start.tag);
      free (event->data.sequence_start.anchor);
      break;
    case YAML_MAPPING_START_EVENT:
      free (event->data.mapping_start.tag);
      free (event->data.mapping_start.anchor);
      break;
    case YAML_ALIAS_EVENT:
      free (event->data.alias.anchor);
      break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
      break;
    case YAML_NO_EVENT:
    case YAML_STREAM_START_EVENT:
    case YAML_STREAM_END_EVENT:
    case YAML_DOCUMENT_START_EVENT:
    case YAML_DOCUMENT_END_EVENT:
    default:
      yaml_event_delete (event);
    }
}

/* A document ends: its root must be a mapping, its keys strings. */
static gboolean
finish_document (StrataYamlBuilder  *builder,
                 GPtrArray          *documents,
                 GError            **error)
{
  StrataNode *root = builder->root;

  if (root == NULL || root->kind != STRATA_NODE_MAPPING)
    {
      StrataPosition pos = root ? root->pos : (StrataPosition) { builder->layer, 1, 1 };

      _strata_yaml_set_error (error, STRATA_COMPOSE_ERROR_TYPE, &pos,
                              "Top-level object must be a mapping");
      return FALSE;
    }
  if (builder->key_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&builder->key_error));
      return FALSE;
    }

  g_ptr_array_add (documents, g_steal_pointer (&builder->root));
  _strata_yaml_builder_reset (builder);
  return TRUE;
}

static gboolean
read_events (yaml_parser_t      *parser,
             StrataYamlBuilder  *builder,
             GPtrArray          *documents,
             GError            **error)
{
  for (;;)
    {
      yaml_event_t event;
      gboolean ok;
      yaml_event_type_t type;

      if (!yaml_parser_parse (parser, &event))
        {
          set_parse_error (builder->layer, parser, error);
          return FALSE;
        }

      type = event.type;
      if (type == YAML_DOCUMENT_START_EVENT)
        _strata_yaml_builder_reset (builder);
      ok = _strata_yaml_builder_event (builder, &event, error);
      if (ok && type == YAML_DOCUMENT_END_EVENT)
        ok = finish_document (builder, documents, error);
      event_free (&event);

      if (!ok)
        return FALSE;
      if (type == YAML_STREAM_END_EVENT)
        return TRUE;
    }
}

GPtrArray *
strata_yaml_read_documents (StrataLayer  *layer,
                            GError      **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) local_error = NULL;
  StrataYamlBuilder builder = { 0, };
  yaml_parser_t parser;
  gsize length = 0;
  const char *text;
  gboolean ok;

  g_return_val_if_fail (layer != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = strata_layer_get_text (layer, &length);
  if (!yaml_parser_initialize (&parser))
    g_error ("libyaml could not allocate a parser");
  yaml_parser_set_input_string (&parser, (const unsigned char *) text, length);
  yaml_parser_set_encoding (&parser, YAML_UTF8_ENCODING);

  documents = g_ptr_array_new_with_free_func ((GDestroyNotify) strata_node_free);
  _strata_yaml_builder_init (&builder, layer);
  ok = read_events (&parser, &builder, documents, &local_error);
  _strata_yaml_builder_clear (&builder);
  if (!ok && check_encoding (layer, error))
    g_propagate_error (error, g_steal_pointer (&local_error));
  yaml_parser_delete (&parser);

  return ok ? g_steal_pointer (&documents) : NULL;
}

StrataNode *
strata_yaml_read (StrataLayer  *layer,
                  GError      **error)
{
  g_autoptr(GPtrArray) documents = strata_yaml_read_documents (layer, error);
  StrataPosition start = { layer, 1, 1 };

  if (documents == NULL)
    return NULL;
  if (documents->len == 0)
    return strata_node_new_mapping (&start);
  return g_ptr_array_steal_index (documents, 0);
}
