/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-connections"

#include "config.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "platzd-connections.h"

/*
 * Why platzd accepts connections itself.  libsoup 3.2's SoupListener
 * removes its accept source the first time g_socket_accept() fails: one
 * EMFILE and the server never accepts again, silently, while the kernel
 * keeps completing handshakes into the backlog (the CLOSE-WAIT sockets of
 * clients that gave up).  And SoupServer has no cap on connections and no
 * timeout, so idle or slow clients hold file descriptors for ever.
 *
 * Here the listening socket has our own source; every accepted socket is
 * handed to soup_server_accept_iostream() and tracked until it closes:
 *
 *        accept                      first byte
 *          |                        (request-started)
 *          v                              |
 *      HEADERS ---got-headers---> BODY ---got-body---> BUSY ---finished--+
 *          ^ header_seconds          idle_seconds from     busy_seconds   |
 *          |                         the request's start                  |
 *          +-------------------------- WAITING <--------------------------+
 *                                     idle_seconds
 *
 * A 101 (WebSocket) takes a connection out of the deadlines for good.
 *
 * A connection past its deadline is shut down (libsoup then reads EOF and
 * drops it).  At the cap a new connection first displaces the longest idle
 * one, else the oldest one still sending headers (slowloris), else it is
 * refused with a 503.  A failed accept() is logged once, an idle
 * connection is closed to free a descriptor, and accepting resumes after a
 * short pause.
 *
 * SoupServer keeps connections alive only while it has a listener, so it
 * gets one that never accepts: one end of a socketpair.
 */

#define ACCEPT_BATCH 64
#define ACCEPT_RETRY_MS 100
#define SWEEP_SECONDS 1
#define FD_RESERVE 64           /* database, WAL, logs, hashing threads */
#define DEFAULT_MAX_CONNECTIONS 1024
#define DEFAULT_IDLE_SECONDS 60
#define DEFAULT_HEADER_SECONDS 10
#define DEFAULT_BUSY_SECONDS 120
/* A refused request's body is read and dropped before the socket closes:
 * closing with unread bytes sends a reset, and a client still writing its
 * body (libsoup reads the answer only after the whole body went out) would
 * see a broken pipe instead of the 413.  Bounded in time, bytes and count. */
#define DRAIN_MS 2000
#define DRAIN_BYTES (64 * 1024 * 1024)
#define MAX_DRAINS 256
#define REFUSAL_LOG_SECONDS 10
#define RAW_HEADER(name, value) name ": " value "\r\n"

typedef enum {
  CONN_HEADERS,
  CONN_BODY,
  CONN_BUSY,
  CONN_WAITING,
  CONN_UPGRADED,    /* a WebSocket now: no deadline, never displaced */
} ConnState;

typedef struct {
  GSocket           *socket;
  GSocketConnection *stream;
  GSocketAddress    *remote;   /* the key: libsoup hands this very object back */
  ConnState          state;
  gint64             since;    /* when the state (or the request) began */
  gint64             request_start;
  gboolean           closing;
} Conn;

struct _PlatzdConnections {
  SoupServer             *server;
  PlatzdConnectionLimits  limits;
  GSocket                *listener;
  GSource                *accept_source;
  guint                   retry_id;
  guint                   sweep_id;
  GHashTable             *by_remote;       /* GSocketAddress* -> Conn* */
  GPtrArray              *drains;          /* refused connections closing */
  GSocket                *keepalive[2];
  gulong                  handlers[3];
  gboolean                accept_failing;
  gint64                  refusal_logged;
  guint                   refused;
};

/* Auxiliary */

static void
conn_free (gpointer data)
{
  Conn *conn = data;

  g_clear_object (&conn->stream);
  g_clear_object (&conn->socket);
  g_clear_object (&conn->remote);
  g_free (conn);
}

static guint
env_uint (const char *name,
          guint       def)
{
  const char *value = g_getenv (name);
  guint64 v;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT, &v, NULL))
    return def;
  return (guint) v;
}

