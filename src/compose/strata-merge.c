/* strata-merge.c: merging one file into the accumulated model
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are compose-go's override/merge.go (v2.0, the version compose
 * 2.26.1 builds with), checked against the oracle:
 * - mappings merge key by key; a later scalar wins; a later null keeps the
 *   earlier value; sequences append; `x-*` keys are replaced whole;
 * - command, entrypoint, healthcheck.test and each ulimit are replaced whole;
 * - environment, labels and the other key=value fields merge by key, the
 *   later value winning even when null;
 * - build (a string is its context), depends_on and service networks (a
 *   list is a mapping) merge as mappings; logging with different drivers is
 *   replaced whole;
 * - after the merge, keyed lists are de-duplicated (strata-merge-unique.c).
 * Nodes of the incoming file are moved, never copied.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-compose-error.h"
#include "strata-merge-private.h"
#include "strata-node-private.h"

typedef enum
{
  RULE_DEFAULT,
  RULE_REPLACE,
  RULE_KEY_VALUE,   /* environment, labels...: merged by key */
  RULE_LIST,        /* dns, tmpfs, env_file, extra_hosts: a string is a list */
  RULE_BUILD,
  RULE_DEPENDS_ON,
  RULE_NETWORKS,
  RULE_LOGGING,
} Rule;

static gboolean merge_value (StrataMergeCtx *ctx, StrataNode *base, StrataNode *incoming);

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

static Rule
service_field_rule (const char *field)
{
  /* by first letter: this runs for every field of every service merged */
  switch (field[0])
    {
    case 'a':
      return is (field, "annotations") ? RULE_KEY_VALUE : RULE_DEFAULT;
    case 'b':
      return is (field, "build") ? RULE_BUILD : RULE_DEFAULT;
    case 'c':
      return is (field, "command") ? RULE_REPLACE : RULE_DEFAULT;
    case 'd':
      if (is (field, "depends_on"))
        return RULE_DEPENDS_ON;
      return is (field, "dns") || is (field, "dns_opt") || is (field, "dns_search") ? RULE_LIST : RULE_DEFAULT;
    case 'e':
      if (is (field, "entrypoint"))
        return RULE_REPLACE;
      if (is (field, "environment"))
        return RULE_KEY_VALUE;
      return is (field, "env_file") || is (field, "extra_hosts") ? RULE_LIST : RULE_DEFAULT;
    case 'l':
      if (is (field, "labels"))
        return RULE_KEY_VALUE;
      return is (field, "logging") ? RULE_LOGGING : RULE_DEFAULT;
    case 'n':
      return is (field, "networks") ? RULE_NETWORKS : RULE_DEFAULT;
    case 's':
      return is (field, "sysctls") ? RULE_KEY_VALUE : RULE_DEFAULT;
    case 't':
      return is (field, "tmpfs") ? RULE_LIST : RULE_DEFAULT;
    default:
      return RULE_DEFAULT;
    }
}

static Rule
rule_for (StrataMergeCtx *ctx)
{
  guint depth = ctx->depth;

  if (depth == 3 && is (seg (ctx, 0), "services"))
    return service_field_rule (seg (ctx, 2));
  if (depth == 3 && (is (seg (ctx, 0), "networks") || is (seg (ctx, 0), "volumes")))
    return is (seg (ctx, 2), "labels") ? RULE_KEY_VALUE : RULE_DEFAULT;
  if (depth != 4 || !is (seg (ctx, 0), "services"))
    return RULE_DEFAULT;
  if (is (seg (ctx, 2), "build"))
    {
      if (is (seg (ctx, 3), "extra_hosts"))
        return RULE_LIST;
      if (is (seg (ctx, 3), "args") || is (seg (ctx, 3), "labels") || is (seg (ctx, 3), "additional_contexts"))
        return RULE_KEY_VALUE;
    }
  if (is (seg (ctx, 2), "deploy") && is (seg (ctx, 3), "labels"))
    return RULE_KEY_VALUE;
  if (is (seg (ctx, 2), "healthcheck") && is (seg (ctx, 3), "test"))
    return RULE_REPLACE;
  if (is (seg (ctx, 2), "ulimits"))
    return RULE_REPLACE;
  return RULE_DEFAULT;
}

