/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-auth"

#include "config.h"

#include <string.h>
#include <sodium.h>

#include "platzd-auth.h"
#include "platzd-throttle.h"

#define TOKEN_BYTES 32
/* Failures within the throttle's window after which attempts wait, per
 * (user name, address) and per address (spraying across users). */
#define FAIL_LIMIT_USER 10
#define FAIL_LIMIT_ADDRESS 50
#define THROTTLE_KEYS 50000
#define TOUCH_INTERVAL_S 60

/* The libFuzzer build (meson -Dfuzz=true, never installed) feeds the
 * request path hundreds of thousands of inputs, many of them sign-ins:
 * there a password hash costs the least libsodium allows and a throttled
 * key does not wait, so the fuzzer explores parsing and routing instead
 * of waiting.  Every other build hashes and throttles as described. */
#ifdef PLATZD_FUZZING
#define HASH_OPSLIMIT crypto_pwhash_OPSLIMIT_MIN
#define HASH_MEMLIMIT crypto_pwhash_MEMLIMIT_MIN
#else
#define HASH_OPSLIMIT crypto_pwhash_OPSLIMIT_INTERACTIVE
#define HASH_MEMLIMIT crypto_pwhash_MEMLIMIT_INTERACTIVE
#endif
/* Argon2id with crypto_pwhash_OPSLIMIT/MEMLIMIT_INTERACTIVE of a random
 * password nobody knows: unknown users are verified against it. */
#define DUMMY_HASH \
  "$argon2id$v=19$m=65536,t=2,p=1$W2IIGYEsSVV7dhYniR6e8g$hLhXIj4fFBWcAFLtU/Xn20rH4eZFAEVK6LN5wEJiUlE"

typedef struct {
  gint64     user_id;
  gint64     expires_at;    /* absolute, unix seconds */
  gint64     last_used_at;  /* unix seconds */
  gint64     stored_last_used_at;
  /* The signed-in user as last read (a GRcBox), valid while nothing was
   * written to users since (users_epoch) and no write went unseen. */
  PlatzUser *user;
  guint64    user_epoch;
  guint64    user_unseen;
} Session;

struct _PlatzdAuth {
  PlatzdApp      *app;
  GThreadPool    *pool;
  GHashTable     *sessions;    /* hex token hash -> Session */
  PlatzdThrottle *throttle;    /* failed sign-ins per key */
  GHashTable     *touched;     /* hex token hash -> NULL: last_used_at not stored yet */
  guint           touch_timer;
  gint64          idle_s;
  gint64          max_s;
  char           *dummy_hash;  /* verified against for unknown users */
  guint64         users_epoch; /* rows written to users (the store's watch) */
};

typedef enum { JOB_HASH, JOB_VERIFY } JobKind;

typedef struct {
  JobKind            kind;
  char              *password;
  char              *hash;
  gboolean           ok;
  PlatzdHashCallback hash_cb;
  PlatzdVerifyCallback verify_cb;
  gpointer           user_data;
} Job;

/* Worker pool */

static gboolean
job_done_cb (gpointer data)
{
  Job *job = data;

  if (job->kind == JOB_HASH)
    job->hash_cb (g_steal_pointer (&job->hash), job->user_data);
  else
    job->verify_cb (job->ok, job->user_data);
  if (job->password)
    sodium_memzero (job->password, strlen (job->password));
  g_free (job->password);
  g_free (job->hash);
  g_free (job);
  return G_SOURCE_REMOVE;
}

static void
job_run (gpointer data,
         gpointer user_data)
{
  Job *job = data;

  if (job->kind == JOB_HASH)
    job->hash = platzd_auth_hash_password (job->password, NULL);
  else
    job->ok = job->hash != NULL &&
              crypto_pwhash_str_verify (job->hash, job->password, strlen (job->password)) == 0;
  g_idle_add_full (G_PRIORITY_DEFAULT, job_done_cb, job, NULL);
}

char *
platzd_auth_hash_password (const char *password,
                           GError    **error)
{
  char out[crypto_pwhash_STRBYTES];

  if (crypto_pwhash_str (out, password, strlen (password), HASH_OPSLIMIT, HASH_MEMLIMIT) != 0)
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_INTERNAL,
                           "Out of memory while hashing a password");
      return NULL;
    }
  return g_strdup (out);
}

void
platzd_auth_hash_async (PlatzdAuth        *auth,
                        const char        *password,
                        PlatzdHashCallback callback,
                        gpointer           user_data)
{
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_HASH;
  job->password = g_strdup (password);
  job->hash_cb = callback;
  job->user_data = user_data;
  g_thread_pool_push (auth->pool, job, NULL);
}

