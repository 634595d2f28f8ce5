/* strata-endpoint-resolve.c: DOCKER_HOST, contexts, then the usual sockets
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The order is the docker CLI's: DOCKER_HOST wins over DOCKER_CONTEXT,
 * which wins over currentContext in config.json; the context "default"
 * means no context.  Without any of them, the first socket that exists of
 * /var/run/docker.sock, rootless $XDG_RUNTIME_DIR/docker.sock and Podman's
 * Docker-compatible sockets, else /var/run/docker.sock.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "strata-endpoint-private.h"
#include "strata-engine-error.h"

typedef struct
{
  const char * const *envp;
  const char         *sysroot;
  char               *home;
  char               *config_dir;
} Resolver;

static const char *
env_get (const Resolver *r,
         const char     *name)
{
  const char *value = g_environ_getenv ((char **) r->envp, name);

  return value != NULL && *value != '\0' ? value : NULL;
}

/* "~/.docker/config.json" rather than "/home/ada/.docker/config.json". */
static char *
display_path (const Resolver *r,
              const char     *path)
{
  gsize len = strlen (r->home);

  if (len > 1 && g_str_has_prefix (path, r->home) && path[len] == '/')
    return g_strconcat ("~", path + len, NULL);

  return g_strdup (path);
}

static StrataEndpoint *
from_docker_host (const Resolver  *r,
                  const char      *value,
                  GError         **error)
{
  g_autoptr(StrataEndpoint) endpoint = strata_endpoint_parse (value, error);
  const char *verify = env_get (r, "DOCKER_TLS_VERIFY");
  const char *cert_path = env_get (r, "DOCKER_CERT_PATH");

  if (endpoint == NULL)
    {
      g_prefix_error (error, _("DOCKER_HOST is set: "));
      return NULL;
    }
  _strata_endpoint_set_origin (endpoint, STRATA_ENDPOINT_SOURCE_DOCKER_HOST, NULL,
                               _("DOCKER_HOST is set"));
  if (strata_endpoint_get_kind (endpoint) == STRATA_ENDPOINT_TCP
      && (verify != NULL || env_get (r, "DOCKER_TLS") != NULL))
    _strata_endpoint_set_tls_dir (endpoint, cert_path ? cert_path : r->config_dir,
                                  verify != NULL);

  return g_steal_pointer (&endpoint);
}

static JsonNode *
read_json (const char  *path,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_mapped_file (parser, path, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                   _("%s: expected a JSON object"), path);
      return NULL;
    }

  return json_node_copy (root);
}

/* currentContext of config.json, or NULL when there is none. */
static char *
config_current_context (const Resolver  *r,
                        GError         **error)
{
  g_autofree char *path = g_build_filename (r->config_dir, "config.json", NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  root = read_json (path, &local_error);
  if (root == NULL)
    {
      g_set_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_ENDPOINT,
                   _("%s: %s. Fix or remove this file, or set DOCKER_HOST."),
                   path, local_error->message);
      return NULL;
    }
  name = json_object_get_string_member_with_default (json_node_get_object (root),
                                                     "currentContext", NULL);

  return name != NULL && *name != '\0' ? g_strdup (name) : NULL;
}

static gboolean
context_skip_tls_verify (JsonObject *docker)
{
  return json_object_get_boolean_member_with_default (docker, "SkipTLSVerify", FALSE);
}

static JsonObject *
context_docker_endpoint (JsonNode *meta)
{
  JsonObject *object = json_node_get_object (meta);
  JsonObject *endpoints;

  if (!json_object_has_member (object, "Endpoints")
      || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "Endpoints")))
    return NULL;
  endpoints = json_object_get_object_member (object, "Endpoints");
  if (!json_object_has_member (endpoints, "docker")
      || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (endpoints, "docker")))
    return NULL;

  return json_object_get_object_member (endpoints, "docker");
}

static StrataEndpoint *
endpoint_of_context (const Resolver  *r,
                     const char      *name,
                     const char      *meta_path,
                     GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) meta = read_json (meta_path, &local_error);
  JsonObject *docker;
  const char *host;

  if (meta == NULL)
    {
      g_set_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_ENDPOINT,
                   _("Docker context “%s”: %s. Recreate it with `docker context create`."),
                   name, local_error->message);
      return NULL;
    }
  docker = context_docker_endpoint (meta);
  host = docker ? json_object_get_string_member_with_default (docker, "Host", NULL) : NULL;
  if (host == NULL || *host == '\0')
    {
      g_set_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_ENDPOINT,
                   _("Docker context “%s” has no Docker endpoint (%s). "
                     "Pick another with `docker context use`."), name, meta_path);
      return NULL;
    }

  return strata_endpoint_parse (host, error);
}

