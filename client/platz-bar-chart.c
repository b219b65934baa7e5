/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-bar-chart"

#include "config.h"

#include <math.h>

#include "platz-bar-chart.h"

#define MAX_SERIES 4
#define LEGEND_H 22.0
#define LABEL_H 34.0
#define AXIS_W 40.0
#define LABEL_GAP 8.0

struct _PlatzBarChart
{
  GtkWidget  parent_instance;

  guint      n_series;
  char      *names[MAX_SERIES];
  GdkRGBA    colors[MAX_SERIES];
  GStrv      labels;
  GArray    *values;   /* double */
};

G_DEFINE_FINAL_TYPE (PlatzBarChart, platz_bar_chart, GTK_TYPE_WIDGET)

static double
nice_max (double max)
{
  double step;

  if (max <= 0)
    return 1;
  step = pow (10, floor (log10 (max)));
  return ceil (max / step) * step;
}

static void
draw_text (GtkWidget   *widget,
           GtkSnapshot *snapshot,
           const char  *text,
           double       x,
           double       y,
           double       width,
           gboolean     centred)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  GdkRGBA color;
  int tw, th;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  pango_layout_set_width (layout, (int) width * PANGO_SCALE);
  /* Legend entries may be shortened; the labels under the bars never
   * are: the caller leaves out the ones there is no room for. */
  if (centred)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  else
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &tw, &th);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* Labels are shown for every step-th group: the smallest step for which
 * the widest label (and a gap) fits in step groups. */
static guint
platz_bar_chart_label_step (PlatzBarChart *self,
                            double         group_w)
{
  int widest = 0;

  for (guint g = 0; self->labels != NULL && self->labels[g] != NULL; g++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                                      self->labels[g]);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      widest = MAX (widest, w);
    }
  if (group_w <= 0)
    return 1;
  return MAX ((guint) ceil ((widest + LABEL_GAP) / group_w), 1);
}

static void
platz_bar_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  PlatzBarChart *self = PLATZ_BAR_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  guint n_groups = self->labels != NULL ? g_strv_length (self->labels) : 0;
  double plot_x = AXIS_W, plot_y = LEGEND_H + 6;
  double plot_w = width - AXIS_W - 8, plot_h = height - plot_y - LABEL_H;
  double max = 0, top, group_w;
  guint step;
  GdkRGBA grid;
  g_autofree char *top_text = NULL;

  if (n_groups == 0 || self->n_series == 0 || plot_w < 20 || plot_h < 20)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &grid);
  grid.alpha = 0.25f;

  /* Legend */
  for (guint s = 0; s < self->n_series; s++)
    {
      double lx = AXIS_W + s * 160;

      gtk_snapshot_append_color (snapshot, &self->colors[s],
                                 &GRAPHENE_RECT_INIT (lx, 4, 12, 12));
      draw_text (widget, snapshot, self->names[s], lx + 16, 0, 140, FALSE);
    }

  for (guint i = 0; i < self->values->len; i++)
    max = MAX (max, g_array_index (self->values, double, i));
  top = nice_max (max);

  /* Axis and grid at 0, 50 %, 100 % of the top value. */
  for (int k = 0; k <= 2; k++)
    {
      double y = plot_y + plot_h - plot_h * k / 2.0;

      gtk_snapshot_append_color (snapshot, &grid, &GRAPHENE_RECT_INIT (plot_x, y, plot_w, 1));
    }
  top_text = g_strdup_printf ("%g", top);
  draw_text (widget, snapshot, top_text, 0, plot_y - 8, AXIS_W - 4, FALSE);
  draw_text (widget, snapshot, "0", 0, plot_y + plot_h - 10, AXIS_W - 4, FALSE);

  group_w = plot_w / n_groups;
  step = platz_bar_chart_label_step (self, group_w);
  for (guint g = 0; g < n_groups; g++)
    {
      double gx = plot_x + g * group_w;
      double bar_w = MAX ((group_w * 0.8) / self->n_series, 1);

      for (guint s = 0; s < self->n_series; s++)
        {
          double v = g_array_index (self->values, double, g * self->n_series + s);
          double h = plot_h * v / top;

          gtk_snapshot_append_color (snapshot, &self->colors[s],
                                     &GRAPHENE_RECT_INIT (gx + group_w * 0.1 + s * bar_w,
                                                          plot_y + plot_h - h,
                                                          MAX (bar_w - 1, 1), h));
        }
      /* Every step-th label, centred under its group over the width of
       * step groups, so that labels neither overlap nor get cut. */
      if (g % step == 0)
        draw_text (widget, snapshot, self->labels[g],
                   gx + group_w / 2 - step * group_w / 2, plot_y + plot_h + 4,
                   step * group_w, TRUE);
    }
}

