/* strata-service-item.c: One service of the normalized model
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Immutable: built once by StrataProject, read through properties.
 */

#include "config.h"

#include "strata-project-items-private.h"

struct _StrataServiceItem
{
  GObject parent_instance;

  char *name;
  char *image;
  gboolean has_build;
  GStrv profiles;
  char *container_name;
  char *ports_summary;
};

G_DEFINE_FINAL_TYPE (StrataServiceItem, strata_service_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_IMAGE,
  PROP_HAS_BUILD,
  PROP_PROFILES,
  PROP_CONTAINER_NAME,
  PROP_PORTS_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
strata_service_item_finalize (GObject *object)
{
  StrataServiceItem *self = (StrataServiceItem *) object;

  g_free (self->name);
  g_free (self->image);
  g_strfreev (self->profiles);
  g_free (self->container_name);
  g_free (self->ports_summary);

  G_OBJECT_CLASS (strata_service_item_parent_class)->finalize (object);
}

static void
strata_service_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  StrataServiceItem *self = STRATA_SERVICE_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_IMAGE:
      g_value_set_string (value, self->image);
      break;
    case PROP_HAS_BUILD:
      g_value_set_boolean (value, self->has_build);
      break;
    case PROP_PROFILES:
      g_value_set_boxed (value, self->profiles);
      break;
    case PROP_CONTAINER_NAME:
      g_value_set_string (value, self->container_name);
      break;
    case PROP_PORTS_SUMMARY:
      g_value_set_string (value, self->ports_summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
strata_service_item_class_init (StrataServiceItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = strata_service_item_finalize;
  object_class->get_property = strata_service_item_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMAGE] =
    g_param_spec_string ("image", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_BUILD] =
    g_param_spec_boolean ("has-build", NULL, NULL, FALSE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILES] =
    g_param_spec_boxed ("profiles", NULL, NULL, G_TYPE_STRV,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTAINER_NAME] =
    g_param_spec_string ("container-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PORTS_SUMMARY] =
    g_param_spec_string ("ports-summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
strata_service_item_init (StrataServiceItem *self)
{
}

StrataServiceItem *
_strata_service_item_new (const char         *name,
                          const char         *image,
                          gboolean            has_build,
                          const char * const *profiles,
                          const char         *container_name,
                          const char         *ports_summary)
{
  StrataServiceItem *self = g_object_new (STRATA_TYPE_SERVICE_ITEM, NULL);

  self->name = g_strdup (name);
  self->image = g_strdup (image);
  self->has_build = has_build;
  self->profiles = g_strdupv ((char **) profiles);
  self->container_name = g_strdup (container_name);
  self->ports_summary = g_strdup (ports_summary);

  return self;
}

const char *
strata_service_item_get_name (StrataServiceItem *self)
{
  g_return_val_if_fail (STRATA_IS_SERVICE_ITEM (self), NULL);

  return self->name;
}

const char *
strata_service_item_get_image (StrataServiceItem *self)
{
  g_return_val_if_fail (STRATA_IS_SERVICE_ITEM (self), NULL);

  return self->image;
}

gboolean
strata_service_item_get_has_build (StrataServiceItem *self)
{
  g_return_val_if_fail (STRATA_IS_SERVICE_ITEM (self), FALSE);

  return self->has_build;
}

const char * const *
strata_service_item_get_profiles (StrataServiceItem *self)
{
  g_return_val_if_fail (STRATA_IS_SERVICE_ITEM (self), NULL);

  return (const char * const *) self->profiles;
}

const char *
strata_service_item_get_container_name (StrataServiceItem *self)
{
  g_return_val_if_fail (STRATA_IS_SERVICE_ITEM (self), NULL);

  return self->container_name;
}

const char *
strata_service_item_get_ports_summary (StrataServiceItem *self)
{
  g_return_val_if_fail (STRATA_IS_SERVICE_ITEM (self), NULL);

  return self->ports_summary;
}
