/* strata-node.h: positioned YAML nodes, the currency of src/compose/
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  STRATA_LAYER_ROLE_BASE,
  STRATA_LAYER_ROLE_OVERRIDE,
  STRATA_LAYER_ROLE_EXTENDS,
  STRATA_LAYER_ROLE_INCLUDE,
  STRATA_LAYER_ROLE_ENV_FILE,
} StrataLayerRole;

/* A layer is one loaded file: path, text, line index and role. Layers are
 * reference counted; nodes borrow them (whoever owns a tree keeps its layers
 * alive, as StrataProject does). */
typedef struct _StrataLayer StrataLayer;

StrataLayer     *strata_layer_new           (const char      *path,
                                             const char      *text,
                                             gsize            length,
                                             StrataLayerRole  role);
/* The same, keeping @text (g_malloc'd, NUL at @length) instead of a copy. */
StrataLayer     *strata_layer_new_take      (const char      *path,
                                             char            *text,
                                             gsize            length,
                                             StrataLayerRole  role);
StrataLayer     *strata_layer_new_from_file (const char      *path,
                                             StrataLayerRole  role,
                                             GError         **error);
StrataLayer     *strata_layer_ref           (StrataLayer     *layer);
void             strata_layer_unref         (StrataLayer     *layer);
const char      *strata_layer_get_path      (StrataLayer     *layer);
const char      *strata_layer_get_basename  (StrataLayer     *layer);
const char      *strata_layer_get_text      (StrataLayer     *layer,
                                             gsize           *length);
StrataLayerRole  strata_layer_get_role      (StrataLayer     *layer);
guint            strata_layer_get_n_lines   (StrataLayer     *layer);
char            *strata_layer_dup_line      (StrataLayer     *layer,
                                             guint            line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrataLayer, strata_layer_unref)

/* 1-based line and column in a layer; line 0 means "no position". */
typedef struct
{
  StrataLayer *layer;
  guint        line;
  guint        column;
} StrataPosition;

char            *strata_position_to_string  (const StrataPosition *pos);

typedef enum
{
  STRATA_NODE_SCALAR,
  STRATA_NODE_MAPPING,
  STRATA_NODE_SEQUENCE,
} StrataNodeKind;

typedef enum
{
  STRATA_SCALAR_STYLE_PLAIN,
  STRATA_SCALAR_STYLE_SINGLE_QUOTED,
  STRATA_SCALAR_STYLE_DOUBLE_QUOTED,
  STRATA_SCALAR_STYLE_LITERAL,
  STRATA_SCALAR_STYLE_FOLDED,
} StrataScalarStyle;

/* The type a scalar has once resolved (by the reader for plain scalars
 * following YAML's core schema, or by normalization for typed fields). */
typedef enum
{
  STRATA_VALUE_STRING,
  STRATA_VALUE_INT,
  STRATA_VALUE_FLOAT,
  STRATA_VALUE_BOOL,
  STRATA_VALUE_NULL,
  STRATA_VALUE_TIMESTAMP,  /* go-yaml decodes 2001-12-14 (and date-times) as time.Time */
} StrataValueType;

/* How a value of the merged tree got there. */
typedef enum
{
  STRATA_ORIGIN_DEFINED,
  STRATA_ORIGIN_OVERRIDDEN,
  STRATA_ORIGIN_APPENDED,
  STRATA_ORIGIN_MERGED_BY_KEY,
  STRATA_ORIGIN_REPLACED_BY_TARGET,
  STRATA_ORIGIN_RESET,
  STRATA_ORIGIN_OVERRIDE_TAG,
  STRATA_ORIGIN_DERIVED,
  STRATA_ORIGIN_INTERPOLATED,
} StrataOriginKind;

/* Output hints set by normalization for the emitters (strata-emit.h). */
typedef enum
{
  STRATA_NODE_FLAG_NONE      = 0,
  /* A mapping that is a Go map in compose's model: printed with its keys
   * sorted (go-yaml's order for YAML, byte order for JSON). A mapping without
   * this flag is a Go struct: printed in the order of its children. */
  STRATA_NODE_FLAG_MAP       = 1 << 0,
  /* A zero-valued struct that YAML's omitempty drops but encoding/json
   * prints (`ipam: {}`, `command: null`...): only the JSON emitter shows it. */
  STRATA_NODE_FLAG_JSON_ONLY = 1 << 1,
  /* A field of a Go struct without a json tag (blkio_config devices):
   * encoding/json prints its Go name, the key with its first letter
   * upper-cased ("Path"), where YAML prints the key. */
  STRATA_NODE_FLAG_GO_NAME   = 1 << 2,
  /* A depends_on entry naming a service that profiles disabled (set by
   * normalization; compose accepts it when the dependency is not required). */
  STRATA_NODE_FLAG_DISABLED  = 1 << 3,
  /* A field go-yaml prints but encoding/json's omitempty drops (a ulimit's
   * `soft: 0`): only the YAML emitter shows it. */
  STRATA_NODE_FLAG_YAML_ONLY = 1 << 4,
} StrataNodeFlags;

typedef struct _StrataNode StrataNode;

/* The children of a mapping or a sequence, in order, owned by the node
 * (and kept in its arena when it has one). pdata and len are named as a
 * GPtrArray's, so g_ptr_array_index (node->children, i) reads a child;
 * change the list only with the strata_node_*_child() functions. */
