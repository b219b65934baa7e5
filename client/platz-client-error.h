/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Turns a server's error answer into a GError in the PLATZ_ERROR domain
 * whose message is a sentence for a person.  No GTK, so it is testable.
 */
#pragma once

#include <glib.h>

#include "platz-error.h"

G_BEGIN_DECLS

/* body may be NULL or not JSON; retry_after is the Retry-After header or
 * NULL.  Status 0 means the request never got an answer. */
GError *platz_client_error_from_response (guint       status,
                                          GBytes     *body,
                                          const char *retry_after);
/* The friendlier sentence for a refused desk booking in a full room. */
char   *platz_client_error_room_full     (gint64      booked,
                                          gint64      limit);
/* For a desk booked on behalf of someone else (a team lead for a member):
 * the sentence naming that person for errors about them (quota, already
 * booked, eligibility), or NULL when error's own message fits. */
char   *platz_client_error_for_member    (const GError *error,
                                          const char   *name);
/* "The server at URL cannot be reached." */
GError *platz_client_error_network       (const char *base_url,
                                          const GError *cause);

G_END_DECLS
