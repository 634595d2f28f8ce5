/* strata-up-private.h: what the files of `up` share
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-engine-private.h"
#include "strata-engine-state-private.h"
#include "strata-up-plan.h"

G_BEGIN_DECLS

#define STRATA_COMPOSE_VERSION        "2.26.1"
#define STRATA_LABEL_VERSION          "com.docker.compose.version"
#define STRATA_LABEL_IMAGE            "com.docker.compose.image"
#define STRATA_LABEL_DEPENDS_ON       "com.docker.compose.depends_on"
#define STRATA_LABEL_REPLACE          "com.docker.compose.replace"

struct _StrataUpPlan
{
  GObject        parent_instance;

  char          *project_name;
  StrataProject *project;
  JsonObject    *model;        /* the normalized project as JSON */
  gboolean       no_start;
  gboolean       images_only;  /* pull or build, nothing else */
  int            timeout;
  GPtrArray     *items;        /* StrataUpItem: images, networks, volumes, containers */
  GPtrArray     *orphans;      /* StrataUpItem: REMOVE with --remove-orphans, else KEEP */
  GStrv          services;     /* dependencies first */
  JsonArray     *containers;   /* the project's containers when the plan was made */
};

/* strata-up-plan.c */
StrataUpPlan *_strata_up_plan_new      (StrataProject  *project);
StrataUpItem *_strata_up_plan_add      (GPtrArray      *items,
                                        StrataUpItemKind kind,
                                        StrataUpAction  action,
                                        const char     *name,
                                        const char     *service,
                                        const char     *why);
void          _strata_up_plan_progress (StrataUpPlan         *self,
                                        StrataUpItemKind      kind,
                                        const char           *name,
                                        StrataPlanStepStatus  status,
                                        const char           *message);

/* Everything one container's creation needs. The service and project are
 * the normalized model as JSON (strata-up-model.c). */
typedef struct
{
  JsonObject *project;         /* {"name", "services", "networks", "volumes"...} */
  const char *project_name;
  const char *working_dir;
  const char *config_files;    /* absolute, comma-joined */
  const char *service_name;
  JsonObject *service;
  const char *config_hash;
  const char *image_id;        /* com.docker.compose.image */
  guint       number;
  const char *container_name;
  const char *replace;         /* the id of the container replaced, or NULL */
  GPtrArray  *links;           /* "container:alias", for every network */
  JsonArray  *inherit_mounts;  /* Mounts of the replaced container, or NULL */
  GHashTable *service_containers;  /* service → id of its first container (network_mode, volumes_from) */
} StrataCreateSpec;

/* strata-up-json.c: reading the model's JSON */
JsonArray   *_strata_json_array        (JsonObject  *object,
                                        const char  *member);
const char  *_strata_json_string       (JsonObject  *object,
                                        const char  *member);
gint64       _strata_json_int          (JsonObject  *object,
                                        const char  *member,
                                        gint64       fallback);
gboolean     _strata_json_bool         (JsonObject  *object,
                                        const char  *member);
gboolean     _strata_json_duration     (JsonObject  *object,
                                        const char  *member,
                                        gint64      *nanoseconds);
/* JsonBuilder shorthands: nothing is added for a NULL value or a missing key. */
void         _strata_up_put_string     (JsonBuilder *b,
                                        const char  *member,
                                        const char  *value);
void         _strata_up_put_int        (JsonBuilder *b,
                                        JsonObject  *object,
                                        const char  *key,
                                        const char  *member);
void         _strata_up_put_strings    (JsonBuilder *b,
                                        const char  *member,
                                        JsonArray   *array);
/* A map of strings (numbers printed) */
void         _strata_up_put_map        (JsonBuilder *b,
                                        const char  *member,
                                        JsonObject  *map);
JsonObject  *_strata_up_model          (StrataProject *project);
char        *_strata_up_service_image  (JsonObject  *project,
                                        const char  *service_name,
                                        JsonObject  *service);
guint        _strata_up_service_scale  (JsonObject  *service);
GStrv        _strata_up_networks_by_priority (JsonObject *service);
const char  *_strata_up_resource_name  (JsonObject  *project,
                                        const char  *section,
                                        const char  *key);
char        *_strata_up_container_name (const char  *project_name,
                                        const char  *service_name,
                                        JsonObject  *service,
                                        guint        number);

/* strata-up-compute.c, strata-up-lists.c */
enum { STRATA_UP_L_CONTAINERS, STRATA_UP_L_NETWORKS, STRATA_UP_L_VOLUMES, STRATA_UP_N_LISTS };

typedef struct
{
  StrataUpPlan     *plan;
  StrataUpOptions   options;
  GStrv             wanted;
  JsonNode         *lists[STRATA_UP_N_LISTS];
  GHashTable       *image_ids;    /* reference → id, "" when missing */
  GHashTable       *recreated;    /* services recreated */
  guint             pending;
  GError           *error;
} StrataUpCompute;

gboolean     _strata_up_compute_build  (StrataUpCompute  *c,
                                        GError          **error);

/* strata-up-run.c: a run is a queue of steps, each ends by calling
 * _strata_up_run_next() or _strata_up_run_fail() */
typedef struct _StrataUpRun StrataUpRun;
typedef void (*StrataUpStep) (StrataUpRun *run,
                              gpointer     data);
