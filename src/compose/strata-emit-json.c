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
 * Everything is written into one growing buffer, room made once per
 * piece (or, for a stream, into one that is written out whenever it holds
 * STRATA_EMIT_CHUNK bytes, so the output is never held whole): runs of
 * bytes that need no escape are copied whole, and
 * `config`'s `$` doubling happens as strings are written (only strings can
 * hold a `$`).
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "strata-emit.h"
#include "strata-emit-private.h"

typedef struct
{
  char     *buf;
  gsize     len;
  gsize     size;
  gboolean  compact;
  gboolean  dollars;   /* double every `$` */
  FILE     *stream;    /* (nullable) where full chunks go */
  GPtrArray *chunks;   /* (nullable) or there, as GBytes, to be written later */
} Emitter;

static void
grow (Emitter *e,
      gsize    n)
{
  while (e->len + n + 1 > e->size)
    e->size *= 2;
  e->buf = g_realloc (e->buf, e->size);
}

/* Where to write @n more bytes (and the final NUL, later). */
static inline char *
reserve (Emitter *e,
         gsize    n)
{
  if (G_UNLIKELY (e->len + n + 1 > e->size))
    grow (e, n);
  return e->buf + e->len;
}

/* The bytes written up to @end become part of the output. */
static inline void
commit (Emitter *e,
        char    *end)
{
  e->len = end - e->buf;
}

/* memcpy () for the short runs most strings are: constant-size copies
 * that the compiler inlines (overlapping for the lengths between), never
 * reading past @src + @n. */
static inline void
copy_short (char       *dst,
            const char *src,
            gsize       n)
{
  if (n >= 8 && n <= 16)
    {
      memcpy (dst, src, 8);
      memcpy (dst + n - 8, src + n - 8, 8);
    }
  else if (n >= 4 && n < 8)
    {
      memcpy (dst, src, 4);
      memcpy (dst + n - 4, src + n - 4, 4);
    }
  else if (n < 4)
    {
      for (gsize i = 0; i < n; i++)
        dst[i] = src[i];
    }
  else
    memcpy (dst, src, n);
}

static inline void
put_len (Emitter    *e,
         const char *bytes,
         gsize       n)
{
  char *o = reserve (e, n);

  memcpy (o, bytes, n);
  commit (e, o + n);
}

static inline void
put_c (Emitter *e,
       char     c)
{
  char *o = reserve (e, 1);

  *o = c;
  commit (e, o + 1);
}

/* Bytes that end a run of plain string bytes: the end, those that need an
 * escape or a check (quotes, backslash, controls, HTML characters, past
 * ASCII) and, when `$` is doubled, `$`. */
#define STOPS [0 ... 0x1f] = 1, ['"'] = 1, ['\\'] = 1, ['<'] = 1, ['>'] = 1, ['&'] = 1, [0x80 ... 0xff] = 1
static const guint8 stops[256] = { STOPS };
static const guint8 stops_dollar[256] = { STOPS, ['$'] = 1 };

/* \u and four hex digits at @o; returns the end */
static char *
put_u (char     *o,
       gunichar  c)
{
  static const char hex[] = "0123456789abcdef";

  o[0] = '\\';
  o[1] = 'u';
  o[2] = hex[(c >> 12) & 0xf];
  o[3] = hex[(c >> 8) & 0xf];
  o[4] = hex[(c >> 4) & 0xf];
  o[5] = hex[c & 0xf];
  return o + 6;
}

/* One byte or character that needs care at @p, written at @o (which has
 * room for 6 bytes); moves both on. */
