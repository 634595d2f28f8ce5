/* strata-project-load.c: files + environment → merged and normalized model
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Per file, in order (compose-go's loader): parse (every document); the
 * project name from the raw `name:`s; then each document goes through
 * strata-project-file.c (interpolate, canonical form, extends, include,
 * merge into what has accumulated). Then normalization; the traps of each
 * layer are looked for when first asked for.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "strata-canonical-private.h"
#include "strata-compose-error.h"
#include "strata-merge.h"
#include "strata-project-private.h"
#include "strata-validate.h"

void
_strata_project_data_free (StrataProjectData *data)
{
  if (data == NULL)
    return;
  /* Layers first (diffs and diagnostics hold references): freeing their big
   * texts consolidates malloc's free lists, cheaper before the many small
   * nodes are on them. Nodes only point at layers, they never read them
   * when freed. */
  g_clear_pointer (&data->diffs, g_ptr_array_unref);
  g_clear_pointer (&data->diagnostics, g_ptr_array_unref);
  g_free (data->name);
  g_free (data->working_dir);
  g_clear_pointer (&data->layers, g_ptr_array_unref);
  g_clear_pointer (&data->aux_layers, g_ptr_array_unref);
  g_clear_pointer (&data->config_files, g_ptr_array_unref);
  g_strfreev (data->profiles);
  g_clear_pointer (&data->environment, strata_environment_unref);
  g_clear_pointer (&data->merged, strata_node_free);
  g_clear_pointer (&data->normalized, strata_node_free);
  g_clear_pointer (&data->arena, strata_arena_free);
  g_free (data);
}

/* The last non-empty raw `name:`, interpolated on its own as compose does
 * (before COMPOSE_PROJECT_NAME exists). */
static char *
choose_name (StrataDiscovery         *discovery,
             GPtrArray               *files,
             const StrataLoadOptions *options,
             GError                 **error)
{
  const StrataNode *raw = NULL;
  g_autoptr(StrataNode) copy = NULL;
  char *name;

  for (guint i = 0; i < files->len; i++)
    {
      GPtrArray *documents = g_ptr_array_index (files, i);

      for (guint j = 0; j < documents->len; j++)
        {
          const StrataNode *node = strata_node_lookup (g_ptr_array_index (documents, j), "name");

          if (node != NULL && node->kind == STRATA_NODE_SCALAR && !strata_node_is_null (node) && *node->text)
            raw = node;
        }
    }
  if (raw == NULL)
    return strata_project_name_choose (discovery, NULL, NULL, error);

  copy = strata_node_copy (raw);
  if (!options->no_interpolate &&
      !strata_interpolate_tree (copy, discovery->environment, NULL, error))
    return NULL;
  name = strata_project_name_choose (discovery, raw->text, copy->text, error);
  if (name == NULL && error != NULL && *error != NULL && (*error)->code == STRATA_COMPOSE_ERROR_PROJECT_NAME)
    {
      g_autofree char *message = g_strdup ((*error)->message);

      g_clear_error (error);
      _strata_set_error (error, STRATA_COMPOSE_ERROR_PROJECT_NAME, _strata_node_place (raw),
                         _("Use letters, digits, “-” or “_” in `name:`, or remove it to use the folder's name."),
                         "%s", message);
    }
  return name;
}

/* One compose file to read and parse, and what came of it. */
typedef struct
{
  const char      *path;
  StrataLayerRole  role;
  StrataArena     *arena;      /* where its nodes are made */
  StrataLayer     *layer;
  GPtrArray       *documents;
  GError          *error;
} ReadJob;

/* The files of a project are independent until they are merged: threads
 * take the next file to read until none is left. */
typedef struct
{
  ReadJob      *jobs;
  guint        *order;         /* the jobs, biggest file first */
  guint         n_jobs;
  gint          next;          /* atomic: the next of @order to take */
  const char   *stdin_text;
  GCancellable *cancellable;
} ReadQueue;

/* Reads and parses one file in an arena of its own: whichever thread runs
 * it, the arena it had entered (the project's, on the loading thread) is
 * left as it was. */
static void
read_job (ReadQueue *queue,
          ReadJob   *job)
{
  StrataArena *previous;

  if (g_cancellable_set_error_if_cancelled (queue->cancellable, &job->error))
    return;
  job->arena = strata_arena_new ();
  previous = strata_arena_enter (job->arena);
  job->layer = _strata_project_read_layer (job->path, queue->stdin_text, job->role, &job->error);
  if (job->layer != NULL)
    job->documents = strata_yaml_read_documents (job->layer, &job->error);
  strata_arena_leave (previous);
}

static gpointer
read_worker (gpointer data)
{
  ReadQueue *queue = data;
  guint i;

  while ((i = (guint) g_atomic_int_add (&queue->next, 1)) < queue->n_jobs)
    read_job (queue, &queue->jobs[queue->order[i]]);
  return NULL;
}

