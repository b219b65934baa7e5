/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The legend of desk colours under the floor plan. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PLATZ_TYPE_LEGEND (platz_legend_get_type ())
G_DECLARE_FINAL_TYPE (PlatzLegend, platz_legend, PLATZ, LEGEND, GtkWidget)

GtkWidget *platz_legend_new (void);

G_END_DECLS
