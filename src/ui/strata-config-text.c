/* strata-config-text.c: the configuration as compose prints it, with a blame
 * gutter naming the file and line of every printed line's value
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-blame.h"
#include "strata-config-view-private.h"
#include "strata-emit.h"
#include "strata-source-style.h"

/* The chip colors of style.css (.source-chip.layer-N), as text colors. */
static const char * const layer_colors[STRATA_N_LAYER_COLORS] = {
  "#1c71d8", "#c64600", "#26a269", "#813d9c", "#9c6e03", "#c01c28",
};

typedef struct
{
  GArray    *lines;   /* of StrataBlameLine, nodes borrowed from the model */
  GPtrArray *layers;  /* of StrataLayer, for the colors */
} Blame;

static void
blame_free (Blame *blame)
{
  g_clear_pointer (&blame->lines, g_array_unref);
  g_clear_pointer (&blame->layers, g_ptr_array_unref);
  g_free (blame);
}

static char *
blame_markup (Blame *blame,
              guint  line)
{
  const StrataNode *node;
  guint index;

  if (blame == NULL || line >= blame->lines->len
      || (node = g_array_index (blame->lines, StrataBlameLine, line).node) == NULL)
    return NULL;

  if (!g_ptr_array_find (blame->layers, node->pos.layer, &index))
    index = 0;

  return g_markup_printf_escaped ("<span foreground=\"%s\">%s:%u</span>",
                                  layer_colors[index % STRATA_N_LAYER_COLORS],
                                  strata_layer_get_basename (node->pos.layer), node->pos.line);
}

static void
on_query_data (GtkSourceGutterRenderer *renderer,
               GObject                 *lines,
               guint                    line,
               gpointer                 user_data)
{
  g_autofree char *markup = blame_markup (g_object_get_data (G_OBJECT (renderer), "blame"), line);

  gtk_source_gutter_renderer_text_set_markup (GTK_SOURCE_GUTTER_RENDERER_TEXT (renderer), markup ? markup : "", -1);
}

void
_strata_config_text_setup (GtkSourceView *view)
{
  GtkSourceGutter *gutter = gtk_source_view_get_gutter (view, GTK_TEXT_WINDOW_LEFT);
  GtkSourceGutterRenderer *renderer = gtk_source_gutter_renderer_text_new ();
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));

  gtk_source_gutter_renderer_set_xpad (renderer, 8);
  gtk_source_gutter_renderer_set_xalign (renderer, 1.0);
  gtk_widget_add_css_class (GTK_WIDGET (renderer), "blame-gutter");
  g_signal_connect (renderer, "query-data", G_CALLBACK (on_query_data), NULL);
  gtk_source_gutter_insert (gutter, renderer, 0);
  g_object_set_data (G_OBJECT (view), "blame-renderer", renderer);

  strata_source_buffer_set_yaml (buffer);
  strata_source_buffer_follow_style (buffer);
}

/* The characters of "file:line" for @node. */
static gsize
label_length (const StrataNode *node)
{
  gsize digits = 1;

  for (guint line = node->pos.line; line >= 10; line /= 10)
    digits++;

  return strlen (strata_layer_get_basename (node->pos.layer)) + 1 + digits;
}

/* As wide as the longest "file:line"; only a few of the longest are
 * measured (a large project prints tens of thousands of lines). */
static void
size_gutter (GtkSourceGutterRenderer *renderer,
             Blame                   *blame)
{
  int widest = 0;
  gsize longest = 0;
  guint measured = 0;

  for (guint i = 0; i < blame->lines->len; i++)
    {
      const StrataNode *node = g_array_index (blame->lines, StrataBlameLine, i).node;

      if (node != NULL)
        longest = MAX (longest, label_length (node));
    }
  for (guint i = 0; i < blame->lines->len && measured < 8; i++)
    {
      const StrataNode *node = g_array_index (blame->lines, StrataBlameLine, i).node;
      g_autofree char *markup = NULL;
      int width = 0;

      if (node == NULL || label_length (node) + 1 < longest)
        continue;
      markup = blame_markup (blame, i);
      gtk_source_gutter_renderer_text_measure_markup (GTK_SOURCE_GUTTER_RENDERER_TEXT (renderer),
                                                      markup, &width, NULL);
      widest = MAX (widest, width);
      measured++;
    }

  gtk_widget_set_size_request (GTK_WIDGET (renderer), widest + 16, -1);
}

/* Shows @model printed as `docker compose config` does; %NULL clears. */
void
_strata_config_text_show (GtkSourceView    *view,
                          const StrataNode *model,
                          GPtrArray        *layers)
{
  GtkSourceGutterRenderer *renderer = g_object_get_data (G_OBJECT (view), "blame-renderer");
  g_autofree char *text = model ? strata_emit_yaml (model) : NULL;
  g_autoptr(GError) error = NULL;
  Blame *blame = NULL;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text ? text : "", -1);
  if (text != NULL)
    {
      blame = g_new0 (Blame, 1);
      blame->lines = strata_blame_lines (model, text, &error);
      blame->layers = g_ptr_array_ref (layers);
      if (blame->lines == NULL)
        {
          g_warning ("cannot annotate the configuration: %s", error->message);
          g_clear_pointer (&blame, blame_free);
        }
    }

  g_object_set_data_full (G_OBJECT (renderer), "blame", blame, (GDestroyNotify) blame_free);
  if (blame != NULL)
    size_gutter (renderer, blame);
  gtk_widget_queue_draw (GTK_WIDGET (renderer));
}
