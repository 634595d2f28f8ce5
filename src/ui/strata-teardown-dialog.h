/* strata-teardown-dialog.h: the plan of a teardown, shown before anything goes
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "strata-teardown-item.h"

G_BEGIN_DECLS

typedef enum
{
  STRATA_REMOVE_IMAGES_ALL,
  STRATA_REMOVE_IMAGES_LOCAL,
  STRATA_REMOVE_IMAGES_NONE,
} StrataRemoveImages;

#define STRATA_TYPE_TEARDOWN_DIALOG (strata_teardown_dialog_get_type())

G_DECLARE_FINAL_TYPE (StrataTeardownDialog, strata_teardown_dialog, STRATA, TEARDOWN_DIALOG, AdwMessageDialog)

StrataTeardownDialog *strata_teardown_dialog_new                (GtkWindow            *parent,
                                                                 const char           *project_name);
void                  strata_teardown_dialog_set_plan           (StrataTeardownDialog *self,
                                                                 GListModel           *plan);
void                  strata_teardown_dialog_set_options        (StrataTeardownDialog *self,
                                                                 gboolean              volumes,
                                                                 StrataRemoveImages    images,
                                                                 gboolean              orphans);
GListModel           *strata_teardown_dialog_get_plan           (StrataTeardownDialog *self);
gboolean              strata_teardown_dialog_get_remove_volumes (StrataTeardownDialog *self);
StrataRemoveImages    strata_teardown_dialog_get_remove_images  (StrataTeardownDialog *self);
gboolean              strata_teardown_dialog_get_remove_orphans (StrataTeardownDialog *self);

/* A row for one resource, its state kept current (shared with the progress). */
GtkWidget            *strata_teardown_row_new                   (StrataTeardownItem   *item);

G_END_DECLS
