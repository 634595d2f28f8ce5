/* strata-container.h: one container of a compose project, as the engine reports it
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STRATA_TYPE_CONTAINER (strata_container_get_type ())

G_DECLARE_FINAL_TYPE (StrataContainer, strata_container, STRATA, CONTAINER, GObject)

const char *strata_container_get_id          (StrataContainer *self);
const char *strata_container_get_name        (StrataContainer *self);
const char *strata_container_get_project     (StrataContainer *self);
const char *strata_container_get_service     (StrataContainer *self);
guint       strata_container_get_number      (StrataContainer *self);
const char *strata_container_get_state       (StrataContainer *self);
const char *strata_container_get_health      (StrataContainer *self);
const char *strata_container_get_ports       (StrataContainer *self);
const char *strata_container_get_image       (StrataContainer *self);
const char *strata_container_get_image_id    (StrataContainer *self);
int         strata_container_get_exit_code   (StrataContainer *self);
const char *strata_container_get_config_hash (StrataContainer *self);
gboolean    strata_container_get_oneoff      (StrataContainer *self);

G_END_DECLS
