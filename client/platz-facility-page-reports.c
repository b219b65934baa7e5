/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-facility-page"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "platz-bar-chart.h"
#include "platz-ui.h"
#include "platz-facility-page-private.h"

#define UTILISATION_DAYS 28

/* ------------------------------------------------------------------ */
/* Reports                                                             */
/* ------------------------------------------------------------------ */

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void grid_text (GtkGrid    *grid,
                       const char *text,
                       int         column,
                       int         row,
                       gboolean    heading);

static char *
share_text (gint64 booked,
            gint64 limit)
{
  return g_strdup_printf ("%.0f %%", limit > 0 ? 100.0 * booked / limit : 0.0);
}

/* The floor's rooms over the report: booked of available half-days. */
static void
fill_utilisation_rooms (PlatzFacilityPage *self,
                        GPtrArray         *rows)
{
  g_autoptr(GArray) rooms = platz_utilisation_by_room (rows, self->floor_id);
  static const char *headings[] = {
    N_("Room"), N_("Half-days booked"), N_("Available"), N_("Share"), N_("No-shows"),
  };

  clear_grid (self->utilisation_rooms);
  if (rooms->len == 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    grid_text (self->utilisation_rooms, _(headings[i]), i, 0, TRUE);
  for (guint i = 0; i < rooms->len; i++)
    {
      PlatzUtilisationRoom *room = &g_array_index (rooms, PlatzUtilisationRoom, i);
      g_autofree char *booked = g_strdup_printf ("%" PRId64, room->booked_half_days);
      g_autofree char *limit = g_strdup_printf ("%" PRId64, room->limit);
      g_autofree char *share = share_text (room->booked_half_days, room->limit);
      g_autofree char *no_shows = g_strdup_printf ("%" PRId64, room->no_shows);
      g_autofree char *name = platz_utilisation_room_label (room);

      grid_text (self->utilisation_rooms, name, 0, i + 1, FALSE);
      grid_text (self->utilisation_rooms, booked, 1, i + 1, FALSE);
      grid_text (self->utilisation_rooms, limit, 2, i + 1, FALSE);
      grid_text (self->utilisation_rooms, share, 3, i + 1, FALSE);
      grid_text (self->utilisation_rooms, no_shows, 4, i + 1, FALSE);
    }
}

static void
on_utilisation_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PlatzFacilityPage *self = user_data;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (double));
  g_autofree char *period = NULL;
  g_autofree char *booked_text = NULL;
  g_autofree char *no_shows_text = NULL;
  g_autofree char *share = NULL;
  g_autofree char *summary = NULL;
  gint64 booked = 0, limit = 0, no_shows = 0;

  rows = platz_api_report_finish (PLATZ_API (source), result, &error);
  if (!platz_facility_page_done (self, error))
    return;
  days = platz_utilisation_by_day (rows, self->floor_id);
  for (guint i = 0; i < days->len; i++)
    {
      PlatzUtilisationDay *day = &g_array_index (days, PlatzUtilisationDay, i);
      double v[3] = { day->booked_half_days, day->limit, day->no_shows };

      g_ptr_array_add (labels, platz_utilisation_day_label (day->date));
      g_array_append_vals (values, v, 3);
      booked += day->booked_half_days;
      limit += day->limit;
      no_shows += day->no_shows;
    }
  g_ptr_array_add (labels, NULL);
  platz_bar_chart_set_data (self->utilisation_chart, days->len,
                            (const char * const *) labels->pdata, (double *) values->data);
  fill_utilisation_rooms (self, rows);

  period = g_strdup_printf (g_dngettext (NULL, "Last %d day on this floor",
                                         "Last %d days on this floor", UTILISATION_DAYS),
                            UTILISATION_DAYS);
  booked_text = g_strdup_printf (g_dngettext (NULL, "%" PRId64 " of %" PRId64
                                              " half-day booked",
                                              "%" PRId64 " of %" PRId64
                                              " half-days booked", limit),
                                 booked, limit);
  no_shows_text = g_strdup_printf (g_dngettext (NULL, "%" PRId64 " no-show",
                                                "%" PRId64 " no-shows", no_shows),
                                   no_shows);
  share = share_text (booked, limit);
  /* TRANSLATORS: period, booked half-days, share in percent, no-shows */
  summary = g_strdup_printf (_("%s: %s (%s), %s."), period, booked_text, share, no_shows_text);
  gtk_label_set_text (self->utilisation_label, summary);
}

