/* strata-up-mounts.c: a service's volumes as Binds and Mounts
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * compose v2.26.1 (buildContainerVolumes): a bind that creates its missing
 * host folder and has no propagation goes as a "src:dst:rw" string, since
 * only the old Binds API creates the folder; everything else as a Mount.
 * Named volumes take their engine name; anonymous ones inherit the volume
 * of the container being replaced.
 */

#include "config.h"

#include "strata-up-private.h"

/* A bind the old Binds API can express: compose's !requireMountAPI. */
static gboolean
is_simple_bind (JsonObject *volume)
{
  JsonObject *bind = _strata_json_object_member (volume, "bind");

  if (g_strcmp0 (_strata_json_string (volume, "type"), "bind") != 0)
    return FALSE;

  return bind == NULL || (_strata_json_bool (bind, "create_host_path")
                          && _strata_json_string (bind, "propagation") == NULL
                          && _strata_json_string (bind, "recursive") == NULL);
}

/* compose-go's ServiceVolumeConfig.String(). */
static char *
bind_string (JsonObject *volume)
{
  JsonObject *bind = _strata_json_object_member (volume, "bind");
  GString *s = g_string_new (NULL);

  g_string_printf (s, "%s:%s:%s", _strata_json_string (volume, "source"),
                   _strata_json_string (volume, "target"),
                   _strata_json_bool (volume, "read_only") ? "ro" : "rw");
  if (_strata_json_string (bind, "selinux") != NULL)
    g_string_append_printf (s, ",%s", _strata_json_string (bind, "selinux"));
  if (_strata_json_string (bind, "propagation") != NULL)
    g_string_append_printf (s, ",%s", _strata_json_string (bind, "propagation"));

  return g_string_free (s, FALSE);
}

static void
add_binds (JsonBuilder *b,
           JsonArray   *volumes)
{
  gboolean any = FALSE;

  for (guint i = 0; volumes != NULL && i < json_array_get_length (volumes); i++)
    any = any || is_simple_bind (json_array_get_object_element (volumes, i));
  if (!any)
    return;
  json_builder_set_member_name (b, "Binds");
  json_builder_begin_array (b);
  for (guint i = 0; volumes != NULL && i < json_array_get_length (volumes); i++)
    {
      JsonObject *volume = json_array_get_object_element (volumes, i);
      g_autofree char *text = NULL;

      if (is_simple_bind (volume))
        json_builder_add_string_value (b, text = bind_string (volume));
    }
  json_builder_end_array (b);
}

/* The volume the replaced container had at @target (anonymous volumes live on). */
static const char *
inherited_volume (const StrataCreateSpec *spec,
                  const char             *target)
{
  for (guint i = 0; spec->inherit_mounts != NULL && i < json_array_get_length (spec->inherit_mounts); i++)
    {
      JsonObject *mount = json_array_get_object_element (spec->inherit_mounts, i);

      if (g_strcmp0 (_strata_json_string (mount, "Type"), "volume") == 0
          && g_strcmp0 (_strata_json_string (mount, "Destination"), target) == 0)
        return _strata_json_string (mount, "Name");
    }

  return NULL;
}

static void
add_mount_options (JsonBuilder *b,
                   const char  *type,
                   JsonObject  *volume)
{
  JsonObject *options = _strata_json_object_member (volume, type);

  if (g_str_equal (type, "volume"))
    {
      json_builder_set_member_name (b, "VolumeOptions");
      json_builder_begin_object (b);
      if (_strata_json_bool (options, "nocopy"))
        {
          json_builder_set_member_name (b, "NoCopy");
          json_builder_add_boolean_value (b, TRUE);
        }
      _strata_up_put_string (b, "Subpath", _strata_json_string (options, "subpath"));
      json_builder_end_object (b);
    }
  else if (g_str_equal (type, "bind") && options != NULL)
    {
      json_builder_set_member_name (b, "BindOptions");
      json_builder_begin_object (b);
      _strata_up_put_string (b, "Propagation", _strata_json_string (options, "propagation"));
      json_builder_end_object (b);
    }
  else if (g_str_equal (type, "tmpfs") && options != NULL)
    {
      json_builder_set_member_name (b, "TmpfsOptions");
      json_builder_begin_object (b);
      _strata_up_put_int (b, options, "size", "SizeBytes");
      _strata_up_put_int (b, options, "mode", "Mode");
      json_builder_end_object (b);
    }
}

static void
add_mount (JsonBuilder            *b,
           const StrataCreateSpec *spec,
           JsonObject             *volume)
{
  const char *type = _strata_json_string (volume, "type");
  const char *source = _strata_json_string (volume, "source");
  const char *target = _strata_json_string (volume, "target");

  if (g_strcmp0 (type, "volume") == 0)
    source = source ? _strata_up_resource_name (spec->project, "volumes", source)
                    : inherited_volume (spec, target);
  json_builder_begin_object (b);
  _strata_up_put_string (b, "Type", type);
  _strata_up_put_string (b, "Source", source);
  _strata_up_put_string (b, "Target", target);
  if (_strata_json_bool (volume, "read_only"))
    {
      json_builder_set_member_name (b, "ReadOnly");
      json_builder_add_boolean_value (b, TRUE);
    }
  add_mount_options (b, type ? type : "", volume);
  json_builder_end_object (b);
}

void
_strata_up_add_mounts (JsonBuilder            *b,
            const StrataCreateSpec *spec)
{
  JsonArray *volumes = _strata_json_array (spec->service, "volumes");

  add_binds (b, volumes);
  json_builder_set_member_name (b, "Mounts");
  json_builder_begin_array (b);
  for (guint i = 0; volumes != NULL && i < json_array_get_length (volumes); i++)
    {
      JsonObject *volume = json_array_get_object_element (volumes, i);

      if (!is_simple_bind (volume))
        add_mount (b, spec, volume);
    }
  json_builder_end_array (b);
}

