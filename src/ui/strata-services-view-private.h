/* strata-services-view-private.h
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-engine-project.h"
#include "strata-service-row.h"
#include "strata-services-view.h"

G_BEGIN_DECLS

struct _StrataServicesView
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  AdwStatusPage       *engine_page;
  GtkListBox          *list_box;

  /* Owned references */
  StrataProject       *project;
  StrataEngine        *engine;
  StrataEngineProject *live;
  GHashTable          *busy;        /* service name → operations running */
  GCancellable        *cancellable;
  char                *engine_message;

  /* Borrowed references */
  GHashTable          *rows;        /* service name → StrataServiceRow */

  guint                refresh_source;
};

StrataServiceRow *_strata_services_view_find_row        (StrataServicesView *self,
                                                         const char         *service);
GPtrArray        *_strata_services_view_containers_of   (StrataServicesView *self,
                                                         const char         *service);
void              _strata_services_view_install_actions (GtkWidgetClass     *widget_class);
void              _strata_services_view_update_actions  (StrataServicesView *self);

G_END_DECLS