static void
grid_text (GtkGrid    *grid,
           const char *text,
           int         column,
           int         row,
           gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

/* A row of the planner: four figures, then what the building or standard
 * lacks or can give up ("60 rooms missing", "120 desks missing"). */
static void
planner_row (GtkGrid    *grid,
             int         row,
             const char *name,
             gint64      desks_existing,
             gint64      desks_needed,
             gint64      rooms_existing,
             gint64      rooms_needed,
             gint64      rooms_freeable,
             gint64      rooms_missing)
{
  const gint64 numbers[] = { desks_existing, desks_needed, rooms_existing, rooms_needed };
  g_autofree char *rooms = platz_planner_rooms_text (rooms_freeable, rooms_missing);
  g_autofree char *desks = platz_planner_desks_text (desks_existing, desks_needed);
  g_autofree char *space = desks != NULL ? g_strdup_printf ("%s\n%s", rooms, desks)
                                         : g_strdup (rooms);
  GtkWidget *label;

  grid_text (grid, name, 0, row, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, numbers[i]);

      grid_text (grid, text, i + 1, row, FALSE);
    }
  grid_text (grid, space, G_N_ELEMENTS (numbers) + 1, row, FALSE);
  label = gtk_grid_get_child_at (grid, G_N_ELEMENTS (numbers) + 1, row);
  gtk_widget_set_name (label, "planner-space");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, rooms_missing > 0 || desks != NULL ? "error" : "success");
}

static void
on_planner_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  PlatzFacilityPage *self = user_data;
  g_autoptr(GPtrArray) buildings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (double));
  static const char *headings[] = {
    N_("Building / standard"), N_("Desks"), N_("Desks needed"), N_("Rooms"),
    N_("Rooms needed"), N_("Space"),
  };
  int row = 1;

  buildings = platz_api_report_finish (PLATZ_API (source), result, &error);
  if (!platz_facility_page_done (self, error))
    return;

  clear_grid (self->planner_grid);
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    grid_text (self->planner_grid, _(headings[i]), i, 0, TRUE);
  /* "Space" stands over words, not figures. */
  gtk_label_set_xalign (GTK_LABEL (gtk_grid_get_child_at (self->planner_grid,
                                                          G_N_ELEMENTS (headings) - 1, 0)), 0);

  self->n_planner_rows = 0;
  for (guint i = 0; i < buildings->len; i++)
    {
      PlatzPlannerBuilding *b = buildings->pdata[i];
      double v[4] = { b->desks_existing, b->desks_needed, b->rooms_existing, b->rooms_needed };
      g_autofree char *heads = g_strdup_printf (g_dngettext (NULL, "%" PRId64 " head",
                                                             "%" PRId64 " heads",
                                                             b->users_head),
                                                b->users_head);
      g_autofree char *staff = g_strdup_printf (g_dngettext (NULL, "%" PRId64 " case worker",
                                                             "%" PRId64 " case workers",
                                                             b->users_staff),
                                                b->users_staff);
      /* TRANSLATORS: building, heads, case workers */
      g_autofree char *name = g_strdup_printf (_("%s (%s, %s)"), b->building_name, heads, staff);

      planner_row (self->planner_grid, row++, name, b->desks_existing, b->desks_needed,
                   b->rooms_existing, b->rooms_needed, b->rooms_freeable, b->rooms_missing);
      self->n_planner_rows++;
      for (guint j = 0; j < b->standards->len; j++)
        {
          PlatzPlannerStandard *s = b->standards->pdata[j];
          g_autofree char *sname = g_strdup_printf ("    %s (≤ %" G_GINT64_FORMAT ")", s->name,
                                                    s->max_persons);

          planner_row (self->planner_grid, row++, sname, s->desks_existing, s->desks_needed,
                       s->rooms_existing, s->rooms_needed, s->rooms_freeable, s->rooms_missing);
        }
      g_ptr_array_add (labels, b->building_name);
      g_array_append_vals (values, v, 4);
    }
  g_ptr_array_add (labels, NULL);
  platz_bar_chart_set_data (self->planner_chart, buildings->len,
                            (const char * const *) labels->pdata, (double *) values->data);
}