/* Runs the queue on this thread and up to one more thread per processor
 * (fewer if threads cannot be made), and waits for them. */
static void
read_in_parallel (ReadQueue *queue)
{
  guint n_threads = MIN (queue->n_jobs, (guint) g_get_num_processors ());
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();

  for (guint i = 1; i < n_threads; i++)
    {
      GThread *thread = g_thread_try_new ("strata-read", read_worker, queue, NULL);

      if (thread != NULL)
        g_ptr_array_add (threads, thread);
    }
  read_worker (queue);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
}

/* Takes a job's documents into @files and its layer into the project;
 * FALSE (with the error) for a file that could not be read. */
static gboolean
take_job (StrataProjectData  *data,
          ReadJob            *job,
          GPtrArray          *files,
          GError            **error)
{
  if (job->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&job->error));
      return FALSE;
    }
  g_ptr_array_add (files, g_steal_pointer (&job->documents));
  g_ptr_array_add (data->layers, g_steal_pointer (&job->layer));
  return TRUE;
}

static void
read_job_clear (ReadJob *job)
{
  g_clear_pointer (&job->documents, g_ptr_array_unref);
  g_clear_pointer (&job->layer, strata_layer_unref);
  g_clear_error (&job->error);
}

/* The size of a job's file, as far as it is known before reading it. */
static goffset
job_size (const ReadQueue *queue,
          const ReadJob   *job)
{
  GStatBuf st;

  if (g_str_equal (job->path, "-"))
    return queue->stdin_text != NULL ? (goffset) strlen (queue->stdin_text) : 0;
  return g_stat (job->path, &st) == 0 ? (goffset) st.st_size : 0;
}

/* Biggest file first (the same size: file order), so that the longest
 * parse starts at once whatever the order of the files: the threads then
 * end together as far as the sizes allow. */
static void
order_jobs (ReadQueue *queue)
{
  g_autofree goffset *sizes = g_new (goffset, queue->n_jobs);

  for (guint i = 0; i < queue->n_jobs; i++)
    {
      guint j = i;

      sizes[i] = queue->n_jobs > 1 ? job_size (queue, &queue->jobs[i]) : 0;
      for (; j > 0 && sizes[queue->order[j - 1]] < sizes[i]; j--)
        queue->order[j] = queue->order[j - 1];
      queue->order[j] = i;
    }
}

/* Each file as a GPtrArray of its documents, in @files; the first error in
 * file order, as if they were read one after another. */
static gboolean
read_all (StrataProjectData       *data,
          const StrataLoadOptions *options,
          StrataDiscovery         *discovery,
          GPtrArray               *files,
          GCancellable            *cancellable,
          GError                 **error)
{
  guint n_files = discovery->config_files->len;
  g_autofree ReadJob *jobs = g_new0 (ReadJob, n_files);
  g_autofree guint *order = g_new (guint, n_files);
  ReadQueue queue = { jobs, order, n_files, 0, options->stdin_text, cancellable };
  gboolean ok = TRUE;

  for (guint i = 0; i < n_files; i++)
    {
      jobs[i].path = g_ptr_array_index (discovery->config_files, i);
      jobs[i].role = i == 0 ? STRATA_LAYER_ROLE_BASE : STRATA_LAYER_ROLE_OVERRIDE;
    }
  order_jobs (&queue);
  read_in_parallel (&queue);
  /* The project's arena takes every file's nodes (also those of files
   * after a bad one, freed with the project). */
  for (guint i = 0; i < n_files; i++)
    {
      if (jobs[i].arena != NULL)
        strata_arena_adopt (data->arena, g_steal_pointer (&jobs[i].arena));
      ok = ok && take_job (data, &jobs[i], files, error);
      read_job_clear (&jobs[i]);
    }
  return ok;
}

/* compose refuses a project whose files hold nothing at all. */
static gboolean
check_not_empty (StrataProjectData  *data,
                 GError            **error)
{
  StrataLayer *first = g_ptr_array_index (data->layers, 0);
  StrataPosition pos = { first, 1, 1 };

  if (strata_node_get_n_children (data->merged) > 0)
    return TRUE;
  return _strata_set_error (error, STRATA_COMPOSE_ERROR_INVALID, &pos,
                            _("Define at least one service under `services:`."),
                            "empty compose file");
}

/* Interpolates, transforms, resolves extends and include, and merges each
 * document of each file; what each file changed is recorded with the
 * merged tree only (keep_merged). */
