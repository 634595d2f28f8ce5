/* strata-down-plan-images.c: which images `down --rmi` removes
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * compose's image_pruner.go: with --rmi all the images of the removed
 * containers' services, with --rmi local only those compose built
 * (PROJECT-SERVICE); with either, the images labelled with the project.
 * An image another container still uses stays.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-down-plan-private.h"
#include "strata-engine-state-private.h"

/* An image's tags; NULL when it has none. */
static JsonArray *
repo_tags (JsonObject *image)
{
  JsonNode *tags = json_object_has_member (image, "RepoTags") ? json_object_get_member (image, "RepoTags") : NULL;

  return tags != NULL && JSON_NODE_HOLDS_ARRAY (tags) ? json_node_get_array (tags) : NULL;
}

static guint
tag_count (JsonObject *image)
{
  JsonArray *tags = repo_tags (image);

  return tags != NULL ? json_array_get_length (tags) : 0;
}

static void
add_candidate (GPtrArray  *candidates,
               const char *ref)
{
  g_autofree char *familiar = NULL;

  if (ref == NULL || *ref == '\0')
    return;
  familiar = _strata_image_familiar_ref (ref);
  if (!g_ptr_array_find_with_equal_func (candidates, familiar, g_str_equal, NULL))
    g_ptr_array_add (candidates, g_steal_pointer (&familiar));
}

static void
service_image_candidates (StrataDownCompute *c,
                          GPtrArray         *candidates)
{
  JsonArray *all = _strata_down_list (c, STRATA_DOWN_L_CONTAINERS);

  for (guint i = 0; all != NULL && i < json_array_get_length (all); i++)
    {
      JsonObject *container = json_array_get_object_element (all, i);
      const char *service = _strata_down_label (container, STRATA_LABEL_SERVICE);
      g_autofree char *built = g_strdup_printf ("%s-%s", c->project, service ? service : "");
      g_autofree char *built_ref = _strata_image_familiar_ref (built);
      g_autofree char *ref = _strata_image_familiar_ref (_strata_down_str (container, "Image") ?: "");

      if (!_strata_down_plan_has (c->plan, STRATA_PLAN_CONTAINER, _strata_down_str (container, "Id"))
          || g_strcmp0 (_strata_down_label (container, STRATA_LABEL_ONEOFF), "True") == 0
          || !_strata_down_service_known (c, service))
        continue;
      /* --rmi local: only what compose built, named PROJECT-SERVICE by default. */
      if (c->rmi == STRATA_RMI_ALL || g_str_equal (ref, built_ref))
        add_candidate (candidates, ref);
    }
}

static void
labelled_image_candidates (StrataDownCompute *c,
                           GPtrArray         *candidates)
{
  JsonArray *all = _strata_down_list (c, STRATA_DOWN_L_IMAGES);

  for (guint i = 0; all != NULL && i < json_array_get_length (all); i++)
    {
      JsonObject *image = json_array_get_object_element (all, i);
      JsonArray *tags = repo_tags (image);

      if (g_strcmp0 (_strata_down_label (image, STRATA_LABEL_PROJECT), c->project) != 0
          || tags == NULL || json_array_get_length (tags) == 0)
        continue;
      if (c->remove_orphans || _strata_down_service_known (c, _strata_down_label (image, STRATA_LABEL_SERVICE)))
        add_candidate (candidates, json_array_get_string_element (tags, 0));
    }
}

static JsonObject *
find_image (StrataDownCompute *c,
            const char        *familiar)
{
  JsonArray *all = _strata_down_list (c, STRATA_DOWN_L_IMAGES);

  for (guint i = 0; all != NULL && i < json_array_get_length (all); i++)
    {
      JsonObject *image = json_array_get_object_element (all, i);
      JsonArray *tags = repo_tags (image);

      for (guint j = 0; tags != NULL && j < json_array_get_length (tags); j++)
        {
          g_autofree char *tag = _strata_image_familiar_ref (json_array_get_string_element (tags, j));

          if (g_str_equal (tag, familiar))
            return image;
        }
    }

  return NULL;
}

void
_strata_down_plan_images (StrataDownCompute *c)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);

  if (c->rmi == STRATA_RMI_NONE)
    return;
  service_image_candidates (c, candidates);
  labelled_image_candidates (c, candidates);
  for (guint i = 0; i < candidates->len; i++)
    {
      const char *ref = candidates->pdata[i];
      JsonObject *image = find_image (c, ref);
      g_autofree char *user = NULL;
      g_autofree char *why = NULL;

      if (image == NULL)
        continue;  /* compose skips images that do not exist */
      /* Removing one of several tags only untags: what matters then is who
       * uses that very reference.  Removing the last tag deletes the image. */
      if ((user = _strata_down_staying_user (c, "ref", ref)) != NULL
          || (tag_count (image) <= 1
              && (user = _strata_down_staying_user (c, "image", _strata_down_str (image, "Id"))) != NULL))
        {
          why = g_strdup_printf (_("used by container “%s”, which stays"), user);
          _strata_down_plan_keep (c->plan, STRATA_PLAN_IMAGE, ref, why);
        }
      else
        _strata_down_plan_add (c->plan, STRATA_PLAN_IMAGE, ref, ref);
    }
}
