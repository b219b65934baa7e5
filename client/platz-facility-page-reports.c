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

      /* "05-04" is enough under a bar. */
      g_ptr_array_add (labels, g_strdup (day->date + 5));
      g_array_append_vals (values, v, 3);
      booked += day->booked_half_days;
      limit += day->limit;
      no_shows += day->no_shows;
    }
  g_ptr_array_add (labels, NULL);
  platz_bar_chart_set_data (self->utilisation_chart, days->len,
                            (const char * const *) labels->pdata, (double *) values->data);
  summary = g_strdup_printf (_("Last %d days on this floor: %" PRId64
                               " of %" PRId64 " half-days booked (%.0f %%), %"
                               PRId64 " no-shows."),
                             UTILISATION_DAYS, booked, limit,
                             limit > 0 ? 100.0 * booked / limit : 0.0, no_shows);
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

static void
grid_numbers (GtkGrid    *grid,
              int         row,
              const char *name,
              gint64      a,
              gint64      b,
              gint64      c,
              gint64      d,
              gint64      e)
{
  const gint64 numbers[] = { a, b, c, d, e };

  grid_text (grid, name, 0, row, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, numbers[i]);

      grid_text (grid, text, i + 1, row, FALSE);
    }
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
    N_("Rooms needed"), N_("Rooms to free"),
  };
  GtkWidget *child;
  int row = 1;

  buildings = platz_api_report_finish (PLATZ_API (source), result, &error);
  if (!platz_facility_page_done (self, error))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->planner_grid))) != NULL)
    gtk_grid_remove (self->planner_grid, child);
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    grid_text (self->planner_grid, _(headings[i]), i, 0, TRUE);

  self->n_planner_rows = 0;
  for (guint i = 0; i < buildings->len; i++)
    {
      PlatzPlannerBuilding *b = buildings->pdata[i];
      double v[4] = { b->desks_existing, b->desks_needed, b->rooms_existing, b->rooms_needed };
      g_autofree char *name = g_strdup_printf ("%s (%" G_GINT64_FORMAT " heads, %"
                                               G_GINT64_FORMAT " staff)",
                                               b->building_name, b->users_head, b->users_staff);

      grid_numbers (self->planner_grid, row++, name, b->desks_existing, b->desks_needed,
                    b->rooms_existing, b->rooms_needed, b->rooms_freeable);
      self->n_planner_rows++;
      for (guint j = 0; j < b->standards->len; j++)
        {
          PlatzPlannerStandard *s = b->standards->pdata[j];
          g_autofree char *sname = g_strdup_printf ("    %s (≤ %" G_GINT64_FORMAT ")", s->name,
                                                    s->max_persons);

          grid_numbers (self->planner_grid, row++, sname, s->desks_existing, s->desks_needed,
                        s->rooms_existing, s->rooms_needed, s->rooms_freeable);
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
  g_autofree char *functions = standard->eligible_functions != NULL
                               ? g_strjoinv (", ", standard->eligible_functions) : g_strdup ("");
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  subtitle = g_strdup_printf (_("At most %" PRId64 " persons, at least %.1f m² each, "
                                "for %s"),
                              standard->max_persons, standard->min_area_per_person_m2,
                              functions);
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
  g_auto(GStrv) functions = platz_facility_page_split_tags (gtk_editable_get_text (
    GTK_EDITABLE (self->standard_functions_row)));
  PlatzStandard standard = { 0 };

  if (*name == '\0')
    {
      platz_ui_toast (GTK_WIDGET (self), _("Please give the standard a name."));
      return;
    }
  standard.name = (char *) name;
  standard.max_persons = gtk_spin_button_get_value_as_int (self->standard_max_spin);
  standard.min_area_per_person_m2 = gtk_spin_button_get_value (self->standard_area_spin);
  standard.eligible_functions = functions;
  platz_facility_page_busy (self, TRUE);
  platz_api_create_async (self->api, &platz_standard_type, &standard, NULL,
                          on_standard_created_cb, g_object_ref (self));
}
