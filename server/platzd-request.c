/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-request"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "platz-date.h"
#include "platzd-app.h"
#include "platzd-auth.h"

/* Replies */

void
platzd_request_free (PlatzdRequest *req)
{
  req->app->in_flight--;
  g_clear_pointer (&req->params, g_hash_table_unref);
  g_clear_pointer (&req->query, g_hash_table_unref);
  g_clear_pointer (&req->body, json_node_unref);
  g_clear_pointer (&req->raw_body, g_bytes_unref);
  g_clear_pointer (&req->user, platzd_user_release);
  g_free (req->remote);
  g_free (req->path_copy);
  g_object_unref (req->msg);
  g_free (req);
}

static void
request_send (PlatzdRequest *req)
{
  req->finished = TRUE;
  if (req->msg_gone)
    platzd_request_free (req);
  else if (req->paused)
    soup_server_message_unpause (req->msg);
}

static void
on_durable_cb (gboolean ok,
               gpointer data)
{
  PlatzdRequest *req = data;

  if (!ok)
    {
      PlatzErrorCode code = platzd_store_commit_failure (req->app->store);

      if (code != PLATZ_ERROR_DATABASE_FULL && code != PLATZ_ERROR_DATABASE_CORRUPT &&
          code != PLATZ_ERROR_DATABASE_UNAVAILABLE)
        code = PLATZ_ERROR_UNAVAILABLE;
      platzd_reply_fail (req, code, "The database could not save the latest changes; "
                         "nothing of this request was kept");
    }
  else
    request_send (req);
}

/* The answer to a request that wrote (or during which anything was
 * written) leaves only once that is durable (group commit, see
 * platzd-store.h).  Requests that wrote nothing are answered at once: a
 * read may show a write of the group before its COMMIT, which matters only
 * if that COMMIT fails (a disk error); the writer then gets a 503 and
 * every cache is dropped.  Holding reads too would keep hundreds of
 * answers in memory under load. */
static void
request_finish (PlatzdRequest *req)
{
  g_assert (!req->finished);
  if (!req->durable_checked &&
      sqlite3_total_changes64 (platzd_store_db (req->app->store)) != req->changes_at_start)
    {
      req->durable_checked = TRUE;
      SoupMessageBody *body = soup_server_message_get_response_body (req->msg);

      if (platzd_store_when_durable (req->app->store, body ? (gsize) body->length : 0,
                                     on_durable_cb, req))
        {
          if (!req->paused)
            {
              req->paused = TRUE;
              soup_server_message_pause (req->msg);
            }
          return;
        }
    }
  request_send (req);
}

void
platzd_request_pause (PlatzdRequest *req)
{
  g_assert (!req->paused && !req->finished);
  req->paused = TRUE;
  soup_server_message_pause (req->msg);
}

static void
set_json_body (PlatzdRequest *req,
               guint          status,
               JsonNode      *node)
{
  gsize length = 0;
  char *data = platz_json_to_string (node, &length);

  /* set_response appends: an answer made before a failed COMMIT is
   * replaced by the error, never followed by it. */
  soup_message_body_truncate (soup_server_message_get_response_body (req->msg));
  soup_server_message_set_status (req->msg, status, NULL);
  soup_server_message_set_response (req->msg, "application/json", SOUP_MEMORY_TAKE, data, length);
}

/* Every answer carries these, set when the request starts so that
 * libsoup's own refusals have them too: no content sniffing, nothing
 * loaded or run from an answer, no referrer, and no copy kept by a cache
 * (answers are personal).  A floor plan replaces the policy with its
 * own. */
void
platzd_reply_set_security_headers (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

#define SET_HEADER(name, value) soup_message_headers_replace (headers, name, value);
  PLATZD_SECURITY_HEADERS (SET_HEADER)
#undef SET_HEADER
}

void
platzd_reply_json (PlatzdRequest *req,
                   guint          status,
                   JsonNode      *node)
{
  set_json_body (req, status, node);
  json_node_unref (node);
  request_finish (req);
}

void
platzd_reply_object (PlatzdRequest   *req,
                     guint            status,
                     const PlatzType *type,
                     gconstpointer    obj)
{
  platzd_reply_json (req, status, platz_encode (type, obj));
}

