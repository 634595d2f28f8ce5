/* strata-canonical-parse.c: the short syntaxes of ports and volumes
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ports follow docker/go-connections nat.ParsePortSpec as compose-go's
 * ParsePortConfig uses it; volumes follow compose-go's format.ParseVolume
 * (including its Windows drive rule: a single letter before ':' stays in
 * the path, so "a:b:c:d" is source "a:b", target "c:d").
 */

#include "config.h"

#include <glib/gi18n.h>

#include <stdlib.h>
#include <string.h>

#include "strata-canonical-private.h"
#include "strata-compose-error.h"

#define PORT_HINT N_("Write [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL] with ports from 0 to 65535, " \
                       "e.g. \"8080:80\" or \"127.0.0.1:5432:5432/tcp\".")

/* g_ascii_strtoull on the @length bytes at @text alone: "80" of "80-90". */
static gboolean
parse_port_number (const char *text,
                   gsize       length,
                   guint64    *value)
{
  char buffer[32];
  g_autofree char *copy = NULL;
  const char *part = buffer;
  char *rest;

  if (length == 0)
    return FALSE;
  if (length < sizeof buffer)
    {
      memcpy (buffer, text, length);
      buffer[length] = '\0';
    }
  else
    part = copy = g_strndup (text, length);
  *value = g_ascii_strtoull (part, &rest, 10);
  return *rest == '\0';
}

/* "80" or "80-90", as nat.ParsePortRange takes them */
static gboolean
parse_range (const char *text,
             guint64    *start,
             guint64    *end)
{
  const char *dash = strchr (text, '-');

  if (dash == NULL)
    {
      if (!parse_port_number (text, strlen (text), start) || *start > 65535)
        return FALSE;
      *end = *start;
      return TRUE;
    }
  if (!parse_port_number (text, dash - text, start) || *start > 65535)
    return FALSE;
  return parse_port_number (dash + 1, strlen (dash + 1), end) && *end >= *start && *end <= 65535;
}

/* "%" G_GUINT64_FORMAT into @buffer (at least 21 bytes), without printf */
static const char *
format_port (guint64  value,
             char    *buffer)
{
  char *p = buffer + 20;

  *p = '\0';
  do
    {
      *--p = '0' + value % 10;
      value /= 10;
    }
  while (value > 0);
  return p;
}

static StrataNode *
port_entry (const StrataNode *spec,
            const char       *host_ip,
            guint64           target,
            const char       *published,
            const char       *protocol)
{
  StrataNode *entry = _strata_derived_mapping (spec, NULL);
  char target_text[21];

  strata_node_append (entry, _strata_derived_field (spec, "mode", "ingress", STRATA_VALUE_STRING));
  if (host_ip[0] != '\0')
    strata_node_append (entry, _strata_derived_field (spec, "host_ip", host_ip, STRATA_VALUE_STRING));
  strata_node_append (entry, _strata_derived_field (spec, "target", format_port (target, target_text),
                                                     STRATA_VALUE_INT));
  if (published[0] != '\0')
    strata_node_append (entry, _strata_derived_field (spec, "published", published, STRATA_VALUE_STRING));
  strata_node_append (entry, _strata_derived_field (spec, "protocol", protocol, STRATA_VALUE_STRING));
  return entry;
}

static int
compare_port_keys (gconstpointer a,
                   gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* compose-go sorts the expanded ports of a range by their "port/proto" text:
 * 10, 100, 11, ... */
static GArray *
sorted_ports (guint64 start,
              guint64 end)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GArray *ports = g_array_new (FALSE, FALSE, sizeof (guint64));

  for (guint64 p = start; p <= end; p++)
    g_ptr_array_add (keys, g_strdup_printf ("%" G_GUINT64_FORMAT, p));
  g_ptr_array_sort (keys, compare_port_keys);
  for (guint i = 0; i < keys->len; i++)
    {
      guint64 port = g_ascii_strtoull (g_ptr_array_index (keys, i), NULL, 10);
      g_array_append_val (ports, port);
    }
  return ports;
}

static void
append_ports (StrataNode       *list,
              const StrataNode *spec,
              const char       *ip,
              const char       *host,
              guint64           start,
              guint64           end,
              guint64           hstart,
              guint64           hend,
              const char       *protocol)
{
  g_autoptr(GArray) ports = NULL;
  char number[21];

  if (start == end)
    {
      g_autofree char *range = NULL;
      const char *published = "";

      if (host[0] != '\0' && hstart != hend)
        published = range = g_strdup_printf ("%" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT, hstart, hend);
      else if (host[0] != '\0')
        published = format_port (hstart, number);
      strata_node_append (list, port_entry (spec, ip, start, published, protocol));
      return;
    }

  ports = sorted_ports (start, end);
  for (guint i = 0; i < ports->len; i++)
    {
      guint64 port = g_array_index (ports, guint64, i);
      const char *published = host[0] == '\0' ? "" : format_port (hstart + (port - start), number);

      strata_node_append (list, port_entry (spec, ip, port, published, protocol));
    }
}

