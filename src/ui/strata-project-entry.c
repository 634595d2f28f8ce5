/* strata-project-entry.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-project-entry.h"

struct _StrataProjectEntry
{
  GObject             parent_instance;

  char               *path;
  char               *name;
  GStrv               config_files;
  StrataProjectState  state;
};

G_DEFINE_FINAL_TYPE (StrataProjectEntry, strata_project_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_NAME,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
strata_project_state_to_label (StrataProjectState state)
{
  switch (state)
    {
    case STRATA_PROJECT_STATE_NOT_CREATED:
      return _("Not created");
    case STRATA_PROJECT_STATE_STOPPED:
      return _("Stopped");
    case STRATA_PROJECT_STATE_PARTLY_RUNNING:
      return _("Partly running");
    case STRATA_PROJECT_STATE_RUNNING:
      return _("Running");
    case STRATA_PROJECT_STATE_UNKNOWN:
    default:
      return "";
    }
}

const char *
strata_project_state_to_css_class (StrataProjectState state)
{
  switch (state)
    {
    case STRATA_PROJECT_STATE_RUNNING:
      return "success";
    case STRATA_PROJECT_STATE_PARTLY_RUNNING:
      return "warning";
    case STRATA_PROJECT_STATE_STOPPED:
    case STRATA_PROJECT_STATE_NOT_CREATED:
    case STRATA_PROJECT_STATE_UNKNOWN:
    default:
      return "dim-label";
    }
}

static void
strata_project_entry_finalize (GObject *object)
{
  StrataProjectEntry *self = STRATA_PROJECT_ENTRY (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->config_files, g_strfreev);

  G_OBJECT_CLASS (strata_project_entry_parent_class)->finalize (object);
}

static void
strata_project_entry_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StrataProjectEntry *self = STRATA_PROJECT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
strata_project_entry_class_init (StrataProjectEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = strata_project_entry_finalize;
  object_class->get_property = strata_project_entry_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      STRATA_PROJECT_STATE_UNKNOWN, STRATA_PROJECT_STATE_RUNNING,
                      STRATA_PROJECT_STATE_UNKNOWN,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
strata_project_entry_init (StrataProjectEntry *self)
{
}

StrataProjectEntry *
strata_project_entry_new (const char *path)
{
  StrataProjectEntry *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (STRATA_TYPE_PROJECT_ENTRY, NULL);
  self->path = g_strdup (path);
  self->name = g_path_get_basename (path);

  return self;
}

/* A project found on the engine: its compose name, the working_dir and
 * config_files labels of its containers (absolute paths, in -f order). */
StrataProjectEntry *
strata_project_entry_new_for_engine (const char         *name,
                                     const char         *working_dir,
                                     const char * const *config_files)
{
  StrataProjectEntry *self;

  g_return_val_if_fail (name != NULL && working_dir != NULL, NULL);

  self = g_object_new (STRATA_TYPE_PROJECT_ENTRY, NULL);
  self->path = g_strdup (working_dir);
  self->name = g_strdup (name);
  self->config_files = g_strdupv ((char **) config_files);

  return self;
}

/* The files to open it with, or NULL for compose's defaults. */
const char * const *
strata_project_entry_get_config_files (StrataProjectEntry *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT_ENTRY (self), NULL);

  return (const char * const *) self->config_files;
}

const char *
strata_project_entry_get_path (StrataProjectEntry *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT_ENTRY (self), NULL);

  return self->path;
}

const char *
strata_project_entry_get_name (StrataProjectEntry *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT_ENTRY (self), NULL);

  return self->name;
}

StrataProjectState
strata_project_entry_get_state (StrataProjectEntry *self)
{
  g_return_val_if_fail (STRATA_IS_PROJECT_ENTRY (self), STRATA_PROJECT_STATE_UNKNOWN);

  return self->state;
}

void
strata_project_entry_set_state (StrataProjectEntry *self,
                                StrataProjectState  state)
{
  g_return_if_fail (STRATA_IS_PROJECT_ENTRY (self));

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}
