/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-desk-spot"

#include "config.h"

#include <math.h>

#include "platz-desk-spot.h"

struct _PlatzDeskSpot
{
  GtkWidget  parent_instance;

  gint64     desk_id;
  char      *label;
};

G_DEFINE_FINAL_TYPE (PlatzDeskSpot, platz_desk_spot, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      PlatzDeskSpot   *self)
{
  if (n_press != 1)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0);
}

static void
platz_desk_spot_finalize (GObject *object)
{
  PlatzDeskSpot *self = PLATZ_DESK_SPOT (object);

  g_free (self->label);
  G_OBJECT_CLASS (platz_desk_spot_parent_class)->finalize (object);
}

static void
platz_desk_spot_class_init (PlatzDeskSpotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = platz_desk_spot_finalize;

  signals[SIGNAL_ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[SIGNAL_ACTIVATE]);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_space, 0, "activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "deskspot");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
platz_desk_spot_init (PlatzDeskSpot *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
platz_desk_spot_new (gint64 desk_id)
{
  PlatzDeskSpot *self = g_object_new (PLATZ_TYPE_DESK_SPOT, NULL);

  self->desk_id = desk_id;
  return GTK_WIDGET (self);
}

gint64
platz_desk_spot_get_desk_id (PlatzDeskSpot *self)
{
  g_return_val_if_fail (PLATZ_IS_DESK_SPOT (self), 0);
  return self->desk_id;
}

void
platz_desk_spot_set_label (PlatzDeskSpot *self,
                           const char    *label)
{
  g_return_if_fail (PLATZ_IS_DESK_SPOT (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;
  g_free (self->label);
  self->label = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), label);
}

const char *
platz_desk_spot_get_label (PlatzDeskSpot *self)
{
  g_return_val_if_fail (PLATZ_IS_DESK_SPOT (self), NULL);
  return self->label;
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */
/* ------------------------------------------------------------------ */

static void
set_color (cairo_t   *cr,
           PlatzColor c,
           double     alpha)
{
  cairo_set_source_rgba (cr, c.red, c.green, c.blue, alpha);
}

static void
draw_glyph (cairo_t        *cr,
            PlatzDeskGlyph  glyph,
            double          x,
            double          y,
            double          w,
            double          h,
            double          alpha)
{
  double cx = x + w / 2, cy = y + h / 2;
  double r = MIN (w, h) * 0.3;

  if (glyph == PLATZ_DESK_GLYPH_NONE || MIN (w, h) < 5)
    return;
  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, MAX (MIN (w, h) * 0.14, 1.2));
  switch (glyph)
    {
    case PLATZ_DESK_GLYPH_CHECK:
      cairo_set_source_rgba (cr, 1, 1, 1, alpha);
      cairo_move_to (cr, cx - r, cy);
      cairo_line_to (cr, cx - r * 0.3, cy + r * 0.7);
      cairo_line_to (cr, cx + r, cy - r * 0.7);
      cairo_stroke (cr);
      break;
    case PLATZ_DESK_GLYPH_CROSS:
      cairo_set_source_rgba (cr, 0.15, 0.15, 0.15, alpha);
      cairo_move_to (cr, cx - r, cy - r);
      cairo_line_to (cr, cx + r, cy + r);
      cairo_move_to (cr, cx + r, cy - r);
      cairo_line_to (cr, cx - r, cy + r);
      cairo_stroke (cr);
      break;
    case PLATZ_DESK_GLYPH_DOT:
      cairo_set_source_rgba (cr, 1, 1, 1, alpha);
      cairo_arc (cr, cx, cy, r * 0.6, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case PLATZ_DESK_GLYPH_NONE:
    default:
      break;
    }
  cairo_restore (cr);
}

static void
draw_part (cairo_t        *cr,
           PlatzDeskState  state,
           double          x,
           double          y,
           double          w,
           double          h,
           double          alpha)
{
  PlatzDeskLook look = platz_desk_state_look (state);
  PlatzColor c = platz_desk_state_color (state);
  double line = CLAMP (MIN (w, h) * 0.12, 1, 2.5);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  switch (look.fill)
    {
    case PLATZ_DESK_FILL_SOLID:
      set_color (cr, c, alpha);
      cairo_paint (cr);
      break;
    case PLATZ_DESK_FILL_HATCHED:
      cairo_set_source_rgba (cr, 0.93, 0.93, 0.93, alpha);
      cairo_paint (cr);
      set_color (cr, c, alpha);
      cairo_set_line_width (cr, line * 0.7);
      for (double d = -h; d < w; d += MAX (MIN (w * 2, h) / 4, 2.5))
        {
          cairo_move_to (cr, x + d, y + h);
          cairo_line_to (cr, x + d + h, y);
        }
      cairo_stroke (cr);
      break;
    case PLATZ_DESK_FILL_OUTLINE:
    case PLATZ_DESK_FILL_DASHED:
      cairo_set_source_rgba (cr, 1, 1, 1, alpha);
      cairo_paint (cr);
      set_color (cr, c, alpha * 0.25);
      cairo_paint (cr);
      set_color (cr, c, alpha);
      cairo_set_line_width (cr, line * 2);  /* half of it is clipped */
      if (look.fill == PLATZ_DESK_FILL_DASHED)
        {
          double dash = MAX (MIN (w, h) / 4, 1.5);

          cairo_set_dash (cr, &dash, 1, 0);
        }
      cairo_rectangle (cr, x, y, w, h);
      cairo_stroke (cr);
      break;
    case PLATZ_DESK_FILL_FAINT:
    default:
      set_color (cr, c, alpha * 0.6);
      cairo_paint (cr);
      break;
    }
  cairo_restore (cr);
  draw_glyph (cr, look.glyph, x, y, w, h, alpha);
}

void
platz_desk_spot_draw_marker (cairo_t        *cr,
                             double          x,
                             double          y,
                             double          size,
                             PlatzDeskState  am,
                             PlatzDeskState  pm,
                             double          alpha)
{
  PlatzDeskState parts[2];
  guint n = platz_desk_marker_parts (am, pm, parts);

  for (guint i = 0; i < n; i++)
    {
      double px, pw;

      platz_desk_marker_part_rect (x, size, n, i, &px, &pw);
      draw_part (cr, parts[i], px, y, pw, size, alpha);
    }
  if (n == 2)
    {
      /* The seam between morning and afternoon. */
      cairo_save (cr);
      cairo_set_source_rgba (cr, 1, 1, 1, alpha);
      cairo_set_line_width (cr, MAX (size * 0.06, 1));
      cairo_move_to (cr, x + size / 2, y);
      cairo_line_to (cr, x + size / 2, y + size);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}
