/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The pure arithmetic of the floor plan: how plan units map to widget
 * pixels under zoom and pan, hit-testing, and how desk states are shown.
 * No GTK here, so that it can be tested without a display.
 */
#pragma once

#include <glib.h>

#include "platz-model.h"

G_BEGIN_DECLS

/* Side of a desk square, in plan units (metres in the demo). */
#define PLATZ_PLAN_DESK_SIZE 1.2
/* Pixels left free around the plan when it is fitted into the widget. */
#define PLATZ_PLAN_MARGIN 16.0
#define PLATZ_PLAN_ZOOM_MIN 0.5
#define PLATZ_PLAN_ZOOM_MAX 16.0

/*
 * A widget point w relates to a plan point p by
 *
 *   w = origin + pan + p * fit * zoom
 *   origin = (view - plan * fit * zoom) / 2
 *
 * so at zoom 1 and pan 0 the plan is centred and fits the widget.
 */
typedef struct {
  double plan_w, plan_h;   /* plan units */
  double view_w, view_h;   /* widget pixels */
  double zoom;             /* 1 = fitted */
  double pan_x, pan_y;     /* pixels */
} PlatzPlanView;

void   platz_plan_view_init      (PlatzPlanView *view,
                                  double         plan_w,
                                  double         plan_h);
void   platz_plan_view_resize    (PlatzPlanView *view,
                                  double         view_w,
                                  double         view_h);
void   platz_plan_view_reset     (PlatzPlanView *view);
/* Pixels per plan unit. */
double platz_plan_view_scale     (const PlatzPlanView *view);
void   platz_plan_view_to_widget (const PlatzPlanView *view,
                                  double               px,
                                  double               py,
                                  double              *wx,
                                  double              *wy);
void   platz_plan_view_to_plan   (const PlatzPlanView *view,
                                  double               wx,
                                  double               wy,
                                  double              *px,
                                  double              *py);
/* Multiplies the zoom by factor (clamped) keeping the plan point under
 * the widget point (wx, wy) where it is. */
void   platz_plan_view_zoom_at   (PlatzPlanView *view,
                                  double         factor,
                                  double         wx,
                                  double         wy);
/* Moves the plan by (dx, dy) pixels, keeping at least part of it in view. */
void   platz_plan_view_pan       (PlatzPlanView *view,
                                  double         dx,
                                  double         dy);

/* Index of the desk whose square contains the plan point, the nearest
 * centre winning; -1 when none.  desks holds PlatzDesk pointers. */
int    platz_plan_hit_desk       (GPtrArray *desks,
                                  double     px,
                                  double     py);
/* Index of the smallest room containing the plan point, or -1. */
int    platz_plan_hit_room       (GPtrArray *rooms,
                                  double     px,
                                  double     py);
/* Clamps a point into [0, w] x [0, h]. */
void   platz_plan_clamp_point    (double     w,
                                  double     h,
                                  double    *x,
                                  double    *y);

typedef enum {
  PLATZ_DESK_FREE,
  PLATZ_DESK_BOOKED,
  PLATZ_DESK_MINE,
  PLATZ_DESK_BLOCKED,
  PLATZ_DESK_ROOM_FULL,
  PLATZ_DESK_ASSIGNED,
  PLATZ_DESK_PARTLY_FREE,  /* one half free, the other not */
  PLATZ_DESK_UNKNOWN,      /* availability not loaded yet */
  PLATZ_DESK_N_STATES
} PlatzDeskState;

typedef struct {
  float red, green, blue;
} PlatzColor;

PlatzDeskState platz_desk_state_from_string (const char *text);
const char    *platz_desk_state_to_string   (PlatzDeskState state);
/* Words for a person: "free", "booked by you", ... */
const char    *platz_desk_state_label       (PlatzDeskState state);
/* What the plan shows for a whole day made of two halves. */
PlatzDeskState platz_desk_state_combine     (PlatzDeskState am,
                                             PlatzDeskState pm);
PlatzColor     platz_desk_state_color       (PlatzDeskState state);

/* How a state is told apart without its colour: the way the marker is
 * filled and the mark drawn on it. */
