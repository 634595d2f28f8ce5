/* strata-ui-util.c: small helpers shared by the widgets of src/ui/
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "strata-ui-private.h"

void
_strata_widget_add_toast (GtkWidget  *widget,
                          const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);  /* toast titles are markup */

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
  else
    g_message ("%s", message);
}

char *
_strata_engine_error_description (const char *endpoint,
                                  const char *message)
{
  if (endpoint != NULL && strstr (message, endpoint) != NULL)
    return g_strdup_printf (_("%s\n\nThe configuration views work without an engine."), message);

  return g_strdup_printf (_("Strata tried %s.\n%s\n\nThe configuration views work without an engine."),
                          endpoint ? endpoint : _("the default endpoint"), message);
}
