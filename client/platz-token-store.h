/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Keeps the session token per server, with the user it belongs to: in
 * the keyring through libsecret
 * when one answers, else in a key file only the user can read
 * ($XDG_DATA_HOME/platz/tokens, mode 0600).  PLATZ_TOKEN_STORE=file
 * skips the keyring (tests, machines without a session bus).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PLATZ_TYPE_TOKEN_STORE (platz_token_store_get_type ())
G_DECLARE_FINAL_TYPE (PlatzTokenStore, platz_token_store, PLATZ, TOKEN_STORE, GObject)

PlatzTokenStore *platz_token_store_new           (void);
/* Finishes with the token or NULL (no error) when none is stored for
 * server, or (user non-NULL) the stored one belongs to another user. */
void             platz_token_store_lookup_async  (PlatzTokenStore     *self,
                                                  const char          *server,
                                                  const char          *user,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
char            *platz_token_store_lookup_finish (PlatzTokenStore     *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
/* Keeps token as the session of user on server (replacing the one
 * stored there); token NULL forgets it.  Fire and forget: failures are
 * logged. */
void             platz_token_store_save          (PlatzTokenStore     *self,
                                                  const char          *server,
                                                  const char          *user,
                                                  const char          *token);

G_END_DECLS
