/* strata-logs-view.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "strata-application.h"
#include "strata-ui-private.h"
#include "strata-logs-view.h"

/* Service prefixes take one of these, by name, readable on light and dark. */
static const char * const service_colors[] = {
  "#3584e4", "#26a269", "#e66100", "#9141ac", "#c01c28", "#1c71d8", "#986a44", "#2190a4",
};

struct _StrataLogsView
{
  GtkWidget                parent_instance;

  /* Template widgets */
  GtkStack                *stack;
  GtkSearchEntry          *search_entry;
  GtkToggleButton         *timestamps_button;
  GtkSourceView           *text_view;

  /* Owned references */
  GObject                 *project;
  GtkSourceSearchContext  *search;
  GtkTextTag              *timestamp_tag;
  GtkTextMark             *end_mark;

  guint                    max_lines;
  guint                    paused : 1;
};

G_DEFINE_FINAL_TYPE (StrataLogsView, strata_logs_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAUSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkTextBuffer *
get_buffer (StrataLogsView *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
}

static GtkTextTag *
ensure_service_tag (StrataLogsView *self,
                    const char     *service)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (get_buffer (self));
  g_autofree char *name = g_strconcat ("service:", service, NULL);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

  if (tag == NULL)
    {
      guint color = g_str_hash (service) % G_N_ELEMENTS (service_colors);

      tag = gtk_text_buffer_create_tag (get_buffer (self), name,
                                        "foreground", service_colors[color],
                                        "weight", PANGO_WEIGHT_BOLD,
                                        NULL);
    }

  return tag;
}

/* Drops the oldest lines so that the buffer never holds more than max_lines. */
static void
strata_logs_view_trim (StrataLogsView *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  int excess = gtk_text_buffer_get_line_count (buffer) - 1 - (int) self->max_lines;
  GtkTextIter start, cut;

  if (excess <= 0)
    return;

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_get_iter_at_line (buffer, &cut, excess);
  gtk_text_buffer_delete (buffer, &start, &cut);
}

static void
strata_logs_view_follow (StrataLogsView *self)
{
  if (!self->paused)
    gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->text_view), self->end_mark, 0.0, FALSE, 0.0, 1.0);
}

void
strata_logs_view_append (StrataLogsView *self,
                         const char     *service,
                         const char     *timestamp,
                         const char     *text)
{
  GtkTextBuffer *buffer;
  GtkTextIter end;

  g_return_if_fail (STRATA_IS_LOGS_VIEW (self));
  g_return_if_fail (service != NULL && text != NULL);

  buffer = get_buffer (self);
  gtk_text_buffer_get_end_iter (buffer, &end);
  if (timestamp != NULL)
    {
      g_autofree char *stamp = g_strconcat (timestamp, " ", NULL);

      gtk_text_buffer_insert_with_tags (buffer, &end, stamp, -1, self->timestamp_tag, NULL);
    }
  gtk_text_buffer_insert_with_tags (buffer, &end, service, -1, ensure_service_tag (self, service), NULL);
  gtk_text_buffer_insert (buffer, &end, "  | ", -1);
  gtk_text_buffer_insert (buffer, &end, text, -1);
  if (!g_str_has_suffix (text, "\n"))
    gtk_text_buffer_insert (buffer, &end, "\n", 1);

  strata_logs_view_trim (self);
  gtk_stack_set_visible_child_name (self->stack, "logs");
  strata_logs_view_follow (self);
}