static StrataEndpoint *
from_context (const Resolver        *r,
              const char            *name,
              StrataEndpointSource   source,
              GError               **error)
{
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, name, -1);
  g_autofree char *meta_path = g_build_filename (r->config_dir, "contexts", "meta", digest,
                                                 "meta.json", NULL);
  g_autofree char *tls_dir = g_build_filename (r->config_dir, "contexts", "tls", digest,
                                               "docker", NULL);
  g_autofree char *config_path = g_build_filename (r->config_dir, "config.json", NULL);
  g_autofree char *shown = display_path (r, config_path);
  g_autofree char *why = NULL;
  g_autoptr(StrataEndpoint) endpoint = NULL;
  JsonObject *docker = NULL;

  if (!g_file_test (meta_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_ENDPOINT,
                   source == STRATA_ENDPOINT_SOURCE_CONTEXT_ENV
                   ? _("DOCKER_CONTEXT names the Docker context “%s”, which does not exist "
                       "(no %s). Unset DOCKER_CONTEXT or see `docker context ls`.")
                   : _("%2$s names the Docker context “%1$s”, which does not exist. "
                       "Run `docker context use default`."),
                   name, source == STRATA_ENDPOINT_SOURCE_CONTEXT_ENV ? meta_path : shown);
      return NULL;
    }
  endpoint = endpoint_of_context (r, name, meta_path, error);
  if (endpoint == NULL)
    return NULL;

  why = source == STRATA_ENDPOINT_SOURCE_CONTEXT_ENV
        ? g_strdup_printf (_("context “%s” from DOCKER_CONTEXT"), name)
        : g_strdup_printf (_("context “%s” from %s"), name, shown);
  _strata_endpoint_set_origin (endpoint, source, name, why);
  if (g_file_test (tls_dir, G_FILE_TEST_IS_DIR)
      && strata_endpoint_get_kind (endpoint) == STRATA_ENDPOINT_TCP)
    {
      g_autoptr(JsonNode) meta = read_json (meta_path, NULL);

      docker = meta ? context_docker_endpoint (meta) : NULL;
      _strata_endpoint_set_tls_dir (endpoint, tls_dir,
                                    docker == NULL || !context_skip_tls_verify (docker));
    }

  return g_steal_pointer (&endpoint);
}

static StrataEndpoint *
socket_endpoint (const char           *path,
                 StrataEndpointSource  source,
                 const char           *why)
{
  StrataEndpoint *endpoint = strata_endpoint_new_unix (path);

  _strata_endpoint_set_origin (endpoint, source, NULL, why);

  return endpoint;
}

static StrataEndpoint *
default_socket (const Resolver *r)
{
  const char *root = r->sysroot ? r->sysroot : "/";
  const char *runtime_dir = env_get (r, "XDG_RUNTIME_DIR");
  g_autofree char *system = g_build_filename (root, "var", "run", "docker.sock", NULL);
  g_autofree char *podman_system = g_build_filename (root, "run", "podman", "podman.sock", NULL);
  g_autofree char *rootless = NULL;
  g_autofree char *podman_user = NULL;

  if (g_file_test (system, G_FILE_TEST_EXISTS))
    return socket_endpoint (system, STRATA_ENDPOINT_SOURCE_DEFAULT_SOCKET, _("default socket"));
  if (runtime_dir != NULL)
    {
      rootless = g_build_filename (runtime_dir, "docker.sock", NULL);
      podman_user = g_build_filename (runtime_dir, "podman", "podman.sock", NULL);
      if (g_file_test (rootless, G_FILE_TEST_EXISTS))
        return socket_endpoint (rootless, STRATA_ENDPOINT_SOURCE_ROOTLESS,
                                _("rootless Docker socket in XDG_RUNTIME_DIR"));
      if (g_file_test (podman_user, G_FILE_TEST_EXISTS))
        return socket_endpoint (podman_user, STRATA_ENDPOINT_SOURCE_PODMAN_USER,
                                _("Podman socket in XDG_RUNTIME_DIR"));
    }
  if (g_file_test (podman_system, G_FILE_TEST_EXISTS))
    return socket_endpoint (podman_system, STRATA_ENDPOINT_SOURCE_PODMAN_SYSTEM,
                            _("Podman system socket"));

  return socket_endpoint (system, STRATA_ENDPOINT_SOURCE_DEFAULT_SOCKET,
                          _("default socket (no other socket found)"));
}

static StrataEndpoint *
resolve (const Resolver  *r,
         GError         **error)
{
  const char *docker_host = env_get (r, "DOCKER_HOST");
  const char *context = env_get (r, "DOCKER_CONTEXT");
  g_autofree char *current = NULL;
  g_autoptr(GError) local_error = NULL;

  if (docker_host != NULL)
    return from_docker_host (r, docker_host, error);
  if (context != NULL && g_strcmp0 (context, "default") != 0)
    return from_context (r, context, STRATA_ENDPOINT_SOURCE_CONTEXT_ENV, error);
  if (context == NULL)
    {
      current = config_current_context (r, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  if (current != NULL && g_strcmp0 (current, "default") != 0)
    return from_context (r, current, STRATA_ENDPOINT_SOURCE_CONTEXT_CONFIG, error);

  return default_socket (r);
}

/**
 * strata_endpoint_resolve:
 * @envp: (nullable): the environment (as from g_get_environ()); %NULL for the process's
 * @sysroot: (nullable): prefix for the system sockets (/var/run, /run); %NULL for /
 *
 * A pure function of @envp and the files it points at: HOME (or
 * DOCKER_CONFIG) locates config.json and the contexts.
 */
StrataEndpoint *
strata_endpoint_resolve (const char * const  *envp,
                         const char          *sysroot,
                         GError             **error)
{
  g_auto(GStrv) own_env = envp == NULL ? g_get_environ () : NULL;
  Resolver r = { envp ? envp : (const char * const *) own_env, sysroot, NULL, NULL };
  g_autofree char *home = NULL;
  g_autofree char *config_dir = NULL;

  home = g_strdup (env_get (&r, "HOME") ? env_get (&r, "HOME") : g_get_home_dir ());
  config_dir = env_get (&r, "DOCKER_CONFIG") ? g_strdup (env_get (&r, "DOCKER_CONFIG"))
                                             : g_build_filename (home, ".docker", NULL);
  r.home = home;
  r.config_dir = config_dir;

  return resolve (&r, error);
}
