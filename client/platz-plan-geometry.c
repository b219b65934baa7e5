/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-plan-geometry"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "platz-plan-geometry.h"

/* ------------------------------------------------------------------ */
/* Transforms                                                          */
/* ------------------------------------------------------------------ */

void
platz_plan_view_init (PlatzPlanView *view,
                      double         plan_w,
                      double         plan_h)
{
  g_return_if_fail (view != NULL);

  view->plan_w = plan_w > 0 ? plan_w : 1;
  view->plan_h = plan_h > 0 ? plan_h : 1;
  view->zoom = 1;
  view->pan_x = view->pan_y = 0;
}

void
platz_plan_view_resize (PlatzPlanView *view,
                        double         view_w,
                        double         view_h)
{
  view->view_w = MAX (view_w, 1);
  view->view_h = MAX (view_h, 1);
}

void
platz_plan_view_reset (PlatzPlanView *view)
{
  view->zoom = 1;
  view->pan_x = view->pan_y = 0;
}

static double
fit_scale (const PlatzPlanView *view)
{
  double avail_w = MAX (view->view_w - 2 * PLATZ_PLAN_MARGIN, 1);
  double avail_h = MAX (view->view_h - 2 * PLATZ_PLAN_MARGIN, 1);

  return MIN (avail_w / view->plan_w, avail_h / view->plan_h);
}

double
platz_plan_view_scale (const PlatzPlanView *view)
{
  return fit_scale (view) * view->zoom;
}

static void
origin (const PlatzPlanView *view,
        double              *ox,
        double              *oy)
{
  double s = platz_plan_view_scale (view);

  *ox = (view->view_w - view->plan_w * s) / 2 + view->pan_x;
  *oy = (view->view_h - view->plan_h * s) / 2 + view->pan_y;
}

void
platz_plan_view_to_widget (const PlatzPlanView *view,
                           double               px,
                           double               py,
                           double              *wx,
                           double              *wy)
{
  double ox, oy, s = platz_plan_view_scale (view);

  origin (view, &ox, &oy);
  *wx = ox + px * s;
  *wy = oy + py * s;
}

void
platz_plan_view_to_plan (const PlatzPlanView *view,
                         double               wx,
                         double               wy,
                         double              *px,
                         double              *py)
{
  double ox, oy, s = platz_plan_view_scale (view);

  origin (view, &ox, &oy);
  *px = (wx - ox) / s;
  *py = (wy - oy) / s;
}

void
platz_plan_view_zoom_at (PlatzPlanView *view,
                         double         factor,
                         double         wx,
                         double         wy)
{
  double px, py, nx, ny;

  g_return_if_fail (factor > 0);

  platz_plan_view_to_plan (view, wx, wy, &px, &py);
  view->zoom = CLAMP (view->zoom * factor, PLATZ_PLAN_ZOOM_MIN, PLATZ_PLAN_ZOOM_MAX);
  platz_plan_view_to_widget (view, px, py, &nx, &ny);
  /* Shift so that the same plan point is under the pointer again. */
  view->pan_x += wx - nx;
  view->pan_y += wy - ny;
  platz_plan_view_pan (view, 0, 0);
}

void
platz_plan_view_pan (PlatzPlanView *view,
                     double         dx,
                     double         dy)
{
  double s = platz_plan_view_scale (view);
  /* The plan may leave the view only up to all but a quarter of the
   * smaller of (plan, view) in each direction. */
  double lim_x = (view->plan_w * s + view->view_w) / 2 - MIN (view->plan_w * s, view->view_w) / 4;
  double lim_y = (view->plan_h * s + view->view_h) / 2 - MIN (view->plan_h * s, view->view_h) / 4;

  view->pan_x = CLAMP (view->pan_x + dx, -lim_x, lim_x);
  view->pan_y = CLAMP (view->pan_y + dy, -lim_y, lim_y);
}

/* ------------------------------------------------------------------ */
/* Hit-testing                                                         */
/* ------------------------------------------------------------------ */

int
platz_plan_hit_desk (GPtrArray *desks,
                     double     px,
                     double     py)
{
  const double half = PLATZ_PLAN_DESK_SIZE / 2;
  double best = G_MAXDOUBLE;
  int found = -1;

  g_return_val_if_fail (desks != NULL, -1);

  for (guint i = 0; i < desks->len; i++)
    {
      const PlatzDesk *desk = desks->pdata[i];
      double dx = px - desk->x, dy = py - desk->y;
      double d;

      if (fabs (dx) > half || fabs (dy) > half)
        continue;
      d = dx * dx + dy * dy;
      if (d < best)
        {
          best = d;
          found = i;
        }
    }
  return found;
}

