/* strata-down-plan-compute.c: the plan of `down`, from the engine's state
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compose's rules (pkg/compose/down.go, image_pruner.go of v2.26.1): the
 * project's containers (one-off ones and orphans only with
 * --remove-orphans); the networks labelled with the project; with -v, its
 * labelled volumes; with --rmi all, the images its services use and those
 * compose built for it, with --rmi local only the latter.  Like compose,
 * only containers with its config hash label count, and without
 * --remove-orphans only those labelled oneoff=False.  On top of that,
 * Strata never touches what another container still uses, nor anything
 * without the project's labels; those are listed as kept, with the reason.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-down-plan-private.h"
#include "strata-engine-private.h"
#include "strata-engine-state-private.h"

enum { L_CONTAINERS, L_NETWORKS, L_VOLUMES, L_IMAGES, N_LISTS };

typedef struct
{
  char              *project;
  StrataRmiMode      rmi;
  gboolean           volumes;
  gboolean           remove_orphans;
  GStrv              services;
  GStrv              external_networks;
  GStrv              external_volumes;
  JsonNode          *lists[N_LISTS];
  guint              pending;
  GError            *error;
  /* while building */
  StrataDownPlan    *plan;
  GPtrArray         *others;   /* JsonObject: containers that stay */
} Compute;

static void
compute_free (Compute *c)
{
  g_free (c->project);
  g_strfreev (c->services);
  g_strfreev (c->external_networks);
  g_strfreev (c->external_volumes);
  for (guint i = 0; i < N_LISTS; i++)
    g_clear_pointer (&c->lists[i], json_node_unref);
  g_clear_error (&c->error);
  g_clear_object (&c->plan);
  g_clear_pointer (&c->others, g_ptr_array_unref);
  g_free (c);
}

