/* strata-canonical-private.h
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-node.h"

G_BEGIN_DECLS

StrataNode *_strata_derived_scalar  (const StrataNode *from,
                                     const char       *key,
                                     const char       *text,
                                     StrataValueType   type);
StrataNode *_strata_derived_mapping (const StrataNode *from,
                                     const char       *key);
/* The same with a key that is a string literal (kept, not copied). */
StrataNode *_strata_derived_scalar_static  (const StrataNode *from,
                                            const char       *key,
                                            const char       *text,
                                            StrataValueType   type);
StrataNode *_strata_derived_scalar_len_static (const StrataNode *from,
                                                const char       *key,
                                                const char       *text,
                                                gsize             length,
                                                StrataValueType   type);
StrataNode *_strata_derived_mapping_static (const StrataNode *from,
                                            const char       *key);
/* `"" key ""` does not compile unless @key is a literal. */
#define _strata_derived_field(from, key, text, type) \
  _strata_derived_scalar_static ((from), "" key "", (text), (type))
#define _strata_derived_field_len(from, key, text, length, type) \
  _strata_derived_scalar_len_static ((from), "" key "", (text), (length), (type))
#define _strata_derived_field_mapping(from, key) \
  _strata_derived_mapping_static ((from), "" key "")
/* Sets @error to "place: message" and, when @hint is set, the fix on a
 * second line (as strata_diagnostic_format () prints). Returns FALSE. */
gboolean    _strata_set_error       (GError               **error,
                                     gint                   code,
                                     const StrataPosition  *pos,
                                     const char            *hint,
                                     const char            *format,
                                     ...) G_GNUC_PRINTF (5, 6);
/* The key's position for a mapping value, else the node's. */
const StrataPosition *_strata_node_place (const StrataNode *node);
gboolean    _strata_type_error      (GError          **error,
                                     const StrataNode *node,
                                     const char       *path,
                                     const char       *expected);

/* The generic rewrites (strata-canonical-forms.c). */
gboolean    _strata_list_to_mapping  (StrataNode       *parent,
                                      const char       *key,
                                      const char       *path,
                                      GError          **error);
void        _strata_string_to_list   (StrataNode       *parent,
                                      const char       *key);
void        _strata_string_to_struct (StrataNode       *parent,
                                      const char       *key,
                                      const char       *field);
void        _strata_list_to_null_map (StrataNode       *parent,
                                      const char       *key);
void        _strata_set_default      (StrataNode       *mapping,
                                      const char       *key,
                                      const char       *text,
                                      StrataValueType   type);

/* gpus and deploy device requests (strata-canonical-gpus.c). */
gboolean    _strata_canonical_gpus   (StrataNode       *service,
                                      const char       *name,
                                      GError          **error);

/* One service (strata-canonical-service.c). */
gboolean    _strata_canonical_service (StrataNode      *service,
                                       const char      *name,
                                       GError         **error);

/* One port short form ("127.0.0.1:8001-8002:8000-8001/udp") as long-form
 * mappings appended to @list, or FALSE with @error set. */
gboolean    _strata_parse_port      (const StrataNode *spec,
                                     StrataNode       *list,
                                     GError          **error);
/* Go's path.Clean (). */
char       *_strata_clean_path      (const char       *path);

/* One volume short form ("./src:/srv:ro") as a long-form mapping. */
StrataNode *_strata_parse_volume    (const StrataNode *spec,
                                     GError          **error);

G_END_DECLS
