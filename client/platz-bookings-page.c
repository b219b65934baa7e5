/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-bookings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "platz-date.h"
#include "platz-ui.h"
#include "platz-bookings-page.h"

#define PAST_DAYS 30
#define AHEAD_DAYS 190

struct _PlatzBookingsPage
{
  GtkWidget     parent_instance;

  PlatzApi     *api;
  GCancellable *cancellable;
  GListStore   *upcoming;
  GListStore   *past;
  guint         pending;
  GHashTable   *building_sites;  /* building id -> site id */
  GHashTable   *deadlines;       /* site id -> its check-in deadline, "HH:MM" */
  guint         sites_pending;
  gboolean      sites_known;     /* the two above, read for the signed-in user */

  GtkSpinner   *spinner;
  GtkLabel     *empty_label;
  GtkListBox   *upcoming_list;
  GtkListBox   *past_list;
};

G_DEFINE_FINAL_TYPE (PlatzBookingsPage, platz_bookings_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SHOW_DESK,
  SIGNAL_BOOKINGS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

static void
set_loading (PlatzBookingsPage *self,
             gboolean           loading)
{
  platz_ui_busy (self->spinner, &self->pending, loading);
}

static int
compare_bookings (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  PlatzBooking *ba = platz_record_get_data ((PlatzRecord *) a);
  PlatzBooking *bb = platz_record_get_data ((PlatzRecord *) b);
  int order = g_strcmp0 (ba->date, bb->date);

  if (order == 0)
    order = g_strcmp0 (ba->slot, bb->slot);
  /* Past bookings: newest first. */
  return GPOINTER_TO_INT (user_data) ? -order : order;
}

static void
update_empty (PlatzBookingsPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label),
                          g_list_model_get_n_items (G_LIST_MODEL (self->upcoming)) == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->upcoming_list),
                          g_list_model_get_n_items (G_LIST_MODEL (self->upcoming)) > 0);
}

/* Groups rows by date with a header naming the day. */
static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  PlatzRecord *record = g_object_get_data (G_OBJECT (row), "record");
  PlatzRecord *previous = before != NULL ? g_object_get_data (G_OBJECT (before), "record")
                                         : NULL;
  PlatzBooking *booking = platz_record_get_data (record);
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (previous != NULL
      && g_strcmp0 (((PlatzBooking *) platz_record_get_data (previous))->date, booking->date) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  text = platz_ui_format_date (booking->date);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_list_box_row_set_header (row, label);
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

typedef struct {
  PlatzBookingsPage *self;
  PlatzRecord       *booking;
} Op;

static Op *
op_new (PlatzBookingsPage *self,
        PlatzRecord       *booking)
{
  Op *op = g_new0 (Op, 1);

  op->self = g_object_ref (self);
  op->booking = g_object_ref (booking);
  return op;
}

static void
op_free (Op *op)
{
  g_object_unref (op->self);
  g_object_unref (op->booking);
  g_free (op);
}

static void
op_closure_free (gpointer  data,
                 GClosure *closure)
{
  op_free (data);
}

static void
on_rebooked_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PlatzBookingsPage) self = user_data;
  g_autoptr(PlatzRecord) booking = NULL;
  g_autoptr(GError) error = NULL;

  booking = platz_api_record_finish (PLATZ_API (source), result, &error);
  set_loading (self, FALSE);
  if (booking == NULL)
    {
      platz_ui_error (GTK_WIDGET (self), error);
      return;
    }
  platz_ui_toast (GTK_WIDGET (self), _("Booking restored."));
  platz_bookings_page_reload (self);
  g_signal_emit (self, signals[SIGNAL_BOOKINGS_CHANGED], 0);
}

static void
on_undo_clicked_cb (AdwToast *toast,
                    gpointer  user_data)
{
  Op *op = user_data;
  PlatzBooking *booking = platz_record_get_data (op->booking);

  set_loading (op->self, TRUE);
  platz_api_book_desk_async (op->self->api, booking->desk_id, booking->date, booking->slot, 0,
                             NULL, on_rebooked_cb, g_object_ref (op->self));
}

static void
on_cancelled_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Op *op = user_data;
  PlatzBookingsPage *self = op->self;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  guint position;

  set_loading (self, FALSE);
  if (!platz_api_boolean_finish (PLATZ_API (source), result, &error))
    {
      platz_ui_error (GTK_WIDGET (self), error);
      op_free (op);
      return;
    }
  if (g_list_store_find (self->upcoming, op->booking, &position))
    g_list_store_remove (self->upcoming, position);
  update_empty (self);
  g_signal_emit (self, signals[SIGNAL_BOOKINGS_CHANGED], 0);

  toast = adw_toast_new (_("Booking cancelled."));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 8);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), op,
                         op_closure_free, 0);
  platz_ui_add_toast (GTK_WIDGET (self), toast);
}

