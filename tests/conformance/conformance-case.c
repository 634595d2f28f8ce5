/* conformance-case.c: one corpus case, and running a compose CLI on it
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "conformance-case.h"

#include <json-glib/json-glib.h>
#include <string.h>

typedef enum
{
  KIND_STRING,
  KIND_INT,
  KIND_BOOLEAN,
  KIND_LIST,
  KIND_OBJECT,
  KIND_BOOLEAN_OR_STRING,
} Kind;

/* The keys case.json may hold and the JSON type of each. */
static const struct {
  const char *key;
  Kind        kind;
} known_keys[] = {
  { "about", KIND_STRING },
  { "args", KIND_LIST },
  { "verb_index", KIND_INT },
  { "env", KIND_OBJECT },
  { "cwd", KIND_STRING },
  { "stdin", KIND_STRING },
  { "formats", KIND_LIST },
  { "invalid", KIND_BOOLEAN },
  { "unordered", KIND_BOOLEAN },
  { "error_position", KIND_BOOLEAN_OR_STRING },
};

void
conformance_case_free (ConformanceCase *kase)
{
  if (kase == NULL)
    return;

  g_free (kase->name);
  g_free (kase->dir);
  g_free (kase->about);
  g_strfreev (kase->args);
  g_strfreev (kase->env);
  g_free (kase->cwd);
  g_free (kase->stdin_file);
  g_strfreev (kase->formats);
  g_free (kase->error_position);
  g_free (kase);
}

static GStrv
string_array (JsonObject  *object,
              const char  *key,
              GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array = json_object_get_array_member (object, key);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "“%s” must be a list of strings", key);
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }

  return g_strv_builder_end (builder);
}

static GStrv
env_array (JsonObject *object)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonObject *env = json_object_get_object_member (object, "env");
  g_autoptr(GList) members = json_object_get_members (env);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *value = json_object_get_string_member (env, l->data);
      g_autofree char *assignment = g_strdup_printf ("%s=%s", (char *) l->data, value);

      g_strv_builder_add (builder, assignment);
    }

  return g_strv_builder_end (builder);
}

static gboolean
node_has_kind (JsonNode *node,
               Kind      kind)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  switch (kind)
    {
    case KIND_STRING:
      return type == G_TYPE_STRING;
    case KIND_INT:
      return type == G_TYPE_INT64;
    case KIND_BOOLEAN:
      return type == G_TYPE_BOOLEAN;
    case KIND_LIST:
      return JSON_NODE_HOLDS_ARRAY (node);
    case KIND_OBJECT:
      return JSON_NODE_HOLDS_OBJECT (node);
    case KIND_BOOLEAN_OR_STRING:
      return type == G_TYPE_BOOLEAN || type == G_TYPE_STRING;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
check_member (const char  *key,
              JsonNode    *node,
              GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_keys); i++)
    {
      if (strcmp (known_keys[i].key, key) != 0)
        continue;
      if (node_has_kind (node, known_keys[i].kind))
        return TRUE;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "“%s” has the wrong type", key);
      return FALSE;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "unknown key “%s”", key);
  return FALSE;
}

static gboolean
check_env (JsonObject  *env,
           GError     **error)
{
  g_autoptr(GList) members = json_object_get_members (env);

  for (GList *l = members; l != NULL; l = l->next)
    if (!node_has_kind (json_object_get_member (env, l->data), KIND_STRING))
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     "“env”: the value of %s must be a string", (char *) l->data);
        return FALSE;
      }

  return TRUE;
}

static gboolean
check_keys (JsonObject  *object,
            GError     **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!check_member (l->data, json_object_get_member (object, l->data), error))
      return FALSE;

  return !json_object_has_member (object, "env") ||
         check_env (json_object_get_object_member (object, "env"), error);
}

static gboolean
check_formats (GStrv    formats,
               GError **error)
{
  for (guint i = 0; formats[i] != NULL; i++)
    if (g_strcmp0 (formats[i], "yaml") != 0 && g_strcmp0 (formats[i], "json") != 0)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     "unknown format “%s” (yaml or json)", formats[i]);
        return FALSE;
      }

  return TRUE;
}

static char *
error_position (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "error_position");

  if (node == NULL)
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node) ? g_strdup ("") : NULL;

  return g_strdup (json_node_get_string (node));
}

static gboolean
fill_case (ConformanceCase  *kase,
           JsonObject       *object,
           GError          **error)
{
  if (!check_keys (object, error))
    return FALSE;

  kase->about = g_strdup (json_object_get_string_member_with_default (object, "about", ""));
  if (json_object_has_member (object, "args") &&
      (kase->args = string_array (object, "args", error)) == NULL)
    return FALSE;
  if (kase->args == NULL)
    kase->args = g_new0 (char *, 1);
  kase->verb_index = json_object_get_int_member_with_default (object, "verb_index",
                                                              g_strv_length (kase->args));
  if (kase->verb_index > g_strv_length (kase->args))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "“verb_index” is past the end of “args”");
      return FALSE;
    }
  kase->env = json_object_has_member (object, "env") ? env_array (object) : g_new0 (char *, 1);
  kase->cwd = g_strdup (json_object_get_string_member_with_default (object, "cwd", NULL));
  kase->stdin_file = g_strdup (json_object_get_string_member_with_default (object, "stdin", NULL));
  if (json_object_has_member (object, "formats") &&
      (kase->formats = string_array (object, "formats", error)) == NULL)
    return FALSE;
  if (kase->formats == NULL)
    kase->formats = g_strsplit ("yaml json", " ", -1);
  if (!check_formats (kase->formats, error))
    return FALSE;
  kase->invalid = json_object_get_boolean_member_with_default (object, "invalid", FALSE);
  kase->unordered = json_object_get_boolean_member_with_default (object, "unordered", FALSE);
  kase->error_position = error_position (object);

  return TRUE;
}

ConformanceCase *
conformance_case_load (const char  *dir,
                       GError     **error)
{
  g_autoptr(ConformanceCase) kase = g_new0 (ConformanceCase, 1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_build_filename (dir, "case.json", NULL);
  JsonNode *root;

  kase->name = g_path_get_basename (dir);
  kase->dir = g_strdup (dir);

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: not a JSON object", path);
      return NULL;
    }
  if (!fill_case (kase, json_node_get_object (root), error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  return g_steal_pointer (&kase);
}

void
conformance_result_clear (ConformanceResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
  memset (result, 0, sizeof *result);
}
