/* strata-services-view.h
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "strata-ui-types.h"

G_BEGIN_DECLS

typedef struct _StrataEngineProject StrataEngineProject;
typedef struct _StrataServiceRow    StrataServiceRow;

#define STRATA_TYPE_SERVICES_VIEW (strata_services_view_get_type())

G_DECLARE_FINAL_TYPE (StrataServicesView, strata_services_view, STRATA, SERVICES_VIEW, GtkWidget)

void strata_services_view_set_project (StrataServicesView *self,
                                       StrataProject      *project);
void strata_services_view_set_live    (StrataServicesView  *self,
                                       StrataEngine        *engine,
                                       StrataEngineProject *live);
void strata_services_view_set_engine_error (StrataServicesView *self,
                                            const char         *endpoint,
                                            const char         *message);
const char *strata_services_view_get_visible_page       (StrataServicesView *self);
const char *strata_services_view_get_engine_description (StrataServicesView *self);
StrataServiceRow *strata_services_view_get_row          (StrataServicesView *self,
                                                         const char         *service);
guint       strata_services_view_get_n_busy             (StrataServicesView *self);

G_END_DECLS
