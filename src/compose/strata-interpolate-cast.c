/* strata-interpolate-cast.c: typed fields cast from strings while interpolating
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * compose-go's interpolation ends by casting every string value found at a
 * typed path (loader/interpolate.go, interpolateTypeCastMapping): `tty: yes`
 * and `privileged: "${PRIV}"` become booleans there, `scale: "3"` an int,
 * and a value that does not cast is the error
 *   error while interpolating services.web.privileged: failed to cast to
 *   expected type: invalid boolean: maybe
 * Paths are compose's tree.Path: keys joined with ".", "[]" for list items;
 * "*" in a pattern matches any one key.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "strata-canonical-private.h"
#include "strata-compose-error.h"
#include "strata-diagnostic.h"
#include "strata-interpolate-private.h"
#include "strata-yaml-private.h"

typedef enum
{
  CAST_INT,      /* strconv.Atoi */
  CAST_INT64,    /* strconv.ParseInt (s, 10, 64) */
  CAST_FLOAT,    /* strconv.ParseFloat (s, 64) */
  CAST_FLOAT32,  /* strconv.ParseFloat (s, 32) */
  CAST_BOOL,     /* true/false, and YAML 1.1 words with a warning */
} CastKind;

typedef struct
{
  const char *pattern;
  CastKind    cast;
} Cast;

/* The patterns under "services.*.", written after that prefix ... */
static const Cast service_casts[] = {
  { "configs.[].mode", CAST_INT },
  { "cpu_count", CAST_INT64 },
  { "cpu_percent", CAST_FLOAT },
  { "cpu_period", CAST_INT64 },
  { "cpu_quota", CAST_INT64 },
  { "cpu_rt_period", CAST_INT64 },
  { "cpu_rt_runtime", CAST_INT64 },
  { "cpus", CAST_FLOAT32 },
  { "cpu_shares", CAST_INT64 },
  { "init", CAST_BOOL },
  { "deploy.replicas", CAST_INT },
  { "deploy.update_config.parallelism", CAST_INT },
  { "deploy.update_config.max_failure_ratio", CAST_FLOAT },
  { "deploy.rollback_config.parallelism", CAST_INT },
  { "deploy.rollback_config.max_failure_ratio", CAST_FLOAT },
  { "deploy.restart_policy.max_attempts", CAST_INT },
  { "deploy.placement.max_replicas_per_node", CAST_INT },
  { "healthcheck.retries", CAST_INT },
  { "healthcheck.disable", CAST_BOOL },
  { "oom_kill_disable", CAST_BOOL },
  { "oom_score_adj", CAST_INT64 },
  { "pids_limit", CAST_INT64 },
  { "ports.[].target", CAST_INT },
  { "privileged", CAST_BOOL },
  { "read_only", CAST_BOOL },
  { "scale", CAST_INT },
  { "secrets.[].mode", CAST_INT },
  { "stdin_open", CAST_BOOL },
  { "tty", CAST_BOOL },
  { "ulimits.*", CAST_INT },
  { "ulimits.*.hard", CAST_INT },
  { "ulimits.*.soft", CAST_INT },
  { "volumes.[].read_only", CAST_BOOL },
  { "volumes.[].volume.nocopy", CAST_BOOL },
};

/* ... and the others, whole. */
static const Cast top_casts[] = {
  { "networks.*.external", CAST_BOOL },
  { "networks.*.internal", CAST_BOOL },
  { "networks.*.attachable", CAST_BOOL },
  { "networks.*.enable_ipv4", CAST_BOOL },
  { "networks.*.enable_ipv6", CAST_BOOL },
  { "volumes.*.external", CAST_BOOL },
  { "secrets.*.external", CAST_BOOL },
  { "configs.*.external", CAST_BOOL },
};

/* Whether the dotted @path matches @pattern part by part, as comparing
 * their g_strsplit (".") parts does, without splitting either (this runs
 * for every string value of every file). */
static gboolean
path_matches (const char *path,
              const char *pattern)
{
  for (;;)
    {
      if (pattern[0] == '*' && (pattern[1] == '.' || pattern[1] == '\0'))
        {
          while (*path != '\0' && *path != '.')
            path++;
          pattern++;
        }
      else
        {
          for (; *pattern != '\0' && *pattern != '.'; pattern++, path++)
            if (*path != *pattern)
              return FALSE;
          if (*path != '\0' && *path != '.')
            return FALSE;
        }
      /* both at the end of a part */
      if (*pattern == '\0' || *path == '\0')
        return *pattern == '\0' && *path == '\0';
      path++;
      pattern++;
    }
}

static gboolean
find_in (const Cast *table,
         gsize       n_casts,
         const char *path,
         CastKind   *cast)
{
  for (gsize i = 0; i < n_casts; i++)
    if (table[i].pattern[0] == path[0] && path_matches (path, table[i].pattern))
      return (*cast = table[i].cast, TRUE);
  return FALSE;
}

/* No pattern starts with "*", so a first character that differs is no match;
 * "services.NAME." is common to most paths and patterns: match it once. */
