/* strata-down-plan.c: what `down` will remove, as data
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-down-plan-private.h"

G_DEFINE_FINAL_TYPE (StrataDownPlan, strata_down_plan, G_TYPE_OBJECT)

enum { PROGRESS, N_SIGNALS };

static guint signals[N_SIGNALS];

static void
plan_item_free (StrataPlanItem *item)
{
  g_free (item->id);
  g_free (item->name);
  g_free (item->why);
  g_free (item);
}

static void
strata_down_plan_finalize (GObject *object)
{
  StrataDownPlan *self = STRATA_DOWN_PLAN (object);

  g_free (self->project);
  for (guint i = 0; i < STRATA_PLAN_N_KINDS; i++)
    g_clear_pointer (&self->items[i], g_ptr_array_unref);
  g_clear_pointer (&self->kept, g_ptr_array_unref);

  G_OBJECT_CLASS (strata_down_plan_parent_class)->finalize (object);
}

static void
strata_down_plan_class_init (StrataDownPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = strata_down_plan_finalize;

  /**
   * StrataDownPlan::progress:
   * @kind: a #StrataPlanKind
   * @name: the resource's name, as in the plan
   * @status: a #StrataPlanStepStatus
   * @message: what happens ("Stopping", "Removed", the error...)
   */
  signals[PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_INT, G_TYPE_STRING, G_TYPE_INT, G_TYPE_STRING);
}

static void
strata_down_plan_init (StrataDownPlan *self)
{
  for (guint i = 0; i < STRATA_PLAN_N_KINDS; i++)
    self->items[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_item_free);
  self->kept = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_item_free);
}

StrataDownPlan *
_strata_down_plan_new (const char *project)
{
  StrataDownPlan *self = g_object_new (STRATA_TYPE_DOWN_PLAN, NULL);

  self->project = g_strdup (project);

  return self;
}

void
_strata_down_plan_progress (StrataDownPlan       *self,
                            const StrataPlanItem *item,
                            StrataPlanStepStatus  status,
                            const char           *message)
{
  g_signal_emit (self, signals[PROGRESS], 0, item->kind, item->name, status, message);
}

static StrataPlanItem *
item_new (StrataPlanKind  kind,
          const char     *id,
          const char     *name,
          const char     *why)
{
  StrataPlanItem *item = g_new0 (StrataPlanItem, 1);

  item->kind = kind;
  item->id = g_strdup (id);
  item->name = g_strdup (name);
  item->why = g_strdup (why);

  return item;
}

gboolean
_strata_down_plan_has (StrataDownPlan *self,
                       StrataPlanKind  kind,
                       const char     *id)
{
  GPtrArray *items = self->items[kind];

  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (((StrataPlanItem *) items->pdata[i])->id, id) == 0)
      return TRUE;

  return FALSE;
}

void
_strata_down_plan_add (StrataDownPlan *self,
                       StrataPlanKind  kind,
                       const char     *id,
                       const char     *name)
{
  if (!_strata_down_plan_has (self, kind, id))
    g_ptr_array_add (self->items[kind], item_new (kind, id, name, NULL));
}

void
_strata_down_plan_keep (StrataDownPlan *self,
                        StrataPlanKind  kind,
                        const char     *name,
                        const char     *why)
{
  for (guint i = 0; i < self->kept->len; i++)
    {
      StrataPlanItem *item = self->kept->pdata[i];

      if (item->kind == kind && g_strcmp0 (item->name, name) == 0)
        return;
    }
  g_ptr_array_add (self->kept, item_new (kind, NULL, name, why));
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const StrataPlanItem *x = *(StrataPlanItem **) a;
  const StrataPlanItem *y = *(StrataPlanItem **) b;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;

  return g_strcmp0 (x->name, y->name);
}

void
_strata_down_plan_sort (StrataDownPlan *self)
{
  for (guint i = 0; i < STRATA_PLAN_N_KINDS; i++)
    g_ptr_array_sort (self->items[i], compare_items);
  g_ptr_array_sort (self->kept, compare_items);
}

/* "busybox" -> "busybox:latest", "docker.io/library/x:1" -> "x:1", as
 * compose prints image references. */
char *
_strata_image_familiar_ref (const char *ref)
{
  const char *name = ref;
  const char *slash;

  if (g_str_has_prefix (name, "docker.io/library/"))
    name += strlen ("docker.io/library/");
  else if (g_str_has_prefix (name, "docker.io/"))
    name += strlen ("docker.io/");
  if (g_str_has_prefix (name, "sha256:") || strchr (name, '@') != NULL)
    return g_strdup (name);
  slash = strrchr (name, '/');
  if (strchr (slash ? slash : name, ':') == NULL)
    return g_strconcat (name, ":latest", NULL);

  return g_strdup (name);
}

const char *
strata_down_plan_get_project (StrataDownPlan *self)
{
  g_return_val_if_fail (STRATA_IS_DOWN_PLAN (self), NULL);

  return self->project;
}

/* Returns: (transfer none) (element-type StrataPlanItem) */
GPtrArray *
strata_down_plan_get_items (StrataDownPlan *self,
                            StrataPlanKind  kind)
{
  g_return_val_if_fail (STRATA_IS_DOWN_PLAN (self), NULL);
  g_return_val_if_fail (kind < STRATA_PLAN_N_KINDS, NULL);

  return self->items[kind];
}

/* Returns: (transfer none) (element-type StrataPlanItem) */
GPtrArray *
strata_down_plan_get_kept (StrataDownPlan *self)
{
  g_return_val_if_fail (STRATA_IS_DOWN_PLAN (self), NULL);

  return self->kept;
}

gboolean
strata_down_plan_is_empty (StrataDownPlan *self)
{
  for (guint i = 0; i < STRATA_PLAN_N_KINDS; i++)
    if (self->items[i]->len > 0)
      return FALSE;

  return TRUE;
}

static void
add_names (JsonBuilder *builder,
           const char  *member,
           GPtrArray   *items)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    json_builder_add_string_value (builder, ((StrataPlanItem *) items->pdata[i])->name);
  json_builder_end_array (builder);
}

/* {"containers":[..],"networks":[..],"volumes":[..],"images":[..],"kept":[{"name","why"}]} */
char *
strata_down_plan_to_json (StrataDownPlan *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  static const char * const members[] = { "containers", "networks", "volumes", "images" };

  g_return_val_if_fail (STRATA_IS_DOWN_PLAN (self), NULL);

  json_builder_begin_object (builder);
  for (guint i = 0; i < STRATA_PLAN_N_KINDS; i++)
    add_names (builder, members[i], self->items[i]);
  json_builder_set_member_name (builder, "kept");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->kept->len; i++)
    {
      StrataPlanItem *item = self->kept->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, item->name);
      json_builder_set_member_name (builder, "why");
      json_builder_add_string_value (builder, item->why);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}
