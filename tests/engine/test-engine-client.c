/* test-engine-client.c: the HTTP client against a private engine, and its faults
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "engine-test-util.h"

static StrataTestEngine *test_engine;

static void
test_ping_version (void)
{
  g_autoptr(StrataEngine) engine = engine_test_engine_new (test_engine);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  strata_engine_connect_async (engine, NULL, engine_test_store_result, &result);
  engine_test_await (&result, ENGINE_TEST_TIMEOUT_MS);
  g_assert_true (strata_engine_connect_finish (engine, result, &error));
  g_assert_no_error (error);
  /* dockerd 20.10 speaks 1.41, which is also Strata's newest. */
  g_assert_cmpstr (strata_engine_get_api_version (engine), ==, "1.41");
  g_assert_true (g_str_has_prefix (strata_engine_get_server_version (engine), "20.10"));
}

static void
test_request_and_daemon_error (void)
{
  g_autoptr(StrataEngine) engine = engine_test_engine_new (test_engine);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) missing = NULL;

  /* The first request negotiates the version by itself. */
  list = engine_test_request (engine, "GET", "/images/json", &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (list));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), >=, 1);

  missing = engine_test_request (engine, "GET", "/containers/no-such-thing/json", &error);
  g_assert_null (missing);
  g_assert_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "No such container: no-such-thing"));
  g_assert_nonnull (strstr (error->message, test_engine->docker_host));
}

static void
assert_not_running (const char *socket_path)
{
  g_autoptr(StrataEndpoint) endpoint = strata_endpoint_new_unix (socket_path);
  g_autoptr(StrataEngine) engine = strata_engine_new (endpoint);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  strata_engine_connect_async (engine, NULL, engine_test_store_result, &result);
  engine_test_await (&result, ENGINE_TEST_TIMEOUT_MS);
  g_assert_false (strata_engine_connect_finish (engine, result, &error));
  g_assert_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_NOT_RUNNING);
  g_assert_true (g_str_has_prefix (error->message, "Docker is not running at unix://"));
  g_assert_nonnull (strstr (error->message, socket_path));
  g_assert_nonnull (strstr (error->message, "sudo systemctl start docker"));
}

static void
test_socket_missing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("strata-nosock-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "docker.sock", NULL);

  assert_not_running (path);
  g_rmdir (dir);
}

/* A socket file nobody listens on: what a crashed daemon leaves behind. */
static int
bind_socket (const char *path,
             gboolean    listening)
{
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  int fd = socket (AF_UNIX, SOCK_STREAM, 0);

  g_assert_cmpint (fd, >=, 0);
  g_strlcpy (addr.sun_path, path, sizeof addr.sun_path);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  if (listening)
    g_assert_cmpint (listen (fd, 4), ==, 0);

  return fd;
}

static void
test_socket_stale (void)
{
  g_autofree char *dir = g_dir_make_tmp ("strata-stale-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "docker.sock", NULL);

  close (bind_socket (path, FALSE));
  assert_not_running (path);
  g_unlink (path);
  g_rmdir (dir);
}

/* Run as an unprivileged user: root would pass any file mode. */
static void
test_permission_denied_subprocess (void)
{
  const char *path = g_getenv ("STRATA_TEST_SOCKET");
  g_autoptr(StrataEndpoint) endpoint = strata_endpoint_new_unix (path);
  g_autoptr(StrataEngine) engine = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (getuid () == 0)
    {
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }
  engine = strata_engine_new (endpoint);
  strata_engine_connect_async (engine, NULL, engine_test_store_result, &result);
  engine_test_await (&result, ENGINE_TEST_TIMEOUT_MS);
  g_assert_false (strata_engine_connect_finish (engine, result, &error));
  g_assert_error (error, STRATA_ENGINE_ERROR, STRATA_ENGINE_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "docker group"));
}

static void
test_permission_denied (void)
{
  g_autofree char *dir = g_dir_make_tmp ("strata-perm-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "docker.sock", NULL);
  int fd;

  if (g_test_subprocess ())
    {
      test_permission_denied_subprocess ();
      return;
    }

  /* Like /var/run/docker.sock: srw-rw---- root:docker, in a readable folder. */
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  fd = bind_socket (path, TRUE);
  g_assert_cmpint (g_chmod (path, 0660), ==, 0);
  g_setenv ("STRATA_TEST_SOCKET", path, TRUE);
  g_test_trap_subprocess (NULL, 0,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  close (fd);
  g_unlink (path);
  g_rmdir (dir);
}

static void
cancel_later_cb (gpointer data)
{
  g_cancellable_cancel (data);
}

/* A request that would block (waiting for a running container to exit) is
 * cancelled; the engine stays usable. */
static void
test_cancel_request (void)
{
  g_autoptr(StrataEngine) engine = engine_test_engine_new (test_engine);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;

  id = engine_test_docker_out (test_engine, "run", "-d", "--rm", "strata-test/busybox:latest",
                               "sleep", "1000", NULL);
  path = g_strdup_printf ("/containers/%s/wait", id);
  strata_engine_request_async (engine, "POST", path, NULL, cancellable,
                               engine_test_store_result, &result);
  g_timeout_add_once (200, cancel_later_cb, cancellable);
  engine_test_await (&result, 10000);
  node = strata_engine_request_finish (engine, result, &error);
  g_assert_null (node);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  after = engine_test_request (engine, "GET", "/_ping", NULL);
  g_clear_error (&error);
  g_clear_pointer (&after, json_node_unref);
  after = engine_test_request (engine, "GET", "/containers/json", &error);
  g_assert_no_error (error);
  engine_test_docker (test_engine, "kill", id, NULL);
}

/* Open streams must not starve requests (libsoup's default is 2 per host). */
static void
test_streams_do_not_block_requests (void)
{
  g_autoptr(StrataEngine) engine = engine_test_engine_new (test_engine);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GAsyncResult *streams[4] = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (streams); i++)
    {
      strata_engine_stream_async (engine, "/events", cancellable,
                                  engine_test_store_result, &streams[i]);
      engine_test_await (&streams[i], ENGINE_TEST_TIMEOUT_MS);
    }
  node = engine_test_request (engine, "GET", "/version", &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  for (guint i = 0; i < G_N_ELEMENTS (streams); i++)
    {
      g_autoptr(GInputStream) stream = strata_engine_stream_finish (engine, streams[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (stream);
      g_object_unref (streams[i]);
    }
  g_cancellable_cancel (cancellable);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/client/socket-missing", test_socket_missing);
  g_test_add_func ("/engine/client/socket-stale", test_socket_stale);
  g_test_add_func ("/engine/client/permission-denied", test_permission_denied);
  g_test_add_func ("/engine/client/ping-version", test_ping_version);
  g_test_add_func ("/engine/client/request", test_request_and_daemon_error);
  g_test_add_func ("/engine/client/cancel", test_cancel_request);
  g_test_add_func ("/engine/client/streams", test_streams_do_not_block_requests);

  if (g_test_subprocess ())
    return g_test_run ();

  test_engine = strata_test_engine_start (&error);
  g_assert_no_error (error);
  status = g_test_run ();
  strata_test_engine_stop (test_engine);

  return status;
}
