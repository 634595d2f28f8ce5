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

static StrataUnique
service_field_unique (const char *field)
{
  static const char * const key_value[] = {
    "annotations", "cap_add", "cap_drop", "dns", "dns_opt", "dns_search", "environment",
    "labels", "links", "profiles", "sysctls", "tmpfs",
  };

  for (guint i = 0; i < G_N_ELEMENTS (key_value); i++)
    if (g_str_equal (field, key_value[i]))
      return STRATA_UNIQUE_KEY_VALUE;
  if (g_str_equal (field, "volumes"))
    return STRATA_UNIQUE_VOLUME;
  if (g_str_equal (field, "devices"))
    return STRATA_UNIQUE_DEVICE;
  if (g_str_equal (field, "secrets"))
    return STRATA_UNIQUE_SECRET;
  if (g_str_equal (field, "configs"))
    return STRATA_UNIQUE_CONFIG;
  if (g_str_equal (field, "ports"))
    return STRATA_UNIQUE_PORT;
  if (g_str_equal (field, "env_file"))
    return STRATA_UNIQUE_ENV_FILE;
  if (g_str_equal (field, "expose") || g_str_equal (field, "extra_hosts"))
    return STRATA_UNIQUE_EXACT;
  return STRATA_UNIQUE_NONE;
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

/* The target of a short volume ("src:dst:mode" or "dst"); a one-letter
 * source before ':' is a Windows drive, as compose reads it. */
static char *
short_volume_target (const char *spec)
{
  const char *p = spec;
  g_auto(GStrv) parts = NULL;

  if (g_ascii_isalpha (p[0]) && p[1] == ':')
    p += 2;
  parts = g_strsplit (p, ":", 3);
  if (parts[0] == NULL || parts[1] == NULL)
    return g_strdup (spec);
  return g_strdup (parts[1]);
}

static char *
mount_key (const StrataNode *item,
           const char       *dir)
{
  const char *target;

  if (item->kind == STRATA_NODE_SCALAR)
    return g_strdup_printf ("%s/%s", dir, item->text);
  target = strata_node_lookup_text (item, "target");
  if (target != NULL)
    return g_strdup (target);
  return g_strdup_printf ("%s/%s", dir, strata_node_lookup_text (item, "source"));
}

static char *
port_key (const StrataNode *item)
{
  const char *host = strata_node_lookup_text (item, "host_ip");
  const char *published = strata_node_lookup_text (item, "published");
  const char *target = strata_node_lookup_text (item, "target");
  const char *protocol = strata_node_lookup_text (item, "protocol");

  if (target == NULL)
    return NULL;
  return g_strdup_printf ("%s:%s:%s/%s", host ? host : "0.0.0.0", published ? published : "",
                          target, protocol ? protocol : "tcp");
}

static char *
device_key (const StrataNode *item)
{
  g_auto(GStrv) parts = NULL;

  if (item->kind != STRATA_NODE_SCALAR)
    return g_strdup (strata_node_lookup_text (item, "target"));
  parts = g_strsplit (item->text, ":", 3);
  return g_strdup (parts[0] && parts[1] ? parts[1] : item->text);
}

/* The key of @item, or NULL when it has none (then it is kept as is). */
static char *
index_key (const StrataNode *item,
           StrataUnique      unique)
{
  gboolean scalar = item->kind == STRATA_NODE_SCALAR;

  switch (unique)
    {
    case STRATA_UNIQUE_KEY_VALUE:
      return scalar ? g_strndup (item->text, strcspn (item->text, "=")) : NULL;
    case STRATA_UNIQUE_EXACT:
      return scalar ? g_strdup (item->text) : NULL;
    case STRATA_UNIQUE_VOLUME:
      return scalar ? short_volume_target (item->text)
                    : g_strdup (strata_node_lookup_text (item, "target"));
    case STRATA_UNIQUE_DEVICE:
      return device_key (item);
    case STRATA_UNIQUE_SECRET:
      return mount_key (item, "/run/secrets");
    case STRATA_UNIQUE_CONFIG:
      return mount_key (item, "");
    case STRATA_UNIQUE_PORT:
      return scalar ? g_strdup (item->text) : port_key (item);
    case STRATA_UNIQUE_ENV_FILE:
      return scalar ? g_strdup (item->text) : g_strdup (strata_node_lookup_text (item, "path"));
    case STRATA_UNIQUE_NONE:
    default:
      return NULL;
    }
}

static gboolean
by_target (StrataUnique unique)
{
  return unique == STRATA_UNIQUE_VOLUME || unique == STRATA_UNIQUE_DEVICE ||
         unique == STRATA_UNIQUE_SECRET || unique == STRATA_UNIQUE_CONFIG;
}

/* Replaces the entry at @j of @kept by @item, which shadows it. */
static void
replace_entry (StrataMergeCtx *ctx,
               GPtrArray      *kept,
               guint           j,
               StrataNode     *item,
               StrataUnique    unique,
               GHashTable     *incoming)
{
  StrataNode *old = g_ptr_array_index (kept, j);
  gboolean target = by_target (unique);

  _strata_merge_shadow (item, old);
  item->origin = target ? STRATA_ORIGIN_REPLACED_BY_TARGET : STRATA_ORIGIN_MERGED_BY_KEY;
  if (incoming != NULL && g_hash_table_contains (incoming, item))
    _strata_merge_record (ctx, target ? STRATA_CHANGE_REPLACED_BY_TARGET : STRATA_CHANGE_MERGED_BY_KEY,
                          j, old, item);
  if (incoming != NULL)
    g_hash_table_remove (incoming, old);
  strata_node_free (old);
  g_ptr_array_index (kept, j) = item;
}

/* De-duplicates @sequence in place, in one pass with an index. Entries in
 * @incoming (a set, or NULL) are the ones the current file brought. */
void
_strata_merge_dedup (StrataMergeCtx *ctx,
                     StrataNode     *sequence,
                     StrataUnique    unique,
                     GHashTable     *incoming)
{
  g_autoptr(GHashTable) seen = NULL;
  GPtrArray *kept;

  if (unique == STRATA_UNIQUE_NONE || sequence->kind != STRATA_NODE_SEQUENCE ||
      sequence->children->len < 2)
    return;

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  kept = g_ptr_array_new_full (sequence->children->len, (GDestroyNotify) strata_node_free);
  for (guint i = 0; i < sequence->children->len; i++)
    {
      StrataNode *item = g_ptr_array_index (sequence->children, i);
      char *key = index_key (item, unique);
      gpointer j;

      if (key != NULL && g_hash_table_lookup_extended (seen, key, NULL, &j))
        {
          replace_entry (ctx, kept, GPOINTER_TO_UINT (j), item, unique, incoming);
          g_free (key);
          continue;
        }
      if (key != NULL)
        g_hash_table_insert (seen, key, GUINT_TO_POINTER (kept->len));
      g_ptr_array_add (kept, item);
    }

  g_ptr_array_set_free_func (sequence->children, NULL);
  g_ptr_array_unref (sequence->children);
  sequence->children = kept;
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
