/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The facility's structure as a tree — sites, buildings, floors, rooms,
 * desks — whose children are fetched when a node is first expanded, beside
 * the edit form (PlatzStructureForm) of the selected node.
 */
#pragma once

#include <adwaita.h>

#include "platz-api.h"
#include "platz-structure-form.h"

G_BEGIN_DECLS

#define PLATZ_TYPE_STRUCTURE_TREE (platz_structure_tree_get_type ())
G_DECLARE_FINAL_TYPE (PlatzStructureTree, platz_structure_tree, PLATZ, STRUCTURE_TREE, GtkWidget)

void                platz_structure_tree_set_api     (PlatzStructureTree *self,
                                                      PlatzApi           *api);
/* Collapses everything and fetches the sites again. */
void                platz_structure_tree_reload      (PlatzStructureTree *self);
gboolean            platz_structure_tree_is_loading  (PlatzStructureTree *self);
PlatzStructureForm *platz_structure_tree_get_form    (PlatzStructureTree *self);
/* The tree's model: GtkTreeListRows of PlatzRecords. */
GtkSingleSelection *platz_structure_tree_get_selection (PlatzStructureTree *self);
/* Position of the row showing the object of type with id, or
 * GTK_INVALID_LIST_POSITION when it is not shown. */
guint               platz_structure_tree_find        (PlatzStructureTree *self,
                                                      const PlatzType    *type,
                                                      gint64              id);

G_END_DECLS
