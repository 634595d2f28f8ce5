/* strata-emit-json.c: JSON exactly as Go's encoding/json prints compose's model
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `config --format json` is json.MarshalIndent (v, "", "  ") of a map built
 * by Project.MarshalJSON, so the top level is sorted like any Go map; the
 * config hash is json.Marshal of one service (compact). Strings are escaped
 * as encoding/json does with HTML escaping on: \" \\ \b \f \n \r \t, other
 * control characters as \u00XX, '<' '>' '&' as \u003c \u003e \u0026,
 * U+2028/U+2029 as \u2028/\u2029, invalid UTF-8 as \ufffd.
 *
 * Everything is written into one GString: runs of bytes that need no escape
 * are copied whole, and `config`'s `$` doubling happens as strings are
 * written (only strings can hold a `$`).
 */

#include "config.h"

#include <string.h>

#include "strata-emit.h"
#include "strata-emit-private.h"

typedef struct
{
  GString  *out;
  gboolean  compact;
  gboolean  dollars;   /* double every `$` */
} Emitter;

/* g_string_append_len() without its call when the bytes fit, as
 * g_string_append_c() does (GLib 2.74 inlines only the latter). */
static inline void
append_len (GString    *out,
            const char *bytes,
            gsize       length)
{
  if (out->len + length < out->allocated_len)
    {
      memcpy (out->str + out->len, bytes, length);
      out->len += length;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, bytes, length);
}

/* Bytes below 0x80 that a string cannot hold as they are. */
static inline gboolean
needs_escape (guchar   b,
              gboolean dollars)
{
  return b < 0x20 || b == '"' || b == '\\' || b == '<' || b == '>' || b == '&' ||
         (b == '$' && dollars) || b >= 0x80;
}

static void
append_u (GString *out,
          gunichar c)
{
  static const char hex[] = "0123456789abcdef";
  char buf[6] = { '\\', 'u', hex[(c >> 12) & 0xf], hex[(c >> 8) & 0xf], hex[(c >> 4) & 0xf], hex[c & 0xf] };

  append_len (out, buf, sizeof buf);
}

/* One byte or character that needs care at @p; returns the next position. */
static const char *
write_special (Emitter    *e,
               const char *p,
               const char *end)
{
  guchar b = *p;
  gunichar c;

  if (b < 0x80)
    {
      switch (b)
        {
        case '"': append_len (e->out, "\\\"", 2); break;
        case '\\': append_len (e->out, "\\\\", 2); break;
        case '\b': append_len (e->out, "\\b", 2); break;
        case '\f': append_len (e->out, "\\f", 2); break;
        case '\n': append_len (e->out, "\\n", 2); break;
        case '\r': append_len (e->out, "\\r", 2); break;
        case '\t': append_len (e->out, "\\t", 2); break;
        case '$': append_len (e->out, "$$", 2); break;
        default: append_u (e->out, b); break;  /* < > & and other controls */
        }
      return p + 1;
    }

  c = g_utf8_get_char_validated (p, end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      append_len (e->out, "\\ufffd", 6);
      return p + 1;
    }
  if (c == 0x2028 || c == 0x2029)
    append_u (e->out, c);
  else
    append_len (e->out, p, g_utf8_next_char (p) - p);
  return g_utf8_next_char (p);
}

static void
write_string (Emitter    *e,
              const char *s)
{
  const char *end = s + strlen (s);
  const char *p = s;

  g_string_append_c (e->out, '"');
  while (p < end)
    {
      const char *run = p;

      while (p < end && !needs_escape (*p, e->dollars))
        p++;
      if (p > run)
        append_len (e->out, run, p - run);
      if (p < end)
        p = write_special (e, p, end);
    }
  g_string_append_c (e->out, '"');
}

/* Text printed as it is (but for `$` doubling). */
static void
write_raw (Emitter    *e,
           const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (*p == '$' && e->dollars)
        g_string_append_c (e->out, '$');
      g_string_append_c (e->out, *p);
    }
}

/* The key of a field without a json tag: its Go name, "Path" for path. */
static void
write_go_name (Emitter    *e,
               const char *key)
{
  g_autofree char *go_name = g_strdup (key);

  go_name[0] = g_ascii_toupper (go_name[0]);
  write_string (e, go_name);
}

static void
write_scalar (Emitter          *e,
              const StrataNode *node)
{
  g_autofree char *text = NULL;

  switch (node->type)
    {
    case STRATA_VALUE_NULL:
      append_len (e->out, "null", 4);
      break;
    case STRATA_VALUE_TIMESTAMP:
      text = _strata_go_format_time (node->text, TRUE);
      write_string (e, text);
      break;
    case STRATA_VALUE_FLOAT:
      text = _strata_go_float_text (node->text, TRUE);
      write_raw (e, text);
      break;
    case STRATA_VALUE_INT:
      /* canonical decimal digits print as they are (the common case) */
      if (_strata_is_plain_decimal (node->text))
        {
          append_len (e->out, node->text, strlen (node->text));
          break;
        }
      G_GNUC_FALLTHROUGH;
    case STRATA_VALUE_BOOL:
      text = _strata_go_sprint (node);
      write_raw (e, text);
      break;
    case STRATA_VALUE_STRING:
    default:
      write_string (e, node->text);
      break;
    }
}

