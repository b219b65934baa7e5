/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-day-view"

#include "config.h"

#include <glib/gi18n.h>

#include "platz-date.h"
#include "platz-legend.h"
#include "platz-team-members.h"
#include "platz-ui.h"
#include "platz-day-view-private.h"
#include "platz-desk-dialog.h"

G_DEFINE_FINAL_TYPE (PlatzDayView, platz_day_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_BOOKINGS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const filter_tags[] = {
  "height_adjustable", "docking_station", "dual_monitor", "ergonomic_chair",
  "quiet_zone", "window",
};

static void load_sites         (PlatzDayView *self);

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

void
platz_day_view_busy_push (PlatzDayView *self)
{
  if (self->pending++ == 0)
    gtk_spinner_start (self->spinner);
}

void
platz_day_view_busy_pop (PlatzDayView *self)
{
  /* A reload forgets cancelled loads, so a late answer may find 0. */
  if (self->pending > 0 && --self->pending == 0)
    gtk_spinner_stop (self->spinner);
}

/* A load has answered: FALSE when it was cancelled (the view may be
 * gone, so nothing is touched), else it is counted done. */
static gboolean
load_ended (PlatzDayView *self,
            const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  platz_day_view_busy_pop (self);
  return TRUE;
}

/* The answer of a list load: NULL when it was cancelled (the view may
 * be gone, so nothing is touched) or failed (the error is shown). */
static GListModel *
finish_list (PlatzDayView *self,
             GObject      *source,
             GAsyncResult *result)
{
  g_autoptr(GError) error = NULL;
  GListModel *list;

  list = platz_api_list_finish (PLATZ_API (source), result, &error);
  if (!load_ended (self, error))
    return NULL;
  if (list == NULL)
    platz_ui_error (GTK_WIDGET (self), error);
  return list;
}

static gint64
selected_id (GtkDropDown *dropdown)
{
  PlatzRecord *record = gtk_drop_down_get_selected_item (dropdown);

  return record != NULL ? platz_record_get_id (record) : 0;
}

/* Replaces the dropdown's items and selects want (or the first). */
static guint
fill_dropdown (PlatzDayView *self,
               GtkDropDown  *dropdown,
               GListStore   *store,
               GListModel   *items,
               gint64        want)
{
  guint n = g_list_model_get_n_items (items);
  guint position = 0;

  self->populating = TRUE;
  g_list_store_remove_all (store);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlatzRecord) record = g_list_model_get_item (items, i);

      g_list_store_append (store, record);
      if (platz_record_get_id (record) == want)
        position = i;
    }
  gtk_drop_down_set_selected (dropdown, n > 0 ? position : GTK_INVALID_LIST_POSITION);
  gtk_widget_set_sensitive (GTK_WIDGET (dropdown), n > 1);
  self->populating = FALSE;
  return n;
}

static void
update_date_widgets (PlatzDayView *self)
{
  g_autofree char *label = platz_ui_format_date (self->date);
  g_autofree char *today = platz_ui_today (0);
  g_autofree char *last = platz_ui_today ((int) self->window_days);
  GDate date;

  gtk_menu_button_set_label (self->date_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->prev_button), g_strcmp0 (self->date, today) > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), g_strcmp0 (self->date, last) < 0);
  if (platz_date_parse (self->date, &date))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&date),
                                                       g_date_get_month (&date),
                                                       g_date_get_day (&date), 12, 0, 0);
      g_signal_handlers_block_matched (self->calendar, G_SIGNAL_MATCH_DATA, 0, 0,
                                       NULL, NULL, self);
      gtk_calendar_select_day (self->calendar, dt);
      g_signal_handlers_unblock_matched (self->calendar, G_SIGNAL_MATCH_DATA, 0, 0,
                                         NULL, NULL, self);
    }
}

