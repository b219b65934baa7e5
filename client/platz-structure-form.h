/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The edit form of one node of the facility structure (a site, building,
 * floor, room or desk): its fields as preference rows, saved with PATCH;
 * "Add" turns it into a form for a new child (POST), "Delete" removes the
 * node and asks before cancelling future bookings (?force=true).  What was
 * typed stays in the form when a request fails.
 */
#pragma once

#include <adwaita.h>

#include "platz-api.h"

G_BEGIN_DECLS

#define PLATZ_TYPE_STRUCTURE_FORM (platz_structure_form_get_type ())
G_DECLARE_FINAL_TYPE (PlatzStructureForm, platz_structure_form, PLATZ, STRUCTURE_FORM, GtkWidget)

void              platz_structure_form_set_api      (PlatzStructureForm *self,
                                                     PlatzApi           *api);
/* Edits record (a site ... desk); NULL empties the form. */
void              platz_structure_form_edit         (PlatzStructureForm *self,
                                                     PlatzRecord        *record);
/* A form for a new object of type below parent (NULL for a site). */
void              platz_structure_form_create       (PlatzStructureForm *self,
                                                     const PlatzType    *type,
                                                     PlatzRecord        *parent);
/* The record being edited (NULL while creating or empty). */
PlatzRecord      *platz_structure_form_get_record   (PlatzStructureForm *self);
gboolean          platz_structure_form_is_busy      (PlatzStructureForm *self);
/* The editor of a field by its JSON name (an AdwEntryRow, GtkSpinButton,
 * GtkSwitch, GtkDropDown, or for weekdays a GtkBox of seven
 * GtkToggleButtons, Monday first), NULL when the form has no such field. */
GtkWidget        *platz_structure_form_get_editor   (PlatzStructureForm *self,
                                                     const char         *field);
/* The open "delete anyway?" question, or NULL. */
AdwMessageDialog *platz_structure_form_get_dialog   (PlatzStructureForm *self);

G_END_DECLS