static char *
put_special (char        *o,
             const char **p)
{
  guchar b = **p;
  gunichar c;

  if (b < 0x80)
    {
      static const char escapes[] = { ['"'] = '"', ['\\'] = '\\', ['\b'] = 'b', ['\f'] = 'f', ['\n'] = 'n',
                                      ['\r'] = 'r', ['\t'] = 't', ['$'] = '$' };

      *p += 1;
      if (b < sizeof escapes && escapes[b] != '\0')
        {
          /* `$` doubled as `$$`, the others as a backslash escape */
          o[0] = b == '$' ? '$' : '\\';
          o[1] = escapes[b];
          return o + 2;
        }
      return put_u (o, b);  /* < > & and other controls */
    }

  /* (a sequence the string's end cuts is as invalid as any) */
  c = g_utf8_get_char_validated (*p, -1);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *p += 1;
      return put_u (o, 0xfffd);
    }
  if (c == 0x2028 || c == 0x2029)
    o = put_u (o, c);
  else
    {
      memcpy (o, *p, g_utf8_next_char (*p) - *p);
      o += g_utf8_next_char (*p) - *p;
    }
  *p = g_utf8_next_char (*p);
  return o;
}

/* The characters of a string (without its quotes) */
static void
put_string_body (Emitter    *e,
                 const char *p)
{
  const guint8 *stop = e->dollars ? stops_dollar : stops;

  for (;;)
    {
      const char *run = p;
      char *o;

      while (!stop[(guchar) *p])
        p++;
      o = reserve (e, (p - run) + 6);
      copy_short (o, run, p - run);
      o += p - run;
      if (*p == '\0')
        {
          commit (e, o);
          return;
        }
      commit (e, put_special (o, &p));
    }
}

static void
write_string (Emitter    *e,
              const char *s)
{
  put_c (e, '"');
  put_string_body (e, s);
  put_c (e, '"');
}

/* Text printed as it is (but for `$` doubling). */
static void
write_raw (Emitter    *e,
           const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (*p == '$' && e->dollars)
        put_c (e, '$');
      put_c (e, *p);
    }
}

static void
write_scalar (Emitter          *e,
              const StrataNode *node)
{
  g_autofree char *text = NULL;

  switch (node->type)
    {
    case STRATA_VALUE_NULL:
      put_len (e, "null", 4);
      return;
    case STRATA_VALUE_TIMESTAMP:
      text = _strata_go_format_time (node->text, TRUE);
      write_string (e, text);
      return;
    case STRATA_VALUE_FLOAT:
      text = _strata_go_float_text (node->text, TRUE);
      break;
    case STRATA_VALUE_INT:
      /* canonical decimal digits print as they are (the common case) */
      if (_strata_is_plain_decimal (node->text))
        {
          put_len (e, node->text, strlen (node->text));
          return;
        }
      text = _strata_go_sprint (node);
      break;
    case STRATA_VALUE_BOOL:
      if (strcmp (node->text, "true") == 0 || strcmp (node->text, "false") == 0)
        {
          put_len (e, node->text, strlen (node->text));
          return;
        }
      text = _strata_go_sprint (node);
      break;
    case STRATA_VALUE_STRING:
    default:
      write_string (e, node->text);
      return;
    }
  write_raw (e, text);
}

/* Room put_newline () needs besides the indentation */
#define NEWLINE_SLACK 17

/* A line break and the indentation of @depth (nothing when compact) at
 * @o, which has room for NEWLINE_SLACK + 2 * @depth bytes: the spaces go
 * 16 at a time, in copies of a constant size. */
static inline char *
put_newline (const Emitter *e,
             char          *o,
             guint          depth)
{
  static const char spaces[16] = "                ";

  if (e->compact)
    return o;
  *o++ = '\n';
  for (guint n = 0; n < depth * 2; n += sizeof spaces)
    memcpy (o + n, spaces, sizeof spaces);
  return o + depth * 2;
}

static void emit_node (Emitter *e, const StrataNode *node, guint depth, gboolean as_map);

/* The key of a field without a json tag is its Go name, "Path" for path. */
static void
write_key (Emitter          *e,
           const StrataNode *child)
{
  const char *key = child->key ? child->key : "";

  if ((child->flags & STRATA_NODE_FLAG_GO_NAME) && key[0] != '\0')
    {
      g_autofree char *go_name = g_strdup (key);

      go_name[0] = g_ascii_toupper (go_name[0]);
      put_string_body (e, go_name);
    }
  else
    put_string_body (e, key);
}

