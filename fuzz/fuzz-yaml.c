/* fuzz-yaml.c: libFuzzer target for the YAML reader and interpolation
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "strata-diagnostic.h"
#include "strata-interpolate.h"
#include "strata-yaml.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(StrataLayer) layer = strata_layer_new ("/fuzz/compose.yaml", (const char *) data,
                                                  size, STRATA_LAYER_ROLE_BASE);
  g_autoptr(StrataEnvironment) env = strata_environment_new ();
  g_autoptr(GPtrArray) diagnostics = strata_diagnostics_new ();
  g_autoptr(GPtrArray) documents = NULL;

  documents = strata_yaml_read_documents (layer, NULL);
  if (documents == NULL)
    return 0;

  for (guint i = 0; i < documents->len; i++)
    strata_interpolate_tree (g_ptr_array_index (documents, i), env, diagnostics, NULL);

  /* The .env parser gets the same bytes. */
  g_clear_pointer (&env, strata_environment_unref);
  env = strata_environment_parse_dotenv (layer, NULL, diagnostics, NULL);

  return 0;
}
