/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The check of uploaded SVG floor plans (see platzd-svg.c for what is
 * refused and why).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when the SVG can be served as it is; else FALSE with
 * PLATZ_ERROR_INVALID_PLAN saying what was found. */
gboolean platzd_svg_check (const char *data,
                           gsize       length,
                           GError    **error);

G_END_DECLS
