/* strata-engine-project.c: the live state of one compose project
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Discovered from labels: the containers' com.docker.compose.project, and
 * the working folder and config files compose records, so that the project
 * reopens with the same files in the same order.  The images are those the
 * containers were created from.
 */

#include "config.h"

#include "strata-engine-state-private.h"

struct _StrataEngineProject
{
  GObject     parent_instance;

  char       *name;
  char       *working_dir;
  GStrv       config_files;
  GListStore *containers;
  GListStore *networks;
  GListStore *volumes;
  GListStore *images;
};

G_DEFINE_FINAL_TYPE (StrataEngineProject, strata_engine_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_WORKING_DIR,
  PROP_CONFIG_FILES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
strata_engine_project_finalize (GObject *object)
{
  StrataEngineProject *self = STRATA_ENGINE_PROJECT (object);

  g_free (self->name);
  g_free (self->working_dir);
  g_strfreev (self->config_files);
  g_clear_object (&self->containers);
  g_clear_object (&self->networks);
  g_clear_object (&self->volumes);
  g_clear_object (&self->images);

  G_OBJECT_CLASS (strata_engine_project_parent_class)->finalize (object);
}

static void
strata_engine_project_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  StrataEngineProject *self = STRATA_ENGINE_PROJECT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_WORKING_DIR:
      g_value_set_string (value, self->working_dir);
      break;
    case PROP_CONFIG_FILES:
      g_value_set_boxed (value, self->config_files);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
strata_engine_project_class_init (StrataEngineProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = strata_engine_project_finalize;
  object_class->get_property = strata_engine_project_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_WORKING_DIR] = g_param_spec_string ("working-dir", NULL, NULL, NULL, flags);
  properties[PROP_CONFIG_FILES] = g_param_spec_boxed ("config-files", NULL, NULL, G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
strata_engine_project_init (StrataEngineProject *self)
{
  self->containers = g_list_store_new (STRATA_TYPE_CONTAINER);
  self->networks = g_list_store_new (STRATA_TYPE_RESOURCE);
  self->volumes = g_list_store_new (STRATA_TYPE_RESOURCE);
  self->images = g_list_store_new (STRATA_TYPE_RESOURCE);
}

StrataEngineProject *
_strata_engine_project_new (const char *name)
{
  StrataEngineProject *self = g_object_new (STRATA_TYPE_ENGINE_PROJECT, NULL);

  self->name = g_strdup (name);

  return self;
}

/* From a container's labels; config_files is comma-separated, in -f order. */
void
_strata_engine_project_set_origin (StrataEngineProject *self,
                                   JsonObject          *labels)
{
  const char *working_dir = _strata_json_label (labels, STRATA_LABEL_WORKING_DIR);
  const char *files = _strata_json_label (labels, STRATA_LABEL_CONFIG_FILES);
  g_auto(GStrv) split = files ? g_strsplit (files, ",", -1) : NULL;

  if (working_dir != NULL && g_strcmp0 (working_dir, self->working_dir) != 0)
    {
      g_free (self->working_dir);
      self->working_dir = g_strdup (working_dir);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKING_DIR]);
    }
  if (split != NULL && (self->config_files == NULL
                        || !g_strv_equal ((const char * const *) split,
                                          (const char * const *) self->config_files)))
    {
      g_strfreev (self->config_files);
      self->config_files = g_steal_pointer (&split);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIG_FILES]);
    }
}

