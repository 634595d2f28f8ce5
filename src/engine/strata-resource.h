/* strata-resource.h: a network, volume or image of a compose project
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  STRATA_RESOURCE_NETWORK,
  STRATA_RESOURCE_VOLUME,
  STRATA_RESOURCE_IMAGE,
} StrataResourceKind;

#define STRATA_TYPE_RESOURCE (strata_resource_get_type ())

G_DECLARE_FINAL_TYPE (StrataResource, strata_resource, STRATA, RESOURCE, GObject)

StrataResource     *strata_resource_new         (StrataResourceKind  kind,
                                                 const char         *id,
                                                 const char         *name,
                                                 const char         *project,
                                                 const char         *key);
StrataResourceKind  strata_resource_get_kind    (StrataResource     *self);
const char         *strata_resource_get_id      (StrataResource     *self);
const char         *strata_resource_get_name    (StrataResource     *self);
const char         *strata_resource_get_project (StrataResource     *self);
const char         *strata_resource_get_key     (StrataResource     *self);

G_END_DECLS
