/* test-engine-up.c: strata up against the private engine and the compose CLI
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a user checks: a project Strata brings up is one compose considers
 * up to date (its `up -d` says "Running" and keeps every container), and
 * the other way round; only what changed is recreated; orphans, service
 * selection, --no-start, --force-recreate; depends_on conditions; a
 * missing image names the image; build: sends the context without what
 * .dockerignore excludes.
 */

#include "config.h"

#include <string.h>

#include "engine-test-util.h"
#include "strata-project.h"
#include "strata-test-oracle.h"
#include "strata-up-plan.h"

static StrataTestEngine *test_engine;
static char *work_dir;

static int
spawn (const char  *dir,
       GPtrArray   *argv,
       char       **out,
       char       **err)
{
  g_auto(GStrv) envp = strata_test_engine_environ (test_engine);
  g_autoptr(GError) error = NULL;
  g_autofree char *o = NULL;
  g_autofree char *e = NULL;
  int status = 0;

  g_ptr_array_add (argv, NULL);
  g_spawn_sync (dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &o, &e, &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s %s: stdout: %s stderr: %s", (char *) argv->pdata[0], (char *) argv->pdata[1], o, e);
  if (out)
    *out = g_steal_pointer (&o);
  if (err)
    *err = g_steal_pointer (&e);

  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

/* strata ARGS... in @dir; the exit status (0 or 1). */
static int
strata (const char  *dir,
        char       **out,
        char       **err,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (argv, (char *) g_getenv ("STRATA_EXE"));
  va_start (ap, err);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);

  return spawn (dir, argv, out, err);
}

static int
compose (const char  *dir,
         char       **out,
         char       **err,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (argv, (char *) strata_test_oracle_path ());
  va_start (ap, err);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);

  return spawn (dir, argv, out, err);
}

/* name → id of every container of the engine. */
static GHashTable *
container_ids (void)
{
  g_autofree char *out = engine_test_docker_out (test_engine, "ps", "-a", "--format", "{{.Names}} {{.ID}}", NULL);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], " ", 2);

      if (parts[0] != NULL && parts[1] != NULL)
        g_hash_table_insert (ids, g_strdup (parts[0]), g_strdup (parts[1]));
    }

  return ids;
}

static char *
inspect (const char *name,
         const char *format)
{
  return engine_test_docker_out (test_engine, "inspect", "-f", format, name, NULL);
}

static void
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (parent, 0755);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* Each line of compose's `up -d` progress for a container says Running. */
static void
assert_compose_keeps (const char *dir,
                      const char * const *names)
{
  g_autoptr(GHashTable) before = container_ids ();
  g_autoptr(GHashTable) after = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (compose (dir, NULL, &err, "up", "-d", NULL), ==, 0);
  g_assert_null (strstr (err, "Recreate"));
  g_assert_null (strstr (err, "Creating"));
  after = container_ids ();
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("Container %s  Running", names[i]);

      g_assert_nonnull (strstr (err, line));
      g_assert_cmpstr (g_hash_table_lookup (before, names[i]), ==, g_hash_table_lookup (after, names[i]));
    }
}

static const char shop_yaml[] =
  "services:\n"
  "  web:\n"
  "    image: strata-test/busybox:latest\n"
  "    pull_policy: never\n"
  "    command: sleep 1000\n"
  "    stop_signal: SIGKILL\n"
  "    environment: {GREETING: hello, EMPTY: ''}\n"
  "    labels: [shop.role=front]\n"
  "    ports: ['80']\n"
  "    volumes: [data:/data, ./conf:/conf:ro, /scratch]\n"
  "    networks: {default: {}, back: {aliases: [shopfront]}}\n"
  "    working_dir: /data\n"
  "    depends_on: {db: {condition: service_healthy}}\n"
  "  db:\n"
  "    image: strata-test/busybox:latest\n"
  "    pull_policy: never\n"
  "    command: [sleep, '1000']\n"
  "    stop_signal: SIGKILL\n"
  "    healthcheck: {test: 'true', interval: 1s}\n"
  "    networks: [back]\n"
  "    restart: unless-stopped\n"
  "  other:\n"
  "    image: strata-test/busybox:latest\n"
  "    pull_policy: never\n"
  "    command: sleep 1000\n"
  "    stop_signal: SIGKILL\n"
  "    tmpfs: /run\n"
  "networks:\n"
  "  back: {}\n"
  "volumes:\n"
  "  data: {}\n";

