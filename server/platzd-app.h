/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the server's modules share: the application state, the request
 * handed to every handler, the router and the reply helpers.
 *
 * A handler runs on the main loop.  It must finish the request exactly
 * once with one of the platzd_reply_* functions, either before returning
 * or later after platzd_request_pause() (see the login handler).
 */
#pragma once

#include <libsoup/soup.h>

#include "platz-codec.h"
#include "platz-error.h"
#include "platz-model.h"
#include "platzd-connections.h"
#include "platzd-store.h"

G_BEGIN_DECLS

#define PLATZD_API "/api/v1"
#define PLATZD_JSON_BODY_MAX (1024 * 1024)
#define PLATZD_UPLOAD_BODY_MAX (16 * 1024 * 1024)

typedef struct _PlatzdApp PlatzdApp;
typedef struct _PlatzdAuth PlatzdAuth;
typedef struct _PlatzdRouter PlatzdRouter;
typedef struct _PlatzdRequest PlatzdRequest;

typedef void (*PlatzdHandler) (PlatzdRequest *req);

typedef enum {
  PLATZD_ROUTE_PUBLIC   = 1 << 0,  /* no sign-in needed */
  PLATZD_ROUTE_RAW_BODY = 1 << 1,  /* body is not JSON (uploads) */
} PlatzdRouteFlags;

struct _PlatzdApp {
  SoupServer   *server;
  PlatzdConnections *connections;  /* accept loop, cap, timeouts */
  PlatzdStore  *store;
  PlatzdRouter *router;
  PlatzdAuth   *auth;
  GMainLoop    *loop;
  guint         release_timer;
  guint         retention_timer;
  GHashTable   *retention_done;  /* site id -> date of the last purge */
  guint         in_flight;
  gboolean      shutting_down;
  gboolean      quiet;          /* no request log (benchmarks) */
  GString      *log;            /* request log lines not yet written */
  guint         log_flush_id;
};

struct _PlatzdRequest {
  PlatzdApp         *app;
  SoupServerMessage *msg;
  const char        *method;
  const char        *path;
  GHashTable        *params;     /* path parameters: name -> value */
  GHashTable        *query;      /* may be NULL */
  PlatzUser         *user;       /* the signed-in user, NULL on public routes */
  JsonNode          *body;       /* parsed JSON body, or NULL */
  GBytes            *raw_body;   /* the body of RAW_BODY routes */
  char              *remote;     /* peer address */
  char              *path_copy;
  gconstpointer      route_data;
  gboolean           finished;
  gboolean           paused;
  gboolean           durable_checked; /* waited for the group commit, if any */
  gint64             changes_at_start; /* sqlite3_total_changes64 () */
  gboolean           msg_gone;   /* libsoup is done with msg (sent or dropped) */
};

/* Frees a request once both the reply is made and libsoup is done. */
void          platzd_request_free    (PlatzdRequest *req);

/* Router */
PlatzdRouter *platzd_router_new      (void);
void          platzd_router_free     (PlatzdRouter *router);
/* Routes match in the order added; a method and pattern added again is
 * ignored (the first wins). */
void          platzd_router_add      (PlatzdRouter *router,
                                      const char   *method,
                                      const char   *pattern,
                                      PlatzdHandler handler,
                                      guint         flags);
/* As above, with data the handler finds in req->route_data. */
void          platzd_router_add_full (PlatzdRouter *router,
                                      const char   *method,
                                      const char   *pattern,
                                      PlatzdHandler handler,
                                      guint         flags,
                                      gconstpointer data);
/* Looks a request up.  Returns the handler or NULL; on NULL *status is 404
 * (no such path) or 405 (path known, method not).  *query_names (when
 * query_names is not NULL) is the route's documented query parameters,
 * for platzd_router_check_query (). */
PlatzdHandler platzd_router_lookup   (PlatzdRouter *router,
                                      const char   *method,
                                      const char   *path,
                                      GHashTable   *params,
                                      guint        *flags,
                                      gconstpointer *data,
                                      guint        *status,
                                      GHashTable  **query_names);
/* Takes each route's query parameters from the API document (OpenAPI
 * JSON: the "query" parameters of paths[pattern][method]). */
gboolean      platzd_router_load_query_names (PlatzdRouter *router,
                                              GBytes       *openapi,
                                              GError      **error);