/* Removes the tags of a subtree taken whole: `!reset` entries go,
 * `!override` is only a tag. */
static void
strip_tags (StrataNode *node)
{
  if (!_strata_node_may_have_merge_tags (node))
    return;
  if (node->tag != NULL && (is (node->tag, "!override") || is (node->tag, "!reset")))
    strata_node_set_tag (node, NULL);
  if (node->children == NULL)
    return;
  for (guint i = node->children->len; i > 0; i--)
    {
      StrataNode *child = g_ptr_array_index (node->children, i - 1);

      if (node->kind == STRATA_NODE_MAPPING && child->tag != NULL && is (child->tag, "!reset"))
        strata_node_remove_child (node, i - 1);
      else
        strip_tags (child);
    }
}

/* Puts @incoming (taken) in the place of @slot, keeping the slot's address:
 * parents and indexes that point at it stay valid. */
static void
replace_in_place (StrataNode       *slot,
                  StrataNode       *incoming,
                  StrataOriginKind  origin)
{
  StrataNode tmp;

  strip_tags (incoming);
  _strata_merge_shadow (incoming, slot);
  incoming->origin = origin;
  tmp = *slot;
  *slot = *incoming;
  *incoming = tmp;
  /* The slot keeps its key string (indexes and paths borrow it) and its
   * storage: the arena fields go with the memory. */
  tmp.key = slot->key;
  slot->key = incoming->key;
  incoming->key = tmp.key;
  tmp.arena = slot->arena;
  slot->arena = incoming->arena;
  incoming->arena = tmp.arena;
  strata_node_free (incoming);
}

static void
replace (StrataMergeCtx   *ctx,
         StrataNode       *slot,
         StrataNode       *incoming,
         StrataChangeKind  kind,
         StrataOriginKind  origin)
{
  _strata_merge_record (ctx, kind, -1, slot, incoming);
  replace_in_place (slot, incoming, origin);
}

/* Frees @node but not its children, which the caller takes. */
static GPtrArray *
release_children (StrataNode *node)
{
  GPtrArray *children = strata_node_steal_children (node);

  strata_node_free (node);
  return children;
}

/* Moves the children of @node out, leaving it empty; the array frees the
 * ones the caller does not move elsewhere. */
static GPtrArray *
take_children (StrataNode *node)
{
  GPtrArray *children = strata_node_steal_children (node);

  g_ptr_array_set_free_func (children, (GDestroyNotify) strata_node_free);
  return children;
}

static void
adopt (StrataMergeCtx *ctx,
       StrataNode     *parent,
       StrataNode     *child)
{
  strip_tags (child);
  _strata_merge_push (ctx, child->key);
  _strata_merge_unicity (ctx, child);
  _strata_merge_record (ctx, STRATA_CHANGE_ADDED, -1, NULL, child);
  _strata_merge_pop (ctx);
  strata_node_append (parent, child);
}

static void
reset_child (StrataMergeCtx *ctx,
             StrataNode     *mapping,
             StrataNode     *existing)
{
  _strata_merge_record (ctx, STRATA_CHANGE_RESET, -1, existing, NULL);
  strata_node_remove_node (mapping, existing);
}

/* One entry of the incoming mapping (taken) onto @mapping. */
static gboolean
merge_entry (StrataMergeCtx *ctx,
             StrataNode     *mapping,
             StrataNode     *child)
{
  StrataNode *existing = strata_node_lookup (mapping, child->key);
  const char *tag = child->tag;
  gboolean ok = TRUE;

  if (tag != NULL && is (tag, "!reset"))
    {
      _strata_merge_push (ctx, child->key);
      if (existing != NULL)
        reset_child (ctx, mapping, existing);
      _strata_merge_pop (ctx);
      strata_node_free (child);
      return TRUE;
    }
  if (existing == NULL)
    {
      adopt (ctx, mapping, child);
      return TRUE;
    }

  _strata_merge_push (ctx, existing->key);
  if (tag != NULL && is (tag, "!override"))
    replace (ctx, existing, child, STRATA_CHANGE_OVERRIDE_TAG, STRATA_ORIGIN_OVERRIDE_TAG);
  else if (child->key[0] == 'x' && child->key[1] == '-')
    replace (ctx, existing, child, STRATA_CHANGE_OVERRIDDEN, STRATA_ORIGIN_OVERRIDDEN);
  else
    ok = merge_value (ctx, existing, child);
  _strata_merge_pop (ctx);
  return ok;
}

