/* strata-window-private.h
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-files-dialog.h"
#include "strata-recent-projects.h"
#include "strata-window.h"

G_BEGIN_DECLS

struct _StrataWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkListBox           *recent_list;
  GtkWidget            *recent_group;
  StrataProjectView    *project_view;

  /* Owned references */
  GSettings            *settings;
  GFile                *folder;
  GtkNativeDialog      *chooser;
  StrataFilesDialog    *files_dialog;
};

void _strata_window_install_files_actions (GtkWidgetClass *widget_class);

G_END_DECLS
