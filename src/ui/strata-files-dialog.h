/* strata-files-dialog.h: which compose files to read, in which order (-f)
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STRATA_TYPE_FILES_DIALOG (strata_files_dialog_get_type())

G_DECLARE_FINAL_TYPE (StrataFilesDialog, strata_files_dialog, STRATA, FILES_DIALOG, AdwMessageDialog)

StrataFilesDialog *strata_files_dialog_new       (GtkWindow          *parent,
                                                  const char * const *candidates,
                                                  const char * const *chosen);
GStrv              strata_files_dialog_get_files (StrataFilesDialog  *self);
void               strata_files_dialog_set_files (StrataFilesDialog  *self,
                                                  const char * const *chosen);
void               strata_files_dialog_move      (StrataFilesDialog  *self,
                                                  const char         *file,
                                                  int                 delta);

/* The compose files of @folder (names matching *compose*.y[a]ml), the
 * default base file first; and those compose reads by default. */
GStrv              strata_compose_candidates     (const char         *folder,
                                                  GStrv              *defaults);

G_END_DECLS
