/* strata-merge-unique.c: de-duplicating keyed lists after a merge
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As compose-go's override/uncity.go (v2.0): a later entry with the key of
 * an earlier one replaces it at the earlier position. Strata credits the
 * entry to the file that wrote it last and keeps what it shadowed.
 */

#include "config.h"

#include <string.h>

#include "strata-merge-private.h"

static const char *
seg (StrataMergeCtx *ctx,
     guint           i)
{
  return ctx->path[i];
}

static gboolean
is (const char *a,
    const char *b)
{
  return strcmp (a, b) == 0;
}

static StrataUnique
service_field_unique (const char *field)
{
  /* by first letter: this runs for every list of every service merged */
  switch (field[0])
    {
    case 'a':
      return is (field, "annotations") ? STRATA_UNIQUE_KEY_VALUE : STRATA_UNIQUE_NONE;
    case 'c':
      if (is (field, "cap_add") || is (field, "cap_drop"))
        return STRATA_UNIQUE_KEY_VALUE;
      return is (field, "configs") ? STRATA_UNIQUE_CONFIG : STRATA_UNIQUE_NONE;
    case 'd':
      if (is (field, "dns") || is (field, "dns_opt") || is (field, "dns_search"))
        return STRATA_UNIQUE_KEY_VALUE;
      return is (field, "devices") ? STRATA_UNIQUE_DEVICE : STRATA_UNIQUE_NONE;
    case 'e':
      if (is (field, "environment"))
        return STRATA_UNIQUE_KEY_VALUE;
      if (is (field, "env_file"))
        return STRATA_UNIQUE_ENV_FILE;
      return is (field, "expose") || is (field, "extra_hosts") ? STRATA_UNIQUE_EXACT : STRATA_UNIQUE_NONE;
    case 'l':
      return is (field, "labels") || is (field, "links") ? STRATA_UNIQUE_KEY_VALUE : STRATA_UNIQUE_NONE;
    case 'p':
      if (is (field, "profiles"))
        return STRATA_UNIQUE_KEY_VALUE;
      return is (field, "ports") ? STRATA_UNIQUE_PORT : STRATA_UNIQUE_NONE;
    case 's':
      if (is (field, "sysctls"))
        return STRATA_UNIQUE_KEY_VALUE;
      return is (field, "secrets") ? STRATA_UNIQUE_SECRET : STRATA_UNIQUE_NONE;
    case 't':
      return is (field, "tmpfs") ? STRATA_UNIQUE_KEY_VALUE : STRATA_UNIQUE_NONE;
    case 'v':
      return is (field, "volumes") ? STRATA_UNIQUE_VOLUME : STRATA_UNIQUE_NONE;
    default:
      return STRATA_UNIQUE_NONE;
    }
}

StrataUnique
_strata_merge_unique_for (StrataMergeCtx *ctx)
{
  guint depth = ctx->depth;

  if (depth < 3)
    return STRATA_UNIQUE_NONE;
  if (g_str_equal (seg (ctx, 0), "networks"))
    {
      if (depth == 3 && g_str_equal (seg (ctx, 2), "labels"))
        return STRATA_UNIQUE_KEY_VALUE;
      if (depth == 4 && g_str_equal (seg (ctx, 2), "ipam") && g_str_equal (seg (ctx, 3), "options"))
        return STRATA_UNIQUE_KEY_VALUE;
      return STRATA_UNIQUE_NONE;
    }
  if (!g_str_equal (seg (ctx, 0), "services"))
    return STRATA_UNIQUE_NONE;
  if (depth == 3)
    return service_field_unique (seg (ctx, 2));
  if (depth == 4 && g_str_equal (seg (ctx, 2), "build"))
    return g_str_equal (seg (ctx, 3), "extra_hosts") ? STRATA_UNIQUE_NONE : STRATA_UNIQUE_KEY_VALUE;
  if (depth == 4 && g_str_equal (seg (ctx, 2), "deploy") && g_str_equal (seg (ctx, 3), "labels"))
    return STRATA_UNIQUE_KEY_VALUE;
  if (depth == 5 && g_str_equal (seg (ctx, 2), "networks") &&
      (g_str_equal (seg (ctx, 4), "aliases") || g_str_equal (seg (ctx, 4), "link_local_ips")))
    return STRATA_UNIQUE_KEY_VALUE;
  return STRATA_UNIQUE_NONE;
}