/* FALSE with a 400 naming them when the query has parameters that are
 * not among the route's query_names (from platzd_router_lookup ()). */
gboolean      platzd_router_check_query (GHashTable   *query_names,
                                         GHashTable   *query,
                                         GError      **error);
/* Every (method, pattern) pair, for the authorisation matrix and docs. */
GPtrArray    *platzd_router_routes   (PlatzdRouter *router);

/* Server */
PlatzdApp    *platzd_app_new          (PlatzdStore *store);
void          platzd_app_free         (PlatzdApp   *app);
gboolean      platzd_app_listen       (PlatzdApp   *app,
                                       const char  *host,
                                       guint        port,
                                       GError     **error);
/* The port actually bound (for port 0). */
guint         platzd_app_get_port     (PlatzdApp   *app);
void          platzd_app_register_all (PlatzdApp   *app);

/* Request helpers */
void          platzd_request_pause   (PlatzdRequest *req);
/* PLATZD_SECURITY_HEADERS on the answer (done for every request). */
void          platzd_reply_set_security_headers (SoupServerMessage *msg);
void          platzd_reply_json      (PlatzdRequest *req,
                                      guint          status,
                                      JsonNode      *node);  /* takes node */
void          platzd_reply_object    (PlatzdRequest  *req,
                                      guint           status,
                                      const PlatzType *type,
                                      gconstpointer   obj);
void          platzd_reply_array     (PlatzdRequest  *req,
                                      const PlatzType *type,
                                      GPtrArray      *objects);
void          platzd_reply_empty     (PlatzdRequest *req,
                                      guint          status);
/* Takes the error.  PLATZ_ERROR codes choose status, code and reason;
 * anything else is a 500 and is logged. */
void          platzd_reply_error     (PlatzdRequest *req,
                                      GError        *error);
/* As above, with one more member inside "error" (e.g. "conflicts"). */
/* {"error":{"code","message","reason"[,member: value]}} (takes value). */
JsonNode     *platzd_error_body      (PlatzErrorCode code,
                                      const char    *message,
                                      const char    *member,
                                      JsonNode      *value);
void          platzd_reply_error_extra (PlatzdRequest *req,
                                        GError        *error,
                                        const char    *member,
                                        JsonNode      *value);
void          platzd_reply_fail      (PlatzdRequest *req,
                                      PlatzErrorCode code,
                                      const char    *format,
                                      ...) G_GNUC_PRINTF (3, 4);

/* The {id} path parameter (router guarantees digits). */
gint64        platzd_request_id      (PlatzdRequest *req,
                                      const char    *name);
const char   *platzd_request_query   (PlatzdRequest *req,
                                      const char    *name);
/* Query parameter helpers: FALSE with a 400 error when malformed or
 * (required) missing.  Absent optional values leave *out untouched. */
gboolean      platzd_query_id        (PlatzdRequest *req,
                                      const char    *name,
                                      gboolean       required,
                                      gint64        *out,
                                      GError       **error);
gboolean      platzd_query_date      (PlatzdRequest *req,
                                      const char    *name,
                                      gboolean       required,
                                      GDate         *out,
                                      GError       **error);
gboolean      platzd_query_bool      (PlatzdRequest *req,
                                      const char    *name,
                                      gboolean      *out,
                                      GError       **error);
gboolean      platzd_query_int       (PlatzdRequest *req,
                                      const char    *name,
                                      gint64         min,
                                      gint64         max,
                                      gint64        *out,
                                      GError       **error);

gboolean      platzd_user_is          (const PlatzUser *user,
                                       const char      *role);
/* facility_manager or admin */
gboolean      platzd_user_manages_facility (const PlatzUser *user);
/* FALSE with 403 unless the signed-in user has one of the roles. */
gboolean      platzd_require_role    (PlatzdRequest *req,
                                      GError       **error,
                                      ...) G_GNUC_NULL_TERMINATED;

/* Handlers by resource; each registers its routes. */
void platzd_auth_register         (PlatzdApp *app);
void platzd_structure_register    (PlatzdApp *app);
void platzd_people_register       (PlatzdApp *app);
void platzd_policies_register     (PlatzdApp *app);
void platzd_availability_register (PlatzdApp *app);
void platzd_bookings_register     (PlatzdApp *app);
void platzd_reservations_register (PlatzdApp *app);
void platzd_reports_register      (PlatzdApp *app);

G_END_DECLS