/* Big mappings (services, say) have an index (strata-node-index.c), so
 * that merging stays linear. */
static gboolean
merge_mappings (StrataMergeCtx *ctx,
                StrataNode     *base,
                StrataNode     *incoming)
{
  g_autoptr(GPtrArray) children = release_children (incoming);
  gboolean ok = TRUE;

  for (guint i = 0; i < children->len; i++)
    {
      StrataNode *child = g_ptr_array_index (children, i);

      if (!ok)
        strata_node_free (child);
      else
        ok = merge_entry (ctx, base, child);
    }
  return ok;
}

/* Appends the items of @incoming (taken) to @base, de-duplicates, and
 * records what stayed appended. */
static void
append (StrataMergeCtx *ctx,
        StrataNode     *base,
        StrataNode     *incoming)
{
  g_autoptr(GPtrArray) items = release_children (incoming);
  g_autoptr(GHashTable) set = NULL;
  StrataMergeFresh fresh = { items, NULL };

  for (guint i = 0; i < items->len; i++)
    {
      StrataNode *item = g_ptr_array_index (items, i);

      strip_tags (item);
      item->origin = STRATA_ORIGIN_APPENDED;
      strata_node_append (base, item);
    }
  if (ctx->changes != NULL && items->len > 8)
    {
      fresh.set = set = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < items->len; i++)
        g_hash_table_add (set, g_ptr_array_index (items, i));
    }

  _strata_merge_dedup (ctx, base, _strata_merge_unique_for (ctx), ctx->changes != NULL ? &fresh : NULL);
  if (ctx->changes == NULL)
    return;
  for (guint i = 0; i < base->children->len; i++)
    {
      StrataNode *item = g_ptr_array_index (base->children, i);

      if (item->origin == STRATA_ORIGIN_APPENDED && _strata_merge_fresh_contains (&fresh, item))
        _strata_merge_record (ctx, STRATA_CHANGE_APPENDED, i, NULL, item);
    }
}

static gboolean
cannot_override (StrataMergeCtx *ctx,
                 StrataNode     *incoming)
{
  g_autofree char *path = _strata_merge_path (ctx, -1);
  g_autofree char *place = strata_position_to_string (&incoming->pos);

  g_set_error (ctx->error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_TYPE,
               _("%s: cannot override %s: a %s cannot replace a %s"), place, path,
               incoming->kind == STRATA_NODE_SEQUENCE ? _("list") :
               incoming->kind == STRATA_NODE_MAPPING ? _("mapping") : _("single value"),
               incoming->kind == STRATA_NODE_MAPPING ? _("list") : _("mapping"));
  strata_node_free (incoming);
  return FALSE;
}

/* The general rule. */
static gboolean
merge_default (StrataMergeCtx *ctx,
               StrataNode     *base,
               StrataNode     *incoming)
{
  if (strata_node_is_null (incoming))
    {
      strata_node_free (incoming);
      return TRUE;
    }
  if (base->kind == STRATA_NODE_MAPPING)
    {
      if (incoming->kind != STRATA_NODE_MAPPING)
        return cannot_override (ctx, incoming);
      return merge_mappings (ctx, base, incoming);
    }
  if (base->kind == STRATA_NODE_SEQUENCE)
    {
      if (incoming->kind != STRATA_NODE_SEQUENCE)
        return cannot_override (ctx, incoming);
      append (ctx, base, incoming);
      return TRUE;
    }
  replace (ctx, base, incoming, STRATA_CHANGE_OVERRIDDEN, STRATA_ORIGIN_OVERRIDDEN);
  return TRUE;
}

static StrataNode *
scalar_child (const StrataPosition *pos,
              const char           *key,
              const char           *text,
              StrataValueType       type)
{
  StrataNode *node = strata_node_new_scalar (pos, text, type);

  strata_node_set_key (node, key);
  return node;
}

