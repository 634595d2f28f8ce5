/* test-yaml.c: reading YAML into positioned nodes
 *
 * Expected messages and types come from compose 2.26.1 (`docker-compose
 * config` on the same text).
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "strata-arena.h"
#include "strata-compose-error.h"
#include "strata-project.h"
#include "strata-yaml.h"

static StrataLayer *
layer_new (const char *text)
{
  return strata_layer_new ("/p/x.yml", text, strlen (text), STRATA_LAYER_ROLE_BASE);
}

static StrataNode *
read_ok (const char *text)
{
  g_autoptr(StrataLayer) layer = layer_new (text);
  g_autoptr(GError) error = NULL;
  StrataNode *root = strata_yaml_read (layer, &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  return root;
}

static void
assert_read_error (const char *text,
                   gint        code,
                   const char *message)
{
  g_autoptr(StrataLayer) layer = layer_new (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataNode) root = strata_yaml_read (layer, &error);

  g_assert_null (root);
  g_assert_error (error, STRATA_COMPOSE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

/* Follows a dotted path of keys and [index] steps. */
static StrataNode *
at (StrataNode *node,
    const char *path)
{
  g_auto(GStrv) steps = g_strsplit (path, ".", -1);

  for (guint i = 0; steps[i] != NULL && node != NULL; i++)
    {
      if (g_ascii_isdigit (steps[i][0]))
        node = strata_node_get_child (node, atoi (steps[i]));
      else
        node = strata_node_lookup (node, steps[i]);
    }
  g_assert_nonnull (node);
  return node;
}

static void
test_positions (void)
{
  g_autoptr(StrataNode) root = read_ok ("services:\n"
                                        "  web:\n"
                                        "    image: nginx\n"
                                        "    ports:\n"
                                        "      - \"80:80\"\n");
  StrataNode *image = at (root, "services.web.image");
  StrataNode *port = at (root, "services.web.ports.0");

  g_assert_cmpuint (root->kind, ==, STRATA_NODE_MAPPING);
  g_assert_cmpstr (image->key, ==, "image");
  g_assert_cmpuint (image->key_pos.line, ==, 3);
  g_assert_cmpuint (image->key_pos.column, ==, 5);
  g_assert_cmpuint (image->pos.line, ==, 3);
  g_assert_cmpuint (image->pos.column, ==, 12);
  g_assert_cmpstr (image->text, ==, "nginx");
  g_assert_cmpuint (port->pos.line, ==, 5);
  g_assert_cmpuint (port->pos.column, ==, 9);
  g_assert_cmpuint (port->style, ==, STRATA_SCALAR_STYLE_DOUBLE_QUOTED);
  g_assert_null (port->key);
  g_assert_cmpuint (at (root, "services.web.ports")->pos.column, ==, 7);
}

