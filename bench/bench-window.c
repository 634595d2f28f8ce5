/* bench-window.c: the window on a large project, for bench/bench-window.sh
 *
 *   bench-window DIR
 *
 * Opens DIR in a new window showing the Configuration view and prints, in
 * milliseconds from the application's activation:
 *   loaded       the project model is bound (files read in a thread)
 *   first-frame  the first frame painted after it with the tree's rows
 * then scrolls the configuration tree programmatically, half a page per
 * frame, from top to bottom (services folded, then every service unfolded)
 * and prints the frame intervals: median, 95th percentile, worst, and how
 * many exceeded 50 ms (a visible stall) and 100 ms.
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "strata-application.h"
#include "strata-project.h"
#include "strata-window.h"

typedef struct
{
  const char        *dir;
  StrataWindow      *window;
  StrataProjectView *view;
  GtkAdjustment     *vadjustment;
  gint64             activated;
  gint64             loaded;
  gint64             first_frame;
  gint64             last_paint;
  GArray            *intervals;   /* double, ms */
  guint              tick;
  gboolean           scrolling;
  int                status;
} Bench;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A row of the tree is on screen: GtkColumnView's list has children. */
static gboolean
tree_has_rows (Bench *bench)
{
  GtkWidget *column_view = find_widget (GTK_WIDGET (bench->view), GTK_TYPE_COLUMN_VIEW);
  GtkWidget *list = column_view ? find_widget (column_view, GTK_TYPE_LIST_VIEW) : NULL;

  return list != NULL && gtk_widget_get_first_child (list) != NULL;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report_intervals (const char *what,
                  GArray     *intervals)
{
  guint n = intervals->len, over50 = 0, over100 = 0;

  g_array_sort (intervals, compare_doubles);
  for (guint i = 0; i < n; i++)
    {
      over50 += g_array_index (intervals, double, i) > 50.0;
      over100 += g_array_index (intervals, double, i) > 100.0;
    }
  g_print ("scroll %-9s frames %4u  median %6.1f ms  p95 %6.1f ms  worst %6.1f ms  >50ms %u  >100ms %u\n",
           what, n, n ? g_array_index (intervals, double, n / 2) : 0.0,
           n ? g_array_index (intervals, double, MIN (n - 1, n * 95 / 100)) : 0.0,
           n ? g_array_index (intervals, double, n - 1) : 0.0, over50, over100);
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();

  if (bench->first_frame == 0 && bench->loaded != 0 && tree_has_rows (bench))
    {
      bench->first_frame = now;
      g_print ("loaded       %8.1f ms\n", (bench->loaded - bench->activated) / 1000.0);
      g_print ("first-frame  %8.1f ms\n", (now - bench->activated) / 1000.0);
    }
  if (bench->scrolling && bench->last_paint != 0)
    {
      double interval = (now - bench->last_paint) / 1000.0;

      g_array_append_val (bench->intervals, interval);
    }
  bench->last_paint = now;
}

/* Half a page further each frame; stops at the bottom. */
static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  Bench *bench = user_data;
  double value = gtk_adjustment_get_value (bench->vadjustment);
  double bottom = gtk_adjustment_get_upper (bench->vadjustment) - gtk_adjustment_get_page_size (bench->vadjustment);

  if (value >= bottom)
    {
      bench->scrolling = FALSE;
      bench->tick = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_adjustment_set_value (bench->vadjustment, MIN (bottom, value + gtk_adjustment_get_page_size (bench->vadjustment) / 2));
  return G_SOURCE_CONTINUE;
}

static void
scroll_through (Bench      *bench,
                const char *what)
{
  GtkWidget *column_view = find_widget (GTK_WIDGET (bench->view), GTK_TYPE_COLUMN_VIEW);
  GtkWidget *scrolled = gtk_widget_get_ancestor (column_view, GTK_TYPE_SCROLLED_WINDOW);
  gint64 start = g_get_monotonic_time ();
  double rows = g_list_model_get_n_items (strata_config_view_get_model (strata_project_view_get_config_view (bench->view)));

  bench->vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (bench->vadjustment, 0);
  g_array_set_size (bench->intervals, 0);
  bench->last_paint = 0;
  bench->scrolling = TRUE;
  bench->tick = gtk_widget_add_tick_callback (column_view, scroll_tick, bench, NULL);
  while (bench->scrolling && ms_since (start) < 120000)
    g_main_context_iteration (NULL, TRUE);
  g_print ("scroll %-9s rows %.0f, %.1f s top to bottom\n", what, rows, ms_since (start) / 1000.0);
  report_intervals (what, bench->intervals);
}

static void
unfold_services (Bench *bench)
{
  StrataConfigView *config = strata_project_view_get_config_view (bench->view);
  GListModel *services = strata_project_get_services (strata_project_view_get_project (bench->view));

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(StrataServiceItem) service = g_list_model_get_item (services, i);
      g_autofree char *path = g_strdup_printf ("services/%s/image", strata_service_item_get_name (service));
      g_autoptr(StrataNodeItem) item = strata_config_view_reveal (config, path);
    }
}

static gboolean
count_down (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  guint *left = user_data;

  return --*left > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* A tick callback keeps the frame clock running for @n frames. */
static void
wait_frames (Bench *bench,
             guint  n)
{
  guint left = n;

  gtk_widget_add_tick_callback (GTK_WIDGET (bench->window), count_down, &left, NULL);
  while (left > 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
on_activate (StrataApplication *app,
             Bench             *bench)
{
  g_autoptr(GFile) folder = g_file_new_for_path (bench->dir);
  GdkFrameClock *clock;
  g_autoptr(StrataNodeItem) first = NULL;
  gint64 deadline;

  bench->activated = g_get_monotonic_time ();
  bench->window = strata_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (bench->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (bench->window));
  bench->view = strata_window_get_project_view (bench->window);
  strata_window_open_project (bench->window, folder, NULL);
  gtk_widget_activate_action (GTK_WIDGET (bench->view), "project.show-page", "s", "configuration");
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), bench);

  deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  while (bench->first_frame == 0 && g_get_monotonic_time () < deadline)
    {
      if (bench->loaded == 0 && strata_project_view_get_project (bench->view) != NULL)
        bench->loaded = g_get_monotonic_time ();
      g_main_context_iteration (NULL, TRUE);
    }
  if (bench->first_frame == 0)
    {
      g_printerr ("no frame with the tree within 120 s\n");
      bench->status = 1;
      g_application_quit (G_APPLICATION (app));
      return;
    }

  wait_frames (bench, 10);
  first = strata_config_view_reveal (strata_project_view_get_config_view (bench->view), "services/svc0000");
  wait_frames (bench, 5);
  scroll_through (bench, "folded");
  unfold_services (bench);
  wait_frames (bench, 5);
  scroll_through (bench, "unfolded");

  g_signal_handlers_disconnect_by_data (clock, bench);
  gtk_window_destroy (GTK_WINDOW (bench->window));
  g_application_quit (G_APPLICATION (app));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(StrataApplication) app = NULL;
  Bench bench = { 0 };
  char *app_argv[] = { argv[0], NULL };

  if (argc != 2)
    {
      g_printerr ("usage: %s DIR\n", argv[0]);
      return 2;
    }
  bench.dir = argv[1];
  bench.intervals = g_array_new (FALSE, FALSE, sizeof (double));

  app = strata_application_new (G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), &bench);
  g_application_run (G_APPLICATION (app), 1, app_argv);
  g_array_unref (bench.intervals);

  return bench.status;
}
