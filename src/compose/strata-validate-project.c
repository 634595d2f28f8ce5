/* strata-validate-project.c: compose-go's checkConsistency on the normalized project
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Messages are compose 2.26.1's, word for word (its typos included), so
 * that they read the same as the CLI's; the place and the fix are ours.
 * compose walks its services in map order; Strata walks them by name.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "strata-canonical-private.h"
#include "strata-compose-error.h"
#include "strata-schema-private.h"
#include "strata-validate.h"
#include "strata-validate-private.h"

#define INVALID ": invalid compose project"

static gboolean
invalid (GError          **error,
         const StrataNode *node,
         const char       *hint,
         const char       *message)
{
  return _strata_set_error (error, STRATA_COMPOSE_ERROR_INVALID, _strata_node_place (node), hint, "%s", message);
}

static gboolean
defined (const StrataNode *project,
         const char       *kind,
         const char       *name)
{
  const StrataNode *map = strata_node_lookup (project, kind);

  return name != NULL && map != NULL && map->kind == STRATA_NODE_MAPPING && strata_node_lookup (map, name) != NULL;
}

/* The service fields these checks read, found once per project. */
typedef enum
{
  F_BUILD, F_IMAGE, F_PLATFORM, F_NETWORKS, F_NETWORK_MODE, F_HEALTHCHECK, F_DEPENDS_ON, F_LINKS,
  F_VOLUMES_FROM, F_VOLUMES, F_CONFIGS, F_SECRETS, F_SCALE, F_DEPLOY, F_CONTAINER_NAME,
  F_RESOURCES,  /* _strata_validate_resources ()'s fields, in its order */
  N_FIELDS = F_RESOURCES + STRATA_VALIDATE_N_RESOURCE_FIELDS
} FieldId;

static const char * const field_names[F_RESOURCES] = {
  "build", "image", "platform", "networks", "network_mode", "healthcheck", "depends_on", "links",
  "volumes_from", "volumes", "configs", "secrets", "scale", "deploy", "container_name",
};

/* A service and its fields, found in one walk over its children. */
typedef struct
{
  gint                  ids[N_FIELDS];
  StrataSchemaFieldSet  set;
} Fields;

typedef struct
{
  const StrataNode  *node;
  const gint        *ids;  /* N_FIELDS */
  StrataSchemaMatch  fields;
} Service;

static void
resolve_fields (Fields *fields)
{
  const StrataSchemaStruct *schema = _strata_schema_service ();

  memset (&fields->set, 0, sizeof fields->set);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      gint f = _strata_schema_field_index (schema, i < F_RESOURCES ? field_names[i]
                                                                   : _strata_validate_resource_field (i - F_RESOURCES));

      g_assert (f >= 0);
      fields->ids[i] = f;
      _strata_schema_field_set_add (&fields->set, f);
    }
}

/* strata_node_lookup (service, name) for a field of the service */
static const StrataNode *
field (const Service *service,
       FieldId        id)
{
  gint f = service->ids[id];

  return _strata_schema_field_set_has (&service->fields.listed, f) ? service->fields.nodes[f] : NULL;
}

static const char *
field_text (const Service *service,
            FieldId        id)
{
  const StrataNode *node = field (service, id);

  return node != NULL && node->kind == STRATA_NODE_SCALAR ? node->text : NULL;
}