static void
test_plain_types (void)
{
  /* compose prints these as 511, 9, 1000, 31, "1e400", 0.5, a time, "yes"... */
  static const struct { const char *text; StrataValueType type; } cases[] = {
    { "0777", STRATA_VALUE_INT }, { "09", STRATA_VALUE_FLOAT },
    { "1_000", STRATA_VALUE_INT }, { "0x1F", STRATA_VALUE_INT },
    { "1e400", STRATA_VALUE_STRING }, { ".5", STRATA_VALUE_FLOAT },
    { "2001-12-14", STRATA_VALUE_TIMESTAMP }, { "yes", STRATA_VALUE_STRING },
    { "1.0", STRATA_VALUE_FLOAT }, { "12345678901234567890", STRATA_VALUE_INT },
    { "-0b11", STRATA_VALUE_INT }, { "1e3", STRATA_VALUE_FLOAT },
    { "0o17", STRATA_VALUE_INT }, { "+12", STRATA_VALUE_INT },
    { "3.", STRATA_VALUE_FLOAT }, { "1e-400", STRATA_VALUE_FLOAT },
    { "100000000000000000000000", STRATA_VALUE_FLOAT },
    { "~", STRATA_VALUE_NULL }, { "", STRATA_VALUE_NULL }, { "Null", STRATA_VALUE_NULL },
    { "TRUE", STRATA_VALUE_BOOL }, { "False", STRATA_VALUE_BOOL }, { "tRue", STRATA_VALUE_STRING },
    { ".inf", STRATA_VALUE_FLOAT }, { "-.Inf", STRATA_VALUE_FLOAT }, { ".NaN", STRATA_VALUE_FLOAT },
    { "on", STRATA_VALUE_STRING }, { "8080:80", STRATA_VALUE_STRING },
    { "2001-12-14T21:59:43.10-05:00", STRATA_VALUE_TIMESTAMP },
    { "2001-12-14 21:59:43.10", STRATA_VALUE_TIMESTAMP },
    { "2001-02-30", STRATA_VALUE_STRING }, { "1.2.3", STRATA_VALUE_STRING },
    { "-", STRATA_VALUE_STRING }, { "0x", STRATA_VALUE_STRING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (strata_yaml_resolve_plain (cases[i].text), ==, cases[i].type);
    }
}

static void
test_numbers (void)
{
  gint64 i = 0;
  guint64 u = 0;
  double d = 0;
  g_autoptr(GDateTime) t = strata_yaml_parse_timestamp ("2001-12-14T21:59:43.5-05:00");
  g_autoptr(GDateTime) utc = NULL;

  g_assert_true (strata_yaml_parse_int ("0777", &i, NULL) && i == 511);
  g_assert_true (strata_yaml_parse_int ("-0b11", &i, NULL) && i == -3);
  g_assert_true (strata_yaml_parse_int ("0x1F", &i, NULL) && i == 31);
  g_assert_true (strata_yaml_parse_int ("12345678901234567890", &i, &u));
  g_assert_cmpuint (u, ==, G_GUINT64_CONSTANT (12345678901234567890));
  g_assert_false (strata_yaml_parse_int ("09", &i, NULL));
  g_assert_true (strata_yaml_parse_float ("1_000.5", &d) && d == 1000.5);
  g_assert_true (strata_yaml_parse_float ("-.inf", &d) && d < -1e308);

  g_assert_nonnull (t);
  utc = g_date_time_to_utc (t);
  g_assert_cmpint (g_date_time_get_hour (utc), ==, 2);
  g_assert_cmpint (g_date_time_get_day_of_month (utc), ==, 15);
}

static void
test_quoted_and_tagged (void)
{
  g_autoptr(StrataNode) root = read_ok ("a: \"8080\"\n"
                                        "b: '~'\n"
                                        "c: !!str 12\n"
                                        "d: !!int \"12\"\n"
                                        "e: !!float 3\n"
                                        "f: !reset null\n"
                                        "g: !override [1]\n"
                                        "h: |\n  text\n"
                                        "i: !!binary aGVsbG8=\n"
                                        "j: ! 12\n");

  g_assert_cmpint (at (root, "a")->type, ==, STRATA_VALUE_STRING);
  g_assert_cmpint (at (root, "b")->type, ==, STRATA_VALUE_STRING);
  g_assert_cmpint (at (root, "c")->type, ==, STRATA_VALUE_STRING);
  g_assert_cmpstr (at (root, "c")->tag, ==, "!!str");
  g_assert_cmpint (at (root, "d")->type, ==, STRATA_VALUE_INT);
  g_assert_cmpint (at (root, "e")->type, ==, STRATA_VALUE_FLOAT);
  g_assert_cmpstr (at (root, "f")->tag, ==, "!reset");
  g_assert_cmpstr (at (root, "f")->text, ==, "null");
  g_assert_cmpstr (at (root, "g")->tag, ==, "!override");
  g_assert_cmpuint (at (root, "g")->kind, ==, STRATA_NODE_SEQUENCE);
  g_assert_cmpstr (at (root, "h")->text, ==, "text\n");
  g_assert_cmpint (at (root, "h")->style, ==, STRATA_SCALAR_STYLE_LITERAL);
  g_assert_cmpstr (at (root, "i")->text, ==, "hello");  /* compose prints x-a: hello */
  g_assert_cmpint (at (root, "j")->type, ==, STRATA_VALUE_INT);

  assert_read_error ("a: !!int abc\n", STRATA_COMPOSE_ERROR_TYPE,
                     "x.yml:1:4: cannot decode !!str `abc` as a !!int");
}

static void
test_anchors_and_merge (void)
{
  /* compose: a gets command [b] and image x; b gets command [a], image x, user u. */
  g_autoptr(StrataNode) root = read_ok ("x-a: &a\n"
                                        "  image: x\n"
                                        "  command: [a]\n"
                                        "services:\n"
                                        "  a:\n"
                                        "    <<: *a\n"
                                        "    command: [b]\n"
                                        "  b:\n"
                                        "    <<: [*a, {image: z, user: u}]\n"
                                        "    c: *a\n");
  StrataNode *a = at (root, "services.a");
  StrataNode *b = at (root, "services.b");

  g_assert_cmpuint (strata_node_get_n_children (a), ==, 2);
  g_assert_cmpstr (strata_node_get_child (a, 0)->key, ==, "image");
  g_assert_cmpuint (strata_node_get_child (a, 0)->key_pos.line, ==, 2);
  g_assert_cmpstr (at (a, "command.0")->text, ==, "b");
  g_assert_cmpuint (at (a, "command")->key_pos.line, ==, 7);

  g_assert_cmpstr (at (b, "image")->text, ==, "x");
  g_assert_cmpstr (at (b, "user")->text, ==, "u");
  g_assert_cmpstr (at (b, "command.0")->text, ==, "a");
  g_assert_null (strata_node_lookup (b, "<<"));
  g_assert_cmpstr (at (b, "c")->key, ==, "c");
  g_assert_cmpuint (at (b, "c")->key_pos.line, ==, 10);
  g_assert_cmpuint (at (b, "c")->pos.line, ==, 1);  /* the anchor starts the node */
  g_assert_cmpuint (at (b, "c.image")->pos.line, ==, 2);

  assert_read_error ("a:\n  <<: [x]\n", STRATA_COMPOSE_ERROR_TYPE,
                     "x.yml:2:7: map merge requires map or sequence of maps as the value");
  assert_read_error ("services:\n  a:\n    image: x\n    entrypoint: *b\n",
                     STRATA_COMPOSE_ERROR_PARSE, "x.yml:4:17: unknown anchor 'b' referenced");
}

static void
test_duplicate_keys (void)
{
  assert_read_error ("services:\n  a:\n    image: x\n    image: y\n",
                     STRATA_COMPOSE_ERROR_DUPLICATE_KEY,
                     "x.yml:4:5: mapping key \"image\" already defined at line 3");
  assert_read_error ("labels:\n  \"1\": x\n  1: y\n",
                     STRATA_COMPOSE_ERROR_DUPLICATE_KEY,
                     "x.yml:3:3: mapping key \"1\" already defined at line 2");
  assert_read_error ("x: &a {i: 1}\ns:\n  <<: *a\n  i: 2\n  <<: *a\n",
                     STRATA_COMPOSE_ERROR_DUPLICATE_KEY,
                     "x.yml:5:3: mapping key \"<<\" already defined at line 3");
}

static void
test_non_string_keys (void)
{
  assert_read_error ("services:\n  a:\n    environment:\n      1: x\n",
                     STRATA_COMPOSE_ERROR_TYPE,
                     "x.yml:4:7: Non-string key in services.a.environment: 1");
  assert_read_error ("~: x\n", STRATA_COMPOSE_ERROR_TYPE,
                     "x.yml:1:1: Non-string key at top level: <nil>");
  assert_read_error ("s:\n  u:\n    - 1.5: x\n", STRATA_COMPOSE_ERROR_TYPE,
                     "x.yml:3:7: Non-string key in s.u[0]: 1.5");
}

static void
test_documents (void)
{
  g_autoptr(StrataNode) empty = read_ok ("");
  g_autoptr(StrataNode) comment = read_ok ("# nothing\n");
  g_autoptr(StrataLayer) layer = layer_new ("a: 1\n---\nb: 2\n...\n");
  g_autoptr(GPtrArray) docs = strata_yaml_read_documents (layer, NULL);

  g_assert_cmpuint (empty->kind, ==, STRATA_NODE_MAPPING);
  g_assert_cmpuint (strata_node_get_n_children (empty), ==, 0);
  g_assert_cmpuint (strata_node_get_n_children (comment), ==, 0);
  g_assert_cmpuint (docs->len, ==, 2);
  g_assert_cmpstr (strata_node_lookup_text (g_ptr_array_index (docs, 1), "b"), ==, "2");
  g_assert_cmpuint (at (g_ptr_array_index (docs, 1), "b")->pos.line, ==, 3);

  assert_read_error ("---\n", STRATA_COMPOSE_ERROR_TYPE,
                     "x.yml:2:1: Top-level object must be a mapping");
  assert_read_error ("- a\n", STRATA_COMPOSE_ERROR_TYPE,
                     "x.yml:1:1: Top-level object must be a mapping");
}

static void
test_parse_errors (void)
{
  assert_read_error ("services:\n  a:\n    image: \"x\n", STRATA_COMPOSE_ERROR_PARSE,
                     "x.yml:4:1: found unexpected end of stream "
                     "(while scanning a quoted scalar at line 3, column 12)");
  assert_read_error ("a: 1\nb: \xff\xfe\n", STRATA_COMPOSE_ERROR_ENCODING,
                     "x.yml:2:4: invalid UTF-8 byte 0xFF; save the file as UTF-8");
  assert_read_error ("a: \xc3\xa9\xc3\n", STRATA_COMPOSE_ERROR_ENCODING,
                     "x.yml:1:5: invalid UTF-8 byte 0xC3; save the file as UTF-8");
  /* a bad byte is reported before any mistake the text makes earlier */
  assert_read_error ("a: 1\na: 2\nb: \xff\n", STRATA_COMPOSE_ERROR_ENCODING,
                     "x.yml:3:4: invalid UTF-8 byte 0xFF; save the file as UTF-8");
  assert_read_error ("a: [\n\nb: \xed\xa0\x80\n", STRATA_COMPOSE_ERROR_ENCODING,
                     "x.yml:3:4: invalid UTF-8 byte 0xED; save the file as UTF-8");
  /* valid UTF-8 that YAML refuses stays a parse error */
  assert_read_error ("a: \x01\n", STRATA_COMPOSE_ERROR_PARSE,
                     "x.yml:1:4: control characters are not allowed");
}

static void
test_nul_byte (void)
{
  g_autoptr(StrataLayer) layer = strata_layer_new ("/p/x.yml", "a: 1\nb\0c: 2\n", 12,
                                                  STRATA_LAYER_ROLE_BASE);
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataNode) root = strata_yaml_read (layer, &error);

  g_assert_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "x.yml:2:2: "));
}

