/* strata-project-view.h: one project: sidebar, header actions and the views
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "strata-config-view.h"
#include "strata-diagnostics-bar.h"
#include "strata-layers-view.h"
#include "strata-logs-view.h"
#include "strata-progress-panel.h"
#include "strata-resources-view.h"
#include "strata-services-view.h"
#include "strata-sidebar.h"

G_BEGIN_DECLS

#define STRATA_TYPE_PROJECT_VIEW (strata_project_view_get_type())

G_DECLARE_FINAL_TYPE (StrataProjectView, strata_project_view, STRATA, PROJECT_VIEW, GtkWidget)

void                 strata_project_view_set_folder        (StrataProjectView *self,
                                                            GFile             *folder);
void                 strata_project_view_set_folder_with_files (StrataProjectView  *self,
                                                                GFile              *folder,
                                                                const char * const *files);
GFile               *strata_project_view_get_folder        (StrataProjectView *self);
void                 strata_project_view_reload            (StrataProjectView *self);
StrataProject       *strata_project_view_get_project       (StrataProjectView *self);
guint                strata_project_view_get_n_reloads     (StrataProjectView *self);
const char          *strata_project_view_get_visible_page  (StrataProjectView *self);
StrataSidebar       *strata_project_view_get_sidebar       (StrataProjectView *self);
StrataDiagnosticsBar *strata_project_view_get_diagnostics_bar (StrataProjectView *self);
StrataProgressPanel  *strata_project_view_get_progress_panel  (StrataProjectView *self);
StrataServicesView  *strata_project_view_get_services_view (StrataProjectView *self);
StrataConfigView    *strata_project_view_get_config_view   (StrataProjectView *self);
StrataLayersView    *strata_project_view_get_layers_view   (StrataProjectView *self);
StrataResourcesView *strata_project_view_get_resources_view (StrataProjectView *self);
StrataLogsView      *strata_project_view_get_logs_view     (StrataProjectView *self);
typedef struct _StrataTeardownDialog StrataTeardownDialog;
StrataTeardownDialog *strata_project_view_get_teardown_dialog (StrataProjectView *self);

G_END_DECLS