static char **
current_filter (PlatzDayView *self,
                gboolean     *accessible)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **tags;

  for (guint i = 0; i < self->filter_checks->len; i++)
    if (gtk_check_button_get_active (self->filter_checks->pdata[i]))
      g_strv_builder_add (builder, filter_tags[i]);
  *accessible = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->accessible_check));
  tags = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return tags;
}

static void
rebuild_list (PlatzDayView *self)
{
  PlatzFloorData *data = platz_floor_plan_get_floor (self->floor_plan);
  g_auto(GStrv) tags = NULL;
  gboolean accessible;

  g_list_store_remove_all (self->desk_rows);
  if (data == NULL)
    return;
  tags = current_filter (self, &accessible);
  for (guint i = 0; i < data->desks->len; i++)
    {
      const PlatzDesk *desk = data->desks->pdata[i];
      PlatzRoom *room = platz_floor_data_find_room (data, desk->room_id);
      g_autoptr(PlatzRecord) row = NULL;
      g_autofree char *equipment = platz_equipment_describe (desk->equipment);
      g_autofree char *state = platz_floor_plan_describe_desk_day (self->floor_plan, desk->id);

      if (!platz_desk_matches_filter (desk, tags, accessible))
        continue;
      row = platz_record_new (&platz_desk_type, platz_object_copy (&platz_desk_type, desk));
      platz_record_set_extra (row, "room_name", room != NULL ? room->name : "");
      platz_record_set_extra (row, "state", state);
      platz_record_set_extra (row, "equipment", equipment);
      g_list_store_append (self->desk_rows, row);
    }
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */
/* ------------------------------------------------------------------ */

static void
on_availability_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  PlatzDayView *self = user_data;
  g_autoptr(PlatzAvailability) avail = NULL;
  g_autoptr(GError) error = NULL;

  avail = platz_api_get_availability_finish (PLATZ_API (source), result, &error);
  if (!load_ended (self, error))
    return;
  if (avail == NULL)
    platz_ui_error (GTK_WIDGET (self), error);
  g_clear_pointer (&self->avail, platz_availability_unref);
  self->avail = avail != NULL ? platz_availability_ref (avail) : NULL;
  platz_floor_plan_set_availability (self->floor_plan, avail);
  rebuild_list (self);

  if (self->want_desk != 0)
    {
      gint64 desk = self->want_desk;

      self->want_desk = 0;
      platz_desk_dialog_open (self, desk);
    }
}

void
platz_day_view_load_availability (PlatzDayView *self)
{
  if (self->floor_id == 0 || self->api == NULL)
    return;
  platz_day_view_busy_push (self);
  platz_api_get_availability_async (self->api, self->floor_id, self->date,
                                    self->floor_cancellable, on_availability_cb, self);
}

static void
decode_texture_thread (GTask        *task,
                       gpointer      source,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;

  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, &error)
      || !gdk_pixbuf_loader_close (loader, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "No image");
      return;
    }
  g_task_return_pointer (task, gdk_texture_new_for_pixbuf (pixbuf), g_object_unref);
}

static void
on_texture_decoded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  PlatzDayView *self = PLATZ_DAY_VIEW (source);
  g_autoptr(GdkTexture) texture = NULL;

  texture = g_task_propagate_pointer (G_TASK (result), NULL);
  if (texture != NULL)
    platz_floor_plan_set_background (self->floor_plan, texture);
}

static void
on_plan_image_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PlatzDayView *self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  bytes = platz_api_get_plan_finish (PLATZ_API (source), result, &error);
  if (!load_ended (self, error))
    return;
  if (bytes == NULL)
    return;
  /* Decoding a large plan takes a while: not on the main loop. */
  task = g_task_new (self, self->floor_cancellable, on_texture_decoded_cb, NULL);
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, decode_texture_thread);
}

