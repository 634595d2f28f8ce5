/* strata-layer-diff.c: the changes of one layer, and its traps
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-layer-diff.h"
#include "strata-normalize-private.h"

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
append_only_field (const char *field,
                   gsize       length)
{
  static const char * const fields[] = {
    "ports", "expose", "dns", "dns_opt", "dns_search", "cap_add", "cap_drop", "links",
    "extra_hosts", "tmpfs", "security_opt", "group_add", "external_links", "devices",
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strncmp (field, fields[i], length) == 0 && fields[i][length] == '\0')
      return TRUE;
  return FALSE;
}

/* "services.web.ports[2]": the length of "services.web.ports" (the list
 * of an append-only field of a service), and "ports[2]" in @field; 0 for
 * any other path. */
static gsize
list_of (const char  *path,
         const char **field)
{
  const char *bracket = strrchr (path, '[');
  const char *name, *list_field;

  if (bracket == NULL || strncmp (path, "services.", strlen ("services.")) != 0)
    return 0;
  /* exactly three parts: services, the service, the field */
  name = path + strlen ("services.");
  list_field = memchr (name, '.', bracket - name);
  if (list_field == NULL || memchr (list_field + 1, '.', bracket - list_field - 1) != NULL ||
      !append_only_field (list_field + 1, bracket - list_field - 1))
    return 0;
  *field = strrchr (path, '.') + 1;
  return bracket - path;
}

/* The node at "services.<name>.<field>" (@list, @length bytes long). */
static const StrataNode *
lookup_list (const StrataNode *root,
             const char       *list,
             gsize             length)
{
  const char *name = list + strlen ("services.");
  const char *dot = memchr (name, '.', length - (name - list));
  g_autofree char *service = g_strndup (name, dot - name);
  g_autofree char *field = g_strndup (dot + 1, list + length - dot - 1);

  return strata_node_lookup (strata_node_lookup (strata_node_lookup (root, "services"), service), field);
}

/* The warnings' texts: gettext costs more than the rest of a warning, so
 * they are translated once per layer, and formats are checked against
 * their msgid where they are used (same_format ()). */
#define APPENDED_HINT N_("To replace the earlier list, tag this one “%s: !override”; " \
                         "to drop the earlier entries, “%s: !reset []”.")
#define APPENDED N_("%s: %s is appended to the entries of the files " \
                    "before (%u in all now): an override can add to " \
                    "%s but never remove or replace an entry")
#define LINK N_("link “%s” names no service of this project")
#define BIND_SHORT N_("bind source %s does not exist: Docker will create an empty directory owned by root there")
#define BIND_LONG N_("bind source %s does not exist: the container will not start")

typedef struct
{
  const char *appended_hint;
  const char *appended;
  const char *link_hint;
  const char *link;
  const char *bind_hint;
  const char *bind_short;
  const char *bind_long;
} Texts;

static void
texts_init (Texts *texts)
{
  texts->appended_hint = _(APPENDED_HINT);
  texts->appended = _(APPENDED);
  texts->link_hint = _("Add that service or remove the link; services "
                       "on one network reach each other by name anyway.");
  texts->link = _(LINK);
  texts->bind_hint = _("Create it, or fix the path: relative paths are "
                       "relative to the project directory, whichever "
                       "file writes them.");
  texts->bind_short = _(BIND_SHORT);
  texts->bind_long = _(BIND_LONG);
}

/* @translation, the translation of @msgid, as the format it is */
static const char * G_GNUC_FORMAT (2)
same_format (const char *translation,
             const char *msgid)
{
  return translation;
}