static void
on_checked_in_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Op *op = user_data;
  g_autoptr(PlatzRecord) updated = NULL;
  g_autoptr(GError) error = NULL;

  updated = platz_api_record_finish (PLATZ_API (source), result, &error);
  set_loading (op->self, FALSE);
  if (updated == NULL)
    platz_ui_error (GTK_WIDGET (op->self), error);
  else
    {
      platz_ui_toast (GTK_WIDGET (op->self), _("Checked in. Have a good day!"));
      platz_bookings_page_reload (op->self);
    }
  op_free (op);
}

static void
on_cancel_clicked_cb (GtkButton         *button,
                      PlatzBookingsPage *self)
{
  platz_bookings_page_cancel (self, g_object_get_data (G_OBJECT (button), "record"));
}

static void
on_check_in_clicked_cb (GtkButton         *button,
                        PlatzBookingsPage *self)
{
  platz_bookings_page_check_in (self, g_object_get_data (G_OBJECT (button), "record"));
}

static void
on_book_again_clicked_cb (GtkButton         *button,
                          PlatzBookingsPage *self)
{
  PlatzRecord *record = g_object_get_data (G_OBJECT (button), "record");
  PlatzBooking *booking = platz_record_get_data (record);

  g_signal_emit (self, signals[SIGNAL_SHOW_DESK], 0,
                 platz_record_get_extra_int (record, "floor_id"), booking->desk_id);
}

static GtkWidget *
row_button (PlatzBookingsPage *self,
            PlatzRecord       *record,
            const char        *label,
            GCallback          callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "record", g_object_ref (record), g_object_unref);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  PlatzBookingsPage *self = user_data;
  PlatzRecord *record = item;
  PlatzBooking *booking = platz_record_get_data (record);
  g_autofree char *today = platz_ui_today (0);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *desk_name = platz_record_get_extra (record, "desk_name");
  GtkWidget *row = adw_action_row_new ();

  title = g_strdup_printf (_("Desk %s · %s"),
                           desk_name != NULL ? desk_name : "?",
                           platz_ui_slot_label (booking->slot));
  subtitle = g_strjoin (" · ",
                        platz_record_get_extra (record, "building_name") ?: "",
                        platz_record_get_extra (record, "floor_name") ?: "",
                        platz_record_get_extra (record, "room_name") ?: "",
                        NULL);
  if (g_strcmp0 (booking->status, "released") == 0)
    {
      /* A no-show: say so, and by when checking in would have kept it. */
      gint64 building = platz_record_get_extra_int (record, "building_id");
      gpointer site = g_hash_table_lookup (self->building_sites, &building);
      const char *deadline = site != NULL ? g_hash_table_lookup (self->deadlines, site) : NULL;
      g_autofree char *released = deadline != NULL
        ? g_strdup_printf (_("Released — not checked in by %s"), deadline)
        : g_strdup (_("Released — not checked in"));
      g_autofree char *with = g_strdup_printf ("%s · %s", subtitle, released);

      g_free (subtitle);
      subtitle = g_steal_pointer (&with);
    }
  else if (booking->checked_in_at != NULL)
    {
      g_autofree char *with = g_strdup_printf ("%s · %s", subtitle, _("checked in"));
      g_free (subtitle);
      subtitle = g_steal_pointer (&with);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "record", g_object_ref (record), g_object_unref);

  if (g_strcmp0 (booking->date, today) >= 0 && g_strcmp0 (booking->status, "active") == 0)
    {
      if (g_strcmp0 (booking->date, today) == 0 && booking->checked_in_at == NULL)
        {
          GtkWidget *check_in = row_button (self, record, _("Check _In"),
                                            G_CALLBACK (on_check_in_clicked_cb));

          gtk_widget_add_css_class (check_in, "suggested-action");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), check_in);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, record, _("_Cancel"),
                                             G_CALLBACK (on_cancel_clicked_cb)));
    }
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               row_button (self, record, _("_Book Again"),
                                           G_CALLBACK (on_book_again_clicked_cb)));
  return row;
}

