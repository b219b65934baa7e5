/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-login-page"

#include "config.h"

#include "platz-ui.h"
#include <glib/gi18n.h>

#include "platz-login-page.h"

struct _PlatzLoginPage
{
  GtkWidget     parent_instance;

  PlatzApi     *api;
  GCancellable *cancellable;

  AdwEntryRow  *server_row;
  AdwEntryRow  *username_row;
  AdwEntryRow  *password_row;
  GtkLabel     *error_label;
  GtkButton    *sign_in_button;
  GtkSpinner   *spinner;
};

G_DEFINE_FINAL_TYPE (PlatzLoginPage, platz_login_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (PlatzLoginPage *self,
          gboolean        busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), !busy);
}

static void
on_login_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PlatzLoginPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (platz_api_user_finish (PLATZ_API (source), result, &error) == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      /* Everything typed stays; only the message is new. */
      platz_login_page_show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }
  set_busy (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  g_signal_emit (self, signals[SIGNAL_SIGNED_IN], 0);
}

static void
on_sign_in_clicked_cb (PlatzLoginPage *self)
{
  const char *server = gtk_editable_get_text (GTK_EDITABLE (self->server_row));
  const char *username = gtk_editable_get_text (GTK_EDITABLE (self->username_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  g_return_if_fail (self->api != NULL);

  if (*server == '\0' || *username == '\0' || *password == '\0')
    {
      platz_login_page_show_error (self, _("Please fill in the server, your user name and "
                                           "your password."));
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_label_set_text (self->error_label, "");
  platz_api_set_base_url (self->api, server);
  platz_ui_renew_cancellable (&self->cancellable);
  set_busy (self, TRUE);
  platz_api_login_async (self->api, username, password, self->cancellable, on_login_cb, self);
}

static void
on_entry_activated_cb (PlatzLoginPage *self,
                       AdwEntryRow    *row)
{
  if (row == self->server_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
  else if (row == self->username_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  else
    on_sign_in_clicked_cb (self);
}

static void
platz_login_page_dispose (GObject *object)
{
  PlatzLoginPage *self = PLATZ_LOGIN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->api);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLATZ_TYPE_LOGIN_PAGE);
  platz_ui_unparent_children (GTK_WIDGET (self));
  G_OBJECT_CLASS (platz_login_page_parent_class)->dispose (object);
}

static void
platz_login_page_class_init (PlatzLoginPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = platz_login_page_dispose;

  signals[SIGNAL_SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/platz/Platz/platz-login-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlatzLoginPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, PlatzLoginPage, username_row);
  gtk_widget_class_bind_template_child (widget_class, PlatzLoginPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, PlatzLoginPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, PlatzLoginPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, PlatzLoginPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
}

static void
platz_login_page_init (PlatzLoginPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
platz_login_page_prepare (PlatzLoginPage *self,
                          PlatzApi       *api,
                          const char     *username)
{
  g_return_if_fail (PLATZ_IS_LOGIN_PAGE (self));

  g_set_object (&self->api, api);
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), platz_api_get_base_url (api));
  if (*gtk_editable_get_text (GTK_EDITABLE (self->username_row)) == '\0' && username != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->username_row), username);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->username_row)) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

void
platz_login_page_show_error (PlatzLoginPage *self,
                             const char     *message)
{
  g_return_if_fail (PLATZ_IS_LOGIN_PAGE (self));

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL && *message);
}

void
platz_login_page_sign_in (PlatzLoginPage *self,
                          const char     *username,
                          const char     *password)
{
  g_return_if_fail (PLATZ_IS_LOGIN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->username_row), username);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
  gtk_widget_activate (GTK_WIDGET (self->sign_in_button));
}

const char *
platz_login_page_get_error (PlatzLoginPage *self)
{
  g_return_val_if_fail (PLATZ_IS_LOGIN_PAGE (self), NULL);
  return gtk_label_get_text (self->error_label);
}

gboolean
platz_login_page_is_busy (PlatzLoginPage *self)
{
  g_return_val_if_fail (PLATZ_IS_LOGIN_PAGE (self), FALSE);
  return !gtk_widget_get_sensitive (GTK_WIDGET (self->sign_in_button));
}

const char *
platz_login_page_get_username (PlatzLoginPage *self)
{
  g_return_val_if_fail (PLATZ_IS_LOGIN_PAGE (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->username_row));
}