/* The labels compose puts on the same service of an identical project
 * (its config-hash differs: bind sources are absolute). */
static void
assert_same_labels (const char *strata_name,
                    const char *compose_name)
{
  const char *same[] = { "com.docker.compose.service", "com.docker.compose.container-number",
                         "com.docker.compose.oneoff",
                         "com.docker.compose.image", "com.docker.compose.depends_on",
                         "com.docker.compose.version", "shop.role" };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *format = g_strdup_printf ("{{index .Config.Labels \"%s\"}}", same[i]);
      g_autofree char *ours = inspect (strata_name, format);
      g_autofree char *theirs = inspect (compose_name, format);

      g_test_message ("%s: %s / %s", same[i], ours, theirs);
      g_assert_cmpstr (ours, ==, theirs);
    }
}

static void
test_strata_then_compose (void)
{
  g_autofree char *dir = engine_test_write_project (work_dir, "shop", shop_yaml);
  g_autofree char *twin = engine_test_write_project (work_dir, "twin", shop_yaml);
  g_autofree char *ps = NULL;
  g_autofree char *value = NULL;
  const char *names[] = { "shop-db-1", "shop-other-1", "shop-web-1", NULL };

  g_assert_cmpint (strata (dir, NULL, NULL, "up", "-d", NULL), ==, 0);
  g_assert_cmpint (compose (dir, &ps, NULL, "ps", "--format", "{{.Name}} {{.Service}} {{.State}}", NULL), ==, 0);
  g_assert_cmpstr (g_strstrip (ps), ==,
                   "shop-db-1 db running\nshop-other-1 other running\nshop-web-1 web running");
  assert_compose_keeps (dir, names);

  /* The same project brought up by compose carries the same labels and config. */
  g_assert_cmpint (compose (twin, NULL, NULL, "up", "-d", NULL), ==, 0);
  assert_same_labels ("shop-web-1", "twin-web-1");
  assert_same_labels ("shop-db-1", "twin-db-1");
  value = inspect ("shop-web-1", "{{.Config.Env}} {{.Config.WorkingDir}} {{json .HostConfig.PortBindings}} "
                                 "{{.HostConfig.NetworkMode}} {{len .HostConfig.Binds}} {{len .HostConfig.Mounts}}");
  g_assert_cmpstr (value, ==, "[EMPTY= GREETING=hello] /data {\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"\"}]} "
                              "shop_back 1 2");
  g_free (value);
  value = inspect ("shop-web-1", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{index $v.Aliases 0}},"
                                 "{{index $v.Aliases 1}} {{end}}");
  g_assert_cmpstr (value, ==, "shop_back=shop-web-1,web shop_default=shop-web-1,web");
  g_free (value);
  value = inspect ("shop_back", "{{index .Labels \"com.docker.compose.network\"}} "
                                "{{index .Labels \"com.docker.compose.project\"}}");
  g_assert_cmpstr (value, ==, "back shop");
}

