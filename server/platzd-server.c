/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-server"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "platzd-app.h"
#include "platzd-auth.h"

/*
 * The HTTP side: one SoupServer handler for every path, which checks the
 * request in the documented order (route, 401, 400 query and body, then
 * the resource's handler for 404 / 403 / 422 / 409), and an early handler
 * that refuses oversized bodies from the headers, before they are read.
 * What libsoup refuses itself (a path with an encoded "/../" or NUL)
 * gets the same error body as everything else.
 */

#define BODY_KEY "platzd-body"
#define LISTEN_BACKLOG 1024
#define START_KEY "platzd-start"
#define PREFILLED_KEY "platzd-prefilled"
#define OPENAPI_RESOURCE "/org/platz/schemas/openapi.json"

typedef struct {
  PlatzdApp  *app;
  GByteArray *data;
  gsize       limit;
  gsize       total;
} BodyBuffer;

static void
body_buffer_free (gpointer data)
{
  BodyBuffer *buffer = data;

  g_clear_pointer (&buffer->data, g_byte_array_unref);
  g_free (buffer);
}

static gsize
body_limit_for (const char *method,
                const char *path)
{
  if (strcmp (method, "PUT") == 0 && g_str_has_suffix (path, "/plan"))
    return PLATZD_UPLOAD_BODY_MAX;
  return PLATZD_JSON_BODY_MAX;
}

static void
log_request (PlatzdApp         *app,
             SoupServerMessage *msg);

/* The error body for status (with message), replacing any body. */
static void
set_refusal (SoupServerMessage *msg,
             guint              status,
             const char        *message)
{
  g_autoptr(JsonNode) node = platzd_error_body (platz_error_from_names (status, NULL, NULL),
                                                message, NULL, NULL);
  gsize length;
  char *json = platz_json_to_string (node, &length);

  soup_message_body_truncate (soup_server_message_get_response_body (msg));
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, json, length);
}

/* Answers at once and closes the connection, without reading the body:
 * for a body too large, and for framing the server will not guess at
 * (RFC 9112 §6.3: Content-Length with Transfer-Encoding, or several
 * lengths, is how requests are smuggled past a proxy). */
static void
refuse (PlatzdApp         *app,
        SoupServerMessage *msg,
        PlatzErrorCode     code,
        const char        *message)
{
  g_autoptr(JsonNode) node = platzd_error_body (code, message, NULL, NULL);
  g_autofree char *json = platz_json_to_string (node, NULL);
  guint status = platz_error_status (code);

  soup_server_message_set_status (msg, status, NULL);
  /* The connection is taken over: libsoup writes no body of its own. */
  g_object_set_data (G_OBJECT (msg), PREFILLED_KEY, NULL);
  log_request (app, msg);
  platzd_connections_refuse (app->connections, msg, status, json);
}

static void
refuse_too_large (PlatzdApp         *app,
                  SoupServerMessage *msg,
                  gsize              limit)
{
  g_autofree char *message = g_strdup_printf ("The body is larger than %zu bytes", limit);

  refuse (app, msg, PLATZ_ERROR_PAYLOAD_TOO_LARGE, message);
}

