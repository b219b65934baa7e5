/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target: raw HTTP bytes through platzd's whole request
 * handling, in-process: the real SoupServer with platzd's early handler,
 * router, auth and resource handlers, on a temporary database, fed over a
 * socketpair given to soup_server_accept_iostream().  "TOKEN" in the input
 * is replaced by an admin's session token, so that signed-in routes are
 * reached too.  Whatever the bytes, the server must not crash, must not
 * log a critical, and must not answer 5xx.
 */
#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "platzd-app.h"
#include "platzd-auth.h"

#define BUDGET_MS 2000

static PlatzdApp *app;
static char *token;
static GSocketAddress *local_address;
static GSocketAddress *remote_address;

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

typedef struct {
  int           fd;
  const guint8 *data;
  gsize         size;
  gsize         sent;
  GByteArray   *reply;
  gboolean      done;
} Exchange;

static gboolean
on_client_readable_cb (int           fd,
                       GIOCondition  condition,
                       gpointer      user_data)
{
  Exchange *x = user_data;
  guint8 buf[16384];
  ssize_t n;

  for (;;)
    {
      n = recv (fd, buf, sizeof buf, 0);
      if (n > 0)
        g_byte_array_append (x->reply, buf, (guint) n);
      else if (n == 0 || errno != EAGAIN)
        {
          x->done = TRUE;
          return G_SOURCE_REMOVE;
        }
      else
        return G_SOURCE_CONTINUE;
    }
}

/* The client's end: write what is left, then only read. */
static gboolean
on_client_writable_cb (int           fd,
                       GIOCondition  condition,
                       gpointer      user_data)
{
  Exchange *x = user_data;
  ssize_t n = send (fd, x->data + x->sent, x->size - x->sent, MSG_NOSIGNAL);

  if (n > 0)
    x->sent += (gsize) n;
  else if (n < 0 && errno != EAGAIN)
    x->sent = x->size;   /* the server closed its side */
  if (x->sent < x->size)
    return G_SOURCE_CONTINUE;
  shutdown (fd, SHUT_WR);
  return G_SOURCE_REMOVE;
}

static gboolean
on_budget_cb (gpointer user_data)
{
  Exchange *x = user_data;

  x->done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Sends bytes to the server on a fresh connection, runs the main loop
 * until the server closes it (or the budget runs out), returns the reply. */
static GByteArray *
exchange (const guint8 *data,
          gsize         size)
{
  Exchange x = { .data = data, .size = size, .reply = g_byte_array_new () };
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketConnection) stream = NULL;
  int sv[2];

  g_assert (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, sv) == 0);
  x.fd = sv[1];
  socket = g_socket_new_from_fd (sv[0], NULL);
  g_assert (socket != NULL);
  stream = g_socket_connection_factory_create_connection (socket);
  if (size == 0)
    shutdown (sv[1], SHUT_WR);
  else
    g_unix_fd_add (sv[1], G_IO_OUT | G_IO_ERR, on_client_writable_cb, &x);
  g_unix_fd_add (sv[1], G_IO_IN | G_IO_HUP | G_IO_ERR, on_client_readable_cb, &x);
  g_timeout_add (BUDGET_MS, on_budget_cb, &x);
  soup_server_accept_iostream (app->server, G_IO_STREAM (stream), local_address, remote_address,
                               NULL);
  while (!x.done)
    g_main_context_iteration (NULL, TRUE);
  while (g_source_remove_by_user_data (&x))
    ;
  close (sv[1]);
  /* let libsoup see the close and drop the connection */
  for (int i = 0; i < 10 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
  return x.reply;
}

static void
check_reply (GByteArray *reply)
{
  /* Every response in the reply: no 5xx.  The exceptions are libsoup's
   * own protocol answers, sent by its parser before any handler of platzd
   * runs: 501 for a transfer coding it does not know (RFC 9112 §6.1) and
   * 505 for an HTTP version it does not speak. */
  for (guint i = 0; i + 12 <= reply->len; i++)
    if ((i == 0 || reply->data[i - 1] == '\n' || reply->data[i - 1] == '}') &&
        memcmp (reply->data + i, "HTTP/1.", 7) == 0 && reply->data[i + 9] == '5' &&
        memcmp (reply->data + i + 9, "501", 3) != 0 && memcmp (reply->data + i + 9, "505", 3) != 0)
      g_error ("5xx answer: %.*s", (int) MIN (reply->len - i, 400), reply->data + i);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("platz-fuzz-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GByteArray) reply = NULL;
  static const char credentials[] = "{\"username\":\"fuzz\",\"password\":\"fuzz-fuzz\"}";
  g_autofree char *login = g_strdup_printf ("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n"
                                            "Content-Type: application/json\r\n"
                                            "Content-Length: %zu\r\n\r\n%s",
                                            strlen (credentials), credentials);
  PlatzdStore *store;
  sqlite3_stmt *stmt;
  const char *body;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_assert_no_error (error);
  db = g_build_filename (dir, "request.db", NULL);
  store = platzd_store_open (db, &error);
  g_assert_no_error (error);
  hash = platzd_auth_hash_password ("fuzz-fuzz", &error);
  g_assert_no_error (error);
  stmt = platzd_store_prepare (store, "INSERT INTO users (username, display_name, role, "
                               "function, password_hash) VALUES ('fuzz', 'Fuzz', 'admin', "
                               "'head', ?)", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  g_assert (platzd_store_step_done (store, stmt, &error));

  app = platzd_app_new (store);
  app->quiet = TRUE;
  local_address = g_inet_socket_address_new (loopback, 8470);
  remote_address = g_inet_socket_address_new (loopback, 40000);

  reply = exchange ((const guint8 *) login, strlen (login));
  g_byte_array_append (reply, (const guint8 *) "", 1);
  body = strstr ((const char *) reply->data, "\r\n\r\n");
  g_assert (body != NULL);
  node = platz_json_parse (body + 4, strlen (body + 4), &error);
  g_assert_no_error (error);
  token = g_strdup (json_object_get_string_member (json_node_get_object (node), "token"));
  g_assert (token != NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GByteArray) input = g_byte_array_sized_new ((guint) size + 64);
  g_autoptr(GByteArray) reply = NULL;

  /* "TOKEN" -> the admin's session token */
  for (size_t i = 0; i < size; i++)
    {
      if (i + 5 <= size && memcmp (data + i, "TOKEN", 5) == 0)
        {
          g_byte_array_append (input, (const guint8 *) token, (guint) strlen (token));
          i += 4;
        }
      else
        g_byte_array_append (input, data + i, 1);
    }
  reply = exchange (input->data, input->len);
  check_reply (reply);
  return 0;
}
