/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-api"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "platz-codec.h"
#include "platz-client-error.h"
#include "platz-api.h"

#define API_PREFIX "/api/v1"

struct _PlatzApi
{
  GObject      parent_instance;

  SoupSession *session;
  char        *base_url;
  char        *token;
  PlatzUser   *user;
};

G_DEFINE_FINAL_TYPE (PlatzApi, platz_api, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  N_PROPS
};

enum {
  SIGNAL_USER_CHANGED,
  SIGNAL_UNAUTHORIZED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What to make of a successful answer. */
typedef enum {
  PARSE_NONE,
  PARSE_RECORD,
  PARSE_LIST,
  PARSE_OCCURRENCES,
  PARSE_FLOOR,
  PARSE_AVAILABILITY,
  PARSE_POLICIES,
  PARSE_UTILISATION,
  PARSE_PLANNER,
  PARSE_BYTES,
  PARSE_LOGIN,
  PARSE_USER,
} ParseKind;

typedef struct {
  SoupMessage     *msg;
  ParseKind        kind;
  const PlatzType *type;
} Call;

static void
call_free (gpointer data)
{
  Call *call = data;

  g_clear_object (&call->msg);
  g_free (call);
}

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

static void
add_extras (PlatzRecord     *record,
            const PlatzType *type,
            JsonNode        *node)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &member))
    {
      g_autofree char *text = NULL;

      if (platz_type_find_field (type, name) != NULL || !JSON_NODE_HOLDS_VALUE (member))
        continue;
      switch (json_node_get_value_type (member))
        {
        case G_TYPE_STRING:
          text = g_strdup (json_node_get_string (member));
          break;
        case G_TYPE_INT64:
          text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (member));
          break;
        case G_TYPE_DOUBLE:
          text = g_strdup_printf ("%g", json_node_get_double (member));
          break;
        case G_TYPE_BOOLEAN:
          text = g_strdup (json_node_get_boolean (member) ? "true" : "false");
          break;
        default:
          break;
        }
      if (text != NULL)
        platz_record_set_extra (record, name, text);
    }
}

static PlatzRecord *
record_from_json (const PlatzType *type,
                  JsonNode        *node,
                  GError         **error)
{
  gpointer obj = platz_object_new (type);
  PlatzRecord *record;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node)
      || !platz_decode (type, node, PLATZ_DECODE_RESPONSE, obj, NULL, error))
    {
      platz_object_free (type, obj);
      if (error != NULL && *error == NULL)
        g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                     _("The server sent something unexpected."));
      return NULL;
    }
  record = platz_record_new (type, obj);
  add_extras (record, type, node);
  return record;
}

static GListModel *
list_from_json (const PlatzType *type,
                JsonNode        *node,
                GError         **error)
{
  g_autoptr(GListStore) store = g_list_store_new (PLATZ_TYPE_RECORD);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                   _("The server sent something unexpected."));
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(PlatzRecord) record = NULL;

      record = record_from_json (type, json_array_get_element (array, i), error);
      if (record == NULL)
        return NULL;
      g_list_store_append (store, record);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

static void
set_user (PlatzApi  *self,
          PlatzUser *user)
{
  if (self->user != NULL)
    platz_object_free (&platz_user_type, self->user);
  self->user = user;
  g_signal_emit (self, signals[SIGNAL_USER_CHANGED], 0);
}

