/* strata-down-plan-private.h: what the down plan files share
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "strata-down-plan.h"

G_BEGIN_DECLS

#define STRATA_PLAN_N_KINDS 4

struct _StrataDownPlan
{
  GObject    parent_instance;

  char      *project;
  gboolean   remove_volumes;    /* -v: anonymous volumes go with their containers */
  GPtrArray *items[STRATA_PLAN_N_KINDS];
  GPtrArray *kept;
};

void            _strata_down_plan_add           (StrataDownPlan *self,
                                                 StrataPlanKind  kind,
                                                 const char     *id,
                                                 const char     *name);
void            _strata_down_plan_keep          (StrataDownPlan *self,
                                                 StrataPlanKind  kind,
                                                 const char     *name,
                                                 const char     *why);
gboolean        _strata_down_plan_has           (StrataDownPlan *self,
                                                 StrataPlanKind  kind,
                                                 const char     *id);
void            _strata_down_plan_sort          (StrataDownPlan *self);
StrataDownPlan *_strata_down_plan_new           (const char     *project);
char           *_strata_image_familiar_ref      (const char     *ref);
void            _strata_down_plan_progress      (StrataDownPlan       *self,
                                                 const StrataPlanItem *item,
                                                 StrataPlanStepStatus  status,
                                                 const char           *message);

/* strata-down-plan-compute.c: the engine's state a plan is computed from */
enum { STRATA_DOWN_L_CONTAINERS, STRATA_DOWN_L_NETWORKS, STRATA_DOWN_L_VOLUMES, STRATA_DOWN_L_IMAGES,
       STRATA_DOWN_N_LISTS };

typedef struct
{
  char              *project;
  StrataRmiMode      rmi;
  gboolean           volumes;
  gboolean           remove_orphans;
  GStrv              services;
  GStrv              external_networks;
  GStrv              external_volumes;
  JsonNode          *lists[STRATA_DOWN_N_LISTS];
  guint              pending;
  GError            *error;
  /* while building */
  StrataDownPlan    *plan;
  GPtrArray         *others;   /* JsonObject: containers that stay */
} StrataDownCompute;

JsonArray  *_strata_down_list            (StrataDownCompute *c,
                                          guint              which);
const char *_strata_down_str             (JsonObject        *object,
                                          const char        *member);
const char *_strata_down_label           (JsonObject        *object,
                                          const char        *key);
char       *_strata_down_container_name  (JsonObject        *container);
gboolean    _strata_down_service_known   (StrataDownCompute *c,
                                          const char        *service);

/* strata-down-plan-resources.c: who uses what; networks and volumes */
char       *_strata_down_staying_user    (StrataDownCompute *c,
                                          const char        *what,
                                          const char        *id);
void        _strata_down_plan_networks_and_volumes (StrataDownCompute *c);

/* strata-down-plan-images.c */
void        _strata_down_plan_images     (StrataDownCompute *c);

G_END_DECLS
