/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-rooms-page"

#include "config.h"

#include "platz-ui.h"
#include "platz-rooms-page.h"

struct _PlatzRoomsPage
{
  GtkWidget  parent_instance;

  PlatzApi  *api;
};

G_DEFINE_FINAL_TYPE (PlatzRoomsPage, platz_rooms_page, GTK_TYPE_WIDGET)

static void
platz_rooms_page_dispose (GObject *object)
{
  PlatzRoomsPage *self = PLATZ_ROOMS_PAGE (object);

  g_clear_object (&self->api);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLATZ_TYPE_ROOMS_PAGE);
  platz_ui_unparent_children (GTK_WIDGET (self));
  G_OBJECT_CLASS (platz_rooms_page_parent_class)->dispose (object);
}

static void
platz_rooms_page_class_init (PlatzRoomsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = platz_rooms_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/platz/Platz/platz-rooms-page.ui");
}

static void
platz_rooms_page_init (PlatzRoomsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
platz_rooms_page_set_api (PlatzRoomsPage *self,
                           PlatzApi *api)
{
  g_set_object (&self->api, api);
}