static gboolean
is_digits (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  for (; *text; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

/* Counts the bytes of each chunk and keeps at most `limit` of them; past
 * the limit the request is refused there and then. */
static void
on_msg_got_chunk_cb (SoupServerMessage *msg,
                     GBytes            *chunk,
                     BodyBuffer        *buffer)
{
  gsize size = g_bytes_get_size (chunk);

  buffer->total += size;
  if (buffer->total > buffer->limit)
    {
      g_signal_handlers_disconnect_by_func (msg, on_msg_got_chunk_cb, buffer);
      g_clear_pointer (&buffer->data, g_byte_array_unref);
      refuse_too_large (buffer->app, msg, buffer->limit);
      return;
    }
  g_byte_array_append (buffer->data, g_bytes_get_data (chunk, NULL), size);
}

static void
early_handler_cb (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  PlatzdApp *app = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  gsize limit = body_limit_for (method, path);
  const char *lengths = soup_message_headers_get_list (headers, "Content-Length");
  const char *codings = soup_message_headers_get_list (headers, "Transfer-Encoding");
  goffset length;
  SoupEncoding encoding;
  BodyBuffer *buffer;

  if (lengths != NULL && codings != NULL)
    {
      refuse (app, msg, PLATZ_ERROR_BAD_REQUEST,
              "Send either Content-Length or Transfer-Encoding, not both");
      return;
    }
  if (codings != NULL && g_ascii_strcasecmp (codings, "chunked") != 0)
    {
      refuse (app, msg, PLATZ_ERROR_BAD_REQUEST, "The only transfer coding taken is chunked");
      return;
    }
  if (lengths != NULL && !is_digits (lengths))
    {
      refuse (app, msg, PLATZ_ERROR_BAD_REQUEST, "Content-Length must be one decimal number");
      return;
    }
  encoding = soup_message_headers_get_encoding (headers);
  length = soup_message_headers_get_content_length (headers);
  if (encoding == SOUP_ENCODING_CONTENT_LENGTH && (length < 0 || length > (goffset) limit))
    {
      refuse_too_large (app, msg, limit);
      return;
    }
  if (encoding == SOUP_ENCODING_NONE)
    return;
  /* libsoup 3.2 reads chunk sizes with strtoul(): "-1", "0x10" and
   * overflowing sizes all parse as something.  Whatever it made of the
   * body, no byte after it is taken for another request. */
  if (encoding == SOUP_ENCODING_CHUNKED)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "Connection", "close");

  buffer = g_new0 (BodyBuffer, 1);
  buffer->app = app;
  buffer->limit = limit;
  buffer->data = g_byte_array_sized_new (length > 0 ? (guint) length : 1024);
  g_object_set_data_full (G_OBJECT (msg), BODY_KEY, buffer, body_buffer_free);
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (on_msg_got_chunk_cb), buffer);
}

/* Requests */

static void
on_msg_finished_cb (SoupServerMessage *msg,
                    PlatzdRequest     *req)
{
  g_signal_handlers_disconnect_by_data (msg, req);
  req->msg_gone = TRUE;
  if (req->finished)
    platzd_request_free (req);
}

static gboolean
read_body (PlatzdRequest *req,
           guint          flags,
           GError       **error)
{
  BodyBuffer *buffer = g_object_get_data (G_OBJECT (req->msg), BODY_KEY);

  if (buffer == NULL || buffer->total == 0)
    return TRUE;
  if (buffer->data == NULL || buffer->total > buffer->limit)
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_PAYLOAD_TOO_LARGE,
                   "The body is larger than %zu bytes", buffer->limit);
      return FALSE;
    }
  if (flags & PLATZD_ROUTE_RAW_BODY)
    {
      req->raw_body = g_bytes_new (buffer->data->data, buffer->data->len);
      return TRUE;
    }
  req->body = platz_json_parse ((const char *) buffer->data->data, buffer->data->len, error);
  return req->body != NULL;
}