void
platzd_auth_verify_async (PlatzdAuth        *auth,
                          const char        *password,
                          const char        *hash,
                          PlatzdVerifyCallback callback,
                          gpointer           user_data)
{
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_VERIFY;
  job->password = g_strdup (password);
  job->hash = g_strdup (hash ? hash : auth->dummy_hash);
  job->verify_cb = callback;
  job->user_data = user_data;
  g_thread_pool_push (auth->pool, job, NULL);
}

/* Sessions */

static void
user_clear (gpointer data)
{
  platz_object_clear (&platz_user_type, data);
}

void
platzd_user_release (PlatzUser *user)
{
  g_rc_box_release_full (user, user_clear);
}

static void
session_free (gpointer data)
{
  Session *session = data;

  g_clear_pointer (&session->user, platzd_user_release);
  g_free (session);
}

static void
on_store_write_cb (gpointer    data,
                   int         op,
                   const char *table,
                   gint64      rowid)
{
  PlatzdAuth *auth = data;

  if (strcmp (table, "users") == 0)
    auth->users_epoch++;
}

/* The session's user, from its cache or read (and then kept). */
static PlatzUser *
session_user (PlatzdAuth *auth,
              Session    *session)
{
  PlatzdStore *store = auth->app->store;
  guint64 unseen = platzd_store_unseen (store);
  PlatzUser *loaded;

  if (session->user != NULL && session->user_epoch == auth->users_epoch &&
      session->user_unseen == unseen)
    return g_rc_box_acquire (session->user);
  g_clear_pointer (&session->user, platzd_user_release);
  loaded = platzd_user_load (store, session->user_id, NULL);
  if (loaded == NULL)
    return NULL;
  session->user = g_rc_box_new (PlatzUser);
  *session->user = *loaded;     /* takes over its strings */
  g_free (loaded);
  session->user_epoch = auth->users_epoch;
  session->user_unseen = unseen;
  return g_rc_box_acquire (session->user);
}

static char *
token_hash_hex (const char *token)
{
  guint8 digest[crypto_hash_sha256_BYTES];

  crypto_hash_sha256 (digest, (const guint8 *) token, strlen (token));
  return sodium_bin2hex (g_malloc (sizeof digest * 2 + 1), sizeof digest * 2 + 1, digest,
                         sizeof digest);
}

static void
bind_hash (sqlite3_stmt *stmt,
           int           index,
           const char   *token)
{
  guint8 digest[crypto_hash_sha256_BYTES];

  crypto_hash_sha256 (digest, (const guint8 *) token, strlen (token));
  sqlite3_bind_blob (stmt, index, digest, sizeof digest, SQLITE_TRANSIENT);
}

static void
session_drop (PlatzdAuth *auth,
              const char *token)
{
  g_autofree char *hex = token_hash_hex (token);
  sqlite3_stmt *stmt = platzd_store_prepare (auth->app->store,
                                             "DELETE FROM sessions WHERE token_hash = ?", NULL);

  g_hash_table_remove (auth->sessions, hex);
  if (stmt != NULL)
    {
      bind_hash (stmt, 1, token);
      platzd_store_step_done (auth->app->store, stmt, NULL);
    }
}

static Session *
session_lookup (PlatzdAuth *auth,
                const char *token)
{
  g_autofree char *hex = token_hash_hex (token);
  Session *session = g_hash_table_lookup (auth->sessions, hex);
  sqlite3_stmt *stmt;

  if (session != NULL)
    return session;

  stmt = platzd_store_prepare (auth->app->store,
                               "SELECT user_id, expires_at, last_used_at FROM sessions "
                               "WHERE token_hash = ?", NULL);
  if (stmt == NULL)
    return NULL;
  bind_hash (stmt, 1, token);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      session = g_new0 (Session, 1);
      session->user_id = sqlite3_column_int64 (stmt, 0);
      session->expires_at = sqlite3_column_int64 (stmt, 1);
      session->last_used_at = sqlite3_column_int64 (stmt, 2);
      session->stored_last_used_at = session->last_used_at;
      g_hash_table_insert (auth->sessions, g_steal_pointer (&hex), session);
    }
  sqlite3_reset (stmt);
  return session;
}

PlatzUser *
platzd_user_load (PlatzdStore *store,
                  gint64       id,
                  GError     **error)
{
  return platzd_store_get (store, &platz_user_type, id, error);
}

