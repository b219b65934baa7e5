/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the rooms page shares with its reservation dialog
 * (platz-reserve-dialog.c).
 */
#pragma once

#include "platz-rooms-page.h"

G_BEGIN_DECLS

struct _PlatzRoomsPage
{
  GtkWidget       parent_instance;

  PlatzApi       *api;
  GCancellable   *cancellable;         /* sites, policies, rooms, mine */
  GCancellable   *search_cancellable;  /* a search and its timelines */
  guint           pending;
  guint           search_pending;

  GListModel     *sites;
  gint64          site_id;
  GTimeZone      *zone;
  int             day_start;
  int             day_end;
  int             slot;
  int             booking_window;
  gint64          closed_weekdays;     /* the site's */
  char           *date;
  gboolean        date_chosen;         /* by the user: kept on reloads */
  gboolean        start_chosen;
  gboolean        setting_times;       /* the page itself moves the pickers */
  int             search_start;        /* minutes of the last search */
  int             search_end;
  int             search_attendees;
  char           *search_date;

  GtkStringList  *times;
  GListStore     *results;
  GHashTable     *timelines;           /* room id -> PlatzRoomTimeline */
  GListStore     *mine;
  GtkWindow      *dialog;              /* weak */

  /* Template widgets */
  GtkSpinner     *spinner;
  AdwComboRow    *site_row;
  GtkMenuButton  *date_button;
  GtkPopover     *date_popover;
  GtkCalendar    *calendar;
  AdwComboRow    *start_row;
  AdwComboRow    *end_row;
  GtkSpinButton  *attendees_spin;
  AdwComboRow    *kind_row;
  GtkListBoxRow  *equipment_row;
  GtkFlowBox     *equipment_box;
  GtkLabel       *results_label;
  GtkListBox     *results_list;
  GtkLabel       *mine_empty_label;
  GtkListBox     *mine_list;
};

/* The spinner counts the page's loads (busy) and those of the current
 * search and its timelines (search_busy). */
void      platz_rooms_page_busy        (PlatzRoomsPage *self,
                                        gboolean        loading);
void      platz_rooms_page_search_busy (PlatzRoomsPage *self,
                                        gboolean        loading);
/* The minutes chosen in a row over the times model; -1 when none. */
int       platz_rooms_page_time_at     (PlatzRoomsPage *self,
                                        AdwComboRow    *row);
/* Selects minutes in a row over the times model; FALSE when off the grid. */
gboolean  platz_rooms_page_select_time (PlatzRoomsPage *self,
                                        AdwComboRow    *row,
                                        int             minutes);
/* RFC 3339 of date (YYYY-MM-DD) at minutes in the site's zone. */
char     *platz_rooms_page_rfc3339     (PlatzRoomsPage *self,
                                        const char     *date,
                                        int             minutes);
/* Loads the signed-in user's reservations again. */
void      platz_rooms_page_load_mine   (PlatzRoomsPage *self);

G_END_DECLS
