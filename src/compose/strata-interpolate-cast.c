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
 * "*" in a pattern matches any one key. The walk (strata-interpolate.c)
 * narrows the patterns a container's values may match once per container,
 * and stops looking where none can.
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
  gsize       first_len;  /* of its first part */
  CastKind    cast;
} Cast;

#define CAST(first, rest, cast) { first rest, sizeof (first) - 1, cast }

/* The patterns under "services.*.", written after that prefix, sorted by
 * their first part (for find_range ()) ... */
static const Cast service_casts[] = {
  CAST ("configs", ".[].mode", CAST_INT),
  CAST ("cpu_count", "", CAST_INT64),
  CAST ("cpu_percent", "", CAST_FLOAT),
  CAST ("cpu_period", "", CAST_INT64),
  CAST ("cpu_quota", "", CAST_INT64),
  CAST ("cpu_rt_period", "", CAST_INT64),
  CAST ("cpu_rt_runtime", "", CAST_INT64),
  CAST ("cpu_shares", "", CAST_INT64),
  CAST ("cpus", "", CAST_FLOAT32),
  CAST ("deploy", ".replicas", CAST_INT),
  CAST ("deploy", ".update_config.parallelism", CAST_INT),
  CAST ("deploy", ".update_config.max_failure_ratio", CAST_FLOAT),
  CAST ("deploy", ".rollback_config.parallelism", CAST_INT),
  CAST ("deploy", ".rollback_config.max_failure_ratio", CAST_FLOAT),
  CAST ("deploy", ".restart_policy.max_attempts", CAST_INT),
  CAST ("deploy", ".placement.max_replicas_per_node", CAST_INT),
  CAST ("healthcheck", ".retries", CAST_INT),
  CAST ("healthcheck", ".disable", CAST_BOOL),
  CAST ("init", "", CAST_BOOL),
  CAST ("oom_kill_disable", "", CAST_BOOL),
  CAST ("oom_score_adj", "", CAST_INT64),
  CAST ("pids_limit", "", CAST_INT64),
  CAST ("ports", ".[].target", CAST_INT),
  CAST ("privileged", "", CAST_BOOL),
  CAST ("read_only", "", CAST_BOOL),
  CAST ("scale", "", CAST_INT),
  CAST ("secrets", ".[].mode", CAST_INT),
  CAST ("stdin_open", "", CAST_BOOL),
  CAST ("tty", "", CAST_BOOL),
  CAST ("ulimits", ".*", CAST_INT),
  CAST ("ulimits", ".*.hard", CAST_INT),
  CAST ("ulimits", ".*.soft", CAST_INT),
  CAST ("volumes", ".[].read_only", CAST_BOOL),
  CAST ("volumes", ".[].volume.nocopy", CAST_BOOL),
};

