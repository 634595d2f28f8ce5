/* strata-merge.h: compose's merge rules, with provenance
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-layer-diff.h"
#include "strata-node.h"

G_BEGIN_DECLS

/* Merges @file_root (one file, interpolated and in canonical form; taken)
 * into @merged (the accumulated model, a mapping, empty for the first
 * file), following COMPOSE-RULES.md §3: `!reset` removes, `!override`
 * replaces, keyed lists are de-duplicated (last value wins, at the first
 * position). Every value that changes gets its origin and the positions it
 * shadowed. When @changes is not NULL, appends a StrataLayerChange for each
 * change. */
gboolean strata_merge_file    (StrataNode  *merged,
                               StrataNode  *file_root,
                               GPtrArray   *changes,
                               GError     **error);

/* Takes the `!reset` entries out of @file_root (before its canonical
 * transform, which has no use for them): a GPtrArray of opaque resets. */
GPtrArray *strata_merge_take_resets  (StrataNode  *file_root);

/* Removes what the @resets name from @merged (before the file's merge),
 * recording a STRATA_CHANGE_RESET in @changes (may be NULL). */
void       strata_merge_apply_resets (StrataNode  *merged,
                                      GPtrArray   *resets,
                                      GPtrArray   *changes);

/* Merges the service @service (taken) onto @base, a copy of the service it
 * extends, with the same rules (`extends`). */
gboolean strata_merge_service (StrataNode  *base,
                               StrataNode  *service,
                               GError     **error);

G_END_DECLS
