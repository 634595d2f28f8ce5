/* strata-environment.c: variables for interpolation
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-environment.h"

typedef struct
{
  char           *name;
  char           *value;
  StrataPosition  pos;
} Entry;

struct _StrataEnvironment
{
  GHashTable *entries;  /* name -> Entry* (owned) */
  GPtrArray  *order;    /* of Entry*, borrowed, definition order */
  GPtrArray  *layers;   /* of StrataLayer*, referenced by positions */
};

static void
entry_free (Entry *entry)
{
  g_free (entry->name);
  g_free (entry->value);
  g_free (entry);
}

StrataEnvironment *
strata_environment_new (void)
{
  StrataEnvironment *env = g_atomic_rc_box_new0 (StrataEnvironment);

  env->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) entry_free);
  env->order = g_ptr_array_new ();
  env->layers = g_ptr_array_new_with_free_func ((GDestroyNotify) strata_layer_unref);
  return env;
}

/* The process environment: "NAME=value" strings, as from g_get_environ(). */
StrataEnvironment *
strata_environment_new_from_envp (const char * const *envp)
{
  StrataEnvironment *env = strata_environment_new ();

  for (guint i = 0; envp != NULL && envp[i] != NULL; i++)
    {
      const char *eq = strchr (envp[i], '=');
      g_autofree char *name = NULL;

      if (eq == NULL || eq == envp[i])
        continue;
      name = g_strndup (envp[i], eq - envp[i]);
      strata_environment_set (env, name, eq + 1, NULL);
    }

  return env;
}

StrataEnvironment *
strata_environment_copy (StrataEnvironment *env)
{
  StrataEnvironment *copy = strata_environment_new ();

  for (guint i = 0; i < env->order->len; i++)
    {
      Entry *entry = g_ptr_array_index (env->order, i);

      strata_environment_set (copy, entry->name, entry->value, &entry->pos);
    }
  return copy;
}

StrataEnvironment *
strata_environment_ref (StrataEnvironment *env)
{
  return g_atomic_rc_box_acquire (env);
}

static void
strata_environment_clear (StrataEnvironment *env)
{
  g_ptr_array_unref (env->order);
  g_hash_table_unref (env->entries);
  g_ptr_array_unref (env->layers);
}

void
strata_environment_unref (StrataEnvironment *env)
{
  g_atomic_rc_box_release_full (env, (GDestroyNotify) strata_environment_clear);
}

const char *
strata_environment_lookup (StrataEnvironment *env,
                           const char        *name,
                           StrataPosition    *out_pos)
{
  Entry *entry;

  g_return_val_if_fail (env != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  entry = g_hash_table_lookup (env->entries, name);
  if (out_pos != NULL)
    *out_pos = entry ? entry->pos : (StrataPosition) { NULL, 0, 0 };
  return entry ? entry->value : NULL;
}

static void
keep_layer (StrataEnvironment *env,
            StrataLayer       *layer)
{
  if (layer == NULL)
    return;
  for (guint i = env->layers->len; i > 0; i--)
    if (g_ptr_array_index (env->layers, i - 1) == layer)
      return;
  g_ptr_array_add (env->layers, strata_layer_ref (layer));
}

/* Sets @name; an existing entry keeps its place in the order. @pos may be
 * NULL (the process environment). */
void
strata_environment_set (StrataEnvironment    *env,
                        const char           *name,
                        const char           *value,
                        const StrataPosition *pos)
{
  Entry *entry;

  g_return_if_fail (env != NULL);
  g_return_if_fail (name != NULL && value != NULL);

  entry = g_hash_table_lookup (env->entries, name);
  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      entry->name = g_strdup (name);
      g_hash_table_insert (env->entries, entry->name, entry);
      g_ptr_array_add (env->order, entry);
    }

  g_free (entry->value);
  entry->value = g_strdup (value);
  entry->pos = pos ? *pos : (StrataPosition) { NULL, 0, 0 };
  keep_layer (env, entry->pos.layer);
}

gboolean
strata_environment_unset (StrataEnvironment *env,
                          const char        *name)
{
  Entry *entry = g_hash_table_lookup (env->entries, name);

  if (entry == NULL)
    return FALSE;
  g_ptr_array_remove (env->order, entry);
  g_hash_table_remove (env->entries, name);
  return TRUE;
}

guint
strata_environment_get_size (StrataEnvironment *env)
{
  return env->order->len;
}

char **
strata_environment_dup_names (StrataEnvironment *env)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **names;

  for (guint i = 0; i < env->order->len; i++)
    g_strv_builder_add (builder, ((Entry *) g_ptr_array_index (env->order, i))->name);
  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return names;
}

char **
strata_environment_dup_envp (StrataEnvironment *env)
{
  char **envp = g_new0 (char *, env->order->len + 1);

  for (guint i = 0; i < env->order->len; i++)
    {
      Entry *entry = g_ptr_array_index (env->order, i);

      envp[i] = g_strconcat (entry->name, "=", entry->value, NULL);
    }
  return envp;
}
