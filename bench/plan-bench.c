/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Floor-plan benchmark (not a test): a floor of 2,000 desks in 250
 * rooms, drawn by the real PlatzFloorPlan in a real window.
 *
 *   startup_to_first_floor_ms: from main() to the first frame painted
 *     with the floor (process start-up, GTK init, widget creation, one
 *     focusable spot per desk, layout, drawing);
 *   frame_time_ms: the median time to lay out, snapshot and render one
 *     frame at changing zoom levels (what a zoom step costs).
 *
 * Run under a display: xvfb-run -a ./build/client/plan-bench
 */
#include "config.h"

#include <adwaita.h>

#include "platz-floor-plan.h"

#define N_ROOMS 250
#define DESKS_PER_ROOM 8
#define N_FRAMES 60

static gint64 start_us;
static gboolean painted;

static PlatzFloorData *
make_floor (void)
{
  PlatzFloorData *data = platz_floor_data_new ();
  static char *equipment[] = { (char *) "docking_station", (char *) "height_adjustable", NULL };

  data->floor->id = 1;
  data->floor->name = g_strdup ("Bench");
  data->floor->width = 250;
  data->floor->height = 100;
  for (int r = 0; r < N_ROOMS; r++)
    {
      PlatzRoom *room = platz_object_new (&platz_room_type);
      double rx = (r % 25) * 10, ry = (r / 25) * 10;

      room->id = r + 1;
      room->floor_id = 1;
      room->name = g_strdup_printf ("R%03d", r + 1);
      room->kind = g_strdup ("office");
      room->x = rx;
      room->y = ry;
      room->w = 9.5;
      room->h = 9.5;
      g_ptr_array_add (data->rooms, room);
      for (int d = 0; d < DESKS_PER_ROOM; d++)
        {
          PlatzDesk *desk = platz_object_new (&platz_desk_type);

          desk->id = r * DESKS_PER_ROOM + d + 1;
          desk->room_id = room->id;
          desk->name = g_strdup_printf ("R%03d-%d", r + 1, d + 1);
          desk->x = rx + 1.5 + (d % 4) * 2.2;
          desk->y = ry + 2.5 + (d / 4) * 4.5;
          desk->bookable = d != 7;
          desk->equipment = d % 2 ? g_strdupv (equipment) : NULL;
          g_ptr_array_add (data->desks, desk);
        }
    }
  return data;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  if (!painted)
    {
      painted = TRUE;
      g_print ("startup_to_first_floor_ms: %.1f\n",
               (g_get_monotonic_time () - start_us) / 1000.0);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PlatzFloorData) data = NULL;
  GtkWidget *window, *plan;
  GskRenderer *renderer;
  double times[N_FRAMES];

  start_us = g_get_monotonic_time ();
  gtk_init ();
  adw_init ();
  g_print ("gtk_init_ms: %.1f\n", (g_get_monotonic_time () - start_us) / 1000.0);

  data = make_floor ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  plan = platz_floor_plan_new ();
  gtk_window_set_child (GTK_WINDOW (window), plan);
  platz_floor_plan_set_floor (PLATZ_FLOOR_PLAN (plan), data);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), NULL);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  for (int i = 0; i < N_FRAMES; i++)
    {
      int w = gtk_widget_get_width (plan), h = gtk_widget_get_height (plan);
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      gint64 t0 = g_get_monotonic_time ();

      platz_floor_plan_zoom (PLATZ_FLOOR_PLAN (plan), i % 2 ? 1 / 1.1 : 1.1);
      gtk_widget_size_allocate (plan, &(GtkAllocation) { 0, 0, w, h }, -1);
      /* The plan's own drawing, not a cached node of the last frame. */
      GTK_WIDGET_GET_CLASS (plan)->snapshot (plan, snapshot);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
      times[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  qsort (times, N_FRAMES, sizeof (double), compare_doubles);
  g_print ("desks: %u\n", data->desks->len);
  g_print ("frame_time_ms: %.2f (median of %d, max %.2f)\n", times[N_FRAMES / 2], N_FRAMES,
           times[N_FRAMES - 1]);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
