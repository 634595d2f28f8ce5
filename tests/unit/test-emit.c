/* test-emit.c: the YAML and JSON emitters against the compose CLI's output
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected files under data/config/ come from the compose CLI v2.26.1
 * (see data/config/regen.sh). Reading an expected output back as a tree
 * (its structs already in compose's order, its maps already sorted) and
 * printing it again must give the same bytes.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "strata-emit.h"
#include "strata-emit-private.h"
#include "strata-test-yaml.h"

static StrataNode *
read_expected (const char *name,
               const char *file)
{
  g_autofree char *text = strata_test_read_data ("config", name, file, NULL);
  g_autoptr(StrataLayer) layer = strata_layer_new (file, text, strlen (text), STRATA_LAYER_ROLE_BASE);
  StrataNode *root;

  if (g_str_has_suffix (file, ".json"))
    root = strata_test_json_parse (text);
  else
    root = strata_test_yaml_parse (layer);

  strata_test_undouble_dollars (root);
  return root;
}

static void
check_roundtrip (gconstpointer data)
{
  const char *name = data;
  g_autofree char *yaml = strata_test_read_data ("config", name, "expected.yml", NULL);
  g_autofree char *json = strata_test_read_data ("config", name, "expected.json", NULL);
  g_autoptr(StrataNode) yroot = read_expected (name, "expected.yml");
  g_autoptr(StrataNode) jroot = read_expected (name, "expected.json");
  g_autofree char *yout = strata_emit_yaml (yroot);
  g_autofree char *jout = strata_emit_json (jroot, FALSE);

  g_assert_cmpstr (yout, ==, yaml);
  g_assert_cmpstr (jout, ==, json);
}

static void
test_plain_strings (void)
{
  const char *quoted[] = { "", "1", "1.5", "true", "yes", "Off", "y", "null", "~", "0x1F",
                           "0o17", "1e3", "+1", ".inf", "1:30", "12:30:45", "0755", "0b101",
                           "1_000", "2001-01-01", "2001-1-2T3:04:05Z", "09", ".5", NULL };
  const char *plain[] = { "a", "1.2.3", "2001-13-01", "<<", "-", "x1", "1a", "0x", "1:70",
                          "infinity", "yess", NULL };

  for (guint i = 0; quoted[i]; i++)
    g_assert_false (_strata_yaml_plain_is_string (quoted[i]));
  for (guint i = 0; plain[i]; i++)
    g_assert_true (_strata_yaml_plain_is_string (plain[i]));
}

static void
test_floats (void)
{
  struct { double v; const char *yaml; const char *json; } cases[] = {
    { 0.5, "0.5", "0.5" }, { 1.5e6, "1.5e+06", "1500000" }, { 1e21, "1e+21", "1e+21" },
    { 1e-7, "1e-07", "1e-7" }, { 100000, "100000", "100000" }, { 0.0001, "0.0001", "0.0001" },
    { 123456789.0, "1.23456789e+08", "123456789" }, { 0.1, "0.1", "0.1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *y = _strata_go_format_float (cases[i].v, FALSE);
      g_autofree char *j = _strata_go_format_float (cases[i].v, TRUE);

      g_assert_cmpstr (y, ==, cases[i].yaml);
      g_assert_cmpstr (j, ==, cases[i].json);
    }
}

static void
test_sprint (void)
{
  /* as compose printed them in environment (conformance 036 and 043) */
  struct { const char *text; StrataValueType type; const char *sprint; } cases[] = {
    { "0123", STRATA_VALUE_INT, "83" }, { "0o17", STRATA_VALUE_INT, "15" },
    { "0x1F", STRATA_VALUE_INT, "31" }, { "1_000", STRATA_VALUE_INT, "1000" },
    { "12345678901234567890", STRATA_VALUE_INT, "12345678901234567890" },
    { "1e3", STRATA_VALUE_FLOAT, "1000" }, { ".5", STRATA_VALUE_FLOAT, "0.5" },
    { "1.50", STRATA_VALUE_FLOAT, "1.5" }, { "1e6", STRATA_VALUE_FLOAT, "1e+06" },
    { "-0.0", STRATA_VALUE_FLOAT, "-0" }, { "False", STRATA_VALUE_BOOL, "false" },
    { "2001-12-14", STRATA_VALUE_TIMESTAMP, "2001-12-14 00:00:00 +0000 UTC" },
    { "2001-12-14T21:59:43.10-05:00", STRATA_VALUE_TIMESTAMP, "2001-12-14 21:59:43.1 -0500 -0500" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(StrataNode) node = strata_node_new_scalar (NULL, cases[i].text, cases[i].type);
      g_autofree char *text = _strata_go_sprint (node);

      g_assert_cmpstr (text, ==, cases[i].sprint);
    }
}

