/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The audit log of administrative acts (structure, policies, users and
 * teams, bookings made for or cancelled from someone else, forced
 * deletes): who, when, which object, which fields by name, never their
 * values.  An entry is written inside the transaction of the act, so it
 * exists exactly when the act does.  GET /audit is for admins; entries
 * are kept for the policy's audit_retention_days.
 */
#pragma once

#include "platzd-app.h"

G_BEGIN_DECLS

#define PLATZD_AUDIT_LIST_MAX 1000

/* Writes one entry as the signed-in user; object_id and subject_user_id
 * (the person the act concerns) 0 for none; fields NULL-terminated or
 * NULL.  Call inside the act's transaction. */
gboolean platzd_audit_write         (PlatzdRequest      *req,
                                     const char         *action,
                                     const char         *object_type,
                                     gint64              object_id,
                                     gint64              subject_user_id,
                                     const char * const *fields,
                                     GError            **error);
/* The same with the fields named by the bits of present in type. */
gboolean platzd_audit_write_present (PlatzdRequest      *req,
                                     const char         *action,
                                     const PlatzType    *type,
                                     const char         *object_type,
                                     gint64              object_id,
                                     gint64              subject_user_id,
                                     guint64             present,
                                     GError            **error);
/* Adds the entries by or about a user, newest first, as an array. */
gboolean platzd_audit_add_about     (PlatzdStore        *store,
                                     JsonBuilder        *builder,
                                     gint64              user_id,
                                     GError            **error);
void     platzd_audit_register      (PlatzdApp          *app);

G_END_DECLS
