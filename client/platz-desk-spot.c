/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-desk-spot"

#include "config.h"

#include "platz-desk-spot.h"

struct _PlatzDeskSpot
{
  GtkWidget  parent_instance;

  gint64     desk_id;
  char      *label;
};

G_DEFINE_FINAL_TYPE (PlatzDeskSpot, platz_desk_spot, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      PlatzDeskSpot   *self)
{
  if (n_press != 1)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0);
}

static void
platz_desk_spot_finalize (GObject *object)
{
  PlatzDeskSpot *self = PLATZ_DESK_SPOT (object);

  g_free (self->label);
  G_OBJECT_CLASS (platz_desk_spot_parent_class)->finalize (object);
}

static void
platz_desk_spot_class_init (PlatzDeskSpotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = platz_desk_spot_finalize;

  signals[SIGNAL_ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[SIGNAL_ACTIVATE]);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_space, 0, "activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "deskspot");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
platz_desk_spot_init (PlatzDeskSpot *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
platz_desk_spot_new (gint64 desk_id)
{
  PlatzDeskSpot *self = g_object_new (PLATZ_TYPE_DESK_SPOT, NULL);

  self->desk_id = desk_id;
  return GTK_WIDGET (self);
}

gint64
platz_desk_spot_get_desk_id (PlatzDeskSpot *self)
{
  g_return_val_if_fail (PLATZ_IS_DESK_SPOT (self), 0);
  return self->desk_id;
}

void
platz_desk_spot_set_label (PlatzDeskSpot *self,
                           const char    *label)
{
  g_return_if_fail (PLATZ_IS_DESK_SPOT (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;
  g_free (self->label);
  self->label = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), label);
}

const char *
platz_desk_spot_get_label (PlatzDeskSpot *self)
{
  g_return_val_if_fail (PLATZ_IS_DESK_SPOT (self), NULL);
  return self->label;
}
