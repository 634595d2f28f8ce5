/* strata-project.c: a loaded compose project, an immutable snapshot
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The load runs in a worker thread (GTask); the object it yields never
 * changes. A reload makes a new StrataProject.
 *
 * What not every user needs (the list models, the layers' traps) is built
 * when first asked for. That needs no lock: a project is used by one thread
 * at a time, the one that loaded it, or the main thread once an async load
 * has handed it over; the async load builds all of it in its worker thread
 * first, so that the window never waits for it.
 */

#include "config.h"

#include "strata-project.h"
#include "strata-project-models-private.h"
#include "strata-project-private.h"

struct _StrataProject
{
  GObject parent_instance;

  /* owned; the list models are NULL until first asked for */
  StrataProjectData *data;
  GListStore        *diagnostics;
  GListStore        *services;
  GListStore        *networks;
  GListStore        *volumes;
};

G_DEFINE_FINAL_TYPE (StrataProject, strata_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_WORKING_DIR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
strata_project_finalize (GObject *object)
{
  StrataProject *self = (StrataProject *) object;

  g_clear_object (&self->diagnostics);
  g_clear_object (&self->services);
  g_clear_object (&self->networks);
  g_clear_object (&self->volumes);
  g_clear_pointer (&self->data, _strata_project_data_free);

  G_OBJECT_CLASS (strata_project_parent_class)->finalize (object);
}

static void
strata_project_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  StrataProject *self = STRATA_PROJECT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, strata_project_get_name (self));
      break;
    case PROP_WORKING_DIR:
      g_value_set_string (value, strata_project_get_working_dir (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
strata_project_class_init (StrataProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = strata_project_finalize;
  object_class->get_property = strata_project_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKING_DIR] =
    g_param_spec_string ("working-dir", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
strata_project_init (StrataProject *self)
{
}

static StrataProject *
project_new (StrataProjectData *data)
{
  StrataProject *self = g_object_new (STRATA_TYPE_PROJECT, NULL);

  self->data = data;
  return self;
}

/* Builds what is otherwise built when first asked for. */
static void
project_prepare (StrataProject *self)
{
  strata_project_get_diagnostics (self);
  strata_project_get_layer_diffs (self);
  strata_project_get_services (self);
  strata_project_get_networks (self);
  strata_project_get_volumes (self);
}

StrataProject *
strata_project_load (const StrataLoadOptions  *options,
                     GCancellable             *cancellable,
                     GError                  **error)
{
  StrataProjectData *data;

  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);

  data = _strata_project_data_load (options, cancellable, error);
  return data ? project_new (data) : NULL;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const StrataLoadOptions *options = task_data;
  GError *error = NULL;
  StrataProject *project = strata_project_load (options, cancellable, &error);

  if (project == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  project_prepare (project);
  g_task_return_pointer (task, project, g_object_unref);
}

void
strata_project_load_async (const StrataLoadOptions *options,
                           GCancellable            *cancellable,
                           GAsyncReadyCallback      callback,
                           gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (options != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, strata_project_load_async);
  g_task_set_task_data (task, strata_load_options_copy (options),
                        (GDestroyNotify) strata_load_options_free);
  g_task_run_in_thread (task, load_thread);
}

StrataProject *
strata_project_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == strata_project_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
strata_project_get_name (StrataProject *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT (self), NULL);
  return self->data->name;
}

const char *
strata_project_get_working_dir (StrataProject *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT (self), NULL);
  return self->data->working_dir;
}

/* The compose files, in merge order (StrataLayer). */
GPtrArray *
strata_project_get_layers (StrataProject *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT (self), NULL);
  return self->data->layers;
}

GPtrArray *
strata_project_get_config_files (StrataProject *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT (self), NULL);
  return self->data->config_files;
}

const char * const *
strata_project_get_profiles (StrataProject *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT (self), NULL);
  return (const char * const *) self->data->profiles;
}

/* The merged tree as the files made it, or NULL when the load options did
 * not keep it (keep_merged). */
const StrataNode *
strata_project_get_merged (StrataProject *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT (self), NULL);
  return self->data->merged;
}

const StrataNode *
strata_project_get_normalized (StrataProject *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT (self), NULL);
  return self->data->normalized;
}

/* What interpolation used: the process environment and the env files. */
StrataEnvironment *
strata_project_get_environment (StrataProject *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT (self), NULL);
  return self->data->environment;
}

/* The diagnostics as StrataDiagnostic structures. */
GPtrArray *
strata_project_get_diagnostic_list (StrataProject *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT (self), NULL);
  return self->data->diagnostics;
}

GListModel *
strata_project_get_diagnostics (StrataProject *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT (self), NULL);
  if (self->diagnostics == NULL)
    self->diagnostics = _strata_project_build_diagnostics (self->data);
  return G_LIST_MODEL (self->diagnostics);
}

/* One StrataLayerDiff per compose file (the first has no changes), with
 * the traps of each (neither changes nor traps when the merged tree was
 * not kept). */
GPtrArray *
strata_project_get_layer_diffs (StrataProject *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT (self), NULL);
  _strata_project_data_find_traps (self->data);
  return self->data->diffs;
}

GListModel *
strata_project_get_services (StrataProject *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT (self), NULL);
  if (self->services == NULL)
    self->services = _strata_project_build_services (self->data);
  return G_LIST_MODEL (self->services);
}

GListModel *
strata_project_get_networks (StrataProject *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT (self), NULL);
  if (self->networks == NULL)
    self->networks = _strata_project_build_networks (self->data);
  return G_LIST_MODEL (self->networks);
}

GListModel *
strata_project_get_volumes (StrataProject *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT (self), NULL);
  if (self->volumes == NULL)
    self->volumes = _strata_project_build_volumes (self->data);
  return G_LIST_MODEL (self->volumes);
}
