/* strata-emit-yaml.c: YAML exactly as gopkg.in/yaml.v3 prints compose's model
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Block style only, 2-space indent, sequences indented under their key,
 * empty collections as `{}`/`[]`, no line wrapping (yaml.v3 sets an
 * unlimited width). Strings: yaml.v3 asks for plain style unless the text
 * would read back as another type (then double quotes) or holds a '\n'
 * (then literal); libyaml's scalar analysis then downgrades plain to single
 * quotes, and single quotes or literal to double quotes, as ported below.
 *
 * Everything is written into one GString (for a stream: written out and
 * emptied whenever it holds STRATA_EMIT_CHUNK bytes), and `config`'s `$` doubling
 * happens as text is written (only scalars and keys can hold a `$`).
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strata-emit.h"
#include "strata-emit-private.h"

typedef enum
{
  STYLE_PLAIN,
  STYLE_SINGLE,
  STYLE_DOUBLE,
  STYLE_LITERAL,
} Style;

typedef struct
{
  gboolean multiline;
  gboolean block_plain_allowed;
  gboolean single_quoted_allowed;
  gboolean block_allowed;
  /* found on the way by analyze_simple () */
  gboolean simple;      /* no blank, break or byte past ASCII */
  gboolean dollar;      /* (then) a `$` in the text */
  gsize    length;      /* (then) of the text */
} Analysis;

typedef struct
{
  GString  *out;
  gboolean  dollars;   /* double every `$` */
  FILE     *stream;    /* (nullable) where full chunks go */
} Emitter;

/* Between entries: hands a full chunk to the stream, if any. */
static inline void
maybe_flush (Emitter *e)
{
  if (G_UNLIKELY (e->out->len >= STRATA_EMIT_CHUNK) && e->stream != NULL)
    {
      fwrite (e->out->str, 1, e->out->len, e->stream);
      g_string_truncate (e->out, 0);
    }
}

/* g_string_append_len() without its call when the bytes fit */
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

/* Text of a scalar or key: with every `$` doubled when asked. */
static void
put_len (Emitter    *e,
         const char *text,
         gsize       length)
{
  const char *end = text + length;
  const char *dollar;

  while (e->dollars && (dollar = memchr (text, '$', end - text)) != NULL)
    {
      append_len (e->out, text, dollar + 1 - text);
      g_string_append_c (e->out, '$');
      text = dollar + 1;
    }
  append_len (e->out, text, end - text);
}

static void
put (Emitter    *e,
     const char *text)
{
  put_len (e, text, strlen (text));
}

