/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A GObject around one domain object from common/ (a PlatzSite, a
 * PlatzBooking, ...) so it can sit in a GListModel.  Extra scalar fields
 * the server adds to an answer (a booking's desk_name, a search result's
 * building_name) are kept as strings next to it.
 */
#pragma once

#include <glib-object.h>

#include "platz-model.h"

G_BEGIN_DECLS

#define PLATZ_TYPE_RECORD (platz_record_get_type ())
G_DECLARE_FINAL_TYPE (PlatzRecord, platz_record, PLATZ, RECORD, GObject)

/* Takes ownership of obj. */
PlatzRecord     *platz_record_new            (const PlatzType *type,
                                              gpointer         obj);
const PlatzType *platz_record_get_kind       (PlatzRecord     *self);
gpointer         platz_record_get_data       (PlatzRecord     *self);
gint64           platz_record_get_id         (PlatzRecord     *self);
/* name, display_name or title, whichever the type has. */
const char      *platz_record_get_title      (PlatzRecord     *self);
const char      *platz_record_get_extra      (PlatzRecord     *self,
                                              const char      *key);
gint64           platz_record_get_extra_int  (PlatzRecord     *self,
                                              const char      *key);
void             platz_record_set_extra      (PlatzRecord     *self,
                                              const char      *key,
                                              const char      *value);
/* Replaces the object (takes ownership) and notifies "title". */
void             platz_record_replace_data   (PlatzRecord     *self,
                                              gpointer         obj);

G_END_DECLS
