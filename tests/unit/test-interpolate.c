/* test-interpolate.c: ${VAR} substitution
 *
 * Every expected value here was printed by compose 2.26.1 (`docker-compose
 * config` with SET=v and EMPTY= in the environment, nothing else).
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-compose-error.h"
#include "strata-diagnostic.h"
#include "strata-interpolate.h"
#include "strata-yaml.h"

static StrataEnvironment *
test_env (void)
{
  const char *envp[] = { "SET=v", "EMPTY=", NULL };

  return strata_environment_new_from_envp (envp);
}

static void
test_syntax (void)
{
  static const struct { const char *in, *out; guint n_warnings; } cases[] = {
    { "${SET:+alt}", "alt" }, { "${SET+alt}", "alt" },
    { "${EMPTY:+alt}", "" }, { "${EMPTY+alt}", "alt" },
    { "${UNSET:+alt}", "" }, { "${UNSET+alt}", "" },
    { "${SET:-d}", "v" }, { "${EMPTY:-d}", "d" }, { "${EMPTY-d}", "" }, { "${UNSET-d}", "d" },
    { "${UNSET:-${SET}x}", "vx" }, { "${UNSET:-${UNSET2:-${SET}}}y", "vy" },
    { "a$SET-b", "av-b" }, { "$1", "$1" }, { "a$ b", "a$ b" }, { "$", "$" },
    { "${SET}}", "v}" }, { "${UNSET:-a}b}", "ab}" }, { "$SETx", "", 1 },
    { "${EMPTY?m}", "" }, { "${SET:?m}", "v" },
    { "${SET:-{}}", "v" }, { "${UNSET:-{}}", "{}" }, { "${UNSET:-a{b}c}", "a{b}c" },
    { "${UNSET-a}}}", "a}}" }, { "${UNSET:-a}${SET}}", "av}" }, { "$${SET}", "${SET}" },
    { "${SET}${SET}", "vv" }, { "${Set}", "", 1 }, { "${UNSET:-x}-${UNSET:+y}z", "x-z" },
    { "${SET:-$UNSET1}", "v", 1 }, { "${SET:?a}b}", "vb}" }, { "$$HOME", "$HOME" },
    { "${A:-x} $${}", "x ${}" }, { "${A:-${A:-${A:-${A:-${A:-1}}}}}", "1" },
  };
  g_autoptr(StrataEnvironment) env = test_env ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) diagnostics = strata_diagnostics_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;

      g_test_message ("%s", cases[i].in);
      g_assert_true (strata_interpolate_string (cases[i].in, env, NULL, &out, NULL,
                                                diagnostics, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, cases[i].out);
      g_assert_cmpuint (diagnostics->len, ==, cases[i].n_warnings);
    }
}

static void
test_warning_text (void)
{
  g_autoptr(StrataEnvironment) env = test_env ();
  g_autoptr(GPtrArray) diagnostics = strata_diagnostics_new ();
  g_autofree char *out = NULL;
  StrataDiagnostic *d;

  g_assert_true (strata_interpolate_string ("$X", env, NULL, &out, NULL, diagnostics, NULL));
  d = g_ptr_array_index (diagnostics, 0);
  g_assert_cmpint (d->severity, ==, STRATA_SEVERITY_WARNING);
  g_assert_cmpstr (d->message, ==, "The \"X\" variable is not set. Defaulting to a blank string.");
}

static void
assert_string_error (const char *input,
                     const char *message)
{
  g_autoptr(StrataEnvironment) env = test_env ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_assert_false (strata_interpolate_string (input, env, NULL, &out, NULL, NULL, &error));
  g_assert_null (out);
  g_assert_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_INTERPOLATION);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_string_errors (void)
{
  assert_string_error ("${SET:-${UNSET2:?boom}}", "required variable UNSET2 is missing a value: boom");
  assert_string_error ("${UNSET?}", "required variable UNSET is missing a value");
  assert_string_error ("${EMPTY:?}", "required variable EMPTY is missing a value");
  assert_string_error ("${A:-${}}", "Invalid template: \"${}\"");
  assert_string_error ("x${}y", "Invalid template: \"x${}y\"");
  assert_string_error ("${B", "Invalid template: \"${B\"");
  assert_string_error ("x\ny${A:-a\nb}", "Invalid template: \"x\\ny${A:-a\\nb}\"");
  assert_string_error ("${SET:?a\nb}", "Invalid template: \"${SET:?a\\nb}\"");
  assert_string_error ("${A:-x} ${}", "Invalid template: \" ${}\"");
}

static StrataNode *
read_tree (StrataLayer *layer)
{
  g_autoptr(GError) error = NULL;
  StrataNode *root = strata_yaml_read (layer, &error);

  g_assert_no_error (error);
  return root;
}

static void
test_tree (void)
{
  const char *text = "services:\n"
                     "  a:\n"
                     "    image: ${IMAGE}\n"
                     "    environment:\n"
                     "      A: ${X:-8080}\n"
                     "      B: $$HOME\n"
                     "      C: 8080\n"
                     "      $KEY: kept\n"
                     "x-a: ${UNSET}\n"
                     "x-r: !reset ${UNSET:?not checked}\n";
  g_autoptr(StrataLayer) layer = strata_layer_new ("/p/x.yml", text, strlen (text),
                                                  STRATA_LAYER_ROLE_BASE);
  g_autoptr(StrataLayer) dotenv = strata_layer_new ("/p/.env", "IMAGE=nginx\n", 12,
                                                   STRATA_LAYER_ROLE_ENV_FILE);
  g_autoptr(StrataEnvironment) env = test_env ();
  g_autoptr(GPtrArray) diagnostics = strata_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataNode) root = read_tree (layer);
  StrataNode *a = strata_node_lookup (strata_node_lookup (root, "services"), "a");
  StrataNode *image = strata_node_lookup (a, "image");
  StrataNode *vars = strata_node_lookup (a, "environment");
  StrataPosition def;

  g_assert_true (strata_environment_load_dotenv (env, dotenv, FALSE, &error));
  g_assert_true (strata_interpolate_tree (root, env, diagnostics, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (image->text, ==, "nginx");
  g_assert_cmpint (image->origin, ==, STRATA_ORIGIN_DEFINED);
  g_assert_cmpuint (image->pos.line, ==, 3);
  g_assert_cmpuint (image->interpolated->len, ==, 1);
  def = g_array_index (image->interpolated, StrataPosition, 0);
  g_assert_true (def.layer == dotenv);
  g_assert_cmpuint (def.line, ==, 1);

  /* compose prints A: "8080" (a string), B: $$HOME, C: "8080". */
  g_assert_cmpstr (strata_node_lookup_text (vars, "A"), ==, "8080");
  g_assert_cmpint (strata_node_lookup (vars, "A")->type, ==, STRATA_VALUE_STRING);
  g_assert_cmpstr (strata_node_lookup_text (vars, "B"), ==, "$HOME");
  g_assert_cmpint (strata_node_lookup (vars, "B")->origin, ==, STRATA_ORIGIN_DEFINED);
  g_assert_cmpint (strata_node_lookup (vars, "C")->type, ==, STRATA_VALUE_INT);
  g_assert_nonnull (strata_node_lookup (vars, "$KEY"));

  g_assert_cmpstr (strata_node_lookup_text (root, "x-a"), ==, "");
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_cmpuint (((StrataDiagnostic *) g_ptr_array_index (diagnostics, 0))->pos.line, ==, 9);
}

