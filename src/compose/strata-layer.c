/* strata-layer.c: one loaded file with its line index
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "strata-compose-error.h"
#include "strata-node.h"

struct _StrataLayer
{
  char            *path;
  char            *basename;
  char            *text;
  gsize            length;
  StrataLayerRole  role;
  /* of gsize, offset of each line: made on first use (loading a project
   * needs none), see line_starts() */
  GArray          *line_starts;
};

static GArray *
index_lines (const char *text,
             gsize       length)
{
  GArray *starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), length / 32 + 1);
  const char *end = text + length;
  gsize start = 0;

  g_array_append_val (starts, start);
  for (const char *p = text; (p = memchr (p, '\n', end - p)) != NULL && ++p < end;)
    {
      start = p - text;
      g_array_append_val (starts, start);
    }

  return starts;
}

/* The line index, made once even when threads ask at the same time. */
static GArray *
line_starts (StrataLayer *layer)
{
  if (g_once_init_enter (&layer->line_starts))
    g_once_init_leave (&layer->line_starts, index_lines (layer->text, layer->length));
  return layer->line_starts;
}

/* A layer keeping @text, which is @length bytes, NUL-terminated there and
 * allocated with g_malloc(). */
StrataLayer *
strata_layer_new_take (const char      *path,
                       char            *text,
                       gsize            length,
                       StrataLayerRole  role)
{
  StrataLayer *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (text != NULL && text[length] == '\0', NULL);

  self = g_atomic_rc_box_new0 (StrataLayer);
  self->path = g_strdup (path);
  self->basename = g_path_get_basename (path);
  self->text = text;
  self->length = length;
  self->role = role;

  return self;
}

StrataLayer *
strata_layer_new (const char      *path,
                  const char      *text,
                  gsize            length,
                  StrataLayerRole  role)
{
  char *copy;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  copy = g_malloc (length + 1);
  if (length > 0)
    memcpy (copy, text, length);
  copy[length] = '\0';
  return strata_layer_new_take (path, copy, length, role);
}

/* Reads @path into a new layer. A missing file is
 * STRATA_COMPOSE_ERROR_NOT_FOUND; other failures keep G_FILE_ERROR. */
StrataLayer *
strata_layer_new_from_file (const char       *path,
                            StrataLayerRole   role,
                            GError          **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, STRATA_COMPOSE_ERROR, STRATA_COMPOSE_ERROR_NOT_FOUND,
                     "%s: no such file", path);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return strata_layer_new_take (path, g_steal_pointer (&contents), length, role);
}

StrataLayer *
strata_layer_ref (StrataLayer *layer)
{
  return g_atomic_rc_box_acquire (layer);
}

static void
strata_layer_clear (StrataLayer *self)
{
  g_free (self->path);
  g_free (self->basename);
  g_free (self->text);
  g_clear_pointer (&self->line_starts, g_array_unref);
}

void
strata_layer_unref (StrataLayer *layer)
{
  g_atomic_rc_box_release_full (layer, (GDestroyNotify) strata_layer_clear);
}

const char *
strata_layer_get_path (StrataLayer *layer)
{
  return layer->path;
}

const char *
strata_layer_get_basename (StrataLayer *layer)
{
  return layer->basename;
}

const char *
strata_layer_get_text (StrataLayer *layer,
                       gsize       *length)
{
  if (length != NULL)
    *length = layer->length;
  return layer->text;
}

StrataLayerRole
strata_layer_get_role (StrataLayer *layer)
{
  return layer->role;
}

guint
strata_layer_get_n_lines (StrataLayer *layer)
{
  return line_starts (layer)->len;
}

/* Returns line @line (1-based) without its newline, or NULL. */
char *
strata_layer_dup_line (StrataLayer *layer,
                       guint        line)
{
  GArray *starts = line_starts (layer);
  gsize start;
  const char *end;

  if (line == 0 || line > starts->len)
    return NULL;

  start = g_array_index (starts, gsize, line - 1);
  end = memchr (layer->text + start, '\n', layer->length - start);
  if (end == NULL)
    end = layer->text + layer->length;

  return g_strndup (layer->text + start, end - (layer->text + start));
}

char *
strata_position_to_string (const StrataPosition *pos)
{
  const char *name = pos->layer ? strata_layer_get_basename (pos->layer) : "<input>";

  if (pos->line == 0)
    return g_strdup (name);
  if (pos->column == 0)
    return g_strdup_printf ("%s:%u", name, pos->line);
  return g_strdup_printf ("%s:%u:%u", name, pos->line, pos->column);
}