static void
test_compose_then_strata (void)
{
  g_autofree char *dir = g_build_filename (work_dir, "demo", NULL);
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autofree char *err = NULL;
  const char *names[] = { "demo-django-1", "demo-memcached-1", "demo-postgresql-1" };

  /* data/demo with images and commands that exist here. */
  write_file (dir, "docker-compose.yml",
              "services:\n"
              "  django:\n"
              "    image: project/portal:local\n"
              "    links: [postgresql:postgresql, memcached:memcached]\n"
              "    environment:\n"
              "      DJANGO_SETTINGS_MODULE: portal.settings\n"
              "      DATABASE_URL: postgres://portal:${POSTGRES_PASSWORD:-secret}@postgresql/portal\n"
              "    volumes: [./src:/srv/www/project, ./static:/srv/www/project/static, ./media:/srv/www/project/media]\n"
              "    ports: ['8000:8000']\n"
              "    command: sleep 1000\n"
              "    stop_signal: SIGKILL\n"
              "  postgresql:\n"
              "    image: postgres:15\n"
              "    environment: {POSTGRES_USER: portal, POSTGRES_PASSWORD: '${POSTGRES_PASSWORD:-secret}'}\n"
              "    volumes: [pgdata:/var/lib/postgresql/data]\n"
              "    command: sleep 1000\n"
              "    stop_signal: SIGKILL\n"
              "  memcached:\n"
              "    image: memcached:1.6\n"
              "    command: memcached -m 64\n"
              "    entrypoint: [sh, -c, 'sleep 1000', --]\n"
              "    stop_signal: SIGKILL\n"
              "volumes:\n"
              "  pgdata:\n");
  write_file (dir, "docker-compose.override.yml",
              "services:\n"
              "  django:\n"
              "    environment: {DJANGO_DEBUG: 'true'}\n"
              "    volumes: [./src:/srv/www/project, static:/srv/www/project/static, media:/srv/www/project/media]\n"
              "    ports: ['8001:8000']\n"
              "    command: sleep 1001\n"
              "volumes:\n"
              "  static:\n"
              "  media:\n");
  engine_test_docker (test_engine, "tag", "strata-test/busybox:latest", "project/portal:local", NULL);
  engine_test_docker (test_engine, "tag", "strata-test/busybox:latest", "postgres:15", NULL);
  engine_test_docker (test_engine, "tag", "strata-test/busybox:latest", "memcached:1.6", NULL);
  g_assert_cmpint (compose (dir, NULL, NULL, "up", "-d", NULL), ==, 0);
  before = container_ids ();
  g_assert_cmpint (strata (dir, NULL, &err, "up", "-d", NULL), ==, 0);
  after = container_ids ();
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *line = g_strdup_printf ("Container %s  Running", names[i]);

      g_assert_nonnull (strstr (err, line));
      g_assert_cmpstr (g_hash_table_lookup (before, names[i]), ==, g_hash_table_lookup (after, names[i]));
    }
}

/* One service edited: only its container is replaced, and compose agrees. */
static void
test_recreate_changed (void)
{
  g_autofree char *dir = g_build_filename (work_dir, "shop", NULL);
  g_autoptr(GString) edited = g_string_new (shop_yaml);
  g_autoptr(GHashTable) before = container_ids ();
  g_autoptr(GHashTable) after = NULL;
  g_autofree char *err = NULL;
  g_autofree char *greeting = NULL;
  const char *names[] = { "shop-db-1", "shop-other-1", "shop-web-1", NULL };

  g_string_replace (edited, "GREETING: hello", "GREETING: bonjour", 1);
  write_file (dir, "compose.yaml", edited->str);
  g_assert_cmpint (strata (dir, NULL, &err, "up", "-d", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "Container shop-web-1  Recreated"));
  after = container_ids ();
  g_assert_cmpstr (g_hash_table_lookup (before, "shop-web-1"), !=, g_hash_table_lookup (after, "shop-web-1"));
  g_assert_cmpstr (g_hash_table_lookup (before, "shop-db-1"), ==, g_hash_table_lookup (after, "shop-db-1"));
  g_assert_cmpstr (g_hash_table_lookup (before, "shop-other-1"), ==, g_hash_table_lookup (after, "shop-other-1"));
  greeting = inspect ("shop-web-1", "{{.Config.Env}} {{.State.Status}}");
  g_assert_cmpstr (greeting, ==, "[EMPTY= GREETING=bonjour] running");
  assert_compose_keeps (dir, names);
}

static void
test_force_recreate_and_no_start (void)
{
  g_autofree char *dir = g_build_filename (work_dir, "shop", NULL);
  g_autofree char *fresh = engine_test_write_project (work_dir, "fresh", shop_yaml);
  g_autoptr(GHashTable) before = container_ids ();
  g_autoptr(GHashTable) after = NULL;
  g_autofree char *state = NULL;

  g_assert_cmpint (strata (dir, NULL, NULL, "up", "-d", "--force-recreate", "other", NULL), ==, 0);
  after = container_ids ();
  g_assert_cmpstr (g_hash_table_lookup (before, "shop-other-1"), !=, g_hash_table_lookup (after, "shop-other-1"));
  g_assert_cmpstr (g_hash_table_lookup (before, "shop-web-1"), ==, g_hash_table_lookup (after, "shop-web-1"));

  g_assert_cmpint (strata (fresh, NULL, NULL, "up", "--no-start", NULL), ==, 0);
  state = inspect ("fresh-web-1", "{{.State.Status}}");
  g_assert_cmpstr (state, ==, "created");
}

