/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-facility-page"

#include "config.h"

#include "platz-ui.h"
#include "platz-facility-page.h"

struct _PlatzFacilityPage
{
  GtkWidget  parent_instance;

  PlatzApi  *api;
};

G_DEFINE_FINAL_TYPE (PlatzFacilityPage, platz_facility_page, GTK_TYPE_WIDGET)

static void
platz_facility_page_dispose (GObject *object)
{
  PlatzFacilityPage *self = PLATZ_FACILITY_PAGE (object);

  g_clear_object (&self->api);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLATZ_TYPE_FACILITY_PAGE);
  platz_ui_unparent_children (GTK_WIDGET (self));
  G_OBJECT_CLASS (platz_facility_page_parent_class)->dispose (object);
}

static void
platz_facility_page_class_init (PlatzFacilityPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = platz_facility_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/platz/Platz/platz-facility-page.ui");
}

static void
platz_facility_page_init (PlatzFacilityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
platz_facility_page_set_api (PlatzFacilityPage *self,
                           PlatzApi *api)
{
  g_set_object (&self->api, api);
}