void
strata_logs_view_clear (StrataLogsView *self)
{
  g_return_if_fail (STRATA_IS_LOGS_VIEW (self));

  gtk_text_buffer_set_text (get_buffer (self), "", 0);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

guint
strata_logs_view_get_n_lines (StrataLogsView *self)
{
  g_return_val_if_fail (STRATA_IS_LOGS_VIEW (self), 0);

  return gtk_text_buffer_get_line_count (get_buffer (self)) - 1;
}

void
strata_logs_view_set_max_lines (StrataLogsView *self,
                                guint           max_lines)
{
  g_return_if_fail (STRATA_IS_LOGS_VIEW (self));
  g_return_if_fail (max_lines > 0);

  self->max_lines = max_lines;
  strata_logs_view_trim (self);
}

gboolean
strata_logs_view_get_paused (StrataLogsView *self)
{
  g_return_val_if_fail (STRATA_IS_LOGS_VIEW (self), FALSE);

  return self->paused;
}

void
strata_logs_view_set_paused (StrataLogsView *self,
                             gboolean        paused)
{
  g_return_if_fail (STRATA_IS_LOGS_VIEW (self));

  paused = !!paused;
  if (self->paused == paused)
    return;

  self->paused = paused;
  strata_logs_view_follow (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

void
strata_logs_view_set_project (StrataLogsView *self,
                              StrataProject  *project)
{
  g_return_if_fail (STRATA_IS_LOGS_VIEW (self));

  if (g_set_object (&self->project, (GObject *) project))
    strata_logs_view_clear (self);
}

/* Only @service's lines from now on; %NULL for every service. */
void
strata_logs_view_follow_service (StrataLogsView *self,
                                 const char     *service)
{
  g_return_if_fail (STRATA_IS_LOGS_VIEW (self));
}

static void
on_search_changed (StrataLogsView *self)
{
  GtkSourceSearchSettings *settings = gtk_source_search_context_get_settings (self->search);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  gtk_source_search_settings_set_search_text (settings, text[0] ? text : NULL);
}

static void
on_search_activate (StrataLogsView *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter from, start, end;
  gboolean wrapped;

  gtk_text_buffer_get_selection_bounds (buffer, NULL, &from);
  if (gtk_source_search_context_forward (self->search, &from, &start, &end, &wrapped))
    {
      gtk_text_buffer_select_range (buffer, &start, &end);
      gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->text_view), &start, 0.1, FALSE, 0, 0);
    }
}

static void
on_timestamps_toggled (StrataLogsView *self)
{
  g_object_set (self->timestamp_tag, "invisible",
                !gtk_toggle_button_get_active (self->timestamps_button), NULL);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  strata_logs_view_clear (STRATA_LOGS_VIEW (widget));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (STRATA_LOGS_VIEW (widget)->search_entry));
}

static void
strata_logs_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  StrataLogsView *self = STRATA_LOGS_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
strata_logs_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  StrataLogsView *self = STRATA_LOGS_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAUSED:
      strata_logs_view_set_paused (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
strata_logs_view_dispose (GObject *object)
{
  StrataLogsView *self = STRATA_LOGS_VIEW (object);

  g_clear_object (&self->search);
  _strata_widget_dispose_children (GTK_WIDGET (self), STRATA_TYPE_LOGS_VIEW);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (strata_logs_view_parent_class)->dispose (object);
}

static void
strata_logs_view_class_init (StrataLogsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = strata_logs_view_dispose;
  object_class->get_property = strata_logs_view_get_property;
  object_class->set_property = strata_logs_view_set_property;

  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  strata_application_register_resources ();
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/strata/Strata/strata-logs-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StrataLogsView, stack);
  gtk_widget_class_bind_template_child (widget_class, StrataLogsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StrataLogsView, timestamps_button);
  gtk_widget_class_bind_template_child (widget_class, StrataLogsView, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_property_action (widget_class, "logs.pause", "paused");
  gtk_widget_class_install_action (widget_class, "logs.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "logs.focus-search", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "logs.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "logs.pause", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "logs.clear", NULL);
}

static void
strata_logs_view_init (StrataLogsView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter end;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->max_lines = STRATA_LOGS_VIEW_DEFAULT_MAX_LINES;
  buffer = get_buffer (self);
  self->timestamp_tag = gtk_text_buffer_create_tag (buffer, "timestamp", "foreground", "#888a85", NULL);
  gtk_text_buffer_get_end_iter (buffer, &end);
  self->end_mark = gtk_text_buffer_create_mark (buffer, "end", &end, FALSE);
  self->search = gtk_source_search_context_new (GTK_SOURCE_BUFFER (buffer), NULL);
  gtk_source_search_settings_set_wrap_around (gtk_source_search_context_get_settings (self->search), TRUE);
  g_signal_connect_object (self->timestamps_button, "toggled",
                           G_CALLBACK (on_timestamps_toggled), self, G_CONNECT_SWAPPED);
}
