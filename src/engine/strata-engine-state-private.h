/* strata-engine-state-private.h: how the live state is filled
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "strata-container.h"
#include "strata-engine-project.h"
#include "strata-resource.h"

G_BEGIN_DECLS

#define STRATA_LABEL_PROJECT           "com.docker.compose.project"
#define STRATA_LABEL_SERVICE           "com.docker.compose.service"
#define STRATA_LABEL_CONTAINER_NUMBER  "com.docker.compose.container-number"
#define STRATA_LABEL_ONEOFF            "com.docker.compose.oneoff"
#define STRATA_LABEL_CONFIG_HASH       "com.docker.compose.config-hash"
#define STRATA_LABEL_WORKING_DIR       "com.docker.compose.project.working_dir"
#define STRATA_LABEL_CONFIG_FILES      "com.docker.compose.project.config_files"
#define STRATA_LABEL_NETWORK           "com.docker.compose.network"
#define STRATA_LABEL_VOLUME            "com.docker.compose.volume"

/* strata-container.c */
StrataContainer *_strata_container_new           (const char      *id);
void             _strata_container_set_state     (StrataContainer *self,
                                                  const char      *state);
void             _strata_container_set_health    (StrataContainer *self,
                                                  const char      *health);
void             _strata_container_set_exit_code (StrataContainer *self,
                                                  int              exit_code);
void             _strata_container_set_labels    (StrataContainer *self,
                                                  JsonObject      *labels);
void             _strata_container_set_name      (StrataContainer *self,
                                                  const char      *name);
void             _strata_container_set_image     (StrataContainer *self,
                                                  const char      *image,
                                                  const char      *image_id);
void             _strata_container_set_ports     (StrataContainer *self,
                                                  const char      *ports);

/* strata-container-json.c */
void             _strata_container_update_from_summary (StrataContainer *self,
                                                        JsonObject      *summary);
void             _strata_container_update_from_inspect (StrataContainer *self,
                                                        JsonObject      *inspect);
gboolean         _strata_container_apply_event         (StrataContainer *self,
                                                        const char      *action,
                                                        JsonObject      *attributes);
JsonObject      *_strata_json_object_member            (JsonObject      *object,
                                                        const char      *member);
const char      *_strata_json_label                    (JsonObject      *labels,
                                                        const char      *key);

/* strata-engine-project.c */
StrataEngineProject *_strata_engine_project_new        (const char          *name);
void             _strata_engine_project_set_origin     (StrataEngineProject *self,
                                                        JsonObject          *labels);
void             _strata_engine_project_add_container  (StrataEngineProject *self,
                                                        StrataContainer     *container);
gboolean         _strata_engine_project_remove_container (StrataEngineProject *self,
                                                          const char          *id);
void             _strata_engine_project_add_resource   (StrataEngineProject *self,
                                                        StrataResource      *resource);
gboolean         _strata_engine_project_remove_resource (StrataEngineProject *self,
                                                         StrataResourceKind   kind,
                                                         const char          *id);
void             _strata_engine_project_sync_images    (StrataEngineProject *self);
gboolean         _strata_engine_project_is_empty       (StrataEngineProject *self);

G_END_DECLS
