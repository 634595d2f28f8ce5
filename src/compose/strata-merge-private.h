/* strata-merge-private.h: what the merge files share
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-merge.h"

G_BEGIN_DECLS

/* How the entries of a list are told apart (compose-go's "unicity"). */
typedef enum
{
  STRATA_UNIQUE_NONE,
  STRATA_UNIQUE_KEY_VALUE,  /* the part before '=' */
  STRATA_UNIQUE_EXACT,      /* the whole text */
  STRATA_UNIQUE_VOLUME,     /* the container target */
  STRATA_UNIQUE_DEVICE,     /* the container path */
  STRATA_UNIQUE_SECRET,     /* target, default /run/secrets/<source> */
  STRATA_UNIQUE_CONFIG,     /* target, default /<source> */
  STRATA_UNIQUE_PORT,       /* host_ip:published:target/protocol */
  STRATA_UNIQUE_ENV_FILE,   /* the path */
} StrataUnique;

typedef struct
{
  GPtrArray   *changes;  /* StrataLayerChange, or NULL */
  const char **path;     /* borrowed keys down to the value being merged */
  guint        depth;
  guint        alloc;
  GError     **error;
  const char  *inline_path[24];
} StrataMergeCtx;

void          _strata_merge_ctx_init    (StrataMergeCtx   *ctx,
                                         GPtrArray        *changes,
                                         GError          **error);
void          _strata_merge_ctx_clear   (StrataMergeCtx   *ctx);
void          _strata_merge_ctx_grow    (StrataMergeCtx   *ctx);

static inline void
_strata_merge_push (StrataMergeCtx *ctx,
                    const char     *key)
{
  if (ctx->depth == ctx->alloc)
    _strata_merge_ctx_grow (ctx);
  ctx->path[ctx->depth++] = key;
}

static inline void
_strata_merge_pop (StrataMergeCtx *ctx)
{
  ctx->depth--;
}

StrataUnique  _strata_merge_unique_for  (StrataMergeCtx   *ctx);
char         *_strata_merge_path        (StrataMergeCtx   *ctx,
                                         gint              index);
void          _strata_merge_record      (StrataMergeCtx   *ctx,
                                         StrataChangeKind  kind,
                                         gint              index,
                                         const StrataNode *old_node,
                                         const StrataNode *new_node);
void          _strata_merge_shadow      (StrataNode       *node,
                                         const StrataNode *old_node);
/* The entries a file brings to a list: a set of nodes. */
typedef struct
{
  GPtrArray  *items;
  GHashTable *set;    /* of the items, when they are many; or NULL */
} StrataMergeFresh;

gboolean      _strata_merge_fresh_contains (const StrataMergeFresh *fresh,
                                            const StrataNode       *node);
void          _strata_merge_dedup       (StrataMergeCtx         *ctx,
                                         StrataNode             *sequence,
                                         StrataUnique            unique,
                                         const StrataMergeFresh *fresh);
void          _strata_merge_unicity     (StrataMergeCtx   *ctx,
                                         StrataNode       *node);

G_END_DECLS
