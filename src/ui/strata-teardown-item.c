/* strata-teardown-item.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "strata-teardown-item.h"

struct _StrataTeardownItem
{
  GObject              parent_instance;

  StrataPlanKind   kind;
  StrataTeardownState  state;
  char                *name;
  char                *detail;  /* what it is, or why it is kept */
  char                *error;
};

G_DEFINE_FINAL_TYPE (StrataTeardownItem, strata_teardown_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
strata_plan_kind_to_icon (StrataPlanKind kind)
{
  switch (kind)
    {
    case STRATA_PLAN_CONTAINER:
      return "view-grid-symbolic";
    case STRATA_PLAN_NETWORK:
      return "network-wired-symbolic";
    case STRATA_PLAN_VOLUME:
      return "drive-harddisk-symbolic";
    case STRATA_PLAN_IMAGE:
    default:
      return "image-x-generic-symbolic";
    }
}

static void
strata_teardown_item_finalize (GObject *object)
{
  StrataTeardownItem *self = STRATA_TEARDOWN_ITEM (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->detail, g_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (strata_teardown_item_parent_class)->finalize (object);
}

static void
strata_teardown_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StrataTeardownItem *self = STRATA_TEARDOWN_ITEM (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
strata_teardown_item_class_init (StrataTeardownItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = strata_teardown_item_finalize;
  object_class->get_property = strata_teardown_item_get_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      STRATA_TEARDOWN_PENDING, STRATA_TEARDOWN_FAILED, STRATA_TEARDOWN_PENDING,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
strata_teardown_item_init (StrataTeardownItem *self)
{
}

StrataTeardownItem *
strata_teardown_item_new (StrataPlanKind  kind,
                          const char         *name,
                          const char         *detail)
{
  StrataTeardownItem *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (STRATA_TYPE_TEARDOWN_ITEM, NULL);
  self->kind = kind;
  self->name = g_strdup (name);
  self->detail = g_strdup (detail);

  return self;
}

/* A resource the plan lists but does not touch (external, or in use). */
StrataTeardownItem *
strata_teardown_item_new_kept (StrataPlanKind  kind,
                               const char         *name,
                               const char         *reason)
{
  StrataTeardownItem *self = strata_teardown_item_new (kind, name, reason);

  self->state = STRATA_TEARDOWN_KEPT;
  return self;
}

StrataPlanKind
strata_teardown_item_get_kind (StrataTeardownItem *self)
{
  g_return_val_if_fail (STRATA_IS_TEARDOWN_ITEM (self), 0);

  return self->kind;
}

const char *
strata_teardown_item_get_name (StrataTeardownItem *self)
{
  g_return_val_if_fail (STRATA_IS_TEARDOWN_ITEM (self), NULL);

  return self->name;
}

const char *
strata_teardown_item_get_detail (StrataTeardownItem *self)
{
  g_return_val_if_fail (STRATA_IS_TEARDOWN_ITEM (self), NULL);

  return self->detail;
}

StrataTeardownState
strata_teardown_item_get_state (StrataTeardownItem *self)
{
  g_return_val_if_fail (STRATA_IS_TEARDOWN_ITEM (self), 0);

  return self->state;
}

const char *
strata_teardown_item_get_error (StrataTeardownItem *self)
{
  g_return_val_if_fail (STRATA_IS_TEARDOWN_ITEM (self), NULL);

  return self->error;
}

void
strata_teardown_item_set_state (StrataTeardownItem  *self,
                                StrataTeardownState  state,
                                const char          *error)
{
  g_return_if_fail (STRATA_IS_TEARDOWN_ITEM (self));
  g_return_if_fail (self->state != STRATA_TEARDOWN_KEPT);

  g_free (self->error);
  self->error = g_strdup (error);
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}
