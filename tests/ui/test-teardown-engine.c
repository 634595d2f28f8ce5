/* test-teardown-engine.c: the window against a private engine, under Xvfb
 *
 * A copy of the demo project is brought up by the compose CLI (the oracle)
 * on a private engine; the window, pointed at that engine, must show its
 * live state, act on it, and tear it down leaving the engine clean of the
 * project and another project untouched. One engine serves every case, in
 * order; every wait has a deadline.
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "engine-test-util.h"
#include "strata-application.h"
#include "strata-project.h"
#include "strata-service-row.h"
#include "strata-teardown-dialog.h"
#include "strata-window.h"

#define WAIT_MS 30000

/* The demo's images are tagged from the test image; the containers sleep. */
static const char extra_file[] =
  "services:\n"
  "  django:\n"
  "    pull_policy: never\n"
  "    command: sh -c 'echo django says hello; echo oops >&2; exec sleep 1000'\n"
  "    stop_grace_period: 1s\n"
  "  postgresql:\n"
  "    pull_policy: never\n"
  "    command: sleep 1000\n"
  "  memcached:\n"
  "    pull_policy: never\n"
  "    command: sleep 1002\n"
  "    stop_grace_period: 1s\n";

typedef struct
{
  StrataApplication *app;
  StrataTestEngine  *engine;
  char              *tmp;
  char              *demo;
  StrataWindow      *window;
  StrataProjectView *view;
} Context;

static Context ctx;

/* --- waiting ------------------------------------------------------------ */

typedef struct
{
  const char *service;
  const char *state;
} RowState;

static gboolean
row_in_state (gpointer data)
{
  RowState *want = data;
  StrataServicesView *services = strata_project_view_get_services_view (ctx.view);
  StrataServiceRow *row = strata_services_view_get_row (services, want->service);

  return row != NULL && g_str_has_prefix (strata_service_row_get_state_label (row), want->state);
}

static void
wait_row_state (const char *service,
                const char *state)
{
  RowState want = { service, state };

  if (!engine_test_wait_until (row_in_state, &want, WAIT_MS))
    {
      StrataServiceRow *row = strata_services_view_get_row (strata_project_view_get_services_view (ctx.view), service);

      g_error ("%s is not “%s” after %d ms but “%s”", service, state, WAIT_MS,
               row ? strata_service_row_get_state_label (row) : "(no row)");
    }
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* Lets the main loop run for @ms, e.g. for lines that should not come. */
static void
settle (guint ms)
{
  engine_test_wait_until (never, NULL, ms);
}

static gboolean
reloaded_past (gpointer data)
{
  return strata_project_view_get_n_reloads (ctx.view) > GPOINTER_TO_UINT (data);
}

/* --- set-up ------------------------------------------------------------- */

static void
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
append_file (const char *dir,
             const char *name,
             const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *old = NULL;
  g_autofree char *joined = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &old, NULL, &error);
  g_assert_no_error (error);
  joined = g_strconcat (old, text, NULL);
  write_file (dir, name, joined);
}

static void
spawn (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
remove_tree (const char *dir)
{
  const char *argv[] = { "rm", "-rf", dir, NULL };

  spawn (argv);
}

static void
copy_demo (void)
{
  const char *argv[] = { "cp", "-r", g_getenv ("STRATA_DEMO_DIR"), ctx.demo, NULL };

  spawn (argv);
  write_file (ctx.demo, "strata-test.yml", extra_file);
  /* Compose and Strata both read COMPOSE_FILE from .env: the same three files. */
  append_file (ctx.demo, ".env",
               "COMPOSE_FILE=docker-compose.yml:docker-compose.override.yml:strata-test.yml\n");
}

static void
bring_up (void)
{
  static const char * const images[] = { "project/portal:local", "postgres:15", "memcached:1.6" };
  g_autofree char *other = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    engine_test_docker (ctx.engine, "tag", "strata-test/busybox:latest", images[i], NULL);
  copy_demo ();
  engine_test_compose (ctx.engine, ctx.demo, "up", "-d", NULL);

  /* Another project, which the teardown must leave alone. */
  other = engine_test_write_project (ctx.tmp, "other",
                                     "services:\n"
                                     "  cache:\n"
                                     "    image: strata-test/busybox:latest\n"
                                     "    command: sleep 1000\n"
                                     "    volumes: [keep:/data]\n"
                                     "volumes:\n"
                                     "  keep:\n");
  engine_test_compose (ctx.engine, other, "up", "-d", NULL);
}

static void
open_window (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path (ctx.demo);

  ctx.window = strata_window_new (ctx.app);
  gtk_window_present (GTK_WINDOW (ctx.window));
  strata_window_open_folder (ctx.window, folder);
  ctx.view = strata_window_get_project_view (ctx.window);
  g_assert_true (engine_test_wait_until (reloaded_past, GUINT_TO_POINTER (0), WAIT_MS));
  g_assert_nonnull (strata_project_view_get_project (ctx.view));
}

/* --- services ------------------------------------------------------------ */

/* Each row shows its container's state, ports and image, up to date. */
static void
test_services_live (void)
{
  StrataServicesView *services = strata_project_view_get_services_view (ctx.view);
  StrataServiceRow *django;

  wait_row_state ("django", "Running");
  wait_row_state ("postgresql", "Running");
  wait_row_state ("memcached", "Running");
  django = strata_services_view_get_row (services, "django");
  g_assert_false (strata_service_row_get_stale (django));
  g_assert_null (strata_service_row_get_health (django));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (django)), "project/portal:local"));
  g_test_message ("django: %s", adw_action_row_get_subtitle (ADW_ACTION_ROW (django)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (django)), "8001-"));
  g_assert_cmpstr (strata_project_view_get_visible_page (ctx.view), ==, "services");
}