PlatzUser *
platzd_auth_authenticate (PlatzdAuth        *auth,
                          SoupServerMessage *msg,
                          GError           **error)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Authorization");
  const char *token;
  Session *session;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  PlatzUser *user;

  if (header == NULL || g_ascii_strncasecmp (header, "Bearer ", 7) != 0)
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_UNAUTHENTICATED,
                           "Sign in first: send 'Authorization: Bearer TOKEN'");
      return NULL;
    }
  token = header + 7;
  while (*token == ' ')
    token++;
  if (strlen (token) != TOKEN_BYTES * 2 || (session = session_lookup (auth, token)) == NULL)
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_UNAUTHENTICATED,
                           "The session is unknown or has ended; sign in again");
      return NULL;
    }
  if (now >= session->expires_at || now - session->last_used_at > auth->idle_s)
    {
      session_drop (auth, token);
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_UNAUTHENTICATED,
                           "The session has expired; sign in again");
      return NULL;
    }
  user = session_user (auth, session);
  if (user == NULL)
    {
      session_drop (auth, token);
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_UNAUTHENTICATED,
                           "The session has ended; sign in again");
      return NULL;
    }
  session->last_used_at = now;
  /* Persist the idle clock now and then, not on every request, and for
   * all sessions in one transaction (one fsync a minute, not one per
   * session: see touch_flush). */
  if (now - session->stored_last_used_at >= TOUCH_INTERVAL_S)
    g_hash_table_add (auth->touched, token_hash_hex (token));
  return user;
}

/* Stores last_used_at of the sessions used since the last flush. */
static void
touch_flush (PlatzdAuth *auth)
{
  PlatzdStore *store = auth->app->store;
  GHashTableIter iter;
  gpointer key;
  sqlite3_stmt *stmt;

  if (g_hash_table_size (auth->touched) == 0 || !platzd_store_begin (store, NULL))
    return;
  stmt = platzd_store_prepare (store, "UPDATE sessions SET last_used_at = ? WHERE token_hash = ?",
                               NULL);
  g_hash_table_iter_init (&iter, auth->touched);
  while (stmt != NULL && g_hash_table_iter_next (&iter, &key, NULL))
    {
      Session *session = g_hash_table_lookup (auth->sessions, key);
      guint8 digest[crypto_hash_sha256_BYTES];

      if (session == NULL ||
          sodium_hex2bin (digest, sizeof digest, key, strlen (key), NULL, NULL, NULL) != 0)
        continue;
      sqlite3_bind_int64 (stmt, 1, session->last_used_at);
      sqlite3_bind_blob (stmt, 2, digest, sizeof digest, SQLITE_TRANSIENT);
      if (!platzd_store_step_done (store, stmt, NULL))
        break;
      session->stored_last_used_at = session->last_used_at;
    }
  if (!platzd_store_commit (store, NULL))
    return;
  g_hash_table_remove_all (auth->touched);
}

static gboolean
touch_timer_cb (gpointer data)
{
  touch_flush (data);
  return G_SOURCE_CONTINUE;
}

/* The bearer token of a message that passed authentication. */
static const char *
message_token (SoupServerMessage *msg)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Authorization");
  const char *token = header + 7;

  while (*token == ' ')
    token++;
  return token;
}

