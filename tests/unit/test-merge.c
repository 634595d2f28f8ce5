/* test-merge.c: compose's merge rules
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each expected result is what `docker-compose -f a.yml -f b.yml config`
 * (2.26.1) prints for the same two files, read back from its output (which
 * shows the merged values in their long form; here the merge is run on the
 * short form the files were written in).
 */

#include "config.h"

#include <string.h>

#include "strata-compose-error.h"
#include "strata-merge.h"
#include "strata-test-tree.h"

/* Merges @a then @b and returns the flow of @path in the result. */
static char *
merge_two (const char  *a,
           const char  *b,
           const char  *path,
           GError     **error)
{
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func ((GDestroyNotify) strata_layer_unref);
  StrataPosition none = { 0 };
  g_autoptr(StrataNode) merged = strata_node_new_mapping (&none);

  if (!strata_merge_file (merged, strata_test_read ("a.yml", a, layers), NULL, error) ||
      !strata_merge_file (merged, strata_test_read ("b.yml", b, layers), NULL, error))
    return NULL;
  return strata_test_flow (strata_test_at (merged, path));
}

#define ASSERT_MERGE(a, b, path, expected) \
  G_STMT_START { \
    g_autoptr(GError) merge_error = NULL; \
    g_autofree char *result = merge_two (a, b, path, &merge_error); \
    g_assert_no_error (merge_error); \
    g_assert_cmpstr (result, ==, expected); \
  } G_STMT_END

static void
test_scalars (void)
{
  /* A later scalar wins, a later null keeps the earlier value. */
  ASSERT_MERGE ("services: {s: {image: a, user: x}}", "services: {s: {image: b, user: null}}",
                "services.s", "{image: b, user: x}");
}

static void
test_environment_by_key (void)
{
  /* FOO: null in the override wins (compose then takes FOO from the shell). */
  ASSERT_MERGE ("services: {s: {environment: {FOO: bar, KEEP: '1', NUL: null}}}",
                "services: {s: {environment: {FOO: null, NUL: x}}}",
                "services.s.environment", "{FOO: null, KEEP: 1, NUL: x}");
  /* The list and mapping forms merge with each other. */
  ASSERT_MERGE ("services: {s: {labels: [a=1, b=2]}}", "services: {s: {labels: {b: 3, c: 4}}}",
                "services.s.labels", "{a: 1, b: 3, c: 4}");
}

static void
test_lists_append_dedup (void)
{
  ASSERT_MERGE ("services: {s: {dns: 1.1.1.1}}", "services: {s: {dns: [8.8.8.8, 1.1.1.1]}}",
                "services.s.dns", "[1.1.1.1, 8.8.8.8]");
  ASSERT_MERGE ("services: {s: {ports: ['8000:8000', '9000:9000']}}",
                "services: {s: {ports: ['8000:8000', '127.0.0.1:8000:8000', '9001:9000']}}",
                "services.s.ports", "[8000:8000, 9000:9000, 127.0.0.1:8000:8000, 9001:9000]");
  ASSERT_MERGE ("services: {s: {cap_add: [A, B]}}", "services: {s: {cap_add: [B, C]}}",
                "services.s.cap_add", "[A, B, C]");
  ASSERT_MERGE ("services: {s: {profiles: [p1]}}", "services: {s: {profiles: [p1, p2]}}",
                "services.s.profiles", "[p1, p2]");
}

static void
test_volumes_by_target (void)
{
  /* Replaced whole at the earlier position; "/other/" is not "/other". */
  ASSERT_MERGE ("services: {s: {volumes: ['./a:/data', 'vol:/other', './b:/third']}}",
                "services: {s: {volumes: ['vol:/data', {type: bind, source: ./c, target: /other/}]}}",
                "services.s.volumes",
                "[vol:/data, vol:/other, ./b:/third, {type: bind, source: ./c, target: /other/}]");
  ASSERT_MERGE ("services: {s: {secrets: [s1, {source: s2, target: /x}]}}",
                "services: {s: {secrets: [{source: s2, target: /run/secrets/s1}]}}",
                "services.s.secrets",
                "[{source: s2, target: /run/secrets/s1}, {source: s2, target: /x}]");
}

