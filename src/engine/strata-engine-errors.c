/* strata-engine-errors.c: engine failures, said as what the user should do
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "strata-engine-private.h"

static const char *
place (StrataEngine *self)
{
  return strata_endpoint_get_uri (strata_engine_get_endpoint (self));
}

static const char *
why (StrataEngine *self)
{
  return strata_endpoint_get_why (strata_engine_get_endpoint (self));
}

static gboolean
is_unix (StrataEngine *self)
{
  return strata_endpoint_get_kind (strata_engine_get_endpoint (self)) == STRATA_ENDPOINT_UNIX;
}

static GError *
not_running (StrataEngine *self,
             const GError *error)
{
  if (is_unix (self))
    return g_error_new (STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_NOT_RUNNING,
                        _("Docker is not running at %s (%s): %s. Start it with "
                          "`sudo systemctl start docker`, or set DOCKER_HOST to a running engine."),
                        place (self), why (self), error->message);

  return g_error_new (STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_NOT_RUNNING,
                      _("No Docker engine answers at %s (%s): %s. Check that the engine "
                        "is running and listens there, or set DOCKER_HOST to another engine."),
                      place (self), why (self), error->message);
}

static GError *
permission_denied (StrataEngine *self,
                   const GError *error)
{
  return g_error_new (STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_PERMISSION_DENIED,
                      _("Permission denied on %s (%s). Add yourself to the docker group "
                        "(`sudo usermod -aG docker $USER`), then log out and in again."),
                      place (self), why (self));
}

/* A GIO/libsoup failure, as one of STRATA_ENGINE_ERROR. Cancellation stays as is. */
GError *
_strata_engine_error_from_io (StrataEngine *self,
                              const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || error->domain == STRATA_ENGINE_ERROR)
    return g_error_copy (error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE)
      || g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND))
    return not_running (self, error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return permission_denied (self, error);
  if (error->domain == G_TLS_ERROR)
    return g_error_new (STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_ENDPOINT,
                        _("TLS with %s (%s) failed: %s. Check DOCKER_CERT_PATH and "
                          "DOCKER_TLS_VERIFY, or the context’s certificates."),
                        place (self), why (self), error->message);

  return g_error_new (STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_DISCONNECTED,
                      _("The connection to Docker at %s broke: %s. "
                        "Check that Docker is still running."),
                      place (self), error->message);
}

static char *
daemon_message (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize len = 0;
  const char *data = body ? g_bytes_get_data (body, &len) : NULL;
  JsonNode *root;

  if (data == NULL || len == 0)
    return NULL;
  if (json_parser_load_from_data (parser, data, len, NULL)
      && (root = json_parser_get_root (parser)) != NULL
      && JSON_NODE_HOLDS_OBJECT (root))
    {
      const char *message = json_object_get_string_member_with_default (
          json_node_get_object (root), "message", NULL);

      if (message != NULL)
        return g_strdup (message);
    }

  return g_strstrip (g_strndup (data, MIN (len, 1024)));
}

static int
code_for_status (guint       status,
                 const char *message)
{
  if (status == SOUP_STATUS_NOT_FOUND)
    return STRATA_ENGINE_ERROR_NOT_FOUND;
  if (status == SOUP_STATUS_CONFLICT)
    return STRATA_ENGINE_ERROR_CONFLICT;
  if (status == SOUP_STATUS_BAD_REQUEST && message != NULL
      && strstr (message, "client version") != NULL)
    return STRATA_ENGINE_ERROR_VERSION;

  return STRATA_ENGINE_ERROR_DAEMON;
}

/* An error answer of the daemon: its own message, and where it came from. */
GError *
_strata_engine_error_from_http (StrataEngine *self,
                                SoupMessage  *message,
                                GBytes       *body)
{
  guint status = soup_message_get_status (message);
  g_autofree char *text = daemon_message (body);

  if (text == NULL || *text == '\0')
    {
      g_free (text);
      text = g_strdup_printf ("HTTP %u %s", status, soup_message_get_reason_phrase (message));
    }

  return g_error_new (STRATA_ENGINE_ERROR, code_for_status (status, text),
                      _("Docker at %s: %s"), place (self), text);
}

/* ?filters= for the API: pairs of key and value, repeated keys add values. */
char *
strata_engine_filters (const char *first_key,
                        ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                      (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  va_list args;

  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);
      GPtrArray *values = g_hash_table_lookup (keys, key);

      if (values == NULL)
        {
          values = g_ptr_array_new ();
          g_hash_table_insert (keys, (gpointer) key, values);
          g_ptr_array_add (order, (gpointer) key);
        }
      g_ptr_array_add (values, (gpointer) value);
    }
  va_end (args);

  json_builder_begin_object (builder);
  for (guint i = 0; i < order->len; i++)
    {
      GPtrArray *values = g_hash_table_lookup (keys, order->pdata[i]);

      json_builder_set_member_name (builder, order->pdata[i]);
      json_builder_begin_array (builder);
      for (guint j = 0; j < values->len; j++)
        json_builder_add_string_value (builder, values->pdata[j]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);

  return g_uri_escape_string (json, NULL, FALSE);
}

/* strcmp() for "1.41"-style versions. */
int
_strata_engine_compare_versions (const char *a,
                                 const char *b)
{
  g_auto(GStrv) pa = g_strsplit (a ? a : "", ".", -1);
  g_auto(GStrv) pb = g_strsplit (b ? b : "", ".", -1);
  guint na = g_strv_length (pa);
  guint nb = g_strv_length (pb);

  for (guint i = 0; i < MAX (na, nb); i++)
    {
      long x = i < na ? strtol (pa[i], NULL, 10) : 0;
      long y = i < nb ? strtol (pb[i], NULL, 10) : 0;

      if (x != y)
        return x < y ? -1 : 1;
    }

  return 0;
}
