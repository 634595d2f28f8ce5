/* test-endpoint.c: which engine the docker CLI would talk to, and why
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Endpoint resolution is a pure function of the environment and the files
 * it points at: every test builds its own HOME, XDG_RUNTIME_DIR and sysroot.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "strata-endpoint.h"
#include "strata-engine-error.h"

typedef struct
{
  char  *tmp;
  char  *home;
  char  *runtime;
  char  *sysroot;
  GStrv  env;
} Fixture;

static void
touch (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

static void
write_file (const char *path,
            const char *text)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->tmp = g_dir_make_tmp ("strata-endpoint-XXXXXX", NULL);
  g_assert_nonnull (f->tmp);
  f->home = g_build_filename (f->tmp, "home", NULL);
  f->runtime = g_build_filename (f->tmp, "run-user", NULL);
  f->sysroot = g_build_filename (f->tmp, "root", NULL);
  g_mkdir_with_parents (f->home, 0755);
  g_mkdir_with_parents (f->runtime, 0700);
  g_mkdir_with_parents (f->sysroot, 0755);
  f->env = g_environ_setenv (NULL, "HOME", f->home, TRUE);
  f->env = g_environ_setenv (f->env, "XDG_RUNTIME_DIR", f->runtime, TRUE);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL
         && g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      remove_tree (child);
    }
  g_file_delete (file, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) tmp = g_file_new_for_path (f->tmp);

  remove_tree (tmp);
  g_free (f->tmp);
  g_free (f->home);
  g_free (f->runtime);
  g_free (f->sysroot);
  g_strfreev (f->env);
}

static StrataEndpoint *
resolve (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  StrataEndpoint *endpoint;

  endpoint = strata_endpoint_resolve ((const char * const *) f->env, f->sysroot, &error);
  g_assert_no_error (error);
  g_assert_nonnull (endpoint);

  return endpoint;
}

static void
set_env (Fixture    *f,
         const char *name,
         const char *value)
{
  f->env = g_environ_setenv (f->env, name, value, TRUE);
}

/* A context as `docker context create NAME --docker host=HOST` writes it. */
static void
write_context (Fixture    *f,
               const char *name,
               const char *host,
               gboolean    skip_tls_verify)
{
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, name, -1);
  g_autofree char *path = g_build_filename (f->home, ".docker", "contexts", "meta", digest,
                                            "meta.json", NULL);
  g_autofree char *text = NULL;

  text = g_strdup_printf ("{\"Name\":\"%s\",\"Metadata\":{\"Description\":\"\"},"
                          "\"Endpoints\":{\"docker\":{\"Host\":\"%s\",\"SkipTLSVerify\":%s}}}",
                          name, host, skip_tls_verify ? "true" : "false");
  write_file (path, text);
}

static void
write_current_context (Fixture    *f,
                       const char *name)
{
  g_autofree char *path = g_build_filename (f->home, ".docker", "config.json", NULL);
  g_autofree char *text = g_strdup_printf ("{\"auths\":{},\"currentContext\":\"%s\"}", name);

  write_file (path, text);
}

static void
test_docker_host_unix (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(StrataEndpoint) endpoint = NULL;

  set_env (f, "DOCKER_HOST", "unix:///srv/docker/api.sock");
  write_current_context (f, "elsewhere");
  endpoint = resolve (f);
  g_assert_cmpint (strata_endpoint_get_kind (endpoint), ==, STRATA_ENDPOINT_UNIX);
  g_assert_cmpint (strata_endpoint_get_source (endpoint), ==, STRATA_ENDPOINT_SOURCE_DOCKER_HOST);
  g_assert_cmpstr (strata_endpoint_get_socket_path (endpoint), ==, "/srv/docker/api.sock");
  g_assert_cmpstr (strata_endpoint_get_uri (endpoint), ==, "unix:///srv/docker/api.sock");
  g_assert_cmpstr (strata_endpoint_get_why (endpoint), ==, "DOCKER_HOST is set");
}