static gpointer
parse_answer (PlatzApi  *self,
              Call      *call,
              JsonNode  *root,
              GError   **error)
{
  switch (call->kind)
    {
    case PARSE_RECORD:
      return record_from_json (call->type, root, error);
    case PARSE_LIST:
      return list_from_json (call->type, root, error);
    case PARSE_OCCURRENCES:
      {
        JsonNode *occurrences = NULL;

        if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
          occurrences = json_object_get_member (json_node_get_object (root), "occurrences");
        if (occurrences != NULL)
          return list_from_json (call->type, occurrences, error);
        /* A single reservation without a list of occurrences. */
        {
          g_autoptr(PlatzRecord) record = record_from_json (call->type, root, error);
          GListStore *store;

          if (record == NULL)
            return NULL;
          store = g_list_store_new (PLATZ_TYPE_RECORD);
          g_list_store_append (store, record);
          return store;
        }
      }
    case PARSE_FLOOR:
      return platz_floor_data_parse (root, error);
    case PARSE_AVAILABILITY:
      return platz_availability_parse (root, error);
    case PARSE_POLICIES:
      {
        PlatzPolicies *policies = platz_object_new (&platz_policies_type);

        platz_policies_init_defaults (policies);
        if (!platz_decode (&platz_policies_type, root, PLATZ_DECODE_RESPONSE, policies, NULL,
                           error))
          {
            platz_object_free (&platz_policies_type, policies);
            return NULL;
          }
        return policies;
      }
    case PARSE_UTILISATION:
      return platz_utilisation_parse (root, error);
    case PARSE_PLANNER:
      return platz_planner_parse (root, error);
    case PARSE_LOGIN:
    case PARSE_USER:
      {
        JsonNode *user_node = root;
        PlatzUser *user;

        if (call->kind == PARSE_LOGIN)
          {
            JsonObject *object;

            if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
              break;
            object = json_node_get_object (root);
            if (!json_object_has_member (object, "token")
                || json_object_get_string_member_with_default (object, "token", NULL) == NULL)
              break;
            platz_api_set_token (self, json_object_get_string_member (object, "token"));
            user_node = json_object_get_member (object, "user");
          }
        if (user_node == NULL || !JSON_NODE_HOLDS_OBJECT (user_node))
          break;
        user = platz_object_new (&platz_user_type);
        if (!platz_decode (&platz_user_type, user_node, PLATZ_DECODE_RESPONSE, user, NULL,
                           error))
          {
            platz_object_free (&platz_user_type, user);
            return NULL;
          }
        set_user (self, user);
        return self->user;
      }
    case PARSE_NONE:
    case PARSE_BYTES:
    default:
      g_assert_not_reached ();
    }
  g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
               _("The server sent something unexpected."));
  return NULL;
}

static GDestroyNotify
result_free_func (Call *call)
{
  switch (call->kind)
    {
    case PARSE_RECORD:
    case PARSE_LIST:
    case PARSE_OCCURRENCES:
      return g_object_unref;
    case PARSE_FLOOR:
      return (GDestroyNotify) platz_floor_data_unref;
    case PARSE_AVAILABILITY:
      return (GDestroyNotify) platz_availability_unref;
    case PARSE_UTILISATION:
    case PARSE_PLANNER:
      return (GDestroyNotify) g_ptr_array_unref;
    case PARSE_BYTES:
      return (GDestroyNotify) g_bytes_unref;
    case PARSE_LOGIN:
    case PARSE_USER:
    case PARSE_NONE:
    case PARSE_POLICIES:
    default:
      return NULL;
    }
}

static void
free_policies (gpointer data)
{
  platz_object_free (&platz_policies_type, data);
}

static void
on_send_and_read_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PlatzApi *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) root = NULL;
  gpointer answer;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_error (task, platz_client_error_network (self->base_url, error));
      return;
    }

  status = soup_message_get_status (call->msg);
  if (status == SOUP_STATUS_NOT_FOUND && call->kind == PARSE_BYTES)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  if (status < 200 || status >= 300)
    {
      const char *retry = soup_message_headers_get_one (
        soup_message_get_response_headers (call->msg), "Retry-After");
      GError *failure = platz_client_error_from_response (status, body, retry);

      if (status == SOUP_STATUS_UNAUTHORIZED && call->kind == PARSE_LOGIN)
        {
          g_clear_error (&failure);
          failure = g_error_new_literal (PLATZ_ERROR, PLATZ_ERROR_UNAUTHENTICATED,
                                         _("Wrong user name or password."));
        }
      else if (status == SOUP_STATUS_UNAUTHORIZED && self->token != NULL)
        g_signal_emit (self, signals[SIGNAL_UNAUTHORIZED], 0);
      g_task_return_error (task, failure);
      return;
    }

  if (call->kind == PARSE_NONE)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (call->kind == PARSE_BYTES)
    {
      g_task_return_pointer (task, g_bytes_ref (body), (GDestroyNotify) g_bytes_unref);
      return;
    }

  if (g_bytes_get_size (body) > 0)
    {
      gsize len;
      const char *data = g_bytes_get_data (body, &len);

      root = platz_json_parse (data, len, NULL);
    }
  answer = parse_answer (self, call, root, &error);
  if (answer == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (call->kind == PARSE_POLICIES)
    g_task_return_pointer (task, answer, free_policies);
  else
    g_task_return_pointer (task, answer, result_free_func (call));
}