static void
test_alias_bomb (void)
{
  GString *text = g_string_new ("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
  g_autoptr(StrataLayer) layer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataNode) root = NULL;
  gint64 start = g_get_monotonic_time ();

  for (int i = 1; i < 10; i++)
    {
      g_string_append_printf (text, "a%d: &a%d [", i, i);
      for (int j = 0; j < 10; j++)
        g_string_append_printf (text, "%s*a%d", j ? ", " : "", i - 1);
      g_string_append (text, "]\n");
    }

  layer = strata_layer_new ("/p/x.yml", text->str, text->len, STRATA_LAYER_ROLE_BASE);
  root = strata_yaml_read (layer, &error);
  g_assert_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_LIMIT);
  g_assert_true (g_str_has_prefix (error->message, "x.yml:"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_string_free (text, TRUE);
}

static void
test_deep_nesting (void)
{
  gsize depth = 100000;
  g_autofree char *text = g_malloc (depth + 1);
  g_autoptr(StrataLayer) layer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataNode) root = NULL;

  memset (text, '[', depth);
  text[depth] = '\0';
  layer = strata_layer_new ("/p/x.yml", text, depth, STRATA_LAYER_ROLE_BASE);
  root = strata_yaml_read (layer, &error);
  g_assert_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_LIMIT);
  g_assert_true (g_str_has_prefix (error->message, "x.yml:1:1001: "));
}

