/* strata-arena-private.h: what strata-node.c takes from an arena
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-arena.h"
#include "strata-node.h"

G_BEGIN_DECLS

/* The arena entered on this thread, or NULL. */
StrataArena *_strata_arena_current  (void);
/* A zeroed node slot, released with the arena. */
StrataNode  *_strata_arena_new_node (StrataArena *arena);
gpointer     _strata_arena_alloc    (StrataArena *arena,
                                     gsize        size);
char        *_strata_arena_strndup  (StrataArena *arena,
                                     const char  *text,
                                     gsize        length);

G_END_DECLS