gint64
platzd_auth_end_sessions (PlatzdAuth        *auth,
                          gint64             user_id,
                          SoupServerMessage *keep,
                          GError           **error)
{
  g_autofree char *kept = keep ? token_hash_hex (message_token (keep)) : NULL;
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;

  /* Dropping them from memory first is safe: a session not in memory is
   * looked up in the table again. */
  g_hash_table_iter_init (&iter, auth->sessions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (((Session *) value)->user_id == user_id && g_strcmp0 (key, kept) != 0)
      g_hash_table_iter_remove (&iter);
  stmt = platzd_store_prepare (auth->app->store,
                               "DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?",
                               error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, user_id);
  if (keep != NULL)
    bind_hash (stmt, 2, message_token (keep));
  if (!platzd_store_step_done (auth->app->store, stmt, error))
    return -1;
  return sqlite3_changes (platzd_store_db (auth->app->store));
}

/* Checking a password, as a sign-in does */

typedef struct {
  PlatzdRequest       *req;
  char                *username;
  char                *password;
  char                *user_key;
  char                *address_key;
  gint64               user_id;
  PlatzdCheckCallback  callback;
  gpointer             user_data;
} Check;

static void
check_free (Check *check)
{
  g_free (check->username);
  if (check->password)
    sodium_memzero (check->password, strlen (check->password));
  g_free (check->password);
  g_free (check->user_key);
  g_free (check->address_key);
  g_free (check);
}

static gint64
now_ms (void)
{
  return g_get_monotonic_time () / 1000;
}

/* The attempt is over: failures count against both keys, a success
 * clears the user's key (the address's stays: spraying goes on). */
static void
on_check_verified_cb (gboolean ok,
                      gpointer user_data)
{
  Check *check = user_data;
  PlatzdThrottle *throttle = check->req->app->auth->throttle;
  gboolean right = ok && check->user_id != 0;

  platzd_throttle_end (throttle, check->user_key, !right, right, now_ms ());
  platzd_throttle_end (throttle, check->address_key, !right, FALSE, now_ms ());
  check->callback (right ? check->user_id : 0, check->user_data);
  check_free (check);
}

/* After the throttle's delay (if any): look the user up and verify. */
static void
check_run (Check *check)
{
  PlatzdRequest *req = check->req;
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;

  stmt = platzd_store_prepare (req->app->store,
                               "SELECT id, password_hash FROM users WHERE username = ?", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, check->username, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          check->user_id = sqlite3_column_int64 (stmt, 0);
          hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
        }
      sqlite3_reset (stmt);
    }
  /* Unknown users cost the same hash as known ones. */
  if (hash == NULL)
    check->user_id = 0;
  platzd_auth_verify_async (req->app->auth, check->password, hash, on_check_verified_cb, check);
  sodium_memzero (check->password, strlen (check->password));
  g_clear_pointer (&check->password, g_free);
}

static void
on_check_delay_cb (gpointer user_data)
{
  check_run (user_data);
}

void
platzd_auth_check_password (PlatzdRequest       *req,
                            const char          *username,
                            const char          *password,
                            PlatzdCheckCallback  callback,
                            gpointer             user_data)
{
  PlatzdAuth *auth = req->app->auth;
  Check *check = g_new0 (Check, 1);
  guint wait_user, wait_address;

  check->req = req;
  check->username = g_strdup (username);
  check->password = g_strdup (password);
  check->user_key = g_strdup_printf ("u:%s|%s", username, req->remote);
  check->address_key = g_strdup_printf ("a:%s", req->remote);
  check->callback = callback;
  check->user_data = user_data;

  /* Throttled keys wait on a timer, never in the main loop, and then go
   * to the hash workers like every attempt. */
  wait_user = platzd_throttle_begin (auth->throttle, check->user_key, FAIL_LIMIT_USER, now_ms ());
  wait_address = platzd_throttle_begin (auth->throttle, check->address_key, FAIL_LIMIT_ADDRESS,
                                        now_ms ());
  platzd_request_pause (req);
#ifdef PLATZD_FUZZING
  wait_user = wait_address = 0;
#endif
  if (MAX (wait_user, wait_address) > 0)
    g_timeout_add_once (MAX (wait_user, wait_address), on_check_delay_cb, check);
  else
    check_run (check);
}

/* Login */

static void
on_login_checked_cb (gint64   user_id,
                     gpointer user_data)
{
  PlatzdRequest *req = user_data;
  PlatzdAuth *auth = req->app->auth;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint8 raw[TOKEN_BYTES];
  char token[TOKEN_BYTES * 2 + 1];
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GDateTime) expires = NULL;
  g_autofree char *expires_text = NULL;
  PlatzUser *user = NULL;
  sqlite3_stmt *stmt;
  GError *error = NULL;

  if (user_id == 0 || (user = platzd_user_load (req->app->store, user_id, NULL)) == NULL)
    {
      platzd_reply_fail (req, PLATZ_ERROR_UNAUTHENTICATED, "Wrong user name or password");
      return;
    }

  randombytes_buf (raw, sizeof raw);
  sodium_bin2hex (token, sizeof token, raw, sizeof raw);
  stmt = platzd_store_prepare (req->app->store,
                               "INSERT INTO sessions (token_hash, user_id, created_at, "
                               "last_used_at, expires_at) VALUES (?, ?, ?, ?, ?)", &error);
  if (stmt != NULL)
    {
      bind_hash (stmt, 1, token);
      sqlite3_bind_int64 (stmt, 2, user->id);
      sqlite3_bind_int64 (stmt, 3, now);
      sqlite3_bind_int64 (stmt, 4, now);
      sqlite3_bind_int64 (stmt, 5, now + auth->max_s);
    }
  if (stmt == NULL || !platzd_store_step_done (req->app->store, stmt, &error))
    {
      platz_object_free (&platz_user_type, user);
      platzd_reply_error (req, error);
      return;
    }

  expires = g_date_time_new_from_unix_utc (now + auth->max_s);
  expires_text = g_date_time_format (expires, "%Y-%m-%dT%H:%M:%SZ");
  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "expires_at");
  json_builder_add_string_value (builder, expires_text);
  json_builder_set_member_name (builder, "idle_timeout_seconds");
  json_builder_add_int_value (builder, auth->idle_s);
  json_builder_set_member_name (builder, "user");
  json_builder_add_value (builder, platz_encode (&platz_user_type, user));
  json_builder_end_object (builder);
  sodium_memzero (token, sizeof token);
  platz_object_free (&platz_user_type, user);
  platzd_reply_json (req, 200, json_builder_get_root (builder));
}