static gboolean
check_build (const Service  *s,
             GError        **error)
{
  const StrataNode *service = s->node;
  const StrataNode *build = field (s, F_BUILD);
  const StrataNode *platforms = build ? strata_node_lookup (build, "platforms") : NULL;
  const char *platform = field_text (s, F_PLATFORM);
  g_autofree char *message = NULL;

  if (build == NULL && field (s, F_IMAGE) == NULL)
    {
      message = g_strdup_printf ("service \"%s\" has neither an image nor a build context specified" INVALID,
                                 service->key);
      return invalid (error, service, _("Add `image:` to run an image, or `build:` with the folder to build it from."),
                      message);
    }
  if (build == NULL)
    return TRUE;
  if (strata_node_lookup (build, "dockerfile") != NULL && strata_node_lookup (build, "dockerfile_inline") != NULL)
    {
      message = g_strdup_printf ("service \"%s\" declares mutualy exclusive dockerfile and dockerfile_inline" INVALID,
                                 service->key);
      return invalid (error, strata_node_lookup (build, "dockerfile_inline"),
                      _("Keep one of `dockerfile` and `dockerfile_inline`."), message);
    }
  if (platforms != NULL && strata_node_get_n_children (platforms) > 0 && platform != NULL)
    {
      for (guint i = 0; i < strata_node_get_n_children (platforms); i++)
        if (g_strcmp0 (strata_node_get_child (platforms, i)->text, platform) == 0)
          return TRUE;
      message = g_strdup_printf ("service.build.platforms MUST include service.platform \"%s\"" INVALID, platform);
      return invalid (error, platforms, _("Add the service's `platform` to `build.platforms`."), message);
    }
  return TRUE;
}

static gboolean
check_networks (const StrataNode  *project,
                const Service     *s,
                GError           **error)
{
  const StrataNode *service = s->node;
  const StrataNode *networks = field (s, F_NETWORKS);
  const StrataNode *mode = field (s, F_NETWORK_MODE);
  g_autofree char *message = NULL;

  if (mode != NULL && networks != NULL && strata_node_get_n_children (networks) > 0)
    {
      message = g_strdup_printf ("service %s declares mutually exclusive `network_mode` and `networks`" INVALID,
                                 service->key);
      return invalid (error, mode, _("Remove `network_mode` to join networks, or `networks` to share another "
                                     "network stack."), message);
    }
  for (guint i = 0; i < strata_node_get_n_children (networks); i++)
    {
      const StrataNode *network = strata_node_get_child (networks, i);

      if (defined (project, "networks", network->key))
        continue;
      message = g_strdup_printf ("service \"%s\" refers to undefined network %s" INVALID,
                                 service->key, network->key);
      return invalid (error, network, _("Define the network under the top-level `networks:`, or remove it "
                                        "from the service."), message);
    }
  return TRUE;
}

static gboolean
check_healthcheck (const Service  *s,
                   GError        **error)
{
  const StrataNode *health = field (s, F_HEALTHCHECK);
  const StrataNode *test = health ? strata_node_lookup (health, "test") : NULL;
  const char *first;

  if (test == NULL || test->kind != STRATA_NODE_SEQUENCE || strata_node_get_n_children (test) == 0)
    return TRUE;
  first = strata_node_get_child (test, 0)->text;
  if (g_strcmp0 (first, "CMD") == 0 || g_strcmp0 (first, "CMD-SHELL") == 0 || g_strcmp0 (first, "NONE") == 0)
    return TRUE;
  return invalid (error, strata_node_get_child (test, 0),
                  _("Start the list with CMD (run a program) or CMD-SHELL (run a shell command), or write the "
                    "test as one string."),
                  "healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\"");
}

/* Where a dependency came from: depends_on, or what implies it. */
static const char *
dependency_source (const Service *s,
                   const char    *name)
{
  const char *lists[] = { "links", "volumes_from", NULL };
  const FieldId list_ids[] = { F_LINKS, F_VOLUMES_FROM };
  const char *mode = field_text (s, F_NETWORK_MODE);

  for (guint l = 0; lists[l]; l++)
    {
      const StrataNode *list = field (s, list_ids[l]);

      for (guint i = 0; i < strata_node_get_n_children (list); i++)
        {
          const char *text = strata_node_get_child (list, i)->text;
          gsize n = strlen (name);

          if (text != NULL && strncmp (text, name, n) == 0 && (text[n] == '\0' || text[n] == ':'))
            return lists[l];
        }
    }
  if (mode != NULL && g_str_has_prefix (mode, "service:") && g_str_equal (mode + 8, name))
    return "network_mode";
  return "depends_on";
}

