/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Test harness: starts a real platzd on 127.0.0.1 with an ephemeral port
 * and a fresh temporary database, and talks HTTP to it with a SoupSession.
 */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PLATZ_TEST_ADMIN "admin"
#define PLATZ_TEST_PASSWORD "secret-admin-pw"

typedef struct {
  GSubprocess *process;
  char        *dir;
  char        *db_path;
  char        *base;        /* http://127.0.0.1:PORT */
  guint        port;
  SoupSession *session;
  GString     *log;         /* the server's stderr */
} PlatzTestServer;

typedef struct {
  guint     status;
  JsonNode *json;           /* NULL when the body is not JSON */
  GBytes   *body;
  SoupMessageHeaders *headers;
} PlatzTestResponse;

/* extra_args: NULL-terminated, may be NULL */
PlatzTestServer   *platz_test_server_start   (const char * const *extra_args);
/* Starts again on the same database (after stop or kill). */
void               platz_test_server_restart (PlatzTestServer *server);
void               platz_test_server_kill    (PlatzTestServer *server,
                                              int              signum);
void               platz_test_server_free    (PlatzTestServer *server);

PlatzTestResponse *platz_test_request        (PlatzTestServer *server,
                                              const char      *token,
                                              const char      *method,
                                              const char      *path,
                                              const char      *body);
/* With a session of the caller's (for clients in other threads). */
PlatzTestResponse *platz_test_request_full   (PlatzTestServer *server,
                                              SoupSession     *session,
                                              const char      *token,
                                              const char      *method,
                                              const char      *path,
                                              const char      *body);
/* Any body (NULL for none) of the given type; unlike the requests above
 * the answer may be a 5xx. */
PlatzTestResponse *platz_test_send           (PlatzTestServer *server,
                                              const char      *token,
                                              const char      *method,
                                              const char      *path,
                                              GBytes          *body,
                                              const char      *content_type);
PlatzTestResponse *platz_test_requestf       (PlatzTestServer *server,
                                              const char      *token,
                                              const char      *method,
                                              const char      *body,
                                              const char      *path_format,
                                              ...) G_GNUC_PRINTF (5, 6);
void               platz_test_response_free  (PlatzTestResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlatzTestResponse, platz_test_response_free)

/* Logs in and returns the token (asserts 200). */
char              *platz_test_login          (PlatzTestServer *server,
                                              const char      *username,
                                              const char      *password);
/* POSTs and returns the new object's id (asserts 201). */
gint64             platz_test_create         (PlatzTestServer *server,
                                              const char      *token,
                                              const char      *path,
                                              const char      *body_format,
                                              ...) G_GNUC_PRINTF (4, 5);

/* Member access on the response's object: "error.reason", "rooms.0.id" */
JsonNode          *platz_test_member         (PlatzTestResponse *response,
                                              const char        *dotted);
gint64             platz_test_int            (PlatzTestResponse *response,
                                              const char        *dotted);
const char        *platz_test_str            (PlatzTestResponse *response,
                                              const char        *dotted);
guint              platz_test_length         (PlatzTestResponse *response,
                                              const char        *dotted);

/* Asserts status, and for errors the code and reason (reason may be NULL
 * for "no reason"). */
#define platz_assert_status(resp, st) \
  platz_test_assert_status_impl (resp, st, __FILE__, __LINE__)
#define platz_assert_error(resp, st, code, reason) \
  platz_test_assert_error_impl (resp, st, code, reason, __FILE__, __LINE__)

void platz_test_assert_status_impl (PlatzTestResponse *resp, guint status,
                                    const char *file, int line);
void platz_test_assert_error_impl  (PlatzTestResponse *resp, guint status,
                                    const char *code, const char *reason,
                                    const char *file, int line);

/* YYYY-MM-DD of today + days in the zone (UTC if NULL). */
char *platz_test_date (int days, const char *zone);
/* The next weekday (Mon-Fri) at or after today + days, in the zone. */
char *platz_test_weekday (int days, const char *zone);

G_END_DECLS
