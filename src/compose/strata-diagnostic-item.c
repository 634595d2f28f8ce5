/* strata-diagnostic-item.c: A positioned message about the project, for list views
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Immutable: built once by StrataProject, read through properties.
 */

#include "config.h"

#include "strata-project-items-private.h"

struct _StrataDiagnosticItem
{
  GObject parent_instance;

  int severity;
  char *file;
  guint line;
  guint column;
  char *message;
  char *hint;
};

G_DEFINE_FINAL_TYPE (StrataDiagnosticItem, strata_diagnostic_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEVERITY,
  PROP_FILE,
  PROP_LINE,
  PROP_COLUMN,
  PROP_MESSAGE,
  PROP_HINT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
strata_diagnostic_item_finalize (GObject *object)
{
  StrataDiagnosticItem *self = (StrataDiagnosticItem *) object;

  g_free (self->file);
  g_free (self->message);
  g_free (self->hint);

  G_OBJECT_CLASS (strata_diagnostic_item_parent_class)->finalize (object);
}

static void
strata_diagnostic_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  StrataDiagnosticItem *self = STRATA_DIAGNOSTIC_ITEM (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      g_value_set_int (value, self->severity);
      break;
    case PROP_FILE:
      g_value_set_string (value, self->file);
      break;
    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;
    case PROP_COLUMN:
      g_value_set_uint (value, self->column);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_HINT:
      g_value_set_string (value, self->hint);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
strata_diagnostic_item_class_init (StrataDiagnosticItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = strata_diagnostic_item_finalize;
  object_class->get_property = strata_diagnostic_item_get_property;

  properties[PROP_SEVERITY] =
    g_param_spec_int ("severity", NULL, NULL, 0, G_MAXINT, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_string ("file", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLUMN] =
    g_param_spec_uint ("column", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HINT] =
    g_param_spec_string ("hint", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
strata_diagnostic_item_init (StrataDiagnosticItem *self)
{
}

StrataDiagnosticItem *
_strata_diagnostic_item_new (int                 severity,
                             const char         *file,
                             guint               line,
                             guint               column,
                             const char         *message,
                             const char         *hint)
{
  StrataDiagnosticItem *self = g_object_new (STRATA_TYPE_DIAGNOSTIC_ITEM, NULL);

  self->severity = severity;
  self->file = g_strdup (file);
  self->line = line;
  self->column = column;
  self->message = g_strdup (message);
  self->hint = g_strdup (hint);

  return self;
}

int
strata_diagnostic_item_get_severity (StrataDiagnosticItem *self)
{
  g_return_val_if_fail (STRATA_IS_DIAGNOSTIC_ITEM (self), 0);

  return self->severity;
}

const char *
strata_diagnostic_item_get_file (StrataDiagnosticItem *self)
{
  g_return_val_if_fail (STRATA_IS_DIAGNOSTIC_ITEM (self), NULL);

  return self->file;
}

guint
strata_diagnostic_item_get_line (StrataDiagnosticItem *self)
{
  g_return_val_if_fail (STRATA_IS_DIAGNOSTIC_ITEM (self), 0);

  return self->line;
}

guint
strata_diagnostic_item_get_column (StrataDiagnosticItem *self)
{
  g_return_val_if_fail (STRATA_IS_DIAGNOSTIC_ITEM (self), 0);

  return self->column;
}

const char *
strata_diagnostic_item_get_message (StrataDiagnosticItem *self)
{
  g_return_val_if_fail (STRATA_IS_DIAGNOSTIC_ITEM (self), NULL);

  return self->message;
}

const char *
strata_diagnostic_item_get_hint (StrataDiagnosticItem *self)
{
  g_return_val_if_fail (STRATA_IS_DIAGNOSTIC_ITEM (self), NULL);

  return self->hint;
}
