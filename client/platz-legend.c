/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-legend"

#include "config.h"

#include <glib/gi18n.h>

#include "platz-desk-spot.h"
#include "platz-legend.h"

struct _PlatzLegend
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (PlatzLegend, platz_legend, GTK_TYPE_WIDGET)

/* A swatch is a desk marker as the plan draws it: am and pm packed into
 * the user data. */
static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  guint states = GPOINTER_TO_UINT (user_data);
  float size = MIN (width, height) - 2;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  platz_desk_spot_append_marker (snapshot,
                                 &GRAPHENE_RECT_INIT ((width - size) / 2, (height - size) / 2,
                                                      size, size),
                                 states & 0xff, states >> 8, 1.0);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node != NULL)
    {
      gsk_render_node_draw (node, cr);
      gsk_render_node_unref (node);
    }
}

static void
platz_legend_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (platz_legend_parent_class)->dispose (object);
}

static void
platz_legend_class_init (PlatzLegendClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = platz_legend_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "legend");
}

static void
add_entry (GtkFlowBox     *flow,
           PlatzDeskState  am,
           PlatzDeskState  pm,
           const char     *text)
{
  GtkWidget *entry = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *child;

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 16);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 16);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch,
                                  GUINT_TO_POINTER (am | pm << 8), NULL);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_margin_end (label, 10);
  gtk_box_append (GTK_BOX (entry), swatch);
  gtk_box_append (GTK_BOX (entry), label);
  gtk_flow_box_append (flow, entry);
  /* Read, not chosen: the entries are no stops for the keyboard. */
  child = gtk_widget_get_parent (entry);
  gtk_widget_set_focusable (child, FALSE);
  gtk_widget_set_can_target (child, FALSE);
}

static void
platz_legend_init (PlatzLegend *self)
{
  static const PlatzDeskState shown[] = {
    PLATZ_DESK_FREE, PLATZ_DESK_MINE, PLATZ_DESK_BOOKED,
    PLATZ_DESK_ROOM_FULL, PLATZ_DESK_ASSIGNED, PLATZ_DESK_BLOCKED,
  };
  /* The entries wrap into more lines where the window is narrow, so the
   * legend never makes the window wider than the plan needs. */
  GtkFlowBox *flow = GTK_FLOW_BOX (gtk_flow_box_new ());

  gtk_flow_box_set_selection_mode (flow, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (flow, G_N_ELEMENTS (shown) + 1);
  gtk_flow_box_set_row_spacing (flow, 2);
  gtk_widget_set_parent (GTK_WIDGET (flow), GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    add_entry (flow, shown[i], shown[i], platz_desk_state_label (shown[i]));
  /* A desk whose halves differ is drawn in two halves. */
  add_entry (flow, PLATZ_DESK_FREE, PLATZ_DESK_BOOKED, _("left half morning, right half afternoon"));
}

GtkWidget *
platz_legend_new (void)
{
  return g_object_new (PLATZ_TYPE_LEGEND, NULL);
}
