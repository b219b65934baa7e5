/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A grouped bar chart drawn with GtkSnapshot: one group per label, one
 * bar per series.  Used for utilisation and the occupancy planner.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PLATZ_TYPE_BAR_CHART (platz_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (PlatzBarChart, platz_bar_chart, PLATZ, BAR_CHART, GtkWidget)

GtkWidget *platz_bar_chart_new        (void);
void       platz_bar_chart_set_series (PlatzBarChart      *self,
                                       guint               n_series,
                                       const char * const *names,
                                       const GdkRGBA      *colors);
/* values holds n_groups * n_series numbers, group by group. */
void       platz_bar_chart_set_data   (PlatzBarChart      *self,
                                       guint               n_groups,
                                       const char * const *labels,
                                       const double       *values);
guint      platz_bar_chart_get_n_groups (PlatzBarChart    *self);
/* The label of a group as given; under the bars only every n-th is drawn
 * when the widest would not fit, so that none overlaps or is cut. */
const char *platz_bar_chart_get_label  (PlatzBarChart     *self,
                                       guint              group);

G_END_DECLS
