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

/* Each file as a GPtrArray of its documents, in @files. */
static gboolean
read_all (StrataProjectData       *data,
          const StrataLoadOptions *options,
          StrataDiscovery         *discovery,
          GPtrArray               *files,
          GCancellable            *cancellable,
          GError                 **error)
{
  for (guint i = 0; i < discovery->config_files->len; i++)
    {
      const char *path = g_ptr_array_index (discovery->config_files, i);
      StrataLayerRole role = i == 0 ? STRATA_LAYER_ROLE_BASE : STRATA_LAYER_ROLE_OVERRIDE;
      g_autoptr(StrataLayer) layer = NULL;
      GPtrArray *documents;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      layer = _strata_project_read_layer (path, options->stdin_text, role, error);
      if (layer == NULL || (documents = strata_yaml_read_documents (layer, error)) == NULL)
        return FALSE;
      g_ptr_array_add (files, documents);
      g_ptr_array_add (data->layers, g_steal_pointer (&layer));
    }
  return TRUE;
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
