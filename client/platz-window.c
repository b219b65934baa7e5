/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-window"

#include "config.h"

#include <glib/gi18n.h>

#include "platz-error.h"
#include "platz-bookings-page.h"
#include "platz-day-view.h"
#include "platz-facility-page.h"
#include "platz-login-page.h"
#include "platz-projects-page.h"
#include "platz-rooms-page.h"
#include "platz-token-store.h"
#include "platz-ui.h"
#include "platz-window.h"

struct _PlatzWindow
{
  AdwApplicationWindow  parent_instance;

  PlatzApi             *api;
  GSettings            *settings;
  PlatzTokenStore      *tokens;
  char                 *user;            /* asked for (--user), or NULL */
  GCancellable         *cancellable;
  char                 *last_toast;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  PlatzLoginPage       *login_page;
  AdwViewStack         *view_stack;
  AdwViewStackPage     *projects_stack_page;
  AdwViewStackPage     *facility_stack_page;
  GtkLabel             *user_label;
  PlatzDayView         *day_view;
  PlatzBookingsPage    *bookings_page;
  PlatzRoomsPage       *rooms_page;
  PlatzProjectsPage    *projects_page;
  PlatzFacilityPage    *facility_page;
};

G_DEFINE_FINAL_TYPE (PlatzWindow, platz_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_API,
  PROP_SETTINGS,
  PROP_USER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

static void
show_app (PlatzWindow *self)
{
  const PlatzUser *user = platz_api_get_user (self->api);
  g_autofree char *who = NULL;

  who = g_strdup_printf ("%s", user != NULL ? user->display_name : "");
  gtk_label_set_text (self->user_label, who);

  /* The role decides the screens; the server enforces it anyway. */
  adw_view_stack_page_set_visible (self->projects_stack_page,
                                   platz_api_can_lead_teams (self->api));
  adw_view_stack_page_set_visible (self->facility_stack_page,
                                   platz_api_can_manage_facility (self->api));

  platz_day_view_set_api (self->day_view, self->api, self->settings);
  platz_bookings_page_set_api (self->bookings_page, self->api);
  platz_rooms_page_set_api (self->rooms_page, self->api);
  if (platz_api_can_lead_teams (self->api))
    platz_projects_page_set_api (self->projects_page, self->api);
  if (platz_api_can_manage_facility (self->api))
    platz_facility_page_set_api (self->facility_page, self->api);

  adw_view_stack_set_visible_child_name (self->view_stack, "day");
  gtk_stack_set_visible_child_name (self->main_stack, "app");
}

static void
show_login (PlatzWindow *self)
{
  g_autofree char *last_username = g_settings_get_string (self->settings, "last-username");

  platz_login_page_prepare (self->login_page, self->api,
                            self->user != NULL ? self->user : last_username);
  gtk_stack_set_visible_child_name (self->main_stack, "login");
}

static void
on_me_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  PlatzWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (platz_api_user_finish (PLATZ_API (source), result, &error) == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* A stale token or an unreachable server: sign in again. */
      platz_api_set_token (self->api, NULL);
      show_login (self);
      if (!g_error_matches (error, PLATZ_ERROR, PLATZ_ERROR_UNAUTHENTICATED))
        platz_login_page_show_error (self->login_page, error->message);
      return;
    }
  /* The stored session is that user's, but the server has the last word. */
  if (self->user != NULL && (platz_api_get_user (self->api) == NULL
                             || g_strcmp0 (platz_api_get_user (self->api)->username,
                                           self->user) != 0))
    {
      platz_api_set_token (self->api, NULL);
      show_login (self);
      return;
    }
  show_app (self);
}