gboolean
_strata_parse_port (const StrataNode  *spec,
                    StrataNode        *list,
                    GError           **error)
{
  char buffer[128];
  g_autofree char *copy = NULL;
  gsize length = strlen (spec->text);
  char *raw = length < sizeof buffer ? memcpy (buffer, spec->text, length + 1)
                                     : (copy = g_strdup (spec->text));
  char protocol[16] = "tcp";
  g_autofree char *long_protocol = NULL;
  char *colon, *ip = raw;
  const char *host = "", *container = raw;
  gsize ip_length;
  guint64 start, end, hstart = 0, hend = 0;
  char *slash = strrchr (raw, '/');

  if (slash != NULL)
    {
      gsize protocol_length = strlen (slash + 1);

      *slash = '\0';
      if (protocol_length < sizeof protocol)
        for (gsize i = 0; i <= protocol_length; i++)
          protocol[i] = g_ascii_tolower (slash[1 + i]);
      else
        long_protocol = g_ascii_strdown (slash + 1, -1);
    }
  /* [[HOST_IP:]HOST:]CONTAINER, the IP keeping any colons of its own */
  if ((colon = strrchr (raw, ':')) != NULL)
    {
      *colon = '\0';
      container = colon + 1;
      host = raw;
      if ((colon = strrchr (raw, ':')) != NULL)
        {
          *colon = '\0';
          host = colon + 1;
        }
      else
        ip = (char *) "";
    }
  else
    ip = (char *) "";
  ip_length = strlen (ip);
  if (ip[0] == '[' && ip[ip_length - 1] == ']')
    {
      ip[ip_length - 1] = '\0';
      ip++;
    }

  if (!parse_range (container, &start, &end))
    return _strata_set_error (error, STRATA_COMPOSE_ERROR_TYPE, &spec->pos, _(PORT_HINT),
                              "Invalid containerPort: %s", container);
  if (host[0] != '\0' && !parse_range (host, &hstart, &hend))
    return _strata_set_error (error, STRATA_COMPOSE_ERROR_TYPE, &spec->pos, _(PORT_HINT),
                              "Invalid hostPort: %s", host);

  append_ports (list, spec, ip, host, start, end, hstart, hend,
                long_protocol != NULL ? long_protocol : protocol);
  return TRUE;
}

/* Whether path.Clean leaves @path as it is: "/" or parts that are neither
 * empty, "." nor "..", with no slash at the end. */
static gboolean
is_clean_path (const char *path)
{
  const char *part = path;

  if (path[0] == '/')
    {
      if (path[1] == '\0')
        return TRUE;
      part++;
    }
  for (;;)
    {
      const char *end = part;
      gsize length;

      while (*end != '\0' && *end != '/')
        end++;
      length = end - part;
      if (length == 0 || (part[0] == '.' && (length == 1 || (length == 2 && part[1] == '.'))))
        return FALSE;
      if (*end == '\0')
        return TRUE;
      part = end + 1;
    }
}

/* Go's path.Clean: "/etc/app/" and "/etc//x/../app" are "/etc/app". */
char *
_strata_clean_path (const char *path)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  gboolean rooted = path[0] == '/';
  g_autofree char *joined = NULL;

  if (is_clean_path (path))
    return g_strdup (path);
  parts = g_strsplit (path, "/", -1);
  kept = g_ptr_array_new ();
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = parts[i];
      const char *last = kept->len > 0 ? g_ptr_array_index (kept, kept->len - 1) : NULL;

      if (part[0] == '\0' || g_str_equal (part, "."))
        continue;
      if (g_str_equal (part, "..") && last != NULL && !g_str_equal (last, ".."))
        g_ptr_array_remove_index (kept, kept->len - 1);
      else if (!g_str_equal (part, "..") || !rooted)
        g_ptr_array_add (kept, (gpointer) part);
    }
  g_ptr_array_add (kept, NULL);
  joined = g_strjoinv ("/", (char **) kept->pdata);
  if (rooted)
    return g_strconcat ("/", joined, NULL);
  return joined[0] != '\0' ? g_steal_pointer (&joined) : g_strdup (".");
}

/* Whether the @length bytes at @source name a file (not a volume). */
static gboolean
is_file_path (const char *source,
              gsize       length)
{
  char second = length > 1 ? source[1] : '\0';

  if (length == 0)
    return FALSE;
  if (source[0] == '.' || source[0] == '/' || source[0] == '~' || (source[0] == '\\' && second == '\\'))
    return TRUE;
  return g_ascii_isalpha (source[0]) && second == ':';
}

