/* strata-standins-temp.c: TEMPORARY stand-ins, see strata-standins-temp.h
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TEMPORARY: delete when compose-reader and compose-output have landed.
 */

#include "config.h"

#include <string.h>
#include <yaml.h>

#include "strata-compose-error.h"
#include "strata-standins-temp.h"

/* ---- reader ---- */

typedef struct
{
  yaml_parser_t  parser;
  StrataLayer   *layer;
  GHashTable    *anchors;
} Reader;

static StrataValueType
resolve_plain (const char *s)
{
  if (*s == 0 || g_str_equal (s, "~") || g_str_equal (s, "null") || g_str_equal (s, "Null") || g_str_equal (s, "NULL"))
    return STRATA_VALUE_NULL;
  if (g_str_equal (s, "true") || g_str_equal (s, "false") || g_str_equal (s, "True") ||
      g_str_equal (s, "False") || g_str_equal (s, "TRUE") || g_str_equal (s, "FALSE"))
    return STRATA_VALUE_BOOL;
  if (g_regex_match_simple ("^[-+]?[0-9]+$", s, 0, 0))
    return STRATA_VALUE_INT;
  if (g_regex_match_simple ("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$", s, 0, 0))
    return STRATA_VALUE_FLOAT;
  return STRATA_VALUE_STRING;
}

static StrataNode *read_node (Reader *r, yaml_event_t *event, GError **error);

static gboolean
next_event (Reader        *r,
            yaml_event_t  *event,
            GError       **error)
{
  if (!yaml_parser_parse (&r->parser, event))
    {
      g_set_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_PARSE,
                   "%s:%zu:%zu: %s", strata_layer_get_basename (r->layer),
                   r->parser.problem_mark.line + 1, r->parser.problem_mark.column + 1,
                   r->parser.problem ? r->parser.problem : "invalid YAML");
      return FALSE;
    }
  return TRUE;
}

static StrataNode *
read_collection (Reader       *r,
                 StrataNode   *node,
                 gboolean      mapping,
                 GError      **error)
{
  g_autoptr(StrataNode) owned = node;

  for (;;)
    {
      yaml_event_t event;
      g_autoptr(StrataNode) key = NULL;
      StrataNode *value;

      if (!next_event (r, &event, error))
        return NULL;
      if (event.type == YAML_SEQUENCE_END_EVENT || event.type == YAML_MAPPING_END_EVENT)
        {
          yaml_event_delete (&event);
          return g_steal_pointer (&owned);
        }
      if (mapping)
        {
          key = read_node (r, &event, error);
          if (key == NULL || !next_event (r, &event, error))
            return NULL;
        }
      value = read_node (r, &event, error);
      if (value == NULL)
        return NULL;
      if (key != NULL)
        {
          if (strata_node_lookup (owned, key->text) != NULL)
            {
              g_set_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_DUPLICATE_KEY,
                           "%s:%u:%u: mapping key “%s” already defined",
                           strata_layer_get_basename (r->layer), key->pos.line, key->pos.column,
                           key->text);
              strata_node_free (value);
              return NULL;
            }
          value->key = g_strdup (key->text);
          value->key_pos = key->pos;
        }
      strata_node_append (owned, value);
    }
}