static void
on_floor_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PlatzDayView *self = user_data;
  g_autoptr(PlatzFloorData) data = NULL;
  g_autoptr(GError) error = NULL;

  data = platz_api_get_floor_finish (PLATZ_API (source), result, &error);
  if (!load_ended (self, error))
    return;
  if (data == NULL)
    {
      platz_ui_error (GTK_WIDGET (self), error);
      return;
    }
  platz_floor_plan_set_floor (self->floor_plan, data);
  if (self->avail != NULL && self->avail->floor_id == data->floor->id)
    platz_floor_plan_set_availability (self->floor_plan, self->avail);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "empty") == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "plan");
  rebuild_list (self);
  if (data->floor->has_plan)
    {
      platz_day_view_busy_push (self);
      platz_api_get_plan_async (self->api, data->floor->id, self->floor_cancellable,
                                on_plan_image_cb, self);
    }
  platz_day_view_load_availability (self);
}

static void
load_floor (PlatzDayView *self,
            gint64        floor_id)
{
  platz_ui_renew_cancellable (&self->floor_cancellable);
  /* Cancelled loads never call back: forget what they were counting. */
  self->pending = 0;
  gtk_spinner_stop (self->spinner);

  self->floor_id = floor_id;
  if (floor_id == 0)
    {
      platz_floor_plan_set_floor (self->floor_plan, NULL);
      g_list_store_remove_all (self->desk_rows);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }
  if (self->settings != NULL)
    g_settings_set_int64 (self->settings, "last-floor", floor_id);
  platz_day_view_busy_push (self);
  platz_api_get_floor_async (self->api, floor_id, self->floor_cancellable, on_floor_cb, self);
}

static void
on_floors_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  PlatzDayView *self = user_data;
  g_autoptr(GListModel) floors = finish_list (self, source, result);

  if (floors == NULL)
    return;
  fill_dropdown (self, self->floor_dropdown, self->floors, floors, self->want_floor);
  self->want_floor = 0;
  load_floor (self, selected_id (self->floor_dropdown));
}

static void
on_buildings_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PlatzDayView *self = user_data;
  g_autoptr(GListModel) buildings = finish_list (self, source, result);

  if (buildings == NULL)
    return;
  fill_dropdown (self, self->building_dropdown, self->buildings, buildings, self->want_building);
  self->want_building = 0;
  if (g_list_model_get_n_items (buildings) == 0)
    {
      g_list_store_remove_all (self->floors);
      load_floor (self, 0);
      return;
    }
  platz_day_view_busy_push (self);
  platz_api_list_floors_async (self->api, selected_id (self->building_dropdown),
                               self->cancellable, on_floors_cb, self);
}

static void
on_policies_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PlatzDayView *self = user_data;
  PlatzPolicies *policies;

  policies = platz_api_get_policies_finish (PLATZ_API (source), result, NULL);
  if (policies == NULL)
    return;
  self->window_days = policies->booking_window_days;
  platz_object_free (&platz_policies_type, policies);
  update_date_widgets (self);
}

static void
load_buildings (PlatzDayView *self)
{
  gint64 site_id = selected_id (self->site_dropdown);

  if (site_id == 0)
    {
      load_floor (self, 0);
      return;
    }
  platz_api_get_policies_async (self->api, site_id, self->cancellable, on_policies_cb, self);
  platz_day_view_busy_push (self);
  platz_api_list_buildings_async (self->api, site_id, self->cancellable,
                                  on_buildings_cb, self);
}

static void
on_sites_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PlatzDayView *self = user_data;
  g_autoptr(GListModel) sites = finish_list (self, source, result);

  if (sites == NULL)
    return;
  fill_dropdown (self, self->site_dropdown, self->sites, sites, self->want_site);
  self->want_site = 0;
  load_buildings (self);
}

static void
load_sites (PlatzDayView *self)
{
  platz_day_view_busy_push (self);
  platz_api_list_sites_async (self->api, self->cancellable, on_sites_cb, self);
}

/* The floor remembered (or asked for) tells which site and building to
 * pick first. */