/* Takes path; body may be NULL. */
static void
send (PlatzApi            *self,
      const char          *method,
      char                *path,
      GBytes              *body,
      const char          *content_type,
      ParseKind            kind,
      const PlatzType     *type,
      gpointer             source_tag,
      GCancellable        *cancellable,
      GAsyncReadyCallback  callback,
      gpointer             user_data)
{
  g_autofree char *owned_path = path;
  g_autofree char *url = g_strconcat (self->base_url, API_PREFIX, path, NULL);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Call *call = g_new0 (Call, 1);
  SoupMessageHeaders *headers;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, call_free);
  call->kind = kind;
  call->type = type;
  call->msg = soup_message_new (method, url);
  if (call->msg == NULL)
    {
      g_task_return_new_error (task, PLATZ_ERROR, PLATZ_ERROR_NETWORK,
                               _("“%s” is not a valid server address."), self->base_url);
      return;
    }
  headers = soup_message_get_request_headers (call->msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (self->token != NULL && kind != PARSE_LOGIN)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", self->token, NULL);

      soup_message_headers_replace (headers, "Authorization", auth);
    }
  if (body != NULL)
    soup_message_set_request_body_from_bytes (call->msg, content_type, body);

  soup_session_send_and_read_async (self->session, call->msg, G_PRIORITY_DEFAULT,
                                    cancellable, on_send_and_read_cb,
                                    g_steal_pointer (&task));
}

static void
add_int_member (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static GBytes *
json_bytes (JsonNode *node)
{
  gsize len;
  char *text = platz_json_to_string (node, &len);

  return g_bytes_new_take (text, len);
}

static void
send_json (PlatzApi            *self,
           const char          *method,
           char                *path,
           JsonNode            *node,
           ParseKind            kind,
           const PlatzType     *type,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GBytes) body = json_bytes (node);

  send (self, method, path, body, "application/json", kind, type, source_tag,
        cancellable, callback, user_data);
}

static const char *
collection_path (const PlatzType *type)
{
  if (type == &platz_standard_type)
    return "/occupancy-standards";
  if (type == &platz_site_type)
    return "/sites";
  if (type == &platz_building_type)
    return "/buildings";
  if (type == &platz_floor_type)
    return "/floors";
  if (type == &platz_room_type)
    return "/rooms";
  if (type == &platz_desk_type)
    return "/desks";
  if (type == &platz_user_type)
    return "/users";
  if (type == &platz_team_type)
    return "/teams";
  g_return_val_if_reached ("/");
}

/* Appends "&name=value" (or "?name=value") with value escaped. */
static void
add_query (GString    *path,
           const char *name,
           const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;
  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_c (path, strchr (path->str, '?') ? '&' : '?');
  g_string_append_printf (path, "%s=%s", name, escaped);
}

static void
add_query_id (GString    *path,
              const char *name,
              gint64      id)
{
  g_autofree char *text = NULL;

  if (id <= 0)
    return;
  text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  add_query (path, name, text);
}

/* The collection's path, with ?filter=id when id > 0; free with g_free. */
static char *
collection_path_filtered (const PlatzType *type,
                          const char      *filter,
                          gint64           id)
{
  GString *path = g_string_new (collection_path (type));

  add_query_id (path, filter, id);
  return g_string_free (path, FALSE);
}

static void
add_query_tags (GString      *path,
                const char   *name,
                char * const *tags)
{
  g_autofree char *joined = NULL;

  if (tags == NULL || tags[0] == NULL)
    return;
  joined = g_strjoinv (",", (char **) tags);
  add_query (path, name, joined);
}

