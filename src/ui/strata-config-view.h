/* strata-config-view.h: the merged configuration with the source of every value
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "strata-node-item.h"
#include "strata-ui-types.h"

G_BEGIN_DECLS

#define STRATA_TYPE_CONFIG_VIEW (strata_config_view_get_type())

G_DECLARE_FINAL_TYPE (StrataConfigView, strata_config_view, STRATA, CONFIG_VIEW, GtkWidget)

void        strata_config_view_set_project      (StrataConfigView     *self,
                                                 StrataProject        *project);
void        strata_config_view_set_tree         (StrataConfigView     *self,
                                                 GObject              *owner,
                                                 const StrataNode     *root,
                                                 GPtrArray            *layers);
GListModel *strata_config_view_get_model        (StrataConfigView     *self);
void        strata_config_view_set_show_text    (StrataConfigView     *self,
                                                 gboolean              show_text);
StrataNodeItem *strata_config_view_reveal       (StrataConfigView     *self,
                                                 const char           *path);
void        strata_config_view_set_search       (StrataConfigView     *self,
                                                 const char           *text);
void        strata_config_view_set_layer_filter (StrataConfigView     *self,
                                                 StrataLayer          *layer);
void        strata_config_view_open_source      (StrataConfigView     *self,
                                                 const StrataPosition *pos);
gboolean    strata_config_view_get_source       (StrataConfigView     *self,
                                                 StrataLayer         **layer,
                                                 guint                *line);

G_END_DECLS
