/* fuzz-yaml.c: libFuzzer target for the compose model: the YAML reader,
 * interpolation and the .env parser on the raw bytes, then the whole load
 * (merge, extends, normalization, checks) and both emitters, as
 * `strata -f - config` would run them.
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "strata-diagnostic.h"
#include "strata-emit.h"
#include "strata-interpolate.h"
#include "strata-project.h"
#include "strata-yaml.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
fuzz_reader (StrataLayer *layer)
{
  g_autoptr(StrataEnvironment) env = strata_environment_new ();
  g_autoptr(StrataEnvironment) dotenv = NULL;
  g_autoptr(GPtrArray) diagnostics = strata_diagnostics_new ();
  g_autoptr(GPtrArray) documents = strata_yaml_read_documents (layer, NULL);

  for (guint i = 0; documents != NULL && i < documents->len; i++)
    strata_interpolate_tree (g_ptr_array_index (documents, i), env, diagnostics, NULL);

  /* The .env parser gets the same bytes. */
  dotenv = strata_environment_parse_dotenv (layer, NULL, diagnostics, NULL);
}

/* The project folder is an empty folder made once, so that relative paths
 * resolve somewhere harmless and nothing is found by discovery. */
static const char *
project_folder (void)
{
  static char *folder = NULL;

  if (folder == NULL)
    folder = g_dir_make_tmp ("strata-fuzz-XXXXXX", NULL);
  return folder;
}

static void
fuzz_load (const uint8_t *data,
           size_t         size)
{
  g_autoptr(StrataLoadOptions) options = strata_load_options_new ();
  g_autoptr(StrataProject) project = NULL;
  char *empty_environment[] = { NULL };
  g_autofree char *yaml = NULL;
  g_autofree char *json = NULL;

  g_ptr_array_add (options->files, g_strdup ("-"));
  options->stdin_text = g_strndup ((const char *) data, size);
  options->project_name = g_strdup ("fuzz");
  options->environment = g_strdupv (empty_environment);
  options->cwd = g_strdup (project_folder ());

  project = strata_project_load (options, NULL, NULL);
  if (project == NULL)
    return;

  yaml = strata_emit_yaml (strata_project_get_normalized (project));
  json = strata_emit_json (strata_project_get_normalized (project), FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(StrataLayer) layer = strata_layer_new ("/fuzz/compose.yaml", (const char *) data,
                                                  size, STRATA_LAYER_ROLE_BASE);

  fuzz_reader (layer);
  fuzz_load (data, size);

  return 0;
}
