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
