/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The day view's desk dialog: what a desk is like on the chosen day, and
 * the buttons to book it (a morning, an afternoon or the whole day, for
 * oneself or, for team leads, for a member of their teams) or to cancel
 * one's own booking.
 */
#pragma once

#include "platz-day-view.h"

G_BEGIN_DECLS

/* Opens the dialog of a desk on the view's floor (replacing an open one). */
void        platz_desk_dialog_open             (PlatzDayView *view,
                                                gint64        desk_id);
/* Closes the open dialog, if any, without an answer. */
void        platz_desk_dialog_close            (PlatzDayView *view);
/* The first choice of "Book for": the signed-in user. */
GListStore *platz_desk_dialog_new_myself_store (void);

G_END_DECLS