static void
on_wanted_floor_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  PlatzDayView *self = user_data;
  g_autoptr(PlatzFloorData) data = NULL;
  g_autoptr(GError) error = NULL;

  data = platz_api_get_floor_finish (PLATZ_API (source), result, &error);
  if (!load_ended (self, error))
    return;
  if (data != NULL)
    {
      self->want_site = data->site_id;
      self->want_building = data->floor->building_id;
      self->want_floor = data->floor->id;
    }
  load_sites (self);
}

static void
go_to_floor (PlatzDayView *self,
             gint64        floor_id)
{
  platz_ui_renew_cancellable (&self->cancellable);
  self->pending = 0;
  if (floor_id > 0)
    {
      platz_day_view_busy_push (self);
      platz_api_get_floor_async (self->api, floor_id, self->cancellable,
                                 on_wanted_floor_cb, self);
    }
  else
    load_sites (self);
}

void
platz_day_view_bookings_changed (PlatzDayView *self)
{
  g_signal_emit (self, signals[SIGNAL_BOOKINGS_CHANGED], 0);
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
on_site_selected_cb (PlatzDayView *self)
{
  if (self->populating || self->api == NULL)
    return;
  load_buildings (self);
}

static void
on_building_selected_cb (PlatzDayView *self)
{
  if (self->populating || self->api == NULL)
    return;
  platz_day_view_busy_push (self);
  platz_api_list_floors_async (self->api, selected_id (self->building_dropdown),
                               self->cancellable, on_floors_cb, self);
}

static void
on_floor_selected_cb (PlatzDayView *self)
{
  if (self->populating || self->api == NULL)
    return;
  load_floor (self, selected_id (self->floor_dropdown));
}

static void
shift_date (PlatzDayView *self,
            int           days)
{
  GDate date;

  if (!platz_date_parse (self->date, &date))
    return;
  if (days > 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  g_autofree char *iso = platz_date_format (&date);
  platz_day_view_set_date (self, iso);
}

static void
on_prev_clicked_cb (PlatzDayView *self)
{
  shift_date (self, -1);
}

static void
on_next_clicked_cb (PlatzDayView *self)
{
  shift_date (self, 1);
}

static void
on_today_clicked_cb (PlatzDayView *self)
{
  g_autofree char *today = platz_ui_today (0);

  platz_day_view_set_date (self, today);
}

static void
on_calendar_day_selected_cb (PlatzDayView *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->calendar);
  g_autofree char *iso = g_date_time_format (dt, "%Y-%m-%d");

  gtk_menu_button_popdown (self->date_button);
  platz_day_view_set_date (self, iso);
}

static void
on_floor_plan_desk_activated_cb (PlatzDayView *self,
                                 gint64        desk_id)
{
  platz_desk_dialog_open (self, desk_id);
}

static void
on_zoom_in_clicked_cb (PlatzDayView *self)
{
  platz_floor_plan_zoom (self->floor_plan, 1.25);
}

static void
on_zoom_out_clicked_cb (PlatzDayView *self)
{
  platz_floor_plan_zoom (self->floor_plan, 1 / 1.25);
}

static void
on_zoom_reset_clicked_cb (PlatzDayView *self)
{
  platz_floor_plan_reset_view (self->floor_plan);
}

/* An active filter shows on the closed button: its count in the label,
 * the accent colour, and which ones in the accessible description. */
static void
update_filter_button (PlatzDayView *self,
                      char * const *tags,
                      gboolean      accessible)
{
  GtkWidget *button = GTK_WIDGET (self->filter_button);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *label = NULL;
  g_autofree char *list = NULL;
  g_autofree char *description = NULL;
  guint n;

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer) platz_equipment_label (tags[i]));
  if (accessible)
    g_ptr_array_add (names, _("Barrier-free access"));
  n = names->len;
  g_ptr_array_add (names, NULL);
  if (n == 0)
    {
      gtk_menu_button_set_label (self->filter_button, _("_Filters"));
      gtk_widget_remove_css_class (button, "accent");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (button),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  /* TRANSLATORS: the Filters button with the number of active filters */
  label = g_strdup_printf (_("_Filters (%u)"), n);
  list = g_strjoinv (", ", (char **) names->pdata);
  description = g_strdup_printf (ngettext ("%u filter active: %s", "%u filters active: %s", n),
                                 n, list);
  gtk_menu_button_set_label (self->filter_button, label);
  gtk_widget_add_css_class (button, "accent");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void
on_filter_toggled_cb (PlatzDayView *self)
{
  g_auto(GStrv) tags = NULL;
  gboolean accessible;

  tags = current_filter (self, &accessible);
  platz_floor_plan_set_filter (self->floor_plan, tags, accessible);
  update_filter_button (self, tags, accessible);
  rebuild_list (self);
}

static void
on_column_view_activate_cb (GtkColumnView *view,
                            guint          position,
                            PlatzDayView  *self)
{
  g_autoptr(PlatzRecord) record = g_list_model_get_item (
    G_LIST_MODEL (gtk_column_view_get_model (view)), position);

  if (record != NULL)
    platz_desk_dialog_open (self, platz_record_get_id (record));
}

/* List columns: each shows one extra (or the title) of the row. */
static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static const char *
row_value (PlatzRecord *record,
           const char  *key)
{
  if (g_str_equal (key, "name"))
    return platz_record_get_title (record);
  return platz_record_get_extra (record, key);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  PlatzRecord *record = gtk_list_item_get_item (item);
  const char *value = row_value (record, user_data);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), value != NULL ? value : "");
}