/* An item, or an entry when @object: after a comma unless @first, on a
 * line of its own one level deeper than @depth. */
static void
flush (Emitter *e)
{
  if (e->stream != NULL)
    fwrite (e->buf, 1, e->len, e->stream);
  else
    {
      g_ptr_array_add (e->chunks, g_bytes_new_take (e->buf, e->len));
      e->buf = g_malloc (e->size);
    }
  e->len = 0;
}

/* Between entries: hands a full chunk to the stream or the chunks, if
 * any. */
static inline void
maybe_flush (Emitter *e)
{
  if (G_UNLIKELY (e->len >= STRATA_EMIT_CHUNK) && (e->stream != NULL || e->chunks != NULL))
    flush (e);
}

static void
emit_entry (Emitter          *e,
            const StrataNode *child,
            gboolean          object,
            gboolean          first,
            guint             depth)
{
  char *o;

  maybe_flush (e);
  o = reserve (e, 3 + NEWLINE_SLACK + 2 * (depth + 1));

  if (!first)
    *o++ = ',';
  o = put_newline (e, o, depth + 1);
  if (object)
    {
      *o++ = '"';
      commit (e, o);
      write_key (e, child);
      o = reserve (e, 3);
      *o++ = '"';
      *o++ = ':';
      if (!e->compact)
        *o++ = ' ';
    }
  commit (e, o);
  if (child->kind == STRATA_NODE_SCALAR)
    write_scalar (e, child);
  else
    emit_node (e, child, depth + 1, FALSE);
}

/* The end of a collection of @n entries at @depth. */
static void
close_collection (Emitter *e,
                  guint    n,
                  guint    depth,
                  char     bracket)
{
  char *o = reserve (e, 1 + NEWLINE_SLACK + 2 * depth);

  if (n > 0)
    o = put_newline (e, o, depth);
  *o++ = bracket;
  commit (e, o);
}

static int
compare_byte_keys (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const StrataNode *na = *(StrataNode * const *) a;
  const StrataNode *nb = *(StrataNode * const *) b;

  return strcmp (na->key ? na->key : "", nb->key ? nb->key : "");
}

/* Insertion sort for the few entries of most maps, else g_qsort_with_data
 * (both stable, as g_ptr_array_sort ()). */
static void
sort_stable (StrataNode **nodes,
             guint        n)
{
  if (n > 16)
    {
      g_qsort_with_data (nodes, n, sizeof (gpointer), compare_byte_keys, NULL);
      return;
    }
  for (guint i = 1; i < n; i++)
    {
      StrataNode *node = nodes[i];
      guint j = i;

      for (; j > 0 && compare_byte_keys (&nodes[j - 1], &node, NULL) > 0; j--)
        nodes[j] = nodes[j - 1];
      nodes[j] = node;
    }
}

/* Maps this long (the services of a big project), written to a stream,
 * have their second half made by another thread meanwhile. */
#define SPLIT_ENTRIES 256

typedef struct
{
  Emitter            e;
  StrataNode * const *nodes;
  guint               n;
  guint               depth;
  gboolean            first;   /* no entry came before */
  guint               written;
} Part;

/* The entries of a map, YAML_ONLY ones left out; returns how many were
 * written. */
static guint
emit_entries (Emitter            *e,
              StrataNode * const *nodes,
              guint               n_nodes,
              guint               depth,
              gboolean            first)
{
  guint n = 0;

  for (guint i = 0; i < n_nodes; i++)
    if (!(nodes[i]->flags & STRATA_NODE_FLAG_YAML_ONLY))
      {
        emit_entry (e, nodes[i], TRUE, first && n == 0, depth);
        n++;
      }
  return n;
}

static gpointer
emit_part (gpointer data)
{
  Part *part = data;

  part->written = emit_entries (&part->e, part->nodes, part->n, part->depth, part->first);
  g_ptr_array_add (part->e.chunks, g_bytes_new_take (part->e.buf, part->e.len));
  return NULL;
}

