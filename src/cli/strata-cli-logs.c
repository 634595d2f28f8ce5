/* strata-cli-logs.c: strata logs [-f] [--tail N] [-t] [SERVICE...]
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lines are printed as compose prints them: the container's name without
 * the project ("web-1"), padded to the longest plus two, "| ", the line
 * (without a TTY's carriage returns); on a
 * terminal each container's prefix has its own colour.  With -f the
 * streams are followed (and reopened when the engine comes back) until
 * Ctrl+C.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "strata-cli-engine.h"
#include "strata-cli-logs.h"
#include "strata-cli-verbs.h"
#include "strata-container-logs.h"

static const char * const colors[] = { "36", "33", "32", "35", "34", "1;36", "1;33", "1;32", "1;35", "1;34" };

typedef struct
{
  GPtrArray    *followers;   /* StrataContainerLogs */
  GPtrArray    *prefixes;    /* char *, parallel to followers */
  GCancellable *cancellable;
  guint         running;
  guint         width;
  gboolean      timestamps;
  gboolean      color;
  gboolean      attached;    /* up: print exits */
  gboolean      interrupted;
  gint64        since;       /* ns; 0: from the start */
} Printer;

static void
printer_clear (Printer *printer)
{
  g_ptr_array_unref (printer->followers);
  g_ptr_array_unref (printer->prefixes);
  g_object_unref (printer->cancellable);
}

static guint
index_of (Printer             *printer,
          StrataContainerLogs *logs)
{
  guint index = 0;

  g_ptr_array_find (printer->followers, logs, &index);

  return index;
}

static void
print_prefix (Printer *printer,
              guint    index)
{
  const char *prefix = printer->prefixes->pdata[index];

  if (printer->color)
    g_print ("\033[%sm%-*s|\033[0m ", colors[index % G_N_ELEMENTS (colors)], (int) printer->width + 2, prefix);
  else
    g_print ("%-*s| ", (int) printer->width + 2, prefix);
}

static void
on_line (StrataContainerLogs *logs,
         int                  source,
         gint64               ns,
         const char          *text,
         gpointer             user_data)
{
  Printer *printer = user_data;

  print_prefix (printer, index_of (printer, logs));
  if (printer->timestamps && ns > 0)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (ns / 1000000000);
      g_autofree char *date = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");

      g_print ("%s.%09" G_GINT64_FORMAT "Z ", date, ns % 1000000000);
    }
  g_print ("%s\n", text);
  fflush (stdout);
}

static void
on_ended (StrataContainerLogs *logs,
          int                  exit_code,
          gpointer             user_data)
{
  Printer *printer = user_data;

  if (printer->attached && exit_code >= 0 && !printer->interrupted)
    g_print ("%s %s %d\n", (char *) printer->prefixes->pdata[index_of (printer, logs)],
             _("exited with code"), exit_code);
  printer->running--;
}

static gboolean
on_interrupt (gpointer data)
{
  Printer *printer = data;

  printer->interrupted = TRUE;
  g_cancellable_cancel (printer->cancellable);

  return G_SOURCE_CONTINUE;
}

static gboolean
done (gpointer data)
{
  Printer *printer = data;

  return printer->running == 0 || g_cancellable_is_cancelled (printer->cancellable);
}

static char *
prefix_of (JsonObject *container,
           const char *project)
{
  const char *name = _strata_cli_container_name (container);
  g_autofree char *head = g_strdup_printf ("%s-", project);

  return g_strdup (g_str_has_prefix (name, head) ? name + strlen (head) : name);
}

/* Starts following every listed container of @services; returns how many. */
static guint
follow_containers (Printer            *printer,
                   StrataEngine       *engine,
                   JsonArray          *list,
                   const char         *project,
                   const char * const *services,
                   gboolean            follow,
                   int                 tail)
{
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *c = json_array_get_object_element (list, i);
      const char *service = _strata_cli_label (c, "com.docker.compose.service");
      g_autoptr(StrataContainerLogs) logs = NULL;
      char *prefix;

      if (services != NULL && services[0] != NULL && (service == NULL || !g_strv_contains (services, service)))
        continue;
      prefix = prefix_of (c, project);
      printer->width = MAX (printer->width, strlen (prefix));
      logs = strata_container_logs_new (engine, json_object_get_string_member (c, "Id"), follow, tail);
      if (printer->since > 0)
        strata_container_logs_set_since (logs, printer->since);
      g_signal_connect (logs, "line", G_CALLBACK (on_line), printer);
      g_signal_connect (logs, "ended", G_CALLBACK (on_ended), printer);
      g_ptr_array_add (printer->followers, g_steal_pointer (&logs));
      g_ptr_array_add (printer->prefixes, prefix);
    }
  printer->running = printer->followers->len;
  for (guint i = 0; i < printer->followers->len; i++)
    strata_container_logs_start (printer->followers->pdata[i], printer->cancellable);

  return printer->followers->len;
}