/* A list of "KEY=VALUE" (or "KEY", null) as a mapping, in place. */
static void
key_value_list_to_mapping (StrataNode *node)
{
  g_autoptr(GPtrArray) items = take_children (node);

  node->kind = STRATA_NODE_MAPPING;
  for (guint i = 0; i < items->len; i++)
    {
      StrataNode *item = g_ptr_array_index (items, i);
      const char *text = item->kind == STRATA_NODE_SCALAR ? item->text : "";
      const char *eq = strchr (text, '=');
      g_autofree char *key = g_strndup (text, eq ? (gsize) (eq - text) : strlen (text));
      StrataNode *value = scalar_child (&item->pos, key, eq ? eq + 1 : "",
                                        eq ? STRATA_VALUE_STRING : STRATA_VALUE_NULL);

      value->origin = item->origin;
      strata_node_set (node, key, value);
    }
}

/* A list of names as a mapping from each name to @template (or null). */
static void
name_list_to_mapping (StrataNode *node,
                      gboolean    depends_on)
{
  g_autoptr(GPtrArray) items = take_children (node);

  node->kind = STRATA_NODE_MAPPING;
  for (guint i = 0; i < items->len; i++)
    {
      StrataNode *item = g_ptr_array_index (items, i);
      StrataNode *value;

      if (item->kind != STRATA_NODE_SCALAR)
        continue;
      if (depends_on)
        {
          value = strata_node_new_mapping (&item->pos);
          strata_node_append (value, scalar_child (&item->pos, "condition", "service_started",
                                                   STRATA_VALUE_STRING));
          strata_node_append (value, scalar_child (&item->pos, "required", "true", STRATA_VALUE_BOOL));
        }
      else
        value = strata_node_new_scalar (&item->pos, "", STRATA_VALUE_NULL);
      strata_node_set (node, item->text, value);
    }
}

/* A single string as a one-item list, in place. */
static void
scalar_to_list (StrataNode *node)
{
  StrataNode *item;

  if (node->kind != STRATA_NODE_SCALAR || strata_node_is_null (node))
    return;
  item = strata_node_new_scalar (&node->pos, node->text, node->type);
  item->origin = node->origin;
  strata_node_make_collection (node, STRATA_NODE_SEQUENCE);
  strata_node_append (node, item);
}

/* A string build is its context, in place. */
static void
build_to_mapping (StrataNode *node)
{
  StrataNode *context;

  if (node->kind != STRATA_NODE_SCALAR || strata_node_is_null (node))
    return;
  context = scalar_child (&node->pos, "context", node->text, node->type);

  strata_node_make_collection (node, STRATA_NODE_MAPPING);
  strata_node_append (node, context);
}

/* environment, labels...: the later value of a key wins, even null. */
static gboolean
merge_by_key (StrataMergeCtx *ctx,
              StrataNode     *base,
              StrataNode     *incoming)
{
  g_autoptr(GPtrArray) children = NULL;

  if (incoming->kind == STRATA_NODE_SCALAR)
    return merge_default (ctx, base, incoming);
  if (base->kind == STRATA_NODE_SEQUENCE && incoming->kind == STRATA_NODE_SEQUENCE)
    return merge_default (ctx, base, incoming);
  if (base->kind == STRATA_NODE_SEQUENCE)
    key_value_list_to_mapping (base);
  if (incoming->kind == STRATA_NODE_SEQUENCE)
    key_value_list_to_mapping (incoming);
  if (base->kind != STRATA_NODE_MAPPING)
    return merge_default (ctx, base, incoming);

  children = release_children (incoming);
  for (guint i = 0; i < children->len; i++)
    {
      StrataNode *child = g_ptr_array_index (children, i);
      StrataNode *existing = strata_node_lookup (base, child->key);

      if (existing == NULL)
        {
          adopt (ctx, base, child);
          continue;
        }
      _strata_merge_push (ctx, existing->key);
      replace (ctx, existing, child, STRATA_CHANGE_MERGED_BY_KEY, STRATA_ORIGIN_MERGED_BY_KEY);
      _strata_merge_pop (ctx);
    }
  return TRUE;
}

