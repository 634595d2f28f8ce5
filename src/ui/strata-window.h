/* strata-window.h
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "strata-application.h"
#include "strata-project-view.h"

G_BEGIN_DECLS

#define STRATA_TYPE_WINDOW (strata_window_get_type())

G_DECLARE_FINAL_TYPE (StrataWindow, strata_window, STRATA, WINDOW, AdwApplicationWindow)

StrataWindow *strata_window_new               (StrataApplication *application);
void          strata_window_open_folder       (StrataWindow      *self,
                                               GFile             *folder);
void          strata_window_open_project      (StrataWindow       *self,
                                               GFile              *folder,
                                               const char * const *files);
typedef struct _StrataFilesDialog StrataFilesDialog;
StrataFilesDialog *strata_window_get_files_dialog (StrataWindow *self);
GFile        *strata_window_get_folder        (StrataWindow      *self);
const char   *strata_window_get_visible_page  (StrataWindow      *self);
StrataProjectView *strata_window_get_project_view (StrataWindow *self);

G_END_DECLS
