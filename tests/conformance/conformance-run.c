/* conformance-run.c: copying a case and running a compose CLI on the copy
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "conformance-case.h"

#include <glib/gstdio.h>
#include <string.h>

#define RUN_TIMEOUT_SECONDS 60

static gboolean
copy_tree (GFile         *source,
           GFile         *dest,
           gboolean       top,
           GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  if (!g_file_make_directory (dest, NULL, error))
    return FALSE;
  children = g_file_enumerate_children (source, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, error);
  if (children == NULL)
    return FALSE;

  while (g_file_enumerator_iterate (children, &info, &child, NULL, error) && info != NULL)
    {
      const char *name = g_file_info_get_name (info);
      g_autoptr(GFile) target = g_file_get_child (dest, name);
      gboolean ok;

      if (top && strcmp (name, "case.json") == 0)
        continue;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        ok = copy_tree (child, target, FALSE, error);
      else
        ok = g_file_copy (child, target, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, error);
      if (!ok)
        return FALSE;
    }

  return error == NULL || *error == NULL;
}

char *
conformance_case_copy (ConformanceCase  *kase,
                       GError          **error)
{
  g_autofree char *tmp_dir = g_dir_make_tmp ("strata-conformance-XXXXXX", error);
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autofree char *dest_path = NULL;

  if (tmp_dir == NULL)
    return NULL;

  source = g_file_new_for_path (kase->dir);
  dest_path = g_build_filename (tmp_dir, kase->name, NULL);
  dest = g_file_new_for_path (dest_path);
  if (!copy_tree (source, dest, TRUE, error))
    {
      conformance_remove_tree (tmp_dir);
      return NULL;
    }

  return g_steal_pointer (&tmp_dir);
}

void
conformance_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        conformance_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* PATH from the runner, HOME = the temporary folder, a UTF-8 locale (as a
 * desktop session has), then the case's own variables. */
static GStrv
clean_environment (ConformanceCase *kase,
                   const char      *tmp_dir)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GStrv env;

  g_autofree char *path = g_strconcat ("PATH=", g_getenv ("PATH"), NULL);
  g_autofree char *home = g_strconcat ("HOME=", tmp_dir, NULL);

  g_strv_builder_add_many (builder, path, home, "LC_ALL=C.UTF-8", NULL);
  env = g_strv_builder_end (builder);

  for (guint i = 0; kase->env[i] != NULL; i++)
    {
      g_autofree char *key = g_strndup (kase->env[i], strcspn (kase->env[i], "="));

      env = g_environ_setenv (env, key, kase->env[i] + strlen (key) + 1, TRUE);
    }

  return env;
}

static GStrv
command_line (ConformanceCase *kase,
              const char      *program,
              const char      *format)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add (builder, program);
  for (guint i = 0; i < kase->verb_index; i++)
    g_strv_builder_add (builder, kase->args[i]);
  g_strv_builder_add (builder, "config");
  for (guint i = kase->verb_index; kase->args[i] != NULL; i++)
    g_strv_builder_add (builder, kase->args[i]);
  if (g_strcmp0 (format, "json") == 0)
    g_strv_builder_addv (builder, (const char *[]) { "--format", "json", NULL });

  return g_strv_builder_end (builder);
}

typedef struct
{
  GBytes   *out;
  GBytes   *err;
  GError   *error;
  gboolean  done;
  gboolean  timed_out;
} Wait;

static void
communicate_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Wait *wait = user_data;

  g_subprocess_communicate_finish (G_SUBPROCESS (object), result, &wait->out, &wait->err,
                                   &wait->error);
  wait->done = TRUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  GSubprocess *process = user_data;

  g_subprocess_force_exit (process);

  return G_SOURCE_REMOVE;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &size) : NULL;

  return data ? g_strndup (data, size) : g_strdup ("");
}

/* Waits for @process on a private main context, killing it after a while. */
static void
communicate (GSubprocess       *process,
             ConformanceResult *result)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSource) timeout = g_timeout_source_new_seconds (RUN_TIMEOUT_SECONDS);
  Wait wait = { 0 };

  g_main_context_push_thread_default (context);
  g_source_set_callback (timeout, timeout_cb, process, NULL);
  g_source_attach (timeout, context);
  g_subprocess_communicate_async (process, NULL, NULL, communicate_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (context, TRUE);
  g_subprocess_wait (process, NULL, NULL);
  result->timed_out = g_source_is_destroyed (timeout) && !g_subprocess_get_if_exited (process);
  g_source_destroy (timeout);
  g_main_context_pop_thread_default (context);

  result->exit_status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  result->out = bytes_to_string (wait.out);
  result->err = wait.error ? g_strdup (wait.error->message) : bytes_to_string (wait.err);
  g_clear_pointer (&wait.out, g_bytes_unref);
  g_clear_pointer (&wait.err, g_bytes_unref);
  g_clear_error (&wait.error);
}

void
conformance_case_run (ConformanceCase   *kase,
                      const char        *program,
                      const char        *format,
                      const char        *tmp_dir,
                      ConformanceResult *result)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = clean_environment (kase, tmp_dir);
  g_auto(GStrv) argv = command_line (kase, program, format);
  g_autofree char *case_dir = g_build_filename (tmp_dir, kase->name, NULL);
  g_autofree char *cwd = g_build_filename (case_dir, kase->cwd, NULL);
  g_autofree char *input = kase->stdin_file ? g_build_filename (case_dir, kase->stdin_file, NULL)
                                            : g_strdup ("/dev/null");

  conformance_result_clear (result);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, env);
  g_subprocess_launcher_set_cwd (launcher, cwd);
  g_subprocess_launcher_set_stdin_file_path (launcher, input);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv, &error);
  if (process == NULL)
    {
      result->err = g_strdup (error->message);
      return;
    }
  result->spawned = TRUE;
  communicate (process, result);
}
