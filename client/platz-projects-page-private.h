/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the projects page shares with its reservation dialog
 * (platz-project-dialog.c).
 */
#pragma once

#include "platz-projects-page.h"

G_BEGIN_DECLS

struct _PlatzProjectsPage
{
  GtkWidget     parent_instance;

  PlatzApi     *api;
  GCancellable *cancellable;
  guint         pending;

  GDate         week;          /* Monday */
  char         *week_text;
  GPtrArray    *offices;       /* PlatzRecord of the project offices */
  GPtrArray    *teams;         /* PlatzRecord of the teams one may see */
  GListModel   *reservations;  /* of the shown week */
  GHashTable   *cells;         /* "room|date" -> PlatzRecord */
  GHashTable   *cell_texts;    /* "room|date" -> text */
  GtkWindow    *dialog;        /* weak */

  /* Template widgets */
  GtkSpinner   *spinner;
  GtkLabel     *week_label;
  GtkLabel     *empty_label;
  GtkGrid      *grid;
};

/* The spinner counts the page's loads under way. */
void      platz_projects_page_busy              (PlatzProjectsPage *self,
                                                 gboolean           loading);
/* Loads the shown week's reservations again. */
void      platz_projects_page_load_week         (PlatzProjectsPage *self);
/* "Mon 5 Jan" */
char     *platz_projects_page_short_date        (const GDate       *date);
/* The first and last local day a reservation takes; FALSE when its times
 * cannot be read. */
gboolean  platz_projects_page_reservation_dates (PlatzReservation  *r,
                                                 GDate             *first,
                                                 GDate             *last);

G_END_DECLS