static char *
sort_key (PlatzRecord *record,
          const char  *key)
{
  return g_strdup (row_value (record, key));
}

static void
add_column (PlatzDayView *self,
            const char   *title,
            const char   *key,
            gboolean      expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  GtkExpression *expression;
  GtkSorter *sorter;

  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), (gpointer) key);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (sort_key), (gpointer) key, NULL);
  sorter = GTK_SORTER (gtk_string_sorter_new (expression));
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
build_list (PlatzDayView *self)
{
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->desk_rows)), NULL);
  gtk_sort_list_model_set_sorter (sorted, gtk_column_view_get_sorter (self->column_view));
  selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_column_view_set_single_click_activate (self->column_view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  add_column (self, _("Desk"), "name", FALSE);
  add_column (self, _("Room"), "room_name", FALSE);
  add_column (self, _("State"), "state", FALSE);
  add_column (self, _("Equipment"), "equipment", TRUE);
  g_signal_connect (self->column_view, "activate", G_CALLBACK (on_column_view_activate_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Desks on this floor"), -1);
  gtk_scrolled_window_set_child (self->list_scroller, GTK_WIDGET (self->column_view));
}

static void
build_filters (PlatzDayView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (filter_tags); i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (platz_equipment_label (filter_tags[i]));

      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_filter_toggled_cb), self);
      gtk_box_append (self->filter_box, check);
      g_ptr_array_add (self->filter_checks, check);
    }
  self->accessible_check = gtk_check_button_new_with_label (_("Barrier-free access"));
  g_signal_connect_swapped (self->accessible_check, "toggled",
                            G_CALLBACK (on_filter_toggled_cb), self);
  gtk_box_append (self->filter_box, self->accessible_check);
}

static void
setup_dropdown (GtkDropDown *dropdown,
                GListStore  *store)
{
  GtkExpression *expression = gtk_property_expression_new (PLATZ_TYPE_RECORD, NULL, "title");

  gtk_drop_down_set_expression (dropdown, expression);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (store));
  gtk_expression_unref (expression);
}

/* ------------------------------------------------------------------ */
/* GObject overrides                                                   */
/* ------------------------------------------------------------------ */