static JsonNode *
encode_writable (const PlatzType    *type,
                 gconstpointer       obj,
                 const char * const *only)
{
  g_autoptr(JsonNode) full = platz_encode (type, obj);
  JsonObject *object = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  JsonNode *node;

  json_object_iter_init (&iter, json_node_get_object (full));
  while (json_object_iter_next (&iter, &name, &member))
    {
      const PlatzField *field = platz_type_find_field (type, name);

      if (field == NULL || field->type == PLATZ_FIELD_ID || (field->flags & PLATZ_F_READONLY))
        continue;
      if (only != NULL && !g_strv_contains (only, name))
        continue;
      json_object_set_member (object, name, json_node_copy (member));
    }
  /* platz_encode leaves out write-only fields (a user's password). */
  for (guint i = 0; i < type->n_fields; i++)
    {
      const PlatzField *field = &type->fields[i];
      const char *value;

      if (!(field->flags & PLATZ_F_WRITEONLY) || field->type != PLATZ_FIELD_STRING)
        continue;
      value = *(char **) PLATZ_FIELD_PTR (obj, field);
      if (value != NULL && (only == NULL || g_strv_contains (only, field->name)))
        json_object_set_string_member (object, field->name, value);
    }
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

/* Every _finish that hands back a pointer (NULL on error). */
static gpointer
finish_pointer (PlatzApi      *self,
                GAsyncResult  *result,
                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* GObject overrides                                                   */
/* ------------------------------------------------------------------ */

static void
platz_api_dispose (GObject *object)
{
  PlatzApi *self = PLATZ_API (object);

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (platz_api_parent_class)->dispose (object);
}

static void
platz_api_finalize (GObject *object)
{
  PlatzApi *self = PLATZ_API (object);

  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->token, g_free);
  if (self->user != NULL)
    platz_object_free (&platz_user_type, self->user);

  G_OBJECT_CLASS (platz_api_parent_class)->finalize (object);
}

static void
platz_api_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PlatzApi *self = PLATZ_API (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
platz_api_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PlatzApi *self = PLATZ_API (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      platz_api_set_base_url (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
platz_api_class_init (PlatzApiClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = platz_api_dispose;
  object_class->finalize = platz_api_finalize;
  object_class->get_property = platz_api_get_property;
  object_class->set_property = platz_api_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The signed-in user changed (login, /me, logout). */
  signals[SIGNAL_USER_CHANGED] =
    g_signal_new ("user-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The server no longer accepts the token. */
  signals[SIGNAL_UNAUTHORIZED] =
    g_signal_new ("unauthorized", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
platz_api_init (PlatzApi *self)
{
  self->session = soup_session_new_with_options ("timeout", 30,
                                                 "idle-timeout", 60,
                                                 "user-agent", "platz/" PACKAGE_VERSION,
                                                 NULL);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

PlatzApi *
platz_api_new (const char *base_url)
{
  return g_object_new (PLATZ_TYPE_API, "base-url", base_url, NULL);
}

const char *
platz_api_get_base_url (PlatzApi *self)
{
  g_return_val_if_fail (PLATZ_IS_API (self), NULL);
  return self->base_url;
}

void
platz_api_set_base_url (PlatzApi   *self,
                        const char *base_url)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (PLATZ_IS_API (self));

  trimmed = g_strstrip (g_strdup (base_url != NULL ? base_url : ""));
  /* Accept "host:port" and addresses ending in / or /api/v1. */
  if (*trimmed != '\0' && strstr (trimmed, "://") == NULL)
    {
      char *with_scheme = g_strconcat ("http://", trimmed, NULL);

      g_free (trimmed);
      trimmed = with_scheme;
    }
  if (g_str_has_suffix (trimmed, API_PREFIX))
    trimmed[strlen (trimmed) - strlen (API_PREFIX)] = '\0';
  while (g_str_has_suffix (trimmed, "/"))
    trimmed[strlen (trimmed) - 1] = '\0';

  if (g_strcmp0 (self->base_url, trimmed) == 0)
    return;
  g_free (self->base_url);
  self->base_url = g_steal_pointer (&trimmed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);
}

const char *
platz_api_get_token (PlatzApi *self)
{
  g_return_val_if_fail (PLATZ_IS_API (self), NULL);
  return self->token;
}

void
platz_api_set_token (PlatzApi   *self,
                     const char *token)
{
  g_return_if_fail (PLATZ_IS_API (self));

  g_free (self->token);
  self->token = (token != NULL && *token != '\0') ? g_strdup (token) : NULL;
  if (self->token == NULL && self->user != NULL)
    set_user (self, NULL);
}

const PlatzUser *
platz_api_get_user (PlatzApi *self)
{
  g_return_val_if_fail (PLATZ_IS_API (self), NULL);
  return self->user;
}

gboolean
platz_api_can_manage_facility (PlatzApi *self)
{
  g_return_val_if_fail (PLATZ_IS_API (self), FALSE);
  return self->user != NULL && (g_strcmp0 (self->user->role, "facility_manager") == 0
                                || g_strcmp0 (self->user->role, "admin") == 0);
}

gboolean
platz_api_can_lead_teams (PlatzApi *self)
{
  g_return_val_if_fail (PLATZ_IS_API (self), FALSE);
  return self->user != NULL && (g_strcmp0 (self->user->role, "team_lead") == 0
                                || g_strcmp0 (self->user->role, "admin") == 0);
}

void
platz_api_login_async (PlatzApi            *self,
                       const char          *username,
                       const char          *password,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (PLATZ_IS_API (self));

  json_builder_begin_object (builder);
  add_string_member (builder, "username", username);
  add_string_member (builder, "password", password);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  send_json (self, "POST", g_strdup ("/auth/login"), node, PARSE_LOGIN, NULL,
             platz_api_login_async, cancellable, callback, user_data);
}

void
platz_api_me_async (PlatzApi            *self,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_return_if_fail (PLATZ_IS_API (self));
  send (self, "GET", g_strdup ("/me"), NULL, NULL, PARSE_USER, NULL,
        platz_api_me_async, cancellable, callback, user_data);
}

const PlatzUser *
platz_api_user_finish (PlatzApi *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, error);
}

void
platz_api_logout_async (PlatzApi            *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (PLATZ_IS_API (self));
  send (self, "POST", g_strdup ("/auth/logout"), NULL, NULL, PARSE_NONE, NULL,
        platz_api_logout_async, cancellable, callback, user_data);
}

#define LIST(type, path, tag) \
  send (self, "GET", (path), NULL, NULL, PARSE_LIST, (type), (tag), cancellable, callback, \
        user_data)

/* GET on a type's collection, filtered by a parent's id (0 = all). */
#define LIST_COLLECTION(type, filter, filter_id, tag) \
  LIST ((type), collection_path_filtered ((type), (filter), (filter_id)), (tag))

void
platz_api_list_sites_async (PlatzApi *self, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  LIST_COLLECTION (&platz_site_type, NULL, 0, platz_api_list_sites_async);
}

void
platz_api_list_buildings_async (PlatzApi *self, gint64 site_id, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data)
{
  LIST_COLLECTION (&platz_building_type, "site_id", site_id, platz_api_list_buildings_async);
}

void
platz_api_list_floors_async (PlatzApi *self, gint64 building_id, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  LIST_COLLECTION (&platz_floor_type, "building_id", building_id, platz_api_list_floors_async);
}

void
platz_api_list_rooms_async (PlatzApi *self, gint64 floor_id, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  LIST_COLLECTION (&platz_room_type, "floor_id", floor_id, platz_api_list_rooms_async);
}

void
platz_api_list_desks_async (PlatzApi *self, gint64 room_id, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  LIST_COLLECTION (&platz_desk_type, "room_id", room_id, platz_api_list_desks_async);
}

void
platz_api_list_standards_async (PlatzApi *self, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data)
{
  LIST_COLLECTION (&platz_standard_type, NULL, 0, platz_api_list_standards_async);
}

void
platz_api_list_teams_async (PlatzApi *self, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  LIST_COLLECTION (&platz_team_type, NULL, 0, platz_api_list_teams_async);
}

void
platz_api_list_users_async (PlatzApi *self, gint64 team_id, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  LIST_COLLECTION (&platz_user_type, "team_id", team_id, platz_api_list_users_async);
}

void
platz_api_list_bookings_async (PlatzApi *self, const char *from, const char *to,
                               gboolean all_statuses, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  GString *path = g_string_new ("/bookings");

  add_query (path, "from", from);
  add_query (path, "to", to);
  if (all_statuses)
    add_query (path, "status", "all");
  LIST (&platz_booking_type, g_string_free (path, FALSE), platz_api_list_bookings_async);
}

void
platz_api_list_reservations_async (PlatzApi *self, const char *from, const char *to,
                                   gint64 room_id, gint64 team_id, gboolean mine,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  GString *path = g_string_new ("/reservations");

  add_query (path, "from", from);
  add_query (path, "to", to);
  add_query_id (path, "room_id", room_id);
  add_query_id (path, "team_id", team_id);
  if (mine)
    add_query (path, "mine", "true");
  LIST (&platz_reservation_type, g_string_free (path, FALSE),
        platz_api_list_reservations_async);
}

void
platz_api_search_desks_async (PlatzApi *self, const char *date, const char *slot,
                              gint64 site_id, char * const *equipment, gboolean accessible,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  GString *path = g_string_new ("/desks/search");

  add_query (path, "date", date);
  add_query (path, "slot", slot);
  add_query_id (path, "site_id", site_id);
  add_query_tags (path, "equipment", equipment);
  if (accessible)
    add_query (path, "accessible", "true");
  LIST (&platz_desk_type, g_string_free (path, FALSE), platz_api_search_desks_async);
}

void
platz_api_search_rooms_async (PlatzApi *self, const char *start, const char *end,
                              gint64 attendees, char * const *equipment, gint64 site_id,
                              const char *kind,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  GString *path = g_string_new ("/rooms/search");

  add_query (path, "start", start);
  add_query (path, "end", end);
  add_query_id (path, "attendees", attendees);
  add_query_tags (path, "equipment", equipment);
  add_query_id (path, "site_id", site_id);
  add_query (path, "kind", kind);
  LIST (&platz_room_type, g_string_free (path, FALSE), platz_api_search_rooms_async);
}

#undef LIST_COLLECTION
#undef LIST

GListModel *
platz_api_list_finish (PlatzApi *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, error);
}

void
platz_api_book_desk_async (PlatzApi *self, gint64 desk_id, const char *date, const char *slot,
                           gint64 for_user_id, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  add_int_member (builder, "desk_id", desk_id);
  add_string_member (builder, "date", date);
  add_string_member (builder, "slot", slot);
  if (for_user_id > 0)
    add_int_member (builder, "user_id", for_user_id);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  send_json (self, "POST", g_strdup ("/bookings"), node, PARSE_RECORD, &platz_booking_type,
             platz_api_book_desk_async, cancellable, callback, user_data);
}

void
platz_api_check_in_async (PlatzApi *self, gint64 booking_id, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  send (self, "POST",
        g_strdup_printf ("/bookings/%" G_GINT64_FORMAT "/check-in", booking_id),
        NULL, NULL, PARSE_RECORD, &platz_booking_type, platz_api_check_in_async,
        cancellable, callback, user_data);
}

void
platz_api_create_async (PlatzApi *self, const PlatzType *type, gconstpointer obj,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(JsonNode) node = encode_writable (type, obj, NULL);

  send_json (self, "POST", g_strdup (collection_path (type)), node, PARSE_RECORD, type,
             platz_api_create_async, cancellable, callback, user_data);
}

void
platz_api_patch_async (PlatzApi *self, const PlatzType *type, gint64 id, gconstpointer obj,
                       const char * const *fields, GCancellable *cancellable,
                       GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(JsonNode) node = encode_writable (type, obj, fields);

  send_json (self, "PATCH",
             g_strdup_printf ("%s/%" G_GINT64_FORMAT, collection_path (type), id),
             node, PARSE_RECORD, type, platz_api_patch_async,
             cancellable, callback, user_data);
}

PlatzRecord *
platz_api_record_finish (PlatzApi *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, error);
}

void
platz_api_reserve_room_async (PlatzApi *self, gint64 room_id, const char *start,
                              const char *end, const char *title, gint64 attendees,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  add_int_member (builder, "room_id", room_id);
  add_string_member (builder, "start", start);
  add_string_member (builder, "end", end);
  add_string_member (builder, "title", title);
  add_int_member (builder, "attendees", attendees);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  send_json (self, "POST", g_strdup ("/reservations"), node, PARSE_OCCURRENCES,
             &platz_reservation_type, platz_api_reserve_room_async,
             cancellable, callback, user_data);
}

void
platz_api_reserve_project_async (PlatzApi *self, gint64 room_id, gint64 team_id,
                                 const char *from_date, const char *to_date,
                                 const int *weekdays, guint n_weekdays, const char *until,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  add_int_member (builder, "room_id", room_id);
  add_int_member (builder, "team_id", team_id);
  add_string_member (builder, "from_date", from_date);
  add_string_member (builder, "to_date", to_date);
  if (weekdays != NULL && n_weekdays > 0)
    {
      json_builder_set_member_name (builder, "weekdays");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_weekdays; i++)
        json_builder_add_int_value (builder, weekdays[i]);
      json_builder_end_array (builder);
    }
  if (until != NULL)
    add_string_member (builder, "until", until);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  send_json (self, "POST", g_strdup ("/reservations"), node, PARSE_OCCURRENCES,
             &platz_reservation_type, platz_api_reserve_project_async,
             cancellable, callback, user_data);
}

void
platz_api_cancel_booking_async (PlatzApi *self, gint64 booking_id, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data)
{
  send (self, "DELETE", g_strdup_printf ("/bookings/%" G_GINT64_FORMAT, booking_id),
        NULL, NULL, PARSE_NONE, NULL, platz_api_cancel_booking_async,
        cancellable, callback, user_data);
}

void
platz_api_delete_reservation_async (PlatzApi *self, gint64 reservation_id, gboolean series,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data)
{
  send (self, "DELETE",
        g_strdup_printf ("/reservations/%" G_GINT64_FORMAT "%s", reservation_id,
                         series ? "?series=true" : ""),
        NULL, NULL, PARSE_NONE, NULL, platz_api_delete_reservation_async,
        cancellable, callback, user_data);
}

void
platz_api_delete_async (PlatzApi *self, const PlatzType *type, gint64 id, gboolean force,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback, gpointer user_data)
{
  send (self, "DELETE",
        g_strdup_printf ("%s/%" G_GINT64_FORMAT "%s", collection_path (type), id,
                         force ? "?force=true" : ""),
        NULL, NULL, PARSE_NONE, NULL, platz_api_delete_async, cancellable, callback, user_data);
}

void
platz_api_upload_plan_async (PlatzApi *self, gint64 floor_id, GBytes *image,
                             const char *content_type, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  send (self, "PUT", g_strdup_printf ("/floors/%" G_GINT64_FORMAT "/plan", floor_id),
        image, content_type, PARSE_NONE, NULL, platz_api_upload_plan_async,
        cancellable, callback, user_data);
}

gboolean
platz_api_boolean_finish (PlatzApi      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
platz_api_get_floor_async (PlatzApi *self, gint64 floor_id, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  send (self, "GET", g_strdup_printf ("/floors/%" G_GINT64_FORMAT, floor_id),
        NULL, NULL, PARSE_FLOOR, NULL, platz_api_get_floor_async,
        cancellable, callback, user_data);
}

PlatzFloorData *
platz_api_get_floor_finish (PlatzApi *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, error);
}

void
platz_api_get_availability_async (PlatzApi *self, gint64 floor_id, const char *date,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data)
{
  GString *path = g_string_new (NULL);

  g_string_printf (path, "/floors/%" G_GINT64_FORMAT "/availability", floor_id);
  add_query (path, "date", date);
  send (self, "GET", g_string_free (path, FALSE), NULL, NULL, PARSE_AVAILABILITY, NULL,
        platz_api_get_availability_async, cancellable, callback, user_data);
}

PlatzAvailability *
platz_api_get_availability_finish (PlatzApi *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, error);
}

void
platz_api_get_plan_async (PlatzApi *self, gint64 floor_id, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  send (self, "GET", g_strdup_printf ("/floors/%" G_GINT64_FORMAT "/plan", floor_id),
        NULL, NULL, PARSE_BYTES, NULL, platz_api_get_plan_async,
        cancellable, callback, user_data);
}

GBytes *
platz_api_get_plan_finish (PlatzApi *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, error);
}

void
platz_api_get_policies_async (PlatzApi *self, gint64 site_id, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  GString *path = g_string_new ("/policies");

  add_query_id (path, "site_id", site_id);
  send (self, "GET", g_string_free (path, FALSE), NULL, NULL, PARSE_POLICIES, NULL,
        platz_api_get_policies_async, cancellable, callback, user_data);
}

PlatzPolicies *
platz_api_get_policies_finish (PlatzApi *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, error);
}

void
platz_api_utilisation_async (PlatzApi *self, const char *from, const char *to, gint64 site_id,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  GString *path = g_string_new ("/reports/utilisation");

  add_query (path, "from", from);
  add_query (path, "to", to);
  add_query_id (path, "site_id", site_id);
  send (self, "GET", g_string_free (path, FALSE), NULL, NULL, PARSE_UTILISATION, NULL,
        platz_api_utilisation_async, cancellable, callback, user_data);
}

void
platz_api_occupancy_plan_async (PlatzApi *self, gint64 site_id, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data)
{
  GString *path = g_string_new ("/reports/occupancy-plan");

  add_query_id (path, "site_id", site_id);
  send (self, "GET", g_string_free (path, FALSE), NULL, NULL, PARSE_PLANNER, NULL,
        platz_api_occupancy_plan_async, cancellable, callback, user_data);
}

GPtrArray *
platz_api_report_finish (PlatzApi *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, error);
}
