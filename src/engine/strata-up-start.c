/* strata-up-start.c: starting a service's containers
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Once its dependencies' conditions hold (strata-up-wait.c), a service's
 * containers start one after the other, in the plan's order; one that is
 * up to date and running is reported as such.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "strata-up-private.h"

typedef struct
{
  const char *service;  /* borrowed from the plan */
  guint       index;    /* the next item to look at */
} Start;

static void
start_next (StrataUpRun *run,
            JsonNode    *answer,
            gpointer     data)
{
  Start *start = data;

  if (answer != NULL)
    _strata_up_run_done (run, _("Started"));
  for (; start->index < run->plan->items->len; start->index++)
    {
      StrataUpItem *item = run->plan->items->pdata[start->index];
      g_autofree char *path = NULL;

      if (item->kind != STRATA_UP_ITEM_CONTAINER || g_strcmp0 (item->service, start->service) != 0
          || item->action == STRATA_UP_REMOVE)
        continue;
      if (item->action == STRATA_UP_KEEP)
        {
          _strata_up_plan_progress (run->plan, STRATA_UP_ITEM_CONTAINER, item->name,
                                    STRATA_PLAN_STEP_DONE, _("Running"));
          continue;
        }
      path = g_strdup_printf ("/containers/%s/start", (char *) g_hash_table_lookup (run->container_ids, item->name));
      start->index++;
      _strata_up_run_working (run, STRATA_UP_ITEM_CONTAINER, item->name, _("Starting"));
      _strata_up_run_call (run, "POST", path, NULL, start_next, start, g_free);
      return;
    }
  g_free (start);
  _strata_up_run_next (run);
}

void
_strata_up_start_step (StrataUpRun *run,
                       gpointer     service)
{
  Start *start = g_new0 (Start, 1);

  start->service = service;
  start_next (run, NULL, start);
}
