/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * GET /me/export: everything the server stores about the signed-in user,
 * as one JSON object (the right of access of data-protection law).
 */
#pragma once

#include "platzd-app.h"

G_BEGIN_DECLS

void platzd_export_register (PlatzdApp *app);

G_END_DECLS
