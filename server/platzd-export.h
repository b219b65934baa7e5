/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * GET /me/export: everything the server stores about the signed-in user,
 * as one JSON object (the right of access of data-protection law).
 */
#pragma once

#include "platzd-app.h"

G_BEGIN_DECLS

void     platzd_export_register (PlatzdApp          *app);
/* Adds the rows of stmt as an array of objects named by its columns,
 * with the values as stored; TEXT columns named in json_columns (NULL:
 * none) hold JSON and are added as such.  Resets stmt. */
gboolean platzd_add_rows        (PlatzdStore        *store,
                                 JsonBuilder        *builder,
                                 sqlite3_stmt       *stmt,
                                 const char * const *json_columns,
                                 GError            **error);

G_END_DECLS
