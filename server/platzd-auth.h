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
/* Ends every session of a user (after a password change or deletion). */
void        platzd_auth_forget_user  (PlatzdAuth        *auth,
                                      gint64             user_id);

/* Reads a user row without its password hash. */
PlatzUser  *platzd_user_load         (PlatzdStore       *store,
                                      gint64             id,
                                      GError           **error);

G_END_DECLS
