/* strata-project-load.c: files + environment → merged and normalized model
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Per file, in order (compose-go's loader): parse; the project name from
 * the raw `name:`s; interpolate; canonical form; extends; merge into what
 * has accumulated. Then normalization and the traps of each layer.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-compose-error.h"
#include "strata-merge.h"
#include "strata-project-private.h"
#include "strata-validate.h"

void
_strata_project_data_free (StrataProjectData *data)
{
  if (data == NULL)
    return;
  g_free (data->name);
  g_free (data->working_dir);
  g_clear_pointer (&data->layers, g_ptr_array_unref);
  g_clear_pointer (&data->aux_layers, g_ptr_array_unref);
  g_clear_pointer (&data->config_files, g_ptr_array_unref);
  g_strfreev (data->profiles);
  g_clear_pointer (&data->environment, strata_environment_unref);
  g_clear_pointer (&data->merged, strata_node_free);
  g_clear_pointer (&data->normalized, strata_node_free);
  g_clear_pointer (&data->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&data->diffs, g_ptr_array_unref);
  g_free (data);
}

static StrataLayer *
read_layer (const StrataLoadOptions *options,
            const char              *path,
            StrataLayerRole          role,
            GError                 **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;

  if (g_str_equal (path, "-"))
    {
      const char *stdin_text = options->stdin_text ? options->stdin_text : "";
      return strata_layer_new ("-", stdin_text, strlen (stdin_text), role);
    }
  if (!g_file_get_contents (path, &text, &length, &local_error))
    {
      g_set_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_NOT_FOUND,
                   "%s", local_error->message);
      return NULL;
    }
  return strata_layer_new (path, text, length, role);
}

StrataNode *
_strata_project_read_file (StrataLayer        *layer,
                           StrataEnvironment  *environment,
                           gboolean            interpolate,
                           GPtrArray          *diagnostics,
                           GError            **error)
{
  g_autoptr(StrataNode) root = strata_yaml_read (layer, error);

  if (root == NULL)
    return NULL;
  if (interpolate && !strata_interpolate_tree (root, environment, diagnostics, error))
    return NULL;
  if (!strata_canonical_transform (root, diagnostics, error))
    return NULL;
  return g_steal_pointer (&root);
}

/* The last non-empty raw `name:`, interpolated on its own as compose does
 * (before COMPOSE_PROJECT_NAME exists). */
static char *
choose_name (StrataDiscovery         *discovery,
             GPtrArray               *roots,
             const StrataLoadOptions *options,
             GError                 **error)
{
  const StrataNode *raw = NULL;
  g_autoptr(StrataNode) copy = NULL;

  for (guint i = 0; i < roots->len; i++)
    {
      const StrataNode *name = strata_node_lookup (g_ptr_array_index (roots, i), "name");
      if (name != NULL && name->kind == STRATA_NODE_SCALAR && !strata_node_is_null (name) && *name->text)
        raw = name;
    }
  if (raw == NULL)
    return strata_project_name_choose (discovery, NULL, NULL, error);

  copy = strata_node_copy (raw);
  if (!options->no_interpolate &&
      !strata_interpolate_tree (copy, discovery->environment, NULL, error))
    return NULL;
  return strata_project_name_choose (discovery, raw->text, copy->text, error);
}

static gboolean
read_all (StrataProjectData       *data,
          const StrataLoadOptions *options,
          StrataDiscovery         *discovery,
          GPtrArray               *roots,
          GCancellable            *cancellable,
          GError                 **error)
{
  for (guint i = 0; i < discovery->config_files->len; i++)
    {
      const char *path = g_ptr_array_index (discovery->config_files, i);
      g_autoptr(StrataLayer) layer = NULL;
      StrataNode *root;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      layer = read_layer (options, path, i == 0 ? STRATA_LAYER_ROLE_BASE : STRATA_LAYER_ROLE_OVERRIDE, error);
      if (layer == NULL || (root = strata_yaml_read (layer, error)) == NULL)
        return FALSE;
      g_ptr_array_add (roots, root);
      g_ptr_array_add (data->layers, g_steal_pointer (&layer));
    }
  return TRUE;
}

