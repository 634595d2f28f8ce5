/* strata-ui-types.h: forward declarations and enums shared by the views
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The models the views bind to. They are declared (as final GObject types)
 * by src/compose/ and src/engine/; the views only hold pointers. */
typedef struct _StrataProject StrataProject;
typedef struct _StrataEngine  StrataEngine;

/* What the sidebar badge says about a project on the engine. */
typedef enum
{
  STRATA_PROJECT_STATE_UNKNOWN,
  STRATA_PROJECT_STATE_NOT_CREATED,
  STRATA_PROJECT_STATE_STOPPED,
  STRATA_PROJECT_STATE_PARTLY_RUNNING,
  STRATA_PROJECT_STATE_RUNNING,
} StrataProjectState;

const char *strata_project_state_to_label     (StrataProjectState state);
const char *strata_project_state_to_css_class (StrataProjectState state);

G_END_DECLS