int
platz_plan_hit_room (GPtrArray *rooms,
                     double     px,
                     double     py)
{
  double best = G_MAXDOUBLE;
  int found = -1;

  g_return_val_if_fail (rooms != NULL, -1);

  for (guint i = 0; i < rooms->len; i++)
    {
      const PlatzRoom *room = rooms->pdata[i];

      /* Half-open, so that touching rooms have one owner per point. */
      if (px < room->x || py < room->y || px >= room->x + room->w || py >= room->y + room->h)
        continue;
      if (room->w * room->h < best)
        {
          best = room->w * room->h;
          found = i;
        }
    }
  return found;
}

void
platz_plan_clamp_point (double  w,
                        double  h,
                        double *x,
                        double *y)
{
  *x = CLAMP (*x, 0, w);
  *y = CLAMP (*y, 0, h);
}

/* ------------------------------------------------------------------ */
/* States                                                              */
/* ------------------------------------------------------------------ */

static const struct {
  const char *name;
  const char *label;
  PlatzColor  color;
} states[PLATZ_DESK_N_STATES] = {
  /* GNOME palette; red/green are told apart by shape marks too. */
  [PLATZ_DESK_FREE]        = { "free",        N_("free"),             { 0.18f, 0.76f, 0.49f } },
  [PLATZ_DESK_BOOKED]      = { "booked",      N_("booked"),           { 0.75f, 0.11f, 0.16f } },
  [PLATZ_DESK_MINE]        = { "mine",        N_("booked by you"),    { 0.11f, 0.44f, 0.85f } },
  [PLATZ_DESK_BLOCKED]     = { "blocked",     N_("blocked"),          { 0.47f, 0.46f, 0.48f } },
  [PLATZ_DESK_ROOM_FULL]   = { "room_full",   N_("room full"),        { 0.90f, 0.38f, 0.00f } },
  [PLATZ_DESK_ASSIGNED]    = { "assigned",    N_("assigned"),         { 0.51f, 0.24f, 0.61f } },
  [PLATZ_DESK_PARTLY_FREE] = { "partly_free", N_("free for half a day"), { 0.96f, 0.76f, 0.07f } },
  [PLATZ_DESK_UNKNOWN]     = { "unknown",     N_("loading"),          { 0.75f, 0.75f, 0.75f } },
};

PlatzDeskState
platz_desk_state_from_string (const char *text)
{
  if (text == NULL)
    return PLATZ_DESK_UNKNOWN;
  for (guint i = 0; i < PLATZ_DESK_N_STATES; i++)
    if (strcmp (states[i].name, text) == 0)
      return i;
  return PLATZ_DESK_UNKNOWN;
}

const char *
platz_desk_state_to_string (PlatzDeskState state)
{
  g_return_val_if_fail (state < PLATZ_DESK_N_STATES, "unknown");
  return states[state].name;
}

const char *
platz_desk_state_label (PlatzDeskState state)
{
  g_return_val_if_fail (state < PLATZ_DESK_N_STATES, "");
  return _(states[state].label);
}

PlatzDeskState
platz_desk_state_combine (PlatzDeskState am,
                          PlatzDeskState pm)
{
  if (am == PLATZ_DESK_MINE || pm == PLATZ_DESK_MINE)
    return PLATZ_DESK_MINE;
  if (am == pm)
    return am;
  if (am == PLATZ_DESK_UNKNOWN || pm == PLATZ_DESK_UNKNOWN)
    return PLATZ_DESK_UNKNOWN;
  if (am == PLATZ_DESK_FREE || pm == PLATZ_DESK_FREE)
    return PLATZ_DESK_PARTLY_FREE;
  /* Both halves unavailable for different reasons: the stronger wins. */
  if (am == PLATZ_DESK_BLOCKED || pm == PLATZ_DESK_BLOCKED)
    return PLATZ_DESK_BLOCKED;
  if (am == PLATZ_DESK_ASSIGNED || pm == PLATZ_DESK_ASSIGNED)
    return PLATZ_DESK_ASSIGNED;
  if (am == PLATZ_DESK_BOOKED || pm == PLATZ_DESK_BOOKED)
    return PLATZ_DESK_BOOKED;
  return PLATZ_DESK_ROOM_FULL;
}

PlatzColor
platz_desk_state_color (PlatzDeskState state)
{
  g_return_val_if_fail (state < PLATZ_DESK_N_STATES, states[PLATZ_DESK_UNKNOWN].color);
  return states[state].color;
}

