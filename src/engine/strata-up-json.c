/* strata-up-json.c: the normalized model as JSON, and reading it
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `up` works on the JSON compose's own config prints (without the `$$`
 * doubling), the same text the config hash is computed from: typed values
 * (numbers, booleans) come for free.
 */

#include "config.h"

#include <stdlib.h>

#include "strata-emit.h"
#include "strata-units.h"
#include "strata-up-private.h"

JsonArray *
_strata_json_array (JsonObject *object,
                    const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);

  return JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

const char *
_strata_json_string (JsonObject *object,
                     const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);

  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

gint64
_strata_json_int (JsonObject *object,
                  const char *member,
                  gint64      fallback)
{
  JsonNode *node;
  const char *text;

  if (object == NULL || !json_object_has_member (object, member))
    return fallback;
  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return (gint64) json_node_get_double (node);
  text = json_node_get_string (node);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : fallback;
}

gboolean
_strata_json_bool (JsonObject *object,
                   const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return FALSE;
  node = json_object_get_member (object, member);

  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN
         && json_node_get_boolean (node);
}

gboolean
_strata_json_duration (JsonObject *object,
                       const char *member,
                       gint64     *nanoseconds)
{
  const char *text = _strata_json_string (object, member);

  return text != NULL && strata_parse_duration (text, nanoseconds);
}

void
_strata_up_put_string (JsonBuilder *b,
                       const char  *member,
                       const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value);
}

void
_strata_up_put_int (JsonBuilder *b,
                    JsonObject  *object,
                    const char  *key,
                    const char  *member)
{
  if (object == NULL || !json_object_has_member (object, key))
    return;
  json_builder_set_member_name (b, member);
  json_builder_add_int_value (b, _strata_json_int (object, key, 0));
}

void
_strata_up_put_strings (JsonBuilder *b,
                        const char  *member,
                        JsonArray   *array)
{
  if (array == NULL)
    return;
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < json_array_get_length (array); i++)
    json_builder_add_string_value (b, json_array_get_string_element (array, i));
  json_builder_end_array (b);
}

void
_strata_up_put_map (JsonBuilder *b,
                    const char  *member,
                    JsonObject  *map)
{
  g_autoptr(GList) keys = map ? json_object_get_members (map) : NULL;

  if (map == NULL)
    return;
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (map, l->data);
      g_autofree char *text = NULL;

      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        text = g_strdup (json_node_get_string (value));
      else if (JSON_NODE_HOLDS_VALUE (value))
        text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
      _strata_up_put_string (b, l->data, text ? text : "");
    }
  json_builder_end_object (b);
}

JsonObject *
_strata_up_model (StrataProject *project)
{
  g_autofree char *json = strata_emit_json_model (strata_project_get_normalized (project), TRUE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, json, -1, NULL))
    return json_object_new ();
  root = json_parser_get_root (parser);

  return JSON_NODE_HOLDS_OBJECT (root) ? json_object_ref (json_node_get_object (root)) : json_object_new ();
}

/* compose's GetImageNameOrDefault: the image, else PROJECT-SERVICE. */
char *
_strata_up_service_image (JsonObject *project,
                          const char *service_name,
                          JsonObject *service)
{
  const char *image = _strata_json_string (service, "image");
  const char *name = _strata_json_string (project, "name");

  if (image != NULL && *image != '\0')
    return g_strdup (image);

  return g_strdup_printf ("%s-%s", name ? name : "", service_name);
}

guint
_strata_up_service_scale (JsonObject *service)
{
  JsonObject *deploy = _strata_json_object_member (service, "deploy");
  gint64 scale = _strata_json_int (service, "scale", -1);

  if (scale < 0)
    scale = _strata_json_int (deploy, "replicas", 1);

  return scale < 0 ? 1 : (guint) scale;
}

typedef struct
{
  const char *name;
  gint64      priority;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a;
  const Ranked *y = b;

  if (x->priority != y->priority)
    return x->priority > y->priority ? -1 : 1;

  return g_strcmp0 (x->name, y->name);
}

/* compose's NetworksByPriority: highest priority first, then by name. */
GStrv
_strata_up_networks_by_priority (JsonObject *service)
{
  JsonObject *networks = _strata_json_object_member (service, "networks");
  g_autoptr(GList) keys = networks ? json_object_get_members (networks) : NULL;
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (GList *l = keys; l != NULL; l = l->next)
    {
      Ranked r = { l->data, _strata_json_int (_strata_json_object_member (networks, l->data), "priority", 0) };

      g_array_append_val (ranked, r);
    }
  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len; i++)
    g_strv_builder_add (builder, g_array_index (ranked, Ranked, i).name);

  return g_strv_builder_end (builder);
}

/* The engine's name of a top-level network or volume: its name:, else the key. */
const char *
_strata_up_resource_name (JsonObject *project,
                          const char *section,
                          const char *key)
{
  JsonObject *resource = _strata_json_object_member (_strata_json_object_member (project, section), key);
  const char *name = _strata_json_string (resource, "name");

  return name != NULL ? name : key;
}

char *
_strata_up_container_name (const char *project_name,
                           const char *service_name,
                           JsonObject *service,
                           guint       number)
{
  const char *name = _strata_json_string (service, "container_name");

  if (name != NULL && *name != '\0')
    return g_strdup (name);

  return g_strdup_printf ("%s-%s-%u", project_name, service_name, number);
}
