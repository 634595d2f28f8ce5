/* strata-up-plan.c: what `up` will do, as data
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "strata-up-private.h"

G_DEFINE_FINAL_TYPE (StrataUpPlan, strata_up_plan, G_TYPE_OBJECT)

enum { PROGRESS, N_SIGNALS };

static guint signals[N_SIGNALS];

static void
up_item_free (StrataUpItem *item)
{
  g_free (item->name);
  g_free (item->service);
  g_free (item->id);
  g_free (item->why);
  g_free (item);
}

static void
strata_up_plan_finalize (GObject *object)
{
  StrataUpPlan *self = STRATA_UP_PLAN (object);

  g_free (self->project_name);
  g_clear_object (&self->project);
  g_clear_pointer (&self->model, json_object_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->orphans, g_ptr_array_unref);
  g_strfreev (self->services);
  g_clear_pointer (&self->containers, json_array_unref);

  G_OBJECT_CLASS (strata_up_plan_parent_class)->finalize (object);
}

static void
strata_up_plan_class_init (StrataUpPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = strata_up_plan_finalize;

  /**
   * StrataUpPlan::progress:
   * @kind: a #StrataUpItemKind
   * @name: the resource's name, as in the plan
   * @status: a #StrataPlanStepStatus
   * @message: what happens ("Creating", "Started", "Waiting", the error...)
   */
  signals[PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_INT, G_TYPE_STRING, G_TYPE_INT, G_TYPE_STRING);
}

static void
strata_up_plan_init (StrataUpPlan *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) up_item_free);
  self->orphans = g_ptr_array_new_with_free_func ((GDestroyNotify) up_item_free);
  self->timeout = -1;
}

StrataUpPlan *
_strata_up_plan_new (StrataProject *project)
{
  StrataUpPlan *self = g_object_new (STRATA_TYPE_UP_PLAN, NULL);

  self->project = g_object_ref (project);
  self->project_name = g_strdup (strata_project_get_name (project));
  self->model = _strata_up_model (project);

  return self;
}

StrataUpItem *
_strata_up_plan_add (GPtrArray        *items,
                     StrataUpItemKind  kind,
                     StrataUpAction    action,
                     const char       *name,
                     const char       *service,
                     const char       *why)
{
  StrataUpItem *item = g_new0 (StrataUpItem, 1);

  item->kind = kind;
  item->action = action;
  item->name = g_strdup (name);
  item->service = g_strdup (service);
  item->why = g_strdup (why);
  g_ptr_array_add (items, item);

  return item;
}

void
_strata_up_plan_progress (StrataUpPlan         *self,
                          StrataUpItemKind      kind,
                          const char           *name,
                          StrataPlanStepStatus  status,
                          const char           *message)
{
  g_signal_emit (self, signals[PROGRESS], 0, (int) kind, name, (int) status, message);
}

StrataUpPlan *
strata_up_plan_new_images (StrataProject       *project,
                           const char * const  *services,
                           StrataUpAction       action,
                           GError             **error)
{
  g_autoptr(StrataUpPlan) self = NULL;
  JsonObject *all;

  g_return_val_if_fail (STRATA_IS_PROJECT (project), NULL);
  g_return_val_if_fail (action == STRATA_UP_PULL || action == STRATA_UP_BUILD, NULL);

  self = _strata_up_plan_new (project);
  self->images_only = TRUE;
  all = _strata_json_object_member (self->model, "services");
  if ((self->services = _strata_up_order (all, services, error)) == NULL)
    return NULL;
  for (guint i = 0; self->services[i] != NULL; i++)
    {
      JsonObject *service = _strata_json_object_member (all, self->services[i]);
      g_autofree char *ref = _strata_up_service_image (self->model, self->services[i], service);
      gboolean build = json_object_has_member (service, "build");
      gboolean wanted = action == STRATA_UP_BUILD ? build
                        : _strata_json_string (service, "image") != NULL
                          && g_strcmp0 (_strata_json_string (service, "pull_policy"), "build") != 0;

      if (wanted)
        _strata_up_plan_add (self->items, STRATA_UP_ITEM_IMAGE, action, ref, self->services[i], NULL);
    }

  return g_steal_pointer (&self);
}

const char *
strata_up_plan_get_project (StrataUpPlan *self)
{
  g_return_val_if_fail (STRATA_IS_UP_PLAN (self), NULL);

  return self->project_name;
}

GPtrArray *
strata_up_plan_get_items (StrataUpPlan *self)
{
  g_return_val_if_fail (STRATA_IS_UP_PLAN (self), NULL);

  return self->items;
}

const char * const *
strata_up_plan_get_services (StrataUpPlan *self)
{
  g_return_val_if_fail (STRATA_IS_UP_PLAN (self), NULL);

  return (const char * const *) self->services;
}

GPtrArray *
strata_up_plan_get_orphans (StrataUpPlan *self)
{
  g_return_val_if_fail (STRATA_IS_UP_PLAN (self), NULL);

  return self->orphans;
}

gboolean
strata_up_plan_is_noop (StrataUpPlan *self)
{
  g_return_val_if_fail (STRATA_IS_UP_PLAN (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    if (((StrataUpItem *) self->items->pdata[i])->action != STRATA_UP_KEEP)
      return FALSE;
  for (guint i = 0; i < self->orphans->len; i++)
    if (((StrataUpItem *) self->orphans->pdata[i])->action != STRATA_UP_KEEP)
      return FALSE;

  return TRUE;
}

const char *
strata_up_action_to_string (StrataUpAction action)
{
  switch (action)
    {
    case STRATA_UP_KEEP: return "keep";
    case STRATA_UP_CREATE: return "create";
    case STRATA_UP_RECREATE: return "recreate";
    case STRATA_UP_START: return "start";
    case STRATA_UP_PULL: return "pull";
    case STRATA_UP_BUILD: return "build";
    case STRATA_UP_REMOVE: return "remove";
    default: return NULL;
    }
}
