/* test-engine-down.c: the down plan against the reference compose CLI
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same project is brought up twice by compose: once torn down by
 * `docker compose down --rmi all -v --remove-orphans`, once by Strata.
 * Strata's plan must list exactly what compose removed, and afterwards the
 * engine must hold exactly what it held after compose, while a second
 * project and an external volume and network, both in use, stay.
 */

#include "config.h"

#include <string.h>

#include "engine-test-util.h"
#include "strata-down-plan.h"

static StrataTestEngine *test_engine;
static char *work_dir;

static const char alpha_yaml[] =
  "services:\n"
  "  web:\n"
  "    image: alpha/img:1\n"
  "    pull_policy: never\n"
  "    command: sleep 1000\n"
  "    stop_signal: SIGKILL\n"
  "    networks: [default, outside]\n"
  "    volumes: [data:/data, shared:/shared]\n"
  "  worker:\n"
  "    image: alpha/img:1\n"
  "    pull_policy: never\n"
  "    command: sleep 1000\n"
  "    stop_signal: SIGKILL\n"
  "    networks: [back]\n"
  "networks:\n"
  "  back: {}\n"
  "  outside:\n"
  "    external: true\n"
  "    name: shared_net\n"
  "volumes:\n"
  "  data: {}\n"
  "  shared:\n"
  "    external: true\n"
  "    name: shared_ext\n";

static const char beta_yaml[] =
  "services:\n"
  "  app:\n"
  "    image: beta/img:1\n"
  "    pull_policy: never\n"
  "    command: sleep 1000\n"
  "    stop_signal: SIGKILL\n"
  "    networks: [outside]\n"
  "    volumes: [shared:/shared]\n"
  "networks:\n"
  "  outside:\n"
  "    external: true\n"
  "    name: shared_net\n"
  "volumes:\n"
  "  shared:\n"
  "    external: true\n"
  "    name: shared_ext\n";

/* "container:NAME", "network:NAME", "volume:NAME", "image:TAG" of the whole engine. */
static GHashTable *
snapshot (StrataEngine *engine)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *paths[] = { "/containers/json?all=1", "/networks", "/volumes", "/images/json" };

  for (guint p = 0; p < G_N_ELEMENTS (paths); p++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = engine_test_request (engine, "GET", paths[p], &error);
      JsonArray *array;

      g_assert_no_error (error);
      array = p == 2 ? json_object_get_array_member (json_node_get_object (node), "Volumes")
                     : json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *o = json_array_get_object_element (array, i);

          if (p == 0)
            g_hash_table_add (set, g_strconcat ("container:",
                                                json_array_get_string_element (json_object_get_array_member (o, "Names"), 0) + 1,
                                                NULL));
          else if (p == 1 || p == 2)
            g_hash_table_add (set, g_strconcat (p == 1 ? "network:" : "volume:",
                                                json_object_get_string_member (o, "Name"), NULL));
          else
            {
              JsonArray *tags = json_object_get_array_member (o, "RepoTags");

              for (guint j = 0; tags != NULL && j < json_array_get_length (tags); j++)
                g_hash_table_add (set, g_strconcat ("image:", json_array_get_string_element (tags, j), NULL));
            }
        }
    }

  return set;
}

static char *
describe (GHashTable *set)
{
  g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (set, NULL);

  for (guint i = 0; i + 1 < g_hash_table_size (set); i++)
    for (guint j = i + 1; j < g_hash_table_size (set); j++)
      if (strcmp (keys[i], keys[j]) > 0)
        {
          const char *t = keys[i];

          keys[i] = keys[j];
          keys[j] = t;
        }

  return g_strjoinv (" ", (char **) keys);
}

static GHashTable *
difference (GHashTable *a,
            GHashTable *b)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (b, key))
      g_hash_table_add (set, g_strdup (key));

  return set;
}

static GHashTable *
plan_set (StrataDownPlan *plan)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *prefixes[] = { "container:", "network:", "volume:", "image:" };

  for (guint k = 0; k < G_N_ELEMENTS (prefixes); k++)
    {
      GPtrArray *items = strata_down_plan_get_items (plan, k);

      for (guint i = 0; i < items->len; i++)
        g_hash_table_add (set, g_strconcat (prefixes[k], ((StrataPlanItem *) items->pdata[i])->name, NULL));
    }

  return set;
}

