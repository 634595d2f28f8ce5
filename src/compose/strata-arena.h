/* strata-arena.h: one allocation for all the nodes of a load
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A project's trees hold some hundred thousand nodes and strings. Made one
 * by one with malloc, they cost a third of a load, scattered the trees over
 * the heap and took as long again to free. While an arena is entered on a
 * thread, the nodes that thread makes (strata_node_new_*, strata_node_copy)
 * and their text, key, tag, children lists, positions and lookup indexes
 * are carved from the arena's blocks, in the order they are made;
 * strata_node_free() of such a node does nothing, and freeing the arena
 * frees its blocks at once, without looking at a node. Nodes made outside
 * an arena are allocated and freed one by one.
 *
 * So a tree made in an arena must not outlive it, and an arena serves one
 * thread at a time. */
typedef struct _StrataArena StrataArena;

StrataArena *strata_arena_new   (void);
void         strata_arena_free  (StrataArena *arena);

/* Makes @arena the current one of this thread (NULL: none) until
 * strata_arena_leave(), and returns the one it replaced. */
StrataArena *strata_arena_enter (StrataArena *arena);
void         strata_arena_leave (StrataArena *previous);

/* Moves every node and string of @other into @arena, which frees them with
 * its own, and frees @other. For trees made on other threads (each in its
 * own arena) and then put together: one arena frees them all, wherever
 * their nodes ended up. Neither arena may be in use on another thread. */
void         strata_arena_adopt (StrataArena *arena,
                                 StrataArena *other);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrataArena, strata_arena_free)

G_END_DECLS