static gboolean
find_by_id (GListStore *store,
            const char *id,
            guint      *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      const char *item_id = STRATA_IS_CONTAINER (item)
                            ? strata_container_get_id (STRATA_CONTAINER (item))
                            : strata_resource_get_id (STRATA_RESOURCE (item));

      if (g_strcmp0 (item_id, id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

StrataContainer *
strata_engine_project_find_container (StrataEngineProject *self,
                                      const char          *id)
{
  g_autoptr(StrataContainer) container = NULL;
  guint position;

  g_return_val_if_fail (STRATA_IS_ENGINE_PROJECT (self), NULL);

  if (!find_by_id (self->containers, id, &position))
    return NULL;
  container = g_list_model_get_item (G_LIST_MODEL (self->containers), position);

  /* Borrowed: the store holds a reference. */
  return container;
}

static int
compare_containers (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  StrataContainer *x = (StrataContainer *) a;
  StrataContainer *y = (StrataContainer *) b;

  return g_strcmp0 (strata_container_get_name (x), strata_container_get_name (y));
}

void
_strata_engine_project_add_container (StrataEngineProject *self,
                                      StrataContainer     *container)
{
  g_list_store_insert_sorted (self->containers, container, compare_containers, NULL);
  _strata_engine_project_sync_images (self);
}

gboolean
_strata_engine_project_remove_container (StrataEngineProject *self,
                                         const char          *id)
{
  guint position;

  if (!find_by_id (self->containers, id, &position))
    return FALSE;
  g_list_store_remove (self->containers, position);
  _strata_engine_project_sync_images (self);

  return TRUE;
}

static GListStore *
store_for (StrataEngineProject *self,
           StrataResourceKind   kind)
{
  switch (kind)
    {
    case STRATA_RESOURCE_NETWORK: return self->networks;
    case STRATA_RESOURCE_VOLUME: return self->volumes;
    case STRATA_RESOURCE_IMAGE: return self->images;
    default: g_assert_not_reached ();
    }
}

void
_strata_engine_project_add_resource (StrataEngineProject *self,
                                     StrataResource      *resource)
{
  GListStore *store = store_for (self, strata_resource_get_kind (resource));
  guint position;

  if (find_by_id (store, strata_resource_get_id (resource), &position))
    g_list_store_splice (store, position, 1, (gpointer *) &resource, 1);
  else
    g_list_store_append (store, resource);
}

gboolean
_strata_engine_project_remove_resource (StrataEngineProject *self,
                                        StrataResourceKind   kind,
                                        const char          *id)
{
  GListStore *store = store_for (self, kind);
  guint position;

  if (!find_by_id (store, id, &position))
    return FALSE;
  g_list_store_remove (store, position);

  return TRUE;
}

/* The images are the distinct images the containers were created from. */
void
_strata_engine_project_sync_images (StrataEngineProject *self)
{
  GListModel *containers = G_LIST_MODEL (self->containers);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  guint position;

  for (guint i = 0; i < g_list_model_get_n_items (containers); i++)
    {
      g_autoptr(StrataContainer) c = g_list_model_get_item (containers, i);
      const char *id = strata_container_get_image_id (c);

      if (id == NULL || g_hash_table_contains (wanted, id))
        continue;
      g_hash_table_add (wanted, (gpointer) id);
      if (!find_by_id (self->images, id, &position))
        {
          g_autoptr(StrataResource) image = strata_resource_new (STRATA_RESOURCE_IMAGE, id,
                                                                 strata_container_get_image (c),
                                                                 self->name, strata_container_get_image (c));

          g_list_store_append (self->images, image);
        }
    }
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->images)); i > 0; i--)
    {
      g_autoptr(StrataResource) image = g_list_model_get_item (G_LIST_MODEL (self->images), i - 1);

      if (!g_hash_table_contains (wanted, strata_resource_get_id (image)))
        g_list_store_remove (self->images, i - 1);
    }
}

gboolean
_strata_engine_project_is_empty (StrataEngineProject *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->containers)) == 0
         && g_list_model_get_n_items (G_LIST_MODEL (self->networks)) == 0
         && g_list_model_get_n_items (G_LIST_MODEL (self->volumes)) == 0;
}

const char *
strata_engine_project_get_name (StrataEngineProject *self)
{
  g_return_val_if_fail (STRATA_IS_ENGINE_PROJECT (self), NULL);

  return self->name;
}

const char *
strata_engine_project_get_working_dir (StrataEngineProject *self)
{
  g_return_val_if_fail (STRATA_IS_ENGINE_PROJECT (self), NULL);

  return self->working_dir;
}

const char * const *
strata_engine_project_get_config_files (StrataEngineProject *self)
{
  g_return_val_if_fail (STRATA_IS_ENGINE_PROJECT (self), NULL);

  return (const char * const *) self->config_files;
}

GListModel *
strata_engine_project_get_containers (StrataEngineProject *self)
{
  return G_LIST_MODEL (self->containers);
}

GListModel *
strata_engine_project_get_networks (StrataEngineProject *self)
{
  return G_LIST_MODEL (self->networks);
}

GListModel *
strata_engine_project_get_volumes (StrataEngineProject *self)
{
  return G_LIST_MODEL (self->volumes);
}

GListModel *
strata_engine_project_get_images (StrataEngineProject *self)
{
  return G_LIST_MODEL (self->images);
}
