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

  gboolean      month_view;    /* else the week view */
  GDate         day;           /* a day of the shown week or month */
  GDate         week;          /* Monday of day's week */
  GDate         first;         /* the first day shown: week or 1st of the month */
  guint         n_days;        /* 7, or the days of the month */
  char         *week_text;
  GPtrArray    *offices;       /* PlatzRecord of the project offices */
  GPtrArray    *teams;         /* PlatzRecord of the teams one may see */
  GListModel   *reservations;  /* of the shown week */
  GHashTable   *cells;         /* "room|date" -> PlatzRecord */
  GHashTable   *cell_texts;    /* "room|date" -> text */
  GtkWindow    *dialog;        /* weak */
  GtkWindow    *cancel_dialog; /* weak */

  /* Template widgets */
  GtkSpinner   *spinner;
  GtkLabel     *week_label;
  GtkToggleButton *week_button;
  GtkToggleButton *month_button;
  GtkButton    *prev_button;
  GtkButton    *next_button;
  GtkButton    *today_button;
  GtkLabel     *empty_label;
  GtkGrid      *grid;
};

/* The spinner counts the page's loads under way. */
void      platz_projects_page_busy              (PlatzProjectsPage *self,
                                                 gboolean           loading);
/* Loads the shown week's or month's reservations again. */
void      platz_projects_page_load_shown        (PlatzProjectsPage *self);
/* Cancels the reservations (PlatzRecord) one after the other: the days
 * of a cell of the month view. */
void      platz_projects_page_cancel_run        (PlatzProjectsPage *self,
                                                 GPtrArray         *reservations);
/* "Mon 5 Jan" */
char     *platz_projects_page_short_date        (const GDate       *date);
/* The first and last local day a reservation takes; FALSE when its times
 * cannot be read. */
gboolean  platz_projects_page_reservation_dates (PlatzReservation  *r,
                                                 GDate             *first,
                                                 GDate             *last);

G_END_DECLS