static void
test_docker_host_tcp_tls (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *certs = g_build_filename (f->tmp, "certs", NULL);
  g_autofree char *ca = g_build_filename (certs, "ca.pem", NULL);
  g_autofree char *cert = g_build_filename (certs, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (certs, "key.pem", NULL);
  g_autoptr(StrataEndpoint) endpoint = NULL;

  touch (ca);
  touch (cert);
  touch (key);
  set_env (f, "DOCKER_HOST", "tcp://build.example:2376");
  set_env (f, "DOCKER_TLS_VERIFY", "1");
  set_env (f, "DOCKER_CERT_PATH", certs);
  endpoint = resolve (f);
  g_assert_cmpint (strata_endpoint_get_kind (endpoint), ==, STRATA_ENDPOINT_TCP);
  g_assert_cmpstr (strata_endpoint_get_host (endpoint), ==, "build.example");
  g_assert_cmpuint (strata_endpoint_get_port (endpoint), ==, 2376);
  g_assert_true (strata_endpoint_get_tls (endpoint));
  g_assert_true (strata_endpoint_get_tls_verify (endpoint));
  g_assert_cmpstr (strata_endpoint_get_tls_ca_file (endpoint), ==, ca);
  g_assert_cmpstr (strata_endpoint_get_tls_cert_file (endpoint), ==, cert);
  g_assert_cmpstr (strata_endpoint_get_tls_key_file (endpoint), ==, key);
}

static void
test_docker_host_tcp_plain (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(StrataEndpoint) endpoint = NULL;

  set_env (f, "DOCKER_HOST", "tcp://10.0.0.5");
  endpoint = resolve (f);
  g_assert_cmpstr (strata_endpoint_get_uri (endpoint), ==, "tcp://10.0.0.5:2375");
  g_assert_false (strata_endpoint_get_tls (endpoint));
}

static void
test_docker_host_invalid (Fixture       *f,
                          gconstpointer  data)
{
  const char *bad[] = { "ssh://me@host", "unix://relative.sock", "http//nope" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StrataEndpoint) endpoint = NULL;

      set_env (f, "DOCKER_HOST", bad[i]);
      endpoint = strata_endpoint_resolve ((const char * const *) f->env, f->sysroot, &error);
      g_assert_null (endpoint);
      g_assert_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_ENDPOINT);
      g_assert_nonnull (strstr (error->message, "DOCKER_HOST"));
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

static void
test_context_from_config (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(StrataEndpoint) endpoint = NULL;

  write_context (f, "colima", "unix:///home/ada/.colima/docker.sock", FALSE);
  write_current_context (f, "colima");
  endpoint = resolve (f);
  g_assert_cmpint (strata_endpoint_get_source (endpoint), ==,
                   STRATA_ENDPOINT_SOURCE_CONTEXT_CONFIG);
  g_assert_cmpstr (strata_endpoint_get_context (endpoint), ==, "colima");
  g_assert_cmpstr (strata_endpoint_get_socket_path (endpoint), ==,
                   "/home/ada/.colima/docker.sock");
  g_assert_cmpstr (strata_endpoint_get_why (endpoint), ==,
                   "context “colima” from ~/.docker/config.json");
}

static void
test_context_env_wins_over_config (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "remote", -1);
  g_autofree char *tls = g_build_filename (f->home, ".docker", "contexts", "tls", digest,
                                           "docker", NULL);
  g_autofree char *ca = g_build_filename (tls, "ca.pem", NULL);
  g_autoptr(StrataEndpoint) endpoint = NULL;

  write_context (f, "colima", "unix:///home/ada/.colima/docker.sock", FALSE);
  write_context (f, "remote", "tcp://192.0.2.7:2376", TRUE);
  touch (ca);
  write_current_context (f, "colima");
  set_env (f, "DOCKER_CONTEXT", "remote");
  endpoint = resolve (f);
  g_assert_cmpint (strata_endpoint_get_source (endpoint), ==, STRATA_ENDPOINT_SOURCE_CONTEXT_ENV);
  g_assert_cmpstr (strata_endpoint_get_uri (endpoint), ==, "tcp://192.0.2.7:2376");
  g_assert_true (strata_endpoint_get_tls (endpoint));
  g_assert_false (strata_endpoint_get_tls_verify (endpoint));
  g_assert_cmpstr (strata_endpoint_get_tls_ca_file (endpoint), ==, ca);
  g_assert_null (strata_endpoint_get_tls_cert_file (endpoint));
  g_assert_cmpstr (strata_endpoint_get_why (endpoint), ==, "context “remote” from DOCKER_CONTEXT");
}

static void
test_context_default_means_none (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *sock = g_build_filename (f->sysroot, "var", "run", "docker.sock", NULL);
  g_autoptr(StrataEndpoint) endpoint = NULL;

  touch (sock);
  write_context (f, "colima", "unix:///home/ada/.colima/docker.sock", FALSE);
  write_current_context (f, "colima");
  set_env (f, "DOCKER_CONTEXT", "default");
  endpoint = resolve (f);
  g_assert_cmpint (strata_endpoint_get_source (endpoint), ==,
                   STRATA_ENDPOINT_SOURCE_DEFAULT_SOCKET);
  g_assert_cmpstr (strata_endpoint_get_socket_path (endpoint), ==, sock);
}

