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
const char *platz_bar_chart_get_label  (PlatzBarChart     *self,
                                       guint              group);
/* Under the bars every step-th label is shown (at the widget's width),
 * the others left out so that none overlaps or is cut. */
guint      platz_bar_chart_get_label_step (PlatzBarChart  *self);

G_END_DECLS