static void
on_bookings_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PlatzBookingsPage *self = user_data;
  g_autoptr(GListModel) bookings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = platz_ui_today (0);
  g_autoptr(GPtrArray) upcoming = g_ptr_array_new ();
  g_autoptr(GPtrArray) past = g_ptr_array_new ();

  bookings = platz_api_list_finish (PLATZ_API (source), result, &error);
  if (!platz_ui_busy_done (GTK_WIDGET (self), self->spinner, &self->pending, bookings != NULL,
                           error))
    return;
  for (guint i = 0; i < g_list_model_get_n_items (bookings); i++)
    {
      PlatzRecord *record = g_list_model_get_item (bookings, i);
      PlatzBooking *booking = platz_record_get_data (record);

      if (g_strcmp0 (booking->status, "cancelled") == 0)
        g_object_unref (record);
      else if (g_strcmp0 (booking->date, today) >= 0
               && g_strcmp0 (booking->status, "active") == 0)
        g_ptr_array_add (upcoming, record);
      else
        g_ptr_array_add (past, record);
    }
  g_list_store_splice (self->upcoming, 0, g_list_model_get_n_items (G_LIST_MODEL (self->upcoming)),
                       upcoming->pdata, upcoming->len);
  g_list_store_splice (self->past, 0, g_list_model_get_n_items (G_LIST_MODEL (self->past)),
                       past->pdata, past->len);
  for (guint i = 0; i < upcoming->len; i++)
    g_object_unref (upcoming->pdata[i]);
  for (guint i = 0; i < past->len; i++)
    g_object_unref (past->pdata[i]);
  g_list_store_sort (self->upcoming, compare_bookings, GINT_TO_POINTER (FALSE));
  g_list_store_sort (self->past, compare_bookings, GINT_TO_POINTER (TRUE));
  update_empty (self);
}

static void
load_bookings (PlatzBookingsPage *self)
{
  g_autofree char *from = platz_ui_today (-PAST_DAYS);
  g_autofree char *to = platz_ui_today (AHEAD_DAYS);

  set_loading (self, TRUE);
  platz_api_list_bookings_async (self->api, from, to, TRUE, self->cancellable,
                                 on_bookings_cb, self);
}

/* Each site's policies before the first list, so that a released booking
 * can name the check-in deadline of its site; the list loads either way.
 * They are read once per signed-in user (set_api), not again for every
 * reload after a booking, cancellation or check-in. */
typedef struct {
  PlatzBookingsPage *self;
  gint64             site_id;
} SiteOp;

static void
site_loaded (PlatzBookingsPage *self)
{
  if (self->sites_pending > 0 && --self->sites_pending == 0)
    {
      self->sites_known = TRUE;
      load_bookings (self);
    }
}

static void
on_site_policies_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autofree SiteOp *op = user_data;
  PlatzBookingsPage *self = op->self;
  g_autoptr(GError) error = NULL;
  PlatzPolicies *policies;
  int minutes;

  policies = platz_api_get_policies_finish (PLATZ_API (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
  if (policies != NULL && platz_time_parse (policies->check_in_deadline, &minutes))
    g_hash_table_insert (self->deadlines, g_memdup2 (&op->site_id, sizeof op->site_id),
                         g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60));
  if (policies != NULL)
    platz_object_free (&platz_policies_type, policies);
  site_loaded (self);
}

static void
on_buildings_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PlatzBookingsPage *self = user_data;
  g_autoptr(GListModel) buildings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) sites = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer site;

  buildings = platz_api_list_finish (PLATZ_API (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
  for (guint i = 0; buildings != NULL && i < g_list_model_get_n_items (buildings); i++)
    {
      g_autoptr(PlatzRecord) record = g_list_model_get_item (buildings, i);
      PlatzBuilding *building = platz_record_get_data (record);
      gint64 *site_id = g_memdup2 (&building->site_id, sizeof building->site_id);

      g_hash_table_insert (self->building_sites,
                           g_memdup2 (&building->id, sizeof building->id), site_id);
      g_hash_table_add (sites, site_id);
    }
  /* One more than the sites, so that the list loads once, after all. */
  self->sites_pending = g_hash_table_size (sites) + 1;
  g_hash_table_iter_init (&iter, sites);
  while (g_hash_table_iter_next (&iter, &site, NULL))
    {
      SiteOp *op = g_new0 (SiteOp, 1);

      op->self = self;
      op->site_id = *(gint64 *) site;
      set_loading (self, TRUE);
      platz_api_get_policies_async (self->api, op->site_id, self->cancellable,
                                    on_site_policies_cb, op);
    }
  site_loaded (self);
}

/* ------------------------------------------------------------------ */
/* GObject overrides                                                   */
/* ------------------------------------------------------------------ */

static void
platz_bookings_page_dispose (GObject *object)
{
  PlatzBookingsPage *self = PLATZ_BOOKINGS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->api);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLATZ_TYPE_BOOKINGS_PAGE);
  platz_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->upcoming);
  g_clear_object (&self->past);
  g_clear_pointer (&self->building_sites, g_hash_table_unref);
  g_clear_pointer (&self->deadlines, g_hash_table_unref);
  G_OBJECT_CLASS (platz_bookings_page_parent_class)->dispose (object);
}