static void
test_context_missing (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataEndpoint) endpoint = NULL;

  set_env (f, "DOCKER_CONTEXT", "gone");
  endpoint = strata_endpoint_resolve ((const char * const *) f->env, f->sysroot, &error);
  g_assert_null (endpoint);
  g_assert_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_ENDPOINT);
  g_assert_nonnull (strstr (error->message, "“gone”"));
  g_assert_nonnull (strstr (error->message, "DOCKER_CONTEXT"));
}

static void
test_config_unreadable (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->home, ".docker", "config.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StrataEndpoint) endpoint = NULL;

  write_file (path, "{\"currentContext\": ");
  endpoint = strata_endpoint_resolve ((const char * const *) f->env, f->sysroot, &error);
  g_assert_null (endpoint);
  g_assert_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_ENDPOINT);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_docker_config_env (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *config = g_build_filename (f->tmp, "dockercfg", NULL);
  g_autofree char *old_home = g_steal_pointer (&f->home);
  g_autoptr(StrataEndpoint) endpoint = NULL;

  /* write_context() writes under HOME/.docker: aim it at DOCKER_CONFIG. */
  f->home = g_build_filename (f->tmp, "other", NULL);
  g_mkdir_with_parents (f->home, 0755);
  {
    g_autofree char *dot = g_build_filename (f->home, ".docker", NULL);

    g_assert_cmpint (symlink (dot, config), ==, 0);
  }
  write_context (f, "ci", "unix:///ci/docker.sock", FALSE);
  write_current_context (f, "ci");
  set_env (f, "DOCKER_CONFIG", config);
  endpoint = resolve (f);
  g_assert_cmpstr (strata_endpoint_get_socket_path (endpoint), ==, "/ci/docker.sock");
  g_assert_cmpstr (strata_endpoint_get_context (endpoint), ==, "ci");
}

static void
test_default_sockets_in_order (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *podman_system = g_build_filename (f->sysroot, "run", "podman", "podman.sock", NULL);
  g_autofree char *podman_user = g_build_filename (f->runtime, "podman", "podman.sock", NULL);
  g_autofree char *rootless = g_build_filename (f->runtime, "docker.sock", NULL);
  g_autofree char *system = g_build_filename (f->sysroot, "var", "run", "docker.sock", NULL);
  const struct { const char *path; StrataEndpointSource source; const char *why; } steps[] = {
    { podman_system, STRATA_ENDPOINT_SOURCE_PODMAN_SYSTEM, "Podman system socket" },
    { podman_user, STRATA_ENDPOINT_SOURCE_PODMAN_USER, "Podman socket in XDG_RUNTIME_DIR" },
    { rootless, STRATA_ENDPOINT_SOURCE_ROOTLESS, "rootless Docker socket in XDG_RUNTIME_DIR" },
    { system, STRATA_ENDPOINT_SOURCE_DEFAULT_SOCKET, "default socket" },
  };
  g_autoptr(StrataEndpoint) none = resolve (f);

  /* Nothing exists: the default socket, so that the error names it. */
  g_assert_cmpstr (strata_endpoint_get_socket_path (none), ==, system);
  g_assert_cmpint (strata_endpoint_get_source (none), ==, STRATA_ENDPOINT_SOURCE_DEFAULT_SOCKET);

  /* Each socket that appears takes precedence over those before it. */
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(StrataEndpoint) endpoint = NULL;

      touch (steps[i].path);
      endpoint = resolve (f);
      g_assert_cmpstr (strata_endpoint_get_socket_path (endpoint), ==, steps[i].path);
      g_assert_cmpint (strata_endpoint_get_source (endpoint), ==, steps[i].source);
      g_assert_cmpstr (strata_endpoint_get_why (endpoint), ==, steps[i].why);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/endpoint/docker-host/unix", test_docker_host_unix);
  ADD ("/endpoint/docker-host/tcp-tls", test_docker_host_tcp_tls);
  ADD ("/endpoint/docker-host/tcp-plain", test_docker_host_tcp_plain);
  ADD ("/endpoint/docker-host/invalid", test_docker_host_invalid);
  ADD ("/endpoint/context/config", test_context_from_config);
  ADD ("/endpoint/context/env-wins", test_context_env_wins_over_config);
  ADD ("/endpoint/context/default", test_context_default_means_none);
  ADD ("/endpoint/context/missing", test_context_missing);
  ADD ("/endpoint/context/bad-config", test_config_unreadable);
  ADD ("/endpoint/context/docker-config", test_docker_config_env);
  ADD ("/endpoint/default-sockets", test_default_sockets_in_order);
#undef ADD

  return g_test_run ();
}
