/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-floor-plan"

#include "config.h"

#include <math.h>

#include "platz-desk-spot.h"
#include "platz-floor-plan.h"

#define DRAG_THRESHOLD 4.0
#define MIN_DESK_PX 8.0

struct _PlatzFloorPlan
{
  GtkWidget          parent_instance;

  PlatzFloorData    *data;
  PlatzAvailability *avail;
  GdkTexture        *background;
  GPtrArray         *spots;          /* PlatzDeskSpot, parallel to data->desks */
  PangoLayout       *layout;
  GHashTable        *text_sizes;     /* label text -> its size, packed */

  PlatzPlanView      view;
  char             **filter_equipment;
  gboolean           filter_accessible;
  gboolean           editable;
  gint64             selected_desk;
  gint64             selected_room;

  /* Pointer interaction */
  double             pointer_x, pointer_y;
  double             zoom_gesture_start;
  gboolean           dragging;       /* past the threshold */
  int                drag_desk;      /* index or -1 */
  int                drag_room;
  double             drag_orig_x, drag_orig_y;
  double             drag_last_x, drag_last_y;
};

G_DEFINE_FINAL_TYPE (PlatzFloorPlan, platz_floor_plan, GTK_TYPE_WIDGET)

enum {
  SIGNAL_DESK_ACTIVATED,
  SIGNAL_ROOM_ACTIVATED,
  SIGNAL_DESK_MOVED,
  SIGNAL_ROOM_MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

static void
desk_states (PlatzFloorPlan  *self,
             const PlatzDesk *desk,
             PlatzDeskState  *am,
             PlatzDeskState  *pm,
             const char     **booked_by)
{
  const PlatzDeskAvailability *a = platz_availability_get_desk (self->avail, desk->id);

  *booked_by = NULL;
  if (a != NULL)
    {
      *am = a->am;
      *pm = a->pm;
      *booked_by = a->booked_by;
    }
  else if (self->avail == NULL)
    {
      /* Before availability arrives (and while editing) show what the
       * desk itself says. */
      *am = *pm = desk->bookable ? PLATZ_DESK_FREE : PLATZ_DESK_BLOCKED;
      if (desk->bookable && desk->assigned_user_id != 0)
        *am = *pm = PLATZ_DESK_ASSIGNED;
    }
  else
    *am = *pm = PLATZ_DESK_UNKNOWN;
}

static gboolean
desk_dimmed (PlatzFloorPlan  *self,
             const PlatzDesk *desk)
{
  return !platz_desk_matches_filter (desk, self->filter_equipment, self->filter_accessible);
}

static void
update_labels (PlatzFloorPlan *self)
{
  if (self->data == NULL)
    return;
  for (guint i = 0; i < self->data->desks->len; i++)
    {
      const PlatzDesk *desk = self->data->desks->pdata[i];
      PlatzDeskState am, pm;
      const char *booked_by;
      g_autofree char *label = NULL;

      desk_states (self, desk, &am, &pm, &booked_by);
      label = platz_desk_describe (desk, am, pm, booked_by);
      platz_desk_spot_set_label (self->spots->pdata[i], label);
    }
}

static void
desk_rect (PlatzFloorPlan  *self,
           const PlatzDesk *desk,
           graphene_rect_t *rect)
{
  double wx, wy;
  double size = MAX (PLATZ_PLAN_DESK_SIZE * platz_plan_view_scale (&self->view), MIN_DESK_PX);

  platz_plan_view_to_widget (&self->view, desk->x, desk->y, &wx, &wy);
  graphene_rect_init (rect, wx - size / 2, wy - size / 2, size, size);
}

static void
room_rect (PlatzFloorPlan  *self,
           const PlatzRoom *room,
           graphene_rect_t *rect)
{
  double x0, y0, x1, y1;

  platz_plan_view_to_widget (&self->view, room->x, room->y, &x0, &y0);
  platz_plan_view_to_widget (&self->view, room->x + room->w, room->y + room->h, &x1, &y1);
  graphene_rect_init (rect, x0, y0, x1 - x0, y1 - y0);
}

static void
room_fill_color (const PlatzRoom *room,
                 GdkRGBA         *color)
{
  if (g_strcmp0 (room->kind, "meeting_room") == 0)
    *color = (GdkRGBA) { 0.85f, 0.91f, 0.98f, 0.85f };
  else if (g_strcmp0 (room->kind, "project_office") == 0)
    *color = (GdkRGBA) { 0.99f, 0.93f, 0.85f, 0.85f };
  else if (g_strcmp0 (room->kind, "lounge") == 0)
    *color = (GdkRGBA) { 0.89f, 0.96f, 0.89f, 0.85f };
  else
    *color = (GdkRGBA) { 0.97f, 0.97f, 0.96f, 0.85f };
}

static void
clear_spots (PlatzFloorPlan *self)
{
  for (guint i = 0; i < self->spots->len; i++)
    gtk_widget_unparent (self->spots->pdata[i]);
  g_ptr_array_set_size (self->spots, 0);
}

static void
ensure_visible (PlatzFloorPlan *self,
                GtkWidget      *spot)
{
  gint64 id = platz_desk_spot_get_desk_id (PLATZ_DESK_SPOT (spot));
  PlatzDesk *desk = self->data ? platz_floor_data_find_desk (self->data, id) : NULL;
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));
  graphene_rect_t r;
  double dx = 0, dy = 0;

  if (desk == NULL || w <= 0)
    return;
  desk_rect (self, desk, &r);
  if (r.origin.x < 0)
    dx = -r.origin.x + PLATZ_PLAN_MARGIN;
  else if (r.origin.x + r.size.width > w)
    dx = w - (r.origin.x + r.size.width) - PLATZ_PLAN_MARGIN;
  if (r.origin.y < 0)
    dy = -r.origin.y + PLATZ_PLAN_MARGIN;
  else if (r.origin.y + r.size.height > h)
    dy = h - (r.origin.y + r.size.height) - PLATZ_PLAN_MARGIN;
  if (dx != 0 || dy != 0)
    {
      platz_plan_view_pan (&self->view, dx, dy);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
on_spot_activate_cb (PlatzDeskSpot  *spot,
                     PlatzFloorPlan *self)
{
  g_signal_emit (self, signals[SIGNAL_DESK_ACTIVATED], 0, platz_desk_spot_get_desk_id (spot));
}

static void
on_motion_cb (GtkEventControllerMotion *motion,
              double                    x,
              double                    y,
              PlatzFloorPlan           *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *scroll,
              double                    dx,
              double                    dy,
              PlatzFloorPlan           *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (
    GTK_EVENT_CONTROLLER (scroll));

  if (state & GDK_CONTROL_MASK)
    platz_plan_view_zoom_at (&self->view, pow (1.15, -dy), self->pointer_x, self->pointer_y);
  else
    platz_plan_view_pan (&self->view, -dx * 30, -dy * 30);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  return TRUE;
}

static void
on_zoom_begin_cb (GtkGesture       *gesture,
                  GdkEventSequence *sequence,
                  PlatzFloorPlan   *self)
{
  self->zoom_gesture_start = self->view.zoom;
}

static void
on_zoom_scale_changed_cb (GtkGestureZoom *gesture,
                          double          scale,
                          PlatzFloorPlan *self)
{
  double cx, cy;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy);
  platz_plan_view_zoom_at (&self->view, self->zoom_gesture_start * scale / self->view.zoom,
                           cx, cy);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_drag_begin_cb (GtkGestureDrag *gesture,
                  double          x,
                  double          y,
                  PlatzFloorPlan *self)
{
  double px, py;

  self->dragging = FALSE;
  self->drag_desk = self->drag_room = -1;
  self->drag_last_x = self->drag_last_y = 0;
  if (self->data == NULL)
    return;

  platz_plan_view_to_plan (&self->view, x, y, &px, &py);
  if (self->editable)
    {
      self->drag_desk = platz_plan_hit_desk (self->data->desks, px, py);
      if (self->drag_desk >= 0)
        {
          PlatzDesk *desk = self->data->desks->pdata[self->drag_desk];

          self->drag_orig_x = desk->x;
          self->drag_orig_y = desk->y;
        }
      else
        {
          self->drag_room = platz_plan_hit_room (self->data->rooms, px, py);
          if (self->drag_room >= 0)
            {
              PlatzRoom *room = self->data->rooms->pdata[self->drag_room];

              self->drag_orig_x = room->x;
              self->drag_orig_y = room->y;
            }
        }
      /* Editing owns the pointer: desks must not also see a click. */
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
}

static void
on_drag_update_cb (GtkGestureDrag *gesture,
                   double          ox,
                   double          oy,
                   PlatzFloorPlan *self)
{
  double scale = platz_plan_view_scale (&self->view);

  if (!self->dragging)
    {
      if (hypot (ox, oy) < DRAG_THRESHOLD)
        return;
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }

  if (self->drag_desk >= 0)
    {
      PlatzDesk *desk = self->data->desks->pdata[self->drag_desk];

      desk->x = self->drag_orig_x + ox / scale;
      desk->y = self->drag_orig_y + oy / scale;
      platz_plan_clamp_point (self->data->floor->width, self->data->floor->height,
                              &desk->x, &desk->y);
    }
  else if (self->drag_room >= 0)
    {
      PlatzRoom *room = self->data->rooms->pdata[self->drag_room];

      room->x = self->drag_orig_x + ox / scale;
      room->y = self->drag_orig_y + oy / scale;
      platz_plan_clamp_point (MAX (self->data->floor->width - room->w, 0),
                              MAX (self->data->floor->height - room->h, 0),
                              &room->x, &room->y);
    }
  else
    {
      platz_plan_view_pan (&self->view, ox - self->drag_last_x, oy - self->drag_last_y);
      self->drag_last_x = ox;
      self->drag_last_y = oy;
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_drag_end_cb (GtkGestureDrag *gesture,
                double          ox,
                double          oy,
                PlatzFloorPlan *self)
{
  if (self->data == NULL || !self->editable)
    return;

  if (self->drag_desk >= 0)
    {
      PlatzDesk *desk = self->data->desks->pdata[self->drag_desk];

      if (self->dragging)
        g_signal_emit (self, signals[SIGNAL_DESK_MOVED], 0, desk->id, desk->x, desk->y);
      else
        g_signal_emit (self, signals[SIGNAL_DESK_ACTIVATED], 0, desk->id);
    }
  else if (self->drag_room >= 0)
    {
      PlatzRoom *room = self->data->rooms->pdata[self->drag_room];

      if (self->dragging)
        g_signal_emit (self, signals[SIGNAL_ROOM_MOVED], 0, room->id, room->x, room->y);
      else
        g_signal_emit (self, signals[SIGNAL_ROOM_ACTIVATED], 0, room->id);
    }
  self->dragging = FALSE;
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlatzFloorPlan *self = PLATZ_FLOOR_PLAN (widget);

  if (g_str_equal (action_name, "plan.zoom-in"))
    platz_floor_plan_zoom (self, 1.25);
  else if (g_str_equal (action_name, "plan.zoom-out"))
    platz_floor_plan_zoom (self, 1 / 1.25);
  else
    platz_floor_plan_reset_view (self);
}

/* ------------------------------------------------------------------ */
/* GtkWidget overrides                                                 */
/* ------------------------------------------------------------------ */

static void
platz_floor_plan_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 180;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 500;
}

static void
platz_floor_plan_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  PlatzFloorPlan *self = PLATZ_FLOOR_PLAN (widget);

  platz_plan_view_resize (&self->view, width, height);
  if (self->data == NULL)
    return;
  for (guint i = 0; i < self->spots->len; i++)
    {
      GtkWidget *spot = self->spots->pdata[i];
      graphene_rect_t r;
      GtkAllocation alloc;
      int min;

      desk_rect (self, self->data->desks->pdata[i], &r);
      gtk_widget_measure (spot, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      alloc.x = floor (r.origin.x);
      alloc.y = floor (r.origin.y);
      alloc.width = MAX (ceil (r.size.width), min);
      alloc.height = MAX (ceil (r.size.height), min);
      gtk_widget_size_allocate (spot, &alloc, -1);
    }
}

static void
draw_rooms (PlatzFloorPlan *self,
            GtkSnapshot    *snapshot)
{
  const GdkRGBA border_color = { 0.24f, 0.22f, 0.27f, 1.0f };
  const GdkRGBA selected_color = { 0.21f, 0.52f, 0.89f, 1.0f };

  for (guint i = 0; i < self->data->rooms->len; i++)
    {
      const PlatzRoom *room = self->data->rooms->pdata[i];
      gboolean selected = self->editable && room->id == self->selected_room;
      const GdkRGBA *border = selected ? &selected_color : &border_color;
      float widths[4];
      GdkRGBA colors[4] = { *border, *border, *border, *border };
      GdkRGBA color;
      GskRoundedRect outline;
      graphene_rect_t r;

      room_rect (self, room, &r);
      room_fill_color (room, &color);
      gtk_snapshot_append_color (snapshot, &color, &r);
      for (int k = 0; k < 4; k++)
        widths[k] = selected ? 3.0f : 1.5f;
      gsk_rounded_rect_init_from_rect (&outline, &r, 0);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

/* Appends the layout's text at (x, y), scaled, within width (pixels after
 * scaling; -1 for no limit). */
static void
append_text (PlatzFloorPlan *self,
             GtkSnapshot    *snapshot,
             const char     *text,
             double          x,
             double          y,
             double          scale,
             double          width)
{
  const GdkRGBA text_color = { 0.14f, 0.12f, 0.16f, 1.0f };

  pango_layout_set_text (self->layout, text, -1);
  pango_layout_set_width (self->layout, width < 0 ? -1 : (int) (width / scale * PANGO_SCALE));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_scale (snapshot, scale, scale);
  gtk_snapshot_append_layout (snapshot, self->layout, &text_color);
  gtk_snapshot_restore (snapshot);
}

/* Labels are measured once per floor: names stay, counts repeat. */
static int
text_width (PlatzFloorPlan *self,
            const char     *text,
            int            *height)
{
  gpointer packed;
  int w, h;

  if (!g_hash_table_lookup_extended (self->text_sizes, text, NULL, &packed))
    {
      pango_layout_set_width (self->layout, -1);
      pango_layout_set_text (self->layout, text, -1);
      pango_layout_get_pixel_size (self->layout, &w, &h);
      packed = GUINT_TO_POINTER (CLAMP (w, 0, 0xffff) | CLAMP (h, 0, 0xffff) << 16);
      g_hash_table_insert (self->text_sizes, g_strdup (text), packed);
    }
  if (height != NULL)
    *height = GPOINTER_TO_UINT (packed) >> 16;
  return GPOINTER_TO_UINT (packed) & 0xffff;
}

/* Room names (and how full the room is) go in a band of the room that no
 * desk covers, shrunk a little or shortened to fit its width; after the
 * desks, so that where desks cover every band the name stays readable on
 * a backdrop. */
static void
draw_room_labels (PlatzFloorPlan *self,
                  GtkSnapshot    *snapshot)
{
  const double pad = 3, gap = 6;
  double scale = platz_plan_view_scale (&self->view);

  for (guint i = 0; i < self->data->rooms->len; i++)
    {
      const PlatzRoom *room = self->data->rooms->pdata[i];
      const PlatzRoomFill *fill = platz_availability_get_room (self->avail, room->id);
      g_autofree char *count = NULL;
      PlatzLabelFit fit;
      graphene_rect_t r;
      double band_y, wx, wy, avail, band_h;
      int name_w, count_w = 0, th;
      guint covered;

      room_rect (self, room, &r);
      avail = r.size.width - 2 * pad;
      if (avail < 16 || r.size.height < 12)
        continue;
      if (fill != NULL && fill->limit > 0)
        count = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                                 MAX (fill->booked_am, fill->booked_pm), fill->limit);
      if (count != NULL)
        count_w = text_width (self, count, NULL);
      name_w = text_width (self, room->name, &th);
      fit = platz_plan_fit_room_label (avail, name_w, count_w, gap);
      band_h = th * fit.scale + 2;
      if (!platz_plan_room_label_band (room, self->data->desks, band_h / scale, &band_y,
                                       &covered))
        continue;
      platz_plan_view_to_widget (&self->view, room->x, band_y, &wx, &wy);

      gtk_snapshot_push_clip (snapshot, &r);
      if (covered > 0)
        {
          GdkRGBA backdrop;

          room_fill_color (room, &backdrop);
          backdrop.alpha = 0.9f;
          gtk_snapshot_append_color (snapshot, &backdrop,
                                     &GRAPHENE_RECT_INIT (r.origin.x, wy, r.size.width, band_h));
        }
      if (fit.show_count)
        {
          append_text (self, snapshot, count, r.origin.x + r.size.width - pad - count_w * fit.scale,
                       wy + 1, fit.scale, -1);
          avail -= (count_w + gap) * fit.scale;
        }
      pango_layout_set_ellipsize (self->layout, fit.ellipsize ? PANGO_ELLIPSIZE_END
                                                              : PANGO_ELLIPSIZE_NONE);
      append_text (self, snapshot, room->name, r.origin.x + pad, wy + 1, fit.scale, avail);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_NONE);
      gtk_snapshot_pop (snapshot);
    }
}

static void
draw_desks (PlatzFloorPlan *self,
            GtkSnapshot    *snapshot,
            int             width,
            int             height)
{
  const GdkRGBA selected_color = { 0.1f, 0.1f, 0.1f, 1.0f };

  for (guint i = 0; i < self->data->desks->len; i++)
    {
      const PlatzDesk *desk = self->data->desks->pdata[i];
      PlatzDeskState am, pm;
      const char *booked_by;
      graphene_rect_t r;

      desk_rect (self, desk, &r);
      if (r.origin.x > width || r.origin.y > height
          || r.origin.x + r.size.width < 0 || r.origin.y + r.size.height < 0)
        continue;
      desk_states (self, desk, &am, &pm, &booked_by);
      if (self->editable && desk->id == self->selected_desk)
        {
          graphene_rect_t outer;

          graphene_rect_inset_r (&r, -3, -3, &outer);
          gtk_snapshot_append_color (snapshot, &selected_color, &outer);
        }
      platz_desk_spot_append_marker (snapshot, &r, am, pm, desk_dimmed (self, desk) ? 0.22 : 1.0);
    }
}

static void
platz_floor_plan_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  PlatzFloorPlan *self = PLATZ_FLOOR_PLAN (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const GdkRGBA paper = { 1, 1, 1, 1 };
  graphene_rect_t plan;
  double x0, y0, x1, y1;

  if (self->data == NULL)
    return;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  platz_plan_view_to_widget (&self->view, 0, 0, &x0, &y0);
  platz_plan_view_to_widget (&self->view, self->view.plan_w, self->view.plan_h, &x1, &y1);
  graphene_rect_init (&plan, x0, y0, x1 - x0, y1 - y0);
  gtk_snapshot_append_color (snapshot, &paper, &plan);
  if (self->background != NULL)
    gtk_snapshot_append_texture (snapshot, self->background, &plan);

  draw_rooms (self, snapshot);
  draw_desks (self, snapshot, width, height);
  draw_room_labels (self, snapshot);

  for (guint i = 0; i < self->spots->len; i++)
    gtk_widget_snapshot_child (widget, self->spots->pdata[i], snapshot);

  gtk_snapshot_pop (snapshot);
}

static void
platz_floor_plan_set_focus_child (GtkWidget *widget,
                                  GtkWidget *child)
{
  GTK_WIDGET_CLASS (platz_floor_plan_parent_class)->set_focus_child (widget, child);
  if (child != NULL)
    ensure_visible (PLATZ_FLOOR_PLAN (widget), child);
}

/* ------------------------------------------------------------------ */
/* GObject overrides                                                   */
/* ------------------------------------------------------------------ */

static void
platz_floor_plan_dispose (GObject *object)
{
  PlatzFloorPlan *self = PLATZ_FLOOR_PLAN (object);

  if (self->spots != NULL)
    clear_spots (self);
  g_clear_pointer (&self->spots, g_ptr_array_unref);
  g_clear_pointer (&self->data, platz_floor_data_unref);
  g_clear_pointer (&self->avail, platz_availability_unref);
  g_clear_object (&self->background);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->text_sizes, g_hash_table_unref);

  G_OBJECT_CLASS (platz_floor_plan_parent_class)->dispose (object);
}

static void
platz_floor_plan_finalize (GObject *object)
{
  PlatzFloorPlan *self = PLATZ_FLOOR_PLAN (object);

  g_strfreev (self->filter_equipment);
  G_OBJECT_CLASS (platz_floor_plan_parent_class)->finalize (object);
}

static void
platz_floor_plan_class_init (PlatzFloorPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = platz_floor_plan_dispose;
  object_class->finalize = platz_floor_plan_finalize;
  widget_class->measure = platz_floor_plan_measure;
  widget_class->size_allocate = platz_floor_plan_size_allocate;
  widget_class->snapshot = platz_floor_plan_snapshot;
  widget_class->set_focus_child = platz_floor_plan_set_focus_child;

  signals[SIGNAL_DESK_ACTIVATED] =
    g_signal_new ("desk-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_ROOM_ACTIVATED] =
    g_signal_new ("room-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_DESK_MOVED] =
    g_signal_new ("desk-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_DOUBLE,
                  G_TYPE_DOUBLE);
  signals[SIGNAL_ROOM_MOVED] =
    g_signal_new ("room-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_DOUBLE,
                  G_TYPE_DOUBLE);

  gtk_widget_class_install_action (widget_class, "plan.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "plan.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "plan.zoom-reset", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "plan.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "plan.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "plan.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "plan.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0,
                                       "plan.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "plan.zoom-reset", NULL);

  gtk_widget_class_set_css_name (widget_class, "floorplan");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
platz_floor_plan_init (PlatzFloorPlan *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->spots = g_ptr_array_new ();
  self->drag_desk = self->drag_room = -1;
  platz_plan_view_init (&self->view, 1, 1);
  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  self->text_sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "Floor plan", -1);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

GtkWidget *
platz_floor_plan_new (void)
{
  return g_object_new (PLATZ_TYPE_FLOOR_PLAN, NULL);
}

void
platz_floor_plan_set_floor (PlatzFloorPlan *self,
                            PlatzFloorData *data)
{
  gboolean same_floor;

  g_return_if_fail (PLATZ_IS_FLOOR_PLAN (self));

  same_floor = data != NULL && self->data != NULL && data->floor->id == self->data->floor->id;
  if (data != NULL)
    platz_floor_data_ref (data);
  g_clear_pointer (&self->data, platz_floor_data_unref);
  self->data = data;
  if (!same_floor)
    {
      g_clear_object (&self->background);
      g_clear_pointer (&self->avail, platz_availability_unref);
    }

  clear_spots (self);
  if (self->text_sizes != NULL)
    g_hash_table_remove_all (self->text_sizes);
  if (data != NULL)
    {
      double zoom = self->view.zoom, pan_x = self->view.pan_x, pan_y = self->view.pan_y;

      platz_plan_view_init (&self->view, data->floor->width, data->floor->height);
      if (same_floor)
        {
          self->view.zoom = zoom;
          self->view.pan_x = pan_x;
          self->view.pan_y = pan_y;
        }
      platz_plan_view_resize (&self->view, gtk_widget_get_width (GTK_WIDGET (self)),
                              gtk_widget_get_height (GTK_WIDGET (self)));
      for (guint i = 0; i < data->desks->len; i++)
        {
          const PlatzDesk *desk = data->desks->pdata[i];
          GtkWidget *spot = platz_desk_spot_new (desk->id);

          gtk_widget_set_parent (spot, GTK_WIDGET (self));
          g_signal_connect (spot, "activate", G_CALLBACK (on_spot_activate_cb), self);
          g_ptr_array_add (self->spots, spot);
        }
      update_labels (self);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

PlatzFloorData *
platz_floor_plan_get_floor (PlatzFloorPlan *self)
{
  g_return_val_if_fail (PLATZ_IS_FLOOR_PLAN (self), NULL);
  return self->data;
}

void
platz_floor_plan_set_availability (PlatzFloorPlan    *self,
                                   PlatzAvailability *avail)
{
  g_return_if_fail (PLATZ_IS_FLOOR_PLAN (self));

  if (avail != NULL)
    platz_availability_ref (avail);
  g_clear_pointer (&self->avail, platz_availability_unref);
  self->avail = avail;
  update_labels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
platz_floor_plan_set_background (PlatzFloorPlan *self,
                                 GdkTexture     *texture)
{
  g_return_if_fail (PLATZ_IS_FLOOR_PLAN (self));

  g_set_object (&self->background, texture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
platz_floor_plan_set_filter (PlatzFloorPlan *self,
                             char * const   *equipment,
                             gboolean        accessible)
{
  g_return_if_fail (PLATZ_IS_FLOOR_PLAN (self));

  g_strfreev (self->filter_equipment);
  self->filter_equipment = equipment != NULL && equipment[0] != NULL
                           ? g_strdupv ((char **) equipment) : NULL;
  self->filter_accessible = accessible;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
platz_floor_plan_set_editable (PlatzFloorPlan *self,
                               gboolean        editable)
{
  g_return_if_fail (PLATZ_IS_FLOOR_PLAN (self));

  self->editable = !!editable;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
platz_floor_plan_set_selected (PlatzFloorPlan *self,
                               gint64          desk_id,
                               gint64          room_id)
{
  g_return_if_fail (PLATZ_IS_FLOOR_PLAN (self));

  self->selected_desk = desk_id;
  self->selected_room = room_id;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
platz_floor_plan_zoom (PlatzFloorPlan *self,
                       double          factor)
{
  g_return_if_fail (PLATZ_IS_FLOOR_PLAN (self));

  platz_plan_view_zoom_at (&self->view, factor, self->view.view_w / 2, self->view.view_h / 2);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
platz_floor_plan_reset_view (PlatzFloorPlan *self)
{
  g_return_if_fail (PLATZ_IS_FLOOR_PLAN (self));

  platz_plan_view_reset (&self->view);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

const PlatzPlanView *
platz_floor_plan_get_view (PlatzFloorPlan *self)
{
  g_return_val_if_fail (PLATZ_IS_FLOOR_PLAN (self), NULL);
  return &self->view;
}

PlatzDeskState
platz_floor_plan_get_desk_state (PlatzFloorPlan *self,
                                 gint64          desk_id)
{
  PlatzDeskState am, pm;
  const char *booked_by;
  PlatzDesk *desk;

  g_return_val_if_fail (PLATZ_IS_FLOOR_PLAN (self), PLATZ_DESK_UNKNOWN);

  if (self->data == NULL || (desk = platz_floor_data_find_desk (self->data, desk_id)) == NULL)
    return PLATZ_DESK_UNKNOWN;
  desk_states (self, desk, &am, &pm, &booked_by);
  return platz_desk_state_combine (am, pm);
}

char *
platz_floor_plan_describe_desk_day (PlatzFloorPlan *self,
                                    gint64          desk_id)
{
  PlatzDeskState am = PLATZ_DESK_UNKNOWN, pm = PLATZ_DESK_UNKNOWN;
  const char *booked_by = NULL;
  PlatzDesk *desk;

  g_return_val_if_fail (PLATZ_IS_FLOOR_PLAN (self), NULL);

  if (self->data != NULL && (desk = platz_floor_data_find_desk (self->data, desk_id)) != NULL)
    desk_states (self, desk, &am, &pm, &booked_by);
  return platz_desk_state_describe_day (am, pm, booked_by);
}

GtkWidget *
platz_floor_plan_get_desk_spot (PlatzFloorPlan *self,
                                gint64          desk_id)
{
  g_return_val_if_fail (PLATZ_IS_FLOOR_PLAN (self), NULL);

  for (guint i = 0; i < self->spots->len; i++)
    if (platz_desk_spot_get_desk_id (self->spots->pdata[i]) == desk_id)
      return self->spots->pdata[i];
  return NULL;
}

gboolean
platz_floor_plan_desk_is_dimmed (PlatzFloorPlan *self,
                                 gint64          desk_id)
{
  PlatzDesk *desk;

  g_return_val_if_fail (PLATZ_IS_FLOOR_PLAN (self), FALSE);

  if (self->data == NULL || (desk = platz_floor_data_find_desk (self->data, desk_id)) == NULL)
    return FALSE;
  return desk_dimmed (self, desk);
}