static void
assert_tree_error (const char *text,
                   const char *message)
{
  g_autoptr(StrataLayer) layer = strata_layer_new ("/p/x.yml", text, strlen (text),
                                                  STRATA_LAYER_ROLE_BASE);
  g_autoptr(StrataEnvironment) env = test_env ();
  g_autoptr(StrataNode) root = read_tree (layer);
  g_autoptr(GError) error = NULL;

  g_assert_false (strata_interpolate_tree (root, env, NULL, &error));
  g_assert_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_INTERPOLATION);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_tree_errors (void)
{
  assert_tree_error ("x-a:\n  b: [\"${UNSET:?need it}\"]\n",
                     "x.yml:2:7: error while interpolating x-a.b.[]: "
                     "required variable UNSET is missing a value: need it");
  assert_tree_error ("services:\n  a:\n    environment:\n      - A=${UNSET:?need}\n",
                     "x.yml:4:9: error while interpolating services.a.environment.[]: "
                     "required variable UNSET is missing a value: need");
  assert_tree_error ("x-a:\n  - \"x${}y\"\n",
                     "x.yml:2:5: invalid interpolation format for x-a.[].\n"
                     "You may need to escape any $ with another $.\n"
                     "x${}y");
  assert_tree_error ("services:\n  a:\n    environment:\n      A: \"x\\ny${A:-a\\nb}\"\n",
                     "x.yml:4:10: invalid interpolation format for services.a.environment.A.\n"
                     "You may need to escape any $ with another $.\n"
                     "x\ny${A:-a\nb}");
}

static void
test_deep_defaults (void)
{
  GString *s = g_string_new (NULL);
  g_autoptr(StrataEnvironment) env = test_env ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  for (int i = 0; i < 100000; i++)
    g_string_append (s, "${A:-");
  for (int i = 0; i < 100000; i++)
    g_string_append_c (s, '}');

  g_assert_false (strata_interpolate_string (s->str, env, NULL, &out, NULL, NULL, &error));
  g_assert_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_INTERPOLATION);
  g_string_free (s, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/interpolate/syntax", test_syntax);
  g_test_add_func ("/interpolate/warning-text", test_warning_text);
  g_test_add_func ("/interpolate/string-errors", test_string_errors);
  g_test_add_func ("/interpolate/tree", test_tree);
  g_test_add_func ("/interpolate/tree-errors", test_tree_errors);
  g_test_add_func ("/interpolate/deep-defaults", test_deep_defaults);

  return g_test_run ();
}
