/* strata-test-tree.h: small helpers for tests of the compose model
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-node.h"

G_BEGIN_DECLS

/* Reads @text as a file named @name (a layer kept alive by the caller). */
StrataNode *strata_test_read   (const char  *name,
                                const char  *text,
                                GPtrArray   *layers);
/* The tree in one-line flow style, whole: {a: 1, b: [x, y]}. */
char       *strata_test_flow   (const StrataNode *node);
/* The node at a dotted path ("services.web.ports.1"), or NULL. */
const StrataNode *strata_test_at (const StrataNode *root,
                                  const char       *path);

/* Writes @text to @dir/@name, making the folders on the way. */
void        strata_test_write_file  (const char *dir,
                                     const char *name,
                                     const char *text);
/* Removes @path and everything below it. */
void        strata_test_remove_tree (const char *path);

G_END_DECLS