static void
note_version (StrataProjectData *data,
              StrataNode        *root,
              StrataLayerDiff   *diff)
{
  StrataNode *version = strata_node_lookup (root, "version");
  StrataPosition pos;
  const char *hint = _("Remove the line: compose ignores it.");
  const char *message = _("the attribute `version` is obsolete, it will be ignored, please remove "
                          "it to avoid potential confusion");

  if (version == NULL)
    return;
  pos = version->key_pos.line ? version->key_pos : version->pos;
  g_ptr_array_add (data->diagnostics, strata_diagnostic_new (STRATA_SEVERITY_WARNING, &pos, hint, "%s", message));
  g_ptr_array_add (diff->warnings, strata_diagnostic_new (STRATA_SEVERITY_WARNING, &pos, hint, "%s", message));
  strata_node_remove (root, "version");
}

/* Interpolates, transforms, resolves extends and merges each file. */
static gboolean
merge_all (StrataProjectData       *data,
           const StrataLoadOptions *options,
           GPtrArray               *roots,
           GCancellable            *cancellable,
           GError                 **error)
{
  StrataPosition none = { 0 };

  data->merged = strata_node_new_mapping (&none);
  for (guint i = 0; i < roots->len; i++)
    {
      StrataLayer *layer = g_ptr_array_index (data->layers, i);
      StrataNode *root = g_ptr_array_index (roots, i);
      StrataLayerDiff *diff = strata_layer_diff_new (layer);
      g_autoptr(GPtrArray) resets = NULL;

      g_ptr_array_add (data->diffs, diff);
      g_ptr_array_index (roots, i) = NULL;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      note_version (data, root, diff);
      if ((!options->no_interpolate &&
           !strata_interpolate_tree (root, data->environment, data->diagnostics, error)) ||
          !strata_validate_file (root, i > 0 ? data->merged : NULL, error))
        {
          strata_node_free (root);
          return FALSE;
        }
      resets = strata_merge_take_resets (root);
      if (!strata_canonical_transform (root, data->diagnostics, error) ||
          !_strata_extends_apply (root, layer, data->environment, !options->no_interpolate,
                                  data->aux_layers, data->diagnostics, error))
        {
          strata_node_free (root);
          return FALSE;
        }
      strata_merge_apply_resets (data->merged, resets, i > 0 ? diff->changes : NULL);
      if (!strata_merge_file (data->merged, root, i > 0 ? diff->changes : NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Normalizes a copy: the merged tree stays as the files made it. */
static gboolean
normalize (StrataProjectData *data,
           GError           **error)
{
  StrataNormalizeContext ctx = {
    .project_name = data->name,
    .working_dir = data->working_dir,
    .home_dir = g_get_home_dir (),
    .profiles = (const char * const *) data->profiles,
    .environment = data->environment,
  };

  for (guint i = 0; i < data->diffs->len; i++)
    strata_layer_diff_find_traps (g_ptr_array_index (data->diffs, i), data->merged, data->working_dir);
  data->normalized = strata_node_copy (data->merged);
  return strata_normalize_project (data->normalized, &ctx, data->diagnostics, error) &&
         strata_validate_project (data->normalized, data->diagnostics, error);
}

static StrataProjectData *
data_new (void)
{
  StrataProjectData *data = g_new0 (StrataProjectData, 1);

  data->layers = g_ptr_array_new_with_free_func ((GDestroyNotify) strata_layer_unref);
  data->aux_layers = g_ptr_array_new_with_free_func ((GDestroyNotify) strata_layer_unref);
  data->diagnostics = strata_diagnostics_new ();
  data->diffs = g_ptr_array_new_with_free_func ((GDestroyNotify) strata_layer_diff_free);
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

StrataProjectData *
_strata_project_data_load (const StrataLoadOptions *options,
                           GCancellable            *cancellable,
                           GError                 **error)
{
  g_autoptr(StrataProjectData) data = data_new ();
  g_autoptr(StrataDiscovery) discovery = NULL;
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func ((GDestroyNotify) strata_node_free);

  discovery = strata_discovery_run (options, data->diagnostics, error);
  if (discovery == NULL || !read_all (data, options, discovery, roots, cancellable, error))
    return NULL;
  data->name = choose_name (discovery, roots, options, error);
  if (data->name == NULL)
    return NULL;
  take_discovery (data, discovery);
  if (strata_environment_lookup (data->environment, "COMPOSE_PROJECT_NAME", NULL) == NULL)
    strata_environment_set (data->environment, "COMPOSE_PROJECT_NAME", data->name, NULL);

  if (!merge_all (data, options, roots, cancellable, error) || !normalize (data, error))
    return NULL;
  return g_steal_pointer (&data);
}
