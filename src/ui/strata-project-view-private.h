/* strata-project-view-private.h
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-engine-session.h"
#include "strata-file-watch.h"
#include "strata-project-view.h"
#include "strata-teardown-dialog.h"

G_BEGIN_DECLS

struct _StrataProjectView
{
  GtkWidget             parent_instance;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  StrataSidebar        *sidebar;
  AdwHeaderBar         *header_bar;
  GtkWidget            *back_button;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  StrataDiagnosticsBar *diagnostics_bar;
  StrataProgressPanel  *progress_panel;
  StrataServicesView   *services_view;
  StrataConfigView     *config_view;
  StrataLayersView     *layers_view;
  StrataResourcesView  *resources_view;
  StrataLogsView       *logs_view;

  /* Owned references */
  GFile                *folder;
  GStrv                 files;          /* -f, in order; NULL for compose's defaults */
  StrataFileWatch      *watch;
  StrataProject        *project;
  StrataEngineSession  *session;
  StrataTeardownDialog *teardown_dialog;
  StrataEngineProject  *live;           /* the project's state on the engine, if any */
  GListModel           *live_projects;  /* the monitor's, watched for the project to appear */
  GCancellable         *cancellable;
  guint                 n_reloads;
  guint                 stale_pages;    /* views not showing the project yet */
};

void _strata_project_view_engine_init     (StrataProjectView *self);
void _strata_project_view_engine_dispose  (StrataProjectView *self);
void _strata_project_view_engine_bind     (StrataProjectView *self);
void _strata_project_view_install_engine_actions (GtkWidgetClass *widget_class);
void _strata_project_view_install_up_action      (GtkWidgetClass *widget_class);

G_END_DECLS