static void
test_time_rfc3339 (void)
{
  g_autofree char *utc = _strata_go_format_time ("2001-12-14", TRUE);
  g_autofree char *offset = _strata_go_format_time ("2001-12-14 21:59:43.123000", TRUE);
  g_autofree char *zoned = _strata_go_format_time ("2001-12-14t21:59:43.10-05:00", TRUE);

  g_assert_cmpstr (utc, ==, "2001-12-14T00:00:00Z");
  g_assert_cmpstr (offset, ==, "2001-12-14T21:59:43.123Z");
  g_assert_cmpstr (zoned, ==, "2001-12-14T21:59:43.1-05:00");
}

/* What strata_emit_*_to_stream () wrote to a file. */
static char *
emit_to_stream (const StrataNode *root,
                gboolean          json)
{
  FILE *file = tmpfile ();
  GString *text = g_string_new (NULL);
  char buf[4096];
  gsize n;

  g_assert_nonnull (file);
  if (json)
    strata_emit_json_to_stream (root, FALSE, file);
  else
    strata_emit_yaml_to_stream (root, file);
  rewind (file);
  while ((n = fread (buf, 1, sizeof buf, file)) > 0)
    g_string_append_len (text, buf, n);
  fclose (file);
  return g_string_free (text, FALSE);
}

/* A project of @n services, big enough to be written in several chunks
 * (and, for the JSON, in two halves at once). */
static StrataNode *
many_services (guint n)
{
  StrataNode *root = strata_node_new_mapping (NULL);
  StrataNode *services = strata_node_new_mapping (NULL);

  services->flags |= STRATA_NODE_FLAG_MAP;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("svc-%04u", (n - i) * 7 % n);
      g_autofree char *image = g_strdup_printf ("registry.example/app:$TAG-%u <&>", i);
      StrataNode *service = strata_node_new_mapping (NULL);
      StrataNode *command = strata_node_new_sequence (NULL);
      StrataNode *hidden = strata_node_new_scalar (NULL, "yaml only", STRATA_VALUE_STRING);

      hidden->flags |= STRATA_NODE_FLAG_YAML_ONLY;
      strata_node_set (service, "image", strata_node_new_scalar (NULL, image, STRATA_VALUE_STRING));
      strata_node_append (command, strata_node_new_scalar (NULL, "run", STRATA_VALUE_STRING));
      strata_node_append (command, strata_node_new_scalar (NULL, "--fast\nüber", STRATA_VALUE_STRING));
      strata_node_set (service, "command", command);
      strata_node_set (service, "hidden", hidden);
      strata_node_set (services, name, service);
    }
  strata_node_set (root, "name", strata_node_new_scalar (NULL, "big", STRATA_VALUE_STRING));
  strata_node_set (root, "services", services);
  return root;
}

static void
test_stream (void)
{
  const guint sizes[] = { 0, 3, 255, 256, 257, 2000 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(StrataNode) root = many_services (sizes[i]);
      g_autofree char *json = strata_emit_json (root, FALSE);
      g_autofree char *yaml = strata_emit_yaml (root);
      g_autofree char *json_stream = emit_to_stream (root, TRUE);
      g_autofree char *yaml_stream = emit_to_stream (root, FALSE);

      g_assert_cmpstr (json_stream, ==, json);
      g_assert_cmpstr (yaml_stream, ==, yaml);
    }
}

static void
test_key_order (void)
{
  /* as the compose CLI sorted labels (data/config/quoting/expected.yml) */
  const char *yaml_order[] = { "_x", "1", "2", "10", "A_B", "AB", "Zed", "a", "a_b", "a9", "a10",
                               "ab", "b", "b ", NULL };

  for (guint i = 0; yaml_order[i + 1]; i++)
    g_assert_cmpint (_strata_yaml_key_compare (yaml_order[i], yaml_order[i + 1]), <, 0);
}

int
main (int   argc,
      char *argv[])
{
  const char *cases[] = { "basic", "full", "quoting" };

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/emit/plain-strings", test_plain_strings);
  g_test_add_func ("/emit/floats", test_floats);
  g_test_add_func ("/emit/key-order", test_key_order);
  g_test_add_func ("/emit/sprint", test_sprint);
  g_test_add_func ("/emit/time-rfc3339", test_time_rfc3339);
  g_test_add_func ("/emit/stream", test_stream);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/emit/roundtrip/%s", cases[i]);
      g_test_add_data_func (path, cases[i], check_roundtrip);
    }
  return g_test_run ();
}