static gboolean
check_dependencies (const StrataNode  *project,
                    const Service     *s,
                    GError           **error)
{
  const StrataNode *service = s->node;
  const StrataNode *deps = field (s, F_DEPENDS_ON);

  for (guint i = 0; i < strata_node_get_n_children (deps); i++)
    {
      const StrataNode *dep = strata_node_get_child (deps, i);
      gboolean required = g_strcmp0 (strata_node_lookup_text (dep, "required"), "false") != 0;
      g_autofree char *message = NULL;
      g_autofree char *hint = NULL;

      if (defined (project, "services", dep->key) || ((dep->flags & STRATA_NODE_FLAG_DISABLED) && !required))
        continue;
      message = g_strdup_printf ("service \"%s\" depends on undefined service \"%s\"" INVALID,
                                 service->key, dep->key);
      if (dep->flags & STRATA_NODE_FLAG_DISABLED)
        hint = g_strdup_printf (_("`%s` belongs to a profile that is not enabled: enable it with --profile, or "
                                  "mark the dependency `required: false`."), dep->key);
      else
        hint = g_strdup_printf (_("Define the service `%s`, or remove it from %s."), dep->key,
                                dependency_source (s, dep->key));
      return invalid (error, dep, hint, message);
    }
  return TRUE;
}

static gboolean
check_references (const StrataNode  *project,
                  const Service     *s,
                  FieldId            id,
                  const char        *kind,
                  const char        *what,
                  GError           **error)
{
  const StrataNode *service = s->node;
  const StrataNode *build = field (s, F_BUILD);
  const StrataNode *list = g_str_equal (what, "build secret") ? (build ? strata_node_lookup (build, "secrets") : NULL)
                                                              : field (s, id);

  for (guint i = 0; i < strata_node_get_n_children (list); i++)
    {
      const StrataNode *item = strata_node_get_child (list, i);
      const char *source = strata_node_lookup_text (item, "source");
      g_autofree char *message = NULL;
      g_autofree char *hint = NULL;

      if (g_str_equal (kind, "volumes") && g_strcmp0 (strata_node_lookup_text (item, "type"), "volume") != 0)
        continue;
      if (source == NULL || source[0] == '\0' || defined (project, kind, source))
        continue;
      message = g_strdup_printf ("service \"%s\" refers to undefined %s %s" INVALID, service->key, what, source);
      if (g_str_equal (kind, "volumes"))
        hint = g_strdup_printf (_("Define `%s` under the top-level `volumes:`, or write a path (./%s) to "
                                  "mount a folder."), source, source);
      else
        hint = g_strdup_printf (_("Define `%s` under the top-level `%s:`, or remove it from the service."),
                                source, kind);
      return invalid (error, strata_node_lookup (item, "source"), hint, message);
    }
  return TRUE;
}

static gboolean
check_scale (const Service  *s,
             GError        **error)
{
  const StrataNode *service = s->node;
  const StrataNode *scale = field (s, F_SCALE);
  const StrataNode *deploy = field (s, F_DEPLOY);
  const char *replicas = deploy ? strata_node_lookup_text (deploy, "replicas") : NULL;
  const char *count = scale ? scale->text : replicas;
  g_autofree char *message = NULL;

  if (scale != NULL && replicas != NULL && g_strcmp0 (scale->text, replicas) != 0)
    {
      message = g_strdup_printf ("services.%s: can't set distinct values on 'scale' and 'deploy.replicas'" INVALID,
                                 service->key);
      return invalid (error, scale, _("Keep one of `scale` and `deploy.replicas`."), message);
    }
  if (count != NULL && g_ascii_strtoll (count, NULL, 10) > 1 && field (s, F_CONTAINER_NAME))
    {
      message = g_strdup_printf ("services.scale: can't set container_name and %s as container name must be unique"
                                 INVALID, service->key);
      return invalid (error, field (s, F_CONTAINER_NAME),
                      _("Remove `container_name` to run several containers, or run one."), message);
    }
  return TRUE;
}

