/* strata-teardown-dialog.c
 *
 * The dialog only shows a plan and the options it was made with; whoever
 * opened it makes the plan (from the engine) again on ::options-changed and
 * runs it after the "tear-down" response. Nothing is removed that the plan
 * did not list.
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-application.h"
#include "strata-teardown-dialog.h"

struct _StrataTeardownDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  GtkSwitch        *volumes_switch;
  AdwComboRow      *images_row;
  GtkSwitch        *orphans_switch;
  GtkListBox       *plan_list;

  /* Owned references */
  GListModel       *plan;
};

G_DEFINE_FINAL_TYPE (StrataTeardownDialog, strata_teardown_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  OPTIONS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
state_to_icon (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  switch (g_value_get_int (from))
    {
    case STRATA_TEARDOWN_REMOVED:
      g_value_set_string (to, "emblem-ok-symbolic");
      break;
    case STRATA_TEARDOWN_FAILED:
      g_value_set_string (to, "dialog-error-symbolic");
      break;
    case STRATA_TEARDOWN_REMOVING:
      g_value_set_string (to, "content-loading-symbolic");
      break;
    default:
      g_value_set_string (to, NULL);
    }
  return TRUE;
}

GtkWidget *
strata_teardown_row_new (StrataTeardownItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *state = gtk_image_new ();
  gboolean kept = strata_teardown_item_get_state (item) == STRATA_TEARDOWN_KEPT;
  const char *detail = strata_teardown_item_get_detail (item);
  g_autofree char *title = g_markup_escape_text (strata_teardown_item_get_name (item), -1);
  g_autofree char *subtitle = NULL;

  if (kept)
    subtitle = g_markup_printf_escaped (_("Kept: %s"), detail ? detail : _("external"));
  else if (detail != NULL)
    subtitle = g_markup_escape_text (detail, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), strata_plan_kind_to_icon (strata_teardown_item_get_kind (item)));
  if (kept)
    gtk_widget_add_css_class (row, "dim-label");

  g_object_bind_property_full (item, "state", state, "icon-name", G_BINDING_SYNC_CREATE,
                               state_to_icon, NULL, NULL, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);

  return row;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return strata_teardown_row_new (item);
}

void
strata_teardown_dialog_set_plan (StrataTeardownDialog *self,
                                 GListModel           *plan)
{
  g_return_if_fail (STRATA_IS_TEARDOWN_DIALOG (self));
  g_return_if_fail (plan == NULL || G_IS_LIST_MODEL (plan));

  if (!g_set_object (&self->plan, plan))
    return;

  gtk_list_box_bind_model (self->plan_list, plan, create_row, NULL, NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "tear-down",
                                           plan != NULL && g_list_model_get_n_items (plan) > 0);
}

GListModel *
strata_teardown_dialog_get_plan (StrataTeardownDialog *self)
{
  g_return_val_if_fail (STRATA_IS_TEARDOWN_DIALOG (self), NULL);

  return self->plan;
}

/* Presets the switches (before ::options-changed is connected). */
void
strata_teardown_dialog_set_options (StrataTeardownDialog *self,
                                    gboolean              volumes,
                                    StrataRemoveImages    images,
                                    gboolean              orphans)
{
  g_return_if_fail (STRATA_IS_TEARDOWN_DIALOG (self));

  gtk_switch_set_active (self->volumes_switch, volumes);
  adw_combo_row_set_selected (self->images_row, images);
  gtk_switch_set_active (self->orphans_switch, orphans);
}

gboolean
strata_teardown_dialog_get_remove_volumes (StrataTeardownDialog *self)
{
  g_return_val_if_fail (STRATA_IS_TEARDOWN_DIALOG (self), FALSE);

  return gtk_switch_get_active (self->volumes_switch);
}

StrataRemoveImages
strata_teardown_dialog_get_remove_images (StrataTeardownDialog *self)
{
  g_return_val_if_fail (STRATA_IS_TEARDOWN_DIALOG (self), STRATA_REMOVE_IMAGES_NONE);

  return (StrataRemoveImages) adw_combo_row_get_selected (self->images_row);
}

gboolean
strata_teardown_dialog_get_remove_orphans (StrataTeardownDialog *self)
{
  g_return_val_if_fail (STRATA_IS_TEARDOWN_DIALOG (self), FALSE);

  return gtk_switch_get_active (self->orphans_switch);
}

static void
on_option_changed (StrataTeardownDialog *self)
{
  g_signal_emit (self, signals[OPTIONS_CHANGED], 0);
}

static void
strata_teardown_dialog_dispose (GObject *object)
{
  StrataTeardownDialog *self = STRATA_TEARDOWN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STRATA_TYPE_TEARDOWN_DIALOG);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (strata_teardown_dialog_parent_class)->dispose (object);
}

static void
strata_teardown_dialog_class_init (StrataTeardownDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = strata_teardown_dialog_dispose;

  signals[OPTIONS_CHANGED] = g_signal_new ("options-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  strata_application_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/strata/Strata/strata-teardown-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StrataTeardownDialog, volumes_switch);
  gtk_widget_class_bind_template_child (widget_class, StrataTeardownDialog, images_row);
  gtk_widget_class_bind_template_child (widget_class, StrataTeardownDialog, orphans_switch);
  gtk_widget_class_bind_template_child (widget_class, StrataTeardownDialog, plan_list);
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed);
}

static void
strata_teardown_dialog_init (StrataTeardownDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "tear-down", FALSE);
}

StrataTeardownDialog *
strata_teardown_dialog_new (GtkWindow  *parent,
                            const char *project_name)
{
  StrataTeardownDialog *self = g_object_new (STRATA_TYPE_TEARDOWN_DIALOG,
                                             "transient-for", parent,
                                             "modal", TRUE,
                                             NULL);

  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (self), _("Tear Down “%s”?"), project_name);
  return self;
}
