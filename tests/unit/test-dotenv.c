/* test-dotenv.c: the environment and .env files
 *
 * Expected values were printed by compose 2.26.1 (`docker-compose config
 * --format json` in a folder with the same .env, run with `env -i` plus the
 * variables named in each test).
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-compose-error.h"
#include "strata-diagnostic.h"
#include "strata-environment.h"

static StrataLayer *
dotenv_layer (const char *text)
{
  return strata_layer_new ("/p/.env", text, strlen (text), STRATA_LAYER_ROLE_ENV_FILE);
}

static void
test_environment_basics (void)
{
  const char *envp[] = { "A=1", "B=", "C=x=y", "=bad", "NOEQ", NULL };
  g_autoptr(StrataEnvironment) env = strata_environment_new_from_envp (envp);
  g_auto(GStrv) out = NULL;
  StrataPosition pos = { NULL, 9, 9 };

  g_assert_cmpstr (strata_environment_lookup (env, "A", &pos), ==, "1");
  g_assert_cmpuint (pos.line, ==, 0);
  g_assert_cmpstr (strata_environment_lookup (env, "B", NULL), ==, "");
  g_assert_cmpstr (strata_environment_lookup (env, "C", NULL), ==, "x=y");
  g_assert_null (strata_environment_lookup (env, "D", NULL));
  g_assert_cmpuint (strata_environment_get_size (env), ==, 3);

  strata_environment_set (env, "A", "2", NULL);
  g_assert_true (strata_environment_unset (env, "B"));
  out = strata_environment_dup_envp (env);
  g_assert_cmpuint (g_strv_length (out), ==, 2);
  g_assert_cmpstr (out[0], ==, "A=2");
  g_assert_cmpstr (out[1], ==, "C=x=y");
}

static void
assert_value (StrataEnvironment *env,
              const char        *name,
              const char        *value)
{
  g_test_message ("%s", name);
  g_assert_cmpstr (strata_environment_lookup (env, name, NULL), ==, value);
}

static void
test_syntax (void)
{
  const char *text =
    "# comment\n"
    "  # indented comment\n"
    "A=plain value   # comment\n"
    "export B=exported\n"
    "C=\"dq \\n nl \\t tab \\\\ bs \\\" q \\$A dollar ${A} interp \\a \\c \\0101\"\n"
    "D='sq $A \\n\n"
    "second line'\n"
    "E=$A-unquoted-interp\n"
    "F=a#b\n"
    "G: yaml style\n"
    "H=\n"
    "I\n"
    "PROC\n"
    "J=\"multi\n"
    "line dq\"\n"
    "K=  spaced  \n"
    "L='it\\'s'\n"
    "M=${UNSETX:-def}\n"
    "N=${PROC}\n"
    "P=${Q}\n"
    "Q=later\n"
    "R=\"${D}\"\n"
    "S=x # y # z\n"
    "T=  \"quoted after space\"\n"
    "U='a' trailing\n"
    "V=x\t#tab comment\n"
    "W=$$A\n"
    "Y=${PROC2}\n"
    "PROC2=fromfile\n"
    "Z=${PROC2}\n"
    "AA='a\\\\'\n"
    "AB=\"b\\\\\"\n"
    "AC=\"d\\x\\'\"\n"
    "AD= # comment\n"
    "AE=\"\\0x\\01y\\0777\"\n"
    "exportAF=1\n"
    "export  AG=2\n"
    "A-B.C[0]=odd\n";
  const char *envp[] = { "PROC=procval", "I=ival", "PROC2=procval2", NULL };
  g_autoptr(StrataEnvironment) env = strata_environment_new_from_envp (envp);
  g_autoptr(StrataLayer) layer = dotenv_layer (text);
  g_autoptr(GPtrArray) diagnostics = strata_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  StrataPosition pos;

  g_assert_true (strata_environment_load_dotenv_full (env, layer, FALSE, diagnostics, &error));
  g_assert_no_error (error);

  assert_value (env, "A", "plain value");
  assert_value (env, "B", "exported");
  assert_value (env, "C", "dq \n nl \t tab \\ bs \" q $A dollar plain value interp \a \\c A");
  assert_value (env, "D", "sq $A \\n\nsecond line");
  assert_value (env, "E", "plain value-unquoted-interp");
  assert_value (env, "F", "a#b");
  assert_value (env, "G", "yaml style");
  assert_value (env, "H", "");
  assert_value (env, "I", "ival");
  assert_value (env, "J", "multi\nline dq");
  assert_value (env, "K", "spaced");
  assert_value (env, "L", "it's");
  assert_value (env, "M", "def");
  assert_value (env, "N", "procval");
  assert_value (env, "P", "");
  assert_value (env, "Q", "later");
  assert_value (env, "R", "sq $A \\n\nsecond line");
  assert_value (env, "S", "x");
  assert_value (env, "T", "quoted after space");
  assert_value (env, "U", "a");
  assert_value (env, "V", "x\t#tab comment");
  assert_value (env, "W", "$A");
  assert_value (env, "Y", "procval2");
  assert_value (env, "PROC2", "procval2");
  assert_value (env, "Z", "procval2");
  assert_value (env, "AA", "a\\\\");
  assert_value (env, "AB", "b\\");
  assert_value (env, "AC", "d\\x\\'");
  assert_value (env, "AD", "# comment");
  assert_value (env, "AE", "\\x\\1y\\777");
  assert_value (env, "exportAF", "1");
  assert_value (env, "AG", "2");
  assert_value (env, "A-B.C[0]", "odd");
  g_assert_null (strata_environment_lookup (env, "trailing", NULL));

  /* P=${Q}: Q is defined later, so compose warns once. */
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_cmpstr (((StrataDiagnostic *) g_ptr_array_index (diagnostics, 0))->message, ==,
                   "The \"Q\" variable is not set. Defaulting to a blank string.");

  strata_environment_lookup (env, "J", &pos);
  g_assert_true (pos.layer == layer);
  g_assert_cmpuint (pos.line, ==, 14);
  strata_environment_lookup (env, "PROC2", &pos);
  g_assert_null (pos.layer);
}