/* dns, tmpfs, env_file, extra_hosts: a string is a one-item list. */
static gboolean
merge_list (StrataMergeCtx *ctx,
            StrataNode     *base,
            StrataNode     *incoming)
{
  if (base->kind == STRATA_NODE_MAPPING && incoming->kind == STRATA_NODE_MAPPING)
    return merge_by_key (ctx, base, incoming);
  scalar_to_list (base);
  scalar_to_list (incoming);
  if (base->kind == STRATA_NODE_MAPPING && incoming->kind == STRATA_NODE_SEQUENCE)
    key_value_list_to_mapping (incoming);
  else if (base->kind == STRATA_NODE_SEQUENCE && incoming->kind == STRATA_NODE_MAPPING)
    key_value_list_to_mapping (base);
  if (base->kind == STRATA_NODE_MAPPING && incoming->kind == STRATA_NODE_MAPPING)
    return merge_by_key (ctx, base, incoming);
  return merge_default (ctx, base, incoming);
}

static gboolean
drivers_differ (const StrataNode *base,
                const StrataNode *incoming)
{
  const char *a = strata_node_lookup_text (base, "driver");
  const char *b = strata_node_lookup_text (incoming, "driver");

  return a != NULL && b != NULL && !is (a, b);
}

static gboolean
merge_value (StrataMergeCtx *ctx,
             StrataNode     *base,
             StrataNode     *incoming)
{
  switch (rule_for (ctx))
    {
    case RULE_REPLACE:
      replace (ctx, base, incoming, STRATA_CHANGE_OVERRIDDEN, STRATA_ORIGIN_OVERRIDDEN);
      return TRUE;
    case RULE_KEY_VALUE:
      return merge_by_key (ctx, base, incoming);
    case RULE_LIST:
      return merge_list (ctx, base, incoming);
    case RULE_BUILD:
      build_to_mapping (base);
      build_to_mapping (incoming);
      break;
    case RULE_DEPENDS_ON:
    case RULE_NETWORKS:
      if (base->kind == STRATA_NODE_SEQUENCE)
        name_list_to_mapping (base, rule_for (ctx) == RULE_DEPENDS_ON);
      if (incoming->kind == STRATA_NODE_SEQUENCE)
        name_list_to_mapping (incoming, rule_for (ctx) == RULE_DEPENDS_ON);
      break;
    case RULE_LOGGING:
      if (drivers_differ (base, incoming))
        {
          replace (ctx, base, incoming, STRATA_CHANGE_OVERRIDDEN, STRATA_ORIGIN_OVERRIDDEN);
          return TRUE;
        }
      break;
    case RULE_DEFAULT:
    default:
      break;
    }
  return merge_default (ctx, base, incoming);
}

gboolean
strata_merge_file (StrataNode  *merged,
                   StrataNode  *file_root,
                   GPtrArray   *changes,
                   GError     **error)
{
  StrataMergeCtx ctx;
  gboolean ok;

  g_return_val_if_fail (merged != NULL && merged->kind == STRATA_NODE_MAPPING, FALSE);
  g_return_val_if_fail (file_root != NULL, FALSE);

  _strata_merge_ctx_init (&ctx, changes, error);
  if (file_root->kind != STRATA_NODE_MAPPING)
    ok = cannot_override (&ctx, file_root);
  else
    ok = merge_mappings (&ctx, merged, file_root);
  _strata_merge_ctx_clear (&ctx);
  return ok;
}

gboolean
strata_merge_service (StrataNode  *base,
                      StrataNode  *service,
                      GError     **error)
{
  StrataMergeCtx ctx;
  gboolean ok;

  _strata_merge_ctx_init (&ctx, NULL, error);
  _strata_merge_push (&ctx, "services");
  _strata_merge_push (&ctx, base->key ? base->key : "x");
  if (service->kind != STRATA_NODE_MAPPING || base->kind != STRATA_NODE_MAPPING)
    ok = cannot_override (&ctx, service);
  else
    ok = merge_mappings (&ctx, base, service);
  _strata_merge_ctx_clear (&ctx);
  return ok;
}
