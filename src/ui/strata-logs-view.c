/* strata-logs-view.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "strata-application.h"
#include "strata-project.h"
#include "strata-ui-private.h"
#include "strata-logs-view-private.h"

/* Service prefixes take one of these, by name, readable on light and dark. */
static const char * const service_colors[] = {
  "#3584e4", "#26a269", "#e66100", "#9141ac", "#c01c28", "#1c71d8", "#986a44", "#2190a4",
};


G_DEFINE_FINAL_TYPE (StrataLogsView, strata_logs_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAUSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint service_position    (StrataLogsView *self,
                                  const char     *service);
static void  on_service_selected (StrataLogsView *self);

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
  g_array_remove_range (self->times, 0, MIN ((guint) excess, self->times->len));
}

static void
strata_logs_view_follow (StrataLogsView *self)
{
  if (!self->paused)
    gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->text_view), self->end_mark, 0.0, FALSE, 0.0, 1.0);
}

/* Where a line of @time goes: lines come in per container, so the recent
 * lines of one may arrive after newer lines of another. Usually the end. */
static guint
line_for_time (StrataLogsView *self,
               gint64          time)
{
  guint line = self->times->len;

  while (line > 0 && g_array_index (self->times, gint64, line - 1) > time)
    line--;

  return line;
}

/* "django    | text", the names padded to the longest, as compose does. */
void
_strata_logs_view_insert (StrataLogsView *self,
                          const char     *service,
                          gint64          time,
                          const char     *timestamp,
                          const char     *text)
{
  GtkTextBuffer *buffer = get_buffer (self);
  guint line = line_for_time (self, time);
  g_autofree char *padding = g_strnfill (MAX (0, (int) self->name_width - (int) g_utf8_strlen (service, -1)), ' ');
  const char *end = strchr (text, '\n');
  g_autofree char *body = g_strndup (text, end ? (gsize) (end - text) : strlen (text));
  g_autofree char *row = g_strdup_printf ("%s%s%s%s  | %s\n", timestamp ? timestamp : "", timestamp ? " " : "",
                                          service, padding, body);
  int stamp_chars = timestamp ? g_utf8_strlen (timestamp, -1) + 1 : 0;
  GtkTextIter at, start, stop;
  GtkTextMark *mark;

  if (line == self->times->len)
    gtk_text_buffer_get_end_iter (buffer, &at);
  else
    gtk_text_buffer_get_iter_at_line (buffer, &at, line);
  mark = gtk_text_buffer_create_mark (buffer, NULL, &at, TRUE);
  gtk_text_buffer_insert (buffer, &at, row, -1);

  /* Text inserted next to tagged text takes its tags: set them anew. */
  gtk_text_buffer_get_iter_at_mark (buffer, &start, mark);
  gtk_text_buffer_remove_all_tags (buffer, &start, &at);
  stop = start;
  gtk_text_iter_forward_chars (&stop, stamp_chars);
  gtk_text_buffer_apply_tag (buffer, self->timestamp_tag, &start, &stop);
  start = stop;
  gtk_text_iter_forward_chars (&stop, g_utf8_strlen (service, -1));
  gtk_text_buffer_apply_tag (buffer, ensure_service_tag (self, service), &start, &stop);
  gtk_text_buffer_delete_mark (buffer, mark);
  g_array_insert_val (self->times, line, time);

  strata_logs_view_trim (self);
  gtk_stack_set_visible_child_name (self->stack, "logs");
  strata_logs_view_follow (self);
}

/* A line of @service at the present time. */
void
strata_logs_view_append (StrataLogsView *self,
                         const char     *service,
                         const char     *timestamp,
                         const char     *text)
{
  g_return_if_fail (STRATA_IS_LOGS_VIEW (self));
  g_return_if_fail (service != NULL && text != NULL);

  _strata_logs_view_insert (self, service, g_get_real_time (), timestamp, text);
}

