/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-room-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "platz-date.h"
#include "platz-room-timeline.h"

#define BAR_HEIGHT 26
#define AXIS_HEIGHT 18

typedef struct {
  int      start;
  int      end;
  gboolean mine;
} Busy;

struct _PlatzRoomTimeline
{
  GtkWidget  parent_instance;

  int        day_start;
  int        day_end;
  int        slot;
  int        cursor;
  int        sel_start;
  int        sel_end;
  char      *room_name;
  GArray    *busy;   /* Busy, sorted by start */
  char      *label;
  char      *value_text;
};

G_DEFINE_FINAL_TYPE (PlatzRoomTimeline, platz_room_timeline, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SLOT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

static int
compare_busy (gconstpointer a,
              gconstpointer b)
{
  return ((const Busy *) a)->start - ((const Busy *) b)->start;
}

static gboolean
slot_busy (PlatzRoomTimeline *self,
           int                start,
           int                end,
           gboolean          *mine)
{
  for (guint i = 0; i < self->busy->len; i++)
    {
      const Busy *b = &g_array_index (self->busy, Busy, i);

      if (platz_range_overlaps (start, end, b->start, b->end))
        {
          if (mine != NULL)
            *mine = b->mine;
          return TRUE;
        }
    }
  return FALSE;
}

static void
update_accessible (PlatzRoomTimeline *self)
{
  g_autoptr(GString) label = g_string_new (NULL);
  g_autofree char *from = platz_room_timeline_format_time (self->cursor);
  g_autofree char *to = platz_room_timeline_format_time (self->cursor + self->slot);
  gboolean mine = FALSE;
  gboolean busy = slot_busy (self, self->cursor, self->cursor + self->slot, &mine);

  g_string_printf (label, _("Day of %s"), self->room_name != NULL ? self->room_name : _("room"));
  if (self->busy->len == 0)
    g_string_append (label, _(": free all day"));
  else
    {
      g_string_append (label, _(": busy "));
      for (guint i = 0; i < self->busy->len; i++)
        {
          const Busy *b = &g_array_index (self->busy, Busy, i);
          g_autofree char *s = platz_room_timeline_format_time (b->start);
          g_autofree char *e = platz_room_timeline_format_time (b->end);

          if (i > 0)
            g_string_append (label, ", ");
          g_string_append_printf (label, "%s–%s", s, e);
          if (b->mine)
            g_string_append (label, _(" (yours)"));
        }
    }

  g_free (self->label);
  self->label = g_strdup (label->str);
  g_free (self->value_text);
  self->value_text = g_strdup_printf ("%s–%s, %s", from, to,
                                      !busy ? _("free") : mine ? _("reserved by you")
                                                               : _("reserved"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->label,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, (double) self->day_start,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) self->day_end,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) self->cursor,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, self->value_text,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->label);
}

static double
minute_x (PlatzRoomTimeline *self,
          int                minutes,
          double             width)
{
  int span = MAX (self->day_end - self->day_start, 1);

  return width * (CLAMP (minutes, self->day_start, self->day_end) - self->day_start) / span;
}

static int
x_minute (PlatzRoomTimeline *self,
          double             x)
{
  int width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
  int minutes = self->day_start + (int) (x / width * (self->day_end - self->day_start));

  minutes = self->day_start + (minutes - self->day_start) / self->slot * self->slot;
  return CLAMP (minutes, self->day_start, self->day_end - self->slot);
}

static void
append_rect (GtkSnapshot   *snapshot,
             double         x,
             double         y,
             double         w,
             double         h,
             const GdkRGBA *color)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
}

static void
append_outline (GtkSnapshot   *snapshot,
                double         x,
                double         y,
                double         w,
                double         h,
                double         line,
                const GdkRGBA *color)
{
  GskRoundedRect outline;
  float widths[4] = { line, line, line, line };
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x, y, w, h), 2);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
on_click_pressed_cb (GtkGestureClick   *gesture,
                     int                n_press,
                     double             x,
                     double             y,
                     PlatzRoomTimeline *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  platz_room_timeline_set_cursor (self, x_minute (self, x));
  g_signal_emit (self, signals[SIGNAL_SLOT_ACTIVATED], 0, self->cursor);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlatzRoomTimeline *self = PLATZ_ROOM_TIMELINE (widget);
  int steps = g_variant_get_int32 (parameter);

  if (steps == G_MININT32)
    platz_room_timeline_set_cursor (self, self->day_start);
  else if (steps == G_MAXINT32)
    platz_room_timeline_set_cursor (self, self->day_end - self->slot);
  else
    platz_room_timeline_set_cursor (self, self->cursor + steps * self->slot);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PlatzRoomTimeline *self = PLATZ_ROOM_TIMELINE (widget);

  g_signal_emit (self, signals[SIGNAL_SLOT_ACTIVATED], 0, self->cursor);
}