static void
platz_day_view_dispose (GObject *object)
{
  PlatzDayView *self = PLATZ_DAY_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->floor_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->floor_cancellable);
  platz_desk_dialog_close (self);
  g_clear_object (&self->book_for_model);
  g_clear_object (&self->book_for_self);
  g_clear_object (&self->team_members);
  g_clear_object (&self->api);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->avail, platz_availability_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLATZ_TYPE_DAY_VIEW);
  platz_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->sites);
  g_clear_object (&self->buildings);
  g_clear_object (&self->floors);
  g_clear_object (&self->desk_rows);
  g_clear_pointer (&self->filter_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (platz_day_view_parent_class)->dispose (object);
}

static void
platz_day_view_finalize (GObject *object)
{
  PlatzDayView *self = PLATZ_DAY_VIEW (object);

  g_free (self->date);
  G_OBJECT_CLASS (platz_day_view_parent_class)->finalize (object);
}

static void
platz_day_view_class_init (PlatzDayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = platz_day_view_dispose;
  object_class->finalize = platz_day_view_finalize;

  signals[SIGNAL_BOOKINGS_CHANGED] =
    g_signal_new ("bookings-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (PLATZ_TYPE_FLOOR_PLAN);
  g_type_ensure (PLATZ_TYPE_LEGEND);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/platz/Platz/platz-day-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PlatzDayView, site_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlatzDayView, building_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlatzDayView, floor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlatzDayView, date_button);
  gtk_widget_class_bind_template_child (widget_class, PlatzDayView, calendar);
  gtk_widget_class_bind_template_child (widget_class, PlatzDayView, prev_button);
  gtk_widget_class_bind_template_child (widget_class, PlatzDayView, next_button);
  gtk_widget_class_bind_template_child (widget_class, PlatzDayView, spinner);
  gtk_widget_class_bind_template_child (widget_class, PlatzDayView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, PlatzDayView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, PlatzDayView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PlatzDayView, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, PlatzDayView, floor_plan);
  gtk_widget_class_bind_template_callback (widget_class, on_prev_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_today_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_floor_plan_desk_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_out_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_reset_clicked_cb);
}

static void
platz_day_view_init (PlatzDayView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->floor_cancellable = g_cancellable_new ();
  self->sites = g_list_store_new (PLATZ_TYPE_RECORD);
  self->buildings = g_list_store_new (PLATZ_TYPE_RECORD);
  self->floors = g_list_store_new (PLATZ_TYPE_RECORD);
  self->desk_rows = g_list_store_new (PLATZ_TYPE_RECORD);
  self->filter_checks = g_ptr_array_new ();
  self->window_days = 14;
  self->date = platz_ui_today (0);
  self->book_for_self = platz_desk_dialog_new_myself_store ();

  setup_dropdown (self->site_dropdown, self->sites);
  setup_dropdown (self->building_dropdown, self->buildings);
  setup_dropdown (self->floor_dropdown, self->floors);
  g_signal_connect_swapped (self->site_dropdown, "notify::selected",
                            G_CALLBACK (on_site_selected_cb), self);
  g_signal_connect_swapped (self->building_dropdown, "notify::selected",
                            G_CALLBACK (on_building_selected_cb), self);
  g_signal_connect_swapped (self->floor_dropdown, "notify::selected",
                            G_CALLBACK (on_floor_selected_cb), self);
  build_filters (self);
  build_list (self);
  update_date_widgets (self);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

void
platz_day_view_set_api (PlatzDayView *self,
                        PlatzApi     *api,
                        GSettings    *settings)
{
  g_return_if_fail (PLATZ_IS_DAY_VIEW (self));

  g_set_object (&self->api, api);
  g_set_object (&self->settings, settings);
  if (self->team_members == NULL || platz_team_members_get_api (self->team_members) != api)
    {
      g_clear_object (&self->book_for_model);
      g_clear_object (&self->team_members);
      if (api != NULL)
        {
          GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);

          /* Loaded once per signed-in user and kept while they stay. */
          self->team_members = platz_team_members_new (api);
          g_list_store_append (parts, self->book_for_self);
          g_list_store_append (parts, platz_team_members_get_model (self->team_members));
          self->book_for_model = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
        }
    }
  if (self->team_members != NULL)
    platz_team_members_load (self->team_members);
  go_to_floor (self, settings != NULL ? g_settings_get_int64 (settings, "last-floor") : 0);
}