static void
handle_login (PlatzdRequest *req)
{
  PlatzLoginRequest login = { 0 };
  GError *error = NULL;

  if (platz_decode (&platz_login_request_type, req->body, PLATZ_DECODE_CREATE, &login, NULL,
                    &error))
    {
      platzd_auth_check_password (req, login.username, login.password, on_login_checked_cb, req);
      sodium_memzero (login.password, strlen (login.password));
    }
  else
    platzd_reply_error (req, error);
  platz_object_clear (&platz_login_request_type, &login);
}

static void
handle_logout (PlatzdRequest *req)
{
  session_drop (req->app->auth, message_token (req->msg));
  platzd_reply_empty (req, 204);
}

static void
handle_me (PlatzdRequest *req)
{
  platzd_reply_object (req, 200, &platz_user_type, req->user);
}

void
platzd_auth_register (PlatzdApp *app)
{
  platzd_router_add (app->router, "POST", PLATZD_API "/auth/login", handle_login,
                     PLATZD_ROUTE_PUBLIC);
  platzd_router_add (app->router, "POST", PLATZD_API "/auth/logout", handle_logout, 0);
  platzd_router_add (app->router, "GET", PLATZD_API "/me", handle_me, 0);
}

static gint64
env_seconds (const char *name,
             gint64      def)
{
  const char *value = g_getenv (name);
  gint64 v;

  if (value != NULL && g_ascii_string_to_signed (value, 10, 1, G_MAXINT32, &v, NULL))
    return v;
  return def;
}

PlatzdAuth *
platzd_auth_new (PlatzdApp *app)
{
  PlatzdAuth *auth = g_new0 (PlatzdAuth, 1);

  if (sodium_init () < 0)
    g_printerr ("platzd: libsodium failed to initialise\n");
  auth->app = app;
  auth->pool = g_thread_pool_new (job_run, auth, PLATZD_HASH_THREADS, FALSE, NULL);
  auth->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, session_free);
  auth->throttle = platzd_throttle_new (THROTTLE_KEYS);
  auth->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  auth->touch_timer = g_timeout_add_seconds (TOUCH_INTERVAL_S, touch_timer_cb, auth);
  /* Sessions end after a day without use, and after a week in any case;
   * the environment may shorten both (tests). */
  auth->idle_s = env_seconds ("PLATZD_SESSION_IDLE_SECONDS", 24 * 3600);
  auth->max_s = env_seconds ("PLATZD_SESSION_MAX_SECONDS", 7 * 24 * 3600);
  /* Hashing it here cost 64 MiB of peak memory and ~0.1 s at every start:
   * a fixed hash (of a random password, with the same parameters) costs
   * the same to verify. */
#ifdef PLATZD_FUZZING
  auth->dummy_hash = platzd_auth_hash_password ("not anybody's password", NULL);
#else
  auth->dummy_hash = g_strdup (DUMMY_HASH);
#endif
  platzd_store_watch (app->store, on_store_write_cb, auth);
  return auth;
}

void
platzd_auth_free (PlatzdAuth *auth)
{
  if (auth == NULL)
    return;
  /* Let running hashes finish; queued ones are dropped. */
  g_thread_pool_free (auth->pool, TRUE, TRUE);
  g_clear_handle_id (&auth->touch_timer, g_source_remove);
  touch_flush (auth);
  platzd_store_unwatch (auth->app->store, on_store_write_cb, auth);
  g_hash_table_unref (auth->touched);
  g_hash_table_unref (auth->sessions);
  platzd_throttle_free (auth->throttle);
  g_free (auth->dummy_hash);
  g_free (auth);
}
