/* strata-recent-projects.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "strata-recent-projects.h"

#define RECENT_KEY "recent-projects"

/* Moves @path to the front of the list, keeping at most
 * STRATA_RECENT_PROJECTS_MAX entries. */
void
strata_recent_projects_add (GSettings  *settings,
                            const char *path)
{
  g_auto(GStrv) old = g_settings_get_strv (settings, RECENT_KEY);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_return_if_fail (path != NULL);

  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < STRATA_RECENT_PROJECTS_MAX; i++)
    {
      if (g_strcmp0 (old[i], path) == 0)
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }

  recent = g_strv_builder_end (builder);
  g_settings_set_strv (settings, RECENT_KEY, (const char * const *) recent);
}

void
strata_recent_projects_remove (GSettings  *settings,
                               const char *path)
{
  g_auto(GStrv) old = g_settings_get_strv (settings, RECENT_KEY);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;

  for (guint i = 0; old[i] != NULL; i++)
    if (g_strcmp0 (old[i], path) != 0)
      g_strv_builder_add (builder, old[i]);

  recent = g_strv_builder_end (builder);
  g_settings_set_strv (settings, RECENT_KEY, (const char * const *) recent);
}
