/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "platz-date.h"
#include "platz-window.h"
#include "platz-ui.h"

static PlatzWindow *
find_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  /* Dialogs are their own windows: go to the window they belong to. */
  while (root != NULL && !PLATZ_IS_WINDOW (root) && GTK_IS_WINDOW (root))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (root));

      root = parent != NULL ? GTK_ROOT (parent) : NULL;
    }
  return root != NULL && PLATZ_IS_WINDOW (root) ? PLATZ_WINDOW (root) : NULL;
}

void
platz_ui_add_toast (GtkWidget *widget,
                    AdwToast  *toast)
{
  PlatzWindow *window = find_window (widget);

  if (window != NULL)
    platz_window_add_toast (window, toast);
  else
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (toast);
    }
}

void
platz_ui_toast (GtkWidget  *widget,
                const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 5);
  platz_ui_add_toast (widget, toast);
}

gboolean
platz_ui_error (GtkWidget    *widget,
                const GError *error)
{
  if (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  platz_ui_toast (widget, error->message);
  return TRUE;
}

void
platz_ui_busy (GtkSpinner *spinner,
               guint      *pending,
               gboolean    on)
{
  if (on)
    (*pending)++;
  else if (*pending > 0)
    (*pending)--;
  gtk_spinner_set_spinning (spinner, *pending > 0);
}

gboolean
platz_ui_busy_done (GtkWidget    *widget,
                    GtkSpinner   *spinner,
                    guint        *pending,
                    gboolean      ok,
                    const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  platz_ui_busy (spinner, pending, FALSE);
  if (!ok)
    platz_ui_error (widget, error);
  return ok;
}

void
platz_ui_renew_cancellable (GCancellable **cancellable)
{
  g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
  *cancellable = g_cancellable_new ();
}

GtkWindow *
platz_ui_reserve_dialog_new (GtkWidget  *widget,
                             const char *title,
                             int         width,
                             GCallback   on_reserve,
                             GtkWidget **reserve,
                             GtkWidget **spinner,
                             GtkBox    **content)
{
  GtkWidget *dialog = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *padded = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_window_set_title (GTK_WINDOW (dialog), title);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), width, -1);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  if (GTK_IS_WINDOW (gtk_widget_get_root (widget)))
    gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                  GTK_WINDOW (gtk_widget_get_root (widget)));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), dialog);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  *reserve = gtk_button_new_with_mnemonic (_("_Reserve"));
  gtk_widget_set_name (*reserve, "reserve");
  gtk_widget_add_css_class (*reserve, "suggested-action");
  g_signal_connect (*reserve, "clicked", on_reserve, dialog);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), *reserve);
  *spinner = gtk_spinner_new ();
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), *spinner);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (padded, 12);
  gtk_widget_set_margin_end (padded, 12);
  gtk_widget_set_margin_top (padded, 12);
  gtk_widget_set_margin_bottom (padded, 18);
  gtk_box_append (GTK_BOX (box), padded);
  adw_window_set_content (ADW_WINDOW (dialog), box);
  *content = GTK_BOX (padded);
  return GTK_WINDOW (dialog);
}

void
platz_ui_reserve_dialog_set_busy (GtkWidget *reserve,
                                  GtkWidget *spinner,
                                  gboolean   busy)
{
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), busy);
  gtk_widget_set_sensitive (reserve, !busy);
}

GtkWidget *
platz_ui_boxed_list_new (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

char *
platz_ui_format_date (const char *iso_date)
{
  GDate date;
  char buffer[128];

  if (iso_date == NULL || !platz_date_parse (iso_date, &date))
    return g_strdup (iso_date != NULL ? iso_date : "");
  /* TRANSLATORS: a date in strftime format, e.g. Monday, 5 January 2026 */
  if (g_date_strftime (buffer, sizeof buffer, _("%A, %-d %B %Y"), &date) == 0)
    return g_strdup (iso_date);
  return g_strdup (buffer);
}

char *
platz_ui_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

const char *
platz_ui_slot_label (const char *slot)
{
  if (g_strcmp0 (slot, "am") == 0)
    return _("Morning");
  if (g_strcmp0 (slot, "pm") == 0)
    return _("Afternoon");
  if (g_strcmp0 (slot, "full_day") == 0)
    return _("Whole day");
  return slot != NULL ? slot : "";
}

void
platz_ui_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}