static void
server_handler_cb (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  PlatzdApp *app = user_data;
  PlatzdRequest *req;
  PlatzdHandler handler;
  GHashTable *query_names = NULL;
  GError *error = NULL;
  guint flags = 0;
  guint status = 0;
  GInetSocketAddress *remote;

  /* The early handler may already have answered (413). */
  if (soup_server_message_get_status (msg) != 0)
    return;

  req = g_new0 (PlatzdRequest, 1);
  req->app = app;
  req->msg = g_object_ref (msg);
  req->method = soup_server_message_get_method (msg);
  req->path = path;
  req->params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  req->query = query ? g_hash_table_ref (query) : NULL;
  remote = G_INET_SOCKET_ADDRESS (soup_server_message_get_remote_address (msg));
  req->remote = remote ? g_inet_address_to_string (g_inet_socket_address_get_address (remote))
                       : g_strdup ("unknown");
  app->in_flight++;
  req->changes_at_start = sqlite3_total_changes64 (platzd_store_db (app->store));
  g_signal_connect (msg, "finished", G_CALLBACK (on_msg_finished_cb), req);
  /* The path string belongs to libsoup only for this call. */
  req->path_copy = g_strdup (path);
  req->path = req->path_copy;

  if (app->shutting_down)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Connection", "close");
      platzd_reply_fail (req, PLATZ_ERROR_UNAVAILABLE, "The server is shutting down");
      return;
    }

  handler = platzd_router_lookup (app->router, req->method, path, req->params, &flags,
                                  &req->route_data, &status, &query_names);
  if (handler == NULL)
    {
      if (status == 405)
        platzd_reply_fail (req, PLATZ_ERROR_METHOD_NOT_ALLOWED,
                           "%s is not allowed on %s", req->method, path);
      else
        platzd_reply_fail (req, PLATZ_ERROR_NOT_FOUND, "There is nothing at %s", path);
      return;
    }

  /* Caches learn here of writes their watch could not see. */
  platzd_store_sync (app->store);
  if (!(flags & PLATZD_ROUTE_PUBLIC))
    {
      req->user = platzd_auth_authenticate (app->auth, msg, &error);
      if (req->user == NULL)
        {
          platzd_reply_error (req, error);
          return;
        }
    }

  if (!platzd_router_check_query (query_names, query, &error) ||
      !read_body (req, flags, &error))
    {
      platzd_reply_error (req, error);
      return;
    }

  handler (req);
  g_assert (req->finished || req->paused);
}

/* libsoup answers some requests itself, with an empty body: 400 for a
 * request it cannot parse, for a path whose decoding makes a "/../"
 * segment or holds a NUL (%2e%2e%2f, %00), 404 where no handler is
 * reached.  These get the error body too: every message starts with the
 * body for an unparsable request (libsoup gives no signal before it
 * writes that answer), which got-headers takes away again or replaces
 * with the right one; handlers run after that. */
/* After libsoup's own got-headers handler (and the early handler). */
static void
on_msg_got_headers_cb (SoupServerMessage *msg,
                       gpointer           user_data)
{
  guint status = soup_server_message_get_status (msg);

  if (g_object_get_data (G_OBJECT (msg), PREFILLED_KEY) == NULL)
    return;
  g_object_set_data (G_OBJECT (msg), PREFILLED_KEY, NULL);
  if (status == 0)
    {
      soup_message_body_truncate (soup_server_message_get_response_body (msg));
      soup_message_headers_remove (soup_server_message_get_response_headers (msg),
                                   "Content-Type");
    }
  else
    set_refusal (msg, status, status == 400
                 ? "The request path is not acceptable (an encoded '..' segment or NUL byte)"
                 : soup_status_get_phrase (status));
}

/* After libsoup's got-body handler, which answers 404 itself where no
 * handler takes the path. */
static void
on_msg_got_body_cb (SoupServerMessage *msg,
                    gpointer           user_data)
{
  guint status = soup_server_message_get_status (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  if (status >= 400 && body != NULL && body->length == 0)
    set_refusal (msg, status, soup_status_get_phrase (status));
}

static void
on_request_started_cb (SoupServer        *server,
                       SoupServerMessage *msg,
                       PlatzdApp         *app)
{
  static GBytes *unreadable;  /* the same for every message: made once */
  gint64 *start = g_new (gint64, 1);

  if (unreadable == NULL)
    {
      g_autoptr(JsonNode) node = platzd_error_body (PLATZ_ERROR_BAD_REQUEST,
                                                    "The request could not be read as HTTP/1.1",
                                                    NULL, NULL);
      gsize length;
      char *json = platz_json_to_string (node, &length);

      unreadable = g_bytes_new_take (json, length);
    }

  *start = g_get_monotonic_time ();
  g_object_set_data_full (G_OBJECT (msg), START_KEY, start, g_free);
  platzd_reply_set_security_headers (msg);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                    g_bytes_get_data (unreadable, NULL),
                                    g_bytes_get_size (unreadable));
  g_object_set_data (G_OBJECT (msg), PREFILLED_KEY, GINT_TO_POINTER (1));
  g_signal_connect (msg, "got-headers", G_CALLBACK (on_msg_got_headers_cb), NULL);
  g_signal_connect (msg, "got-body", G_CALLBACK (on_msg_got_body_cb), NULL);
}