static void
on_token_lookup_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PlatzWindow) self = user_data;
  g_autofree char *token = NULL;

  token = platz_token_store_lookup_finish (PLATZ_TOKEN_STORE (source), result, NULL);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (token == NULL)
    {
      show_login (self);
      return;
    }
  platz_api_set_token (self->api, token);
  platz_api_me_async (self->api, self->cancellable, on_me_cb, self);
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
on_login_page_signed_in_cb (PlatzWindow    *self,
                            PlatzLoginPage *page)
{
  const PlatzUser *user = platz_api_get_user (self->api);

  g_settings_set_string (self->settings, "server-url", platz_api_get_base_url (self->api));
  if (user != NULL)
    g_settings_set_string (self->settings, "last-username", user->username);
  platz_token_store_save (self->tokens, platz_api_get_base_url (self->api),
                          user != NULL ? user->username : NULL, platz_api_get_token (self->api));
  show_app (self);
}

static void
on_bookings_changed_cb (PlatzWindow *self,
                        GtkWidget   *sender)
{
  if (sender != GTK_WIDGET (self->day_view))
    platz_day_view_reload (self->day_view);
  if (sender != GTK_WIDGET (self->bookings_page))
    platz_bookings_page_reload (self->bookings_page);
}

static void
on_show_desk_cb (PlatzWindow *self,
                 gint64       floor_id,
                 gint64       desk_id,
                 GtkWidget   *sender)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "day");
  platz_day_view_show_desk (self->day_view, floor_id, desk_id);
}

static void
on_api_unauthorized_cb (PlatzWindow *self)
{
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "app"))
    return;
  platz_token_store_save (self->tokens, platz_api_get_base_url (self->api), NULL, NULL);
  platz_api_set_token (self->api, NULL);
  show_login (self);
  platz_login_page_show_error (self->login_page, _("Your session has ended. Please sign in again."));
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PlatzWindow *self = PLATZ_WINDOW (widget);

  platz_api_logout_async (self->api, NULL, NULL, NULL);
  platz_token_store_save (self->tokens, platz_api_get_base_url (self->api), NULL, NULL);
  platz_api_set_token (self->api, NULL);
  show_login (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlatzWindow *self = PLATZ_WINDOW (widget);

  if (!platz_window_is_signed_in (self))
    return;
  platz_day_view_reload (self->day_view);
  platz_bookings_page_reload (self->bookings_page);
  platz_rooms_page_reload (self->rooms_page);
  if (platz_api_can_lead_teams (self->api))
    platz_projects_page_reload (self->projects_page);
}

/* ------------------------------------------------------------------ */
/* GObject overrides                                                   */
/* ------------------------------------------------------------------ */

static void
platz_window_constructed (GObject *object)
{
  PlatzWindow *self = PLATZ_WINDOW (object);

  G_OBJECT_CLASS (platz_window_parent_class)->constructed (object);

  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->api, "unauthorized", G_CALLBACK (on_api_unauthorized_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  /* A stored session is used only for its server and, when a user is
   * asked for, for that user: else sign in with that name filled in. */
  platz_token_store_lookup_async (self->tokens, platz_api_get_base_url (self->api), self->user,
                                  self->cancellable, on_token_lookup_cb, g_object_ref (self));
}

static void
platz_window_dispose (GObject *object)
{
  PlatzWindow *self = PLATZ_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->api);
  g_clear_object (&self->settings);
  g_clear_object (&self->tokens);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLATZ_TYPE_WINDOW);

  G_OBJECT_CLASS (platz_window_parent_class)->dispose (object);
}

static void
platz_window_finalize (GObject *object)
{
  PlatzWindow *self = PLATZ_WINDOW (object);

  g_free (self->last_toast);
  g_free (self->user);
  G_OBJECT_CLASS (platz_window_parent_class)->finalize (object);
}

