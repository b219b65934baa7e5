/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-projects-page"

#include "config.h"

#include "platz-ui.h"
#include "platz-projects-page.h"

struct _PlatzProjectsPage
{
  GtkWidget  parent_instance;

  PlatzApi  *api;
};

G_DEFINE_FINAL_TYPE (PlatzProjectsPage, platz_projects_page, GTK_TYPE_WIDGET)

static void
platz_projects_page_dispose (GObject *object)
{
  PlatzProjectsPage *self = PLATZ_PROJECTS_PAGE (object);

  g_clear_object (&self->api);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLATZ_TYPE_PROJECTS_PAGE);
  platz_ui_unparent_children (GTK_WIDGET (self));
  G_OBJECT_CLASS (platz_projects_page_parent_class)->dispose (object);
}

static void
platz_projects_page_class_init (PlatzProjectsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = platz_projects_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/platz/Platz/platz-projects-page.ui");
}

static void
platz_projects_page_init (PlatzProjectsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
platz_projects_page_set_api (PlatzProjectsPage *self,
                           PlatzApi *api)
{
  g_set_object (&self->api, api);
}
