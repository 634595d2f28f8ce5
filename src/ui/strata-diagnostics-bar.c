/* strata-diagnostics-bar.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-application.h"
#include "strata-diagnostics-bar.h"
#include "strata-ui-private.h"

struct _StrataDiagnosticsBar
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkRevealer    *revealer;
  GtkImage       *icon;
  GtkLabel       *summary;
  GtkListBox     *list_box;

  /* Owned references */
  GPtrArray      *diagnostics;  /* of StrataDiagnostic */
};

G_DEFINE_FINAL_TYPE (StrataDiagnosticsBar, strata_diagnostics_bar, GTK_TYPE_WIDGET)

enum {
  POSITION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_row (const StrataDiagnostic *diagnostic)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *place = NULL;
  g_autofree char *title = g_markup_escape_text (diagnostic->message, -1);
  g_autofree char *subtitle = diagnostic->hint ? g_markup_escape_text (diagnostic->hint, -1) : NULL;
  GtkWidget *icon = gtk_image_new_from_icon_name (diagnostic->severity == STRATA_SEVERITY_ERROR
                                                  ? "dialog-error-symbolic" : "dialog-warning-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (diagnostic->pos.layer != NULL && diagnostic->pos.line > 0)
    {
      GtkWidget *label;

      place = strata_position_to_string (&diagnostic->pos);
      label = gtk_label_new (place);
      gtk_widget_add_css_class (label, "link");
      gtk_widget_add_css_class (label, "caption");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Show in the file"));
    }

  return row;
}

static void
strata_diagnostics_bar_clear (StrataDiagnosticsBar *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
}

static void
strata_diagnostics_bar_update_summary (StrataDiagnosticsBar *self)
{
  guint errors = 0, n = self->diagnostics ? self->diagnostics->len : 0;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < n; i++)
    if (((StrataDiagnostic *) g_ptr_array_index (self->diagnostics, i))->severity == STRATA_SEVERITY_ERROR)
      errors++;

  if (errors > 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The compose files have %u error",
                                            "The compose files have %u errors", errors), errors);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The compose files have %u warning",
                                            "The compose files have %u warnings", n), n);

  gtk_label_set_label (self->summary, summary);
  gtk_image_set_from_icon_name (self->icon, errors ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_set_css_classes (gtk_revealer_get_child (self->revealer),
                              (const char *[]) { "diagnostics-bar", errors ? "error" : "warning", NULL });
}

/**
 * strata_diagnostics_bar_set_diagnostics:
 * @diagnostics: (nullable) (element-type StrataDiagnostic): kept (a reference)
 */
void
strata_diagnostics_bar_set_diagnostics (StrataDiagnosticsBar *self,
                                        GPtrArray            *diagnostics)
{
  g_return_if_fail (STRATA_IS_DIAGNOSTICS_BAR (self));

  strata_diagnostics_bar_clear (self);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  if (diagnostics != NULL && diagnostics->len > 0)
    self->diagnostics = g_ptr_array_ref (diagnostics);

  for (guint i = 0; self->diagnostics != NULL && i < self->diagnostics->len; i++)
    gtk_list_box_append (self->list_box, create_row (g_ptr_array_index (self->diagnostics, i)));

  strata_diagnostics_bar_update_summary (self);
  gtk_revealer_set_reveal_child (self->revealer, self->diagnostics != NULL);
}

guint
strata_diagnostics_bar_get_n_shown (StrataDiagnosticsBar *self)
{
  g_return_val_if_fail (STRATA_IS_DIAGNOSTICS_BAR (self), 0);

  return self->diagnostics ? self->diagnostics->len : 0;
}

/* Emits ::position-activated with the place of the @index-th problem. */
void
strata_diagnostics_bar_activate_row (StrataDiagnosticsBar *self,
                                     guint                 index)
{
  const StrataDiagnostic *diagnostic;

  g_return_if_fail (STRATA_IS_DIAGNOSTICS_BAR (self));
  g_return_if_fail (self->diagnostics != NULL && index < self->diagnostics->len);

  diagnostic = g_ptr_array_index (self->diagnostics, index);
  if (diagnostic->pos.layer != NULL && diagnostic->pos.line > 0)
    g_signal_emit (self, signals[POSITION_ACTIVATED], 0, &diagnostic->pos);
}

static void
on_row_activated (StrataDiagnosticsBar *self,
                  GtkListBoxRow        *row)
{
  strata_diagnostics_bar_activate_row (self, (guint) gtk_list_box_row_get_index (row));
}

static void
strata_diagnostics_bar_dispose (GObject *object)
{
  StrataDiagnosticsBar *self = STRATA_DIAGNOSTICS_BAR (object);

  _strata_widget_dispose_children (GTK_WIDGET (self), STRATA_TYPE_DIAGNOSTICS_BAR);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);

  G_OBJECT_CLASS (strata_diagnostics_bar_parent_class)->dispose (object);
}

static void
strata_diagnostics_bar_class_init (StrataDiagnosticsBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = strata_diagnostics_bar_dispose;

  /**
   * StrataDiagnosticsBar::position-activated:
   * @position: (type gpointer): the StrataPosition to show, valid during emission
   */
  signals[POSITION_ACTIVATED] =
    g_signal_new ("position-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  strata_application_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/strata/Strata/strata-diagnostics-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, StrataDiagnosticsBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, StrataDiagnosticsBar, icon);
  gtk_widget_class_bind_template_child (widget_class, StrataDiagnosticsBar, summary);
  gtk_widget_class_bind_template_child (widget_class, StrataDiagnosticsBar, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
strata_diagnostics_bar_init (StrataDiagnosticsBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
