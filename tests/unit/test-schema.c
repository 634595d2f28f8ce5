/* test-schema.c: the schema's field index and the units compose-go decodes
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The durations and sizes below are what the compose CLI v2.26.1 printed
 * for them (`docker compose config` of a healthcheck, deploy and mem_*),
 * and its messages for the ones it refused.
 */

#include "config.h"

#include <string.h>

#include "strata-schema-private.h"

static void
test_durations (void)
{
  struct { const char *text; const char *printed; } cases[] = {
    { "90s", "1m30s" }, { "1.5s", "1.5s" }, { "1h2m3.5s", "1h2m3.5s" }, { "500ms", "500ms" },
    { "1500us", "1.5ms" }, { "999ns", "999ns" }, { "2h", "2h0m0s" }, { "1.000000001s", "1.000000001s" },
    { "0.5us", "500ns" }, { "-1m30s", "-1m30s" }, { "+3m", "3m0s" }, { "0", "0s" },
    { "10\302\265s", "10\302\265s" }, { "10\316\274s", "10\302\265s" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char buf[STRATA_DURATION_BUF_SIZE];
      g_autofree char *text = NULL;
      gint64 ns;

      g_assert_true (_strata_parse_duration (cases[i].text, &ns));
      _strata_format_duration_buf (ns, buf);
      text = _strata_format_duration (ns);
      g_assert_cmpstr (buf, ==, cases[i].printed);
      g_assert_cmpstr (text, ==, cases[i].printed);
    }
}

static void
test_duration_errors (void)
{
  struct { const char *text; const char *message; } cases[] = {
    { "10 parsecs", "time: unknown unit \" parsecs\" in duration \"10 parsecs\"" },
    { "5", "time: missing unit in duration \"5\"" },
    { ".s", "time: invalid duration \".s\"" },
    { "", "time: invalid duration \"\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = NULL;
      gint64 ns;

      g_assert_false (_strata_parse_duration_full (cases[i].text, &ns, &message));
      g_assert_cmpstr (message, ==, cases[i].message);
    }
}

static void
test_byte_sizes (void)
{
  struct { const char *text; gint64 bytes; } cases[] = {
    { "1.5g", 1610612736 }, { "512 MB", 536870912 }, { "64kib", 65536 }, { "2T", G_GINT64_CONSTANT (2199023255552) },
    { "1048576", 1048576 }, { "1b", 1 }, { "3Pb", G_GINT64_CONSTANT (3377699720527872) },
  };
  struct { const char *text; const char *message; } errors[] = {
    { "1.5.5", "strconv.ParseFloat: parsing \"1.5.5\": invalid syntax" },
    { "12 parsecs", "invalid size: '12 parsecs'" },
    { "1.", "invalid size: '1.'" },
    { "-1", "invalid size: '-1'" },
    { "1  g", "invalid size: '1  g'" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 bytes = 0;

      g_assert_true (_strata_parse_bytes (cases[i].text, &bytes));
      g_assert_cmpint (bytes, ==, cases[i].bytes);
    }
  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    {
      g_autofree char *message = NULL;
      gint64 bytes;

      g_assert_false (_strata_parse_bytes_full (errors[i].text, &bytes, &message));
      g_assert_cmpstr (message, ==, errors[i].message);
    }
}

/* Every field of the service is found by its name, at its place; other
 * names are not. */
static void
test_field_index (void)
{
  const StrataSchemaStruct *service = _strata_schema_service ();

  for (guint f = 0; f < service->n_fields; f++)
    g_assert_cmpint (_strata_schema_field_index (service, service->fields[f].name), ==, f);
  g_assert_cmpint (_strata_schema_field_index (service, "x-image"), ==, -1);
  g_assert_cmpint (_strata_schema_field_index (service, "imag"), ==, -1);
  g_assert_cmpint (_strata_schema_field_index (service, "images"), ==, -1);
  g_assert_cmpint (_strata_schema_field_index (service, ""), ==, -1);
  g_assert_cmpint (_strata_schema_field_index (service, NULL), ==, -1);
}

static StrataNode *
entry (StrataNode *mapping,
       const char *key,
       const char *text)
{
  StrataNode *node = strata_node_new_scalar (NULL, text, STRATA_VALUE_STRING);

  strata_node_set_key (node, key);
  strata_node_append (mapping, node);
  return node;
}

/* Fields in struct order with the first child of each key (as a lookup
 * finds it); unknown keys, later duplicates and input-only fields stay
 * behind, in order. */
static void
test_match (void)
{
  const StrataSchemaStruct *service = _strata_schema_service ();
  g_autoptr(StrataNode) mapping = strata_node_new_mapping (NULL);
  StrataNode *restart = entry (mapping, "restart", "always");
  StrataNode *extension = entry (mapping, "x-a", "1");
  StrataNode *image = entry (mapping, "image", "web");
  StrataNode *again = entry (mapping, "image", "db");
  StrataNode *label_file = entry (mapping, "label_file", "a.env");
  gpointer rest[5];
  StrataSchemaMatch match;
  guint n_rest;

  n_rest = _strata_schema_match (service, mapping, STRATA_SCHEMA_MATCH_MODEL, &match, rest);
  g_assert_cmpuint (match.n_fields, ==, 2);
  g_assert_cmpstr (service->fields[match.fields[0]].name, ==, "image");
  g_assert_cmpstr (service->fields[match.fields[1]].name, ==, "restart");
  g_assert_true (match.nodes[match.fields[0]] == image);
  g_assert_true (match.nodes[match.fields[1]] == restart);
  g_assert_true (_strata_schema_match_get (service, &match, "image") == image);
  g_assert_null (_strata_schema_match_get (service, &match, "command"));
  g_assert_cmpuint (n_rest, ==, 3);
  g_assert_true (rest[0] == extension);
  g_assert_true (rest[1] == again);
  g_assert_true (rest[2] == label_file);

  /* only durations and byte sizes (and structs holding some) */
  _strata_schema_match (service, mapping, STRATA_SCHEMA_MATCH_PARSED, &match, NULL);
  g_assert_cmpuint (match.n_fields, ==, 0);
  entry (mapping, "healthcheck", "");
  entry (mapping, "mem_limit", "1g");
  _strata_schema_match (service, mapping, STRATA_SCHEMA_MATCH_PARSED, &match, NULL);
  g_assert_cmpuint (match.n_fields, ==, 2);
  g_assert_cmpstr (service->fields[match.fields[0]].name, ==, "healthcheck");
  g_assert_cmpstr (service->fields[match.fields[1]].name, ==, "mem_limit");
  g_assert_true (_strata_schema_parses (service));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/schema/durations", test_durations);
  g_test_add_func ("/schema/duration-errors", test_duration_errors);
  g_test_add_func ("/schema/byte-sizes", test_byte_sizes);
  g_test_add_func ("/schema/field-index", test_field_index);
  g_test_add_func ("/schema/match", test_match);
  return g_test_run ();
}