static void
newline (Emitter *e,
         guint    depth)
{
  static const char spaces[] = "                                                                ";

  if (e->compact)
    return;
  g_string_append_c (e->out, '\n');
  for (guint n = depth * 2; n > 0; )
    {
      guint chunk = MIN (n, sizeof spaces - 1);

      append_len (e->out, spaces, chunk);
      n -= chunk;
    }
}

static void emit_node (Emitter *e, const StrataNode *node, guint depth, gboolean as_map);

static void
emit_entry (Emitter          *e,
            const StrataNode *child,
            gboolean          object,
            gboolean          first,
            guint             depth)
{
  if (!first)
    g_string_append_c (e->out, ',');
  newline (e, depth + 1);
  if (object)
    {
      if ((child->flags & STRATA_NODE_FLAG_GO_NAME) && child->key != NULL && child->key[0] != '\0')
        write_go_name (e, child->key);
      else
        write_string (e, child->key ? child->key : "");
      append_len (e->out, ": ", e->compact ? 1 : 2);
    }
  emit_node (e, child, depth + 1, FALSE);
}

static int
compare_byte_keys (gconstpointer a,
                   gconstpointer b)
{
  const StrataNode *na = *(StrataNode * const *) a;
  const StrataNode *nb = *(StrataNode * const *) b;

  return strcmp (na->key ? na->key : "", nb->key ? nb->key : "");
}

/* A Go map: entries sorted by key bytes (a stable sort, as
 * _strata_emit_ordered_children does), YAML_ONLY ones left out. */
static void
emit_map (Emitter          *e,
          const StrataNode *node,
          guint             depth)
{
  GPtrArray *children = node->children;
  g_autofree gpointer *sorted = g_memdup2 (children->pdata, children->len * sizeof (gpointer));

  guint n = 0;

  g_qsort_with_data (sorted, children->len, sizeof (gpointer), (GCompareDataFunc) compare_byte_keys, NULL);
  g_string_append_c (e->out, '{');
  for (guint i = 0; i < children->len; i++)
    if (!(((StrataNode *) sorted[i])->flags & STRATA_NODE_FLAG_YAML_ONLY))
      emit_entry (e, sorted[i], TRUE, n++ == 0, depth);
  if (n > 0)
    newline (e, depth);
  g_string_append_c (e->out, '}');
}

/* A struct: fields in tree order; encoding/json leaves `x-*` out, and
 * YAML_ONLY fields. A list: items in order. */
static void
emit_in_order (Emitter          *e,
               const StrataNode *node,
               guint             depth)
{
  gboolean object = node->kind == STRATA_NODE_MAPPING;
  guint n = 0;

  g_string_append_c (e->out, object ? '{' : '[');
  for (guint i = 0; i < node->children->len; i++)
    {
      const StrataNode *child = g_ptr_array_index (node->children, i);

      if (object && ((child->key != NULL && g_str_has_prefix (child->key, "x-")) ||
                     (child->flags & STRATA_NODE_FLAG_YAML_ONLY)))
        continue;
      emit_entry (e, child, object, n++ == 0, depth);
    }
  if (n > 0)
    newline (e, depth);
  g_string_append_c (e->out, object ? '}' : ']');
}

static void
emit_node (Emitter          *e,
           const StrataNode *node,
           guint             depth,
           gboolean          as_map)
{
  if (node->kind == STRATA_NODE_SCALAR)
    write_scalar (e, node);
  else if (node->kind == STRATA_NODE_MAPPING && (as_map || (node->flags & STRATA_NODE_FLAG_MAP)))
    emit_map (e, node, depth);
  else
    emit_in_order (e, node, depth);
}

static char *
emit (const StrataNode *node,
      gboolean          compact,
      gboolean          dollars,
      gboolean          as_map)
{
  Emitter e = { g_string_sized_new (4096), compact, dollars };

  emit_node (&e, node, 0, as_map);
  return g_string_free (e.out, FALSE);
}

char *
_strata_emit_json_raw (const StrataNode *node,
                       gboolean          compact)
{
  return emit (node, compact, FALSE, FALSE);
}

char *
strata_emit_json (const StrataNode *root,
                  gboolean          compact)
{
  g_return_val_if_fail (root != NULL, NULL);

  /* Project.MarshalJSON: the top level is a map[string]any */
  return emit (root, compact, TRUE, root->kind == STRATA_NODE_MAPPING);
}

char *
strata_emit_json_model (const StrataNode *node,
                        gboolean          compact)
{
  g_return_val_if_fail (node != NULL, NULL);

  return _strata_emit_json_raw (node, compact);
}