void
platz_facility_page_load_reports (PlatzFacilityPage *self)
{
  g_autofree char *from = platz_ui_today (-(UTILISATION_DAYS - 1));
  g_autofree char *to = platz_ui_today (0);

  if (self->site_id == 0)
    return;
  platz_facility_page_busy (self, TRUE);
  platz_api_utilisation_async (self->api, from, to, self->site_id, self->cancellable,
                               on_utilisation_cb, self);
  platz_facility_page_busy (self, TRUE);
  platz_api_occupancy_plan_async (self->api, self->site_id, self->cancellable,
                                  on_planner_cb, self);
}

/* ------------------------------------------------------------------ */
/* Standards                                                           */
/* ------------------------------------------------------------------ */

static GtkWidget *
create_standard_row (gpointer item,
                     gpointer user_data)
{
  PlatzStandard *standard = platz_record_get_data (item);
  g_autoptr(GString) functions = g_string_new (NULL);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  for (guint i = 0; standard->eligible_functions != NULL
       && standard->eligible_functions[i] != NULL; i++)
    {
      const char *f = standard->eligible_functions[i];

      if (functions->len > 0)
        g_string_append (functions, ", ");
      g_string_append (functions, g_str_equal (f, "head") ? _("heads of office/section")
                                  : g_str_equal (f, "staff") ? _("staff (case work)") : f);
    }
  subtitle = g_strdup_printf (g_dngettext (NULL,
                                           "At most %" PRId64 " person, at least %.1f m² "
                                           "each, for %s",
                                           "At most %" PRId64 " persons, at least %.1f m² "
                                           "each, for %s",
                                           standard->max_persons),
                              standard->max_persons, standard->min_area_per_person_m2,
                              functions->str);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), standard->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
on_standards_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PlatzFacilityPage *self = user_data;
  g_autoptr(GListModel) standards = NULL;
  g_autoptr(GError) error = NULL;

  standards = platz_api_list_finish (PLATZ_API (source), result, &error);
  if (!platz_facility_page_done (self, error))
    return;
  gtk_list_box_bind_model (self->standards_list, standards, create_standard_row, NULL, NULL);
}

void
platz_facility_page_load_standards (PlatzFacilityPage *self)
{
  platz_facility_page_busy (self, TRUE);
  platz_api_list_standards_async (self->api, self->cancellable, on_standards_cb, self);
}

static void
on_standard_created_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(PlatzFacilityPage) self = user_data;
  g_autoptr(PlatzRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  record = platz_api_record_finish (PLATZ_API (source), result, &error);
  if (!platz_facility_page_done (self, error))
    return;
  /* Only now clear the form: a refused request keeps what was typed. */
  gtk_editable_set_text (GTK_EDITABLE (self->standard_name_row), "");
  platz_ui_toast (GTK_WIDGET (self), _("Occupancy standard added."));
  platz_facility_page_load_standards (self);
}

void
platz_facility_page_add_standard (PlatzFacilityPage *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->standard_name_row));
  const char *functions[3] = { NULL };
  guint n_functions = 0;
  PlatzStandard standard = { 0 };

  if (*name == '\0')
    {
      platz_ui_toast (GTK_WIDGET (self), _("Please give the standard a name."));
      return;
    }
  if (gtk_check_button_get_active (self->standard_head_check))
    functions[n_functions++] = "head";
  if (gtk_check_button_get_active (self->standard_staff_check))
    functions[n_functions++] = "staff";
  if (n_functions == 0)
    {
      platz_ui_toast (GTK_WIDGET (self), _("Please choose who may work under the standard."));
      return;
    }
  standard.name = (char *) name;
  standard.max_persons = gtk_spin_button_get_value_as_int (self->standard_max_spin);
  standard.min_area_per_person_m2 = gtk_spin_button_get_value (self->standard_area_spin);
  standard.eligible_functions = (char **) functions;
  platz_facility_page_busy (self, TRUE);
  platz_api_create_async (self->api, &platz_standard_type, &standard, NULL,
                          on_standard_created_cb, g_object_ref (self));
}