static gboolean
check_service (const StrataNode  *project,
               const StrataNode  *node,
               const Fields      *fields,
               GError           **error)
{
  Service s = { node, fields->ids, };
  const StrataNode *values[STRATA_VALIDATE_N_RESOURCE_FIELDS];

  _strata_schema_match_only (_strata_schema_service (), node, &fields->set, &s.fields);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    values[i] = field (&s, F_RESOURCES + i);
  return check_build (&s, error) &&
         check_networks (project, &s, error) &&
         check_healthcheck (&s, error) &&
         check_dependencies (project, &s, error) &&
         check_references (project, &s, F_VOLUMES, "volumes", "volume", error) &&
         check_references (project, &s, F_BUILD, "secrets", "build secret", error) &&
         check_references (project, &s, F_CONFIGS, "configs", "config", error) &&
         check_references (project, &s, F_SECRETS, "secrets", "secret", error) &&
         check_scale (&s, error) &&
         _strata_validate_resources (node, field (&s, F_DEPLOY), values, error);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp ((*(StrataNode * const *) a)->key, (*(StrataNode * const *) b)->key);
}

static int
compare_keys_data (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return compare_keys (a, b);
}

/* Depth first from each service by name, dependencies by name. */
static gboolean
find_cycle (const StrataNode *services,
            const StrataNode *service,
            GPtrArray        *stack,
            GHashTable       *done,
            GError          **error)
{
  const StrataNode *deps = strata_node_lookup (service, "depends_on");
  guint n_deps = strata_node_get_n_children (deps);
  StrataNode *few[16];
  g_autofree StrataNode **many = n_deps > G_N_ELEMENTS (few) ? g_new (StrataNode *, n_deps) : NULL;
  StrataNode **sorted = many != NULL ? many : few;

  for (guint i = 0; i < stack->len; i++)
    if (g_ptr_array_index (stack, i) == service)
      {
        GString *path = g_string_new (NULL);
        g_autofree char *text = NULL;

        for (guint j = i; j < stack->len; j++)
          g_string_append_printf (path, "%s -> ", ((StrataNode *) g_ptr_array_index (stack, j))->key);
        g_string_append (path, service->key);
        text = g_string_free (path, FALSE);
        return _strata_set_error (error, STRATA_COMPOSE_ERROR_CYCLE, _strata_node_place (service),
                                  _("Remove one of these dependencies: containers cannot wait for each other."),
                                  "dependency cycle detected: %s", text);
      }
  if (g_hash_table_contains (done, service))
    return TRUE;
  g_ptr_array_add (stack, (gpointer) service);
  if (n_deps > 0)
    memcpy (sorted, deps->children->pdata, n_deps * sizeof (StrataNode *));
  g_qsort_with_data (sorted, n_deps, sizeof (StrataNode *), compare_keys_data, NULL);
  for (guint i = 0; i < n_deps; i++)
    {
      const StrataNode *next = strata_node_lookup (services, sorted[i]->key);

      if (next != NULL && !find_cycle (services, next, stack, done, error))
        return FALSE;
    }
  g_ptr_array_remove_index (stack, stack->len - 1);
  g_hash_table_add (done, (gpointer) service);
  return TRUE;
}

gboolean
strata_validate_project (StrataNode  *project,
                         GPtrArray   *diagnostics,
                         GError     **error)
{
  const StrataNode *services;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GHashTable) done = g_hash_table_new (NULL, NULL);
  Fields fields;

  g_return_val_if_fail (project != NULL && project->kind == STRATA_NODE_MAPPING, FALSE);

  resolve_fields (&fields);
  services = strata_node_lookup (project, "services");
  for (guint i = 0; i < strata_node_get_n_children (services); i++)
    g_ptr_array_add (sorted, strata_node_get_child (services, i));
  g_ptr_array_sort (sorted, compare_keys);

  for (guint i = 0; i < sorted->len; i++)
    {
      const StrataNode *service = g_ptr_array_index (sorted, i);

      if (service->kind != STRATA_NODE_MAPPING)
        return _strata_set_error (error, STRATA_COMPOSE_ERROR_TYPE, &service->pos,
                                  _("Give the service its settings (`image:`...), or remove it."),
                                  "services.%s must be a mapping", service->key);
      if (!check_service (project, service, &fields, error))
        return FALSE;
    }
  for (guint i = 0; i < sorted->len; i++)
    if (!find_cycle (services, g_ptr_array_index (sorted, i), stack, done, error))
      return FALSE;
  return TRUE;
}
