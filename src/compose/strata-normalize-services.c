/* strata-normalize-services.c: one service as compose 2.26.1 prints it
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-canonical-private.h"
#include "strata-compose-error.h"
#include "strata-normalize-private.h"

/* An argument of @list: @length bytes of @text */
static void
append_word (StrataNode       *list,
             const StrataNode *command,
             const char       *text,
             gsize             length)
{
  StrataNode *node = strata_node_new_scalar_len (&command->pos, text, length, STRATA_VALUE_STRING);

  node->key_pos = command->key_pos;
  node->origin = STRATA_ORIGIN_DERIVED;
  strata_node_append (list, node);
}

/* Splits @text when no quote, escape, region or operator makes it more
 * than words between blanks (as go-shellwords reads it); FALSE otherwise. */
static gboolean
split_plain (const char       *text,
             StrataNode       *list,
             const StrataNode *command)
{
  const char *p = text;

  if (text[strcspn (text, "\\'\"`();&|<>")] != '\0')
    return FALSE;
  while (*p != '\0')
    {
      gsize length;

      p += strspn (p, " \t\r\n");
      if ((length = strcspn (p, " \t\r\n")) > 0)
        append_word (list, command, p, length);
      p += length;
    }
  return TRUE;
}

/* command/entrypoint strings are split like go-shellwords does */
gboolean
_strata_split_command (StrataNode  *service,
                       const char  *key,
                       GError     **error)
{
  StrataNode *command = strata_node_lookup (service, key);
  g_autoptr(GPtrArray) argv = NULL;
  StrataNode *list;

  if (command == NULL || command->kind != STRATA_NODE_SCALAR || strata_node_is_null (command))
    return TRUE;
  list = _strata_derived_mapping (command, key);
  list->kind = STRATA_NODE_SEQUENCE;
  if (!split_plain (command->text, list, command))
    {
      argv = g_ptr_array_new_with_free_func (g_free);
      if (!_strata_shell_split (command->text, argv))
        {
          strata_node_free (list);
          return _strata_set_error (error, STRATA_COMPOSE_ERROR_TYPE, &command->pos,
                                    _("Close every quote, `$(` and backquote, put parentheses inside quotes, "
                                      "or write the command as a list."),
                                    "%s: invalid command line string", key);
        }
      for (guint i = 0; i < argv->len; i++)
        append_word (list, command, g_ptr_array_index (argv, i), strlen (g_ptr_array_index (argv, i)));
    }
  strata_node_set (service, key, list);
  return TRUE;
}

static void
normalize_healthcheck (StrataNode *service)
{
  StrataNode *health = strata_node_lookup (service, "healthcheck");
  StrataNode *test = health ? strata_node_lookup (health, "test") : NULL;
  StrataNode *list;

  if (test == NULL || test->kind != STRATA_NODE_SCALAR || strata_node_is_null (test))
    return;
  list = _strata_derived_mapping (test, "test");
  list->kind = STRATA_NODE_SEQUENCE;
  strata_node_append (list, _strata_derived_scalar (test, NULL, "CMD-SHELL", STRATA_VALUE_STRING));
  strata_node_append (list, _strata_derived_scalar (test, NULL, test->text, STRATA_VALUE_STRING));
  strata_node_set (health, "test", list);
}

static void
add_dependency (StrataNode       *service,
                const StrataNode *from,
                const char       *name,
                gboolean          restart)
{
  StrataNode *deps = strata_node_lookup (service, "depends_on");
  StrataNode *dep;

  if (deps == NULL)
    strata_node_append (service, deps = _strata_derived_mapping (from, "depends_on"));
  if (strata_node_lookup (deps, name) != NULL)
    return;
  dep = _strata_derived_mapping (from, name);
  strata_node_append (dep, _strata_derived_scalar (from, "condition", "service_started", STRATA_VALUE_STRING));
  if (restart)
    strata_node_append (dep, _strata_derived_scalar (from, "restart", "true", STRATA_VALUE_BOOL));
  strata_node_append (dep, _strata_derived_scalar (from, "required", "true", STRATA_VALUE_BOOL));
  strata_node_append (deps, dep);
}

/* links, then network_mode, ipc, pid, uts and cgroup naming "service:x",
 * imply a dependency that restarts; volumes_from one that does not. The
 * first to name a service wins (compose-go's setIfMissing). */
static void
implied_dependencies (StrataNode *service)
{
  const char *namespaces[] = { "network_mode", "ipc", "pid", "uts", "cgroup" };
  StrataNode *links = strata_node_lookup (service, "links");
  StrataNode *from = strata_node_lookup (service, "volumes_from");

  for (guint i = 0; links && links->kind == STRATA_NODE_SEQUENCE && i < links->children->len; i++)
    {
      StrataNode *link = strata_node_get_child (links, i);
      g_auto(GStrv) parts = g_strsplit (link->text, ":", 2);

      add_dependency (service, link, parts[0], TRUE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
    {
      StrataNode *mode = strata_node_lookup (service, namespaces[i]);

      if (mode != NULL && mode->kind == STRATA_NODE_SCALAR && g_str_has_prefix (mode->text, "service:"))
        add_dependency (service, mode, mode->text + strlen ("service:"), TRUE);
    }
  for (guint i = 0; from && from->kind == STRATA_NODE_SEQUENCE && i < from->children->len; i++)
    {
      StrataNode *item = strata_node_get_child (from, i);
      g_auto(GStrv) parts = g_strsplit (item->text, ":", 2);

      if (!g_str_equal (parts[0], "container"))
        add_dependency (service, item, parts[0], FALSE);
    }
}

static gboolean
normalize_develop (const StrataNormalizeContext  *ctx,
                   StrataNode                    *service,
                   GError                       **error)
{
  StrataNode *develop = strata_node_lookup (service, "develop");
  StrataNode *watch = develop ? strata_node_lookup (develop, "watch") : NULL;

  for (guint i = 0; watch && watch->kind == STRATA_NODE_SEQUENCE && i < watch->children->len; i++)
    {
      StrataNode *item = strata_node_get_child (watch, i);
      StrataNode *exec = strata_node_lookup (item, "exec");

      _strata_resolve_text (ctx, strata_node_lookup (item, "path"));
      if (exec != NULL && exec->kind == STRATA_NODE_MAPPING &&
          !_strata_split_command (exec, "command", error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_strata_normalize_service (const StrataNormalizeContext *ctx,
                           StrataNode                   *service,
                           GError                      **error)
{
  _strata_normalize_build (ctx, strata_node_lookup (service, "build"));
  if (!normalize_develop (ctx, service, error) ||
      !_strata_normalize_environment (ctx, service, error) ||
      !_strata_normalize_extra_hosts (service, error) ||
      !_strata_normalize_extra_hosts (strata_node_lookup (service, "build"), error))
    return FALSE;
  if (!_strata_split_command (service, "command", error) ||
      !_strata_split_command (service, "entrypoint", error))
    return FALSE;
  normalize_healthcheck (service);
  _strata_normalize_volumes (ctx, service);
  implied_dependencies (service);

  if (strata_node_lookup (service, "network_mode") == NULL)
    {
      StrataNode *networks = strata_node_lookup (service, "networks");

      if (networks == NULL || strata_node_is_null (networks) || strata_node_get_n_children (networks) == 0)
        {
          StrataNode *map = _strata_derived_mapping (service, "networks");

          strata_node_append (map, _strata_derived_scalar (service, "default", "", STRATA_VALUE_NULL));
          strata_node_set (service, "networks", map);
        }
    }
  return TRUE;
}
