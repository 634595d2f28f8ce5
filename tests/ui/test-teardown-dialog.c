/* test-teardown-dialog.c: the teardown dialog shows a plan and its options
 *
 * The plan here is made by hand; against the engine, the plan comes from
 * src/engine/ and this dialog only shows it.
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "strata-application.h"
#include "strata-test-ui.h"
#include "strata-teardown-dialog.h"
#include "strata-test-screenshot.h"

static GListStore *
make_plan (void)
{
  GListStore *plan = g_list_store_new (STRATA_TYPE_TEARDOWN_ITEM);
  g_autoptr(StrataTeardownItem) django = strata_teardown_item_new (STRATA_PLAN_CONTAINER, "demo-django-1", "django");
  g_autoptr(StrataTeardownItem) network = strata_teardown_item_new (STRATA_PLAN_NETWORK, "demo_default", NULL);
  g_autoptr(StrataTeardownItem) volume = strata_teardown_item_new (STRATA_PLAN_VOLUME, "demo_pgdata", "postgresql");
  g_autoptr(StrataTeardownItem) shared = strata_teardown_item_new_kept (STRATA_PLAN_VOLUME, "shared-cache",
                                                                       "external: true");

  g_list_store_append (plan, django);
  g_list_store_append (plan, network);
  g_list_store_append (plan, volume);
  g_list_store_append (plan, shared);
  return plan;
}

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

static guint
count_rows (GtkWidget *widget)
{
  guint n = ADW_IS_ACTION_ROW (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);

  return n;
}

static GtkWidget *
find_first (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_plan_and_defaults (void)
{
  g_autoptr(GListStore) plan = make_plan ();
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  StrataTeardownDialog *dialog = strata_teardown_dialog_new (parent, "demo");
  guint changed = 0;

  g_assert_true (strata_teardown_dialog_get_remove_volumes (dialog));
  g_assert_cmpint (strata_teardown_dialog_get_remove_images (dialog), ==, STRATA_REMOVE_IMAGES_ALL);
  g_assert_true (strata_teardown_dialog_get_remove_orphans (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "tear-down"));

  strata_teardown_dialog_set_plan (dialog, G_LIST_MODEL (plan));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "tear-down"));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Tear Down “demo”?");
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpuint (count_rows (GTK_WIDGET (dialog)), ==, 4);

  g_signal_connect (dialog, "options-changed", G_CALLBACK (count_signal), &changed);
  gtk_switch_set_active (GTK_SWITCH (find_first (GTK_WIDGET (dialog), GTK_TYPE_SWITCH)), FALSE);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (strata_teardown_dialog_get_remove_volumes (dialog));

  strata_teardown_item_set_state (g_list_model_get_item (G_LIST_MODEL (plan), 0), STRATA_TEARDOWN_REMOVED, NULL);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (plan), 0));
  if (g_getenv ("STRATA_TEST_PNG") != NULL)
    {
      strata_test_wait_frames (GTK_WIDGET (dialog), 3);
      g_assert_true (strata_test_save_png (GTK_WIDGET (dialog), g_getenv ("STRATA_TEST_PNG"), NULL));
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (parent);
}

int
main (int   argc,
      char *argv[])
{
  strata_test_ui_init (&argc, &argv);

  g_test_add_func ("/teardown-dialog/plan-and-defaults", test_plan_and_defaults);

  return g_test_run ();
}