void
platzd_connection_limits_from_env (PlatzdConnectionLimits *limits)
{
  struct rlimit rl;
  guint fd_cap = DEFAULT_MAX_CONNECTIONS;

  /* Use what the hard limit allows, then stay below it. */
  if (getrlimit (RLIMIT_NOFILE, &rl) == 0)
    {
      if (rl.rlim_cur < rl.rlim_max && rl.rlim_cur < 4096)
        {
          rl.rlim_cur = MIN (rl.rlim_max, (rlim_t) 4096);
          setrlimit (RLIMIT_NOFILE, &rl);
          getrlimit (RLIMIT_NOFILE, &rl);
        }
      if (rl.rlim_cur != RLIM_INFINITY)
        fd_cap = rl.rlim_cur > 2 * FD_RESERVE ? (guint) (rl.rlim_cur - FD_RESERVE)
                                              : (guint) MAX (rl.rlim_cur / 2, 1);
    }
  limits->max_connections = MIN (env_uint ("PLATZD_MAX_CONNECTIONS", DEFAULT_MAX_CONNECTIONS),
                                 fd_cap);
  limits->idle_seconds = env_uint ("PLATZD_IDLE_TIMEOUT_SECONDS", DEFAULT_IDLE_SECONDS);
  limits->header_seconds = MIN (env_uint ("PLATZD_HEADER_TIMEOUT_SECONDS",
                                          DEFAULT_HEADER_SECONDS), limits->idle_seconds);
  limits->busy_seconds = MAX ((guint) DEFAULT_BUSY_SECONDS, limits->idle_seconds);
}

static Conn *
conn_of (PlatzdConnections *conns,
         SoupServerMessage *msg)
{
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);

  return remote ? g_hash_table_lookup (conns->by_remote, remote) : NULL;
}

static void
conn_set_state (Conn      *conn,
                ConnState  state)
{
  conn->state = state;
  conn->since = g_get_monotonic_time ();
}

/* Shut the socket down; libsoup sees EOF (or EPIPE) and closes it. */
static void
conn_close (Conn *conn)
{
  if (conn->closing)
    return;
  conn->closing = TRUE;
  g_socket_shutdown (conn->socket, TRUE, TRUE, NULL);
}

static gboolean
conn_gone (Conn *conn)
{
  return g_socket_is_closed (conn->socket);
}

static guint
count_open (PlatzdConnections *conns)
{
  GHashTableIter iter;
  Conn *conn;
  guint n = 0;

  g_hash_table_iter_init (&iter, conns->by_remote);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &conn))
    {
      if (conn_gone (conn))
        g_hash_table_iter_remove (&iter);
      else if (!conn->closing)
        n++;
    }
  return n;
}

/* The connection to give up for a new one: the longest idle, else the
 * oldest that has been sending headers for more than a second. */
static Conn *
pick_victim (PlatzdConnections *conns,
             gboolean           idle_only)
{
  GHashTableIter iter;
  Conn *conn, *idle = NULL, *slow = NULL;
  gint64 now = g_get_monotonic_time ();

  g_hash_table_iter_init (&iter, conns->by_remote);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &conn))
    {
      if (conn->closing)
        continue;
      if (conn->state == CONN_WAITING && (idle == NULL || conn->since < idle->since))
        idle = conn;
      else if (conn->state == CONN_HEADERS && now - conn->since > G_USEC_PER_SEC &&
               (slow == NULL || conn->since < slow->since))
        slow = conn;
    }
  return idle != NULL || idle_only ? idle : slow;
}

/* A refused or rejected connection: the answer, our FIN, then read and
 * drop what the client still sends for a moment, so that closing with
 * unread data does not reset the connection before it reads the answer. */
typedef struct {
  PlatzdConnections *conns;
  GSocket           *socket;
  GSource           *source;
  guint              timeout_id;
  gsize              drained;
} Drain;

static void
drain_finish (Drain *drain)
{
  g_ptr_array_remove_fast (drain->conns->drains, drain);
  g_source_destroy (drain->source);
  g_source_unref (drain->source);
  g_clear_handle_id (&drain->timeout_id, g_source_remove);
  g_socket_close (drain->socket, NULL);
  g_object_unref (drain->socket);
  g_free (drain);
}

static gboolean
on_drain_timeout_cb (gpointer data)
{
  Drain *drain = data;

  drain->timeout_id = 0;
  drain_finish (drain);
  return G_SOURCE_REMOVE;
}