/* SERVICE...: the service and what it depends on, nothing else. */
static void
test_select_and_orphans (void)
{
  g_autofree char *dir = engine_test_write_project (work_dir, "pick", shop_yaml);
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GString) fewer = g_string_new (shop_yaml);
  g_autofree char *err = NULL;

  g_assert_cmpint (strata (dir, NULL, NULL, "up", "-d", "web", NULL), ==, 0);
  ids = container_ids ();
  g_assert_true (g_hash_table_contains (ids, "pick-web-1"));
  g_assert_true (g_hash_table_contains (ids, "pick-db-1"));
  g_assert_false (g_hash_table_contains (ids, "pick-other-1"));
  g_clear_pointer (&ids, g_hash_table_unref);

  g_string_replace (fewer, "  other:\n    image: strata-test/busybox:latest\n    pull_policy: never\n"
                           "    command: sleep 1000\n    stop_signal: SIGKILL\n    tmpfs: /run\n", "", 1);
  g_assert_cmpint (strata (dir, NULL, NULL, "up", "-d", NULL), ==, 0);  /* other exists now */
  write_file (dir, "compose.yaml", shop_yaml);
  g_assert_cmpint (strata (dir, NULL, NULL, "up", "-d", NULL), ==, 0);
  write_file (dir, "compose.yaml", fewer->str);
  g_assert_cmpint (strata (dir, NULL, &err, "up", "-d", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "Found orphan containers ([pick-other-1])"));
  ids = container_ids ();
  g_assert_true (g_hash_table_contains (ids, "pick-other-1"));
  g_clear_pointer (&ids, g_hash_table_unref);
  g_assert_cmpint (strata (dir, NULL, NULL, "up", "-d", "--remove-orphans", NULL), ==, 0);
  ids = container_ids ();
  g_assert_false (g_hash_table_contains (ids, "pick-other-1"));
  g_assert_true (g_hash_table_contains (ids, "pick-web-1"));
}

static void
test_missing_image (void)
{
  g_autofree char *dir = engine_test_write_project (work_dir, "nopull",
                                                    "services:\n"
                                                    "  app:\n"
                                                    "    image: strata-test/not-here:1\n"
                                                    "    command: sleep 1000\n");
  g_autofree char *never = engine_test_write_project (work_dir, "never",
                                                      "services:\n"
                                                      "  app:\n"
                                                      "    image: strata-test/not-here:2\n"
                                                      "    pull_policy: never\n");
  g_autofree char *err = NULL;
  g_autoptr(GHashTable) ids = NULL;

  g_assert_cmpint (strata (dir, NULL, &err, "up", "-d", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Could not pull image “strata-test/not-here:1” for service “app”"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (strata (never, NULL, &err, "up", "-d", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Image “strata-test/not-here:2” of service “app” is not on the engine"));
  g_assert_nonnull (strstr (err, "pull_policy is never"));
  ids = container_ids ();
  g_assert_false (g_hash_table_contains (ids, "nopull-app-1"));
  g_assert_false (g_hash_table_contains (ids, "never-app-1"));
}

static void
test_build (void)
{
  g_autofree char *dir = engine_test_write_project (work_dir, "built",
                                                    "services:\n"
                                                    "  app:\n"
                                                    "    build: ./ctx\n"
                                                    "    command: sleep 1000\n"
                                                    "    stop_signal: SIGKILL\n");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  write_file (dir, "ctx/Dockerfile", "FROM strata-test/busybox:latest\nCOPY . /ctx/\n");
  write_file (dir, "ctx/hello.txt", "hello from the context\n");
  write_file (dir, "ctx/secret.txt", "must not be sent\n");
  write_file (dir, "ctx/logs/a.log", "nor this\n");
  write_file (dir, "ctx/.dockerignore", "secret.txt\nlogs\n");
  g_assert_cmpint (strata (dir, NULL, &err, "up", "-d", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "Image built-app  Built"));
  out = engine_test_docker_out (test_engine, "exec", "built-app-1", "ls", "/ctx", NULL);
  g_assert_cmpstr (out, ==, "Dockerfile\nhello.txt");
  g_free (out);
  out = engine_test_docker_out (test_engine, "exec", "built-app-1", "cat", "/ctx/hello.txt", NULL);
  g_assert_cmpstr (out, ==, "hello from the context");
  /* compose sees it up to date: the same hash, the same image. */
  assert_compose_keeps (dir, (const char *[]) { "built-app-1", NULL });
}