/* ... and the others, whole, sorted the same way. */
static const Cast top_casts[] = {
  CAST ("configs", ".*.external", CAST_BOOL),
  CAST ("networks", ".*.external", CAST_BOOL),
  CAST ("networks", ".*.internal", CAST_BOOL),
  CAST ("networks", ".*.attachable", CAST_BOOL),
  CAST ("networks", ".*.enable_ipv4", CAST_BOOL),
  CAST ("networks", ".*.enable_ipv6", CAST_BOOL),
  CAST ("secrets", ".*.external", CAST_BOOL),
  CAST ("volumes", ".*.external", CAST_BOOL),
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

/* Whether every part of the dotted @prefix matches the part of @pattern at
 * its place, @pattern having parts left over: the path of anything under
 * @prefix may then match @pattern. */
static gboolean
prefix_matches (const char *prefix,
                const char *pattern)
{
  for (;;)
    {
      if (pattern[0] == '*' && (pattern[1] == '.' || pattern[1] == '\0'))
        {
          while (*prefix != '\0' && *prefix != '.')
            prefix++;
          pattern++;
        }
      else
        {
          for (; *pattern != '\0' && *pattern != '.'; pattern++, prefix++)
            if (*prefix != *pattern)
              return FALSE;
          if (*prefix != '\0' && *prefix != '.')
            return FALSE;
        }
      if (*pattern == '\0')
        return FALSE;
      if (*prefix == '\0')
        return TRUE;
      prefix++;
      pattern++;
    }
}

/* The same as path_matches () (or prefix_matches () with @prefix) for
 * @path and @pattern whose first parts matched: both are at the end of
 * that part. */
static gboolean
rest_matches (const char *path,
              const char *pattern,
              gboolean    prefix)
{
  if (*pattern == '\0')
    return !prefix && *path == '\0';
  if (*path == '\0')
    return prefix;
  return prefix ? prefix_matches (path + 1, pattern + 1) : path_matches (path + 1, pattern + 1);
}

typedef enum
{
  SCOPE_ABOVE,          /* the parent of the top */
  SCOPE_TOP,            /* "" */
  SCOPE_SERVICES,       /* "services" */
  SCOPE_SERVICE,        /* "services.NAME" */
  SCOPE_SERVICE_TABLE,  /* entries lo..hi of service_casts, from base */
  SCOPE_TOP_TABLE,      /* entries lo..hi of top_casts */
} ScopeKind;

static const Cast *
scope_table (const StrataCastScope *scope)
{
  return scope->kind == SCOPE_SERVICE_TABLE ? service_casts : top_casts;
}

/* The entries of @table that @path matches (with @prefix, that anything
 * below @path may match) as @scope's range; FALSE when there is none. No
 * pattern starts with "*": the first parts must be equal, and the tables
 * are sorted by them. */
static gboolean
scan_table (const Cast      *table,
            guint            lo,
            guint            hi,
            const char      *path,
            gboolean         prefix,
            StrataCastScope *scope)
{
  guchar first = path[0];
  gsize first_len = 0;
  guint end = hi, found = 0;

  /* the first entry whose pattern starts with @first */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if ((guchar) table[mid].pattern[0] < first)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == end || (guchar) table[lo].pattern[0] != first)
    return FALSE;
  while (path[first_len] != '\0' && path[first_len] != '.')
    first_len++;
  for (guint i = lo; i < end && (guchar) table[i].pattern[0] == first; i++)
    {
      const Cast *c = &table[i];

      if (c->first_len != first_len || memcmp (c->pattern, path, first_len) != 0 ||
          !rest_matches (path + first_len, c->pattern + first_len, prefix))
        continue;
      if (found++ == 0)
        scope->lo = i;
      scope->hi = i + 1;
    }
  return found > 0;
}

/* The scope of @path from scratch. */
static gboolean
scope_of (const char      *path,
          StrataCastScope *scope)
{
  const char *after_service;

  scope->base = 0;
  if (path[0] == '\0')
    return (scope->kind = SCOPE_TOP, TRUE);
  if (strcmp (path, "services") == 0)
    return (scope->kind = SCOPE_SERVICES, TRUE);
  if (strncmp (path, "services.", strlen ("services.")) != 0)
    {
      scope->kind = SCOPE_TOP_TABLE;
      return scan_table (top_casts, 0, G_N_ELEMENTS (top_casts), path, TRUE, scope);
    }
  after_service = strchr (path + strlen ("services."), '.');
  if (after_service == NULL)
    {
      /* the service's fields start after "services.NAME." */
      scope->base = strlen (path) + 1;
      return (scope->kind = SCOPE_SERVICE, TRUE);
    }
  scope->kind = SCOPE_SERVICE_TABLE;
  scope->base = after_service + 1 - path;
  return scan_table (service_casts, 0, G_N_ELEMENTS (service_casts), after_service + 1, TRUE, scope);
}

void
_strata_cast_scope_init (StrataCastScope *scope)
{
  *scope = (StrataCastScope) { SCOPE_ABOVE, 0, 0, 0 };
}