void
strata_logs_view_clear (StrataLogsView *self)
{
  g_return_if_fail (STRATA_IS_LOGS_VIEW (self));

  gtk_text_buffer_set_text (get_buffer (self), "", 0);
  g_array_set_size (self->times, 0);
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

/* The services to pick from. A reload of the same project keeps the
 * lines and the followers. */
void
strata_logs_view_set_project (StrataLogsView *self,
                              StrataProject  *project)
{
  GListModel *services;
  g_autofree char *followed = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_return_if_fail (STRATA_IS_LOGS_VIEW (self));

  if (!g_set_object (&self->project, (GObject *) project) || project == NULL)
    return;

  services = strata_project_get_services (project);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(StrataServiceItem) service = g_list_model_get_item (services, i);

      g_strv_builder_add (names, strata_service_item_get_name (service));
    }
  strv = g_strv_builder_end (names);
  self->name_width = 0;
  for (guint i = 0; strv[i] != NULL; i++)
    self->name_width = MAX (self->name_width, g_utf8_strlen (strv[i], -1));
  followed = g_strdup (self->service);
  g_signal_handlers_block_by_func (self->service_dropdown, on_service_selected, self);
  gtk_string_list_splice (self->service_names, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->service_names)) - 1,
                          (const char * const *) strv);
  gtk_drop_down_set_selected (self->service_dropdown, service_position (self, followed));
  g_signal_handlers_unblock_by_func (self->service_dropdown, on_service_selected, self);
  on_service_selected (self);
}

static guint
service_position (StrataLogsView *self,
                  const char     *service)
{
  GListModel *names = G_LIST_MODEL (self->service_names);

  for (guint i = 1; service != NULL && i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->service_names, i), service) == 0)
      return i;

  return 0;
}

/* Follows only @service from now on (its recent lines first), or every
 * service for %NULL. */
void
strata_logs_view_follow_service (StrataLogsView *self,
                                 const char     *service)
{
  g_return_if_fail (STRATA_IS_LOGS_VIEW (self));

  if (service != NULL && service_position (self, service) == 0)
    gtk_string_list_append (self->service_names, service);
  gtk_drop_down_set_selected (self->service_dropdown, service_position (self, service));
}

const char *
strata_logs_view_get_followed_service (StrataLogsView *self)
{
  g_return_val_if_fail (STRATA_IS_LOGS_VIEW (self), NULL);

  return self->service;
}

static void
on_service_selected (StrataLogsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->service_dropdown);
  const char *service = selected == 0 || selected == GTK_INVALID_LIST_POSITION
                        ? NULL : gtk_string_list_get_string (self->service_names, selected);

  if (g_strcmp0 (service, self->service) == 0)
    return;
  g_free (self->service);
  self->service = g_strdup (service);
  _strata_logs_view_stop_followers (self);
  strata_logs_view_clear (self);
  _strata_logs_view_sync_followers (self);
}

/* The whole buffer, as shown (timestamps included). */
char *
strata_logs_view_dup_text (StrataLogsView *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (STRATA_IS_LOGS_VIEW (self), NULL);

  gtk_text_buffer_get_bounds (get_buffer (self), &start, &end);
  return gtk_text_buffer_get_text (get_buffer (self), &start, &end, TRUE);
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

  if (self->followers != NULL)
    _strata_logs_view_stop_followers (self);
  if (self->live != NULL)
    g_signal_handlers_disconnect_by_data (strata_engine_project_get_containers (self->live), self);
  g_clear_object (&self->search);
  _strata_widget_dispose_children (GTK_WIDGET (self), STRATA_TYPE_LOGS_VIEW);
  g_clear_object (&self->project);
  g_clear_object (&self->live);
  g_clear_object (&self->engine);
  g_clear_object (&self->service_names);
  g_clear_pointer (&self->service, g_free);

  G_OBJECT_CLASS (strata_logs_view_parent_class)->dispose (object);
}

static void
strata_logs_view_finalize (GObject *object)
{
  StrataLogsView *self = STRATA_LOGS_VIEW (object);

  g_clear_pointer (&self->followers, g_hash_table_unref);
  g_clear_pointer (&self->times, g_array_unref);
  g_clear_pointer (&self->last_seen, g_hash_table_unref);

  G_OBJECT_CLASS (strata_logs_view_parent_class)->finalize (object);
}

static void
strata_logs_view_class_init (StrataLogsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = strata_logs_view_dispose;
  object_class->finalize = strata_logs_view_finalize;
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
  gtk_widget_class_bind_template_child (widget_class, StrataLogsView, service_dropdown);
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

  self->times = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->followers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->last_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->service_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->service_names, _("All Services"));
  gtk_drop_down_set_model (self->service_dropdown, G_LIST_MODEL (self->service_names));
  g_signal_connect_object (self->service_dropdown, "notify::selected", G_CALLBACK (on_service_selected),
                           self, G_CONNECT_SWAPPED);
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