typedef struct
{
  StrataNode **pdata;
  guint        len;
  guint        alloc;
} StrataNodeList;

/* Positions a node keeps (what it shadowed, the variables it was
 * interpolated with). data and len are named as a GArray's, so
 * g_array_index (node->shadowed, StrataPosition, i) reads one; add to them
 * only with strata_node_add_shadowed() and strata_node_add_interpolated(). */
typedef struct
{
  StrataPosition *data;
  guint           len;
  guint           alloc;
} StrataPositionList;

struct _StrataNode
{
  /* What the node is and how it got there (bit-fields: a project has
   * hundreds of thousands of nodes). style and type are for scalars;
   * origin is filled in by the merge. */
  StrataNodeKind     kind   : 8;
  StrataScalarStyle  style  : 8;
  StrataValueType    type   : 8;
  StrataOriginKind   origin : 8;

  /* Output hints, see StrataNodeFlags. */
  StrataNodeFlags    flags;

  StrataPosition     pos;

  /* Private: the arena holding the node and its strings, or NULL when they
   * are allocated one by one (strata-arena.h). */
  gpointer           arena;

  /* Set when the node is the value of a mapping entry. */
  char              *key;
  StrataPosition     key_pos;

  /* The tag as written ("!reset", "!override", "!!str"...), or NULL.
   * Read key, tag and text directly; change them only with the
   * strata_node_set_*() functions below (they may live in an arena). */
  char              *tag;

  /* Scalars */
  char              *text;

  /* Mappings and sequences: children in document order (owned). */
  StrataNodeList    *children;

  StrataPositionList *shadowed;      /* or NULL */
  StrataPositionList *interpolated;  /* variable definitions, or NULL */

  /* Private to strata-node.c: a lookup index of a big mapping (hints that
   * are checked on use, so direct changes to children stay safe). */
  gpointer           index;
};

StrataNode      *strata_node_new_scalar     (const StrataPosition *pos,
                                             const char           *text,
                                             StrataValueType       type);
StrataNode      *strata_node_new_scalar_len (const StrataPosition *pos,
                                             const char           *text,
                                             gsize                 length,
                                             StrataValueType       type);
StrataNode      *strata_node_new_mapping    (const StrataPosition *pos);
StrataNode      *strata_node_new_sequence   (const StrataPosition *pos);
StrataNode      *strata_node_copy           (const StrataNode     *node);
void             strata_node_free           (StrataNode           *node);

StrataNode      *strata_node_lookup         (const StrataNode     *mapping,
                                             const char           *key);
const char      *strata_node_lookup_text    (const StrataNode     *mapping,
                                             const char           *key);
void             strata_node_append         (StrataNode           *parent,
                                             StrataNode           *child);
void             strata_node_set            (StrataNode           *mapping,
                                             const char           *key,
                                             StrataNode           *value);
StrataNode      *strata_node_steal          (StrataNode           *mapping,
                                             const char           *key);
gboolean         strata_node_remove         (StrataNode           *mapping,
                                             const char           *key);
gboolean         strata_node_is_null        (const StrataNode     *node);
void             strata_node_set_text       (StrataNode           *node,
                                             const char           *text);
void             strata_node_set_text_len   (StrataNode           *node,
                                             const char           *text,
                                             gsize                 length);
void             strata_node_take_text      (StrataNode           *node,
                                             char                 *text);
void             strata_node_set_key        (StrataNode           *node,
                                             const char           *key);
void             strata_node_set_tag        (StrataNode           *node,
                                             const char           *tag);
/* strata_node_set_key () for a @key that outlives the node (a string
 * literal): a node of an arena keeps the pointer instead of a copy. */
void             strata_node_set_key_static (StrataNode           *node,
                                             const char           *key);
void             strata_node_add_shadowed   (StrataNode           *node,
                                             const StrataPosition *pos);
void             strata_node_add_interpolated (StrataNode         *node,
                                             const StrataPosition *pos);
void             strata_node_insert_child   (StrataNode           *parent,
                                             guint                 index,
                                             StrataNode           *child);
StrataNode      *strata_node_steal_child    (StrataNode           *parent,
                                             guint                 index);
void             strata_node_remove_child   (StrataNode           *parent,
                                             guint                 index);
void             strata_node_set_n_children (StrataNode           *parent,
                                             guint                 n_children);
void             strata_node_forget_children (StrataNode          *parent,
                                             guint                 n_children);
gboolean         strata_node_remove_node    (StrataNode           *parent,
                                             StrataNode           *child);
GPtrArray       *strata_node_steal_children (StrataNode           *node);
void             strata_node_append_many    (StrataNode           *parent,
                                             StrataNode * const   *children,
                                             guint                 n_children);
void             strata_node_insert_many    (StrataNode           *parent,
                                             guint                 index,
                                             StrataNode * const   *children,
                                             guint                 n_children);
void             strata_node_make_collection (StrataNode          *node,
                                             StrataNodeKind        kind);

/* Inline: they are called for every child of every walk. */
static inline guint
strata_node_get_n_children (const StrataNode *node)
{
  return node != NULL && node->children ? node->children->len : 0;
}

static inline StrataNode *
strata_node_get_child (const StrataNode *node,
                       guint             index)
{
  g_return_val_if_fail (node->children != NULL, NULL);
  g_return_val_if_fail (index < node->children->len, NULL);

  return node->children->pdata[index];
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrataNode, strata_node_free)

G_END_DECLS