static void
test_from_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataLayer) missing = strata_layer_new_from_file ("/nonexistent/compose.yaml",
                                                               STRATA_LAYER_ROLE_BASE, &error);

  g_assert_null (missing);
  g_assert_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_NOT_FOUND);
}

static void
test_layer_lines (void)
{
  g_autoptr(StrataLayer) layer = strata_layer_new_take ("/p/x.yml", g_strdup ("a: 1\n\nb: 2\n"), 11,
                                                       STRATA_LAYER_ROLE_BASE);
  g_autofree char *first = strata_layer_dup_line (layer, 1);
  g_autofree char *empty = strata_layer_dup_line (layer, 2);
  g_autofree char *last = strata_layer_dup_line (layer, 3);

  g_assert_cmpuint (strata_layer_get_n_lines (layer), ==, 3);
  g_assert_cmpstr (first, ==, "a: 1");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (last, ==, "b: 2");
  g_assert_null (strata_layer_dup_line (layer, 4));
}

typedef struct
{
  const char *text;
  StrataArena *arena;
  StrataNode *root;
} ThreadRead;

static gpointer
read_in_arena (gpointer data)
{
  ThreadRead *job = data;
  StrataArena *previous;

  job->arena = strata_arena_new ();
  previous = strata_arena_enter (job->arena);
  job->root = read_ok (job->text);
  strata_arena_leave (previous);
  return NULL;
}

/* How a project reads its files: each on its own thread and in its own
 * arena, adopted by the project's arena, then mixed into one tree. */