static void
warn_appended_lists (StrataLayerDiff  *diff,
                     const StrataNode *merged,
                     const Texts      *texts)
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
      gsize length;

      if (change->kind != STRATA_CHANGE_APPENDED || (length = list_of (change->path, &field)) == 0)
        continue;
      list = g_strndup (change->path, length);
      if (g_hash_table_contains (warned, list))
        continue;
      node = lookup_list (merged, list, length);
      name = g_strndup (field, strcspn (field, "["));
      hint = g_strdup_printf (same_format (texts->appended_hint, APPENDED_HINT), name, name);
      g_ptr_array_add (diff->warnings,
                       strata_diagnostic_new (STRATA_SEVERITY_WARNING, &change->new_pos, hint,
                                              same_format (texts->appended, APPENDED),
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
            const StrataNode *links,
            const Texts      *texts)
{
  for (guint i = 0; links != NULL && i < strata_node_get_n_children (links); i++)
    {
      const StrataNode *link = strata_node_get_child (links, i);
      g_autofree char *target = NULL;

      if (link->kind != STRATA_NODE_SCALAR || !in_layer (link, diff->layer))
        continue;
      target = g_strndup (link->text, strcspn (link->text, ":"));
      if (strata_node_lookup (services, target) == NULL)
        g_ptr_array_add (diff->warnings,
                         strata_diagnostic_new (STRATA_SEVERITY_WARNING, &link->pos, texts->link_hint,
                                                same_format (texts->link, LINK), link->text));
    }
}

/* The host side of a bind mount (@length bytes), or NULL for a named volume. */
static const char *
bind_source (const StrataNode *volume,
             gsize            *length)
{
  const char *text;

  if (volume->kind == STRATA_NODE_MAPPING)
    {
      if (g_strcmp0 (strata_node_lookup_text (volume, "type"), "bind") != 0 ||
          (text = strata_node_lookup_text (volume, "source")) == NULL)
        return NULL;
      *length = strlen (text);
      return text;
    }
  text = volume->text;
  if (volume->kind != STRATA_NODE_SCALAR || strchr (text, ':') == NULL ||
      !(text[0] == '.' || text[0] == '/' || text[0] == '~'))
    return NULL;
  *length = strcspn (text, ":");
  return text;
}

static void
warn_bind_sources (StrataLayerDiff  *diff,
                   const StrataNode *volumes,
                   const char       *project_dir,
                   const Texts      *texts)
{
  for (guint i = 0; volumes != NULL && i < strata_node_get_n_children (volumes); i++)
    {
      const StrataNode *volume = strata_node_get_child (volumes, i);
      g_autofree char *source = NULL;
      g_autofree char *path = NULL;
      const char *text;
      gsize length = 0;

      if (!in_layer (volume, diff->layer) || (text = bind_source (volume, &length)) == NULL || length == 0)
        continue;
      source = g_strndup (text, length);
      if (source[0] == '~')
        path = g_build_filename (g_get_home_dir (), source + 1, NULL);
      else
        path = _strata_canonicalize_path (source, project_dir);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        g_ptr_array_add (diff->warnings,
                         strata_diagnostic_new (STRATA_SEVERITY_WARNING, &volume->pos, texts->bind_hint,
                                                volume->kind == STRATA_NODE_SCALAR
                                                ? same_format (texts->bind_short, BIND_SHORT)
                                                : same_format (texts->bind_long, BIND_LONG),
                                                path));
    }
}

/* The links and volumes of @service, in one walk over its children (the
 * first of each key, as strata_node_lookup () finds it). */
static void
links_and_volumes (const StrataNode  *service,
                   const StrataNode **links,
                   const StrataNode **volumes)
{
  *links = *volumes = NULL;
  for (guint i = 0; i < service->children->len; i++)
    {
      const StrataNode *child = g_ptr_array_index (service->children, i);

      if (child->key == NULL)
        continue;
      if (*links == NULL && child->key[0] == 'l' && strcmp (child->key, "links") == 0)
        *links = child;
      else if (*volumes == NULL && child->key[0] == 'v' && strcmp (child->key, "volumes") == 0)
        *volumes = child;
    }
}

void
strata_layer_diff_find_traps (StrataLayerDiff  *diff,
                              const StrataNode *merged,
                              const char       *project_dir)
{
  const StrataNode *services = strata_node_lookup (merged, "services");
  Texts texts;

  texts_init (&texts);
  warn_appended_lists (diff, merged, &texts);
  for (guint i = 0; services != NULL && i < strata_node_get_n_children (services); i++)
    {
      const StrataNode *service = strata_node_get_child (services, i);
      const StrataNode *links, *volumes;

      if (service->kind != STRATA_NODE_MAPPING)
        continue;
      links_and_volumes (service, &links, &volumes);
      warn_links (diff, services, links, &texts);
      warn_bind_sources (diff, volumes, project_dir, &texts);
    }
}