typedef enum {
  PLATZ_DESK_FILL_OUTLINE,   /* free: a pale square with a strong border */
  PLATZ_DESK_FILL_SOLID,     /* booked, yours, assigned */
  PLATZ_DESK_FILL_HATCHED,   /* blocked: diagonal lines */
  PLATZ_DESK_FILL_DASHED,    /* room full: a dashed border */
  PLATZ_DESK_FILL_FAINT,     /* not loaded yet */
} PlatzDeskFill;

typedef enum {
  PLATZ_DESK_GLYPH_NONE,
  PLATZ_DESK_GLYPH_CHECK,    /* yours */
  PLATZ_DESK_GLYPH_CROSS,    /* blocked */
  PLATZ_DESK_GLYPH_DOT,      /* assigned to someone */
} PlatzDeskGlyph;

typedef struct {
  PlatzDeskFill  fill;
  PlatzDeskGlyph glyph;
} PlatzDeskLook;

PlatzDeskLook  platz_desk_state_look        (PlatzDeskState state);
/* The parts a desk marker is drawn in: 1 when both halves of the day are
 * in one state (parts[0]), else 2, the left half the morning (parts[0]),
 * the right half the afternoon (parts[1]), each in its own state. */
guint          platz_desk_marker_parts      (PlatzDeskState am,
                                             PlatzDeskState pm,
                                             PlatzDeskState parts[2]);
/* Where part (0 or 1) of n_parts of a marker from x, size wide, starts
 * (px) and how wide it is (pw); the parts span the marker's height. */
void           platz_desk_marker_part_rect  (double         x,
                                             double         size,
                                             guint          n_parts,
                                             guint          part,
                                             double        *px,
                                             double        *pw);
/* One half's state in words: "free", "booked by Anna" (booked_by is
 * the desk's one booker name, put to a booked half unless the other half
 * is one's own). */
char          *platz_desk_half_describe     (PlatzDeskState state,
                                             PlatzDeskState other,
                                             const char    *booked_by);
/* The state in words for a whole day: "free", or "morning booked by you,
 * afternoon free" when the halves differ. */
char          *platz_desk_state_describe_day (PlatzDeskState am,
                                              PlatzDeskState pm,
                                              const char    *booked_by);

/* Where a room's name goes: the top edge (plan units) of a band label_h
 * high across the room that no desk square overlaps, the highest such
 * band; when desks cover every band, the one overlapping the fewest.
 * FALSE when the room is lower than the label. */
gboolean       platz_plan_room_label_band   (const PlatzRoom *room,
                                             GPtrArray       *desks,
                                             double           label_h,
                                             double          *band_y,
                                             guint           *n_covered);

/* The smallest a room label is shrunk to before it is shortened. */
#define PLATZ_PLAN_LABEL_MIN_SCALE 0.75

typedef struct {
  double   scale;       /* font scale, PLATZ_PLAN_LABEL_MIN_SCALE..1 */
  gboolean show_count;  /* the "booked/limit" after the name */
  gboolean ellipsize;   /* the name is still too wide: shorten it */
} PlatzLabelFit;

/* How a room label of a name name_w wide and a count count_w wide (0 for
 * none), gap apart, fits avail_w (all in pixels at scale 1): whole if it
 * can, else shrunk; the count gives way before the name is shortened. */
PlatzLabelFit  platz_plan_fit_room_label    (double avail_w,
                                             double name_w,
                                             double count_w,
                                             double gap);

/* "height-adjustable desk, docking station"; NULL-safe, "" for none. */
char          *platz_equipment_describe     (char * const *equipment);
const char    *platz_equipment_label        (const char   *tag);
/* TRUE when the desk has every tag in wanted and, if need_accessible,
 * is accessible. */
gboolean       platz_desk_matches_filter    (const PlatzDesk *desk,
                                             char * const    *wanted,
                                             gboolean         need_accessible);

G_END_DECLS

G_BEGIN_DECLS
/* The accessible label of a desk: "Desk A1.01-2, free, height-adjustable
 * desk, docking station"; halves are named when they differ. */
char          *platz_desk_describe          (const PlatzDesk *desk,
                                             PlatzDeskState   am,
                                             PlatzDeskState   pm,
                                             const char      *booked_by);
G_END_DECLS