static gboolean
on_drain_readable_cb (GSocket      *socket,
                      GIOCondition  condition,
                      gpointer      data)
{
  Drain *drain = data;
  char buf[16384];
  gssize n = g_socket_receive_with_blocking (socket, buf, sizeof buf, FALSE, NULL, NULL);

  if (n > 0)
    drain->drained += (gsize) n;
  if (n == 0 || (n < 0 && !(condition & G_IO_IN)) || drain->drained > DRAIN_BYTES ||
      (condition & (G_IO_HUP | G_IO_ERR)))
    {
      drain_finish (drain);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
answer_and_close (PlatzdConnections *conns,
                  GSocket           *socket,
                  guint              status,
                  const char        *json)
{
  g_autofree char *response = g_strdup_printf (
    "HTTP/1.1 %u %s\r\nConnection: close\r\nContent-Type: application/json\r\n%s"
    PLATZD_SECURITY_HEADERS (RAW_HEADER)
    "Content-Length: %zu\r\n\r\n%s", status, soup_status_get_phrase (status),
    status == 503 ? "Retry-After: 1\r\n" : "", strlen (json), json);
  Drain *drain;

  if (conns->drains->len >= MAX_DRAINS)
    drain_finish (conns->drains->pdata[0]);
  drain = g_new0 (Drain, 1);
  /* A few hundred bytes into an empty send buffer: never blocks. */
  g_socket_send_with_blocking (socket, response, strlen (response), FALSE, NULL, NULL);
  g_socket_shutdown (socket, FALSE, TRUE, NULL);
  drain->conns = conns;
  drain->socket = g_object_ref (socket);
  drain->source = g_socket_create_source (socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  g_source_set_callback (drain->source, (GSourceFunc) G_CALLBACK (on_drain_readable_cb), drain,
                         NULL);
  g_source_attach (drain->source, g_main_context_get_thread_default ());
  drain->timeout_id = g_timeout_add (DRAIN_MS, on_drain_timeout_cb, drain);
  g_ptr_array_add (conns->drains, drain);
}

/* SoupServer signals */

static void
on_msg_got_headers_cb (SoupServerMessage *msg,
                       PlatzdConnections *conns)
{
  Conn *conn = conn_of (conns, msg);

  if (conn != NULL && conn->state == CONN_HEADERS)
    conn->state = CONN_BODY;   /* the deadline still counts from the request's start */
}

static void
on_msg_got_body_cb (SoupServerMessage *msg,
                    PlatzdConnections *conns)
{
  Conn *conn = conn_of (conns, msg);

  if (conn != NULL)
    conn_set_state (conn, CONN_BUSY);
}

/* 101 Switching Protocols: libsoup hands the socket to a WebSocket and
 * no request follows on it. */
static void
on_msg_wrote_informational_cb (SoupServerMessage *msg,
                               PlatzdConnections *conns)
{
  Conn *conn = conn_of (conns, msg);

  if (conn != NULL && soup_server_message_get_status (msg) == SOUP_STATUS_SWITCHING_PROTOCOLS)
    conn_set_state (conn, CONN_UPGRADED);
}

static void
on_request_started_cb (SoupServer        *server,
                       SoupServerMessage *msg,
                       PlatzdConnections *conns)
{
  Conn *conn = conn_of (conns, msg);

  if (conn == NULL)
    return;
  /* On a new connection this fires at accept; on a kept-alive one at the
   * first byte of the next request. */
  conn_set_state (conn, CONN_HEADERS);
  conn->request_start = conn->since;
  g_signal_connect (msg, "got-headers", G_CALLBACK (on_msg_got_headers_cb), conns);
  g_signal_connect (msg, "got-body", G_CALLBACK (on_msg_got_body_cb), conns);
  g_signal_connect (msg, "wrote-informational", G_CALLBACK (on_msg_wrote_informational_cb),
                    conns);
}

static void
on_request_done_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    PlatzdConnections *conns)
{
  Conn *conn = conn_of (conns, msg);

  if (conn != NULL)
    conn_set_state (conn, CONN_WAITING);
}

/* Deadlines */

static gboolean
on_sweep_cb (gpointer data)
{
  PlatzdConnections *conns = data;
  GHashTableIter iter;
  Conn *conn;
  gint64 now = g_get_monotonic_time ();
  guint closed[CONN_UPGRADED + 1] = { 0 };
  guint total = 0;

  g_hash_table_iter_init (&iter, conns->by_remote);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &conn))
    {
      guint seconds = 0;
      gint64 start = conn->since;

      if (conn_gone (conn))
        {
          g_hash_table_iter_remove (&iter);
          continue;
        }
      if (conn->closing)
        continue;
      switch (conn->state)
        {
        case CONN_HEADERS:
          seconds = conns->limits.header_seconds;
          break;
        case CONN_BODY:
          seconds = conns->limits.idle_seconds;
          start = conn->request_start;
          break;
        case CONN_BUSY:
          seconds = conns->limits.busy_seconds;
          break;
        case CONN_WAITING:
          seconds = conns->limits.idle_seconds;
          break;
        case CONN_UPGRADED:
          continue;
        }
      if (now - start >= (gint64) seconds * G_USEC_PER_SEC)
        {
          closed[conn->state]++;
          total++;
          conn_close (conn);
        }
    }
  if (total > 0)
    g_printerr ("platzd: closed %u connections past their deadline (headers %u, body %u, "
                "busy %u, idle %u)\n", total, closed[CONN_HEADERS], closed[CONN_BODY],
                closed[CONN_BUSY], closed[CONN_WAITING]);
  return G_SOURCE_CONTINUE;
}