/* An entry's key: @length bytes at @text, or made in Dedup.scratch at
 * @offset; or none (then the entry is kept as is). */
typedef struct
{
  const char *text;
  gsize       offset;
  gsize       length;
  gboolean    made;
  gboolean    none;
} Key;

typedef struct
{
  GString *scratch;  /* made keys */
  Key      inline_keys[16];
  Key     *keys;     /* of the entries kept so far, by position */
} Dedup;

static void
key_borrow (Key        *key,
            const char *text,
            gsize       length)
{
  *key = (Key) { text, 0, length, FALSE, text == NULL };
}

static void
key_borrow_text (Key        *key,
                 const char *text)
{
  key_borrow (key, text, text != NULL ? strlen (text) : 0);
}

/* Starts a key made of parts appended to @dedup's scratch. */
static GString *
key_make (Dedup *dedup,
          Key   *key)
{
  if (dedup->scratch == NULL)
    dedup->scratch = g_string_new (NULL);
  *key = (Key) { NULL, dedup->scratch->len, 0, TRUE, FALSE };
  return dedup->scratch;
}

static void
key_made (Dedup *dedup,
          Key   *key)
{
  key->length = dedup->scratch->len - key->offset;
}

/* A string as printf's "%s" prints it. */
static void
append_printed (GString    *out,
                const char *text)
{
  g_string_append (out, text != NULL ? text : "(null)");
}

/* The second ':'-separated field of @spec (as g_strsplit (spec, ":", 3)
 * gives it), or the whole of @whole when there is none. */
static void
key_second_field (Key        *key,
                  const char *spec,
                  const char *whole)
{
  const char *colon = strchr (spec, ':');
  const char *end;

  if (colon == NULL)
    {
      key_borrow_text (key, whole);
      return;
    }
  end = strchr (colon + 1, ':');
  key_borrow (key, colon + 1, end != NULL ? (gsize) (end - colon - 1) : strlen (colon + 1));
}

/* The target of a short volume ("src:dst:mode" or "dst"); a one-letter
 * source before ':' is a Windows drive, as compose reads it. */
static void
short_volume_target (Key        *key,
                     const char *spec)
{
  const char *p = spec;

  if (g_ascii_isalpha (p[0]) && p[1] == ':')
    p += 2;
  key_second_field (key, p, spec);
}

static void
mount_key (Dedup            *dedup,
           Key              *key,
           const StrataNode *item,
           const char       *dir)
{
  const char *target;
  GString *out;

  if (item->kind != STRATA_NODE_SCALAR && (target = strata_node_lookup_text (item, "target")) != NULL)
    {
      key_borrow_text (key, target);
      return;
    }
  out = key_make (dedup, key);
  g_string_append (out, dir);
  g_string_append_c (out, '/');
  append_printed (out, item->kind == STRATA_NODE_SCALAR ? item->text : strata_node_lookup_text (item, "source"));
  key_made (dedup, key);
}

static void
port_key (Dedup            *dedup,
          Key              *key,
          const StrataNode *item)
{
  static const char * const names[] = { "host_ip", "published", "target", "protocol" };
  const char *values[G_N_ELEMENTS (names)] = { NULL, };
  guint found = 0;
  const char *host, *published, *target, *protocol;
  GString *out;

  /* one walk over the entry's fields, each read as strata_node_lookup_text ()
   * does: the first of its name, NULL when it is no scalar */
  for (guint i = 0; i < item->children->len; i++)
    {
      const StrataNode *field = g_ptr_array_index (item->children, i);

      for (guint n = 0; field->key != NULL && n < G_N_ELEMENTS (names); n++)
        if (!(found & (1u << n)) && strcmp (field->key, names[n]) == 0)
          {
            found |= 1u << n;
            values[n] = field->kind == STRATA_NODE_SCALAR ? field->text : NULL;
            break;
          }
    }
  host = values[0];
  published = values[1];
  target = values[2];
  protocol = values[3];
  if (target == NULL)
    {
      key_borrow (key, NULL, 0);
      return;
    }
  out = key_make (dedup, key);
  g_string_append (out, host ? host : "0.0.0.0");
  g_string_append_c (out, ':');
  g_string_append (out, published ? published : "");
  g_string_append_c (out, ':');
  g_string_append (out, target);
  g_string_append_c (out, '/');
  g_string_append (out, protocol ? protocol : "tcp");
  key_made (dedup, key);
}

