/* strata-down-plan-resources.c: which networks and volumes `down` removes
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project's labelled networks, and its labelled volumes with -v, unless
 * a container that stays still uses them.  A network or volume declared
 * external, or another project's, stays: it is listed as kept when a
 * removed container used it, so that the plan says why it is left.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-down-plan-private.h"
#include "strata-engine-state-private.h"

/* Whether @container uses @id as @what says: "image" (an image id), "ref"
 * (an image reference), "network" (a network id) or "volume" (a name). */
static gboolean
container_uses (JsonObject *container,
                const char *what,
                const char *id)
{
  JsonObject *networks = _strata_json_object_member (_strata_json_object_member (container, "NetworkSettings"),
                                                     "Networks");
  JsonArray *mounts = json_object_has_member (container, "Mounts")
                      ? json_object_get_array_member (container, "Mounts") : NULL;
  gboolean uses = FALSE;

  if (g_str_equal (what, "image"))
    return g_strcmp0 (_strata_down_str (container, "ImageID"), id) == 0;
  if (g_str_equal (what, "ref"))
    {
      g_autofree char *ref = _strata_image_familiar_ref (_strata_down_str (container, "Image") ?: "");

      return g_str_equal (ref, id);
    }
  if (g_str_equal (what, "network") && networks != NULL)
    {
      g_autoptr(GList) values = json_object_get_values (networks);

      for (GList *l = values; l != NULL && !uses; l = l->next)
        uses = JSON_NODE_HOLDS_OBJECT (l->data)
               && g_strcmp0 (_strata_down_str (json_node_get_object (l->data), "NetworkID"), id) == 0;
    }
  for (guint j = 0; g_str_equal (what, "volume") && mounts != NULL && j < json_array_get_length (mounts) && !uses; j++)
    uses = g_strcmp0 (_strata_down_str (json_array_get_object_element (mounts, j), "Name"), id) == 0;

  return uses;
}

/* The first container that stays and uses @id as @what says; NULL if none. */
char *
_strata_down_staying_user (StrataDownCompute *c,
                           const char        *what,
                           const char        *id)
{
  for (guint i = 0; i < c->others->len; i++)
    if (container_uses (c->others->pdata[i], what, id))
      return _strata_down_container_name (c->others->pdata[i]);

  return NULL;
}

static gboolean
used_by_removed (StrataDownCompute *c,
                 const char        *what,
                 const char        *id)
{
  JsonArray *all = _strata_down_list (c, STRATA_DOWN_L_CONTAINERS);

  for (guint i = 0; all != NULL && i < json_array_get_length (all); i++)
    {
      JsonObject *container = json_array_get_object_element (all, i);

      if (_strata_down_plan_has (c->plan, STRATA_PLAN_CONTAINER, _strata_down_str (container, "Id"))
          && container_uses (container, what, id))
        return TRUE;
    }

  return FALSE;
}

static char *
foreign_why (JsonObject *object)
{
  const char *owner = _strata_down_label (object, STRATA_LABEL_PROJECT);

  if (owner != NULL)
    return g_strdup_printf (_("belongs to project “%s”"), owner);

  return g_strdup (_("external: not created by this project"));
}

/* One network or volume: @id is what containers refer to it by; a
 * @builtin one (bridge, an anonymous volume) is never listed as kept. */
static void
plan_resource (StrataDownCompute *c,
               StrataPlanKind     kind,
               JsonObject        *object,
               const char        *id,
               gboolean           builtin)
{
  const char *what = kind == STRATA_PLAN_NETWORK ? "network" : "volume";
  GStrv external = kind == STRATA_PLAN_NETWORK ? c->external_networks : c->external_volumes;
  const char *name = _strata_down_str (object, "Name");
  gboolean ours = g_strcmp0 (_strata_down_label (object, STRATA_LABEL_PROJECT), c->project) == 0;
  g_autofree char *user = NULL;
  g_autofree char *why = NULL;

  if (external != NULL && name != NULL && g_strv_contains ((const char * const *) external, name))
    {
      if (ours || used_by_removed (c, what, id))
        _strata_down_plan_keep (c->plan, kind, name, _("declared external in the files"));
    }
  else if (ours && kind == STRATA_PLAN_VOLUME && !c->volumes)
    _strata_down_plan_keep (c->plan, kind, name, _("volumes are removed only with -v"));
  else if (ours && (user = _strata_down_staying_user (c, what, id)) != NULL)
    {
      why = g_strdup_printf (_("in use by container “%s”, which stays"), user);
      _strata_down_plan_keep (c->plan, kind, name, why);
    }
  else if (ours)
    _strata_down_plan_add (c->plan, kind, id, name);
  else if (!builtin && used_by_removed (c, what, id))
    {
      why = foreign_why (object);
      _strata_down_plan_keep (c->plan, kind, name, why);
    }
}

/* Anonymous volumes are named by 64 hex digits; they go with their container. */
static gboolean
is_anonymous_volume (const char *name)
{
  if (name == NULL || strlen (name) != 64)
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;

  return TRUE;
}

static gboolean
is_predefined_network (const char *name)
{
  return g_strcmp0 (name, "bridge") == 0 || g_strcmp0 (name, "host") == 0 || g_strcmp0 (name, "none") == 0;
}

/* Networks are referred to by id, volumes by name. */
void
_strata_down_plan_networks_and_volumes (StrataDownCompute *c)
{
  for (StrataPlanKind kind = STRATA_PLAN_NETWORK; kind <= STRATA_PLAN_VOLUME; kind++)
    {
      gboolean network = kind == STRATA_PLAN_NETWORK;
      JsonArray *all = _strata_down_list (c, network ? STRATA_DOWN_L_NETWORKS : STRATA_DOWN_L_VOLUMES);

      for (guint i = 0; all != NULL && i < json_array_get_length (all); i++)
        {
          JsonObject *object = json_array_get_object_element (all, i);
          const char *name = _strata_down_str (object, "Name");

          plan_resource (c, kind, object, network ? _strata_down_str (object, "Id") : name,
                         network ? is_predefined_network (name) : is_anonymous_volume (name));
        }
    }
}
