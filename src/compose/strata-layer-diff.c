/* strata-layer-diff.c: the changes of one layer, and its traps
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-layer-diff.h"

#define SUMMARY_MAX 72

StrataLayerChange *
strata_layer_change_new (StrataChangeKind  kind,
                         const char       *path,
                         const StrataNode *old_node,
                         const StrataNode *new_node)
{
  StrataLayerChange *change = g_new0 (StrataLayerChange, 1);

  change->kind = kind;
  change->path = g_strdup (path);
  if (old_node != NULL)
    {
      change->old_value = strata_node_summarize (old_node);
      change->old_pos = old_node->pos;
    }
  if (new_node != NULL)
    {
      change->new_value = strata_node_summarize (new_node);
      change->new_pos = new_node->pos;
    }
  return change;
}

void
strata_layer_change_free (StrataLayerChange *change)
{
  if (change == NULL)
    return;
  g_free (change->path);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

const char *
strata_change_kind_to_string (StrataChangeKind kind)
{
  switch (kind)
    {
    case STRATA_CHANGE_ADDED: return "added";
    case STRATA_CHANGE_OVERRIDDEN: return "overridden";
    case STRATA_CHANGE_APPENDED: return "appended";
    case STRATA_CHANGE_MERGED_BY_KEY: return "merged by key";
    case STRATA_CHANGE_REPLACED_BY_TARGET: return "replaced by target";
    case STRATA_CHANGE_RESET: return "reset";
    case STRATA_CHANGE_OVERRIDE_TAG: return "replaced with !override";
    default: return "changed";
    }
}

StrataLayerDiff *
strata_layer_diff_new (StrataLayer *layer)
{
  StrataLayerDiff *diff = g_new0 (StrataLayerDiff, 1);

  diff->layer = layer ? strata_layer_ref (layer) : NULL;
  diff->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) strata_layer_change_free);
  diff->warnings = strata_diagnostics_new ();
  return diff;
}

void
strata_layer_diff_free (StrataLayerDiff *diff)
{
  if (diff == NULL)
    return;
  g_clear_pointer (&diff->layer, strata_layer_unref);
  g_ptr_array_unref (diff->changes);
  g_ptr_array_unref (diff->warnings);
  g_free (diff);
}

static void
summarize_flow (GString          *out,
                const StrataNode *node)
{
  if (out->len > SUMMARY_MAX)
    return;
  if (node->kind == STRATA_NODE_SCALAR)
    {
      gboolean quote = node->type == STRATA_VALUE_STRING &&
                       (*node->text == 0 || strpbrk (node->text, ",{}[]") != NULL);
      if (quote)
        g_string_append_c (out, '"');
      g_string_append (out, node->type == STRATA_VALUE_NULL ? "null" : node->text);
      if (quote)
        g_string_append_c (out, '"');
      return;
    }
  g_string_append_c (out, node->kind == STRATA_NODE_MAPPING ? '{' : '[');
  for (guint i = 0; i < node->children->len; i++)
    {
      const StrataNode *child = g_ptr_array_index (node->children, i);

      if (i > 0)
        g_string_append (out, ", ");
      if (node->kind == STRATA_NODE_MAPPING)
        {
          g_string_append (out, child->key);
          g_string_append (out, ": ");
        }
      summarize_flow (out, child);
    }
  g_string_append_c (out, node->kind == STRATA_NODE_MAPPING ? '}' : ']');
}

/* The text of the node's line from its column, without a trailing comment,
 * when that is where a collection was written in flow style or derived
 * from a single string ("8001:8000" for a port). */
static char *
source_excerpt (const StrataNode *node)
{
  g_autofree char *line = NULL;
  char *start;
  char *comment;

  if (node->pos.layer == NULL || node->pos.line == 0 || node->pos.column == 0)
    return NULL;
  line = strata_layer_dup_line (node->pos.layer, node->pos.line);
  if (line == NULL || strlen (line) < node->pos.column)
    return NULL;
  start = line + node->pos.column - 1;
  comment = strstr (start, " #");
  if (comment != NULL)
    *comment = 0;
  g_strstrip (start);
  /* A block collection starts with a key or a dash: not a one-line value. */
  if (*start == 0 || g_str_has_suffix (start, ":") || (*start != '{' && *start != '[' && strstr (start, ": ") != NULL) ||
      g_str_has_prefix (start, "- "))
    return NULL;
  return g_strdup (start);
}

char *
strata_node_summarize (const StrataNode *node)
{
  GString *out;
  char *excerpt;

  if (node->kind != STRATA_NODE_SCALAR && (excerpt = source_excerpt (node)) != NULL)
    return excerpt;
  out = g_string_new (NULL);
  summarize_flow (out, node);
  if (out->len > SUMMARY_MAX)
    {
      g_string_truncate (out, SUMMARY_MAX);
      g_string_append (out, "…");
    }
  return g_string_free (out, FALSE);
}

/* Lists an override can add to but never take from. */
static gboolean
append_only_field (const char *field)
{
  static const char * const fields[] = {
    "ports", "expose", "dns", "dns_opt", "dns_search", "cap_add", "cap_drop", "links",
    "extra_hosts", "tmpfs", "security_opt", "group_add", "external_links", "devices",
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (field, fields[i]))
      return TRUE;
  return FALSE;
}

