/* strata-schema-private.h: compose-go's model as printed by `config` (v2.26.1)
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table per Go struct of compose-go v2.0.x's types package, fields in
 * struct order (which is the order both yaml.v3 and encoding/json print),
 * each with the Go type that decides how a value is cast and whether an
 * empty value is left out (`omitempty`). The orders were read from the
 * compose CLI's output (tests/unit/data/config/).
 */

#pragma once

#include "strata-node.h"

G_BEGIN_DECLS

typedef enum
{
  STRATA_SCHEMA_STRING,    /* string, omitempty */
  STRATA_SCHEMA_INT,       /* int64 or uint, omitempty */
  STRATA_SCHEMA_PINT,      /* a pointer to int: printed even when 0 */
  STRATA_SCHEMA_FLOAT,     /* float32, omitempty */
  STRATA_SCHEMA_BOOL,      /* bool, omitempty */
  STRATA_SCHEMA_PBOOL,     /* *bool, or bool without omitempty */
  STRATA_SCHEMA_BYTES,     /* UnitBytes: the byte count as a string */
  STRATA_SCHEMA_DURATION,  /* Duration: Go's time.Duration.String () */
  STRATA_SCHEMA_MODE,      /* FileMode: an int, octal when written as a string */
  STRATA_SCHEMA_STRUCT,    /* a struct (see sub) */
  STRATA_SCHEMA_LIST,      /* []elem */
  STRATA_SCHEMA_MAP,       /* map[string]elem */
  STRATA_SCHEMA_ANY,       /* interface{}: printed as written, mappings as maps */
  STRATA_SCHEMA_NULLABLE_STRING, /* *string in a map: null stays null */
} StrataSchemaKind;

typedef enum
{
  STRATA_SCHEMA_FIELD_NONE          = 0,
  STRATA_SCHEMA_FIELD_KEEP_EMPTY    = 1 << 0,  /* a pointer: printed even when empty */
  STRATA_SCHEMA_FIELD_JSON_EMPTY    = 1 << 1,  /* a value struct: JSON prints {} when absent */
  STRATA_SCHEMA_FIELD_JSON_NULL     = 1 << 2,  /* no omitempty in JSON: null when absent */
  STRATA_SCHEMA_FIELD_INPUT_ONLY    = 1 << 3,  /* accepted in a file, not a field of the model */
  STRATA_SCHEMA_FIELD_OUTPUT_ONLY   = 1 << 4,  /* in the model, but compose-spec.json rejects it */
  STRATA_SCHEMA_FIELD_GO_NAME       = 1 << 5,  /* no json tag: JSON prints "Path" for path */
  STRATA_SCHEMA_FIELD_YAML_ZERO     = 1 << 6,  /* YAML prints 0 when absent, JSON omits it */
  STRATA_SCHEMA_FIELD_DROPPED       = 1 << 7,  /* accepted in a file, never printed */
  STRATA_SCHEMA_FIELD_REQUIRED      = 1 << 8,  /* compose-spec.json's "required" */
} StrataSchemaFieldFlags;

typedef struct _StrataSchemaStruct StrataSchemaStruct;

/* No struct has more fields (strata-schema-index.c checks it). */
#define STRATA_SCHEMA_MAX_FIELDS 120

/* Sets of a struct's fields, a bit per field. */
typedef struct
{
  guint64 bits[2];
} StrataSchemaFieldSet;

static inline gboolean
_strata_schema_field_set_has (const StrataSchemaFieldSet *set,
                              guint                       f)
{
  return (set->bits[f / 64] >> (f % 64)) & 1;
}

/* A struct's fields by name (strata-schema-index.c): built on first use,
 * read-only after that. */
typedef struct
{
  gsize                 ready;
  guint8                slots[256];  /* field + 1 by hash, probing on; 0: none */
  guint8                defaults[STRATA_SCHEMA_MAX_FIELDS];  /* fields printed when absent */
  guint                 n_defaults;
  StrataSchemaFieldSet  model;       /* all but INPUT_ONLY fields (DROPPED ones are in) */
  StrataSchemaFieldSet  parsed;      /* fields that hold a duration or byte size, or a struct that does */
} StrataSchemaIndex;

typedef struct
{
  const char                *name;
  StrataSchemaKind           kind;
  StrataSchemaKind           elem;   /* for LIST and MAP */
  const StrataSchemaStruct  *sub;    /* for STRUCT, or STRUCT elements */
  StrataSchemaFieldFlags     flags;
  /* What a file may hold there (compose-spec.json of the compose CLI), for
   * strata-validate-schema.c: JSON types (string number integer boolean
   * null object array), "a,b" for a value of either type, "a|b" for
   * oneOf alternatives (whose error names only the first). NULL: derived
   * from kind. @item is the same for list items and map values. */
  const char                *input;
  const char                *item;
} StrataSchemaField;

