/* strata-service-row.c
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row says what the engine says about the service's containers: state
 * (with the exit code of a stopped one), health, the published ports and
 * the image; and "Stale" when a container's config-hash label is not the
 * hash of the service as the files say now, which is when compose's `up`
 * would recreate it.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-application.h"
#include "strata-container.h"
#include "strata-service-row.h"
#include "strata-ui-types.h"

struct _StrataServiceRow
{
  AdwActionRow       parent_instance;

  /* Template widgets */
  GtkLabel          *stale_badge;
  GtkLabel          *health_badge;
  GtkLabel          *state_badge;
  GtkSpinner        *spinner;
  GtkButton         *start_button;
  GtkButton         *stop_button;
  GtkButton         *restart_button;
  GtkButton         *logs_button;

  /* Owned references */
  StrataServiceItem *service;
  char              *state_class;
  char              *health_class;
};

G_DEFINE_FINAL_TYPE (StrataServiceRow, strata_service_row, ADW_TYPE_ACTION_ROW)

typedef struct
{
  guint       n;
  guint       running;
  guint       stale;
  int         exit_code;   /* of the first stopped container that failed */
  const char *state;       /* of the only container */
  const char *health;      /* the worst */
  const char *image;
  GPtrArray  *ports;
} Summary;

static int
health_rank (const char *health)
{
  if (g_strcmp0 (health, "unhealthy") == 0)
    return 3;
  if (g_strcmp0 (health, "starting") == 0)
    return 2;
  if (g_strcmp0 (health, "healthy") == 0)
    return 1;

  return 0;
}

/* "0.0.0.0:8000->8000/tcp, :::8000->8000/tcp" is one port to a reader:
 * "8000->8000/tcp". Addresses other than the wildcards stay. */
static void
add_ports (GPtrArray  *seen,
           const char *ports)
{
  g_auto(GStrv) parts = ports ? g_strsplit (ports, ", ", -1) : NULL;

  for (guint i = 0; parts != NULL && parts[i] != NULL; i++)
    {
      const char *port = parts[i];

      if (g_str_has_prefix (port, "0.0.0.0:"))
        port += strlen ("0.0.0.0:");
      else if (g_str_has_prefix (port, ":::"))
        port += strlen (":::");
      else if (g_str_has_prefix (port, "[::]:"))
        port += strlen ("[::]:");
      if (*port != '\0' && !g_ptr_array_find_with_equal_func (seen, port, g_str_equal, NULL))
        g_ptr_array_add (seen, g_strdup (port));
    }
}

static void
summarize (Summary    *summary,
           GPtrArray  *containers,
           const char *expected_hash)
{
  for (guint i = 0; containers != NULL && i < containers->len; i++)
    {
      StrataContainer *c = g_ptr_array_index (containers, i);
      const char *state = strata_container_get_state (c);
      const char *ports = strata_container_get_ports (c);
      const char *hash = strata_container_get_config_hash (c);

      summary->n++;
      summary->state = state;
      summary->running += g_strcmp0 (state, "running") == 0;
      if (g_strcmp0 (state, "exited") == 0 && summary->exit_code == 0)
        summary->exit_code = strata_container_get_exit_code (c);
      if (health_rank (strata_container_get_health (c)) > health_rank (summary->health))
        summary->health = strata_container_get_health (c);
      if (summary->image == NULL)
        summary->image = strata_container_get_image (c);
      add_ports (summary->ports, ports);
      summary->stale += expected_hash != NULL && hash != NULL && g_strcmp0 (hash, expected_hash) != 0;
    }
}

static const char *
state_word (const char *state)
{
  static const struct { const char *state; const char *word; } words[] = {
    { "created", N_("Created") },
    { "running", N_("Running") },
    { "paused", N_("Paused") },
    { "restarting", N_("Restarting") },
    { "removing", N_("Removing") },
    { "exited", N_("Exited") },
    { "dead", N_("Dead") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_strcmp0 (state, words[i].state) == 0)
      return _(words[i].word);

  return state ? state : _("Unknown");
}

/* "Not created", "Running", "Exited (1)", "2 of 3 running". */
static char *
state_text (const Summary *s,
            const char   **css_class)
{
  *css_class = "dim-label";
  if (s->n == 0)
    return g_strdup (strata_project_state_to_label (STRATA_PROJECT_STATE_NOT_CREATED));
  if (s->running == s->n)
    *css_class = "success";
  else if (s->exit_code != 0 || g_strcmp0 (s->state, "dead") == 0)
    *css_class = "error";
  else if (s->running > 0 || g_strcmp0 (s->state, "restarting") == 0)
    *css_class = "warning";

  if (s->n > 1)
    return s->running == s->n ? g_strdup_printf (_("%u running"), s->n)
                              : g_strdup_printf (_("%u of %u running"), s->running, s->n);
  if (g_strcmp0 (s->state, "exited") == 0)
    return g_strdup_printf (_("Exited (%d)"), s->exit_code);

  return g_strdup (state_word (s->state));
}

static void
set_badge_class (GtkLabel    *badge,
                 char       **current,
                 const char  *css_class)
{
  if (*current != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (badge), *current);
  g_free (*current);
  *current = g_strdup (css_class);
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (badge), css_class);
}

