/* strata-cli-globals.c: the global flags, accepted before or after the verb
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-cli-private.h"

typedef enum
{
  GLOBAL_FILE,
  GLOBAL_PROJECT_NAME,
  GLOBAL_PROJECT_DIRECTORY,
  GLOBAL_ENV_FILE,
  GLOBAL_PROFILE,
} GlobalFlag;

static const struct {
  const char *short_name;
  const char *long_name;
  GlobalFlag  flag;
} global_flags[] = {
  { "-f", "--file", GLOBAL_FILE },
  { "-p", "--project-name", GLOBAL_PROJECT_NAME },
  { NULL, "--project-directory", GLOBAL_PROJECT_DIRECTORY },
  { NULL, "--env-file", GLOBAL_ENV_FILE },
  { NULL, "--profile", GLOBAL_PROFILE },
};

void
strata_cli_globals_free (StrataCliGlobals *globals)
{
  if (globals == NULL)
    return;

  g_free (globals->verb);
  g_ptr_array_unref (globals->files);
  g_free (globals->project_name);
  g_free (globals->project_directory);
  g_ptr_array_unref (globals->env_files);
  g_ptr_array_unref (globals->profiles);
  g_ptr_array_unref (globals->args);
  g_free (globals);
}

/* Matches @arg against the global flags: "-f", "--file" or "--file=VALUE".
 * Sets @inline_value when the value is part of @arg. */
static gboolean
match_global (const char  *arg,
              GlobalFlag  *flag,
              const char **inline_value)
{
  *inline_value = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (global_flags); i++)
    {
      const char *long_name = global_flags[i].long_name;
      gsize len = strlen (long_name);

      *flag = global_flags[i].flag;
      if (g_strcmp0 (arg, global_flags[i].short_name) == 0 || strcmp (arg, long_name) == 0)
        return TRUE;
      if (strncmp (arg, long_name, len) == 0 && arg[len] == '=')
        {
          *inline_value = arg + len + 1;
          return TRUE;
        }
    }

  return FALSE;
}

static void
store_global (StrataCliGlobals *globals,
              GlobalFlag        flag,
              const char       *value)
{
  switch (flag)
    {
    case GLOBAL_FILE:
      g_ptr_array_add (globals->files, g_strdup (value));
      break;
    case GLOBAL_PROJECT_NAME:
      g_free (globals->project_name);
      globals->project_name = g_strdup (value);
      break;
    case GLOBAL_PROJECT_DIRECTORY:
      g_free (globals->project_directory);
      globals->project_directory = g_strdup (value);
      break;
    case GLOBAL_ENV_FILE:
      g_ptr_array_add (globals->env_files, g_strdup (value));
      break;
    case GLOBAL_PROFILE:
      g_ptr_array_add (globals->profiles, g_strdup (value));
      break;
    default:
      g_assert_not_reached ();
    }
}

static StrataCliGlobals *
globals_new (void)
{
  StrataCliGlobals *globals = g_new0 (StrataCliGlobals, 1);

  globals->files = g_ptr_array_new_with_free_func (g_free);
  globals->env_files = g_ptr_array_new_with_free_func (g_free);
  globals->profiles = g_ptr_array_new_with_free_func (g_free);
  globals->args = g_ptr_array_new_with_free_func (g_free);

  return globals;
}

/* After these verbs, "-f" is theirs (logs -f follows, rm -f forces), as
 * in compose, where global flags come before the verb. */
static gboolean
verb_owns_short_f (const char *verb,
                   const char *arg)
{
  return g_strcmp0 (arg, "-f") == 0 && (g_strcmp0 (verb, "logs") == 0 || g_strcmp0 (verb, "rm") == 0);
}

/* Splits argv into the global flags, the verb (the first operand) and the
 * rest. Everything after "--" is kept as operands. */
StrataCliGlobals *
strata_cli_globals_parse (int                 argc,
                          const char * const *argv,
                          GError            **error)
{
  g_autoptr(StrataCliGlobals) globals = globals_new ();
  gboolean operands_only = FALSE;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value;
      GlobalFlag flag;

      if (!operands_only && strcmp (arg, "--") == 0)
        operands_only = TRUE;
      else if (!operands_only && !verb_owns_short_f (globals->verb, arg) && match_global (arg, &flag, &value))
        {
          if (value == NULL && i + 1 >= argc)
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("flag needs an argument: %s"), arg);
              return NULL;
            }
          store_global (globals, flag, value ? value : argv[++i]);
        }
      else if (globals->verb == NULL && (operands_only || arg[0] != '-'))
        globals->verb = g_strdup (arg);
      else
        g_ptr_array_add (globals->args, g_strdup (arg));
    }

  g_ptr_array_add (globals->args, NULL);

  return g_steal_pointer (&globals);
}
