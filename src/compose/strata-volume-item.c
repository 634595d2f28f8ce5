/* strata-volume-item.c: One volume of the normalized model
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Immutable: built once by StrataProject, read through properties.
 */

#include "config.h"

#include "strata-project-items-private.h"

struct _StrataVolumeItem
{
  GObject parent_instance;

  char *key;
  char *name;
  gboolean external;
  char *driver;
  GStrv mounted_by;
};

G_DEFINE_FINAL_TYPE (StrataVolumeItem, strata_volume_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_NAME,
  PROP_EXTERNAL,
  PROP_DRIVER,
  PROP_MOUNTED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
strata_volume_item_finalize (GObject *object)
{
  StrataVolumeItem *self = (StrataVolumeItem *) object;

  g_free (self->key);
  g_free (self->name);
  g_free (self->driver);
  g_strfreev (self->mounted_by);

  G_OBJECT_CLASS (strata_volume_item_parent_class)->finalize (object);
}

static void
strata_volume_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  StrataVolumeItem *self = STRATA_VOLUME_ITEM (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_EXTERNAL:
      g_value_set_boolean (value, self->external);
      break;
    case PROP_DRIVER:
      g_value_set_string (value, self->driver);
      break;
    case PROP_MOUNTED_BY:
      g_value_set_boxed (value, self->mounted_by);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
strata_volume_item_class_init (StrataVolumeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = strata_volume_item_finalize;
  object_class->get_property = strata_volume_item_get_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXTERNAL] =
    g_param_spec_boolean ("external", NULL, NULL, FALSE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRIVER] =
    g_param_spec_string ("driver", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MOUNTED_BY] =
    g_param_spec_boxed ("mounted-by", NULL, NULL, G_TYPE_STRV,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
strata_volume_item_init (StrataVolumeItem *self)
{
}

StrataVolumeItem *
_strata_volume_item_new (const char         *key,
                         const char         *name,
                         gboolean            external,
                         const char         *driver,
                         const char * const *mounted_by)
{
  StrataVolumeItem *self = g_object_new (STRATA_TYPE_VOLUME_ITEM, NULL);

  self->key = g_strdup (key);
  self->name = g_strdup (name);
  self->external = external;
  self->driver = g_strdup (driver);
  self->mounted_by = g_strdupv ((char **) mounted_by);

  return self;
}

const char *
strata_volume_item_get_key (StrataVolumeItem *self)
{
  g_return_val_if_fail (STRATA_IS_VOLUME_ITEM (self), NULL);

  return self->key;
}

const char *
strata_volume_item_get_name (StrataVolumeItem *self)
{
  g_return_val_if_fail (STRATA_IS_VOLUME_ITEM (self), NULL);

  return self->name;
}

gboolean
strata_volume_item_get_external (StrataVolumeItem *self)
{
  g_return_val_if_fail (STRATA_IS_VOLUME_ITEM (self), FALSE);

  return self->external;
}

const char *
strata_volume_item_get_driver (StrataVolumeItem *self)
{
  g_return_val_if_fail (STRATA_IS_VOLUME_ITEM (self), NULL);

  return self->driver;
}

const char * const *
strata_volume_item_get_mounted_by (StrataVolumeItem *self)
{
  g_return_val_if_fail (STRATA_IS_VOLUME_ITEM (self), NULL);

  return (const char * const *) self->mounted_by;
}