static gboolean
is_busy (gpointer data)
{
  return strata_services_view_get_n_busy (strata_project_view_get_services_view (ctx.view)) > 0;
}

static gboolean
is_idle (gpointer data)
{
  return !is_busy (data);
}

/* Stop and start through the row's actions; the window keeps running. */
static void
test_services_stop_start (void)
{
  StrataServicesView *services = strata_project_view_get_services_view (ctx.view);
  g_autofree char *state = NULL;

  gtk_widget_activate_action (GTK_WIDGET (services), "services.stop", "s", "memcached");
  g_assert_true (is_busy (NULL));
  g_assert_true (strata_service_row_get_busy (strata_services_view_get_row (services, "memcached")));
  wait_row_state ("memcached", "Exited");
  state = engine_test_docker_out (ctx.engine, "inspect", "-f", "{{.State.Status}}", "demo-memcached-1", NULL);
  g_assert_cmpstr (state, ==, "exited");
  wait_row_state ("django", "Running");

  gtk_widget_activate_action (GTK_WIDGET (services), "services.start", "s", "memcached");
  wait_row_state ("memcached", "Running");
  g_assert_true (engine_test_wait_until (is_idle, NULL, WAIT_MS));
  g_assert_false (strata_service_row_get_busy (strata_services_view_get_row (services, "memcached")));
}

/* Editing a service in the files marks its container stale, and only it. */
static void
test_services_stale (void)
{
  StrataServicesView *services = strata_project_view_get_services_view (ctx.view);
  guint reloads = strata_project_view_get_n_reloads (ctx.view);
  g_autofree char *edited = NULL;

  edited = g_strdup (extra_file);
  strstr (edited, "sleep 1002")[9] = '3';
  write_file (ctx.demo, "strata-test.yml", edited);
  g_assert_true (engine_test_wait_until (reloaded_past, GUINT_TO_POINTER (reloads), WAIT_MS));
  g_assert_true (strata_service_row_get_stale (strata_services_view_get_row (services, "memcached")));
  g_assert_false (strata_service_row_get_stale (strata_services_view_get_row (services, "django")));

  reloads = strata_project_view_get_n_reloads (ctx.view);
  write_file (ctx.demo, "strata-test.yml", extra_file);
  g_assert_true (engine_test_wait_until (reloaded_past, GUINT_TO_POINTER (reloads), WAIT_MS));
  g_assert_false (strata_service_row_get_stale (strata_services_view_get_row (services, "memcached")));
}

/* --- logs ------------------------------------------------------------------ */

typedef struct
{
  const char *text;
  guint       count;
} LogsHave;

static guint
count_in_logs (const char *text)
{
  g_autofree char *all = strata_logs_view_dup_text (strata_project_view_get_logs_view (ctx.view));
  guint n = 0;

  for (const char *at = strstr (all, text); at != NULL; at = strstr (at + 1, text))
    n++;

  return n;
}

static gboolean
logs_have (gpointer data)
{
  LogsHave *want = data;

  return count_in_logs (want->text) >= want->count;
}

