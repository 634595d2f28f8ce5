/* strata-config-view-private.h
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-config-view.h"
#include "strata-node-item.h"

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define STRATA_N_LAYER_COLORS 6

void _strata_config_columns_add           (StrataConfigView *self,
                                           GtkColumnView    *column_view);
int  _strata_config_view_get_layer_index  (StrataConfigView *self,
                                           StrataLayer      *layer);
void _strata_config_text_setup           (GtkSourceView    *view);
void _strata_config_text_show            (GtkSourceView    *view,
                                          const StrataNode *model,
                                          GPtrArray        *layers);
void _strata_layer_chip_set_layer         (GtkWidget        *chip,
                                           int               index);

G_END_DECLS