/* One structured line per request: no query strings, bodies or headers,
 * so no password, token or booking content reaches the log. */
/* The request log is gathered and written when the main loop has nothing
 * else to do, or once LOG_FLUSH_BYTES have gathered: one write(2) for many
 * requests under load instead of one per request, and at once when idle. */
#define LOG_FLUSH_BYTES 8192

static void
log_flush (PlatzdApp *app)
{
  gsize done = 0;

  g_clear_handle_id (&app->log_flush_id, g_source_remove);
  while (app->log != NULL && done < app->log->len)
    {
      gssize n = write (STDERR_FILENO, app->log->str + done, app->log->len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      done += (gsize) n;
    }
  if (app->log != NULL)
    g_string_truncate (app->log, 0);
}

static gboolean
log_flush_cb (gpointer data)
{
  PlatzdApp *app = data;

  app->log_flush_id = 0;
  log_flush (app);
  return G_SOURCE_REMOVE;
}

/* Other messages to stderr (g_printerr) come after the requests before
 * them. */
static PlatzdApp *log_app;

static void
log_printerr_cb (const char *text)
{
  gsize len = strlen (text);

  if (log_app != NULL)
    {
      g_string_append_len (log_app->log, text, (gssize) len);
      log_flush (log_app);
    }
  else
    fputs (text, stderr);
}

static void
log_request (PlatzdApp         *app,
             SoupServerMessage *msg)
{
  gint64 *start = g_object_get_data (G_OBJECT (msg), START_KEY);
  GUri *uri = soup_server_message_get_uri (msg);
  const char *method = soup_server_message_get_method (msg);
  gint64 now_us = g_get_real_time ();
  time_t now_s = (time_t) (now_us / G_USEC_PER_SEC);
  double ms = start ? (g_get_monotonic_time () - *start) / 1000.0 : 0;
  struct tm tm;
  char stamp[32];

  if (app->quiet)
    return;
  gmtime_r (&now_s, &tm);
  strftime (stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
  g_string_append_printf (app->log, "ts=%s.%06dZ method=%s path=%s status=%u duration_ms=%.2f\n",
                          stamp, (int) (now_us % G_USEC_PER_SEC), method ? method : "-",
                          uri ? g_uri_get_path (uri) : "-", soup_server_message_get_status (msg),
                          ms);
  if (app->log->len >= LOG_FLUSH_BYTES)
    log_flush (app);
  else if (app->log_flush_id == 0)
    app->log_flush_id = g_idle_add_full (G_PRIORITY_LOW, log_flush_cb, app, NULL);
}

static void
on_request_finished_cb (SoupServer        *server,
                        SoupServerMessage *msg,
                        PlatzdApp         *app)
{
  log_request (app, msg);
}

/* Application */

PlatzdApp *
platzd_app_new (PlatzdStore *store)
{
  PlatzdApp *app = g_new0 (PlatzdApp, 1);

  app->store = store;
  platzd_store_set_group_commit (store, TRUE);
  app->log = g_string_sized_new (LOG_FLUSH_BYTES * 2);
  if (log_app == NULL)
    {
      log_app = app;
      g_set_printerr_handler (log_printerr_cb);
    }
  app->router = platzd_router_new ();
  app->auth = platzd_auth_new (app);
  PlatzdConnectionLimits limits;

  app->server = soup_server_new ("server-header", "platzd/" PACKAGE_VERSION, NULL);
  platzd_connection_limits_from_env (&limits);
  app->connections = platzd_connections_new (app->server, &limits);
  soup_server_add_early_handler (app->server, NULL, early_handler_cb, app, NULL);
  soup_server_add_handler (app->server, NULL, server_handler_cb, app, NULL);
  g_signal_connect (app->server, "request-started", G_CALLBACK (on_request_started_cb), app);
  g_signal_connect (app->server, "request-finished", G_CALLBACK (on_request_finished_cb), app);
  g_signal_connect (app->server, "request-aborted", G_CALLBACK (on_request_finished_cb), app);
  platzd_app_register_all (app);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) openapi = g_resources_lookup_data (OPENAPI_RESOURCE, 0, &error);

    if (openapi == NULL || !platzd_router_load_query_names (app->router, openapi, &error))
      g_printerr ("platzd: error: the compiled-in API document: %s\n", error->message);
  }
  return app;
}