static StrataNode *
read_node (Reader        *r,
           yaml_event_t  *event,
           GError       **error)
{
  StrataPosition pos = { r->layer, event->start_mark.line + 1, event->start_mark.column + 1 };
  StrataNode *node = NULL;
  const char *anchor = NULL;
  const char *tag = NULL;

  switch (event->type)
    {
    case YAML_SCALAR_EVENT:
      {
        const char *text = (const char *) event->data.scalar.value;
        gboolean plain = event->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        tag = (const char *) event->data.scalar.tag;
        node = strata_node_new_scalar (&pos, text, plain && tag == NULL ? resolve_plain (text)
                                                                         : STRATA_VALUE_STRING);
        node->style = plain ? STRATA_SCALAR_STYLE_PLAIN : STRATA_SCALAR_STYLE_DOUBLE_QUOTED;
        anchor = (const char *) event->data.scalar.anchor;
        break;
      }
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
      {
        gboolean mapping = event->type == YAML_MAPPING_START_EVENT;
        g_autofree char *a = g_strdup ((const char *) (mapping ? event->data.mapping_start.anchor
                                                               : event->data.sequence_start.anchor));
        g_autofree char *t = g_strdup ((const char *) (mapping ? event->data.mapping_start.tag
                                                               : event->data.sequence_start.tag));
        yaml_event_delete (event);
        node = read_collection (r, mapping ? strata_node_new_mapping (&pos)
                                           : strata_node_new_sequence (&pos), mapping, error);
        if (node == NULL)
          return NULL;
        node->tag = g_steal_pointer (&t);
        if (a != NULL)
          g_hash_table_insert (r->anchors, g_strdup (a), strata_node_copy (node));
        return node;
      }
    case YAML_ALIAS_EVENT:
      {
        StrataNode *target = g_hash_table_lookup (r->anchors, event->data.alias.anchor);
        if (target != NULL)
          node = strata_node_copy (target);
        break;
      }
    default:
      break;
    }

  if (node == NULL)
    {
      g_set_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_PARSE,
                   "%s:%u:%u: unexpected YAML event", strata_layer_get_basename (r->layer),
                   pos.line, pos.column);
      yaml_event_delete (event);
      return NULL;
    }

  node->tag = g_strdup (tag);
  if (anchor != NULL)
    g_hash_table_insert (r->anchors, g_strdup (anchor), strata_node_copy (node));
  yaml_event_delete (event);
  return node;
}

StrataNode *
strata_yaml_read (StrataLayer  *layer,
                  GError      **error)
{
  Reader r = { .layer = layer };
  gsize length;
  const char *text = strata_layer_get_text (layer, &length);
  StrataNode *root = NULL;
  yaml_event_t event;

  r.anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) strata_node_free);
  yaml_parser_initialize (&r.parser);
  yaml_parser_set_input_string (&r.parser, (const guchar *) text, length);

  while (root == NULL && next_event (&r, &event, error))
    {
      if (event.type == YAML_STREAM_END_EVENT)
        {
          StrataPosition pos = { layer, 1, 1 };
          yaml_event_delete (&event);
          root = strata_node_new_mapping (&pos);
          break;
        }
      if (event.type == YAML_MAPPING_START_EVENT || event.type == YAML_SEQUENCE_START_EVENT ||
          event.type == YAML_SCALAR_EVENT)
        {
          root = read_node (&r, &event, error);
          if (root == NULL)
            break;
        }
      else
        yaml_event_delete (&event);
    }

  yaml_parser_delete (&r.parser);
  g_hash_table_unref (r.anchors);

  if (root != NULL && root->kind != STRATA_NODE_MAPPING)
    {
      g_set_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_TYPE,
                   "%s: Top-level object must be a mapping", strata_layer_get_basename (layer));
      g_clear_pointer (&root, strata_node_free);
    }
  return root;
}

/* ---- environment ---- */

struct _StrataEnvironment
{
  GHashTable *values;
};

StrataEnvironment *
strata_environment_new_from_envp (const char * const *envp)
{
  StrataEnvironment *env = g_new0 (StrataEnvironment, 1);

  env->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; envp != NULL && envp[i] != NULL; i++)
    {
      const char *eq = strchr (envp[i], '=');
      if (eq != NULL)
        g_hash_table_insert (env->values, g_strndup (envp[i], eq - envp[i]), g_strdup (eq + 1));
    }
  return env;
}

void
strata_environment_free (StrataEnvironment *env)
{
  if (env == NULL)
    return;
  g_hash_table_unref (env->values);
  g_free (env);
}

const char *
strata_environment_lookup (StrataEnvironment *env,
                           const char        *name,
                           StrataPosition    *pos)
{
  if (pos != NULL)
    memset (pos, 0, sizeof *pos);
  return g_hash_table_lookup (env->values, name);
}

