/* engine-test-util.c: main-loop waits with deadlines, shared by the engine tests
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>

#include "engine-test-util.h"
#include "strata-test-oracle.h"

void
engine_test_store_result (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
flag_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

gboolean
engine_test_wait_until (EngineTestPredicate predicate,
                        gpointer            data,
                        guint               timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, flag_timeout, &timed_out);

  while (!predicate (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  return !timed_out || predicate (data);
}

static gboolean
slot_is_set (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

GAsyncResult *
engine_test_await (GAsyncResult **slot,
                   guint          timeout_ms)
{
  if (!engine_test_wait_until (slot_is_set, slot, timeout_ms))
    g_error ("no answer within %u ms", timeout_ms);

  return *slot;
}

StrataEngine *
engine_test_engine_new (StrataTestEngine *test_engine)
{
  g_autoptr(StrataEndpoint) endpoint = strata_endpoint_new_unix (test_engine->socket_path);

  return strata_engine_new (endpoint);
}

static GPtrArray *
collect_args (const char *first,
              va_list     args)
{
  GPtrArray *argv = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  return argv;
}

static char *
run_docker (StrataTestEngine *test_engine,
            GPtrArray        *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_ptr_array_add (argv, (char *) "docker");
  for (guint i = 0; i < args->len; i++)
    g_ptr_array_add (argv, args->pdata[i]);
  strata_test_engine_run (test_engine, (const char * const *) argv->pdata, &out, &error);
  g_assert_no_error (error);

  return out;
}

void
engine_test_docker (StrataTestEngine *test_engine,
                    const char       *first_arg,
                    ...)
{
  g_autoptr(GPtrArray) args = NULL;
  g_autofree char *out = NULL;
  va_list ap;

  va_start (ap, first_arg);
  args = collect_args (first_arg, ap);
  va_end (ap);
  out = run_docker (test_engine, args);
}

char *
engine_test_docker_out (StrataTestEngine *test_engine,
                        const char       *first_arg,
                        ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, first_arg);
  args = collect_args (first_arg, ap);
  va_end (ap);

  return g_strstrip (run_docker (test_engine, args));
}

void
engine_test_compose (StrataTestEngine *test_engine,
                     const char       *dir,
                     const char       *first_arg,
                     ...)
{
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = strata_test_engine_environ (test_engine);
  va_list ap;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  va_start (ap, first_arg);
  args = collect_args (first_arg, ap);
  va_end (ap);
  strata_test_oracle_run (dir, (const char * const *) args->pdata, (const char * const *) envp,
                          &out, &err, NULL, &error);
  g_assert_no_error (error);
}

/* PARENT/NAME/compose.yaml holding @yaml; returns the folder. */
char *
engine_test_write_project (const char *parent,
                           const char *name,
                           const char *yaml)
{
  g_autofree char *dir = g_build_filename (parent, name, NULL);
  g_autofree char *file = g_build_filename (dir, "compose.yaml", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (file, yaml, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&dir);
}

JsonNode *
engine_test_request (StrataEngine  *engine,
                     const char    *method,
                     const char    *path,
                     GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  strata_engine_request_async (engine, method, path, NULL, NULL,
                               engine_test_store_result, &result);
  engine_test_await (&result, ENGINE_TEST_TIMEOUT_MS);

  return strata_engine_request_finish (engine, result, error);
}

struct _EngineTestProxy
{
  char             *target_path;
  char             *listen_path;
  GSocketService   *service;
  GPtrArray        *connections;
  GCancellable     *cancellable;
};

static void
splice_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_io_stream_splice_finish (result, NULL);
}

static gboolean
proxy_incoming_cb (GSocketService    *service,
                   GSocketConnection *connection,
                   GObject           *source_object,
                   gpointer           user_data)
{
  EngineTestProxy *proxy = user_data;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (proxy->target_path);
  g_autoptr(GSocketConnection) upstream = NULL;

  upstream = g_socket_client_connect (client, G_SOCKET_CONNECTABLE (address), NULL, NULL);
  if (upstream == NULL)
    return FALSE;
  g_ptr_array_add (proxy->connections, g_object_ref (connection));
  g_ptr_array_add (proxy->connections, g_object_ref (upstream));
  g_io_stream_splice_async (G_IO_STREAM (connection), G_IO_STREAM (upstream),
                            G_IO_STREAM_SPLICE_CLOSE_STREAM1 | G_IO_STREAM_SPLICE_CLOSE_STREAM2,
                            G_PRIORITY_DEFAULT, proxy->cancellable, splice_done_cb, NULL);

  return TRUE;
}

EngineTestProxy *
engine_test_proxy_new (const char *target_path,
                       const char *listen_path)
{
  EngineTestProxy *proxy = g_new0 (EngineTestProxy, 1);

  proxy->target_path = g_strdup (target_path);
  proxy->listen_path = g_strdup (listen_path);
  proxy->connections = g_ptr_array_new_with_free_func (g_object_unref);

  return proxy;
}

void
engine_test_proxy_start (EngineTestProxy *proxy)
{
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (proxy->listen_path);
  g_autoptr(GError) error = NULL;

  g_assert_null (proxy->service);
  proxy->cancellable = g_cancellable_new ();
  proxy->service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (proxy->service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_DEFAULT, NULL, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (proxy->service, "incoming", G_CALLBACK (proxy_incoming_cb), proxy);
  g_socket_service_start (proxy->service);
}

void
engine_test_proxy_stop (EngineTestProxy *proxy)
{
  if (proxy->service == NULL)
    return;
  g_socket_service_stop (proxy->service);
  g_socket_listener_close (G_SOCKET_LISTENER (proxy->service));
  g_clear_object (&proxy->service);
  g_cancellable_cancel (proxy->cancellable);
  g_clear_object (&proxy->cancellable);
  for (guint i = 0; i < proxy->connections->len; i++)
    g_io_stream_close (proxy->connections->pdata[i], NULL, NULL);
  g_ptr_array_set_size (proxy->connections, 0);
  g_unlink (proxy->listen_path);
}

void
engine_test_proxy_free (EngineTestProxy *proxy)
{
  engine_test_proxy_stop (proxy);
  g_ptr_array_unref (proxy->connections);
  g_free (proxy->target_path);
  g_free (proxy->listen_path);
  g_free (proxy);
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

void
engine_test_finalize (gpointer object)
{
  gpointer weak = object;

  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);
  if (!engine_test_wait_until (pointer_cleared, &weak, 10000))
    g_error ("%s was not finalized: a reference leaked", G_OBJECT_TYPE_NAME (weak));
}
