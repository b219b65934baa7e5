/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * platzd's own accept loop and connection bookkeeping around SoupServer,
 * which in libsoup 3.2 has no connection cap, no timeouts, and whose
 * listener stops accepting for good after one failed accept() (EMFILE).
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _PlatzdConnections PlatzdConnections;

/* The headers every answer carries, as X (name, value): set on libsoup's
 * answers by platzd_reply_set_security_headers (), written by the
 * connections' own refusals.  A floor plan has its own policy
 * (PLATZD_PLAN_CSP). */
#define PLATZD_SECURITY_HEADERS(X) \
  X ("X-Content-Type-Options", "nosniff") \
  X ("Content-Security-Policy", "default-src 'none'") \
  X ("Referrer-Policy", "no-referrer") \
  X ("Cache-Control", "no-store")
#define PLATZD_PLAN_CSP "default-src 'none'; style-src 'unsafe-inline'"

typedef struct {
  guint max_connections;   /* open connections at most */
  guint idle_seconds;      /* keep-alive idle, and a whole request's read */
  guint header_seconds;    /* from the first byte to the end of the headers */
  guint busy_seconds;      /* handling plus writing the response */
} PlatzdConnectionLimits;

/* Defaults, overridden by PLATZD_MAX_CONNECTIONS, PLATZD_IDLE_TIMEOUT_SECONDS
 * and PLATZD_HEADER_TIMEOUT_SECONDS; the cap stays below RLIMIT_NOFILE. */
void               platzd_connection_limits_from_env (PlatzdConnectionLimits *limits);

PlatzdConnections *platzd_connections_new    (SoupServer                   *server,
                                              const PlatzdConnectionLimits *limits);
void               platzd_connections_free   (PlatzdConnections *conns);
/* Accepts on a bound, listening socket from now on. */
gboolean           platzd_connections_listen (PlatzdConnections *conns,
                                              GSocket           *listener,
                                              GError           **error);
guint              platzd_connections_port   (PlatzdConnections *conns);
guint              platzd_connections_count  (PlatzdConnections *conns);
/* Answers msg with a canned response right away, without reading the
 * body, and closes its connection (call from an early handler). */
void               platzd_connections_refuse (PlatzdConnections *conns,
                                              SoupServerMessage *msg,
                                              guint              status,
                                              const char        *json);

G_END_DECLS