static void
wait_logs (const char *text,
           guint       count)
{
  LogsHave want = { text, count };

  if (!engine_test_wait_until (logs_have, &want, WAIT_MS))
    {
      g_autofree char *all = strata_logs_view_dup_text (strata_project_view_get_logs_view (ctx.view));

      g_error ("the logs do not show “%s” %u times after %d ms:\n%s", text, count, WAIT_MS, all);
    }
}

/* A row's Logs button follows that service: stdout and stderr, each line
 * once, across a restart. Then every service. */
static void
test_logs_follow (void)
{
  StrataServicesView *services = strata_project_view_get_services_view (ctx.view);
  StrataLogsView *logs = strata_project_view_get_logs_view (ctx.view);

  gtk_widget_activate_action (GTK_WIDGET (services), "services.logs", "s", "django");
  g_assert_cmpstr (strata_project_view_get_visible_page (ctx.view), ==, "logs");
  g_assert_cmpstr (strata_logs_view_get_followed_service (logs), ==, "django");
  wait_logs ("django says hello", 1);
  wait_logs ("oops", 1);
  g_assert_cmpuint (strata_logs_view_get_n_followers (logs), <=, 1);

  gtk_widget_activate_action (GTK_WIDGET (services), "services.restart", "s", "django");
  wait_logs ("django says hello", 2);
  g_assert_true (engine_test_wait_until (is_idle, NULL, WAIT_MS));
  wait_row_state ("django", "Running");
  wait_logs ("oops", 2);
  settle (300);
  g_assert_cmpuint (count_in_logs ("django says hello"), ==, 2);
  g_assert_cmpuint (count_in_logs ("oops"), ==, 2);

  strata_logs_view_follow_service (logs, NULL);
  g_assert_null (strata_logs_view_get_followed_service (logs));
  wait_logs ("django says hello", 2);
  g_assert_cmpuint (strata_logs_view_get_n_followers (logs), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (ctx.view), "project.show-page", "s", "services");
}

/* --- resources -------------------------------------------------------------- */

/* The declared networks and volumes exist on the engine; the images are in use. */
static void
test_resources_live (void)
{
  StrataResourcesView *resources = strata_project_view_get_resources_view (ctx.view);

  g_assert_cmpstr (strata_resources_view_get_state (resources, "networks", "demo_default"), ==, "Created");
  g_assert_cmpstr (strata_resources_view_get_state (resources, "volumes", "demo_pgdata"), ==, "Created");
  g_assert_cmpstr (strata_resources_view_get_state (resources, "volumes", "demo_media"), ==, "Created");
  g_assert_cmpstr (strata_resources_view_get_state (resources, "images", "memcached:1.6"), ==, "In use");
  g_assert_null (strata_resources_view_get_state (resources, "volumes", "other_keep"));
}

/* --- teardown ------------------------------------------------------------------ */

/* The lines `docker ARGS...` prints on the private engine. */
static GStrv
docker_lines (const char *first_arg,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) "timeout");
  g_ptr_array_add (argv, (gpointer) "60");
  g_ptr_array_add (argv, (gpointer) "docker");
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  strata_test_engine_run (ctx.engine, (const char * const *) argv->pdata, &out, &error);
  g_assert_no_error (error);
  g_strstrip (out);

  return *out ? g_strsplit (out, "\n", -1) : g_new0 (char *, 1);
}

#define DEMO_LABEL "label=com.docker.compose.project=demo"

static GStrv
demo_containers (void)
{
  return docker_lines ("ps", "-a", "--filter", DEMO_LABEL, "--format", "{{.Names}}", NULL);
}

static GStrv
demo_images (void)
{
  return docker_lines ("ps", "-a", "--filter", DEMO_LABEL, "--format", "{{.Image}}", NULL);
}

static GStrv
demo_networks (void)
{
  return docker_lines ("network", "ls", "--filter", DEMO_LABEL, "--format", "{{.Name}}", NULL);
}

static GStrv
demo_volumes (void)
{
  return docker_lines ("volume", "ls", "--filter", DEMO_LABEL, "--format", "{{.Name}}", NULL);
}

static gboolean
has_plan (gpointer data)
{
  StrataTeardownDialog *dialog = strata_project_view_get_teardown_dialog (ctx.view);

  return dialog != NULL && strata_teardown_dialog_get_plan (dialog) != NULL;
}

