/* strata-source-style.h: source buffers that follow the light/dark style
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

void strata_source_buffer_follow_style (GtkSourceBuffer *buffer);
void strata_source_buffer_set_yaml     (GtkSourceBuffer *buffer);

G_END_DECLS