static void
test_arenas_of_threads (void)
{
  ThreadRead jobs[] = { { "a:\n  x: 1\n" }, { "b:\n  - y\n" } };
  GThread *threads[G_N_ELEMENTS (jobs)];
  StrataArena *project = strata_arena_new ();
  StrataArena *previous = strata_arena_enter (project);
  StrataNode *a, *b;

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    threads[i] = g_thread_new ("test-read", read_in_arena, &jobs[i]);
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      g_thread_join (threads[i]);
      strata_arena_adopt (project, jobs[i].arena);
    }

  /* children cross from one file's arena to the other's, both ways */
  a = strata_node_steal (jobs[0].root, "a");
  b = strata_node_steal (jobs[1].root, "b");
  strata_node_set (jobs[1].root, "a", a);
  strata_node_set (jobs[0].root, "b", b);
  strata_node_set_text (at (jobs[1].root, "a.x"), "changed after adoption");
  g_assert_cmpstr (at (jobs[1].root, "a.x")->text, ==, "changed after adoption");
  g_assert_cmpstr (at (jobs[0].root, "b.0")->text, ==, "y");

  strata_arena_leave (previous);
  strata_arena_free (project);
}

static StrataProject *
load_files (const char  *dir,
            const char **names,
            GError     **error)
{
  g_autoptr(StrataLoadOptions) options = strata_load_options_new ();
  const char *envp[] = { "PATH=/usr/bin:/bin", NULL };

  options->cwd = g_strdup (dir);
  options->environment = g_strdupv ((char **) envp);
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (options->files, g_strdup (names[i]));
  return strata_project_load (options, NULL, error);
}

/* A project's files are read on several threads: the layers keep the
 * order of the files, and the error is the first file's in that order. */
static void
test_project_files (void)
{
  static const struct { const char *name, *text; } files[] = {
    { "a.yaml", "services:\n  web:\n    image: a\n" },
    { "b.yaml", "services:\n  web:\n    image: b\n" },
    { "c.yaml", "services:\n  db:\n    image: c\n" },
    { "dup.yaml", "a: 1\na: 2\n" },
    { "bad.yaml", "a: [\n" },
  };
  g_autofree char *dir = g_dir_make_tmp ("strata-yaml-XXXXXX", NULL);
  const char *good[] = { "a.yaml", "b.yaml", "c.yaml", NULL };
  const char *dup_first[] = { "a.yaml", "dup.yaml", "bad.yaml", NULL };
  const char *bad_first[] = { "a.yaml", "bad.yaml", "dup.yaml", NULL };
  g_autoptr(StrataProject) project = NULL;
  g_autoptr(GError) error = NULL;
  const StrataNode *web;
  GPtrArray *layers;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);

      g_assert_true (g_file_set_contents (path, files[i].text, -1, NULL));
    }

  project = load_files (dir, good, &error);
  g_assert_no_error (error);
  layers = strata_project_get_layers (project);
  g_assert_cmpuint (layers->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (strata_layer_get_basename (g_ptr_array_index (layers, i)), ==, good[i]);
  web = strata_node_lookup (strata_node_lookup (strata_project_get_merged (project), "services"), "web");
  g_assert_cmpstr (strata_node_lookup_text (web, "image"), ==, "b");
  g_assert_cmpstr (strata_layer_get_basename (strata_node_lookup (web, "image")->pos.layer), ==, "b.yaml");

  g_clear_object (&project);
  project = load_files (dir, dup_first, &error);
  g_assert_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_DUPLICATE_KEY);
  g_assert_true (g_str_has_prefix (error->message, "dup.yaml:2:1: "));
  g_clear_error (&error);
  project = load_files (dir, bad_first, &error);
  g_assert_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "bad.yaml:"));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/yaml/positions", test_positions);
  g_test_add_func ("/yaml/plain-types", test_plain_types);
  g_test_add_func ("/yaml/numbers", test_numbers);
  g_test_add_func ("/yaml/quoted-and-tagged", test_quoted_and_tagged);
  g_test_add_func ("/yaml/anchors-and-merge", test_anchors_and_merge);
  g_test_add_func ("/yaml/duplicate-keys", test_duplicate_keys);
  g_test_add_func ("/yaml/non-string-keys", test_non_string_keys);
  g_test_add_func ("/yaml/documents", test_documents);
  g_test_add_func ("/yaml/parse-errors", test_parse_errors);
  g_test_add_func ("/yaml/nul-byte", test_nul_byte);
  g_test_add_func ("/yaml/alias-bomb", test_alias_bomb);
  g_test_add_func ("/yaml/deep-nesting", test_deep_nesting);
  g_test_add_func ("/yaml/from-file", test_from_file);
  g_test_add_func ("/yaml/layer-lines", test_layer_lines);
  g_test_add_func ("/yaml/arenas-of-threads", test_arenas_of_threads);
  g_test_add_func ("/yaml/project-files", test_project_files);

  return g_test_run ();
}