/* Every name the engine has for @kind is in the plan, and nothing else. */
static void
assert_plan_lists (GListModel         *plan,
                   StrataPlanKind      kind,
                   const char * const *want)
{
  guint listed = 0;

  g_assert_cmpuint (g_strv_length ((char **) want), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (plan); i++)
    {
      g_autoptr(StrataTeardownItem) item = g_list_model_get_item (plan, i);

      if (strata_teardown_item_get_kind (item) != kind
          || strata_teardown_item_get_state (item) == STRATA_TEARDOWN_KEPT)
        continue;
      g_test_message ("plan: %s", strata_teardown_item_get_name (item));
      g_assert_true (g_strv_contains (want, strata_teardown_item_get_name (item)));
      listed++;
    }
  g_assert_cmpuint (listed, ==, g_strv_length ((char **) want));
}

static gboolean
engine_clean_of_demo (gpointer data)
{
  g_auto(GStrv) containers = demo_containers ();
  g_auto(GStrv) networks = demo_networks ();
  g_auto(GStrv) volumes = demo_volumes ();

  return containers[0] == NULL && networks[0] == NULL && volumes[0] == NULL;
}

static gboolean
progress_done (gpointer data)
{
  return !strata_progress_panel_is_running (strata_project_view_get_progress_panel (ctx.view));
}

/* Tear Down… lists every container, network, volume and image of the
 * project as the engine has them; confirmed, it leaves the engine clean of
 * the project and the other project as it was. */
static void
test_teardown (void)
{
  g_auto(GStrv) containers = demo_containers ();
  g_auto(GStrv) networks = demo_networks ();
  g_auto(GStrv) volumes = demo_volumes ();
  g_auto(GStrv) images = demo_images ();
  g_autofree char *other_state = NULL;
  g_autofree char *other_volume = NULL;
  StrataTeardownDialog *dialog;
  GListModel *plan;

  g_assert_cmpuint (g_strv_length (containers), ==, 3);
  g_assert_cmpuint (g_strv_length (volumes), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ctx.view), "project.tear-down", NULL));
  dialog = strata_project_view_get_teardown_dialog (ctx.view);
  g_assert_nonnull (dialog);
  if (!engine_test_wait_until (has_plan, NULL, WAIT_MS))
    g_error ("no plan within %d ms: %s", WAIT_MS, adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  plan = strata_teardown_dialog_get_plan (dialog);
  assert_plan_lists (plan, STRATA_PLAN_CONTAINER, (const char * const *) containers);
  assert_plan_lists (plan, STRATA_PLAN_NETWORK, (const char * const *) networks);
  assert_plan_lists (plan, STRATA_PLAN_VOLUME, (const char * const *) volumes);
  assert_plan_lists (plan, STRATA_PLAN_IMAGE, (const char * const *) images);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "tear-down");
  g_assert_true (engine_test_wait_until (engine_clean_of_demo, NULL, WAIT_MS));
  g_assert_true (engine_test_wait_until (progress_done, NULL, WAIT_MS));
  for (guint i = 0; images[i] != NULL; i++)
    {
      g_autofree char *reference = g_strdup_printf ("reference=%s", images[i]);
      g_auto(GStrv) tagged = docker_lines ("images", "--format", "{{.Repository}}:{{.Tag}}", "--filter",
                                           reference, NULL);

      g_assert_null (tagged[0]);
    }

  other_state = engine_test_docker_out (ctx.engine, "inspect", "-f", "{{.State.Status}}", "other-cache-1", NULL);
  g_assert_cmpstr (other_state, ==, "running");
  other_volume = engine_test_docker_out (ctx.engine, "volume", "inspect", "-f", "{{.Name}}", "other_keep", NULL);
  g_assert_cmpstr (other_volume, ==, "other_keep");
  wait_row_state ("django", "Not created");
}

/* --- up ------------------------------------------------------------------------- */

/* Up brings the project back, as compose would: every service running and
 * up to date with the files (the same config hash compose computes). */