static gboolean
is_break (gunichar c)
{
  return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* libyaml IS_PRINTABLE, byte-level: NEL and characters past U+FFFF are not. */
static gboolean
is_printable (gunichar c)
{
  return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
}

static gboolean
is_blankz (gunichar c)
{
  return c == 0 || c == ' ' || c == '\t' || is_break (c);
}

/* The character at @p, and where the next one starts. */
static inline gunichar
char_at (const char  *p,
         const char **next)
{
  if ((guchar) *p < 0x80)
    return (*next = p + (*p != '\0'), (guchar) *p);
  *next = g_utf8_next_char (p);
  return g_utf8_get_char (p);
}

static inline gboolean
followed_by_blank (const char *p)
{
  const char *next;

  char_at (p, &next);
  return is_blankz (char_at (next, &next));
}

/* Characters that are an indicator at the start of a plain scalar */
static gboolean
is_first_indicator (char c)
{
  switch (c)
    {
    case '#': case ',': case '[': case ']': case '{': case '}': case '&': case '*': case '!':
    case '|': case '>': case '\'': case '"': case '%': case '@': case '`':
      return TRUE;
    default:
      return FALSE;
    }
}

/* What analyze () finds for text without spaces, tabs, breaks or
 * characters past ASCII (most keys and values), or FALSE. */
static gboolean
analyze_simple (const char *s,
                Analysis   *a)
{
  const char *p = s;
  gboolean indicators, dollar = FALSE;

  for (; *p; p++)
    {
      if ((guchar) *p <= 0x20 || (guchar) *p >= 0x7F)
        return FALSE;
      dollar |= *p == '$';
    }
  indicators = (s[0] == '-' && s[1] == '-' && s[2] == '-') || (s[0] == '.' && s[1] == '.' && s[2] == '.') ||
               is_first_indicator (s[0]) ||
               (s[1] == '\0' && (s[0] == '?' || s[0] == ':' || s[0] == '-')) || p[-1] == ':';
  *a = (Analysis) { FALSE, !indicators, TRUE, TRUE, TRUE, dollar, p - s };
  return TRUE;
}

/* yaml_emitter_analyze_scalar (yaml.v3 flavour: a tab forbids plain and
 * single-quoted styles but not a literal block). */
static Analysis
analyze (const char *s)
{
  Analysis a = { FALSE, TRUE, TRUE, TRUE, FALSE, FALSE, 0 };
  gboolean block_indicators = FALSE, line_breaks = FALSE, special = FALSE, tabs = FALSE;
  gboolean leading_space = FALSE, leading_break = FALSE, trailing_space = FALSE, trailing_break = FALSE;
  gboolean break_space = FALSE, space_break = FALSE, previous_space = FALSE, previous_break = FALSE;
  gboolean preceded_by_ws = TRUE, followed_by_ws;
  const char *p = s;

  if (*s == '\0')
    return (Analysis) { FALSE, TRUE, TRUE, FALSE, TRUE, FALSE, 0 };
  if (analyze_simple (s, &a))
    return a;
  if (g_str_has_prefix (s, "---") || g_str_has_prefix (s, "..."))
    block_indicators = TRUE;

  followed_by_ws = followed_by_blank (p);
  while (*p)
    {
      const char *next;
      gunichar c = char_at (p, &next);
      gboolean first = p == s;
      gboolean last = *next == '\0';

      if (first)
        {
          if (c < 128 && c != 0 && is_first_indicator (c))
            block_indicators = TRUE;
          if ((c == '?' || c == ':' || c == '-') && followed_by_ws)
            block_indicators = TRUE;
        }
      else if ((c == ':' && followed_by_ws) || (c == '#' && preceded_by_ws))
        block_indicators = TRUE;

      if (c == '\t')
        tabs = TRUE;
      else if (!is_printable (c))
        special = TRUE;
      if (is_break (c))
        line_breaks = TRUE;

      if (c == ' ')
        {
          leading_space |= first;
          trailing_space |= last;
          break_space |= previous_break;
          previous_space = TRUE;
          previous_break = FALSE;
        }
      else if (is_break (c))
        {
          leading_break |= first;
          trailing_break |= last;
          space_break |= previous_space;
          previous_break = TRUE;
          previous_space = FALSE;
        }
      else
        previous_space = previous_break = FALSE;

      preceded_by_ws = is_blankz (c);
      p = next;
      if (*p)
        followed_by_ws = followed_by_blank (p);
    }

  a.multiline = line_breaks;
  if (leading_space || leading_break || trailing_space || trailing_break)
    a.block_plain_allowed = FALSE;
  if (trailing_space)
    a.block_allowed = FALSE;
  if (break_space)
    a.block_plain_allowed = a.single_quoted_allowed = FALSE;
  if (space_break || tabs || special)
    a.block_plain_allowed = a.single_quoted_allowed = FALSE;
  if (space_break || special)
    a.block_allowed = FALSE;
  if (line_breaks || block_indicators)
    a.block_plain_allowed = FALSE;
  return a;
}

/* Plain text as it is, what analyze () learnt of it saving a pass */
static void
put_plain (Emitter        *e,
           const char     *text,
           const Analysis *a)
{
  if (a->simple && !(a->dollar && e->dollars))
    append_len (e->out, text, a->length);
  else
    put (e, text);
}

static Style
choose_style (const char     *s,
              const Analysis *a,
              gboolean        simple_key)
{
  Style style;

  if (!a->simple && strchr (s, '\n') != NULL)
    style = STYLE_LITERAL;
  else if (_strata_yaml_plain_is_string (s))
    style = STYLE_PLAIN;
  else
    style = STYLE_DOUBLE;

  if (simple_key && a->multiline)
    return STYLE_DOUBLE;
  if (style == STYLE_PLAIN && !a->block_plain_allowed)
    style = STYLE_SINGLE;
  if (style == STYLE_SINGLE && !a->single_quoted_allowed)
    style = STYLE_DOUBLE;
  if (style == STYLE_LITERAL && (!a->block_allowed || simple_key))
    style = STYLE_DOUBLE;
  return style;
}

static void
put_indent (Emitter *e,
            guint    indent)
{
  static const char spaces[] = "                                                                ";

  while (indent > 0)
    {
      guint chunk = MIN (indent, sizeof spaces - 1);

      append_len (e->out, spaces, chunk);
      indent -= chunk;
    }
}

static void
write_double (Emitter    *e,
              const char *s)
{
  g_string_append_c (e->out, '"');
  for (const char *p = s, *next; *p; p = next)
    {
      gunichar c = char_at (p, &next);
      static const char escapes[][2] = {
        { 0x00, '0' }, { 0x07, 'a' }, { 0x08, 'b' }, { 0x09, 't' }, { 0x0A, 'n' },
        { 0x0B, 'v' }, { 0x0C, 'f' }, { 0x0D, 'r' }, { 0x1B, 'e' }, { '"', '"' },
        { '\\', '\\' },
      };
      gboolean done = FALSE;

      if (is_printable (c) && !is_break (c) && c != '"' && c != '\\')
        {
          put_len (e, p, next - p);
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (escapes) && !done; i++)
        if ((gunichar) escapes[i][0] == c)
          {
            g_string_append_c (e->out, '\\');
            g_string_append_c (e->out, escapes[i][1]);
            done = TRUE;
          }
      if (done)
        continue;
      if (c == 0x85)
        g_string_append (e->out, "\\N");
      else if (c == 0x2028)
        g_string_append (e->out, "\\L");
      else if (c == 0x2029)
        g_string_append (e->out, "\\P");
      else if (c <= 0xFF)
        g_string_append_printf (e->out, "\\x%02X", c);
      else if (c <= 0xFFFF)
        g_string_append_printf (e->out, "\\u%04X", c);
      else
        g_string_append_printf (e->out, "\\U%08X", c);
    }
  g_string_append_c (e->out, '"');
}

static void
write_single (Emitter    *e,
              const char *s,
              guint       indent)
{
  gboolean breaks = FALSE;

  g_string_append_c (e->out, '\'');
  for (const char *p = s, *next; *p; p = next)
    {
      gunichar c = char_at (p, &next);

      if (is_break (c))
        {
          put_len (e, p, next - p);
          breaks = TRUE;
          continue;
        }
      if (breaks)
        {
          /* yaml.v3 counts U+2028/U+2029 as a line end without writing '\n' */
          put_indent (e, indent);
          breaks = FALSE;
        }
      if (c == '\'')
        g_string_append_c (e->out, '\'');
      put_len (e, p, next - p);
    }
  g_string_append_c (e->out, '\'');
}

/* The literal header: an indentation indicator when the text starts with a
 * space or break, then '-' (no final break), '' (one) or '+' (more). */
static void
write_literal (Emitter    *e,
               const char *s,
               guint       indent)
{
  gsize len = strlen (s);
  const char *line = s;

  g_string_append_c (e->out, '|');
  if (s[0] == ' ' || is_break (g_utf8_get_char (s)))
    g_string_append_c (e->out, '2');
  if (len == 0 || s[len - 1] != '\n')
    g_string_append_c (e->out, '-');
  else if (len == 1 || s[len - 2] == '\n')
    g_string_append_c (e->out, '+');
  g_string_append_c (e->out, '\n');

  /* each line indented (empty ones not), the last one only when not empty */
  for (;;)
    {
      const char *end = strchr (line, '\n');
      gsize length = end != NULL ? (gsize) (end - line) : strlen (line);

      if (end == NULL && length == 0)
        break;
      if (length > 0)
        {
          put_indent (e, indent);
          put_len (e, line, length);
        }
      g_string_append_c (e->out, '\n');
      if (end == NULL)
        break;
      line = end + 1;
    }
}

/* The text of a scalar that is not a string, as Go prints the value. */
static void
write_typed (Emitter          *e,
             const StrataNode *node)
{
  g_autofree char *text = NULL;

  if (node->type == STRATA_VALUE_NULL)
    text = g_strdup ("null");
  else if (node->type == STRATA_VALUE_TIMESTAMP)
    text = _strata_go_format_time (node->text, TRUE);
  else if (node->type == STRATA_VALUE_INT && _strata_is_plain_decimal (node->text))
    {
      /* canonical decimal digits print as they are (the common case) */
      append_len (e->out, node->text, strlen (node->text));
      return;
    }
  else
    text = _strata_go_sprint (node);
  put (e, text);
}

/* Writes a scalar that ends its line (the final '\n' included). */
static void
write_scalar (Emitter          *e,
              const StrataNode *node,
              guint             indent)
{
  Analysis a;

  if (node->type != STRATA_VALUE_STRING)
    {
      write_typed (e, node);
      g_string_append_c (e->out, '\n');
      return;
    }

  a = analyze (node->text);
  switch (choose_style (node->text, &a, FALSE))
    {
    case STYLE_PLAIN:
      put_plain (e, node->text, &a);
      break;
    case STYLE_SINGLE:
      write_single (e, node->text, indent);
      break;
    case STYLE_DOUBLE:
      write_double (e, node->text);
      break;
    case STYLE_LITERAL:
    default:
      write_literal (e, node->text, indent);
      return;
    }
  g_string_append_c (e->out, '\n');
}

static void
write_key (Emitter        *e,
           const char     *key,
           const Analysis *a)
{
  switch (choose_style (key, a, TRUE))
    {
    case STYLE_PLAIN:
      put_plain (e, key, a);
      break;
    case STYLE_SINGLE:
      write_single (e, key, 0);
      break;
    case STYLE_DOUBLE:
    case STYLE_LITERAL:
    default:
      write_double (e, key);
      break;
    }
}

static void emit_mapping  (Emitter *e, const StrataNode *node, guint indent, gboolean inline_first);
static void emit_sequence (Emitter *e, const StrataNode *node, guint indent, gboolean inline_first);

/* After "key:" (@indent is the key's column). */
static void
emit_value (Emitter          *e,
            const StrataNode *node,
            guint             indent)
{
  if (node->kind == STRATA_NODE_SCALAR)
    {
      g_string_append_c (e->out, ' ');
      write_scalar (e, node, indent + 2);
    }
  else if (strata_node_get_n_children (node) == 0)
    append_len (e->out, node->kind == STRATA_NODE_MAPPING ? " {}\n" : " []\n", 4);
  else
    {
      g_string_append_c (e->out, '\n');
      if (node->kind == STRATA_NODE_MAPPING)
        emit_mapping (e, node, indent + 2, FALSE);
      else
        emit_sequence (e, node, indent + 2, FALSE);
    }
}

static int
compare_yaml_keys (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const StrataNode *na = *(StrataNode * const *) a;
  const StrataNode *nb = *(StrataNode * const *) b;

  return _strata_yaml_key_compare (na->key ? na->key : "", nb->key ? nb->key : "");
}

/* A stable sort (as g_ptr_array_sort ()), checking first whether the
 * nodes are in order already (service names often are). */
static void
sort_by_key (StrataNode **nodes,
             guint        n)
{
  for (guint i = 1; i < n; i++)
    if (compare_yaml_keys (&nodes[i - 1], &nodes[i], NULL) > 0)
      {
        g_qsort_with_data (nodes, n, sizeof (StrataNode *), compare_yaml_keys, NULL);
        return;
      }
}

static gboolean
is_extension_key (const char *key)
{
  return key != NULL && key[0] == 'x' && key[1] == '-';
}

/* _strata_emit_ordered_children (@mapping, FALSE) into @order (room for
 * all the children); returns how many. */
static guint
ordered_children (const StrataNode  *mapping,
                  StrataNode       **order)
{
  StrataNodeList *children = mapping->children;
  gboolean is_map = (mapping->flags & STRATA_NODE_FLAG_MAP) != 0;
  guint n = 0, n_fields;

  for (guint i = 0; i < children->len; i++)
    {
      StrataNode *child = g_ptr_array_index (children, i);

      if (!(child->flags & STRATA_NODE_FLAG_JSON_ONLY) && (is_map || !is_extension_key (child->key)))
        order[n++] = child;
    }
  if (is_map)
    return (sort_by_key (order, n), n);

  /* a struct's extensions go last */
  n_fields = n;
  for (guint i = 0; i < children->len; i++)
    {
      StrataNode *child = g_ptr_array_index (children, i);

      if (!(child->flags & STRATA_NODE_FLAG_JSON_ONLY) && is_extension_key (child->key))
        order[n++] = child;
    }
  sort_by_key (order + n_fields, n - n_fields);
  return n;
}

/* One "key: value" of a mapping at @indent; @inline when it goes on the
 * line already started (the first of a list item). */
static void
emit_mapping_entry (Emitter          *e,
                    const StrataNode *child,
                    guint             indent,
                    gboolean          inline_)
{
  const char *key = child->key ? child->key : "";
  Analysis a = analyze (key);

  maybe_flush (e);
  if (!inline_)
    put_indent (e, indent);
  if (a.multiline)
    {
      /* not a simple key: libyaml writes "? key" then ": value" */
      g_autoptr(StrataNode) scalar = strata_node_new_scalar (NULL, key, STRATA_VALUE_STRING);

      append_len (e->out, "? ", 2);
      write_scalar (e, scalar, indent + 2);
      put_indent (e, indent);
    }
  else
    write_key (e, key, &a);
  g_string_append_c (e->out, ':');
  emit_value (e, child, indent);
}

/* Mappings this long (the services of a big project), written to a
 * stream, have their second half made by another thread meanwhile. */
#define SPLIT_ENTRIES 256

typedef struct
{
  Emitter             e;
  StrataNode * const *nodes;
  guint               n;
  guint               indent;
  GPtrArray          *chunks;
} Part;

static gpointer
emit_part (gpointer data)
{
  Part *part = data;

  for (guint i = 0; i < part->n; i++)
    {
      if (part->e.out->len >= STRATA_EMIT_CHUNK)
        {
          g_ptr_array_add (part->chunks, g_string_free_to_bytes (part->e.out));
          part->e.out = g_string_sized_new (2 * STRATA_EMIT_CHUNK - 1);
        }
      emit_mapping_entry (&part->e, part->nodes[i], part->indent, FALSE);
    }
  g_ptr_array_add (part->chunks, g_string_free_to_bytes (part->e.out));
  return NULL;
}

/* The entries of a long mapping in two halves, the second made by a
 * thread (only reading the tree) while this one writes the first. */
static void
emit_entries_split (Emitter            *e,
                    StrataNode * const *nodes,
                    guint               n,
                    guint               indent,
                    gboolean            inline_first)
{
  guint half = n / 2;
  g_autoptr(GPtrArray) chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  Part part = { { g_string_sized_new (2 * STRATA_EMIT_CHUNK - 1), e->dollars, NULL }, nodes + half, n - half,
                indent, chunks };
  GThread *thread = g_thread_new ("strata-emit", emit_part, &part);

  for (guint i = 0; i < half; i++)
    emit_mapping_entry (e, nodes[i], indent, i == 0 && inline_first);
  g_thread_join (thread);
  fwrite (e->out->str, 1, e->out->len, e->stream);
  g_string_truncate (e->out, 0);
  for (guint i = 0; i < chunks->len; i++)
    {
      gsize size;
      gconstpointer bytes = g_bytes_get_data (g_ptr_array_index (chunks, i), &size);

      fwrite (bytes, 1, size, e->stream);
    }
}

static void
emit_mapping (Emitter          *e,
              const StrataNode *node,
              guint             indent,
              gboolean          inline_first)
{
  StrataNode *few[32];
  guint n_children = strata_node_get_n_children (node);
  g_autofree StrataNode **many = n_children > G_N_ELEMENTS (few) ? g_new (StrataNode *, n_children) : NULL;
  StrataNode **children = many != NULL ? many : few;
  guint n = n_children > 0 ? ordered_children (node, children) : 0;

  if (n == 0)
    {
      append_len (e->out, "{}\n", 3);
      return;
    }
  if (e->stream != NULL && n >= SPLIT_ENTRIES)
    {
      emit_entries_split (e, children, n, indent, inline_first);
      return;
    }
  for (guint i = 0; i < n; i++)
    emit_mapping_entry (e, children[i], indent, i == 0 && inline_first);
}

static void
emit_sequence (Emitter          *e,
               const StrataNode *node,
               guint             indent,
               gboolean          inline_first)
{
  guint n = strata_node_get_n_children (node);

  if (n == 0)
    {
      append_len (e->out, "[]\n", 3);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      const StrataNode *item = g_ptr_array_index (node->children, i);

      maybe_flush (e);
      if (i > 0 || !inline_first)
        put_indent (e, indent);
      append_len (e->out, "- ", 2);
      if (item->kind == STRATA_NODE_SCALAR)
        write_scalar (e, item, indent + 2);
      else if (item->kind == STRATA_NODE_MAPPING)
        emit_mapping (e, item, indent + 2, TRUE);
      else
        emit_sequence (e, item, indent + 2, TRUE);
    }
}

static void
emit_root (Emitter          *e,
           const StrataNode *root)
{
  if (root->kind == STRATA_NODE_MAPPING)
    emit_mapping (e, root, 0, FALSE);
  else if (root->kind == STRATA_NODE_SEQUENCE)
    emit_sequence (e, root, 0, FALSE);
  else
    write_scalar (e, root, 0);
}

static char *
emit (const StrataNode *root,
      gboolean          dollars)
{
  Emitter e = { g_string_sized_new (4096), dollars, NULL };

  emit_root (&e, root);
  return g_string_free (e.out, FALSE);
}

void
strata_emit_yaml_to_stream (const StrataNode *root,
                            FILE             *stream)
{
  /* room for a chunk and the entry that fills it, most of the time */
  Emitter e = { g_string_sized_new (2 * STRATA_EMIT_CHUNK - 1), TRUE, stream };

  g_return_if_fail (root != NULL);
  g_return_if_fail (stream != NULL);

  emit_root (&e, root);
  fwrite (e.out->str, 1, e.out->len, stream);
  g_string_free (e.out, TRUE);
}

char *
_strata_emit_yaml_raw (const StrataNode *root)
{
  return emit (root, FALSE);
}

char *
strata_emit_yaml (const StrataNode *root)
{
  g_return_val_if_fail (root != NULL, NULL);

  return emit (root, TRUE);
}