void
strata_environment_set (StrataEnvironment    *env,
                        const char           *name,
                        const char           *value,
                        const StrataPosition *pos)
{
  g_hash_table_insert (env->values, g_strdup (name), g_strdup (value));
}

gboolean
strata_environment_load_dotenv (StrataEnvironment  *env,
                                StrataLayer        *layer,
                                gboolean            override_existing,
                                GError            **error)
{
  g_auto(GStrv) lines = g_strsplit (strata_layer_get_text (layer, NULL), "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      char *eq;
      char *value;
      gsize len;

      if (*line == 0 || *line == '#')
        continue;
      if (g_str_has_prefix (line, "export "))
        memmove (line, line + 7, strlen (line + 7) + 1);
      eq = strchr (line, '=');
      if (eq == NULL)
        continue;
      *eq = 0;
      value = g_strstrip (eq + 1);
      len = strlen (value);
      if (len >= 2 && (value[0] == '"' || value[0] == '\'') && value[len - 1] == value[0])
        {
          value[len - 1] = 0;
          value++;
        }
      g_strstrip (line);
      if (override_existing || !g_hash_table_contains (env->values, line))
        strata_environment_set (env, line, value, NULL);
    }
  return TRUE;
}

/* ---- interpolation: $VAR ${VAR} ${VAR:-d} ${VAR-d} $$ only ---- */

static char *
interpolate_text (const char        *s,
                  StrataEnvironment *env)
{
  GString *out = g_string_new (NULL);

  while (*s)
    {
      if (s[0] == '$' && s[1] == '$')
        {
          g_string_append_c (out, '$');
          s += 2;
        }
      else if (s[0] == '$' && s[1] == '{' && strchr (s, '}') != NULL)
        {
          const char *end = strchr (s, '}');
          g_autofree char *inner = g_strndup (s + 2, end - s - 2);
          char *dflt = strstr (inner, ":-");
          gboolean colon = dflt != NULL;
          const char *v;

          if (dflt == NULL)
            dflt = strchr (inner, '-');
          if (dflt != NULL)
            *dflt = 0;
          v = strata_environment_lookup (env, inner, NULL);
          if (dflt != NULL && (v == NULL || (colon && *v == 0)))
            v = dflt + (colon ? 2 : 1);
          g_string_append (out, v ? v : "");
          s = end + 1;
        }
      else if (s[0] == '$' && (g_ascii_isalpha (s[1]) || s[1] == '_'))
        {
          const char *p = s + 1;
          g_autofree char *name = NULL;
          const char *v;

          while (g_ascii_isalnum (*p) || *p == '_')
            p++;
          name = g_strndup (s + 1, p - s - 1);
          v = strata_environment_lookup (env, name, NULL);
          g_string_append (out, v ? v : "");
          s = p;
        }
      else
        g_string_append_c (out, *s++);
    }
  return g_string_free (out, FALSE);
}

gboolean
strata_interpolate_tree (StrataNode         *root,
                         StrataEnvironment  *env,
                         GPtrArray          *diagnostics,
                         GError            **error)
{
  if (root->kind == STRATA_NODE_SCALAR)
    {
      if (strchr (root->text, '$') != NULL)
        {
          char *text = interpolate_text (root->text, env);
          g_free (root->text);
          root->text = text;
          root->type = STRATA_VALUE_STRING;
        }
      return TRUE;
    }
  for (guint i = 0; i < root->children->len; i++)
    strata_interpolate_tree (g_ptr_array_index (root->children, i), env, diagnostics, error);
  return TRUE;
}

/* ---- canonical transform: identity ---- */

gboolean
strata_canonical_transform (StrataNode  *file_root,
                            GPtrArray   *diagnostics,
                            GError     **error)
{
  return TRUE;
}

/* ---- normalization: name first, the rest as merged ---- */

