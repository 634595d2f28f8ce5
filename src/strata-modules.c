/* strata-modules.c: finding and opening the strata-engine and strata-ui modules
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "strata-modules.h"

/* The module next to the executable (a build folder), else the installed one. */
static char *
find_module (const char *name)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  if (exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (exe);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }

  return g_build_filename (PKGLIBDIR, name, NULL);
}

StrataModuleStatus
strata_module_load (const char  *name,
                    const char  *symbol,
                    gpointer    *entry,
                    char       **path,
                    char       **detail)
{
  const char *why;
  GModule *module;

  *entry = NULL;
  *path = find_module (name);
  *detail = NULL;

  if (!g_file_test (*path, G_FILE_TEST_EXISTS))
    return STRATA_MODULE_MISSING;

  module = g_module_open (*path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      why = g_module_error ();
      *detail = g_strdup (why != NULL ? why : "");
      return STRATA_MODULE_UNLOADABLE;
    }
  g_module_make_resident (module);

  if (!g_module_symbol (module, symbol, entry) || *entry == NULL)
    {
      why = g_module_error ();
      *detail = g_strdup (why != NULL ? why : "");
      return STRATA_MODULE_FOREIGN;
    }

  return STRATA_MODULE_OK;
}
