/* strata-change-entry.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-change-entry.h"

struct _StrataChangeEntry
{
  GObject           parent_instance;

  gboolean          warning;
  StrataChangeKind  kind;
  char             *file;
  char             *path;       /* services.django.ports[1], or the warning's place */
  char             *before;
  char             *after;
  char             *before_place;
  char             *after_place;
  char             *message;    /* warnings */
  char             *hint;
};

G_DEFINE_FINAL_TYPE (StrataChangeEntry, strata_change_entry, G_TYPE_OBJECT)

const char *
strata_change_kind_to_label (StrataChangeKind kind)
{
  switch (kind)
    {
    case STRATA_CHANGE_ADDED:
      return _("added");
    case STRATA_CHANGE_OVERRIDDEN:
      return _("overridden");
    case STRATA_CHANGE_APPENDED:
      return _("appended");
    case STRATA_CHANGE_MERGED_BY_KEY:
      return _("merged by key");
    case STRATA_CHANGE_REPLACED_BY_TARGET:
      return _("replaced by target");
    case STRATA_CHANGE_RESET:
      return _("reset");
    case STRATA_CHANGE_OVERRIDE_TAG:
      return _("replaced (!override)");
    default:
      return _("changed");
    }
}

static char *
place (const StrataPosition *pos)
{
  if (pos->layer == NULL || pos->line == 0)
    return NULL;

  return g_strdup_printf ("%s:%u", strata_layer_get_basename (pos->layer), pos->line);
}

static void
strata_change_entry_finalize (GObject *object)
{
  StrataChangeEntry *self = STRATA_CHANGE_ENTRY (object);

  g_free (self->file);
  g_free (self->path);
  g_free (self->before);
  g_free (self->after);
  g_free (self->before_place);
  g_free (self->after_place);
  g_free (self->message);
  g_free (self->hint);

  G_OBJECT_CLASS (strata_change_entry_parent_class)->finalize (object);
}

static void
strata_change_entry_class_init (StrataChangeEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = strata_change_entry_finalize;
}

static void
strata_change_entry_init (StrataChangeEntry *self)
{
}

StrataChangeEntry *
strata_change_entry_new_change (StrataLayer             *layer,
                                const StrataLayerChange *change)
{
  StrataChangeEntry *self = g_object_new (STRATA_TYPE_CHANGE_ENTRY, NULL);

  self->kind = change->kind;
  self->file = g_strdup (strata_layer_get_basename (layer));
  self->path = g_strdup (change->path);
  self->before = g_strdup (change->old_value);
  self->after = g_strdup (change->new_value);
  self->before_place = place (&change->old_pos);
  self->after_place = place (&change->new_pos);

  return self;
}

StrataChangeEntry *
strata_change_entry_new_warning (StrataLayer            *layer,
                                 const StrataDiagnostic *warning)
{
  StrataChangeEntry *self = g_object_new (STRATA_TYPE_CHANGE_ENTRY, NULL);

  self->warning = TRUE;
  self->file = g_strdup (strata_layer_get_basename (layer));
  self->path = place (&warning->pos);
  self->message = g_strdup (warning->message);
  self->hint = g_strdup (warning->hint);

  return self;
}

#define GETTER(type, name, expr) \
  type \
  strata_change_entry_get_##name (StrataChangeEntry *self) \
  { \
    g_return_val_if_fail (STRATA_IS_CHANGE_ENTRY (self), 0); \
    return expr; \
  }

GETTER (StrataChangeKind, kind, self->kind)
GETTER (const char *, file, self->file)
GETTER (const char *, path, self->path)
GETTER (const char *, before, self->before)
GETTER (const char *, after, self->after)
GETTER (const char *, before_place, self->before_place)
GETTER (const char *, after_place, self->after_place)
GETTER (const char *, message, self->message)
GETTER (const char *, hint, self->hint)

gboolean
strata_change_entry_is_warning (StrataChangeEntry *self)
{
  g_return_val_if_fail (STRATA_IS_CHANGE_ENTRY (self), FALSE);

  return self->warning;
}