StrataNode *
strata_normalize_project (const StrataNode             *project_root,
                          const StrataNormalizeContext *ctx,
                          GPtrArray                    *diagnostics,
                          GError                      **error)
{
  StrataNode *copy = strata_node_copy (project_root);
  StrataPosition none = { 0 };
  StrataNode *name = strata_node_new_scalar (&none, ctx->project_name, STRATA_VALUE_STRING);

  strata_node_remove (copy, "version");
  strata_node_remove (copy, "name");
  name->key = g_strdup ("name");
  name->origin = STRATA_ORIGIN_DERIVED;
  g_ptr_array_insert (copy->children, 0, name);
  return copy;
}

/* ---- emitters ---- */

static void
emit_scalar (GString          *out,
             const StrataNode *node)
{
  if (node->type == STRATA_VALUE_NULL)
    g_string_append (out, "null");
  else if (node->type == STRATA_VALUE_STRING && (resolve_plain (node->text) != STRATA_VALUE_STRING ||
                                                 strpbrk (node->text, ":#{}[]&*!|>'\"%@`,") != NULL))
    {
      g_autofree char *escaped = g_strescape (node->text, NULL);
      g_string_append_printf (out, "\"%s\"", escaped);
    }
  else
    g_string_append (out, node->text);
}

static void
emit_node (GString          *out,
           const StrataNode *node,
           guint             indent,
           gboolean          inline_first)
{
  for (guint i = 0; i < strata_node_get_n_children (node); i++)
    {
      const StrataNode *child = strata_node_get_child (node, i);
      gboolean empty = child->kind != STRATA_NODE_SCALAR && strata_node_get_n_children (child) == 0;

      if (!(i == 0 && inline_first))
        g_string_append_printf (out, "%*s", indent, "");
      if (node->kind == STRATA_NODE_MAPPING)
        g_string_append_printf (out, "%s:", child->key);
      else
        g_string_append (out, "-");

      if (child->kind == STRATA_NODE_SCALAR)
        {
          g_string_append_c (out, ' ');
          emit_scalar (out, child);
          g_string_append_c (out, '\n');
        }
      else if (empty)
        g_string_append (out, child->kind == STRATA_NODE_MAPPING ? " {}\n" : " []\n");
      else if (node->kind == STRATA_NODE_SEQUENCE && child->kind == STRATA_NODE_MAPPING)
        {
          g_string_append_c (out, ' ');
          emit_node (out, child, indent + 2, TRUE);
        }
      else
        {
          g_string_append_c (out, '\n');
          emit_node (out, child, indent + 2, FALSE);
        }
    }
}

char *
strata_emit_yaml (const StrataNode *root)
{
  GString *out = g_string_new (NULL);

  emit_node (out, root, 0, FALSE);
  return g_string_free (out, FALSE);
}

static void
emit_json (GString          *out,
           const StrataNode *node)
{
  if (node->kind == STRATA_NODE_SCALAR)
    {
      g_autofree char *escaped = g_strescape (node->text, NULL);
      if (node->type == STRATA_VALUE_NULL)
        g_string_append (out, "null");
      else if (node->type == STRATA_VALUE_STRING)
        g_string_append_printf (out, "\"%s\"", escaped);
      else
        g_string_append (out, node->text);
      return;
    }
  g_string_append_c (out, node->kind == STRATA_NODE_MAPPING ? '{' : '[');
  for (guint i = 0; i < node->children->len; i++)
    {
      const StrataNode *child = g_ptr_array_index (node->children, i);
      if (i > 0)
        g_string_append_c (out, ',');
      if (node->kind == STRATA_NODE_MAPPING)
        g_string_append_printf (out, "\"%s\":", child->key);
      emit_json (out, child);
    }
  g_string_append_c (out, node->kind == STRATA_NODE_MAPPING ? '}' : ']');
}

char *
strata_emit_json (const StrataNode *root,
                  gboolean          compact)
{
  GString *out = g_string_new (NULL);

  emit_json (out, root);
  return g_string_free (out, FALSE);
}
