/* strata-source-style.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "strata-source-style.h"

static void
update_scheme (GtkSourceBuffer *buffer,
               GParamSpec      *pspec,
               AdwStyleManager *manager)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (manager) ? "Adwaita-dark" : "Adwaita";

  gtk_source_buffer_set_style_scheme (buffer, gtk_source_style_scheme_manager_get_scheme (schemes, id));
}

static void
on_dark_changed (AdwStyleManager *manager,
                 GParamSpec      *pspec,
                 GtkSourceBuffer *buffer)
{
  update_scheme (buffer, pspec, manager);
}

/* Uses the Adwaita or Adwaita-dark scheme, as the application style says. */
void
strata_source_buffer_follow_style (GtkSourceBuffer *buffer)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_return_if_fail (GTK_SOURCE_IS_BUFFER (buffer));

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (on_dark_changed), buffer, 0);
  update_scheme (buffer, NULL, manager);
}

void
strata_source_buffer_set_yaml (GtkSourceBuffer *buffer)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();

  g_return_if_fail (GTK_SOURCE_IS_BUFFER (buffer));

  gtk_source_buffer_set_language (buffer, gtk_source_language_manager_get_language (languages, "yaml"));
}
