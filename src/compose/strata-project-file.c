/* strata-project-file.c: one compose file, document by document
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * compose-go's loadYamlFile: every document of a file is interpolated,
 * validated, freed of its `!reset` entries, put in canonical form, has its
 * `extends` and `include` applied, and is merged over what came before it
 * (the previous documents and files) like an override.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-compose-error.h"
#include "strata-merge.h"
#include "strata-project-private.h"
#include "strata-validate.h"

StrataLayer *
_strata_project_read_layer (const char      *path,
                            const char      *stdin_text,
                            StrataLayerRole  role,
                            GError         **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;

  if (g_str_equal (path, "-"))
    {
      const char *input = stdin_text ? stdin_text : "";
      return strata_layer_new ("-", input, strlen (input), role);
    }
  if (!g_file_get_contents (path, &text, &length, &local_error))
    {
      g_set_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_NOT_FOUND,
                   "%s", local_error->message);
      return NULL;
    }
  return strata_layer_new_take (path, g_steal_pointer (&text), length, role);
}

/* The `version:` compose ignores, with its warning. */
void
_strata_project_drop_version (StrataNode *root,
                              GPtrArray  *diagnostics,
                              GPtrArray  *warnings)
{
  StrataNode *version = strata_node_lookup (root, "version");
  StrataPosition pos;
  const char *hint = _("Remove the line: compose ignores it.");
  const char *message = _("the attribute `version` is obsolete, it will be ignored, please remove "
                          "it to avoid potential confusion");

  if (version == NULL)
    return;
  pos = version->key_pos.line ? version->key_pos : version->pos;
  if (diagnostics != NULL)
    g_ptr_array_add (diagnostics, strata_diagnostic_new (STRATA_SEVERITY_WARNING, &pos, hint, "%s", message));
  if (warnings != NULL)
    g_ptr_array_add (warnings, strata_diagnostic_new (STRATA_SEVERITY_WARNING, &pos, hint, "%s", message));
  strata_node_remove (root, "version");
}

/* What `include` compares a clash against: the file's own resources as
 * written (interpolated, before their canonical form), as compose does. */
static StrataNode *
copy_if_including (const StrataNode *root)
{
  StrataNode *include = strata_node_lookup (root, "include");

  return include != NULL && !strata_node_is_null (include) ? strata_node_copy (root) : NULL;
}

gboolean
_strata_project_merge_document (const StrataLoadCtx  *ctx,
                                StrataNode          *merged,
                                StrataNode          *root,
                                StrataLayer         *layer,
                                GPtrArray           *changes,
                                GError             **error)
{
  g_autoptr(StrataNode) owned = root;
  g_autoptr(StrataNode) raw = NULL;
  g_autoptr(GPtrArray) resets = NULL;
  const StrataNode *accumulated = strata_node_get_n_children (merged) > 0 ? merged : NULL;

  if (ctx->interpolate && !strata_interpolate_tree (root, ctx->environment, ctx->diagnostics, error))
    return FALSE;
  /* compose validates after the merge, where `!reset` entries are gone */
  resets = strata_merge_take_resets (root);
  if (!strata_validate_file (root, accumulated, error))
    return FALSE;
  raw = copy_if_including (root);
  if (!strata_canonical_transform (root, ctx->diagnostics, error) ||
      !_strata_extends_apply (root, layer, ctx->environment, ctx->interpolate,
                              ctx->aux_layers, ctx->diagnostics, error))
    return FALSE;
  if (raw != NULL && !_strata_include_apply (ctx, root, raw, error))
    return FALSE;
  strata_merge_apply_resets (merged, resets, changes);
  return strata_merge_file (merged, g_steal_pointer (&owned), changes, error);
}

/* Every document of @layer merged in turn (extends reads other files so). */
StrataNode *
_strata_project_read_file (StrataLayer        *layer,
                           StrataEnvironment  *environment,
                           gboolean            interpolate,
                           GPtrArray          *diagnostics,
                           GError            **error)
{
  g_autoptr(GPtrArray) documents = strata_yaml_read_documents (layer, error);
  StrataPosition start = { layer, 1, 1 };
  g_autoptr(StrataNode) merged = strata_node_new_mapping (&start);

  if (documents == NULL)
    return NULL;
  for (guint i = 0; i < documents->len; i++)
    {
      StrataNode *root = g_ptr_array_index (documents, i);

      g_ptr_array_index (documents, i) = NULL;
      if (interpolate && !strata_interpolate_tree (root, environment, diagnostics, error))
        return (strata_node_free (root), NULL);
      if (!strata_canonical_transform (root, diagnostics, error))
        return (strata_node_free (root), NULL);
      if (!strata_merge_file (merged, root, NULL, error))
        return NULL;
    }
  return g_steal_pointer (&merged);
}