/* GET /healthz: the server answers and its database reads and takes a
 * write (see platzd_store_check_health ()); else 503 whose reason says
 * what is wrong: database_full, database_corrupt, database_unavailable. */
static void
handle_healthz (PlatzdRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  GError *error = NULL;

  if (!platzd_store_check_health (req->app->store, &error))
    {
      platzd_reply_error (req, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "ok");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_end_object (builder);
  platzd_reply_json (req, 200, json_builder_get_root (builder));
}

void
platzd_app_register_all (PlatzdApp *app)
{
  platzd_router_add (app->router, "GET", "/healthz", handle_healthz, PLATZD_ROUTE_PUBLIC);
  platzd_router_add (app->router, "GET", PLATZD_API "/healthz", handle_healthz,
                     PLATZD_ROUTE_PUBLIC);
  platzd_auth_register (app);
  platzd_structure_register (app);
  platzd_people_register (app);
  platzd_policies_register (app);
  platzd_availability_register (app);
  platzd_bookings_register (app);
  platzd_reservations_register (app);
  platzd_reports_register (app);
}

void
platzd_app_free (PlatzdApp *app)
{
  if (app == NULL)
    return;
  /* Commits what is waiting and answers the requests behind it. */
  platzd_store_set_group_commit (app->store, FALSE);
  g_clear_handle_id (&app->release_timer, g_source_remove);
  g_clear_handle_id (&app->retention_timer, g_source_remove);
  g_clear_pointer (&app->retention_done, g_hash_table_unref);
  if (app->server)
    soup_server_disconnect (app->server);
  g_clear_pointer (&app->connections, platzd_connections_free);
  g_clear_object (&app->server);
  g_clear_pointer (&app->auth, platzd_auth_free);
  g_clear_pointer (&app->router, platzd_router_free);
  log_flush (app);
  if (log_app == app)
    {
      log_app = NULL;
      g_set_printerr_handler (NULL);
    }
  g_string_free (app->log, TRUE);
  g_free (app);
}

gboolean
platzd_app_listen (PlatzdApp  *app,
                   const char *host,
                   guint       port,
                   GError    **error)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_from_string (host);
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocket) listener = NULL;

  if (address == NULL)
    {
      g_autoptr(GResolver) resolver = g_resolver_get_default ();
      GList *addresses = g_resolver_lookup_by_name (resolver, host, NULL, error);
      if (addresses == NULL)
        return FALSE;
      address = g_object_ref (addresses->data);
      g_resolver_free_addresses (addresses);
    }
  socket_address = g_inet_socket_address_new (address, port);

  /* Our own listening socket: GSocket's default backlog of 10 drops
   * bursts of new connections (30 clients booking at once). */
  listener = g_socket_new (g_socket_address_get_family (socket_address), G_SOCKET_TYPE_STREAM,
                           G_SOCKET_PROTOCOL_TCP, error);
  if (listener == NULL)
    return FALSE;
  g_socket_set_option (listener, SOL_SOCKET, SO_REUSEADDR, 1, NULL);
  g_socket_set_listen_backlog (listener, LISTEN_BACKLOG);
  if (!g_socket_bind (listener, socket_address, TRUE, error) || !g_socket_listen (listener, error))
    return FALSE;
  return platzd_connections_listen (app->connections, listener, error);
}

guint
platzd_app_get_port (PlatzdApp *app)
{
  return platzd_connections_port (app->connections);
}