static void
test_replaced_whole (void)
{
  ASSERT_MERGE ("services: {s: {command: [a, b]}}", "services: {s: {command: c}}",
                "services.s.command", "c");
  ASSERT_MERGE ("services: {s: {healthcheck: {test: [CMD, a], interval: 10s}}}",
                "services: {s: {healthcheck: {test: x, timeout: 5s}}}",
                "services.s.healthcheck", "{test: x, interval: 10s, timeout: 5s}");
  ASSERT_MERGE ("services: {s: {ulimits: {nofile: {soft: 1, hard: 2}}}}",
                "services: {s: {ulimits: {nofile: 5}}}", "services.s.ulimits", "{nofile: 5}");
  ASSERT_MERGE ("services: {s: {x-foo: {a: 1, b: 2}}}", "services: {s: {x-foo: {b: 3}}}",
                "services.s.x-foo", "{b: 3}");
  ASSERT_MERGE ("x-top: {a: 1, b: {c: 1}}", "x-top: {b: {d: 2}}", "x-top", "{b: {d: 2}}");
}

static void
test_logging (void)
{
  ASSERT_MERGE ("services: {s: {logging: {driver: json-file, options: {max-size: 1m}}}}",
                "services: {s: {logging: {driver: syslog}}}", "services.s.logging", "{driver: syslog}");
  ASSERT_MERGE ("services: {s: {logging: {driver: json-file, options: {max-size: 1m, a: b}}}}",
                "services: {s: {logging: {options: {max-size: 2m}}}}", "services.s.logging",
                "{driver: json-file, options: {max-size: 2m, a: b}}");
}

static void
test_shorthands (void)
{
  ASSERT_MERGE ("services: {s: {depends_on: [t]}}",
                "services: {s: {depends_on: {t: {condition: service_healthy}}}}",
                "services.s.depends_on", "{t: {condition: service_healthy, required: true}}");
  ASSERT_MERGE ("services: {s: {networks: [n1]}}", "services: {s: {networks: {n2: {}, n1: {aliases: [x]}}}}",
                "services.s.networks", "{n1: {aliases: [x]}, n2: {}}");
  ASSERT_MERGE ("services: {s: {build: ./ctx}}", "services: {s: {build: {dockerfile: Dockerfile.dev}}}",
                "services.s.build", "{context: ./ctx, dockerfile: Dockerfile.dev}");
}

static void
test_tags (void)
{
  const char *a = "services: {s: {image: a, ports: ['8000:8000'], environment: {A: '1', B: '2'},"
                  " command: [a, b]}, t: {image: b}}";
  const char *b = "services:\n"
                  "  s:\n"
                  "    ports: !reset ['9000:9000']\n"
                  "    environment: !override {B: '3'}\n"
                  "    command: !reset\n"
                  "  t: !reset\n";

  ASSERT_MERGE (a, b, "services", "{s: {image: a, environment: {B: 3}}}");
}

static void
test_mapping_against_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *result = merge_two ("volumes: {v: {}}", "volumes: [v]", "volumes", &error);

  g_assert_null (result);
  g_assert_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_TYPE);
  g_assert_nonnull (strstr (error->message, "b.yml:1"));
  g_assert_nonnull (strstr (error->message, "volumes"));
}

/* 1000 services merge in linear time: indexes, no copies. */
static void
test_big_mapping (void)
{
  g_autoptr(GString) a = g_string_new ("services:\n");
  g_autoptr(GString) b = g_string_new ("services:\n");
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func ((GDestroyNotify) strata_layer_unref);
  StrataPosition none = { 0 };
  g_autoptr(StrataNode) merged = strata_node_new_mapping (&none);
  g_autoptr(GError) error = NULL;
  gint64 start;

  for (guint i = 0; i < 1000; i++)
    {
      g_string_append_printf (a, "  s%u:\n    image: x\n    ports: ['%u:80']\n", i, 10000 + i);
      g_string_append_printf (b, "  s%u:\n    image: y\n", 999 - i);
    }
  start = g_get_monotonic_time ();
  g_assert_true (strata_merge_file (merged, strata_test_read ("a.yml", a->str, layers), NULL, &error));
  g_assert_true (strata_merge_file (merged, strata_test_read ("b.yml", b->str, layers), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (strata_node_get_n_children (strata_node_lookup (merged, "services")), ==, 1000);
  g_assert_cmpstr (strata_test_at (merged, "services.s10.image")->text, ==, "y");
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/scalars", test_scalars);
  g_test_add_func ("/merge/environment-by-key", test_environment_by_key);
  g_test_add_func ("/merge/lists-append-dedup", test_lists_append_dedup);
  g_test_add_func ("/merge/volumes-by-target", test_volumes_by_target);
  g_test_add_func ("/merge/replaced-whole", test_replaced_whole);
  g_test_add_func ("/merge/logging", test_logging);
  g_test_add_func ("/merge/shorthands", test_shorthands);
  g_test_add_func ("/merge/tags", test_tags);
  g_test_add_func ("/merge/mapping-against-list", test_mapping_against_list);
  g_test_add_func ("/merge/big-mapping", test_big_mapping);

  return g_test_run ();
}