static void
platz_bar_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 260;
}

static void
platz_bar_chart_finalize (GObject *object)
{
  PlatzBarChart *self = PLATZ_BAR_CHART (object);

  for (guint i = 0; i < MAX_SERIES; i++)
    g_free (self->names[i]);
  g_strfreev (self->labels);
  g_array_unref (self->values);
  G_OBJECT_CLASS (platz_bar_chart_parent_class)->finalize (object);
}

static void
platz_bar_chart_class_init (PlatzBarChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = platz_bar_chart_finalize;
  widget_class->snapshot = platz_bar_chart_snapshot;
  widget_class->measure = platz_bar_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
platz_bar_chart_init (PlatzBarChart *self)
{
  self->values = g_array_new (FALSE, TRUE, sizeof (double));
}

GtkWidget *
platz_bar_chart_new (void)
{
  return g_object_new (PLATZ_TYPE_BAR_CHART, NULL);
}

void
platz_bar_chart_set_series (PlatzBarChart      *self,
                            guint               n_series,
                            const char * const *names,
                            const GdkRGBA      *colors)
{
  g_return_if_fail (PLATZ_IS_BAR_CHART (self));
  g_return_if_fail (n_series <= MAX_SERIES);

  self->n_series = n_series;
  for (guint i = 0; i < MAX_SERIES; i++)
    {
      g_free (self->names[i]);
      self->names[i] = i < n_series ? g_strdup (names[i]) : NULL;
      if (i < n_series)
        self->colors[i] = colors[i];
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
platz_bar_chart_set_data (PlatzBarChart      *self,
                          guint               n_groups,
                          const char * const *labels,
                          const double       *values)
{
  g_autoptr(GString) summary = g_string_new (NULL);

  g_return_if_fail (PLATZ_IS_BAR_CHART (self));

  g_strfreev (self->labels);
  self->labels = g_new0 (char *, n_groups + 1);
  for (guint g = 0; g < n_groups; g++)
    self->labels[g] = g_strdup (labels[g]);
  g_array_set_size (self->values, 0);
  g_array_append_vals (self->values, values, n_groups * self->n_series);

  /* Screen readers get the figures as text. */
  for (guint g = 0; g < n_groups; g++)
    {
      g_string_append_printf (summary, "%s:", labels[g]);
      for (guint s = 0; s < self->n_series; s++)
        g_string_append_printf (summary, " %s %g%s", self->names[s],
                                values[g * self->n_series + s],
                                s + 1 < self->n_series ? "," : ";");
      g_string_append_c (summary, ' ');
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  summary->str, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
platz_bar_chart_get_label (PlatzBarChart *self,
                           guint          group)
{
  g_return_val_if_fail (PLATZ_IS_BAR_CHART (self), NULL);
  if (self->labels == NULL || group >= g_strv_length (self->labels))
    return NULL;
  return self->labels[group];
}

guint
platz_bar_chart_get_n_groups (PlatzBarChart *self)
{
  g_return_val_if_fail (PLATZ_IS_BAR_CHART (self), 0);
  return self->labels != NULL ? g_strv_length (self->labels) : 0;
}