gboolean
_strata_cast_scope_below (const StrataCastScope *parent,
                          const char            *path,
                          StrataCastScope       *scope)
{
  if (parent->kind == SCOPE_SERVICE)
    {
      *scope = (StrataCastScope) { SCOPE_SERVICE_TABLE, 0, 0, parent->base };
      return scan_table (service_casts, 0, G_N_ELEMENTS (service_casts), path + parent->base, TRUE, scope);
    }
  if (parent->kind != SCOPE_SERVICE_TABLE && parent->kind != SCOPE_TOP_TABLE)
    return scope_of (path, scope);
  /* what may match below @path is among what may match below the parent */
  *scope = *parent;
  return scan_table (scope_table (parent), parent->lo, parent->hi, path + parent->base, TRUE, scope);
}

/* The cast of the value at @path, in @parent. */
static gboolean
find_cast (const StrataCastScope *parent,
           const char            *path,
           CastKind              *cast)
{
  StrataCastScope scope;
  const char *after_service;

  if (parent->kind == SCOPE_SERVICE_TABLE || parent->kind == SCOPE_TOP_TABLE)
    {
      scope = *parent;
      if (!scan_table (scope_table (parent), parent->lo, parent->hi, path + parent->base, FALSE, &scope))
        return FALSE;
      return (*cast = scope_table (parent)[scope.lo].cast, TRUE);
    }
  if (parent->kind == SCOPE_SERVICE)
    {
      if (!scan_table (service_casts, 0, G_N_ELEMENTS (service_casts), path + parent->base, FALSE, &scope))
        return FALSE;
      return (*cast = service_casts[scope.lo].cast, TRUE);
    }
  /* g_strsplit ("", ".") has no parts and matches no pattern */
  if (path[0] == '\0')
    return FALSE;
  if (strncmp (path, "services.", strlen ("services.")) != 0)
    {
      if (!scan_table (top_casts, 0, G_N_ELEMENTS (top_casts), path, FALSE, &scope))
        return FALSE;
      return (*cast = top_casts[scope.lo].cast, TRUE);
    }
  after_service = strchr (path + strlen ("services."), '.');
  if (after_service == NULL ||
      !scan_table (service_casts, 0, G_N_ELEMENTS (service_casts), after_service + 1, FALSE, &scope))
    return FALSE;
  return (*cast = service_casts[scope.lo].cast, TRUE);
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
_strata_interpolate_cast (StrataNode            *node,
                          const StrataCastScope *parent,
                          const char            *path,
                          GPtrArray             *diagnostics,
                          GError               **error)
{
  g_autofree char *failure = NULL;
  g_autofree char *value = NULL;
  CastKind cast;

  if (node->kind != STRATA_NODE_SCALAR || node->type != STRATA_VALUE_STRING || path == NULL ||
      !find_cast (parent, path, &cast))
    return TRUE;

  if (cast == CAST_BOOL)
    value = parse_bool (node, diagnostics, &failure);
  else if (cast == CAST_FLOAT || cast == CAST_FLOAT32)
    value = parse_float (node->text, &failure);
  else
    value = parse_decimal (node->text, cast == CAST_INT ? "strconv.Atoi" : "strconv.ParseInt", &failure);

  if (value == NULL)
    {
      g_autofree char *shown = _strata_interpolation_display_path (path);

      return _strata_set_error (error, STRATA_COMPOSE_ERROR_INTERPOLATION, &node->pos, cast_hint (cast),
                                "error while interpolating %s: failed to cast to expected type: %s",
                                shown, failure);
    }

  strata_node_take_text (node, g_steal_pointer (&value));
  node->type = cast == CAST_BOOL ? STRATA_VALUE_BOOL
             : cast == CAST_FLOAT || cast == CAST_FLOAT32 ? STRATA_VALUE_FLOAT : STRATA_VALUE_INT;
  return TRUE;
}
