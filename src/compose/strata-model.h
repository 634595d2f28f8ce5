/* strata-model.h: the model `config --no-interpolate` prints
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "strata-environment.h"
#include "strata-node.h"

G_BEGIN_DECLS

/* Without interpolation compose cannot type the project, so `config
 * --no-interpolate` prints compose-go's map model instead (ToModel): the
 * merged files in long forms, paths resolved, compose-go's Normalize
 * applied (default network, build defaults, env files in long form, bare
 * environment keys looked up, resource names), every profile kept,
 * scalars as written and every mapping with its keys sorted. @merged is a
 * project's merged tree (not changed); the result is a new tree for
 * strata_model_to_yaml () or strata_model_to_json (). Known gaps:
 * lists that Strata's canonical form turns into maps (environment and
 * labels) print as lists when written as lists or merged from several
 * files, as compose does, but other fields keep Strata's long forms. */
StrataNode *strata_model_new (const StrataNode  *merged,
                              const char        *project_name,
                              const char        *working_dir,
                              StrataEnvironment *environment);

/* The YAML and JSON of `config --no-interpolate`: as strata_emit_yaml ()
 * and strata_emit_json (), but `$` is not doubled. */
char       *strata_model_to_yaml (const StrataNode *model);
char       *strata_model_to_json (const StrataNode *model);

G_END_DECLS