static void
printer_init (Printer *printer)
{
  memset (printer, 0, sizeof *printer);
  printer->followers = g_ptr_array_new_with_free_func (g_object_unref);
  printer->prefixes = g_ptr_array_new_with_free_func (g_free);
  printer->cancellable = g_cancellable_new ();
  printer->color = isatty (STDOUT_FILENO) && g_getenv ("NO_COLOR") == NULL;
}

static void
run_printer (Printer *printer)
{
  guint sigint = g_unix_signal_add (SIGINT, on_interrupt, printer);
  guint sigterm = g_unix_signal_add (SIGTERM, on_interrupt, printer);

  while (!done (printer))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (sigint);
  g_source_remove (sigterm);
}

int
strata_cli_logs (StrataCliGlobals *globals)
{
  gboolean follow = FALSE;
  gboolean timestamps = FALSE;
  g_autofree char *tail = NULL;
  const GOptionEntry entries[] = {
    { "follow", 'f', 0, G_OPTION_ARG_NONE, &follow, N_("Follow the output"), NULL },
    { "tail", 'n', 0, G_OPTION_ARG_STRING, &tail, N_("Lines to show from the end, or “all”"), "N" },
    { "timestamps", 't', 0, G_OPTION_ARG_NONE, &timestamps, N_("Show timestamps"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) services = NULL;
  g_autoptr(StrataEngine) engine = NULL;
  g_autoptr(JsonArray) list = NULL;
  g_autofree char *project = NULL;
  char *end = NULL;
  int lines = -1;
  Printer printer;

  if (!_strata_cli_parse_flags (globals, entries, &services, &error))
    return _strata_cli_usage_error ("%s", error->message);
  if (tail != NULL && !g_str_equal (tail, "all")
      && ((lines = (int) g_ascii_strtoll (tail, &end, 10)) < 0 || *end != '\0'))
    return _strata_cli_usage_error (_("--tail takes a number of lines or “all”, not “%s”"), tail);
  if ((engine = _strata_cli_engine_new (&error)) == NULL)
    return _strata_cli_error ("%s", error->message);
  project = _strata_cli_project_name (globals);
  if ((list = _strata_cli_list_containers (engine, project, TRUE, &error)) == NULL)
    return _strata_cli_error ("%s", error->message);

  printer_init (&printer);
  printer.timestamps = timestamps;
  follow_containers (&printer, engine, list, project, (const char * const *) services, follow, lines);
  run_printer (&printer);
  printer_clear (&printer);

  return STRATA_CLI_EXIT_OK;
}

/* Ctrl+C in `up`: stop what it follows, as compose does. */
static int
stop_all (StrataEngine       *engine,
          const char         *project,
          const char * const *services,
          int                 timeout)
{
  g_autoptr(StrataLifecycle) stop = strata_lifecycle_new (STRATA_LIFECYCLE_STOP);
  int status;

  g_printerr ("%s\n", _("Gracefully stopping... (press Ctrl+C again to force)"));
  strata_lifecycle_set_timeout (stop, timeout);
  status = _strata_cli_lifecycle_run (stop, engine, project, services);

  return status == STRATA_CLI_EXIT_OK ? 130 : status;
}

int
_strata_cli_attach (StrataEngine       *engine,
                    const char         *project,
                    const char * const *services,
                    gint64              since,
                    int                 timeout)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) list = NULL;
  Printer printer;
  int status = STRATA_CLI_EXIT_OK;

  if ((list = _strata_cli_list_containers (engine, project, TRUE, &error)) == NULL)
    return _strata_cli_error ("%s", error->message);
  printer_init (&printer);
  printer.attached = TRUE;
  printer.since = since;
  g_printerr (_("Attaching to %u containers; Ctrl+C stops them\n"),
              follow_containers (&printer, engine, list, project, services, TRUE, -1));
  run_printer (&printer);
  if (printer.interrupted)
    status = stop_all (engine, project, services, timeout);
  printer_clear (&printer);

  return status;
}