static void
test_up (void)
{
  static const char * const images[] = { "project/portal:local", "postgres:15", "memcached:1.6" };
  static const char * const names[] = { "django", "postgresql", "memcached" };
  StrataServicesView *services = strata_project_view_get_services_view (ctx.view);
  g_autofree char *summary = NULL;
  g_auto(GStrv) containers = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    engine_test_docker (ctx.engine, "tag", "strata-test/busybox:latest", images[i], NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ctx.view), "project.up", NULL));
  wait_row_state ("django", "Running");
  wait_row_state ("postgresql", "Running");
  wait_row_state ("memcached", "Running");
  g_assert_true (engine_test_wait_until (progress_done, NULL, WAIT_MS));
  summary = strata_progress_panel_dup_summary (strata_project_view_get_progress_panel (ctx.view));
  g_assert_nonnull (strstr (summary, "done"));
  g_assert_null (strstr (summary, "failed"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_false (strata_service_row_get_stale (strata_services_view_get_row (services, names[i])));
  containers = demo_containers ();
  g_assert_cmpuint (g_strv_length (containers), ==, 3);
}

/* --- sidebar ------------------------------------------------------------------- */

static gboolean
project_named (gpointer data)
{
  StrataProject *project = strata_project_view_get_project (ctx.view);

  return project != NULL && g_strcmp0 (strata_project_get_name (project), data) == 0;
}

static StrataProjectEntry *
engine_entry (const char *name)
{
  GListModel *entries = strata_sidebar_get_engine_entries (strata_project_view_get_sidebar (ctx.view));

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(StrataProjectEntry) entry = g_list_model_get_item (entries, i);

      if (g_strcmp0 (strata_project_entry_get_name (entry), name) == 0)
        return entry;  /* the sidebar's store keeps it */
    }

  return NULL;
}

/* Another project running on the engine is listed with its recorded files,
 * and opens with them. The open one is not listed twice. */
static void
test_sidebar_engine_projects (void)
{
  g_autofree char *other = g_build_filename (ctx.tmp, "other", NULL);
  g_autofree char *other_file = g_build_filename (other, "compose.yaml", NULL);
  StrataProjectEntry *entry = engine_entry ("other");
  const char * const *files;
  GPtrArray *loaded;

  g_assert_nonnull (entry);
  g_assert_null (engine_entry ("demo"));
  g_assert_cmpstr (strata_project_entry_get_path (entry), ==, other);
  g_assert_cmpint (strata_project_entry_get_state (entry), ==, STRATA_PROJECT_STATE_RUNNING);
  files = strata_project_entry_get_config_files (entry);
  g_assert_cmpuint (g_strv_length ((char **) files), ==, 1);
  g_assert_cmpstr (files[0], ==, other_file);

  gtk_widget_activate_action (GTK_WIDGET (strata_project_view_get_sidebar (ctx.view)), "win.open-project",
                              "(s^as)", other, files);
  g_assert_true (engine_test_wait_until (project_named, (gpointer) "other", WAIT_MS));
  g_assert_cmpstr (strata_project_get_name (strata_project_view_get_project (ctx.view)), ==, "other");
  loaded = strata_project_get_config_files (strata_project_view_get_project (ctx.view));
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (loaded, 0), ==, other_file);
  wait_row_state ("cache", "Running");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  strata_application_register_resources ();
  /* The compose CLI and docker run synchronously: should one of them hang,
   * the whole run ends here (the engine fixture's watchdog then stops the
   * engine), well before meson's own timeout. */
  alarm (240);

  ctx.engine = strata_test_engine_start (&error);
  g_assert_no_error (error);
  g_setenv ("DOCKER_HOST", ctx.engine->docker_host, TRUE);
  ctx.tmp = g_dir_make_tmp ("strata-ui-engine-XXXXXX", &error);
  g_assert_no_error (error);
  ctx.demo = g_build_filename (ctx.tmp, "demo", NULL);
  ctx.app = strata_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (ctx.app), NULL, &error);
  g_assert_no_error (error);
  bring_up ();
  open_window ();

  g_test_add_func ("/ui-engine/services/live", test_services_live);
  g_test_add_func ("/ui-engine/services/stop-start", test_services_stop_start);
  g_test_add_func ("/ui-engine/services/stale", test_services_stale);
  g_test_add_func ("/ui-engine/logs/follow", test_logs_follow);
  g_test_add_func ("/ui-engine/resources/live", test_resources_live);
  g_test_add_func ("/ui-engine/teardown/everything", test_teardown);
  g_test_add_func ("/ui-engine/up/after-teardown", test_up);
  g_test_add_func ("/ui-engine/sidebar/engine-projects", test_sidebar_engine_projects);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (ctx.window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&ctx.app);
  strata_test_engine_stop (ctx.engine);
  remove_tree (ctx.tmp);
  g_free (ctx.demo);
  g_free (ctx.tmp);

  return status;
}
