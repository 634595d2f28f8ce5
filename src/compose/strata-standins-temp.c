/* strata-standins-temp.c: TEMPORARY stand-ins, see strata-standins-temp.h
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TEMPORARY: delete when compose-reader and compose-output have landed.
 */

#include "config.h"

#include <string.h>

#include "strata-compose-error.h"
#include "strata-standins-temp.h"

/* ---- environment ---- */

struct _StrataEnvironment
{
  GHashTable *values;
};

StrataEnvironment *
strata_environment_new_from_envp (const char * const *envp)
{
  StrataEnvironment *env = g_new0 (StrataEnvironment, 1);

  env->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; envp != NULL && envp[i] != NULL; i++)
    {
      const char *eq = strchr (envp[i], '=');
      if (eq != NULL)
        g_hash_table_insert (env->values, g_strndup (envp[i], eq - envp[i]), g_strdup (eq + 1));
    }
  return env;
}

void
strata_environment_free (StrataEnvironment *env)
{
  if (env == NULL)
    return;
  g_hash_table_unref (env->values);
  g_free (env);
}

const char *
strata_environment_lookup (StrataEnvironment *env,
                           const char        *name,
                           StrataPosition    *pos)
{
  if (pos != NULL)
    memset (pos, 0, sizeof *pos);
  return g_hash_table_lookup (env->values, name);
}

void
strata_environment_set (StrataEnvironment    *env,
                        const char           *name,
                        const char           *value,
                        const StrataPosition *pos)
{
  g_hash_table_insert (env->values, g_strdup (name), g_strdup (value));
}

gboolean
strata_environment_load_dotenv (StrataEnvironment  *env,
                                StrataLayer        *layer,
                                gboolean            override_existing,
                                GError            **error)
{
  g_auto(GStrv) lines = g_strsplit (strata_layer_get_text (layer, NULL), "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      char *eq;
      char *value;
      gsize len;

      if (*line == 0 || *line == '#')
        continue;
      if (g_str_has_prefix (line, "export "))
        memmove (line, line + 7, strlen (line + 7) + 1);
      eq = strchr (line, '=');
      if (eq == NULL)
        continue;
      *eq = 0;
      value = g_strstrip (eq + 1);
      len = strlen (value);
      if (len >= 2 && (value[0] == '"' || value[0] == '\'') && value[len - 1] == value[0])
        {
          value[len - 1] = 0;
          value++;
        }
      g_strstrip (line);
      if (override_existing || !g_hash_table_contains (env->values, line))
        strata_environment_set (env, line, value, NULL);
    }
  return TRUE;
}

/* ---- interpolation: $VAR ${VAR} ${VAR:-d} ${VAR-d} $$ only ---- */

static char *
interpolate_text (const char        *s,
                  StrataEnvironment *env)
{
  GString *out = g_string_new (NULL);

  while (*s)
    {
      if (s[0] == '$' && s[1] == '$')
        {
          g_string_append_c (out, '$');
          s += 2;
        }
      else if (s[0] == '$' && s[1] == '{' && strchr (s, '}') != NULL)
        {
          const char *end = strchr (s, '}');
          g_autofree char *inner = g_strndup (s + 2, end - s - 2);
          char *dflt = strstr (inner, ":-");
          gboolean colon = dflt != NULL;
          const char *v;

          if (dflt == NULL)
            dflt = strchr (inner, '-');
          if (dflt != NULL)
            *dflt = 0;
          v = strata_environment_lookup (env, inner, NULL);
          if (dflt != NULL && (v == NULL || (colon && *v == 0)))
            v = dflt + (colon ? 2 : 1);
          g_string_append (out, v ? v : "");
          s = end + 1;
        }
      else if (s[0] == '$' && (g_ascii_isalpha (s[1]) || s[1] == '_'))
        {
          const char *p = s + 1;
          g_autofree char *name = NULL;
          const char *v;

          while (g_ascii_isalnum (*p) || *p == '_')
            p++;
          name = g_strndup (s + 1, p - s - 1);
          v = strata_environment_lookup (env, name, NULL);
          g_string_append (out, v ? v : "");
          s = p;
        }
      else
        g_string_append_c (out, *s++);
    }
  return g_string_free (out, FALSE);
}

gboolean
strata_interpolate_tree (StrataNode         *root,
                         StrataEnvironment  *env,
                         GPtrArray          *diagnostics,
                         GError            **error)
{
  if (root->kind == STRATA_NODE_SCALAR)
    {
      if (strchr (root->text, '$') != NULL)
        {
          char *text = interpolate_text (root->text, env);
          g_free (root->text);
          root->text = text;
          root->type = STRATA_VALUE_STRING;
        }
      return TRUE;
    }
  for (guint i = 0; i < root->children->len; i++)
    strata_interpolate_tree (g_ptr_array_index (root->children, i), env, diagnostics, error);
  return TRUE;
}
