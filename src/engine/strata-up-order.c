/* strata-up-order.c: which services `up` brings up, dependencies first
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The services asked for and, transitively, those they depend on; in an
 * order where each comes after its dependencies (ties by name, so that the
 * order is stable).  Compose works through the same graph in parallel.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-up-private.h"

static void
add_with_dependencies (JsonObject *services,
                       const char *name,
                       GHashTable *selected)
{
  JsonObject *deps;
  g_autoptr(GList) keys = NULL;

  if (g_hash_table_contains (selected, name) || !json_object_has_member (services, name))
    return;
  g_hash_table_add (selected, (gpointer) name);
  deps = _strata_json_object_member (_strata_json_object_member (services, name), "depends_on");
  keys = deps ? json_object_get_members (deps) : NULL;
  for (GList *l = keys; l != NULL; l = l->next)
    add_with_dependencies (services, l->data, selected);
}

static gboolean
ready (JsonObject *services,
       const char *name,
       GHashTable *selected,
       GHashTable *done)
{
  JsonObject *deps = _strata_json_object_member (_strata_json_object_member (services, name), "depends_on");
  g_autoptr(GList) keys = deps ? json_object_get_members (deps) : NULL;

  for (GList *l = keys; l != NULL; l = l->next)
    if (g_hash_table_contains (selected, l->data) && !g_hash_table_contains (done, l->data))
      return FALSE;

  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GStrv
_strata_up_order (JsonObject          *services,
                  const char * const  *wanted,
                  GError             **error)
{
  g_autoptr(GHashTable) selected = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) all = services ? json_object_get_members (services) : NULL;
  g_autoptr(GStrvBuilder) order = g_strv_builder_new ();
  g_autofree gpointer *names = NULL;
  guint n;

  for (guint i = 0; wanted != NULL && wanted[i] != NULL; i++)
    if (services == NULL || !json_object_has_member (services, wanted[i]))
      {
        g_set_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_NOT_FOUND,
                     _("no such service: %s; `strata config --services` lists them"), wanted[i]);
        return NULL;
      }
    else
      add_with_dependencies (services, wanted[i], selected);
  for (GList *l = all; wanted == NULL && l != NULL; l = l->next)
    add_with_dependencies (services, l->data, selected);

  names = g_hash_table_get_keys_as_array (selected, &n);
  g_qsort_with_data (names, n, sizeof (gpointer), compare_names, NULL);
  while (g_hash_table_size (done) < n)
    {
      gboolean progressed = FALSE;

      for (guint i = 0; i < n; i++)
        if (!g_hash_table_contains (done, names[i]) && ready (services, names[i], selected, done))
          {
            g_hash_table_add (done, names[i]);
            g_strv_builder_add (order, names[i]);
            progressed = TRUE;
            break;
          }
      if (!progressed)
        {
          g_set_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_PROTOCOL,
                       _("the services depend on each other in a cycle: break it in depends_on"));
          return NULL;
        }
    }

  return g_strv_builder_end (order);
}