void
platzd_reply_array (PlatzdRequest   *req,
                    const PlatzType *type,
                    GPtrArray       *objects)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < objects->len; i++)
    {
      json_builder_begin_object (builder);
      platz_encode_members (type, objects->pdata[i], builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  platzd_reply_json (req, 200, json_builder_get_root (builder));
}

void
platzd_reply_empty (PlatzdRequest *req,
                    guint          status)
{
  soup_server_message_set_status (req->msg, status, NULL);
  request_finish (req);
}

JsonNode *
platzd_error_body (PlatzErrorCode  code,
                   const char     *message,
                   const char     *member,
                   JsonNode       *value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  const char *reason = platz_error_reason (code);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, platz_error_code_name (code));
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "reason");
  if (reason != NULL)
    json_builder_add_string_value (builder, reason);
  else
    json_builder_add_null_value (builder);
  if (member != NULL)
    {
      json_builder_set_member_name (builder, member);
      json_builder_add_value (builder, value);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

void
platzd_reply_error_extra (PlatzdRequest *req,
                          GError        *error,
                          const char    *member,
                          JsonNode      *value)
{
  PlatzErrorCode code = PLATZ_ERROR_INTERNAL;
  const char *message = "Internal error";

  if (error != NULL && error->domain == PLATZ_ERROR && error->code < PLATZ_ERROR_N_CODES &&
      error->code != PLATZ_ERROR_NETWORK)
    {
      code = error->code;
      message = error->message;
    }
  if (code == PLATZ_ERROR_INTERNAL)
    {
      /* Never show internals to the client; keep them in the log. */
      g_printerr ("platzd: error: %s %s: %s\n", req->method, req->path,
                  error ? error->message : "(no error)");
      message = "The server ran into a problem; it has been logged";
    }
  if (code == PLATZ_ERROR_UNAUTHENTICATED)
    soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                  "WWW-Authenticate", "Bearer realm=\"platz\"");
  platzd_reply_json (req, platz_error_status (code),
                     platzd_error_body (code, message, member, value));
  g_clear_error (&error);
}

void
platzd_reply_error (PlatzdRequest *req,
                    GError        *error)
{
  platzd_reply_error_extra (req, error, NULL, NULL);
}

void
platzd_reply_fail (PlatzdRequest *req,
                   PlatzErrorCode code,
                   const char    *format,
                   ...)
{
  va_list args;
  GError *error;

  va_start (args, format);
  error = g_error_new_valist (PLATZ_ERROR, code, format, args);
  va_end (args);
  platzd_reply_error (req, error);
}

/* Parameters */

gint64
platzd_request_id (PlatzdRequest *req,
                   const char    *name)
{
  const char *value = g_hash_table_lookup (req->params, name);

  g_assert (value != NULL);
  return g_ascii_strtoll (value, NULL, 10);
}

const char *
platzd_request_query (PlatzdRequest *req,
                      const char    *name)
{
  return req->query ? g_hash_table_lookup (req->query, name) : NULL;
}

static gboolean
missing (const char *name,
         GError    **error)
{
  g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST, "The query parameter '%s' is required",
               name);
  return FALSE;
}

gboolean
platzd_query_id (PlatzdRequest *req,
                 const char    *name,
                 gboolean       required,
                 gint64        *out,
                 GError       **error)
{
  gint64 min = 1;
  return platzd_query_int (req, name, min, G_MAXINT64, out, error) &&
         (!required || platzd_request_query (req, name) != NULL || missing (name, error));
}

gboolean
platzd_query_int (PlatzdRequest *req,
                  const char    *name,
                  gint64         min,
                  gint64         max,
                  gint64        *out,
                  GError       **error)
{
  const char *value = platzd_request_query (req, name);
  gint64 v;

  if (value == NULL)
    return TRUE;
  if (!g_ascii_string_to_signed (value, 10, min, max, &v, NULL))
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                   "The query parameter '%s' must be a whole number from %" G_GINT64_FORMAT,
                   name, min);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

gboolean
platzd_query_date (PlatzdRequest *req,
                   const char    *name,
                   gboolean       required,
                   GDate         *out,
                   GError       **error)
{
  const char *value = platzd_request_query (req, name);

  if (value == NULL)
    return required ? missing (name, error) : TRUE;
  if (!platz_date_parse (value, out))
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                   "The query parameter '%s' must be a date YYYY-MM-DD", name);
      return FALSE;
    }
  return TRUE;
}

gboolean
platzd_query_bool (PlatzdRequest *req,
                   const char    *name,
                   gboolean      *out,
                   GError       **error)
{
  const char *value = platzd_request_query (req, name);

  if (value == NULL)
    return TRUE;
  if (strcmp (value, "true") == 0 || strcmp (value, "1") == 0)
    *out = TRUE;
  else if (strcmp (value, "false") == 0 || strcmp (value, "0") == 0)
    *out = FALSE;
  else
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                   "The query parameter '%s' must be true or false", name);
      return FALSE;
    }
  return TRUE;
}

/* Roles */

gboolean
platzd_user_is (const PlatzUser *user,
                const char      *role)
{
  return user != NULL && g_strcmp0 (user->role, role) == 0;
}

gboolean
platzd_user_manages_facility (const PlatzUser *user)
{
  return platzd_user_is (user, "facility_manager") || platzd_user_is (user, "admin");
}

gboolean
platzd_require_role (PlatzdRequest *req,
                     GError       **error,
                     ...)
{
  va_list args;
  const char *role;
  gboolean ok = FALSE;

  va_start (args, error);
  while ((role = va_arg (args, const char *)) != NULL)
    if (platzd_user_is (req->user, role))
      ok = TRUE;
  va_end (args);
  if (!ok)
    g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_FORBIDDEN,
                 "Your role (%s) may not do this", req->user ? req->user->role : "none");
  return ok;
}