/* The key of @item. */
static void
index_key (Dedup            *dedup,
           Key              *key,
           const StrataNode *item,
           StrataUnique      unique)
{
  gboolean scalar = item->kind == STRATA_NODE_SCALAR;

  switch (unique)
    {
    case STRATA_UNIQUE_KEY_VALUE:
      key_borrow (key, scalar ? item->text : NULL, scalar ? strcspn (item->text, "=") : 0);
      return;
    case STRATA_UNIQUE_EXACT:
      key_borrow_text (key, scalar ? item->text : NULL);
      return;
    case STRATA_UNIQUE_VOLUME:
      if (scalar)
        short_volume_target (key, item->text);
      else
        key_borrow_text (key, strata_node_lookup_text (item, "target"));
      return;
    case STRATA_UNIQUE_DEVICE:
      if (scalar)
        key_second_field (key, item->text, item->text);
      else
        key_borrow_text (key, strata_node_lookup_text (item, "target"));
      return;
    case STRATA_UNIQUE_SECRET:
      mount_key (dedup, key, item, "/run/secrets");
      return;
    case STRATA_UNIQUE_CONFIG:
      mount_key (dedup, key, item, "");
      return;
    case STRATA_UNIQUE_PORT:
      if (scalar)
        key_borrow_text (key, item->text);
      else
        port_key (dedup, key, item);
      return;
    case STRATA_UNIQUE_ENV_FILE:
      key_borrow_text (key, scalar ? item->text : strata_node_lookup_text (item, "path"));
      return;
    case STRATA_UNIQUE_NONE:
    default:
      key_borrow (key, NULL, 0);
      return;
    }
}

static const char *
key_text (const Dedup *dedup,
          const Key   *key)
{
  return key->made ? dedup->scratch->str + key->offset : key->text;
}

static gboolean
keys_equal (const Dedup *dedup,
            const Key   *a,
            const Key   *b)
{
  return a->length == b->length && memcmp (key_text (dedup, a), key_text (dedup, b), a->length) == 0;
}

static gboolean
by_target (StrataUnique unique)
{
  return unique == STRATA_UNIQUE_VOLUME || unique == STRATA_UNIQUE_DEVICE ||
         unique == STRATA_UNIQUE_SECRET || unique == STRATA_UNIQUE_CONFIG;
}

gboolean
_strata_merge_fresh_contains (const StrataMergeFresh *fresh,
                              const StrataNode       *node)
{
  if (fresh == NULL)
    return FALSE;
  if (fresh->set != NULL)
    return g_hash_table_contains (fresh->set, node);
  for (guint i = 0; i < fresh->items->len; i++)
    if (g_ptr_array_index (fresh->items, i) == node)
      return TRUE;
  return FALSE;
}

/* Replaces the entry at @j of @children by @item, which shadows it. */
static void
replace_entry (StrataMergeCtx         *ctx,
               StrataNodeList         *children,
               guint                   j,
               StrataNode             *item,
               StrataUnique            unique,
               const StrataMergeFresh *fresh)
{
  StrataNode *old = g_ptr_array_index (children, j);
  gboolean target = by_target (unique);

  _strata_merge_shadow (item, old);
  item->origin = target ? STRATA_ORIGIN_REPLACED_BY_TARGET : STRATA_ORIGIN_MERGED_BY_KEY;
  if (_strata_merge_fresh_contains (fresh, item))
    _strata_merge_record (ctx, target ? STRATA_CHANGE_REPLACED_BY_TARGET : STRATA_CHANGE_MERGED_BY_KEY,
                          j, old, item);
  strata_node_free (old);
  g_ptr_array_index (children, j) = item;
}

/* The position among the @n_kept first entries whose key is @key, or -1:
 * by comparing them all while they are few, else with @seen (made on the
 * way: a copy of each kept key to its position). */