static void
bring_up_alpha (const char *dir)
{
  /* `down --rmi all` untagged it last time. */
  engine_test_docker (test_engine, "tag", "strata-test/busybox:latest", "alpha/img:1", NULL);
  engine_test_compose (test_engine, dir, "-p", "alpha", "up", "-d", NULL);
  /* An orphan: a service that is no longer in the file. */
  engine_test_docker (test_engine, "run", "-d", "--name", "alpha-old-1",
                      "--label", "com.docker.compose.project=alpha",
                      "--label", "com.docker.compose.service=old",
                      "--label", "com.docker.compose.container-number=1",
                      "--label", "com.docker.compose.oneoff=False",
                      "--label", "com.docker.compose.config-hash="
                      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                      "alpha/img:1", "sleep", "1000", NULL);
}

static StrataDownPlan *
compute_plan (StrataEngine            *engine,
              const StrataDownOptions *options)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  StrataDownPlan *plan;

  strata_down_plan_compute_async (engine, "alpha", options, NULL, engine_test_store_result, &result);
  engine_test_await (&result, ENGINE_TEST_TIMEOUT_MS);
  plan = strata_down_plan_compute_finish (result, &error);
  g_assert_no_error (error);

  return plan;
}

static void
count_progress (StrataDownPlan *plan,
                int             kind,
                const char     *name,
                int             status,
                const char     *message,
                gpointer        user_data)
{
  GHashTable *done = user_data;

  if (status == STRATA_PLAN_STEP_DONE && g_str_equal (message, "Removed"))
    g_hash_table_add (done, g_strdup (name));
  g_assert_cmpint (status, !=, STRATA_PLAN_STEP_FAILED);
}

static const char *
kept_why (StrataDownPlan *plan,
          const char     *name)
{
  GPtrArray *kept = strata_down_plan_get_kept (plan);

  for (guint i = 0; i < kept->len; i++)
    if (g_str_equal (((StrataPlanItem *) kept->pdata[i])->name, name))
      return ((StrataPlanItem *) kept->pdata[i])->why;

  return NULL;
}