static void
set_volume_option (StrataNode       *volume,
                   const StrataNode *spec,
                   const char       *option)
{
  const char *propagations[] = { "shared", "rshared", "slave", "rslave", "private", "rprivate", NULL };

  if (g_str_equal (option, "ro") || g_str_equal (option, "rw"))
    strata_node_set (volume, "read_only",
                     _strata_derived_field (spec, "read_only", option[1] == 'o' ? "true" : "false",
                                             STRATA_VALUE_BOOL));
  else if (g_str_equal (option, "nocopy"))
    {
      StrataNode *v = _strata_derived_field_mapping (spec, "volume");
      strata_node_append (v, _strata_derived_field (spec, "nocopy", "true", STRATA_VALUE_BOOL));
      strata_node_set (volume, "volume", v);
    }
  else if (g_strv_contains (propagations, option) || g_str_equal (option, "z") || g_str_equal (option, "Z"))
    {
      StrataNode *bind = strata_node_lookup (volume, "bind");
      gboolean selinux = option[1] == '\0';

      if (bind == NULL)
        strata_node_set (volume, "bind", bind = _strata_derived_field_mapping (spec, "bind"));
      strata_node_set (bind, selinux ? "selinux" : "propagation",
                       _strata_derived_scalar (spec, NULL, option, STRATA_VALUE_STRING));
    }
}

/* Applies the ","-separated @options (@length bytes) in turn. */
static void
set_volume_options (StrataNode       *volume,
                    const StrataNode *spec,
                    const char       *options,
                    gsize             length)
{
  const char *end = options + length;

  for (const char *option = options; option <= end; )
    {
      const char *comma = memchr (option, ',', end - option);
      gsize option_length = (comma != NULL ? comma : end) - option;
      char buffer[16];

      /* no option is longer */
      if (option_length < sizeof buffer)
        {
          memcpy (buffer, option, option_length);
          buffer[option_length] = '\0';
          set_volume_option (volume, spec, buffer);
        }
      option += option_length + 1;
    }
}

/* A NUL-terminated copy of a field in @buffer (or @heap when long). */
static const char *
field_text (const char  *text,
            gsize        length,
            char        *buffer,
            gsize        size,
            char       **heap)
{
  if (length >= size)
    return *heap = g_strndup (text, length);
  memcpy (buffer, text, length);
  buffer[length] = '\0';
  return buffer;
}

StrataNode *
_strata_parse_volume (const StrataNode *spec,
                      GError          **error)
{
  const char *s = spec->text;
  struct { const char *text; gsize length; } fields[3], source = { "", 0 };
  guint n_fields = 0;
  StrataNode *volume;
  gboolean file;
  char buffer[256];
  g_autofree char *heap = NULL;
  g_autofree char *cleaned = NULL;
  const char *target;

  if (strlen (s) <= 2)
    {
      fields[0].text = s;
      fields[0].length = strlen (s);
      n_fields = 1;
    }
  else
    for (const char *p = s, *field = s;; p++)
      {
        gsize length = p - field;

        if (*p == ':' && length == 1 && g_ascii_isalpha (field[0]))
          continue;   /* a Windows drive letter */
        if (*p != ':' && *p != '\0')
          continue;
        if (length == 0 || n_fields == 3)
          return (_strata_set_error (error, STRATA_COMPOSE_ERROR_TYPE, &spec->pos,
                                     length == 0 ? _("Remove the doubled colon: write SOURCE:TARGET[:OPTIONS], "
                                                     "e.g. ./data:/data:ro.")
                                                 : _("Write SOURCE:TARGET[:OPTIONS] (e.g. ./data:/data:ro), "
                                                     "or use the long syntax (type, source, target) for paths "
                                                     "with colons."),
                                     "invalid spec: %s: %s", s,
                                     length == 0 ? "empty section between colons" : "too many colons"),
                  NULL);
        fields[n_fields].text = field;
        fields[n_fields++].length = length;
        if (*p == '\0')
          break;
        field = p + 1;
      }

  if (n_fields >= 2)
    {
      source.text = fields[0].text;
      source.length = fields[0].length;
    }
  file = is_file_path (source.text, source.length);
  volume = _strata_derived_mapping (spec, NULL);
  strata_node_append (volume, _strata_derived_field (spec, "type", file ? "bind" : "volume",
                                                      STRATA_VALUE_STRING));
  if (source.length > 0)
    strata_node_append (volume, _strata_derived_field_len (spec, "source", source.text, source.length,
                                                            STRATA_VALUE_STRING));
  /* the short syntax's target is path-cleaned before the merge keys on it */
  target = field_text (fields[n_fields >= 2 ? 1 : 0].text, fields[n_fields >= 2 ? 1 : 0].length,
                       buffer, sizeof buffer, &heap);
  if (!is_clean_path (target))
    target = cleaned = _strata_clean_path (target);
  strata_node_append (volume, _strata_derived_field (spec, "target", target, STRATA_VALUE_STRING));
  if (n_fields == 3)
    set_volume_options (volume, spec, fields[2].text, fields[2].length);

  /* short syntax: binds create their host path, volumes get `volume: {}`
   * (without options, neither is there yet) */
  if (file)
    {
      StrataNode *bind = n_fields == 3 ? strata_node_lookup (volume, "bind") : NULL;

      if (bind == NULL)
        strata_node_append (volume, bind = _strata_derived_field_mapping (spec, "bind"));
      strata_node_set (bind, "create_host_path",
                       _strata_derived_scalar (spec, NULL, "true", STRATA_VALUE_BOOL));
    }
  else if (n_fields < 3 || strata_node_lookup (volume, "volume") == NULL)
    strata_node_append (volume, _strata_derived_field_mapping (spec, "volume"));
  return volume;
}
