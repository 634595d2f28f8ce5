/* strata-validate-schema.c: compose-spec.json's checks, driven by strata-schema.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * compose-go validates every file with gojsonschema and reports the most
 * specific error as "<path> <description>": "services.web Additional
 * property foo is not allowed", "services.web.ports must be a list" (a
 * type list reads "must be a number or string"; for oneOf alternatives it
 * names the first one: "services.web.build must be a string"). The field
 * tables of strata-schema.c say which keys exist and, in `input`, which
 * JSON types a file may hold there.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-canonical-private.h"
#include "strata-compose-error.h"
#include "strata-emit-private.h"
#include "strata-schema-private.h"
#include "strata-validate-private.h"
#include "strata-validate.h"

/* The place being checked, built into "services.web.ports" only for an
 * error: a frame per level on the stack. */
typedef struct _Path Path;
struct _Path
{
  const Path *parent;
  const char *key;    /* or NULL: the item at @index of a list */
  guint       index;
};

/* The JSON types a spec names, as bits. */
enum
{
  T_STRING  = 1 << 0,
  T_NUMBER  = 1 << 1,
  T_INTEGER = 1 << 2,
  T_BOOLEAN = 1 << 3,
  T_NULL    = 1 << 4,
  T_OBJECT  = 1 << 5,
  T_ARRAY   = 1 << 6,
};

/* What one validation keeps: a name index of each big struct it met, and
 * the types of the specs it read (a spec is a string of the schema tables,
 * known by its address). */
typedef struct
{
  /* the project merged from the files before, or NULL */
  const StrataNode *accumulated;
  GHashTable *indexes;  /* StrataSchemaStruct * → FieldIndex * */
  struct
  {
    const char *spec;
    guint       types;
  } specs[64];  /* by spec_types ()'s hash, 6 bits */
} Ctx;

typedef struct
{
  gboolean                 has_required;
  guint                    mask;     /* number of slots - 1 */
  /* the first field of each name a file may hold, by hash of the name */
  const StrataSchemaField *slots[];
} FieldIndex;

static gboolean check_node (Ctx                     *ctx,
                            const StrataNode        *node,
                            const StrataSchemaField *field,
                            const Path              *path,
                            GError                 **error);

static void
append_path (GString    *out,
             const Path *path)
{
  if (path == NULL)
    return;
  append_path (out, path->parent);
  if (out->len > 0)
    g_string_append_c (out, '.');
  if (path->key != NULL)
    g_string_append (out, path->key);
  else
    g_string_append_printf (out, "%u", path->index);
}

static char *
path_string (const Path *path)
{
  GString *out = g_string_new (NULL);

  append_path (out, path);
  return g_string_free (out, FALSE);
}

static const char *
default_input (StrataSchemaKind kind)
{
  switch (kind)
    {
    case STRATA_SCHEMA_STRING:
    case STRATA_SCHEMA_DURATION:
      return "string";
    case STRATA_SCHEMA_NULLABLE_STRING:
      return "string,number,boolean,null";
    case STRATA_SCHEMA_INT:
    case STRATA_SCHEMA_PINT:
      return "integer,string";
    case STRATA_SCHEMA_FLOAT:
    case STRATA_SCHEMA_BYTES:
    case STRATA_SCHEMA_MODE:
      return "number,string";
    case STRATA_SCHEMA_BOOL:
    case STRATA_SCHEMA_PBOOL:
      return "boolean,string";
    case STRATA_SCHEMA_STRUCT:
    case STRATA_SCHEMA_MAP:
      return "object";
    case STRATA_SCHEMA_LIST:
      return "array";
    case STRATA_SCHEMA_ANY:
    default:
      return NULL;
    }
}

static const char *
json_type (const StrataNode *node)
{
  if (node->kind == STRATA_NODE_MAPPING)
    return "object";
  if (node->kind == STRATA_NODE_SEQUENCE)
    return "array";
  switch (node->type)
    {
    case STRATA_VALUE_NULL:
      return "null";
    case STRATA_VALUE_BOOL:
      return "boolean";
    case STRATA_VALUE_INT:
      return "integer";
    case STRATA_VALUE_FLOAT:
      return "number";
    case STRATA_VALUE_STRING:
    default:
      return "string";
    }
}