static void
test_down_matches_compose (void)
{
  g_autofree char *alpha = engine_test_write_project (work_dir, "alpha", alpha_yaml);
  g_autofree char *beta = engine_test_write_project (work_dir, "beta", beta_yaml);
  g_autoptr(StrataEngine) engine = engine_test_engine_new (test_engine);
  const char *services[] = { "web", "worker", NULL };
  StrataDownOptions options = { STRATA_RMI_ALL, TRUE, TRUE, services };
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after_compose = NULL;
  g_autoptr(GHashTable) removed_by_compose = NULL;
  g_autoptr(GHashTable) before_again = NULL;
  g_autoptr(GHashTable) after_strata = NULL;
  g_autoptr(GHashTable) planned = NULL;
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(StrataDownPlan) plan = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *s1 = NULL;
  g_autofree char *s2 = NULL;

  engine_test_compose (test_engine, beta, "-p", "beta", "up", "-d", NULL);
  bring_up_alpha (alpha);
  before = snapshot (engine);
  engine_test_compose (test_engine, alpha, "-p", "alpha", "down", "--rmi", "all", "-v",
                       "--remove-orphans", NULL);
  after_compose = snapshot (engine);
  removed_by_compose = difference (before, after_compose);

  bring_up_alpha (alpha);
  before_again = snapshot (engine);
  s1 = describe (before);
  s2 = describe (before_again);
  g_assert_cmpstr (s1, ==, s2);

  plan = compute_plan (engine, &options);
  planned = plan_set (plan);
  g_clear_pointer (&s1, g_free);
  g_clear_pointer (&s2, g_free);
  s1 = describe (removed_by_compose);
  s2 = describe (planned);
  g_assert_cmpstr (s2, ==, s1);
  g_assert_cmpstr (s2, ==, "container:alpha-old-1 container:alpha-web-1 container:alpha-worker-1 "
                           "image:alpha/img:1 network:alpha_back network:alpha_default volume:alpha_data");
  g_assert_nonnull (strstr (kept_why (plan, "shared_net"), "external"));
  g_assert_nonnull (strstr (kept_why (plan, "shared_ext"), "external"));

  g_signal_connect (plan, "progress", G_CALLBACK (count_progress), done);
  strata_down_plan_run_async (plan, engine, -1, NULL, engine_test_store_result, &result);
  engine_test_await (&result, ENGINE_TEST_TIMEOUT_MS);
  g_assert_true (strata_down_plan_run_finish (plan, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (done), ==, g_hash_table_size (planned));

  after_strata = snapshot (engine);
  g_clear_pointer (&s1, g_free);
  g_clear_pointer (&s2, g_free);
  s1 = describe (after_compose);
  s2 = describe (after_strata);
  g_assert_cmpstr (s2, ==, s1);
  g_assert_true (g_hash_table_contains (after_strata, "container:beta-app-1"));
  g_assert_true (g_hash_table_contains (after_strata, "volume:shared_ext"));
  g_assert_true (g_hash_table_contains (after_strata, "network:shared_net"));
}

/* Without -v and --rmi, volumes stay and say why; an image shared with
 * another project's container is never removed. */
static void
test_plan_keeps_what_others_use (void)
{
  g_autofree char *alpha = engine_test_write_project (work_dir, "alpha", alpha_yaml);
  g_autoptr(StrataEngine) engine = engine_test_engine_new (test_engine);
  StrataDownOptions plain = { STRATA_RMI_NONE, FALSE, FALSE, NULL };
  StrataDownOptions all = { STRATA_RMI_ALL, TRUE, FALSE, NULL };
  g_autoptr(StrataDownPlan) plan = NULL;
  g_autoptr(StrataDownPlan) shared = NULL;
  g_autofree char *json = NULL;

  bring_up_alpha (alpha);
  plan = compute_plan (engine, &plain);
  json = strata_down_plan_to_json (plan);
  g_assert_cmpstr (json, ==,
                   "{\"containers\":[\"alpha-old-1\",\"alpha-web-1\",\"alpha-worker-1\"],"
                   "\"networks\":[\"alpha_back\",\"alpha_default\"],\"volumes\":[],\"images\":[],"
                   "\"kept\":[{\"name\":\"shared_net\",\"why\":\"external: not created by this project\"},"
                   "{\"name\":\"alpha_data\",\"why\":\"volumes are removed only with -v\"},"
                   "{\"name\":\"shared_ext\",\"why\":\"external: not created by this project\"}]}");

  /* beta's container now uses alpha's image too. */
  engine_test_docker (test_engine, "run", "-d", "--name", "beta-extra-1",
                      "--label", "com.docker.compose.project=beta",
                      "--label", "com.docker.compose.service=extra",
                      "alpha/img:1", "sleep", "1000", NULL);
  shared = compute_plan (engine, &all);
  g_assert_cmpuint (strata_down_plan_get_items (shared, STRATA_PLAN_IMAGE)->len, ==, 0);
  g_assert_cmpstr (kept_why (shared, "alpha/img:1"), ==, "used by container “beta-extra-1”, which stays");
  engine_test_docker (test_engine, "rm", "-f", "beta-extra-1", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/down/matches-compose", test_down_matches_compose);
  g_test_add_func ("/engine/down/keeps-what-others-use", test_plan_keeps_what_others_use);

  test_engine = strata_test_engine_start (&error);
  g_assert_no_error (error);
  work_dir = g_dir_make_tmp ("strata-down-XXXXXX", &error);
  g_assert_no_error (error);
  engine_test_docker (test_engine, "tag", "strata-test/busybox:latest", "alpha/img:1", NULL);
  engine_test_docker (test_engine, "tag", "strata-test/busybox:latest", "beta/img:1", NULL);
  engine_test_docker (test_engine, "volume", "create", "shared_ext", NULL);
  engine_test_docker (test_engine, "network", "create", "shared_net", NULL);

  status = g_test_run ();
  strata_test_engine_stop (test_engine);

  return status;
}
