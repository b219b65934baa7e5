/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-desk-spot"

#include "config.h"

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

static GdkRGBA
rgba (PlatzColor c,
      double     alpha)
{
  return (GdkRGBA) { c.red, c.green, c.blue, alpha };
}

/* White under a tint of the colour, so that the plan does not show
 * through an outline. */
static GdkRGBA
tint (PlatzColor c,
      double     alpha)
{
  return (GdkRGBA) { 0.75f + c.red / 4, 0.75f + c.green / 4, 0.75f + c.blue / 4, alpha };
}

/* The drawn marks (check, cross and hatching) are small cairo nodes: only
 * yours and blocked desks have them. */
static void
append_drawn (GtkSnapshot          *snapshot,
              const graphene_rect_t *r,
              PlatzDeskLook          look,
              PlatzColor             c,
              double                 alpha)
{
  double x = r->origin.x, y = r->origin.y, w = r->size.width, h = r->size.height;
  double cx = x + w / 2, cy = y + h / 2;
  double m = MIN (w, h), rad = m * 0.3;
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, r);

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (look.fill == PLATZ_DESK_FILL_HATCHED)
    {
      cairo_set_source_rgba (cr, c.red, c.green, c.blue, alpha);
      cairo_set_line_width (cr, CLAMP (m * 0.08, 0.8, 1.8));
      for (double d = -h; d < w; d += MAX (m / 4, 2.5))
        {
          cairo_move_to (cr, x + d, y + h);
          cairo_line_to (cr, x + d + h, y);
        }
      cairo_stroke (cr);
    }
  if (m >= 5)
    {
      cairo_set_line_width (cr, MAX (m * 0.14, 1.2));
      if (look.glyph == PLATZ_DESK_GLYPH_CHECK)
        {
          cairo_set_source_rgba (cr, 1, 1, 1, alpha);
          cairo_move_to (cr, cx - rad, cy);
          cairo_line_to (cr, cx - rad * 0.3, cy + rad * 0.7);
          cairo_line_to (cr, cx + rad, cy - rad * 0.7);
          cairo_stroke (cr);
        }
      else if (look.glyph == PLATZ_DESK_GLYPH_CROSS)
        {
          cairo_set_source_rgba (cr, 0.15, 0.15, 0.15, alpha);
          cairo_move_to (cr, cx - rad, cy - rad);
          cairo_line_to (cr, cx + rad, cy + rad);
          cairo_move_to (cr, cx + rad, cy - rad);
          cairo_line_to (cr, cx - rad, cy + rad);
          cairo_stroke (cr);
        }
    }
  cairo_destroy (cr);
}

/* A dashed border of colour as short bars along the edges. */
static void
append_dashes (GtkSnapshot           *snapshot,
               const graphene_rect_t *r,
               const GdkRGBA         *color,
               float                  line)
{
  float x = r->origin.x, y = r->origin.y, w = r->size.width, h = r->size.height;
  float dash = MAX (MIN (w, h) / 4, 1.5f);

  for (float d = 0; d < w; d += 2 * dash)
    {
      float len = MIN (dash, w - d);

      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x + d, y, len, line));
      gtk_snapshot_append_color (snapshot, color,
                                 &GRAPHENE_RECT_INIT (x + d, y + h - line, len, line));
    }
  for (float d = 0; d < h; d += 2 * dash)
    {
      float len = MIN (dash, h - d);

      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y + d, line, len));
      gtk_snapshot_append_color (snapshot, color,
                                 &GRAPHENE_RECT_INIT (x + w - line, y + d, line, len));
    }
}

static void
append_part (GtkSnapshot           *snapshot,
             const graphene_rect_t *r,
             PlatzDeskState         state,
             double                 alpha)
{
  PlatzDeskLook look = platz_desk_state_look (state);
  PlatzColor c = platz_desk_state_color (state);
  GdkRGBA color = rgba (c, alpha);
  float line = CLAMP (MIN (r->size.width, r->size.height) * 0.12f, 1, 2.5f);

  switch (look.fill)
    {
    case PLATZ_DESK_FILL_SOLID:
      gtk_snapshot_append_color (snapshot, &color, r);
      break;
    case PLATZ_DESK_FILL_HATCHED:
      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.93f, 0.93f, 0.93f, alpha }, r);
      break;
    case PLATZ_DESK_FILL_OUTLINE:
      {
        GdkRGBA light = tint (c, alpha);
        GskRoundedRect outline;
        const float widths[4] = { line, line, line, line };
        const GdkRGBA colors[4] = { color, color, color, color };

        gtk_snapshot_append_color (snapshot, &light, r);
        gsk_rounded_rect_init_from_rect (&outline, r, 0);
        gtk_snapshot_append_border (snapshot, &outline, widths, colors);
      }
      break;
    case PLATZ_DESK_FILL_DASHED:
      {
        GdkRGBA light = tint (c, alpha);

        gtk_snapshot_append_color (snapshot, &light, r);
        append_dashes (snapshot, r, &color, line);
      }
      break;
    case PLATZ_DESK_FILL_FAINT:
    default:
      color.alpha *= 0.6f;
      gtk_snapshot_append_color (snapshot, &color, r);
      break;
    }

  if (look.glyph == PLATZ_DESK_GLYPH_DOT && MIN (r->size.width, r->size.height) >= 5)
    {
      float d = MIN (r->size.width, r->size.height) * 0.36f;
      graphene_rect_t dot = GRAPHENE_RECT_INIT (r->origin.x + (r->size.width - d) / 2,
                                                r->origin.y + (r->size.height - d) / 2, d, d);
      GskRoundedRect round;

      gsk_rounded_rect_init_from_rect (&round, &dot, d / 2);
      gtk_snapshot_push_rounded_clip (snapshot, &round);
      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, alpha }, &dot);
      gtk_snapshot_pop (snapshot);
    }
  else if (look.glyph != PLATZ_DESK_GLYPH_NONE || look.fill == PLATZ_DESK_FILL_HATCHED)
    append_drawn (snapshot, r, look, c, alpha);
}

void
platz_desk_spot_append_marker (GtkSnapshot           *snapshot,
                               const graphene_rect_t *rect,
                               PlatzDeskState         am,
                               PlatzDeskState         pm,
                               double                 alpha)
{
  PlatzDeskState parts[2];
  guint n = platz_desk_marker_parts (am, pm, parts);
  float size = rect->size.width;

  for (guint i = 0; i < n; i++)
    {
      double px, pw;

      platz_desk_marker_part_rect (rect->origin.x, size, n, i, &px, &pw);
      append_part (snapshot, &GRAPHENE_RECT_INIT (px, rect->origin.y, pw, rect->size.height),
                   parts[i], alpha);
    }
  if (n == 2)
    {
      /* The seam between morning and afternoon. */
      float seam = MAX (size * 0.06f, 1);

      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, alpha },
                                 &GRAPHENE_RECT_INIT (rect->origin.x + (size - seam) / 2,
                                                      rect->origin.y, seam, rect->size.height));
    }
}