/* "services.web.ports[2]" → "services.web.ports", and "ports" in @field. */
static char *
list_of (const char  *path,
         const char **field)
{
  const char *bracket = strrchr (path, '[');
  g_autofree char *list = NULL;
  g_auto(GStrv) parts = NULL;

  if (bracket == NULL || !g_str_has_prefix (path, "services."))
    return NULL;
  list = g_strndup (path, bracket - path);
  parts = g_strsplit (list, ".", 4);
  if (g_strv_length (parts) != 3 || !append_only_field (parts[2]))
    return NULL;
  *field = strrchr (path, '.') + 1;
  return g_steal_pointer (&list);
}

static const StrataNode *
lookup_path (const StrataNode *root,
             const char       *dotted)
{
  g_auto(GStrv) parts = g_strsplit (dotted, ".", 3);
  const StrataNode *node = root;

  for (guint i = 0; node != NULL && parts[i] != NULL; i++)
    node = strata_node_lookup (node, parts[i]);
  return node;
}

static void
warn_appended_lists (StrataLayerDiff  *diff,
                     const StrataNode *merged)
{
  g_autoptr(GHashTable) warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < diff->changes->len; i++)
    {
      StrataLayerChange *change = g_ptr_array_index (diff->changes, i);
      const char *field = NULL;
      g_autofree char *list = NULL;
      g_autofree char *name = NULL;
      g_autofree char *hint = NULL;
      const StrataNode *node;

      if (change->kind != STRATA_CHANGE_APPENDED || (list = list_of (change->path, &field)) == NULL ||
          g_hash_table_contains (warned, list))
        continue;
      node = lookup_path (merged, list);
      name = g_strndup (field, strcspn (field, "["));
      hint = g_strdup_printf (_("To replace the earlier list, tag this one “%s: !override”; "
                                "to drop the earlier entries, “%s: !reset []”."), name, name);
      g_ptr_array_add (diff->warnings,
                       strata_diagnostic_new (STRATA_SEVERITY_WARNING, &change->new_pos, hint,
                                              _("%s: %s is appended to the entries of the files "
                                                "before (%u in all now): an override can add to "
                                                "%s but never remove or replace an entry"),
                                              list, change->new_value,
                                              node ? strata_node_get_n_children (node) : 0, name));
      g_hash_table_add (warned, g_steal_pointer (&list));
    }
}

static gboolean
in_layer (const StrataNode *node,
          StrataLayer      *layer)
{
  return node->pos.layer == layer;
}

static void
warn_links (StrataLayerDiff  *diff,
            const StrataNode *services,
            const StrataNode *service)
{
  const StrataNode *links = strata_node_lookup (service, "links");

  for (guint i = 0; links != NULL && i < strata_node_get_n_children (links); i++)
    {
      const StrataNode *link = strata_node_get_child (links, i);
      g_autofree char *target = NULL;

      if (link->kind != STRATA_NODE_SCALAR || !in_layer (link, diff->layer))
        continue;
      target = g_strndup (link->text, strcspn (link->text, ":"));
      if (strata_node_lookup (services, target) == NULL)
        g_ptr_array_add (diff->warnings,
                         strata_diagnostic_new (STRATA_SEVERITY_WARNING, &link->pos,
                                                _("Add that service or remove the link; services "
                                                  "on one network reach each other by name anyway."),
                                                _("link “%s” names no service of this project"),
                                                link->text));
    }
}

/* The host side of a bind mount, or NULL for a named volume. */
static char *
bind_source (const StrataNode *volume)
{
  const char *text;

  if (volume->kind == STRATA_NODE_MAPPING)
    {
      if (g_strcmp0 (strata_node_lookup_text (volume, "type"), "bind") != 0)
        return NULL;
      return g_strdup (strata_node_lookup_text (volume, "source"));
    }
  text = volume->text;
  if (volume->kind != STRATA_NODE_SCALAR || strchr (text, ':') == NULL ||
      !(text[0] == '.' || text[0] == '/' || text[0] == '~'))
    return NULL;
  return g_strndup (text, strcspn (text, ":"));
}

static void
warn_bind_sources (StrataLayerDiff  *diff,
                   const StrataNode *service,
                   const char       *project_dir)
{
  const StrataNode *volumes = strata_node_lookup (service, "volumes");

  for (guint i = 0; volumes != NULL && i < strata_node_get_n_children (volumes); i++)
    {
      const StrataNode *volume = strata_node_get_child (volumes, i);
      g_autofree char *source = NULL;
      g_autofree char *path = NULL;

      if (!in_layer (volume, diff->layer) || (source = bind_source (volume)) == NULL || *source == 0)
        continue;
      if (source[0] == '~')
        path = g_build_filename (g_get_home_dir (), source + 1, NULL);
      else
        path = g_canonicalize_filename (source, project_dir);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        g_ptr_array_add (diff->warnings,
                         strata_diagnostic_new (STRATA_SEVERITY_WARNING, &volume->pos,
                                                _("Create it, or fix the path: relative paths are "
                                                  "relative to the project directory, whichever "
                                                  "file writes them."),
                                                volume->kind == STRATA_NODE_SCALAR
                                                ? _("bind source %s does not exist: Docker will create an empty directory owned by root there")
                                                : _("bind source %s does not exist: the container will not start"),
                                                path));
    }
}

void
strata_layer_diff_find_traps (StrataLayerDiff  *diff,
                              const StrataNode *merged,
                              const char       *project_dir)
{
  const StrataNode *services = strata_node_lookup (merged, "services");

  warn_appended_lists (diff, merged);
  for (guint i = 0; services != NULL && i < strata_node_get_n_children (services); i++)
    {
      const StrataNode *service = strata_node_get_child (services, i);

      if (service->kind != STRATA_NODE_MAPPING)
        continue;
      warn_links (diff, services, service);
      warn_bind_sources (diff, service, project_dir);
    }
}