static JsonArray *
array_of (JsonNode   *node,
          const char *member)
{
  if (node != NULL && member != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      node = json_object_has_member (object, member) ? json_object_get_member (object, member) : NULL;
    }

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static const char *
str (JsonObject *object,
     const char *member)
{
  return _strata_json_label (object, member);
}

static const char *
label_of (JsonObject *object,
          const char *key)
{
  return _strata_json_label (_strata_json_object_member (object, "Labels"), key);
}

static char *
container_name (JsonObject *container)
{
  JsonArray *names = json_object_has_member (container, "Names")
                     ? json_object_get_array_member (container, "Names") : NULL;
  const char *name = names && json_array_get_length (names) > 0
                     ? json_array_get_string_element (names, 0) : str (container, "Id");

  return g_strdup (name[0] == '/' ? name + 1 : name);
}

static gboolean
service_known (Compute    *c,
               const char *service)
{
  return c->services == NULL || g_strv_contains ((const char * const *) c->services, service);
}

/* --- containers ------------------------------------------------------------ */

static void
plan_containers (Compute *c)
{
  JsonArray *all = array_of (c->lists[L_CONTAINERS], NULL);

  for (guint i = 0; all != NULL && i < json_array_get_length (all); i++)
    {
      JsonObject *container = json_array_get_object_element (all, i);
      g_autofree char *name = container_name (container);
      const char *service = label_of (container, STRATA_LABEL_SERVICE);
      gboolean oneoff = g_strcmp0 (label_of (container, STRATA_LABEL_ONEOFF), "True") == 0;

      if (g_strcmp0 (label_of (container, STRATA_LABEL_PROJECT), c->project) != 0)
        g_ptr_array_add (c->others, container);
      else if (label_of (container, STRATA_LABEL_CONFIG_HASH) == NULL)
        {
          /* Compose only manages containers carrying its config hash. */
          g_ptr_array_add (c->others, container);
          _strata_down_plan_keep (c->plan, STRATA_PLAN_CONTAINER, name,
                                  _("not created by compose (no com.docker.compose.config-hash label)"));
        }
      else if (!c->remove_orphans && g_strcmp0 (label_of (container, STRATA_LABEL_ONEOFF), "False") != 0)
        {
          g_ptr_array_add (c->others, container);
          _strata_down_plan_keep (c->plan, STRATA_PLAN_CONTAINER, name,
                                  _("one-off container (docker compose run); use --remove-orphans"));
        }
      else if (!oneoff && !service_known (c, service) && !c->remove_orphans)
        {
          g_autofree char *why = g_strdup_printf (_("orphan: service “%s” is not in the configuration; "
                                                    "use --remove-orphans"), service ? service : "");

          g_ptr_array_add (c->others, container);
          _strata_down_plan_keep (c->plan, STRATA_PLAN_CONTAINER, name, why);
        }
      else
        _strata_down_plan_add (c->plan, STRATA_PLAN_CONTAINER, str (container, "Id"), name);
    }
}

/* The first container that stays and uses @id (network id, volume name or
 * image id) as @what says; NULL if none. */
static char *
staying_user (Compute    *c,
              const char *what,
              const char *id)
{
  for (guint i = 0; i < c->others->len; i++)
    {
      JsonObject *container = c->others->pdata[i];
      JsonObject *settings = _strata_json_object_member (container, "NetworkSettings");
      JsonObject *networks = _strata_json_object_member (settings, "Networks");
      JsonArray *mounts = json_object_has_member (container, "Mounts")
                          ? json_object_get_array_member (container, "Mounts") : NULL;
      gboolean uses = FALSE;

      if (g_str_equal (what, "image"))
        uses = g_strcmp0 (str (container, "ImageID"), id) == 0;
      else if (g_str_equal (what, "ref"))
        {
          g_autofree char *ref = _strata_image_familiar_ref (str (container, "Image") ? str (container, "Image") : "");

          uses = g_str_equal (ref, id);
        }
      else if (g_str_equal (what, "network") && networks != NULL)
        {
          g_autoptr(GList) values = json_object_get_values (networks);

          for (GList *l = values; l != NULL && !uses; l = l->next)
            uses = JSON_NODE_HOLDS_OBJECT (l->data)
                   && g_strcmp0 (str (json_node_get_object (l->data), "NetworkID"), id) == 0;
        }
      else if (g_str_equal (what, "volume"))
        for (guint j = 0; mounts != NULL && j < json_array_get_length (mounts) && !uses; j++)
          uses = g_strcmp0 (str (json_array_get_object_element (mounts, j), "Name"), id) == 0;

      if (uses)
        return container_name (container);
    }

  return NULL;
}

static char *
in_use_why (const char *user)
{
  return g_strdup_printf (_("in use by container “%s”, which stays"), user);
}

static char *
foreign_why (JsonObject *object)
{
  const char *owner = label_of (object, STRATA_LABEL_PROJECT);

  if (owner != NULL)
    return g_strdup_printf (_("belongs to project “%s”"), owner);

  return g_strdup (_("external: not created by this project"));
}

/* --- networks and volumes --------------------------------------------------- */

static gboolean
used_by_removed (Compute    *c,
                 const char *what,
                 const char *id)
{
  JsonArray *all = array_of (c->lists[L_CONTAINERS], NULL);

  for (guint i = 0; all != NULL && i < json_array_get_length (all); i++)
    {
      JsonObject *container = json_array_get_object_element (all, i);
      JsonObject *networks = _strata_json_object_member (_strata_json_object_member (container, "NetworkSettings"),
                                                         "Networks");
      JsonArray *mounts = json_object_has_member (container, "Mounts")
                          ? json_object_get_array_member (container, "Mounts") : NULL;

      if (!_strata_down_plan_has (c->plan, STRATA_PLAN_CONTAINER, str (container, "Id")))
        continue;
      if (g_str_equal (what, "network") && networks != NULL)
        {
          g_autoptr(GList) values = json_object_get_values (networks);

          for (GList *l = values; l != NULL; l = l->next)
            if (JSON_NODE_HOLDS_OBJECT (l->data)
                && g_strcmp0 (str (json_node_get_object (l->data), "NetworkID"), id) == 0)
              return TRUE;
        }
      for (guint j = 0; g_str_equal (what, "volume") && mounts != NULL && j < json_array_get_length (mounts); j++)
        if (g_strcmp0 (str (json_array_get_object_element (mounts, j), "Name"), id) == 0)
          return TRUE;
    }

  return FALSE;
}

static gboolean
declared_external (GStrv       names,
                   const char *name)
{
  return names != NULL && name != NULL && g_strv_contains ((const char * const *) names, name);
}

static gboolean
is_predefined_network (const char *name)
{
  return g_strcmp0 (name, "bridge") == 0 || g_strcmp0 (name, "host") == 0
         || g_strcmp0 (name, "none") == 0;
}

static void
plan_networks (Compute *c)
{
  JsonArray *all = array_of (c->lists[L_NETWORKS], NULL);

  for (guint i = 0; all != NULL && i < json_array_get_length (all); i++)
    {
      JsonObject *network = json_array_get_object_element (all, i);
      const char *id = str (network, "Id");
      const char *name = str (network, "Name");
      g_autofree char *user = NULL;
      g_autofree char *why = NULL;

      if (declared_external (c->external_networks, name))
        {
          if (used_by_removed (c, "network", id) || g_strcmp0 (label_of (network, STRATA_LABEL_PROJECT), c->project) == 0)
            _strata_down_plan_keep (c->plan, STRATA_PLAN_NETWORK, name, _("declared external in the files"));
        }
      else if (g_strcmp0 (label_of (network, STRATA_LABEL_PROJECT), c->project) == 0)
        {
          if ((user = staying_user (c, "network", id)) != NULL)
            _strata_down_plan_keep (c->plan, STRATA_PLAN_NETWORK, name, why = in_use_why (user));
          else
            _strata_down_plan_add (c->plan, STRATA_PLAN_NETWORK, id, name);
        }
      else if (!is_predefined_network (name) && used_by_removed (c, "network", id))
        _strata_down_plan_keep (c->plan, STRATA_PLAN_NETWORK, name, why = foreign_why (network));
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

static void
plan_volumes (Compute *c)
{
  JsonArray *all = array_of (c->lists[L_VOLUMES], "Volumes");

  for (guint i = 0; all != NULL && i < json_array_get_length (all); i++)
    {
      JsonObject *volume = json_array_get_object_element (all, i);
      const char *name = str (volume, "Name");
      g_autofree char *user = NULL;
      g_autofree char *why = NULL;

      if (declared_external (c->external_volumes, name))
        {
          if (used_by_removed (c, "volume", name) || g_strcmp0 (label_of (volume, STRATA_LABEL_PROJECT), c->project) == 0)
            _strata_down_plan_keep (c->plan, STRATA_PLAN_VOLUME, name, _("declared external in the files"));
        }
      else if (g_strcmp0 (label_of (volume, STRATA_LABEL_PROJECT), c->project) == 0)
        {
          if (!c->volumes)
            _strata_down_plan_keep (c->plan, STRATA_PLAN_VOLUME, name,
                                    _("volumes are removed only with -v"));
          else if ((user = staying_user (c, "volume", name)) != NULL)
            _strata_down_plan_keep (c->plan, STRATA_PLAN_VOLUME, name, why = in_use_why (user));
          else
            _strata_down_plan_add (c->plan, STRATA_PLAN_VOLUME, name, name);
        }
      else if (!is_anonymous_volume (name) && used_by_removed (c, "volume", name))
        _strata_down_plan_keep (c->plan, STRATA_PLAN_VOLUME, name, why = foreign_why (volume));
    }
}

/* --- images ------------------------------------------------------------------ */

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
service_image_candidates (Compute   *c,
                          GPtrArray *candidates)
{
  JsonArray *all = array_of (c->lists[L_CONTAINERS], NULL);

  for (guint i = 0; all != NULL && i < json_array_get_length (all); i++)
    {
      JsonObject *container = json_array_get_object_element (all, i);
      const char *service = label_of (container, STRATA_LABEL_SERVICE);
      g_autofree char *built = g_strdup_printf ("%s-%s", c->project, service ? service : "");
      g_autofree char *built_ref = _strata_image_familiar_ref (built);
      g_autofree char *ref = _strata_image_familiar_ref (str (container, "Image") ? str (container, "Image") : "");

      if (!_strata_down_plan_has (c->plan, STRATA_PLAN_CONTAINER, str (container, "Id"))
          || g_strcmp0 (label_of (container, STRATA_LABEL_ONEOFF), "True") == 0
          || !service_known (c, service))
        continue;
      /* --rmi local: only what compose built, named PROJECT-SERVICE by default. */
      if (c->rmi == STRATA_RMI_ALL || g_str_equal (ref, built_ref))
        add_candidate (candidates, ref);
    }
}

static void
labelled_image_candidates (Compute   *c,
                           GPtrArray *candidates)
{
  JsonArray *all = array_of (c->lists[L_IMAGES], NULL);

  for (guint i = 0; all != NULL && i < json_array_get_length (all); i++)
    {
      JsonObject *image = json_array_get_object_element (all, i);
      JsonArray *tags = json_object_has_member (image, "RepoTags")
                        && JSON_NODE_HOLDS_ARRAY (json_object_get_member (image, "RepoTags"))
                        ? json_object_get_array_member (image, "RepoTags") : NULL;

      if (g_strcmp0 (label_of (image, STRATA_LABEL_PROJECT), c->project) != 0
          || tags == NULL || json_array_get_length (tags) == 0)
        continue;
      if (c->remove_orphans || service_known (c, label_of (image, STRATA_LABEL_SERVICE)))
        add_candidate (candidates, json_array_get_string_element (tags, 0));
    }
}

static JsonObject *
find_image (Compute    *c,
            const char *familiar)
{
  JsonArray *all = array_of (c->lists[L_IMAGES], NULL);

  for (guint i = 0; all != NULL && i < json_array_get_length (all); i++)
    {
      JsonObject *image = json_array_get_object_element (all, i);
      JsonArray *tags = json_object_has_member (image, "RepoTags")
                        && JSON_NODE_HOLDS_ARRAY (json_object_get_member (image, "RepoTags"))
                        ? json_object_get_array_member (image, "RepoTags") : NULL;

      for (guint j = 0; tags != NULL && j < json_array_get_length (tags); j++)
        {
          g_autofree char *tag = _strata_image_familiar_ref (json_array_get_string_element (tags, j));

          if (g_str_equal (tag, familiar))
            return image;
        }
    }

  return NULL;
}

static guint
tag_count (JsonObject *image)
{
  JsonNode *tags = json_object_has_member (image, "RepoTags")
                   ? json_object_get_member (image, "RepoTags") : NULL;

  return tags && JSON_NODE_HOLDS_ARRAY (tags) ? json_array_get_length (json_node_get_array (tags)) : 0;
}

static void
plan_images (Compute *c)
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
      if ((user = staying_user (c, "ref", ref)) != NULL
          || (tag_count (image) <= 1 && (user = staying_user (c, "image", str (image, "Id"))) != NULL))
        {
          why = g_strdup_printf (_("used by container “%s”, which stays"), user);
          _strata_down_plan_keep (c->plan, STRATA_PLAN_IMAGE, ref, why);
        }
      else
        _strata_down_plan_add (c->plan, STRATA_PLAN_IMAGE, ref, ref);
    }
}

/* --- async ------------------------------------------------------------------- */

static StrataDownPlan *
build_plan (Compute *c)
{
  c->plan = _strata_down_plan_new (c->project);
  c->plan->remove_volumes = c->volumes;
  c->others = g_ptr_array_new ();
  plan_containers (c);
  plan_networks (c);
  plan_volumes (c);
  plan_images (c);
  _strata_down_plan_sort (c->plan);

  return g_steal_pointer (&c->plan);
}

typedef struct
{
  GTask *task;
  guint  which;
} ListCall;

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  ListCall *call = user_data;
  g_autoptr(GTask) task = call->task;
  Compute *c = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  c->lists[call->which] = strata_engine_request_finish (STRATA_ENGINE (object), result, &error);
  if (error != NULL && c->error == NULL)
    c->error = g_steal_pointer (&error);
  g_free (call);
  if (--c->pending > 0)
    return;
  if (c->error != NULL)
    g_task_return_error (task, g_steal_pointer (&c->error));
  else
    g_task_return_pointer (task, build_plan (c), g_object_unref);
}

