/* strata-ui-util.c: small helpers shared by the widgets of src/ui/
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "strata-engine-project.h"
#include "strata-ui-private.h"
#include "strata-ui-types.h"

static void
on_toast_dismissed (AdwToast *toast,
                    GObject  *overlay)
{
  if (g_object_get_data (overlay, "strata-toast") == toast)
    g_object_set_data (overlay, "strata-toast", NULL);
}

/* One toast at a time: a new message replaces the text of the one shown.
 * (libadwaita 1.2's overlay can free a toast twice when toasts queue up
 * and are dismissed in quick succession.) */
void
_strata_widget_add_toast (GtkWidget  *widget,
                          const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);  /* toast titles are markup */
  AdwToast *shown;
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("%s", message);
      return;
    }

  if ((shown = g_object_get_data (G_OBJECT (overlay), "strata-toast")) != NULL)
    {
      adw_toast_set_title (shown, escaped);
      return;
    }
  toast = adw_toast_new (escaped);
  g_object_set_data_full (G_OBJECT (overlay), "strata-toast", g_object_ref (toast), g_object_unref);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), overlay, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
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

int
_strata_engine_project_state (StrataEngineProject *live)
{
  GListModel *containers = live ? strata_engine_project_get_containers (live) : NULL;
  guint n = containers ? g_list_model_get_n_items (containers) : 0, running = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StrataContainer) container = g_list_model_get_item (containers, i);

      running += g_strcmp0 (strata_container_get_state (container), "running") == 0;
    }

  if (n == 0)
    return STRATA_PROJECT_STATE_NOT_CREATED;
  if (running == 0)
    return STRATA_PROJECT_STATE_STOPPED;
  return running == n ? STRATA_PROJECT_STATE_RUNNING : STRATA_PROJECT_STATE_PARTLY_RUNNING;
}