PlatzDeskLook
platz_desk_state_look (PlatzDeskState state)
{
  static const PlatzDeskLook looks[PLATZ_DESK_N_STATES] = {
    [PLATZ_DESK_FREE]        = { PLATZ_DESK_FILL_OUTLINE, PLATZ_DESK_GLYPH_NONE },
    [PLATZ_DESK_BOOKED]      = { PLATZ_DESK_FILL_SOLID,   PLATZ_DESK_GLYPH_NONE },
    [PLATZ_DESK_MINE]        = { PLATZ_DESK_FILL_SOLID,   PLATZ_DESK_GLYPH_CHECK },
    [PLATZ_DESK_BLOCKED]     = { PLATZ_DESK_FILL_HATCHED, PLATZ_DESK_GLYPH_CROSS },
    [PLATZ_DESK_ROOM_FULL]   = { PLATZ_DESK_FILL_DASHED,  PLATZ_DESK_GLYPH_NONE },
    [PLATZ_DESK_ASSIGNED]    = { PLATZ_DESK_FILL_SOLID,   PLATZ_DESK_GLYPH_DOT },
    /* Never drawn: a desk free for one half is drawn in two halves. */
    [PLATZ_DESK_PARTLY_FREE] = { PLATZ_DESK_FILL_OUTLINE, PLATZ_DESK_GLYPH_NONE },
    [PLATZ_DESK_UNKNOWN]     = { PLATZ_DESK_FILL_FAINT,   PLATZ_DESK_GLYPH_NONE },
  };

  g_return_val_if_fail (state < PLATZ_DESK_N_STATES, looks[PLATZ_DESK_UNKNOWN]);
  return looks[state];
}

guint
platz_desk_marker_parts (PlatzDeskState am,
                         PlatzDeskState pm,
                         PlatzDeskState parts[2])
{
  parts[0] = am;
  parts[1] = pm;
  return am == pm ? 1 : 2;
}

void
platz_desk_marker_part_rect (double  x,
                             double  size,
                             guint   n_parts,
                             guint   part,
                             double *px,
                             double *pw)
{
  if (n_parts < 2)
    {
      *px = x;
      *pw = size;
      return;
    }
  *pw = size / 2;
  *px = part == 0 ? x : x + size / 2;
}

/* ------------------------------------------------------------------ */
/* Room labels                                                         */
/* ------------------------------------------------------------------ */

static guint
band_covers (GPtrArray *inside,
             double     y,
             double     h)
{
  const double half = PLATZ_PLAN_DESK_SIZE / 2;
  guint n = 0;

  for (guint i = 0; i < inside->len; i++)
    {
      const PlatzDesk *desk = inside->pdata[i];

      if (desk->y + half > y && desk->y - half < y + h)
        n++;
    }
  return n;
}

gboolean
platz_plan_room_label_band (const PlatzRoom *room,
                            GPtrArray       *desks,
                            double           label_h,
                            double          *band_y,
                            guint           *n_covered)
{
  const double half = PLATZ_PLAN_DESK_SIZE / 2;
  g_autoptr(GPtrArray) inside = NULL;
  double lowest;
  double best_y;
  guint best;
  gboolean top_free;

  g_return_val_if_fail (room != NULL && desks != NULL, FALSE);

  if (label_h <= 0 || label_h > room->h)
    return FALSE;
  /* Only the desks whose squares reach into the room can cover its name. */
  inside = g_ptr_array_new ();
  for (guint i = 0; i < desks->len; i++)
    {
      const PlatzDesk *desk = desks->pdata[i];

      if (desk->x + half > room->x && desk->x - half < room->x + room->w
          && desk->y + half > room->y && desk->y - half < room->y + room->h)
        g_ptr_array_add (inside, desks->pdata[i]);
    }
  lowest = room->y + room->h - label_h;
  /* A free band starts at the top of the room or right under a desk;
   * the bottom of the room is the last try. */
  best_y = room->y;
  best = band_covers (inside, best_y, label_h);
  top_free = best == 0;
  /* A free top wins outright; else every candidate is weighed. */
  for (guint i = 0; !top_free && i <= inside->len; i++)
    {
      double y = i < inside->len ? ((PlatzDesk *) inside->pdata[i])->y + half : lowest;
      guint n;

      if (y < room->y || y > lowest)
        continue;
      n = band_covers (inside, y, label_h);
      if (n < best || (n == best && y < best_y))
        {
          best = n;
          best_y = y;
        }
    }
  *band_y = best_y;
  if (n_covered != NULL)
    *n_covered = best;
  return TRUE;
}

