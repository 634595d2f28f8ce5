/* strata-progress-panel.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-application.h"
#include "strata-progress-panel.h"
#include "strata-teardown-dialog.h"
#include "strata-ui-private.h"

struct _StrataProgressPanel
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkRevealer         *revealer;
  GtkLabel            *title_label;
  GtkLabel            *count_label;
  GtkProgressBar      *progress_bar;
  GtkListBox          *list_box;

  /* Owned references */
  GtkFilterListModel  *acted_on;   /* the plan without what it keeps */
  char                *title;
  char                *verb;       /* what a finished step is: "removed", "done" */

  guint                n_done;
  guint                n_failed;
  guint                running : 1;
};

G_DEFINE_FINAL_TYPE (StrataProgressPanel, strata_progress_panel, GTK_TYPE_WIDGET)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_acted_on (gpointer item,
             gpointer user_data)
{
  return strata_teardown_item_get_state (item) != STRATA_TEARDOWN_KEPT;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return strata_teardown_row_new (item);
}

static void
strata_progress_panel_count (StrataProgressPanel *self)
{
  GListModel *model = G_LIST_MODEL (self->acted_on);
  guint n = g_list_model_get_n_items (model);
  g_autofree char *count = NULL;

  self->n_done = self->n_failed = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StrataTeardownItem) item = g_list_model_get_item (model, i);
      StrataTeardownState state = strata_teardown_item_get_state (item);

      self->n_done += state == STRATA_TEARDOWN_REMOVED || state == STRATA_TEARDOWN_FAILED;
      self->n_failed += state == STRATA_TEARDOWN_FAILED;
    }

  count = g_strdup_printf (_("%u of %u"), self->n_done, n);
  gtk_label_set_label (self->count_label, count);
  gtk_progress_bar_set_fraction (self->progress_bar, n ? (double) self->n_done / n : 1.0);
}

/* The operation is over (its steps may report "done" more than once, as a
 * container is stopped and then removed): emits ::finished. The panel stays
 * open when something failed. */
void
strata_progress_panel_finish (StrataProgressPanel *self)
{
  g_return_if_fail (STRATA_IS_PROGRESS_PANEL (self));

  if (!self->running)
    return;

  strata_progress_panel_count (self);
  self->running = FALSE;
  gtk_revealer_set_reveal_child (self->revealer, self->n_failed > 0);
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
on_item_state (StrataProgressPanel *self)
{
  strata_progress_panel_count (self);
}

/* Follows the items of @plan (StrataTeardownItem) as they are removed. */
void
strata_progress_panel_track (StrataProgressPanel *self,
                             const char          *title,
                             GListModel          *plan)
{
  strata_progress_panel_track_with_verb (self, title, plan, _("removed"));
}

/* Likewise, for another operation: the summary counts @verb ("done") steps. */
void
strata_progress_panel_track_with_verb (StrataProgressPanel *self,
                                       const char          *title,
                                       GListModel          *plan,
                                       const char          *verb)
{
  guint n;

  g_return_if_fail (STRATA_IS_PROGRESS_PANEL (self));
  g_return_if_fail (G_IS_LIST_MODEL (plan));

  g_free (self->verb);
  self->verb = g_strdup (verb);

  g_free (self->title);
  self->title = g_strdup (title);
  gtk_label_set_label (self->title_label, title);

  g_clear_object (&self->acted_on);
  self->acted_on = gtk_filter_list_model_new (g_object_ref (plan),
                                              GTK_FILTER (gtk_custom_filter_new (is_acted_on, NULL, NULL)));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->acted_on), create_row, NULL, NULL);

  n = g_list_model_get_n_items (plan);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (plan, i);

      g_signal_connect_object (item, "notify::state", G_CALLBACK (on_item_state), self, G_CONNECT_SWAPPED);
    }

  self->running = TRUE;
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  strata_progress_panel_count (self);
}

gboolean
strata_progress_panel_is_running (StrataProgressPanel *self)
{
  g_return_val_if_fail (STRATA_IS_PROGRESS_PANEL (self), FALSE);

  return self->running;
}

/* "demo: 7 removed" or "demo: 5 removed, 2 failed: <first error>". */
char *
strata_progress_panel_dup_summary (StrataProgressPanel *self)
{
  GListModel *model;
  const char *first_error = NULL;

  g_return_val_if_fail (STRATA_IS_PROGRESS_PANEL (self), NULL);

  if (self->acted_on == NULL)
    return NULL;

  model = G_LIST_MODEL (self->acted_on);
  for (guint i = 0; first_error == NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(StrataTeardownItem) item = g_list_model_get_item (model, i);

      first_error = strata_teardown_item_get_error (item);
    }

  if (self->n_failed == 0)
    return g_strdup_printf (_("%s: %u %s"), self->title, self->n_done, self->verb);

  return g_strdup_printf (_("%s: %u %s, %u failed: %s"), self->title,
                          self->n_done - self->n_failed, self->verb, self->n_failed,
                          first_error ? first_error : _("see the details"));
}

static void
strata_progress_panel_dispose (GObject *object)
{
  StrataProgressPanel *self = STRATA_PROGRESS_PANEL (object);

  _strata_widget_dispose_children (GTK_WIDGET (self), STRATA_TYPE_PROGRESS_PANEL);
  g_clear_object (&self->acted_on);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->verb, g_free);

  G_OBJECT_CLASS (strata_progress_panel_parent_class)->dispose (object);
}

static void
strata_progress_panel_class_init (StrataProgressPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = strata_progress_panel_dispose;

  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  strata_application_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/strata/Strata/strata-progress-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, StrataProgressPanel, revealer);
  gtk_widget_class_bind_template_child (widget_class, StrataProgressPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, StrataProgressPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, StrataProgressPanel, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, StrataProgressPanel, list_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
strata_progress_panel_init (StrataProgressPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