typedef void (*StrataUpThen) (StrataUpRun *run,
                              JsonNode    *answer,
                              gpointer     data);

typedef struct _StrataUpGraph StrataUpGraph;

/* The run, or one lane of it: the steps of one service that go in parallel
 * with other services' (strata-up-graph.c).  A lane shares the run's
 * tables and reports to its graph instead of returning the task. */
struct _StrataUpRun
{
  GTask          *task;                /* the run's; NULL in a lane */
  StrataUpGraph  *graph;               /* a lane's */
  const char     *service;             /* a lane's, borrowed from the plan */
  GCancellable   *cancellable;
  StrataUpPlan   *plan;
  StrataEngine   *engine;
  GQueue          steps;
  GHashTable     *image_ids;           /* reference → id */
  GHashTable     *service_containers;  /* service → id of its first container */
  GHashTable     *container_ids;       /* name → id, as created */
  char           *config_files;
  StrataUpItem   *item;                /* the image being pulled or built */
  /* what the current step works on, for its failure */
  StrataUpItemKind kind;
  char           *name;
};

void         _strata_up_run_free       (StrataUpRun   *run);
void         _strata_up_run_push       (StrataUpRun   *run,
                                        StrataUpStep   step,
                                        gpointer       data);
void         _strata_up_run_next       (StrataUpRun   *run);
void         _strata_up_run_fail       (StrataUpRun   *run,
                                        GError        *error);
/* @data_free frees @data when the request fails; on success @then owns it. */
void         _strata_up_run_call       (StrataUpRun   *run,
                                        const char    *method,
                                        const char    *path,
                                        JsonNode      *body,
                                        StrataUpThen   then,
                                        gpointer       data,
                                        GDestroyNotify data_free);
void         _strata_up_run_working    (StrataUpRun   *run,
                                        StrataUpItemKind kind,
                                        const char    *name,
                                        const char    *message);
void         _strata_up_run_done       (StrataUpRun   *run,
                                        const char    *message);
GCancellable *_strata_up_run_cancellable (StrataUpRun *run);

/* strata-up-graph.c: services in parallel, each after its dependencies */
typedef enum
{
  STRATA_UP_PHASE_CREATE,  /* create or replace each service's containers */
  STRATA_UP_PHASE_START,   /* wait for its depends_on conditions, start it */
} StrataUpPhase;

void         _strata_up_graph_step     (StrataUpRun   *run,
                                        gpointer       phase);
StrataUpRun *_strata_up_lane_new       (StrataUpRun   *run,
                                        StrataUpGraph *graph,
                                        const char    *service);
void         _strata_up_lane_end       (StrataUpRun   *lane,
                                        GError        *error);

/* strata-up-networks.c */
void         _strata_up_network_step   (StrataUpRun   *run,
                                        gpointer       item);
void         _strata_up_volume_step    (StrataUpRun   *run,
                                        gpointer       item);

/* strata-up-image.c */
void         _strata_up_pull_step      (StrataUpRun   *run,
                                        gpointer       item);
void         _strata_up_build_step     (StrataUpRun   *run,
                                        gpointer       item);
void         _strata_up_image_ids_step (StrataUpRun   *run,
                                        gpointer       data);

/* strata-up-containers.c */
void         _strata_up_container_step (StrataUpRun   *run,
                                        gpointer       item);
void         _strata_up_remove_step    (StrataUpRun   *run,
                                        gpointer       item);

/* strata-up-start.c */
void         _strata_up_start_step     (StrataUpRun   *run,
                                        gpointer       service);

/* strata-up-wait.c */
void         _strata_up_wait_step      (StrataUpRun   *run,
                                        gpointer       service);

/* strata-up-order.c */
GStrv        _strata_up_order          (JsonObject          *services,
                                        const char * const  *wanted,
                                        GError             **error);

/* strata-up-config.c: the body of POST /containers/create */
JsonNode    *_strata_up_create_body    (const StrataCreateSpec *spec);
JsonNode    *_strata_up_endpoint       (const StrataCreateSpec *spec,
                                        const char             *network_key);

/* strata-up-host.c: its HostConfig */
void         _strata_up_add_host_config (JsonBuilder            *b,
                                         const StrataCreateSpec *spec);

/* strata-up-resources.c: its Resources and LogConfig */
void         _strata_up_add_resources   (JsonBuilder            *b,
                                         JsonObject             *service);

/* strata-up-mounts.c: its Binds and Mounts */
void         _strata_up_add_mounts      (JsonBuilder            *b,
                                         const StrataCreateSpec *spec);

/* strata-up-progress.c: a stream of progress messages (pull, build) */
typedef void (*StrataProgressFunc) (JsonObject *message,
                                    gpointer    user_data);

void         _strata_engine_progress_async  (StrataEngine        *engine,
                                             const char          *path,
                                             const char          *content_type,
                                             GBytes              *body,
                                             StrataProgressFunc   func,
                                             gpointer             func_data,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean     _strata_engine_progress_finish (StrataEngine        *engine,
                                             GAsyncResult        *result,
                                             GError             **error);

/* strata-up-build.c: the tar of a build context */
GBytes      *_strata_build_context_tar (const char   *context_dir,
                                        const char   *dockerfile,
                                        GError      **error);

G_END_DECLS