/* Accepting */

static gboolean on_listener_ready_cb (GSocket      *socket,
                                      GIOCondition  condition,
                                      gpointer      data);

static void
start_accepting (PlatzdConnections *conns)
{
  g_assert (conns->accept_source == NULL);
  conns->accept_source = g_socket_create_source (conns->listener, G_IO_IN, NULL);
  g_source_set_callback (conns->accept_source, (GSourceFunc) G_CALLBACK (on_listener_ready_cb),
                         conns, NULL);
  g_source_attach (conns->accept_source, g_main_context_get_thread_default ());
}

static gboolean
on_retry_cb (gpointer data)
{
  PlatzdConnections *conns = data;

  conns->retry_id = 0;
  start_accepting (conns);
  return G_SOURCE_REMOVE;
}

static void
refuse_socket (PlatzdConnections *conns,
               GSocket           *socket)
{
  gint64 now = g_get_monotonic_time ();

  conns->refused++;
  if (conns->refusal_logged == 0 || now - conns->refusal_logged >
      REFUSAL_LOG_SECONDS * G_USEC_PER_SEC)
    {
      g_printerr ("platzd: refused %u connection(s): %u open, the cap is %u\n", conns->refused,
                  count_open (conns), conns->limits.max_connections);
      conns->refusal_logged = now;
      conns->refused = 0;
    }
  answer_and_close (conns, socket, 503,
                    "{\"error\":{\"code\":\"unavailable\",\"message\":\"Too many connections; "
                    "try again in a second\",\"reason\":null}}");
}

static void
admit (PlatzdConnections *conns,
       GSocket           *socket)
{
  g_autoptr(GSocketAddress) local = NULL;
  Conn *conn;

  if (g_hash_table_size (conns->by_remote) >= conns->limits.max_connections &&
      count_open (conns) >= conns->limits.max_connections)
    {
      Conn *victim = pick_victim (conns, FALSE);
      if (victim == NULL)
        {
          refuse_socket (conns, socket);
          return;
        }
      conn_close (victim);
    }

  conn = g_new0 (Conn, 1);
  conn->socket = g_object_ref (socket);
  local = g_socket_get_local_address (socket, NULL);
  conn->remote = g_socket_get_remote_address (socket, NULL);
  if (local == NULL || conn->remote == NULL)
    {
      /* Gone before we got here. */
      g_socket_close (socket, NULL);
      conn_free (conn);
      return;
    }
  g_socket_set_option (socket, IPPROTO_TCP, TCP_NODELAY, TRUE, NULL);
  conn->stream = g_socket_connection_factory_create_connection (socket);
  conn_set_state (conn, CONN_HEADERS);
  conn->request_start = conn->since;
  g_hash_table_insert (conns->by_remote, conn->remote, conn);
  soup_server_accept_iostream (conns->server, G_IO_STREAM (conn->stream), local, conn->remote,
                               NULL);
}

static void
accept_failed (PlatzdConnections *conns,
               GError            *error)
{
  Conn *idle;

  if (!conns->accept_failing)
    g_printerr ("platzd: cannot accept connections: %s (%u open, cap %u); closing idle "
                "connections and retrying every %d ms\n", error->message, count_open (conns),
                conns->limits.max_connections, ACCEPT_RETRY_MS);
  conns->accept_failing = TRUE;
  idle = pick_victim (conns, TRUE);
  if (idle != NULL)
    conn_close (idle);
  g_source_destroy (conns->accept_source);
  g_clear_pointer (&conns->accept_source, g_source_unref);
  conns->retry_id = g_timeout_add (ACCEPT_RETRY_MS, on_retry_cb, conns);
}

static gboolean
on_listener_ready_cb (GSocket      *listener,
                      GIOCondition  condition,
                      gpointer      data)
{
  PlatzdConnections *conns = data;

  for (guint i = 0; i < ACCEPT_BATCH; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSocket) socket = g_socket_accept (listener, NULL, &error);

      if (socket == NULL)
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
            break;
          accept_failed (conns, error);
          return G_SOURCE_REMOVE;
        }
      if (conns->accept_failing)
        {
          g_printerr ("platzd: accepting connections again (%u open)\n", count_open (conns));
          conns->accept_failing = FALSE;
        }
      admit (conns, socket);
    }
  return G_SOURCE_CONTINUE;
}