/* The entries of a long map in two halves, the second made by a thread
 * (only reading the tree) while this one writes the first. */
static guint
emit_entries_split (Emitter            *e,
                    StrataNode * const *nodes,
                    guint               n_nodes,
                    guint               depth)
{
  guint half = n_nodes / 2, n_first = 0;
  g_autoptr(GPtrArray) chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  Part part = { { NULL, 0, e->size, e->compact, e->dollars, NULL, chunks }, nodes + half, n_nodes - half, depth, FALSE, 0 };
  GThread *thread;

  for (guint i = 0; i < half; i++)
    n_first += !(nodes[i]->flags & STRATA_NODE_FLAG_YAML_ONLY);
  part.first = n_first == 0;
  part.e.buf = g_malloc (part.e.size);
  thread = g_thread_new ("strata-emit", emit_part, &part);
  emit_entries (e, nodes, half, depth, TRUE);
  g_thread_join (thread);
  flush (e);
  for (guint i = 0; i < chunks->len; i++)
    {
      gsize size;
      gconstpointer bytes = g_bytes_get_data (g_ptr_array_index (chunks, i), &size);

      fwrite (bytes, 1, size, e->stream);
    }
  return n_first + part.written;
}

/* A Go map: entries sorted by key bytes (a stable sort, as
 * _strata_emit_ordered_children does; not again when they are in order),
 * YAML_ONLY ones left out. */
static void
emit_map (Emitter          *e,
          const StrataNode *node,
          guint             depth)
{
  StrataNodeList *children = node->children;
  StrataNode *few[32];
  g_autofree StrataNode **many = children->len > G_N_ELEMENTS (few) ? g_new (StrataNode *, children->len) : NULL;
  StrataNode **sorted = many != NULL ? many : few;
  guint n;

  if (children->len > 0)
    memcpy (sorted, children->pdata, children->len * sizeof (gpointer));
  for (guint i = 1; i < children->len; i++)
    if (compare_byte_keys (&sorted[i - 1], &sorted[i], NULL) > 0)
      {
        sort_stable (sorted, children->len);
        break;
      }
  put_c (e, '{');
  if (e->stream != NULL && children->len >= SPLIT_ENTRIES)
    n = emit_entries_split (e, sorted, children->len, depth);
  else
    n = emit_entries (e, sorted, children->len, depth, TRUE);
  close_collection (e, n, depth, '}');
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

  put_c (e, object ? '{' : '[');
  for (guint i = 0; i < node->children->len; i++)
    {
      const StrataNode *child = g_ptr_array_index (node->children, i);

      if (object && ((child->key != NULL && child->key[0] == 'x' && child->key[1] == '-') ||
                     (child->flags & STRATA_NODE_FLAG_YAML_ONLY)))
        continue;
      emit_entry (e, child, object, n++ == 0, depth);
    }
  close_collection (e, n, depth, object ? '}' : ']');
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
  Emitter e = { g_malloc (4096), 0, 4096, compact, dollars, NULL };

  emit_node (&e, node, 0, as_map);
  e.buf[e.len] = '\0';
  return e.buf;
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

void
strata_emit_json_to_stream (const StrataNode *root,
                            gboolean          compact,
                            FILE             *stream)
{
  /* room for a chunk and the entry that fills it, most of the time */
  Emitter e = { g_malloc (STRATA_EMIT_CHUNK * 3 / 2), 0, STRATA_EMIT_CHUNK * 3 / 2, compact, TRUE, stream };

  g_return_if_fail (root != NULL);
  g_return_if_fail (stream != NULL);

  emit_node (&e, root, 0, root->kind == STRATA_NODE_MAPPING);
  fwrite (e.buf, 1, e.len, stream);
  g_free (e.buf);
}

char *
strata_emit_json_model (const StrataNode *node,
                        gboolean          compact)
{
  g_return_val_if_fail (node != NULL, NULL);

  return _strata_emit_json_raw (node, compact);
}