static gint
find_kept (Dedup       *dedup,
           const Key   *key,
           guint        n_kept,
           GHashTable **seen)
{
  g_autofree char *text = NULL;
  gpointer j;

  if (*seen == NULL && n_kept <= G_N_ELEMENTS (dedup->inline_keys))
    {
      for (guint k = 0; k < n_kept; k++)
        if (!dedup->keys[k].none && keys_equal (dedup, &dedup->keys[k], key))
          return k;
      return -1;
    }
  if (*seen == NULL)
    {
      *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint k = 0; k < n_kept; k++)
        if (!dedup->keys[k].none)
          g_hash_table_insert (*seen, g_strndup (key_text (dedup, &dedup->keys[k]), dedup->keys[k].length),
                               GUINT_TO_POINTER (k));
    }
  text = g_strndup (key_text (dedup, key), key->length);
  if (g_hash_table_lookup_extended (*seen, text, NULL, &j))
    return GPOINTER_TO_UINT (j);
  g_hash_table_insert (*seen, g_steal_pointer (&text), GUINT_TO_POINTER (n_kept));
  return -1;
}

/* De-duplicates @sequence in place, in one pass. Entries of @fresh (or
 * NULL) are the ones the current file brought. */
void
_strata_merge_dedup (StrataMergeCtx         *ctx,
                     StrataNode             *sequence,
                     StrataUnique            unique,
                     const StrataMergeFresh *fresh)
{
  Dedup dedup = { NULL, };
  g_autoptr(GHashTable) seen = NULL;
  StrataNodeList *children = sequence->children;
  guint n_kept = 0;

  if (unique == STRATA_UNIQUE_NONE || sequence->kind != STRATA_NODE_SEQUENCE || children->len < 2)
    return;

  dedup.keys = children->len <= G_N_ELEMENTS (dedup.inline_keys) ? dedup.inline_keys
                                                                  : g_new (Key, children->len);
  for (guint i = 0; i < children->len; i++)
    {
      StrataNode *item = g_ptr_array_index (children, i);
      Key key;
      gint j;

      index_key (&dedup, &key, item, unique);
      j = key.none ? -1 : find_kept (&dedup, &key, n_kept, &seen);
      if (j >= 0)
        {
          replace_entry (ctx, children, j, item, unique, fresh);
          /* the old entry is freed: its key may have borrowed its text */
          dedup.keys[j] = key;
          continue;
        }
      dedup.keys[n_kept] = key;
      g_ptr_array_index (children, n_kept++) = item;
    }

  /* the entries past n_kept were moved or freed */
  strata_node_forget_children (sequence, n_kept);
  if (dedup.keys != dedup.inline_keys)
    g_free (dedup.keys);
  if (dedup.scratch != NULL)
    g_string_free (dedup.scratch, TRUE);
}

/* Whether a list below the mapping at the path of @ctx (under services or
 * networks, less than five levels deep) may be keyed, as
 * _strata_merge_unique_for () says: services.*.build.*,
 * services.*.deploy.labels, services.*.networks.*.{aliases,link_local_ips},
 * networks.*.ipam.options and what is less deep. */
static gboolean
may_hold_keyed_lists (StrataMergeCtx *ctx)
{
  gboolean services;

  if (ctx->depth < 3)
    return TRUE;
  services = g_str_equal (seg (ctx, 0), "services");
  if (ctx->depth == 3)
    return services ? g_str_equal (seg (ctx, 2), "build") || g_str_equal (seg (ctx, 2), "deploy") ||
                      g_str_equal (seg (ctx, 2), "networks")
                    : g_str_equal (seg (ctx, 2), "ipam");
  return services && g_str_equal (seg (ctx, 2), "networks");
}

/* De-duplicates every keyed list in @node (at the path of @ctx), as compose
 * does on the whole model after each file. Only services and networks hold
 * keyed lists, never deeper than five levels. */
void
_strata_merge_unicity (StrataMergeCtx *ctx,
                       StrataNode     *node)
{
  guint depth = ctx->depth;

  if (node->kind == STRATA_NODE_SEQUENCE)
    {
      _strata_merge_dedup (ctx, node, _strata_merge_unique_for (ctx), NULL);
      return;
    }
  if (node->kind != STRATA_NODE_MAPPING || depth >= 5)
    return;
  if (depth >= 1 && !g_str_equal (seg (ctx, 0), "services") && !g_str_equal (seg (ctx, 0), "networks"))
    return;
  if (!may_hold_keyed_lists (ctx))
    return;

  for (guint i = 0; i < node->children->len; i++)
    {
      StrataNode *child = g_ptr_array_index (node->children, i);

      if (depth == 0 && !g_str_equal (child->key, "services") && !g_str_equal (child->key, "networks"))
        continue;
      _strata_merge_push (ctx, child->key);
      _strata_merge_unicity (ctx, child);
      ctx->depth = depth;
    }
}