/* ------------------------------------------------------------------ */
/* GObject overrides                                                   */
/* ------------------------------------------------------------------ */

static void
platz_room_timeline_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  PlatzRoomTimeline *self = PLATZ_ROOM_TIMELINE (widget);
  double width = gtk_widget_get_width (widget);
  GdkRGBA fg, track, others, mine, selection, tick;
  GdkRGBA accent = { 0.208, 0.518, 0.894, 1 };   /* GNOME blue 3 */
  GdkRGBA green = { 0.18, 0.76, 0.49, 1 };

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  track = fg;
  track.alpha = 0.08;
  others = fg;
  others.alpha = 0.45;
  tick = fg;
  tick.alpha = 0.25;
  mine = accent;
  selection = green;

  append_rect (snapshot, 0, 0, width, BAR_HEIGHT, &track);

  for (guint i = 0; i < self->busy->len; i++)
    {
      const Busy *b = &g_array_index (self->busy, Busy, i);
      double x0 = minute_x (self, b->start, width);
      double x1 = minute_x (self, b->end, width);

      if (x1 > x0)
        append_rect (snapshot, x0, 0, MAX (x1 - x0 - 1, 1), BAR_HEIGHT,
                     b->mine ? &mine : &others);
    }

  /* Hour ticks and labels. */
  for (int m = (self->day_start + 59) / 60 * 60; m <= self->day_end; m += 60)
    {
      double x = minute_x (self, m, width);
      g_autofree char *text = g_strdup_printf ("%d", m / 60);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
      int lw, lh;

      append_rect (snapshot, MIN (x, width - 1), BAR_HEIGHT, 1, 4, &tick);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (CLAMP (x - lw / 2.0, 0, width - lw),
                                                    BAR_HEIGHT + 3));
      gtk_snapshot_append_layout (snapshot, layout, &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.6 });
      gtk_snapshot_restore (snapshot);
    }

  if (self->sel_end > self->sel_start)
    {
      double x0 = minute_x (self, self->sel_start, width);
      double x1 = minute_x (self, self->sel_end, width);

      append_outline (snapshot, x0, 0, MAX (x1 - x0, 2), BAR_HEIGHT, 2, &selection);
    }

  if (gtk_widget_has_visible_focus (widget))
    {
      double x0 = minute_x (self, self->cursor, width);
      double x1 = minute_x (self, self->cursor + self->slot, width);

      append_outline (snapshot, x0 - 1, -1, MAX (x1 - x0, 2) + 2, BAR_HEIGHT + 2, 3, &accent);
    }
}

static void
platz_room_timeline_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 600;
    }
  else
    *minimum = *natural = BAR_HEIGHT + AXIS_HEIGHT + 2;
}

static void
platz_room_timeline_state_flags_changed (GtkWidget     *widget,
                                         GtkStateFlags  previous)
{
  GTK_WIDGET_CLASS (platz_room_timeline_parent_class)->state_flags_changed (widget, previous);
  gtk_widget_queue_draw (widget);
}

static void
platz_room_timeline_finalize (GObject *object)
{
  PlatzRoomTimeline *self = PLATZ_ROOM_TIMELINE (object);

  g_clear_pointer (&self->busy, g_array_unref);
  g_clear_pointer (&self->room_name, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->value_text, g_free);
  G_OBJECT_CLASS (platz_room_timeline_parent_class)->finalize (object);
}

static void
platz_room_timeline_class_init (PlatzRoomTimelineClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = platz_room_timeline_finalize;
  widget_class->snapshot = platz_room_timeline_snapshot;
  widget_class->measure = platz_room_timeline_measure;
  widget_class->state_flags_changed = platz_room_timeline_state_flags_changed;

  /* A slot was clicked or Enter pressed on it: (start minutes). */
  signals[SIGNAL_SLOT_ACTIVATED] =
    g_signal_new ("slot-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "timeline.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL, activate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.move", "i",
                                       G_MININT32);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "timeline.move", "i",
                                       G_MAXINT32);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "timeline.activate",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "timeline.activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "roomtimeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