static void
update_health (StrataServiceRow *self,
               const char       *health)
{
  gboolean shown = health != NULL && *health != '\0';
  const char *css_class = g_strcmp0 (health, "healthy") == 0 ? "success"
                        : g_strcmp0 (health, "unhealthy") == 0 ? "error" : "warning";

  gtk_widget_set_visible (GTK_WIDGET (self->health_badge), shown);
  if (!shown)
    return;
  gtk_label_set_label (self->health_badge, g_strcmp0 (health, "healthy") == 0 ? _("Healthy")
                                           : g_strcmp0 (health, "unhealthy") == 0 ? _("Unhealthy")
                                           : _("Health: starting"));
  set_badge_class (self->health_badge, &self->health_class, css_class);
}

/* image · ports: the live ones once a container publishes them, else the files'. */
static void
update_subtitle (StrataServiceRow *self,
                 const Summary    *s)
{
  const char *image = s->image ? s->image : strata_service_item_get_image (self->service);
  const char *declared = strata_service_item_get_ports_summary (self->service);
  g_autofree char *live = NULL;
  const char *ports;
  g_autofree char *subtitle = NULL;

  g_ptr_array_add (s->ports, NULL);
  live = g_strjoinv (", ", (char **) s->ports->pdata);
  g_ptr_array_remove_index (s->ports, s->ports->len - 1);
  ports = *live ? live : declared;
  if (image == NULL)
    image = strata_service_item_get_has_build (self->service) ? _("built here") : "";
  subtitle = g_markup_printf_escaped ("%s%s%s", image, ports && *ports && *image ? "  ·  " : "",
                                      ports ? ports : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
}

/**
 * strata_service_row_update:
 * @containers: (element-type StrataContainer) (nullable): the service's containers
 * @expected_hash: (nullable): the service's config hash in the current files
 */
void
strata_service_row_update (StrataServiceRow *self,
                           GPtrArray        *containers,
                           const char       *expected_hash)
{
  g_autoptr(GPtrArray) ports = g_ptr_array_new_with_free_func (g_free);
  Summary s = { .ports = ports };
  const char *css_class;
  g_autofree char *state = NULL;

  g_return_if_fail (STRATA_IS_SERVICE_ROW (self));

  summarize (&s, containers, expected_hash);
  state = state_text (&s, &css_class);
  gtk_label_set_label (self->state_badge, state);
  set_badge_class (self->state_badge, &self->state_class, css_class);
  update_health (self, s.health);
  gtk_widget_set_visible (GTK_WIDGET (self->stale_badge), s.stale > 0);
  update_subtitle (self, &s);
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), s.n > 0 && s.running < s.n);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stop_button), s.running > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->restart_button), s.n > 0);
}

void
strata_service_row_set_busy (StrataServiceRow *self,
                             gboolean          busy)
{
  g_return_if_fail (STRATA_IS_SERVICE_ROW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

gboolean
strata_service_row_get_busy (StrataServiceRow *self)
{
  g_return_val_if_fail (STRATA_IS_SERVICE_ROW (self), FALSE);

  return gtk_spinner_get_spinning (self->spinner);
}

StrataServiceItem *
strata_service_row_get_service (StrataServiceRow *self)
{
  g_return_val_if_fail (STRATA_IS_SERVICE_ROW (self), NULL);

  return self->service;
}

const char *
strata_service_row_get_state_label (StrataServiceRow *self)
{
  g_return_val_if_fail (STRATA_IS_SERVICE_ROW (self), NULL);

  return gtk_label_get_label (self->state_badge);
}

/* "Healthy", "Unhealthy", "Health: starting", or NULL without a health check. */
const char *
strata_service_row_get_health (StrataServiceRow *self)
{
  g_return_val_if_fail (STRATA_IS_SERVICE_ROW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->health_badge)) ? gtk_label_get_label (self->health_badge) : NULL;
}

gboolean
strata_service_row_get_stale (StrataServiceRow *self)
{
  g_return_val_if_fail (STRATA_IS_SERVICE_ROW (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->stale_badge));
}

static void
strata_service_row_dispose (GObject *object)
{
  StrataServiceRow *self = STRATA_SERVICE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STRATA_TYPE_SERVICE_ROW);
  g_clear_object (&self->service);
  g_clear_pointer (&self->state_class, g_free);
  g_clear_pointer (&self->health_class, g_free);

  G_OBJECT_CLASS (strata_service_row_parent_class)->dispose (object);
}

static void
strata_service_row_class_init (StrataServiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = strata_service_row_dispose;

  strata_application_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/strata/Strata/strata-service-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StrataServiceRow, stale_badge);
  gtk_widget_class_bind_template_child (widget_class, StrataServiceRow, health_badge);
  gtk_widget_class_bind_template_child (widget_class, StrataServiceRow, state_badge);
  gtk_widget_class_bind_template_child (widget_class, StrataServiceRow, spinner);
  gtk_widget_class_bind_template_child (widget_class, StrataServiceRow, start_button);
  gtk_widget_class_bind_template_child (widget_class, StrataServiceRow, stop_button);
  gtk_widget_class_bind_template_child (widget_class, StrataServiceRow, restart_button);
  gtk_widget_class_bind_template_child (widget_class, StrataServiceRow, logs_button);
}

static void
strata_service_row_init (StrataServiceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
strata_service_row_new (StrataServiceItem *service)
{
  StrataServiceRow *self = g_object_new (STRATA_TYPE_SERVICE_ROW, NULL);
  const char *name = strata_service_item_get_name (service);
  g_autofree char *title = g_markup_escape_text (name, -1);
  GtkButton *buttons[] = { self->start_button, self->stop_button, self->restart_button, self->logs_button };

  self->service = g_object_ref (service);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (buttons[i]), "s", name);
  strata_service_row_update (self, NULL, NULL);

  return GTK_WIDGET (self);
}