static void
test_completed_successfully (void)
{
  g_autofree char *dir = engine_test_write_project (work_dir, "jobs",
                                                    "services:\n"
                                                    "  migrate:\n"
                                                    "    image: strata-test/busybox:latest\n"
                                                    "    pull_policy: never\n"
                                                    "    command: sh -c 'sleep 1; exit 0'\n"
                                                    "  app:\n"
                                                    "    image: strata-test/busybox:latest\n"
                                                    "    pull_policy: never\n"
                                                    "    command: sleep 1000\n"
                                                    "    stop_signal: SIGKILL\n"
                                                    "    depends_on: {migrate: {condition: service_completed_successfully}}\n");
  g_autofree char *failing = engine_test_write_project (work_dir, "badjobs",
                                                        "services:\n"
                                                        "  migrate:\n"
                                                        "    image: strata-test/busybox:latest\n"
                                                        "    pull_policy: never\n"
                                                        "    command: sh -c 'exit 3'\n"
                                                        "  app:\n"
                                                        "    image: strata-test/busybox:latest\n"
                                                        "    pull_policy: never\n"
                                                        "    command: sleep 1000\n"
                                                        "    depends_on: {migrate: {condition: service_completed_successfully}}\n");
  g_autofree char *err = NULL;
  g_autofree char *state = NULL;

  g_assert_cmpint (strata (dir, NULL, &err, "up", "-d", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "Container jobs-migrate-1  Exited"));
  state = inspect ("jobs-app-1", "{{.State.Status}}");
  g_assert_cmpstr (state, ==, "running");
  g_free (state);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (strata (failing, NULL, &err, "up", "-d", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "service “migrate” didn't complete successfully: exit 3"));
  state = inspect ("badjobs-app-1", "{{.State.Status}}");
  g_assert_cmpstr (state, ==, "created");
}

/* z depends on nothing: it starts while a waits for slowdb's health check,
 * as compose does, instead of after it. */
static void
test_independent_in_parallel (void)
{
  g_autofree char *dir = engine_test_write_project (work_dir, "para",
                                                    "services:\n"
                                                    "  slowdb:\n"
                                                    "    image: strata-test/busybox:latest\n"
                                                    "    pull_policy: never\n"
                                                    "    command: sh -c 'sleep 3; touch /tmp/ok; exec sleep 1000'\n"
                                                    "    stop_signal: SIGKILL\n"
                                                    "    healthcheck: {test: 'test -f /tmp/ok', interval: 1s}\n"
                                                    "  a:\n"
                                                    "    image: strata-test/busybox:latest\n"
                                                    "    pull_policy: never\n"
                                                    "    command: sleep 1000\n"
                                                    "    stop_signal: SIGKILL\n"
                                                    "    depends_on: {slowdb: {condition: service_healthy}}\n"
                                                    "  z:\n"
                                                    "    image: strata-test/busybox:latest\n"
                                                    "    pull_policy: never\n"
                                                    "    command: sleep 1000\n"
                                                    "    stop_signal: SIGKILL\n");
  g_autofree char *err = NULL;
  const char *z_started;
  const char *healthy;
  const char *a_started;

  g_assert_cmpint (strata (dir, NULL, &err, "up", "-d", NULL), ==, 0);
  z_started = strstr (err, "Container para-z-1  Started");
  healthy = strstr (err, "Container para-slowdb-1  Healthy");
  a_started = strstr (err, "Container para-a-1  Started");
  g_assert_nonnull (z_started);
  g_assert_nonnull (healthy);
  g_assert_nonnull (a_started);
  g_assert_true (z_started < healthy);
  g_assert_true (healthy < a_started);
  assert_compose_keeps (dir, (const char *[]) { "para-a-1", "para-slowdb-1", "para-z-1", NULL });
}

typedef struct
{
  GCancellable *cancellable;
  const char   *message;    /* cancel on the first container progress with this message */
  guint         delay_ms;   /* that long after it */
  guint         seen;
} CancelAt;

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);

  return G_SOURCE_REMOVE;
}

static void
cancel_on_progress (StrataUpPlan *plan,
                    int           kind,
                    const char   *name,
                    int           status,
                    const char   *message,
                    gpointer      user_data)
{
  CancelAt *at = user_data;

  g_test_message ("progress: %s %s", name, message);
  if (kind == STRATA_UP_ITEM_CONTAINER && g_strcmp0 (message, at->message) == 0 && at->seen++ == 0)
    g_timeout_add_full (G_PRIORITY_HIGH, at->delay_ms, cancel_cb, g_object_ref (at->cancellable), g_object_unref);
}

