/* strata-network-item.c: One network of the normalized model
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Immutable: built once by StrataProject, read through properties.
 */

#include "config.h"

#include "strata-project-items-private.h"

struct _StrataNetworkItem
{
  GObject parent_instance;

  char *key;
  char *name;
  gboolean external;
  char *driver;
};

G_DEFINE_FINAL_TYPE (StrataNetworkItem, strata_network_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_NAME,
  PROP_EXTERNAL,
  PROP_DRIVER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
strata_network_item_finalize (GObject *object)
{
  StrataNetworkItem *self = (StrataNetworkItem *) object;

  g_free (self->key);
  g_free (self->name);
  g_free (self->driver);

  G_OBJECT_CLASS (strata_network_item_parent_class)->finalize (object);
}

static void
strata_network_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  StrataNetworkItem *self = STRATA_NETWORK_ITEM (object);

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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
strata_network_item_class_init (StrataNetworkItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = strata_network_item_finalize;
  object_class->get_property = strata_network_item_get_property;

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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
strata_network_item_init (StrataNetworkItem *self)
{
}

StrataNetworkItem *
_strata_network_item_new (const char         *key,
                          const char         *name,
                          gboolean            external,
                          const char         *driver)
{
  StrataNetworkItem *self = g_object_new (STRATA_TYPE_NETWORK_ITEM, NULL);

  self->key = g_strdup (key);
  self->name = g_strdup (name);
  self->external = external;
  self->driver = g_strdup (driver);

  return self;
}

const char *
strata_network_item_get_key (StrataNetworkItem *self)
{
  g_return_val_if_fail (STRATA_IS_NETWORK_ITEM (self), NULL);

  return self->key;
}

const char *
strata_network_item_get_name (StrataNetworkItem *self)
{
  g_return_val_if_fail (STRATA_IS_NETWORK_ITEM (self), NULL);

  return self->name;
}

gboolean
strata_network_item_get_external (StrataNetworkItem *self)
{
  g_return_val_if_fail (STRATA_IS_NETWORK_ITEM (self), FALSE);

  return self->external;
}

const char *
strata_network_item_get_driver (StrataNetworkItem *self)
{
  g_return_val_if_fail (STRATA_IS_NETWORK_ITEM (self), NULL);

  return self->driver;
}
