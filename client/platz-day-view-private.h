/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the day view shares with its desk dialog (platz-desk-dialog.c).
 */
#pragma once

#include "platz-availability.h"
#include "platz-team-members.h"
#include "platz-day-view.h"

G_BEGIN_DECLS

struct _PlatzDayView
{
  GtkWidget          parent_instance;

  PlatzApi          *api;
  GSettings         *settings;
  GCancellable      *cancellable;        /* the whole page */
  GCancellable      *floor_cancellable;  /* the current floor's loads */
  guint              pending;
  gboolean           populating;

  GListStore        *sites;
  GListStore        *buildings;
  GListStore        *floors;
  GListStore        *desk_rows;
  gint64             want_site, want_building, want_floor, want_desk;
  gint64             floor_id;
  char              *date;
  gint64             window_days;
  PlatzAvailability *avail;
  GPtrArray         *filter_checks;
  GtkWidget         *accessible_check;

  AdwMessageDialog  *desk_dialog;
  gint64             dialog_desk;
  AdwComboRow       *book_for_row;       /* in desk_dialog, or NULL */
  PlatzTeamMembers  *team_members;       /* whom a lead may book for */
  GListStore        *book_for_self;      /* the "Myself" entry */
  GListModel        *book_for_model;     /* "Myself", then the members */

  /* Template widgets */
  GtkDropDown       *site_dropdown;
  GtkDropDown       *building_dropdown;
  GtkDropDown       *floor_dropdown;
  GtkMenuButton     *date_button;
  GtkCalendar       *calendar;
  GtkButton         *prev_button;
  GtkButton         *next_button;
  GtkSpinner        *spinner;
  GtkMenuButton     *filter_button;
  GtkBox            *filter_box;
  GtkStack          *content_stack;
  GtkScrolledWindow *list_scroller;
  PlatzFloorPlan    *floor_plan;
  GtkColumnView     *column_view;
};

/* The spinner counts the loads under way. */
void platz_day_view_busy_push         (PlatzDayView *self);
void platz_day_view_busy_pop          (PlatzDayView *self);
/* Loads the current floor's availability on the current date again. */
void platz_day_view_load_availability (PlatzDayView *self);
/* Emits ::bookings-changed. */
void platz_day_view_bookings_changed  (PlatzDayView *self);

G_END_DECLS
