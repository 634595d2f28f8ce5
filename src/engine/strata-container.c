/* strata-container.c: one container of a compose project
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Filled from a list entry (GET /containers/json), an inspect answer or an
 * event's attributes; setters notify only what changed.
 */

#include "config.h"

#include <stdlib.h>

#include "strata-engine-state-private.h"

struct _StrataContainer
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *project;
  char    *service;
  guint    number;
  char    *state;
  char    *health;
  char    *ports;
  char    *image;
  char    *image_id;
  int      exit_code;
  char    *config_hash;
  gboolean oneoff;
};

G_DEFINE_FINAL_TYPE (StrataContainer, strata_container, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PROJECT,
  PROP_SERVICE,
  PROP_NUMBER,
  PROP_STATE,
  PROP_HEALTH,
  PROP_PORTS,
  PROP_IMAGE,
  PROP_IMAGE_ID,
  PROP_EXIT_CODE,
  PROP_CONFIG_HASH,
  PROP_ONEOFF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_field (StrataContainer *self,
              guint            prop)
{
  switch (prop)
    {
    case PROP_ID: return &self->id;
    case PROP_NAME: return &self->name;
    case PROP_PROJECT: return &self->project;
    case PROP_SERVICE: return &self->service;
    case PROP_STATE: return &self->state;
    case PROP_HEALTH: return &self->health;
    case PROP_PORTS: return &self->ports;
    case PROP_IMAGE: return &self->image;
    case PROP_IMAGE_ID: return &self->image_id;
    case PROP_CONFIG_HASH: return &self->config_hash;
    default: return NULL;
    }
}

static void
strata_container_finalize (GObject *object)
{
  StrataContainer *self = STRATA_CONTAINER (object);

  for (guint prop = 1; prop < N_PROPS; prop++)
    {
      char **field = string_field (self, prop);

      if (field != NULL)
        g_clear_pointer (field, g_free);
    }

  G_OBJECT_CLASS (strata_container_parent_class)->finalize (object);
}

static void
strata_container_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  StrataContainer *self = STRATA_CONTAINER (object);
  char **field = string_field (self, prop_id);

  if (field != NULL)
    g_value_set_string (value, *field);
  else if (prop_id == PROP_NUMBER)
    g_value_set_uint (value, self->number);
  else if (prop_id == PROP_EXIT_CODE)
    g_value_set_int (value, self->exit_code);
  else if (prop_id == PROP_ONEOFF)
    g_value_set_boolean (value, self->oneoff);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
strata_container_class_init (StrataContainerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = strata_container_finalize;
  object_class->get_property = strata_container_get_property;

  properties[PROP_ID] = string_pspec ("id");
  properties[PROP_NAME] = string_pspec ("name");
  properties[PROP_PROJECT] = string_pspec ("project");
  properties[PROP_SERVICE] = string_pspec ("service");
  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_STATE] = string_pspec ("state");
  properties[PROP_HEALTH] = string_pspec ("health");
  properties[PROP_PORTS] = string_pspec ("ports");
  properties[PROP_IMAGE] = string_pspec ("image");
  properties[PROP_IMAGE_ID] = string_pspec ("image-id");
  properties[PROP_EXIT_CODE] = g_param_spec_int ("exit-code", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_CONFIG_HASH] = string_pspec ("config-hash");
  properties[PROP_ONEOFF] = g_param_spec_boolean ("oneoff", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
strata_container_init (StrataContainer *self)
{
}

StrataContainer *
_strata_container_new (const char *id)
{
  StrataContainer *self = g_object_new (STRATA_TYPE_CONTAINER, NULL);

  self->id = g_strdup (id);
  self->state = g_strdup ("created");
  self->health = g_strdup ("");
  self->ports = g_strdup ("");

  return self;
}

static void
set_string (StrataContainer *self,
            guint            prop,
            const char      *value)
{
  char **field = string_field (self, prop);

  if (value == NULL || g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_strata_container_set_state (StrataContainer *self,
                             const char      *state)
{
  set_string (self, PROP_STATE, state);
}

void
_strata_container_set_health (StrataContainer *self,
                              const char      *health)
{
  set_string (self, PROP_HEALTH, health);
}

void
_strata_container_set_exit_code (StrataContainer *self,
                                 int              exit_code)
{
  if (self->exit_code == exit_code)
    return;
  self->exit_code = exit_code;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXIT_CODE]);
}

static const char *
label (JsonObject *labels,
       const char *key)
{
  if (labels == NULL || !json_object_has_member (labels, key))
    return NULL;

  return json_object_get_string_member_with_default (labels, key, NULL);
}

/* The compose labels: from "Labels", "Config.Labels" or an event's attributes. */
void
_strata_container_set_labels (StrataContainer *self,
                              JsonObject      *labels)
{
  const char *number = label (labels, STRATA_LABEL_CONTAINER_NUMBER);
  const char *oneoff = label (labels, STRATA_LABEL_ONEOFF);

  set_string (self, PROP_PROJECT, label (labels, STRATA_LABEL_PROJECT));
  set_string (self, PROP_SERVICE, label (labels, STRATA_LABEL_SERVICE));
  set_string (self, PROP_CONFIG_HASH, label (labels, STRATA_LABEL_CONFIG_HASH));
  if (number != NULL && self->number != strtoul (number, NULL, 10))
    {
      self->number = strtoul (number, NULL, 10);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
    }
  if (oneoff != NULL && self->oneoff != (g_strcmp0 (oneoff, "True") == 0))
    {
      self->oneoff = g_strcmp0 (oneoff, "True") == 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONEOFF]);
    }
}

void
_strata_container_set_name (StrataContainer *self,
                            const char      *name)
{
  if (name != NULL && name[0] == '/')
    name++;
  set_string (self, PROP_NAME, name);
}

void
_strata_container_set_image (StrataContainer *self,
                             const char      *image,
                             const char      *image_id)
{
  set_string (self, PROP_IMAGE, image);
  set_string (self, PROP_IMAGE_ID, image_id);
}

void
_strata_container_set_ports (StrataContainer *self,
                             const char      *ports)
{
  set_string (self, PROP_PORTS, ports);
}

const char *
strata_container_get_id (StrataContainer *self)
{
  return self->id;
}

const char *
strata_container_get_name (StrataContainer *self)
{
  return self->name;
}

const char *
strata_container_get_project (StrataContainer *self)
{
  return self->project;
}

const char *
strata_container_get_service (StrataContainer *self)
{
  return self->service;
}

guint
strata_container_get_number (StrataContainer *self)
{
  return self->number;
}

const char *
strata_container_get_state (StrataContainer *self)
{
  return self->state;
}

const char *
strata_container_get_health (StrataContainer *self)
{
  return self->health;
}

const char *
strata_container_get_ports (StrataContainer *self)
{
  return self->ports;
}

const char *
strata_container_get_image (StrataContainer *self)
{
  return self->image;
}

const char *
strata_container_get_image_id (StrataContainer *self)
{
  return self->image_id;
}

int
strata_container_get_exit_code (StrataContainer *self)
{
  return self->exit_code;
}

const char *
strata_container_get_config_hash (StrataContainer *self)
{
  return self->config_hash;
}

gboolean
strata_container_get_oneoff (StrataContainer *self)
{
  return self->oneoff;
}