PlatzLabelFit
platz_plan_fit_room_label (double avail_w,
                           double name_w,
                           double count_w,
                           double gap)
{
  PlatzLabelFit fit = { 1, count_w > 0, FALSE };
  double total = count_w > 0 ? name_w + gap + count_w : name_w;

  if (avail_w <= 0 || total <= 0)
    return fit;
  if (total <= avail_w)
    return fit;
  if (total * PLATZ_PLAN_LABEL_MIN_SCALE <= avail_w)
    {
      fit.scale = avail_w / total;
      return fit;
    }
  /* The name matters more than how full the room is. */
  fit.show_count = FALSE;
  fit.scale = MAX (MIN (avail_w / name_w, 1), PLATZ_PLAN_LABEL_MIN_SCALE);
  fit.ellipsize = name_w * fit.scale > avail_w;
  return fit;
}

/* ------------------------------------------------------------------ */
/* Equipment                                                           */
/* ------------------------------------------------------------------ */

const char *
platz_equipment_label (const char *tag)
{
  static const struct { const char *tag, *label; } labels[] = {
    { "height_adjustable", N_("height-adjustable desk") },
    { "docking_station", N_("docking station") },
    { "dual_monitor", N_("dual monitor") },
    { "ergonomic_chair", N_("ergonomic chair") },
    { "quiet_zone", N_("quiet zone") },
    { "window", N_("window seat") },
    { "whiteboard", N_("whiteboard") },
    { "digital_whiteboard", N_("digital whiteboard") },
    { "video_conference", N_("video conference") },
    { "screen", N_("screen") },
  };

  g_return_val_if_fail (tag != NULL, "");
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (strcmp (labels[i].tag, tag) == 0)
      return _(labels[i].label);
  return tag;
}

char *
platz_equipment_describe (char * const *equipment)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; equipment != NULL && equipment[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, platz_equipment_label (equipment[i]));
    }
  return g_string_free (s, FALSE);
}

gboolean
platz_desk_matches_filter (const PlatzDesk *desk,
                           char * const    *wanted,
                           gboolean         need_accessible)
{
  g_return_val_if_fail (desk != NULL, FALSE);

  if (need_accessible && !desk->accessible)
    return FALSE;
  for (guint i = 0; wanted != NULL && wanted[i] != NULL; i++)
    if (!platz_strv_contains (desk->equipment, wanted[i]))
      return FALSE;
  return TRUE;
}

char *
platz_desk_half_describe (PlatzDeskState state,
                          PlatzDeskState other,
                          const char    *booked_by)
{
  /* The availability names one booker per desk, the morning's first:
   * next to a half of one's own it may be one's own name. */
  if (state == PLATZ_DESK_BOOKED && other != PLATZ_DESK_MINE && booked_by != NULL)
    return g_strdup_printf (_("booked by %s"), booked_by);
  return g_strdup (platz_desk_state_label (state));
}

char *
platz_desk_state_describe_day (PlatzDeskState am,
                               PlatzDeskState pm,
                               const char    *booked_by)
{
  g_autofree char *morning = platz_desk_half_describe (am, pm, booked_by);
  g_autofree char *afternoon = NULL;

  if (am == pm)
    return g_steal_pointer (&morning);
  afternoon = platz_desk_half_describe (pm, am, booked_by);
  return g_strconcat (_("morning "), morning, _(", afternoon "), afternoon, NULL);
}

char *
platz_desk_describe (const PlatzDesk *desk,
                     PlatzDeskState   am,
                     PlatzDeskState   pm,
                     const char      *booked_by)
{
  GString *s = g_string_new (NULL);
  g_autofree char *equipment = NULL;
  g_autofree char *state = NULL;

  g_return_val_if_fail (desk != NULL, g_string_free (s, FALSE));

  state = platz_desk_state_describe_day (am, pm, booked_by);
  g_string_append_printf (s, _("Desk %s"), desk->name != NULL ? desk->name : "");
  g_string_append (s, ", ");
  g_string_append (s, state);
  if (!desk->bookable && desk->blocked_reason != NULL)
    g_string_append_printf (s, " (%s)", desk->blocked_reason);
  equipment = platz_equipment_describe (desk->equipment);
  if (*equipment != '\0')
    g_string_append_printf (s, ", %s", equipment);
  if (desk->accessible)
    g_string_append_printf (s, ", %s", _("accessible"));
  return g_string_free (s, FALSE);
}