static void
platz_bookings_page_class_init (PlatzBookingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = platz_bookings_page_dispose;

  /* The user wants to book a desk again: (floor_id, desk_id). */
  signals[SIGNAL_SHOW_DESK] =
    g_signal_new ("show-desk", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[SIGNAL_BOOKINGS_CHANGED] =
    g_signal_new ("bookings-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/platz/Platz/platz-bookings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlatzBookingsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PlatzBookingsPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, PlatzBookingsPage, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, PlatzBookingsPage, past_list);
}

static void
platz_bookings_page_init (PlatzBookingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->upcoming = g_list_store_new (PLATZ_TYPE_RECORD);
  self->past = g_list_store_new (PLATZ_TYPE_RECORD);
  self->building_sites = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->deadlines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gtk_list_box_bind_model (self->upcoming_list, G_LIST_MODEL (self->upcoming),
                           create_row, self, NULL);
  gtk_list_box_bind_model (self->past_list, G_LIST_MODEL (self->past), create_row, self, NULL);
  gtk_list_box_set_header_func (self->upcoming_list, header_func, NULL, NULL);
  gtk_list_box_set_header_func (self->past_list, header_func, NULL, NULL);
  update_empty (self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

void
platz_bookings_page_set_api (PlatzBookingsPage *self,
                             PlatzApi          *api)
{
  g_return_if_fail (PLATZ_IS_BOOKINGS_PAGE (self));

  g_set_object (&self->api, api);
  self->sites_known = FALSE;
  platz_bookings_page_reload (self);
}

void
platz_bookings_page_reload (PlatzBookingsPage *self)
{
  g_return_if_fail (PLATZ_IS_BOOKINGS_PAGE (self));

  if (self->api == NULL)
    return;
  platz_ui_renew_cancellable (&self->cancellable);
  self->pending = 0;
  if (self->sites_known)
    {
      load_bookings (self);
      return;
    }
  g_hash_table_remove_all (self->building_sites);
  g_hash_table_remove_all (self->deadlines);
  set_loading (self, TRUE);
  platz_api_list_buildings_async (self->api, 0, self->cancellable, on_buildings_cb, self);
}

GListModel *
platz_bookings_page_get_upcoming (PlatzBookingsPage *self)
{
  g_return_val_if_fail (PLATZ_IS_BOOKINGS_PAGE (self), NULL);
  return G_LIST_MODEL (self->upcoming);
}

GListModel *
platz_bookings_page_get_past (PlatzBookingsPage *self)
{
  g_return_val_if_fail (PLATZ_IS_BOOKINGS_PAGE (self), NULL);
  return G_LIST_MODEL (self->past);
}

gboolean
platz_bookings_page_is_loading (PlatzBookingsPage *self)
{
  g_return_val_if_fail (PLATZ_IS_BOOKINGS_PAGE (self), FALSE);
  return self->pending > 0;
}

void
platz_bookings_page_cancel (PlatzBookingsPage *self,
                            PlatzRecord       *booking)
{
  g_return_if_fail (PLATZ_IS_BOOKINGS_PAGE (self));
  g_return_if_fail (PLATZ_IS_RECORD (booking));

  set_loading (self, TRUE);
  platz_api_cancel_booking_async (self->api, platz_record_get_id (booking), NULL,
                                  on_cancelled_cb, op_new (self, booking));
}

void
platz_bookings_page_check_in (PlatzBookingsPage *self,
                              PlatzRecord       *booking)
{
  g_return_if_fail (PLATZ_IS_BOOKINGS_PAGE (self));
  g_return_if_fail (PLATZ_IS_RECORD (booking));

  set_loading (self, TRUE);
  platz_api_check_in_async (self->api, platz_record_get_id (booking), NULL,
                            on_checked_in_cb, op_new (self, booking));
}
