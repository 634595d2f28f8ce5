/* strata-test-yaml.h: a throwaway libyaml → StrataNode reader for unit tests
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only for tests of the output side until the real reader (strata-yaml.h)
 * lands: plain scalars resolved with YAML's core schema, quoted ones are
 * strings, no anchors or merge keys.
 */

#pragma once

#include "strata-node.h"

G_BEGIN_DECLS

StrataNode *strata_test_yaml_parse     (StrataLayer *layer);
StrataNode *strata_test_yaml_load_file (const char  *path,
                                        StrataLayer **layer_out);
char       *strata_test_read_data      (const char  *first,
                                        ...) G_GNUC_NULL_TERMINATED;
StrataNode *strata_test_json_parse      (const char  *text);
void        strata_test_undouble_dollars (StrataNode *node);
void        strata_test_interpolate_dollars (StrataNode *node);

G_END_DECLS