static void
test_bom_and_crlf (void)
{
  g_autoptr(StrataEnvironment) env = strata_environment_new ();
  g_autoptr(StrataLayer) layer = dotenv_layer ("\xEF\xBB\xBF" "A=a\r\nB=b\r\n");

  g_assert_true (strata_environment_load_dotenv (env, layer, FALSE, NULL));
  assert_value (env, "A", "a");
  assert_value (env, "B", "b");
}

static void
test_override (void)
{
  const char *envp[] = { "P=process", NULL };
  g_autoptr(StrataEnvironment) env = strata_environment_new_from_envp (envp);
  g_autoptr(StrataLayer) first = dotenv_layer ("P=first\nA=first\nB=${A}\n");
  const char *second_text = "P=second\nA=second\nC=${A}\n";
  g_autoptr(StrataLayer) second = strata_layer_new ("/p/second.env", second_text, strlen (second_text),
                                                    STRATA_LAYER_ROLE_ENV_FILE);
  g_autoptr(StrataEnvironment) kept = NULL;

  g_assert_true (strata_environment_load_dotenv (env, first, FALSE, NULL));
  kept = strata_environment_copy (env);
  g_assert_true (strata_environment_load_dotenv (env, second, TRUE, NULL));
  g_assert_true (strata_environment_load_dotenv (kept, second, FALSE, NULL));

  assert_value (env, "P", "process");
  assert_value (env, "A", "second");
  assert_value (env, "C", "first");  /* earlier files are looked up first */
  assert_value (kept, "A", "first");
}

static void
assert_error (const char *text,
              gint        code,
              const char *message)
{
  g_autoptr(StrataEnvironment) env = strata_environment_new ();
  g_autoptr(StrataLayer) layer = dotenv_layer (text);
  g_autoptr(GError) error = NULL;

  g_assert_false (strata_environment_load_dotenv (env, layer, FALSE, &error));
  g_assert_error (error, STRATA_COMPOSE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_errors (void)
{
  /* compose: "failed to read /p/.env: line 1: key cannot contain a space" and so on */
  assert_error ("A B=1\n", STRATA_COMPOSE_ERROR_PARSE, ".env:1:1: key cannot contain a space");
  assert_error ("I1\nI2\nA%=1\n", STRATA_COMPOSE_ERROR_PARSE,
                ".env:3:2: unexpected character \"%\" in variable name \"A%=1\"");
  assert_error ("\n\nA=\"abc\nB=1\n", STRATA_COMPOSE_ERROR_PARSE,
                ".env:3:3: unterminated quoted value \"abc");
  assert_error ("A=${B:?boom}\n", STRATA_COMPOSE_ERROR_INTERPOLATION,
                ".env:1:3: required variable B is missing a value: boom");
  assert_error ("A=${B\n", STRATA_COMPOSE_ERROR_INTERPOLATION,
                ".env:1:3: Invalid template: \"${B\"");
  assert_error ("=x\n", STRATA_COMPOSE_ERROR_PARSE,
                ".env:1:1: a variable name is missing before the value "
                "(compose stops with \"setenv: invalid argument\")");
  assert_error ("B=1\nA", STRATA_COMPOSE_ERROR_PARSE,
                ".env:2:1: a variable name is missing before the value "
                "(compose stops with \"setenv: invalid argument\")");
  assert_error ("A=\xff\n", STRATA_COMPOSE_ERROR_ENCODING,
                ".env:1:3: not UTF-8 text; save the file as UTF-8");
}

static void
test_export_alone (void)
{
  g_autoptr(StrataEnvironment) env = strata_environment_new ();
  g_autoptr(StrataLayer) layer = dotenv_layer ("export\n");

  g_assert_true (strata_environment_load_dotenv (env, layer, FALSE, NULL));
  g_assert_cmpuint (strata_environment_get_size (env), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dotenv/environment", test_environment_basics);
  g_test_add_func ("/dotenv/syntax", test_syntax);
  g_test_add_func ("/dotenv/bom-and-crlf", test_bom_and_crlf);
  g_test_add_func ("/dotenv/override", test_override);
  g_test_add_func ("/dotenv/errors", test_errors);
  g_test_add_func ("/dotenv/export-alone", test_export_alone);

  return g_test_run ();
}
