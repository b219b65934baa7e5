/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Sign-in: argon2id password hashes (libsodium) computed in a small pool of
 * worker threads, so a login never stalls the main loop and at most
 * PLATZD_HASH_THREADS hashes (64 MiB each) run at once; 256-bit session
 * tokens from libsodium's CSPRNG, stored only as SHA-256 hashes, with idle
 * and absolute expiry; after repeated failures per (user, address) or per
 * address, sign-ins are slowed by a bounded delay (platzd-throttle.h),
 * never refused.
 */
#pragma once

#include "platzd-app.h"

G_BEGIN_DECLS

#define PLATZD_HASH_THREADS 2

typedef void (*PlatzdHashCallback) (char     *hash,     /* owned by the callee; NULL on error */
                                    gpointer  user_data);
typedef void (*PlatzdVerifyCallback) (gboolean ok,
                                      gpointer user_data);
/* user_id: the user whose password it was, 0 when wrong or unknown. */
typedef void (*PlatzdCheckCallback) (gint64   user_id,
                                     gpointer user_data);

PlatzdAuth *platzd_auth_new          (PlatzdApp         *app);
void        platzd_auth_free         (PlatzdAuth        *auth);

/* The user behind the request's bearer token, or NULL with 401.  The
 * user is shared with the session's cache: read-only, and given back
 * with platzd_user_release (). */
PlatzUser  *platzd_auth_authenticate (PlatzdAuth        *auth,
                                      SoupServerMessage *msg,
                                      GError           **error);
void        platzd_user_release      (PlatzUser         *user);
/* Hashes in a worker thread; callback runs on the main loop. */
void        platzd_auth_hash_async   (PlatzdAuth        *auth,
                                      const char        *password,
                                      PlatzdHashCallback callback,
                                      gpointer           user_data);
/* Checks a password against a stored hash in a worker thread (hash NULL:
 * against a hash nobody knows, at the same cost); callback on the main
 * loop. */
void        platzd_auth_verify_async (PlatzdAuth        *auth,
                                      const char        *password,
                                      const char        *hash,
                                      PlatzdVerifyCallback callback,
                                      gpointer           user_data);
/* Blocking, for start-up work (bootstrap admin, demo). */
char       *platzd_auth_hash_password (const char       *password,
                                       GError          **error);
/* Checks a user's password as a sign-in does: after the throttle's
 * delay for (user name, the request's address) and the address, in a
 * hash worker; failures count for the throttle.  Pauses req; the
 * callback runs on the main loop and must answer it. */
void        platzd_auth_check_password (PlatzdRequest     *req,
                                        const char        *username,
                                        const char        *password,
                                        PlatzdCheckCallback callback,
                                        gpointer           user_data);
/* Ends the sessions of a user, all of them or all but the one msg is
 * signed in with (keep non-NULL): after a password change, a reset or
 * a deletion.  Inside or outside a transaction; returns how many ended,
 * or -1. */
gint64      platzd_auth_end_sessions (PlatzdAuth        *auth,
                                      gint64             user_id,
                                      SoupServerMessage *keep,
                                      GError           **error);

/* Reads a user row without its password hash. */
PlatzUser  *platzd_user_load         (PlatzdStore       *store,
                                      gint64             id,
                                      GError           **error);

G_END_DECLS