static gboolean
merge_all (StrataProjectData       *data,
           const StrataLoadOptions *options,
           GPtrArray               *files,
           GCancellable            *cancellable,
           GError                 **error)
{
  StrataPosition none = { 0 };
  g_autoptr(GPtrArray) included = g_ptr_array_new_with_free_func (g_free);
  StrataLoadCtx ctx = {
    .environment = data->environment,
    .interpolate = !options->no_interpolate,
    .working_dir = data->working_dir,
    .aux_layers = data->aux_layers,
    .diagnostics = data->diagnostics,
    .included = included,
  };

  data->merged = strata_node_new_mapping (&none);
  for (guint i = 0; i < files->len; i++)
    {
      StrataLayer *layer = g_ptr_array_index (data->layers, i);
      GPtrArray *documents = g_ptr_array_index (files, i);
      StrataLayerDiff *diff = strata_layer_diff_new (layer);

      g_ptr_array_add (data->diffs, diff);
      g_ptr_array_add (included, g_strdup (strata_layer_get_path (layer)));
      while (documents->len > 0)
        {
          StrataNode *root = g_ptr_array_steal_index (documents, 0);

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return (strata_node_free (root), FALSE);
          _strata_project_drop_version (root, data->diagnostics, diff->warnings);
          if (!_strata_project_merge_document (&ctx, data->merged, root, layer,
                                               i > 0 && options->keep_merged ? diff->changes : NULL, error))
            return FALSE;
        }
      g_ptr_array_set_size (included, 0);
    }
  return check_not_empty (data, error);
}

/* Normalizes a copy, so that the merged tree stays as the files made it;
 * without @keep_merged, the merged tree itself (it is then gone). */
static gboolean
normalize (StrataProjectData *data,
           gboolean           check,
           gboolean           keep_merged,
           GError           **error)
{
  StrataNormalizeContext ctx = {
    .project_name = data->name,
    .working_dir = data->working_dir,
    .home_dir = g_get_home_dir (),
    .profiles = (const char * const *) data->profiles,
    .environment = data->environment,
  };

  data->normalized = keep_merged ? strata_node_copy (data->merged) : g_steal_pointer (&data->merged);
  /* without interpolation compose only builds its model: no consistency checks */
  return strata_normalize_project (data->normalized, &ctx, data->diagnostics, error) &&
         (!check || strata_validate_project (data->normalized, data->diagnostics, error));
}

/* The traps of each layer, found once, when first asked for: they need the
 * merged tree, so a project that did not keep it has none. */
void
_strata_project_data_find_traps (StrataProjectData *data)
{
  if (data->traps_found)
    return;
  data->traps_found = TRUE;
  for (guint i = 0; data->merged != NULL && i < data->diffs->len; i++)
    strata_layer_diff_find_traps (g_ptr_array_index (data->diffs, i), data->merged, data->working_dir);
}

static StrataProjectData *
data_new (void)
{
  StrataProjectData *data = g_new0 (StrataProjectData, 1);

  data->layers = g_ptr_array_new_with_free_func ((GDestroyNotify) strata_layer_unref);
  data->aux_layers = g_ptr_array_new_with_free_func ((GDestroyNotify) strata_layer_unref);
  data->diagnostics = strata_diagnostics_new ();
  data->diffs = g_ptr_array_new_with_free_func ((GDestroyNotify) strata_layer_diff_free);
  data->arena = strata_arena_new ();
  return data;
}

static void
take_discovery (StrataProjectData *data,
                StrataDiscovery   *discovery)
{
  data->working_dir = g_strdup (discovery->project_directory);
  data->environment = g_steal_pointer (&discovery->environment);
  data->profiles = g_steal_pointer (&discovery->profiles);
  data->config_files = g_ptr_array_ref (discovery->config_files);
  for (guint i = 0; i < discovery->env_layers->len; i++)
    g_ptr_array_add (data->aux_layers, strata_layer_ref (g_ptr_array_index (discovery->env_layers, i)));
}

static gboolean
load (StrataProjectData       *data,
      const StrataLoadOptions *options,
      GCancellable            *cancellable,
      GError                 **error)
{
  g_autoptr(StrataDiscovery) discovery = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  discovery = strata_discovery_run (options, data->diagnostics, error);
  if (discovery == NULL || !read_all (data, options, discovery, files, cancellable, error))
    return FALSE;
  data->name = choose_name (discovery, files, options, error);
  if (data->name == NULL)
    return FALSE;
  take_discovery (data, discovery);
  if (strata_environment_lookup (data->environment, "COMPOSE_PROJECT_NAME", NULL) == NULL)
    strata_environment_set (data->environment, "COMPOSE_PROJECT_NAME", data->name, NULL);

  return merge_all (data, options, files, cancellable, error) &&
         normalize (data, !options->no_interpolate, options->keep_merged, error);
}

/* Every node of the load is made in the project's arena. */
StrataProjectData *
_strata_project_data_load (const StrataLoadOptions *options,
                           GCancellable            *cancellable,
                           GError                 **error)
{
  g_autoptr(StrataProjectData) data = data_new ();
  StrataArena *previous = strata_arena_enter (data->arena);
  gboolean ok = load (data, options, cancellable, error);

  strata_arena_leave (previous);
  return ok ? g_steal_pointer (&data) : NULL;
}
