/* strata-extends.c: services that extend other services
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `extends: NAME` or `extends: {service: NAME, file: PATH}`: the base is
 * resolved first (recursively, in its own file), copied, and the extending
 * service is merged onto the copy with the usual rules; `extends` goes.
 * A loop is an error that names the chain.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-canonical-private.h"
#include "strata-compose-error.h"
#include "strata-merge.h"
#include "strata-project-private.h"

typedef struct
{
  StrataEnvironment *environment;
  gboolean           interpolate;
  GPtrArray         *aux_layers;
  GPtrArray         *diagnostics;
  GPtrArray         *chain;       /* char *: "file:service" being resolved */
  GHashTable        *files;       /* absolute path → StrataNode root (owned) */
} Extends;

static gboolean resolve (Extends *x, StrataNode *services, StrataLayer *layer,
                         const char *name, GError **error);

static gboolean
cycle_error (Extends          *x,
             const StrataNode *extends,
             const char       *link,
             GError          **error)
{
  g_autoptr(GString) chain = g_string_new (NULL);

  for (guint i = 0; i < x->chain->len; i++)
    g_string_append_printf (chain, "%s → ", (char *) g_ptr_array_index (x->chain, i));
  g_string_append (chain, link);
  return _strata_set_error (error, STRATA_COMPOSE_ERROR_CYCLE, _strata_node_place (extends),
                            _("Break the loop: remove one of these `extends`, or point it at another service."),
                            _("extends loops: %s"), chain->str);
}

static gboolean
in_chain (Extends    *x,
          const char *link)
{
  for (guint i = 0; i < x->chain->len; i++)
    if (g_str_equal (g_ptr_array_index (x->chain, i), link))
      return TRUE;
  return FALSE;
}

/* The services of another file, read once and kept. */
static StrataNode *
services_of_file (Extends          *x,
                  const char       *path,
                  const StrataNode *file_node,
                  StrataLayer     **layer_out,
                  GError          **error)
{
  StrataNode *root = g_hash_table_lookup (x->files, path);
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr(StrataLayer) layer = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  if (root == NULL)
    {
      if (!g_file_get_contents (path, &text, &length, NULL))
        {
          _strata_set_error (error, STRATA_COMPOSE_ERROR_NOT_FOUND, &file_node->pos,
                             _("Fix the path (relative to the folder of this file) or create the file."),
                             _("cannot read %s, named by extends: no such file"), path);
          return NULL;
        }
      layer = strata_layer_new_take (path, g_steal_pointer (&text), length, STRATA_LAYER_ROLE_EXTENDS);
      root = _strata_project_read_file (layer, x->environment, x->interpolate, x->diagnostics, error);
      if (root == NULL)
        return NULL;
      /* what the other file says is relative to its own folder */
      _strata_resolve_relative_paths (root, dir, FALSE);
      g_hash_table_insert (x->files, g_strdup (path), root);
      g_ptr_array_add (x->aux_layers, strata_layer_ref (layer));
    }
  *layer_out = root->pos.layer;
  return strata_node_lookup (root, "services");
}

/* Puts @node in the place of the entry @name of @mapping. */
static void
put_in_place (StrataNode *mapping,
              const char *name,
              StrataNode *node)
{
  for (guint i = 0; i < mapping->children->len; i++)
    if (g_str_equal (((StrataNode *) g_ptr_array_index (mapping->children, i))->key, name))
      {
        strata_node_set_key (node, name);
        g_ptr_array_index (mapping->children, i) = node;
        return;
      }
}

static gboolean
find_base (Extends      *x,
           StrataNode   *services,
           StrataLayer  *layer,
           StrataNode   *extends,
           StrataNode  **base_out,
           GError      **error)
{
  const char *ref = extends->kind == STRATA_NODE_SCALAR ? extends->text
                                                        : strata_node_lookup_text (extends, "service");
  StrataNode *file = extends->kind == STRATA_NODE_MAPPING ? strata_node_lookup (extends, "file") : NULL;
  StrataLayer *base_layer = layer;
  StrataNode *base_services = services;
  g_autofree char *link = NULL;

  if (file != NULL && file->kind == STRATA_NODE_SCALAR && !strata_node_is_null (file))
    {
      g_autofree char *dir = g_path_get_dirname (strata_layer_get_path (layer));
      g_autofree char *path = g_canonicalize_filename (file->text, dir);
      base_services = services_of_file (x, path, file, &base_layer, error);
      if (base_services == NULL && error != NULL && *error != NULL)
        return FALSE;
    }
  if (ref == NULL || base_services == NULL || strata_node_lookup (base_services, ref) == NULL)
    return _strata_set_error (error, STRATA_COMPOSE_ERROR_INVALID, _strata_node_place (extends),
                              _("Name a service defined in that file, or fix the name."),
                              _("cannot extend service “%s”: no such service in %s"),
                              ref ? ref : "", strata_layer_get_basename (base_layer));
  link = g_strdup_printf ("%s:%s", strata_layer_get_basename (base_layer), ref);
  if (in_chain (x, link))
    return cycle_error (x, extends, link, error);
  if (!resolve (x, base_services, base_layer, ref, error))
    return FALSE;
  *base_out = strata_node_copy (strata_node_lookup (base_services, ref));
  return TRUE;
}

static gboolean
resolve (Extends     *x,
         StrataNode  *services,
         StrataLayer *layer,
         const char  *name,
         GError     **error)
{
  StrataNode *service = strata_node_lookup (services, name);
  g_autoptr(StrataNode) extends = NULL;
  StrataNode *base = NULL;
  StrataNode *taken;
  gboolean ok;

  if (service == NULL || service->kind != STRATA_NODE_MAPPING || strata_node_lookup (service, "extends") == NULL)
    return TRUE;

  g_ptr_array_add (x->chain, g_strdup_printf ("%s:%s", strata_layer_get_basename (layer), name));
  ok = find_base (x, services, layer, strata_node_lookup (service, "extends"), &base, error);
  g_ptr_array_remove_index (x->chain, x->chain->len - 1);
  if (!ok)
    return FALSE;

  /* The service leaves its mapping slot to the merged result. */
  extends = strata_node_steal (service, "extends");
  strata_node_remove (base, "extends");
  taken = service;
  put_in_place (services, name, base);
  return strata_merge_service (base, taken, error);
}

gboolean
_strata_extends_apply (StrataNode         *file_root,
                       StrataLayer        *layer,
                       StrataEnvironment  *environment,
                       gboolean            interpolate,
                       GPtrArray          *aux_layers,
                       GPtrArray          *diagnostics,
                       GError            **error)
{
  StrataNode *services = strata_node_lookup (file_root, "services");
  g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) strata_node_free);
  Extends x = { environment, interpolate, aux_layers, diagnostics, chain, files };
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (services == NULL || services->kind != STRATA_NODE_MAPPING)
    return TRUE;
  /* the names of the services that extend (resolving one replaces it) */
  for (guint i = 0; i < services->children->len; i++)
    {
      const StrataNode *service = g_ptr_array_index (services->children, i);

      if (service->kind == STRATA_NODE_MAPPING && strata_node_lookup (service, "extends") != NULL)
        g_ptr_array_add (names, g_strdup (service->key));
    }
  for (guint i = 0; i < names->len; i++)
    if (!resolve (&x, services, layer, g_ptr_array_index (names, i), error))
      return FALSE;
  return TRUE;
}