/* Whether the @len bytes at @token spell @word. */
static inline gboolean
token_is (const char *token,
          gsize       len,
          const char *word)
{
  for (gsize i = 0; i < len; i++)
    if (token[i] != word[i])
      return FALSE;
  return word[len] == '\0';
}

/* An interpolated value is a string until compose casts it by its field. */
static gboolean
casts_to (const StrataNode *node,
          const char       *type,
          gsize             len)
{
  gint64 i;
  char *end = NULL;

  if (node->kind != STRATA_NODE_SCALAR || node->origin != STRATA_ORIGIN_INTERPOLATED)
    return FALSE;
  if (token_is (type, len, "integer"))
    return _strata_go_parse_int (node->text, &i);
  if (token_is (type, len, "number"))
    return node->text[0] != '\0' && (g_ascii_strtod (node->text, &end), *end == '\0');
  if (token_is (type, len, "boolean"))
    return g_str_equal (node->text, "true") || g_str_equal (node->text, "false");
  return FALSE;
}

static guint
type_bit (const char *token,
          gsize       len)
{
  static const char * const names[] = { "string", "number", "integer", "boolean", "null", "object", "array" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (token_is (token, len, names[i]))
      return 1u << i;
  return 0;
}

/* json_type () as a bit. */
static guint
node_type_bit (const StrataNode *node)
{
  if (node->kind == STRATA_NODE_MAPPING)
    return T_OBJECT;
  if (node->kind == STRATA_NODE_SEQUENCE)
    return T_ARRAY;
  switch (node->type)
    {
    case STRATA_VALUE_NULL:
      return T_NULL;
    case STRATA_VALUE_BOOL:
      return T_BOOLEAN;
    case STRATA_VALUE_INT:
      return T_INTEGER;
    case STRATA_VALUE_FLOAT:
      return T_NUMBER;
    case STRATA_VALUE_STRING:
    default:
      return T_STRING;
    }
}

/* The types of @spec, JSON types separated by "," or "|". */
static guint
spec_types (Ctx        *ctx,
            const char *spec)
{
  /* specs are literals packed side by side: a multiplicative hash of the
   * whole address (its low bits alone put neighbours in one slot) */
  guint slot = (guint) ((GPOINTER_TO_SIZE (spec) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 58);
  guint types = 0;

  if (ctx->specs[slot].spec == spec)
    return ctx->specs[slot].types;
  for (const char *token = spec; ; )
    {
      gsize len = 0;

      while (token[len] != '\0' && token[len] != ',' && token[len] != '|')
        len++;
      types |= type_bit (token, len);
      if (token[len] == '\0')
        break;
      token += len + 1;
    }
  ctx->specs[slot].spec = spec;
  ctx->specs[slot].types = types;
  return types;
}

static gboolean
accepts (Ctx              *ctx,
         const char       *spec,
         const StrataNode *node)
{
  gboolean integer = node->kind == STRATA_NODE_SCALAR && node->type == STRATA_VALUE_INT;
  guint types = spec_types (ctx, spec);

  if ((types & node_type_bit (node)) || (integer && (types & T_NUMBER)))
    return TRUE;
  return ((types & T_INTEGER) && casts_to (node, "integer", strlen ("integer"))) ||
         ((types & T_NUMBER) && casts_to (node, "number", strlen ("number"))) ||
         ((types & T_BOOLEAN) && casts_to (node, "boolean", strlen ("boolean")));
}

/* "number,string|object" → "number or string"; object is a mapping, array a list */
static char *
human_types (const char *spec)
{
  g_autofree char *first = g_strndup (spec, strcspn (spec, "|"));
  g_auto(GStrv) types = g_strsplit (first, ",", -1);
  GString *out = g_string_new (NULL);
  guint n = g_strv_length (types);

  for (guint i = 0; i < n; i++)
    {
      const char *t = g_str_equal (types[i], "object") ? "mapping"
                    : g_str_equal (types[i], "array") ? "list" : types[i];

      if (i > 0)
        g_string_append (out, i + 1 == n ? " or " : ", ");
      g_string_append (out, t);
    }
  return g_string_free (out, FALSE);
}

static const char *
type_hint (const char       *want,
           const StrataNode *node)
{
  const char *have = json_type (node);

  if (g_str_has_prefix (want, "string") && node->kind == STRATA_NODE_SCALAR && !g_str_equal (have, "null"))
    return _("Put the value in quotes to make it a string.");
  if (g_str_has_prefix (want, "list") || g_str_has_prefix (want, "array"))
    return _("Write a list here: one `- item` a line, or `[a, b]`.");
  if (g_str_has_prefix (want, "mapping") || g_str_has_prefix (want, "object"))
    return _("Write a mapping here: one `key: value` a line, indented under the key.");
  if (g_str_equal (have, "null"))
    return _("Give it a value, or remove the key.");
  return _("Change the value to the type the message names.");
}

static gboolean
type_error (GError          **error,
            const StrataNode *node,
            const Path       *at,
            const char       *spec)
{
  g_autofree char *want = human_types (spec);
  g_autofree char *path = path_string (at);
  /* a null value has no place of its own: point at its key */
  const StrataPosition *pos = strata_node_is_null (node) ? _strata_node_place (node) : &node->pos;

  return _strata_set_error (error, STRATA_COMPOSE_ERROR_TYPE, pos, type_hint (spec, node),
                            "%s must be a %s", path, want);
}

static const StrataSchemaField *
find_field_linear (const StrataSchemaStruct *schema,
                   const char               *key)
{
  for (guint f = 0; f < schema->n_fields; f++)
    if (schema->fields[f].name[0] == key[0] && strcmp (schema->fields[f].name, key) == 0 &&
        !(schema->fields[f].flags & STRATA_SCHEMA_FIELD_OUTPUT_ONLY))
      return &schema->fields[f];
  return NULL;
}

static inline guint32
hash_name (const char *name)
{
  guint32 h = 2166136261u;  /* FNV-1a */

  for (const guchar *p = (const guchar *) name; *p != '\0'; p++)
    h = (h ^ *p) * 16777619u;
  return h;
}

/* The name index of a struct with many fields, made on first use. */
static const FieldIndex *
field_index (Ctx                      *ctx,
             const StrataSchemaStruct *schema)
{
  FieldIndex *index;
  guint n_slots = 64;

  if (schema->n_fields <= 16)
    return NULL;
  if (ctx->indexes == NULL)
    ctx->indexes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  if ((index = g_hash_table_lookup (ctx->indexes, schema)) != NULL)
    return index;
  while (n_slots < schema->n_fields * 2)
    n_slots *= 2;
  index = g_malloc0 (sizeof (FieldIndex) + n_slots * sizeof (index->slots[0]));
  index->mask = n_slots - 1;
  for (guint f = 0; f < schema->n_fields; f++)
    {
      const StrataSchemaField *field = &schema->fields[f];
      guint i = hash_name (field->name) & index->mask;

      index->has_required |= (field->flags & STRATA_SCHEMA_FIELD_REQUIRED) != 0;
      if (field->flags & STRATA_SCHEMA_FIELD_OUTPUT_ONLY)
        continue;
      while (index->slots[i] != NULL && strcmp (index->slots[i]->name, field->name) != 0)
        i = (i + 1) & index->mask;
      if (index->slots[i] == NULL)
        index->slots[i] = field;
    }
  g_hash_table_insert (ctx->indexes, (gpointer) schema, index);
  return index;
}

static const StrataSchemaField *
find_field (const FieldIndex         *index,
            const StrataSchemaStruct *schema,
            const char               *key)
{
  if (index == NULL)
    return find_field_linear (schema, key);
  for (guint i = hash_name (key) & index->mask; index->slots[i] != NULL; i = (i + 1) & index->mask)
    if (strcmp (index->slots[i]->name, key) == 0)
      return index->slots[i];
  return NULL;
}

static gboolean
unknown_key (GError                  **error,
             const StrataNode         *child,
             const Path               *at,
             const StrataSchemaStruct *schema)
{
  const char *suggestion = _strata_closest_name (child->key, schema);
  g_autofree char *hint = NULL;
  g_autofree char *path = path_string (at);

  if (suggestion != NULL)
    hint = g_strdup_printf (_("Did you mean `%s`? A key of your own must start with x-."), suggestion);
  else
    hint = g_strdup (_("Remove it, or start its name with x- to keep it as an extension."));
  return _strata_set_error (error, STRATA_COMPOSE_ERROR_TYPE, _strata_node_place (child), hint,
                            "%s Additional property %s is not allowed",
                            path[0] != '\0' ? path : "(root)", child->key);
}

static gboolean
check_struct (Ctx                      *ctx,
              const StrataNode         *node,
              const StrataSchemaStruct *schema,
              const Path               *path,
              GError                  **error)
{
  const FieldIndex *index = field_index (ctx, schema);

  for (guint f = 0; (index == NULL || index->has_required) && f < schema->n_fields; f++)
    if ((schema->fields[f].flags & STRATA_SCHEMA_FIELD_REQUIRED) &&
        strata_node_lookup (node, schema->fields[f].name) == NULL)
      {
        g_autofree char *where = path_string (path);

        return _strata_set_error (error, STRATA_COMPOSE_ERROR_TYPE, _strata_node_place (node),
                                  _("Add the missing key."), "%s %s is required", where, schema->fields[f].name);
      }
  for (guint i = 0; i < node->children->len; i++)
    {
      const StrataNode *child = g_ptr_array_index (node->children, i);
      const StrataSchemaField *field;
      Path sub_path = { path, child->key, 0 };

      if (child->key[0] == 'x' && child->key[1] == '-')
        continue;
      if ((field = find_field (index, schema, child->key)) == NULL)
        return unknown_key (error, child, path, schema);
      if (!check_node (ctx, child, field, &sub_path, error))
        return FALSE;
    }
  return TRUE;
}

/* compose-spec.json's patternProperties without additionalProperties: the
 * maps whose keys must be names ([a-zA-Z0-9._-]+). */
static gboolean
needs_name_keys_text (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  guint n = g_strv_length (parts);
  const char *top[] = { "services", "volumes", "secrets", "configs", NULL };

  if (n == 1)
    return g_strv_contains (top, parts[0]);
  return n == 3 && g_str_equal (parts[0], "services") &&
         (g_str_equal (parts[2], "networks") || g_str_equal (parts[2], "depends_on"));
}

/* The same, without building the path: the last dotted part of the path
 * is the end of the last key, so only a key ending in one of these words
 * can name such a map. */
static gboolean
needs_name_keys (const Path *path)
{
  const char *words[] = { "services", "volumes", "secrets", "configs", "networks", "depends_on" };
  g_autofree char *text = NULL;
  gboolean maybe = FALSE;
  gsize length;

  if (path == NULL || path->key == NULL)
    return path == NULL && needs_name_keys_text ("");
  length = strlen (path->key);

  for (guint i = 0; i < G_N_ELEMENTS (words) && !maybe; i++)
    {
      gsize word_length = strlen (words[i]);

      maybe = length >= word_length && path->key[length - 1] == words[i][word_length - 1] &&
              memcmp (path->key + length - word_length, words[i], word_length) == 0;
    }
  if (!maybe)
    return FALSE;
  text = path_string (path);
  return needs_name_keys_text (text);
}

/* ^[a-zA-Z0-9._-]+$ as GRegex (PCRE) matches it: `$` also matches before
 * a final newline. */
static gboolean
is_name (const char *key)
{
  const char *p = key;

  while (g_ascii_isalnum (*p) || *p == '.' || *p == '_' || *p == '-')
    p++;
  return p > key && (p[0] == '\0' || (p[0] == '\n' && p[1] == '\0'));
}

static gboolean
check_name_key (const StrataNode  *child,
                const Path        *at,
                GError           **error)
{
  g_autofree char *path = NULL;

  if (is_name (child->key))
    return TRUE;
  path = path_string (at);
  return _strata_set_error (error, STRATA_COMPOSE_ERROR_TYPE, _strata_node_place (child),
                            _("A name may only hold letters, digits, `.`, `_` and `-`: rename it "
                              "(and every reference to it)."),
                            "%s Additional property %s is not allowed", path, child->key);
}

/* List items and map values, described by the field's `item`. */
static gboolean
check_items (Ctx                     *ctx,
             const StrataNode        *node,
             const StrataSchemaField *field,
             GError                 **error,
             const Path              *path)
{
  StrataSchemaField item = { NULL, field->elem, 0, field->sub, 0, field->item, NULL };
  gboolean name_keys = node->kind == STRATA_NODE_MAPPING && needs_name_keys (path);

  /* the list form of a mapping (KEY=VAL, depends_on, networks) is strings */
  if (node->kind == STRATA_NODE_SEQUENCE && field->kind != STRATA_SCHEMA_LIST)
    item = (StrataSchemaField) { NULL, STRATA_SCHEMA_STRING, 0, NULL, 0, "string", NULL };
  /* list_or_dict values */
  else if (node->kind == STRATA_NODE_MAPPING && item.input == NULL && g_strcmp0 (field->input, "object|array") == 0)
    item.input = "string,number,boolean,null";

  for (guint i = 0; i < strata_node_get_n_children (node); i++)
    {
      const StrataNode *child = strata_node_get_child (node, i);
      Path sub_path = { path, node->kind == STRATA_NODE_MAPPING ? child->key : NULL, i };

      if (node->kind == STRATA_NODE_MAPPING && child->key != NULL && name_keys &&
          !check_name_key (child, path, error))
        return FALSE;
      if (!check_node (ctx, child, &item, &sub_path, error))
        return FALSE;
    }
  return TRUE;
}

/* The value at @path in @accumulated: the keys of the path looked up
 * from mapping to mapping (a list item has none). Only a null value that
 * fails its check needs it, so it is looked up then, not on the way down. */
static const StrataNode *
value_at (const StrataNode *accumulated,
          const Path       *path)
{
  const StrataNode *parent;

  if (path == NULL)
    return accumulated;
  if (path->key == NULL)
    return NULL;
  parent = value_at (accumulated, path->parent);
  if (parent == NULL || parent->kind != STRATA_NODE_MAPPING)
    return NULL;
  return strata_node_lookup (parent, path->key);
}

/* Whether the files before held a value that is not null at @path:
 * compose merges a null over it before validating. */
static gboolean
earlier_value (const StrataNode *accumulated,
               const Path       *path)
{
  const StrataNode *value = value_at (accumulated, path);

  return value != NULL && !strata_node_is_null (value);
}

static gboolean
check_node (Ctx                     *ctx,
            const StrataNode        *node,
            const StrataSchemaField *field,
            const Path              *path,
            GError                 **error)
{
  const char *spec = field->input ? field->input : default_input (field->kind);

  if (spec == NULL)
    return TRUE;
  if (!accepts (ctx, spec, node))
    {
      /* compose merges a null over an earlier value before validating */
      if (strata_node_is_null (node) && earlier_value (ctx->accumulated, path))
        return TRUE;
      return type_error (error, node, path, spec);
    }
  if (node->kind == STRATA_NODE_MAPPING && field->kind == STRATA_SCHEMA_STRUCT && field->sub != NULL)
    return check_struct (ctx, node, field->sub, path, error);
  if (node->kind != STRATA_NODE_SCALAR && field->kind != STRATA_SCHEMA_ANY)
    return check_items (ctx, node, field, error, path);
  return TRUE;
}

gboolean
_strata_validate_schema (const StrataNode  *file_root,
                         const StrataNode  *accumulated,
                         GError           **error)
{
  static const StrataSchemaField root = { "", STRATA_SCHEMA_STRUCT, 0, NULL, 0, "object", NULL };
  StrataSchemaField field = root;
  Ctx ctx = { NULL, };
  gboolean ok;

  field.sub = _strata_schema_project ();
  ctx.accumulated = accumulated;
  ok = check_node (&ctx, file_root, &field, NULL, error);
  g_clear_pointer (&ctx.indexes, g_hash_table_unref);
  return ok;
}
