/* strata-node-item.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-node-item.h"

struct _StrataNodeItem
{
  GObject           parent_instance;

  /* Borrowed: the tree belongs to owner */
  const StrataNode *node;

  /* Owned references */
  GObject          *owner;
  char             *key;
  char             *path;
};

G_DEFINE_FINAL_TYPE (StrataNodeItem, strata_node_item, G_TYPE_OBJECT)

const char *
strata_origin_kind_to_label (StrataOriginKind origin)
{
  switch (origin)
    {
    case STRATA_ORIGIN_OVERRIDDEN:
      return _("overridden");
    case STRATA_ORIGIN_APPENDED:
      return _("appended");
    case STRATA_ORIGIN_MERGED_BY_KEY:
      return _("merged by key");
    case STRATA_ORIGIN_REPLACED_BY_TARGET:
      return _("replaced by target");
    case STRATA_ORIGIN_RESET:
      return _("reset");
    case STRATA_ORIGIN_OVERRIDE_TAG:
      return _("replaced (!override)");
    case STRATA_ORIGIN_DERIVED:
      return _("derived");
    case STRATA_ORIGIN_INTERPOLATED:
      return _("interpolated");
    case STRATA_ORIGIN_DEFINED:
    default:
      return "";
    }
}

static void
strata_node_item_finalize (GObject *object)
{
  StrataNodeItem *self = STRATA_NODE_ITEM (object);

  g_clear_object (&self->owner);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (strata_node_item_parent_class)->finalize (object);
}

static void
strata_node_item_class_init (StrataNodeItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = strata_node_item_finalize;
}

static void
strata_node_item_init (StrataNodeItem *self)
{
}

StrataNodeItem *
strata_node_item_new (GObject          *owner,
                      const StrataNode *node,
                      const char       *parent_path,
                      guint             index)
{
  StrataNodeItem *self;

  g_return_val_if_fail (node != NULL, NULL);

  self = g_object_new (STRATA_TYPE_NODE_ITEM, NULL);
  self->owner = owner ? g_object_ref (owner) : NULL;
  self->node = node;
  self->key = node->key ? g_strdup (node->key) : g_strdup_printf ("[%u]", index);
  self->path = parent_path ? g_strconcat (parent_path, "/", self->key, NULL) : g_strdup (self->key);

  return self;
}

const StrataNode *
strata_node_item_get_node (StrataNodeItem *self)
{
  g_return_val_if_fail (STRATA_IS_NODE_ITEM (self), NULL);

  return self->node;
}

GObject *
strata_node_item_get_owner (StrataNodeItem *self)
{
  g_return_val_if_fail (STRATA_IS_NODE_ITEM (self), NULL);

  return self->owner;
}

const char *
strata_node_item_get_key (StrataNodeItem *self)
{
  g_return_val_if_fail (STRATA_IS_NODE_ITEM (self), NULL);

  return self->key;
}

/* A stable name for the row ("services/django/ports/[1]"), used to keep
 * expansion across reloads. */
const char *
strata_node_item_get_path (StrataNodeItem *self)
{
  g_return_val_if_fail (STRATA_IS_NODE_ITEM (self), NULL);

  return self->path;
}

char *
strata_node_item_dup_value (StrataNodeItem *self)
{
  const StrataNode *node;
  guint n;

  g_return_val_if_fail (STRATA_IS_NODE_ITEM (self), NULL);

  node = self->node;
  n = strata_node_get_n_children (node);
  if (node->kind == STRATA_NODE_SCALAR)
    return g_strdup (node->type == STRATA_VALUE_NULL ? "null" : node->text);
  if (node->kind == STRATA_NODE_MAPPING)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u key", "%u keys", n), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n), n);
}

/* "docker-compose.override.yml:12", or NULL when the value has no place. */
char *
strata_node_item_dup_source (StrataNodeItem *self)
{
  const StrataPosition *pos;

  g_return_val_if_fail (STRATA_IS_NODE_ITEM (self), NULL);

  pos = &self->node->pos;
  if (pos->layer == NULL || pos->line == 0)
    return NULL;

  return g_strdup_printf ("%s:%u", strata_layer_get_basename (pos->layer), pos->line);
}

/* What the value shadowed: one line per position, "file:line  text". */
char *
strata_node_item_dup_shadowed (StrataNodeItem *self)
{
  g_autoptr(GString) str = NULL;
  const StrataPositionList *shadowed;

  g_return_val_if_fail (STRATA_IS_NODE_ITEM (self), NULL);

  shadowed = self->node->shadowed;
  if (shadowed == NULL || shadowed->len == 0)
    return NULL;

  str = g_string_new (NULL);
  for (guint i = 0; i < shadowed->len; i++)
    {
      const StrataPosition *pos = &g_array_index (shadowed, StrataPosition, i);
      g_autofree char *line = pos->layer ? strata_layer_dup_line (pos->layer, pos->line) : NULL;

      if (pos->layer == NULL)
        continue;
      if (str->len > 0)
        g_string_append_c (str, '\n');
      g_string_append_printf (str, _("was %s:%u"), strata_layer_get_basename (pos->layer), pos->line);
      if (line != NULL)
        g_string_append_printf (str, "  %s", g_strstrip (line));
    }

  return str->len ? g_string_free (g_steal_pointer (&str), FALSE) : NULL;
}

const char *
strata_node_item_get_origin_label (StrataNodeItem *self)
{
  g_return_val_if_fail (STRATA_IS_NODE_ITEM (self), NULL);

  return strata_origin_kind_to_label (self->node->origin);
}

static GListStore *
list_children (GObject          *owner,
               const StrataNode *node,
               const char       *path)
{
  GListStore *store = g_list_store_new (STRATA_TYPE_NODE_ITEM);
  guint n = strata_node_get_n_children (node);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StrataNodeItem) item =
        strata_node_item_new (owner, strata_node_get_child (node, i), path, i);

      g_list_store_append (store, item);
    }

  return store;
}

GListStore *
strata_node_item_list_children (StrataNodeItem *self)
{
  g_return_val_if_fail (STRATA_IS_NODE_ITEM (self), NULL);

  if (self->node->kind == STRATA_NODE_SCALAR)
    return NULL;

  return list_children (self->owner, self->node, self->path);
}

/* The items for the top-level keys of @root. */
GListStore *
strata_node_item_list_root (GObject          *owner,
                            const StrataNode *root)
{
  g_return_val_if_fail (root != NULL, NULL);

  return list_children (owner, root, NULL);
}