static void
platz_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PlatzWindow *self = PLATZ_WINDOW (object);

  switch (prop_id)
    {
    case PROP_API:
      self->api = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_USER:
      self->user = g_value_dup_string (value);
      if (self->user != NULL && *self->user == '\0')
        g_clear_pointer (&self->user, g_free);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
platz_window_class_init (PlatzWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = platz_window_constructed;
  object_class->dispose = platz_window_dispose;
  object_class->finalize = platz_window_finalize;
  object_class->set_property = platz_window_set_property;

  properties[PROP_API] =
    g_param_spec_object ("api", NULL, NULL, PLATZ_TYPE_API,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The user asked for on the command line, or NULL. */
  properties[PROP_USER] =
    g_param_spec_string ("user", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PLATZ_TYPE_LOGIN_PAGE);
  g_type_ensure (PLATZ_TYPE_DAY_VIEW);
  g_type_ensure (PLATZ_TYPE_BOOKINGS_PAGE);
  g_type_ensure (PLATZ_TYPE_ROOMS_PAGE);
  g_type_ensure (PLATZ_TYPE_PROJECTS_PAGE);
  g_type_ensure (PLATZ_TYPE_FACILITY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/platz/Platz/platz-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlatzWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlatzWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PlatzWindow, login_page);
  gtk_widget_class_bind_template_child (widget_class, PlatzWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PlatzWindow, projects_stack_page);
  gtk_widget_class_bind_template_child (widget_class, PlatzWindow, facility_stack_page);
  gtk_widget_class_bind_template_child (widget_class, PlatzWindow, user_label);
  gtk_widget_class_bind_template_child (widget_class, PlatzWindow, day_view);
  gtk_widget_class_bind_template_child (widget_class, PlatzWindow, bookings_page);
  gtk_widget_class_bind_template_child (widget_class, PlatzWindow, rooms_page);
  gtk_widget_class_bind_template_child (widget_class, PlatzWindow, projects_page);
  gtk_widget_class_bind_template_child (widget_class, PlatzWindow, facility_page);
  gtk_widget_class_bind_template_callback (widget_class, on_login_page_signed_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bookings_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_desk_cb);

  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.reload", NULL);
}

static void
platz_window_init (PlatzWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->tokens = platz_token_store_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Every screen's controls, shown or not, and what is shown later. */
  platz_ui_name_controls (GTK_WIDGET (self));
  platz_ui_name_controls_when_shown ();
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

PlatzWindow *
platz_window_new (PlatzApplication *app,
                  PlatzApi         *api,
                  GSettings        *settings)
{
  return platz_window_new_for_user (app, api, settings, NULL);
}

PlatzWindow *
platz_window_new_for_user (PlatzApplication *app,
                           PlatzApi         *api,
                           GSettings        *settings,
                           const char       *user)
{
  return g_object_new (PLATZ_TYPE_WINDOW,
                       "application", app,
                       "api", api,
                       "settings", settings,
                       "user", user,
                       NULL);
}

PlatzApi *
platz_window_get_api (PlatzWindow *self)
{
  g_return_val_if_fail (PLATZ_IS_WINDOW (self), NULL);
  return self->api;
}

void
platz_window_add_toast (PlatzWindow *self,
                        AdwToast    *toast)
{
  g_return_if_fail (PLATZ_IS_WINDOW (self));

  g_free (self->last_toast);
  self->last_toast = g_strdup (adw_toast_get_title (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

const char *
platz_window_get_last_toast (PlatzWindow *self)
{
  g_return_val_if_fail (PLATZ_IS_WINDOW (self), NULL);
  return self->last_toast;
}

void
platz_window_show_page (PlatzWindow *self,
                        const char  *name)
{
  g_return_if_fail (PLATZ_IS_WINDOW (self));
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

GtkWidget *
platz_window_get_page (PlatzWindow *self,
                       const char  *name)
{
  g_return_val_if_fail (PLATZ_IS_WINDOW (self), NULL);
  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

GtkWidget *
platz_window_get_login_page (PlatzWindow *self)
{
  g_return_val_if_fail (PLATZ_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->login_page);
}

gboolean
platz_window_is_signed_in (PlatzWindow *self)
{
  g_return_val_if_fail (PLATZ_IS_WINDOW (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "app") == 0;
}

gboolean
platz_window_page_visible (PlatzWindow *self,
                           const char  *name)
{
  GtkWidget *child;

  g_return_val_if_fail (PLATZ_IS_WINDOW (self), FALSE);
  child = adw_view_stack_get_child_by_name (self->view_stack, name);
  return child != NULL && adw_view_stack_page_get_visible (
    adw_view_stack_get_page (self->view_stack, child));
}