struct _StrataSchemaStruct
{
  const char              *name;
  const StrataSchemaField *fields;
  guint                    n_fields;
  StrataSchemaIndex       *index;
};

const StrataSchemaStruct *_strata_schema_project (void);
const StrataSchemaStruct *_strata_schema_service (void);

/* strata-schema-index.c: the index of the field of @schema named @key
 * (the first one, as a scan in order finds it), or -1. */
gint  _strata_schema_field_index (const StrataSchemaStruct *schema,
                                  const char               *key);

/* The fields of a struct that a mapping has, in struct order. */
typedef struct
{
  StrataNode           *nodes[STRATA_SCHEMA_MAX_FIELDS];  /* by field: set for the listed ones */
  StrataSchemaFieldSet  listed;
  guint8                fields[STRATA_SCHEMA_MAX_FIELDS]; /* the listed fields, ascending */
  guint                 n_fields;
} StrataSchemaMatch;

typedef enum
{
  STRATA_SCHEMA_MATCH_MODEL,     /* the fields of the model (and DROPPED ones) */
  STRATA_SCHEMA_MATCH_DEFAULTS,  /* the same, and fields printed when absent
                                  * (JSON_EMPTY, JSON_NULL, YAML_ZERO) listed
                                  * even then, with a NULL node */
  STRATA_SCHEMA_MATCH_PARSED,    /* only the fields that hold a duration or a
                                  * byte size, or a struct that does */
} StrataSchemaMatchSet;

/* Walks the children of @mapping once and lists in @match each field of
 * @which that a child names, with the first such child (as
 * strata_node_lookup () finds it). When @rest is not NULL, the children
 * that took no field are written there in order (it may be the children's
 * own storage: each goes no further than where it was). Returns their
 * count. */
guint _strata_schema_match       (const StrataSchemaStruct *schema,
                                  const StrataNode         *mapping,
                                  StrataSchemaMatchSet      which,
                                  StrataSchemaMatch        *match,
                                  gpointer                 *rest);

/* The same for the fields in @want only (which must not hold INPUT_ONLY ones). */
void  _strata_schema_match_only  (const StrataSchemaStruct   *schema,
                                  const StrataNode           *mapping,
                                  const StrataSchemaFieldSet *want,
                                  StrataSchemaMatch          *match);

static inline void
_strata_schema_field_set_add (StrataSchemaFieldSet *set,
                              guint                 f)
{
  set->bits[f / 64] |= G_GUINT64_CONSTANT (1) << (f % 64);
}

/* The node of field @name in @match, or NULL. */
StrataNode *_strata_schema_match_get (const StrataSchemaStruct *schema,
                                      const StrataSchemaMatch  *match,
                                      const char               *name);

/* Whether any field of @schema holds a duration or byte size, or a struct
 * that does: compose-go's decoding can fail only there. */
gboolean _strata_schema_parses    (const StrataSchemaStruct *schema);

/* Puts @node (a value of the given kind) into the printed shape: struct
 * fields reordered, scalars cast, maps flagged, empty omitempty fields
 * removed. Returns FALSE when @node is empty and should be left out. */
gboolean _strata_schema_shape (StrataNode               *node,
                               StrataSchemaKind          kind,
                               StrataSchemaKind          elem,
                               const StrataSchemaStruct *sub,
                               StrataSchemaFieldFlags    flags);

/* strata-units.c: casting helpers, also used by normalization. The _full
 * forms set *@message (when not NULL) to Go's error on failure. */
gboolean _strata_parse_bytes          (const char  *text,
                                       gint64      *bytes);
gboolean _strata_parse_bytes_full     (const char  *text,
                                       gint64      *bytes,
                                       char       **message);
gboolean _strata_parse_duration       (const char  *text,
                                       gint64      *nanoseconds);
gboolean _strata_parse_duration_full  (const char  *text,
                                       gint64      *nanoseconds,
                                       char       **message);
char    *_strata_format_duration      (gint64       nanoseconds);
/* The same into @buf (STRATA_DURATION_BUF_SIZE bytes); returns the length. */
#define STRATA_DURATION_BUF_SIZE 48
gsize    _strata_format_duration_buf  (gint64       nanoseconds,
                                       char        *buf);

G_END_DECLS
