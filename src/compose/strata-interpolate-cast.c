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

static const struct
{
  const char *pattern;
  CastKind    cast;
} casts[] = {
  { "services.*.configs.[].mode", CAST_INT },
  { "services.*.cpu_count", CAST_INT64 },
  { "services.*.cpu_percent", CAST_FLOAT },
  { "services.*.cpu_period", CAST_INT64 },
  { "services.*.cpu_quota", CAST_INT64 },
  { "services.*.cpu_rt_period", CAST_INT64 },
  { "services.*.cpu_rt_runtime", CAST_INT64 },
  { "services.*.cpus", CAST_FLOAT32 },
  { "services.*.cpu_shares", CAST_INT64 },
  { "services.*.init", CAST_BOOL },
  { "services.*.deploy.replicas", CAST_INT },
  { "services.*.deploy.update_config.parallelism", CAST_INT },
  { "services.*.deploy.update_config.max_failure_ratio", CAST_FLOAT },
  { "services.*.deploy.rollback_config.parallelism", CAST_INT },
  { "services.*.deploy.rollback_config.max_failure_ratio", CAST_FLOAT },
  { "services.*.deploy.restart_policy.max_attempts", CAST_INT },
  { "services.*.deploy.placement.max_replicas_per_node", CAST_INT },
  { "services.*.healthcheck.retries", CAST_INT },
  { "services.*.healthcheck.disable", CAST_BOOL },
  { "services.*.oom_kill_disable", CAST_BOOL },
  { "services.*.oom_score_adj", CAST_INT64 },
  { "services.*.pids_limit", CAST_INT64 },
  { "services.*.ports.[].target", CAST_INT },
  { "services.*.privileged", CAST_BOOL },
  { "services.*.read_only", CAST_BOOL },
  { "services.*.scale", CAST_INT },
  { "services.*.secrets.[].mode", CAST_INT },
  { "services.*.stdin_open", CAST_BOOL },
  { "services.*.tty", CAST_BOOL },
  { "services.*.ulimits.*", CAST_INT },
  { "services.*.ulimits.*.hard", CAST_INT },
  { "services.*.ulimits.*.soft", CAST_INT },
  { "services.*.volumes.[].read_only", CAST_BOOL },
  { "services.*.volumes.[].volume.nocopy", CAST_BOOL },
  { "networks.*.external", CAST_BOOL },
  { "networks.*.internal", CAST_BOOL },
  { "networks.*.attachable", CAST_BOOL },
  { "networks.*.enable_ipv4", CAST_BOOL },
  { "networks.*.enable_ipv6", CAST_BOOL },
  { "volumes.*.external", CAST_BOOL },
  { "secrets.*.external", CAST_BOOL },
  { "configs.*.external", CAST_BOOL },
};

static gboolean
path_matches (char       **path,
              const char  *pattern)
{
  g_auto(GStrv) want = g_strsplit (pattern, ".", -1);
  guint i;

  for (i = 0; path[i] != NULL && want[i] != NULL; i++)
    if (!g_str_equal (want[i], "*") && !g_str_equal (want[i], path[i]))
      return FALSE;
  return path[i] == NULL && want[i] == NULL;
}

static gboolean
find_cast (const char *path,
           CastKind   *cast)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);

  for (guint i = 0; i < G_N_ELEMENTS (casts); i++)
    if (path_matches (parts, casts[i].pattern))
      return (*cast = casts[i].cast, TRUE);
  return FALSE;
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

  g_free (node->text);
  node->text = g_steal_pointer (&value);
  node->type = cast == CAST_BOOL ? STRATA_VALUE_BOOL
             : cast == CAST_FLOAT || cast == CAST_FLOAT32 ? STRATA_VALUE_FLOAT : STRATA_VALUE_INT;
  return TRUE;
}