/* Public */

PlatzdConnections *
platzd_connections_new (SoupServer                   *server,
                        const PlatzdConnectionLimits *limits)
{
  PlatzdConnections *conns = g_new0 (PlatzdConnections, 1);

  conns->server = g_object_ref (server);
  conns->limits = *limits;
  conns->by_remote = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, conn_free);
  conns->drains = g_ptr_array_new ();
  conns->handlers[0] = g_signal_connect (server, "request-started",
                                         G_CALLBACK (on_request_started_cb), conns);
  conns->handlers[1] = g_signal_connect (server, "request-finished",
                                         G_CALLBACK (on_request_done_cb), conns);
  conns->handlers[2] = g_signal_connect (server, "request-aborted",
                                         G_CALLBACK (on_request_done_cb), conns);
  return conns;
}

void
platzd_connections_free (PlatzdConnections *conns)
{
  if (conns == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (conns->handlers); i++)
    g_clear_signal_handler (&conns->handlers[i], conns->server);
  if (conns->accept_source != NULL)
    {
      g_source_destroy (conns->accept_source);
      g_clear_pointer (&conns->accept_source, g_source_unref);
    }
  g_clear_handle_id (&conns->retry_id, g_source_remove);
  g_clear_handle_id (&conns->sweep_id, g_source_remove);
  while (conns->drains->len > 0)
    drain_finish (conns->drains->pdata[0]);
  g_clear_pointer (&conns->drains, g_ptr_array_unref);
  g_clear_pointer (&conns->by_remote, g_hash_table_unref);
  g_clear_object (&conns->listener);
  g_clear_object (&conns->keepalive[0]);
  g_clear_object (&conns->keepalive[1]);
  g_clear_object (&conns->server);
  g_free (conns);
}

gboolean
platzd_connections_listen (PlatzdConnections *conns,
                           GSocket           *listener,
                           GError           **error)
{
  int fds[2];

  g_return_val_if_fail (conns->listener == NULL, FALSE);

  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "socketpair: %s",
                   g_strerror (errno));
      return FALSE;
    }
  conns->keepalive[0] = g_socket_new_from_fd (fds[0], error);
  if (conns->keepalive[0] == NULL)
    {
      close (fds[0]);
      close (fds[1]);
      return FALSE;
    }
  conns->keepalive[1] = g_socket_new_from_fd (fds[1], error);
  if (conns->keepalive[1] == NULL)
    {
      close (fds[1]);
      return FALSE;
    }
  if (!soup_server_listen_socket (conns->server, conns->keepalive[0], 0, error))
    return FALSE;

  conns->listener = g_object_ref (listener);
  g_socket_set_blocking (listener, FALSE);
  start_accepting (conns);
  conns->sweep_id = g_timeout_add_seconds (SWEEP_SECONDS, on_sweep_cb, conns);
  return TRUE;
}

guint
platzd_connections_port (PlatzdConnections *conns)
{
  g_autoptr(GSocketAddress) address = NULL;

  if (conns->listener == NULL)
    return 0;
  address = g_socket_get_local_address (conns->listener, NULL);
  if (address == NULL || !G_IS_INET_SOCKET_ADDRESS (address))
    return 0;
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address));
}

guint
platzd_connections_count (PlatzdConnections *conns)
{
  return count_open (conns);
}

void
platzd_connections_refuse (PlatzdConnections *conns,
                           SoupServerMessage *msg,
                           guint              status,
                           const char        *json)
{
  Conn *conn = conns ? conn_of (conns, msg) : NULL;
  g_autoptr(GIOStream) stream = NULL;

  g_object_ref (msg);
  stream = soup_server_message_steal_connection (msg);
  if (conn != NULL)
    {
      conn->closing = TRUE;
      answer_and_close (conns, conn->socket, status, json);
    }
  else if (stream != NULL)
    {
      /* Not one of ours (a stream given to the server directly). */
      g_autofree char *response = g_strdup_printf (
        "HTTP/1.1 %u %s\r\nConnection: close\r\nContent-Type: application/json\r\n"
        PLATZD_SECURITY_HEADERS (RAW_HEADER)
        "Content-Length: %zu\r\n\r\n%s", status, soup_status_get_phrase (status),
        strlen (json), json);
      g_output_stream_write_all (g_io_stream_get_output_stream (stream), response,
                                 strlen (response), NULL, NULL, NULL);
      g_io_stream_close (stream, NULL, NULL);
    }
  g_object_unref (msg);
}
