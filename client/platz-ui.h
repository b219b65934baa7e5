/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Small helpers shared by the screens: toasts, errors, dates for people.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows text as a toast in the window that holds widget. */
void  platz_ui_toast        (GtkWidget    *widget,
                             const char   *text);
void  platz_ui_add_toast    (GtkWidget    *widget,
                             AdwToast     *toast);
/* Shows the error's message as a toast; cancellations are ignored.
 * Returns FALSE for a cancellation (the widget may be gone). */
gboolean platz_ui_error     (GtkWidget    *widget,
                             const GError *error);
/* Counts a screen's loads under way in *pending (on: one more; off: one
 * fewer, never below 0, as a reload may have forgotten cancelled ones)
 * and spins the spinner while there are any. */
void  platz_ui_busy         (GtkSpinner   *spinner,
                             guint        *pending,
                             gboolean      on);
/* Ends a call counted with platz_ui_busy, ok saying whether it succeeded.
 * FALSE, and nothing else, when error says it was cancelled (a reload has
 * reset the count, or the screen is gone); else counts it off and returns
 * ok, showing the error (platz_ui_error on widget) when not ok. */
gboolean platz_ui_busy_done (GtkWidget    *widget,
                             GtkSpinner   *spinner,
                             guint        *pending,
                             gboolean      ok,
                             const GError *error);
/* Cancels the calls *cancellable guards and puts a new one in its place
 * for the calls that follow (a reload). */
void  platz_ui_renew_cancellable (GCancellable **cancellable);
/* A modal window over widget's window (when it has one) for a reservation
 * form: a header bar with _Cancel (closes it), _Reserve (named "reserve";
 * clicked calls on_reserve with the window) and a spinner beside it, over
 * a padded vertical box. Returns the window (not yet shown) and in
 * reserve, spinner and content the button, spinner and box; the caller
 * fills the box, e.g. with a list from platz_ui_boxed_list_new. */
GtkWindow *platz_ui_reserve_dialog_new (GtkWidget  *widget,
                                        const char *title,
                                        int         width,
                                        GCallback   on_reserve,
                                        GtkWidget **reserve,
                                        GtkWidget **spinner,
                                        GtkBox    **content);
/* While a reservation dialog's request is under way its spinner spins
 * and its _Reserve button cannot be pressed again. */
void       platz_ui_reserve_dialog_set_busy (GtkWidget *reserve,
                                             GtkWidget *spinner,
                                             gboolean   busy);
/* A GtkListBox without selection, styled as a boxed list. */
GtkWidget *platz_ui_boxed_list_new     (void);
/* Gives widget and every control under it the name a screen reader
 * speaks (see platz-ui.c: GTK 4.8 speaks mnemonic underscores and class
 * names) and keeps it right when a label or tooltip changes. */
void       platz_ui_name_controls      (GtkWidget  *widget);
/* Names widget for a screen reader with name, more telling than its
 * label (e.g. "Reserve A1.03" for "_Reserve…"). */
void       platz_ui_name               (GtkWidget  *widget,
                                        const char *name);
/* From now on names each control so as it is shown (dialogs, rows added
 * later); once per process. */
void       platz_ui_name_controls_when_shown (void);
/* "Monday, 5 January 2026" from YYYY-MM-DD; the input when unparsable. */
char *platz_ui_format_date  (const char   *iso_date);
/* YYYY-MM-DD of today (local time), shifted by days. */
char *platz_ui_today        (int           days);
/* "Morning", "Afternoon", "Whole day" */
const char *platz_ui_slot_label (const char *slot);

G_END_DECLS

G_BEGIN_DECLS
/* For dispose of GtkWidget subclasses whose template has an unnamed root. */
void platz_ui_unparent_children (GtkWidget *widget);
G_END_DECLS