static gboolean
find_cast (const char *path,
           CastKind   *cast)
{
  /* g_strsplit ("", ".") has no parts and matches no pattern */
  if (path[0] == '\0')
    return FALSE;
  if (strncmp (path, "services.", strlen ("services.")) == 0)
    {
      const char *after_service = strchr (path + strlen ("services."), '.');

      return after_service != NULL &&
             find_in (service_casts, G_N_ELEMENTS (service_casts), after_service + 1, cast);
    }
  return find_in (top_casts, G_N_ELEMENTS (top_casts), path, cast);
}

/* Go's strconv.ParseInt (s, 10, 64): an optional sign and decimal digits. */
static char *
parse_decimal (const char  *text,
               const char  *func,
               char       **failure)
{
  g_autofree char *quoted = _strata_yaml_quote (text);
  const char *digits = text + (text[0] == '+' || text[0] == '-');
  gint64 value;

  if (*digits == '\0' || strspn (digits, "0123456789") != strlen (digits))
    return (*failure = g_strdup_printf ("%s: parsing %s: invalid syntax", func, quoted), NULL);
  errno = 0;
  value = g_ascii_strtoll (text, NULL, 10);
  if (errno == ERANGE)
    return (*failure = g_strdup_printf ("%s: parsing %s: value out of range", func, quoted), NULL);
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* Go's strconv.ParseFloat on the forms a compose file uses. */
static char *
parse_float (const char  *text,
             char       **failure)
{
  g_autofree char *quoted = _strata_yaml_quote (text);
  char *end = NULL;

  if (text[0] != '\0' && !g_ascii_isspace (text[0]) && strpbrk (text, "xX") == NULL)
    {
      g_ascii_strtod (text, &end);
      if (end != text && *end == '\0')
        return g_strdup (text);
    }
  *failure = g_strdup_printf ("strconv.ParseFloat: parsing %s: invalid syntax", quoted);
  return NULL;
}

static char *
parse_bool (const StrataNode  *node,
            GPtrArray         *diagnostics,
            char             **failure)
{
  const char *yes[] = { "y", "yes", "on", NULL };
  const char *no[] = { "n", "no", "off", NULL };
  g_autofree char *lower = g_ascii_strdown (node->text, -1);
  g_autofree char *quoted = NULL;
  gboolean value;

  if (g_str_equal (lower, "true") || g_str_equal (lower, "false"))
    return g_strdup (lower);
  if (!g_strv_contains (yes, lower) && !g_strv_contains (no, lower))
    return (*failure = g_strdup_printf ("invalid boolean: %s", node->text), NULL);

  value = g_strv_contains (yes, lower);
  quoted = _strata_yaml_quote (node->text);
  if (diagnostics != NULL)
    g_ptr_array_add (diagnostics,
                     strata_diagnostic_new (STRATA_SEVERITY_WARNING, &node->pos,
                                            value ? _("Write `true`.") : _("Write `false`."),
                                            "%s for boolean is not supported by YAML 1.2, please use `%s`",
                                            quoted, value ? "true" : "false"));
  return g_strdup (value ? "true" : "false");
}

static const char *
cast_hint (CastKind cast)
{
  switch (cast)
    {
    case CAST_BOOL:
      return _("Use `true` or `false` (in the file or in the variable's value).");
    case CAST_FLOAT:
    case CAST_FLOAT32:
      return _("Use a number such as `0.5` (in the file or in the variable's value).");
    case CAST_INT:
    case CAST_INT64:
    default:
      return _("Use a whole number in decimal such as `3` (in the file or in the variable's value).");
    }
}

gboolean
_strata_interpolate_cast (StrataNode  *node,
                          const char  *path,
                          GPtrArray   *diagnostics,
                          GError     **error)
{
  g_autofree char *failure = NULL;
  g_autofree char *value = NULL;
  CastKind cast;

  if (node->kind != STRATA_NODE_SCALAR || node->type != STRATA_VALUE_STRING || path == NULL ||
      !find_cast (path, &cast))
    return TRUE;

  if (cast == CAST_BOOL)
    value = parse_bool (node, diagnostics, &failure);
  else if (cast == CAST_FLOAT || cast == CAST_FLOAT32)
    value = parse_float (node->text, &failure);
  else
    value = parse_decimal (node->text, cast == CAST_INT ? "strconv.Atoi" : "strconv.ParseInt", &failure);

  if (value == NULL)
    return _strata_set_error (error, STRATA_COMPOSE_ERROR_INTERPOLATION, &node->pos, cast_hint (cast),
                              "error while interpolating %s: failed to cast to expected type: %s",
                              path, failure);

  strata_node_take_text (node, g_steal_pointer (&value));
  node->type = cast == CAST_BOOL ? STRATA_VALUE_BOOL
             : cast == CAST_FLOAT || cast == CAST_FLOAT32 ? STRATA_VALUE_FLOAT : STRATA_VALUE_INT;
  return TRUE;
}
