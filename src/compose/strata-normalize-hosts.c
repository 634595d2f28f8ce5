/* strata-normalize-hosts.c: extra_hosts as compose-go's HostsList prints them
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The merge de-duplicates the items as written ("a:1.2.3.4" and
 * "a=1.2.3.4" are two items); only then does compose-go read each item as
 * host and addresses (split on the first '=', else the first ':'; addresses
 * split on ','; "[::1]" loses its brackets) and print every pair as
 * "host=ip", sorted, exact duplicates kept.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-canonical-private.h"
#include "strata-compose-error.h"
#include "strata-normalize-private.h"

#define HOST_HINT N_("Write each entry as `host=ip` (or `host:ip`), e.g. `db.local=10.0.0.5`.")

static char *
strip_brackets (const char *ip)
{
  gsize len = strlen (ip);

  if (len > 2 && ip[0] == '[' && ip[len - 1] == ']')
    return g_strndup (ip + 1, len - 2);
  return g_strdup (ip);
}

/* Appends one "host=ip" node per address of @item to @out. */
static gboolean
split_item (const StrataNode  *item,
            GPtrArray         *out,
            GError           **error)
{
  const char *sep = strchr (item->text, '=');
  g_autofree char *host = NULL;
  g_auto(GStrv) ips = NULL;

  if (sep == NULL)
    sep = strchr (item->text, ':');
  if (sep == NULL)
    return _strata_set_error (error, STRATA_COMPOSE_ERROR_TYPE, &item->pos, _(HOST_HINT),
                              "invalid additional host, missing IP: %s", item->text);
  host = g_strndup (item->text, sep - item->text);
  if (host[0] == '\0' || strpbrk (host, ":=") != NULL)
    return _strata_set_error (error, STRATA_COMPOSE_ERROR_TYPE, &item->pos, _(HOST_HINT),
                              "bad host name '%s'", host);

  ips = g_strsplit (sep + 1, ",", -1);
  for (guint i = 0; ips[i] != NULL; i++)
    {
      g_autofree char *ip = strip_brackets (ips[i]);
      StrataNode *node = strata_node_copy (item);

      strata_node_take_text (node, g_strdup_printf ("%s=%s", host, ip));
      g_ptr_array_add (out, node);
    }
  return TRUE;
}

static int
compare_text (gconstpointer a,
              gconstpointer b)
{
  const StrataNode *na = *(StrataNode **) a;
  const StrataNode *nb = *(StrataNode **) b;

  return strcmp (na->text, nb->text);
}

gboolean
_strata_normalize_extra_hosts (StrataNode  *parent,
                               GError     **error)
{
  StrataNode *hosts = parent ? strata_node_lookup (parent, "extra_hosts") : NULL;
  g_autoptr(GPtrArray) items = NULL;

  if (hosts == NULL || hosts->kind != STRATA_NODE_SEQUENCE)
    return TRUE;

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) strata_node_free);
  for (guint i = 0; i < strata_node_get_n_children (hosts); i++)
    {
      StrataNode *item = strata_node_get_child (hosts, i);

      if (item->kind == STRATA_NODE_SCALAR && item->text != NULL && !split_item (item, items, error))
        return FALSE;
    }
  g_ptr_array_sort (items, compare_text);

  strata_node_set_n_children (hosts, 0);
  while (items->len > 0)
    strata_node_append (hosts, g_ptr_array_steal_index (items, 0));
  return TRUE;
}
