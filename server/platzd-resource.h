/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Generic collection resources: GET (list, filtered by parent), POST, and
 * GET / PATCH / DELETE on /{id}, for any type with a field table and a
 * table.  Checks run in the order of the API's contract: 400 (body) -> 404
 * (the object and every id it refers to) -> 403 (hooks) -> 422 (validate
 * hook) -> 409.  Every write is written to the audit log in its own
 * transaction (platzd-audit.h), unless the audited hook says otherwise.
 */
#pragma once

#include "platzd-app.h"

G_BEGIN_DECLS

typedef struct _PlatzdResource PlatzdResource;

struct _PlatzdResource {
  const PlatzType    *type;
  const char         *collection;    /* path under /api/v1, e.g. "/sites" */
  /* Query parameters that filter lists: "name" (the column of that name)
   * or "name=SQL condition with one ?" for ancestors further up. */
  const char * const *filters;
  /* SQL conditions selecting, with ?1 = the object's id, the bookings
   * (alias b) and reservations (alias r) that depend on the object. */
  const char         *bookings_where;
  const char         *reservations_where;

  /* May the user list (with these filters) / read this object?  NULL:
   * every signed-in user. */
  gboolean (*can_list)  (PlatzdRequest *req, GError **error);
  gboolean (*can_read)  (PlatzdRequest *req, gconstpointer obj);
  /* May the user create/change (old == NULL on create) / delete?  NULL:
   * facility managers and admins. */
  gboolean (*can_write) (PlatzdRequest *req, gconstpointer old, gconstpointer obj,
                         guint64 present, GError **error);
  /* Rules on the whole new object (422); may fill derived fields and
   * mark them in *present. */
  gboolean (*validate)  (PlatzdRequest *req, gpointer obj, guint64 *present, GError **error);
  /* Fills fields that are not plain columns. */
  void     (*decorate)  (PlatzdRequest *req, gpointer obj);
  /* After a successful delete (inside no transaction). */
  void     (*deleted)   (PlatzdRequest *req, gint64 id);
  /* Slow work before saving (e.g. hashing a password off the main loop):
   * takes obj and must end with platzd_resource_save_and_free(). */
  void     (*before_save) (PlatzdRequest *req, gint64 id, gpointer obj, guint64 present);
  /* Inside the write transaction, after the row is written. */
  gboolean (*saved)     (PlatzdRequest *req, gint64 id, gconstpointer obj, GError **error);
  /* Is this write (of object id) an administrative act for the audit
   * log, and whom does it concern (*subject, 0: nobody)?  NULL: every
   * write is, about nobody. */
  gboolean (*audited)   (PlatzdRequest *req, gint64 id, gint64 *subject);
  /* Adds members to the answer of a create or change. */
  void     (*amend_reply) (PlatzdRequest *req, JsonObject *answer);
};

void     platzd_resource_register  (PlatzdApp            *app,
                                    const PlatzdResource *resource);

/* The steps, for resources that need their own handler around them. */
gboolean platzd_resource_check_refs (PlatzdRequest   *req,
                                     const PlatzType *type,
                                     gconstpointer    obj,
                                     guint64          present,
                                     GError         **error);
/* Inserts (or, with id > 0, updates) and replies with the stored object. */
void     platzd_resource_save       (PlatzdRequest        *req,
                                     const PlatzdResource *resource,
                                     gint64                id,
                                     gpointer              obj,
                                     guint64               present);
void     platzd_resource_save_and_free (PlatzdRequest        *req,
                                        const PlatzdResource *resource,
                                        gint64                id,
                                        gpointer              obj,
                                        guint64               present);
/* The PATCH handler, for routes that alias an object (PATCH /me). */
void     platzd_resource_patch      (PlatzdRequest *req);

/* The table an id field refers to ("floor_id" -> "floors"), or NULL. */
const char *platzd_ref_table        (const char *field_name);

#define PLATZD_FIELD_BIT(type, name) (G_GUINT64_CONSTANT (1) << platz_type_field_index (type, name))

G_END_DECLS