/* Up through the API, cancelled on the first progress saying @message:
 * the run ends cancelled without a hang. */
static void
up_cancelled_at (const char *dir,
                 const char *message,
                 guint       delay_ms)
{
  g_autoptr(StrataLoadOptions) options = strata_load_options_new ();
  g_autoptr(StrataProject) project = NULL;
  g_autoptr(StrataEngine) engine = engine_test_engine_new (test_engine);
  g_autoptr(StrataUpPlan) plan = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  StrataUpOptions up = { .timeout = 0 };
  CancelAt at = { cancellable, message, delay_ms, 0 };

  options->cwd = g_strdup (dir);
  project = strata_project_load (options, NULL, &error);
  g_assert_no_error (error);
  strata_up_plan_compute_async (engine, project, &up, NULL, engine_test_store_result, &result);
  plan = strata_up_plan_compute_finish (engine_test_await (&result, ENGINE_TEST_TIMEOUT_MS), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_signal_connect (plan, "progress", G_CALLBACK (cancel_on_progress), &at);
  strata_up_plan_run_async (plan, engine, cancellable, engine_test_store_result, &result);
  g_assert_false (strata_up_plan_run_finish (plan, engine_test_await (&result, ENGINE_TEST_TIMEOUT_MS), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (at.seen, >, 0);
}

/* Cancelled while creating, then while replacing a container (a temporary
 * name is in play) and while waiting for a health check: each time the
 * next `strata up` brings the project up, and compose finds it up to date. */
static void
test_cancelled_up_recovers (void)
{
  g_autofree char *dir = engine_test_write_project (work_dir, "halt", shop_yaml);
  g_autoptr(GString) edited = g_string_new (shop_yaml);
  g_autoptr(GHashTable) ids = NULL;
  const char *names[] = { "halt-db-1", "halt-other-1", "halt-web-1", NULL };
  const char *stages[] = { "Creating", "Recreate", "Waiting" };
  guint delays[] = { 20, 30, 0 };  /* ms: the request is on its way */

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_autofree char *err = NULL;
      GHashTableIter iter;
      gpointer name;

      g_test_message ("cancelled at %s", stages[i]);
      if (i == 1)
        {
          g_string_replace (edited, "GREETING: hello", "GREETING: cancelled", 1);
          write_file (dir, "compose.yaml", edited->str);
        }
      else if (i == 2)
        engine_test_docker (test_engine, "rm", "-f", "halt-web-1", "halt-db-1", NULL);
      up_cancelled_at (dir, stages[i], delays[i]);
      g_assert_cmpint (strata (dir, NULL, &err, "up", "-d", NULL), ==, 0);
      assert_compose_keeps (dir, names);
      ids = container_ids ();
      g_hash_table_iter_init (&iter, ids);
      while (g_hash_table_iter_next (&iter, &name, NULL))
        g_assert_null (strstr (name, "_halt-"));  /* no replacement left under its temporary name */
      g_clear_pointer (&ids, g_hash_table_unref);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/up/strata-then-compose", test_strata_then_compose);
  g_test_add_func ("/engine/up/compose-then-strata", test_compose_then_strata);
  g_test_add_func ("/engine/up/recreate-changed", test_recreate_changed);
  g_test_add_func ("/engine/up/force-recreate-no-start", test_force_recreate_and_no_start);
  g_test_add_func ("/engine/up/select-and-orphans", test_select_and_orphans);
  g_test_add_func ("/engine/up/missing-image", test_missing_image);
  g_test_add_func ("/engine/up/build", test_build);
  g_test_add_func ("/engine/up/completed-successfully", test_completed_successfully);
  g_test_add_func ("/engine/up/cancelled-recovers", test_cancelled_up_recovers);
  g_test_add_func ("/engine/up/independent-in-parallel", test_independent_in_parallel);

  test_engine = strata_test_engine_start (&error);
  g_assert_no_error (error);
  work_dir = g_dir_make_tmp ("strata-up-XXXXXX", &error);
  g_assert_no_error (error);

  status = g_test_run ();
  strata_test_engine_stop (test_engine);

  return status;
}