void
platz_day_view_reload (PlatzDayView *self)
{
  g_return_if_fail (PLATZ_IS_DAY_VIEW (self));

  if (self->api == NULL)
    return;
  if (self->floor_id != 0)
    load_floor (self, self->floor_id);
  else
    go_to_floor (self, 0);
}

void
platz_day_view_show_desk (PlatzDayView *self,
                          gint64        floor_id,
                          gint64        desk_id)
{
  g_return_if_fail (PLATZ_IS_DAY_VIEW (self));

  self->want_desk = desk_id;
  if (floor_id == self->floor_id)
    platz_day_view_load_availability (self);
  else
    go_to_floor (self, floor_id);
}

void
platz_day_view_set_date (PlatzDayView *self,
                         const char   *iso_date)
{
  GDate date;

  g_return_if_fail (PLATZ_IS_DAY_VIEW (self));

  if (!platz_date_parse (iso_date, &date) || g_strcmp0 (iso_date, self->date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (iso_date);
  update_date_widgets (self);
  g_clear_pointer (&self->avail, platz_availability_unref);
  platz_floor_plan_set_availability (self->floor_plan, NULL);
  platz_day_view_load_availability (self);
}

const char *
platz_day_view_get_date (PlatzDayView *self)
{
  g_return_val_if_fail (PLATZ_IS_DAY_VIEW (self), NULL);
  return self->date;
}

PlatzFloorPlan *
platz_day_view_get_floor_plan (PlatzDayView *self)
{
  g_return_val_if_fail (PLATZ_IS_DAY_VIEW (self), NULL);
  return self->floor_plan;
}

AdwMessageDialog *
platz_day_view_get_desk_dialog (PlatzDayView *self)
{
  g_return_val_if_fail (PLATZ_IS_DAY_VIEW (self), NULL);
  return self->desk_dialog;
}

AdwComboRow *
platz_day_view_get_book_for_row (PlatzDayView *self)
{
  g_return_val_if_fail (PLATZ_IS_DAY_VIEW (self), NULL);
  return self->book_for_row;
}

void
platz_day_view_activate_desk (PlatzDayView *self,
                              gint64        desk_id)
{
  GtkWidget *spot;

  g_return_if_fail (PLATZ_IS_DAY_VIEW (self));

  spot = platz_floor_plan_get_desk_spot (self->floor_plan, desk_id);
  if (spot != NULL)
    gtk_widget_activate (spot);
}

gboolean
platz_day_view_is_loading (PlatzDayView *self)
{
  g_return_val_if_fail (PLATZ_IS_DAY_VIEW (self), FALSE);
  return self->pending > 0;
}

GListModel *
platz_day_view_get_desk_list (PlatzDayView *self)
{
  g_return_val_if_fail (PLATZ_IS_DAY_VIEW (self), NULL);
  return G_LIST_MODEL (self->desk_rows);
}

void
platz_day_view_set_filter (PlatzDayView *self,
                           const char   *equipment,
                           gboolean      accessible)
{
  g_return_if_fail (PLATZ_IS_DAY_VIEW (self));

  for (guint i = 0; i < self->filter_checks->len; i++)
    gtk_check_button_set_active (self->filter_checks->pdata[i],
                                 g_strcmp0 (filter_tags[i], equipment) == 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->accessible_check), accessible);
}