platz_room_timeline_init (PlatzRoomTimeline *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->busy = g_array_new (FALSE, FALSE, sizeof (Busy));
  self->day_start = 6 * 60;
  self->day_end = 20 * 60;
  self->slot = 15;
  self->cursor = self->day_start;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  update_accessible (self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

GtkWidget *
platz_room_timeline_new (void)
{
  return g_object_new (PLATZ_TYPE_ROOM_TIMELINE, NULL);
}

void
platz_room_timeline_set_hours (PlatzRoomTimeline *self,
                               int                day_start,
                               int                day_end,
                               int                slot_minutes)
{
  g_return_if_fail (PLATZ_IS_ROOM_TIMELINE (self));
  g_return_if_fail (slot_minutes > 0 && day_end > day_start);

  self->day_start = day_start;
  self->day_end = day_end;
  self->slot = slot_minutes;
  self->cursor = CLAMP (self->cursor, day_start, day_end - slot_minutes);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
platz_room_timeline_set_room_name (PlatzRoomTimeline *self,
                                   const char        *name)
{
  g_return_if_fail (PLATZ_IS_ROOM_TIMELINE (self));

  g_free (self->room_name);
  self->room_name = g_strdup (name);
  update_accessible (self);
}

void
platz_room_timeline_clear_busy (PlatzRoomTimeline *self)
{
  g_return_if_fail (PLATZ_IS_ROOM_TIMELINE (self));

  g_array_set_size (self->busy, 0);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
platz_room_timeline_add_busy (PlatzRoomTimeline *self,
                              int                start,
                              int                end,
                              gboolean           mine)
{
  Busy b = { CLAMP (start, 0, 24 * 60), CLAMP (end, 0, 24 * 60), mine };

  g_return_if_fail (PLATZ_IS_ROOM_TIMELINE (self));

  if (b.end <= b.start)
    return;
  g_array_append_val (self->busy, b);
  g_array_sort (self->busy, compare_busy);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
platz_room_timeline_get_n_busy (PlatzRoomTimeline *self)
{
  g_return_val_if_fail (PLATZ_IS_ROOM_TIMELINE (self), 0);
  return self->busy->len;
}

gboolean
platz_room_timeline_get_busy (PlatzRoomTimeline *self,
                              guint              index,
                              int               *start,
                              int               *end,
                              gboolean          *mine)
{
  const Busy *b;

  g_return_val_if_fail (PLATZ_IS_ROOM_TIMELINE (self), FALSE);
  if (index >= self->busy->len)
    return FALSE;
  b = &g_array_index (self->busy, Busy, index);
  if (start != NULL)
    *start = b->start;
  if (end != NULL)
    *end = b->end;
  if (mine != NULL)
    *mine = b->mine;
  return TRUE;
}

gboolean
platz_room_timeline_is_free (PlatzRoomTimeline *self,
                             int                start,
                             int                end)
{
  g_return_val_if_fail (PLATZ_IS_ROOM_TIMELINE (self), FALSE);
  return !slot_busy (self, start, end, NULL);
}

void
platz_room_timeline_set_selection (PlatzRoomTimeline *self,
                                   int                start,
                                   int                end)
{
  g_return_if_fail (PLATZ_IS_ROOM_TIMELINE (self));

  self->sel_start = start;
  self->sel_end = end;
  if (end > start)
    self->cursor = CLAMP (start, self->day_start, self->day_end - self->slot);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
platz_room_timeline_get_cursor (PlatzRoomTimeline *self)
{
  g_return_val_if_fail (PLATZ_IS_ROOM_TIMELINE (self), 0);
  return self->cursor;
}

void
platz_room_timeline_set_cursor (PlatzRoomTimeline *self,
                                int                minutes)
{
  g_return_if_fail (PLATZ_IS_ROOM_TIMELINE (self));

  minutes = CLAMP (minutes, self->day_start, self->day_end - self->slot);
  if (minutes == self->cursor)
    return;
  self->cursor = minutes;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
platz_room_timeline_get_label (PlatzRoomTimeline *self)
{
  g_return_val_if_fail (PLATZ_IS_ROOM_TIMELINE (self), NULL);
  return self->label;
}

const char *
platz_room_timeline_get_value_text (PlatzRoomTimeline *self)
{
  g_return_val_if_fail (PLATZ_IS_ROOM_TIMELINE (self), NULL);
  return self->value_text;
}

char *
platz_room_timeline_format_time (int minutes)
{
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}
