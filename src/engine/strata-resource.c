/* strata-resource.c: a network, volume or image of a compose project
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Immutable: networks, volumes and images are created and removed, not
 * changed.  The key is the name in the compose file (the label
 * com.docker.compose.network or .volume); for an image, the reference a
 * container of the project was created from.
 */

#include "config.h"

#include "strata-resource.h"

struct _StrataResource
{
  GObject             parent_instance;

  StrataResourceKind  kind;
  char               *id;
  char               *name;
  char               *project;
  char               *key;
};

G_DEFINE_FINAL_TYPE (StrataResource, strata_resource, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PROJECT,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
strata_resource_finalize (GObject *object)
{
  StrataResource *self = STRATA_RESOURCE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->project);
  g_free (self->key);

  G_OBJECT_CLASS (strata_resource_parent_class)->finalize (object);
}

static void
strata_resource_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StrataResource *self = STRATA_RESOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PROJECT:
      g_value_set_string (value, self->project);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
strata_resource_class_init (StrataResourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = strata_resource_finalize;
  object_class->get_property = strata_resource_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_PROJECT] = g_param_spec_string ("project", NULL, NULL, NULL, flags);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
strata_resource_init (StrataResource *self)
{
}

StrataResource *
strata_resource_new (StrataResourceKind  kind,
                     const char         *id,
                     const char         *name,
                     const char         *project,
                     const char         *key)
{
  StrataResource *self = g_object_new (STRATA_TYPE_RESOURCE, NULL);

  self->kind = kind;
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->project = g_strdup (project);
  self->key = g_strdup (key);

  return self;
}

StrataResourceKind
strata_resource_get_kind (StrataResource *self)
{
  return self->kind;
}

const char *
strata_resource_get_id (StrataResource *self)
{
  return self->id;
}

const char *
strata_resource_get_name (StrataResource *self)
{
  return self->name;
}

const char *
strata_resource_get_project (StrataResource *self)
{
  return self->project;
}

const char *
strata_resource_get_key (StrataResource *self)
{
  return self->key;
}
