/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * HTTP baseline (not a test): the smallest libsoup server there is, with
 * one handler answering every GET with the same static JSON body of a
 * given size.  bench/run measures it with wrk beside platzd, so that
 * platzd's requests/s are read as a ratio of what libsoup itself reaches
 * on this machine in the same run.
 *
 *   baseline-server --size 20000 --port 0
 *
 * Prints "baseline listening on http://127.0.0.1:PORT/" once it listens.
 */
#define G_LOG_DOMAIN "platz-bench"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <glib-unix.h>
#include <libsoup/soup.h>

static char  *body;
static gsize  body_size;

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body, body_size);
}

static gboolean
on_signal_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* A JSON object of exactly `size` bytes (at least 12): {"data":"xxx"} */
static char *
make_body (gsize size)
{
  const char *head = "{\"data\":\"";
  const char *tail = "\"}";
  gsize fixed = strlen (head) + strlen (tail);
  char *text;

  size = MAX (size, fixed);
  text = g_malloc (size + 1);
  memcpy (text, head, strlen (head));
  memset (text + strlen (head), 'x', size - fixed);
  memcpy (text + size - strlen (tail), tail, strlen (tail));
  text[size] = '\0';
  return text;
}

int
main (int   argc,
      char *argv[])
{
  gint64 size = 12;
  int port = 0;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocket) listener = NULL;
  GSList *uris;
  GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_INT64, &size, "Body size in bytes", "N" },
    { "port", 0, 0, G_OPTION_ARG_INT, &port, "Port on 127.0.0.1 (0: any free one)", "P" },
    { NULL }
  };

  signal (SIGPIPE, SIG_IGN);
  context = g_option_context_new ("- static JSON over libsoup, the HTTP baseline");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("baseline-server: %s\n", error->message);
      return 1;
    }
  if (size < 0 || size > 64 * 1024 * 1024 || port < 0 || port > 65535)
    {
      g_printerr ("baseline-server: --size must be 0..64 MiB, --port 0..65535\n");
      return 1;
    }
  body = make_body ((gsize) size);
  body_size = strlen (body);

  server = soup_server_new ("server-header", "platz-baseline", NULL);
  soup_server_add_handler (server, NULL, handler_cb, NULL, NULL);
  /* The same listening socket as platzd's (backlog 1024), so that both
   * servers meet wrk's connection burst alike. */
  address = g_inet_socket_address_new_from_string ("127.0.0.1", (guint) port);
  listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                           &error);
  if (listener != NULL)
    {
      g_socket_set_option (listener, SOL_SOCKET, SO_REUSEADDR, 1, NULL);
      g_socket_set_listen_backlog (listener, 1024);
    }
  if (listener == NULL || !g_socket_bind (listener, address, TRUE, &error) ||
      !g_socket_listen (listener, &error) ||
      !soup_server_listen_socket (server, listener, 0, &error))
    {
      g_printerr ("baseline-server: cannot listen: %s\n", error->message);
      return 1;
    }
  uris = soup_server_get_uris (server);
  g_print ("baseline listening on http://127.0.0.1:%d/ body %zu bytes\n",
           g_uri_get_port (uris->data), body_size);
  fflush (stdout);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, on_signal_cb, loop);
  g_unix_signal_add (SIGINT, on_signal_cb, loop);
  g_main_loop_run (loop);
  g_free (body);
  return 0;
}