static void
start_list (GTask        *task,
            StrataEngine *engine,
            guint         which,
            const char   *path)
{
  ListCall *call = g_new0 (ListCall, 1);

  call->task = g_object_ref (task);
  call->which = which;
  strata_engine_request_async (engine, "GET", path, NULL, g_task_get_cancellable (task), list_cb, call);
}

void
strata_down_plan_compute_async (StrataEngine            *engine,
                                const char              *project,
                                const StrataDownOptions *options,
                                GCancellable            *cancellable,
                                GAsyncReadyCallback      callback,
                                gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  Compute *c;

  g_return_if_fail (STRATA_IS_ENGINE (engine));
  g_return_if_fail (project != NULL && options != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, strata_down_plan_compute_async);
  c = g_new0 (Compute, 1);
  c->project = g_ascii_strdown (project, -1);
  c->rmi = options->rmi;
  c->volumes = options->volumes;
  c->remove_orphans = options->remove_orphans;
  c->services = options->services ? g_strdupv ((char **) options->services) : NULL;
  c->external_networks = options->external_networks ? g_strdupv ((char **) options->external_networks) : NULL;
  c->external_volumes = options->external_volumes ? g_strdupv ((char **) options->external_volumes) : NULL;
  c->pending = N_LISTS;
  g_task_set_task_data (task, c, (GDestroyNotify) compute_free);

  start_list (task, engine, L_CONTAINERS, "/containers/json?all=1");
  start_list (task, engine, L_NETWORKS, "/networks");
  start_list (task, engine, L_VOLUMES, "/volumes");
  start_list (task, engine, L_IMAGES, "/images/json");
}

StrataDownPlan *
strata_down_plan_compute_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == strata_down_plan_compute_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
