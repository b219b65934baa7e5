/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-structure-tree"

#include "config.h"

#include <glib/gi18n.h>

#include "platz-ui.h"
#include "platz-structure-tree.h"

struct _PlatzStructureTree
{
  GtkWidget           parent_instance;

  PlatzApi           *api;
  GCancellable       *cancellable;
  GListStore         *sites;
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  guint               loading;
  /* Selected once it shows up (a node created below a collapsed one). */
  const PlatzType    *select_type;
  gint64              select_id;

  GtkListView        *list_view;
  PlatzStructureForm *form;
};

G_DEFINE_FINAL_TYPE (PlatzStructureTree, platz_structure_tree, GTK_TYPE_WIDGET)

enum {
  SIGNAL_FLOOR_SELECTED,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  PlatzStructureTree *self;
  GListStore         *store;
} Load;

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

static const PlatzType *
child_type (const PlatzType *type)
{
  if (type == NULL)
    return &platz_site_type;
  if (type == &platz_site_type)
    return &platz_building_type;
  if (type == &platz_building_type)
    return &platz_floor_type;
  if (type == &platz_floor_type)
    return &platz_room_type;
  if (type == &platz_room_type)
    return &platz_desk_type;
  return NULL;
}

static const char *
kind_title (const PlatzType *type)
{
  if (type == &platz_site_type)
    return _("Site");
  if (type == &platz_building_type)
    return _("Building");
  if (type == &platz_floor_type)
    return _("Floor");
  if (type == &platz_room_type)
    return _("Room");
  return _("Desk");
}

static PlatzRecord *
record_at (PlatzStructureTree *self,
           guint               position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);

  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

static guint
find_record (PlatzStructureTree *self,
             PlatzRecord        *record)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlatzRecord) item = record_at (self, i);

      if (item == record)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
select_pending (PlatzStructureTree *self)
{
  guint position;

  if (self->select_type == NULL)
    return;
  position = platz_structure_tree_find (self, self->select_type, self->select_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  self->select_type = NULL;
  gtk_single_selection_set_selected (self->selection, position);
}

static void
on_children_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Load *load = user_data;
  PlatzStructureTree *self = load->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) children = platz_api_list_finish (PLATZ_API (source), result, &error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) store = load->store;

  g_free (load);
  if (children == NULL)
    {
      /* Cancelled: the tree may be gone, and reload reset the count. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->loading--;
      platz_ui_error (GTK_WIDGET (self), error);
      return;
    }
  self->loading--;
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    g_ptr_array_add (items, g_list_model_get_item (children, i));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
  select_pending (self);
}

static void
load_children (PlatzStructureTree *self,
               PlatzRecord        *parent,
               GListStore         *store)
{
  const PlatzType *type = parent != NULL ? platz_record_get_kind (parent) : NULL;
  gint64 id = parent != NULL ? platz_record_get_id (parent) : 0;
  Load *load = g_new0 (Load, 1);

  load->self = self;
  load->store = g_object_ref (store);
  self->loading++;
  if (type == NULL)
    platz_api_list_sites_async (self->api, self->cancellable, on_children_cb, load);
  else if (type == &platz_site_type)
    platz_api_list_buildings_async (self->api, id, self->cancellable, on_children_cb, load);
  else if (type == &platz_building_type)
    platz_api_list_floors_async (self->api, id, self->cancellable, on_children_cb, load);
  else if (type == &platz_floor_type)
    platz_api_list_rooms_async (self->api, id, self->cancellable, on_children_cb, load);
  else
    platz_api_list_desks_async (self->api, id, self->cancellable, on_children_cb, load);
}

/* GtkTreeListModelCreateModelFunc: children are fetched on expansion. */
static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  PlatzStructureTree *self = user_data;
  PlatzRecord *record = item;
  GListStore *store;

  if (child_type (platz_record_get_kind (record)) == NULL || self->api == NULL)
    return NULL;
  store = g_list_store_new (PLATZ_TYPE_RECORD);
  load_children (self, record, store);
  return G_LIST_MODEL (store);
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *kind = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), kind);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  g_autoptr(PlatzRecord) record = gtk_tree_list_row_get_item (row);
  GtkWidget *title = gtk_widget_get_first_child (gtk_tree_expander_get_child (expander));
  GBinding *binding;

  gtk_tree_expander_set_list_row (expander, row);
  binding = g_object_bind_property (record, "title", title, "label", G_BINDING_SYNC_CREATE);
  /* Our own reference: the binding goes away by itself when the record
   * does, which may be before unbind. */
  g_object_set_data_full (G_OBJECT (item), "binding", g_object_ref (binding), g_object_unref);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (title)),
                      kind_title (platz_record_get_kind (record)));
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (item), "binding");

  if (binding != NULL)
    {
      g_binding_unbind (binding);
      g_object_unref (binding);
    }
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (item)), NULL);
}

static void
on_selected_cb (PlatzStructureTree *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(PlatzRecord) record = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  if (record == NULL || record == platz_structure_form_get_record (self->form))
    return;
  platz_structure_form_edit (self->form, record);
  if (platz_record_get_kind (record) == &platz_floor_type)
    g_signal_emit (self, signals[SIGNAL_FLOOR_SELECTED], 0, platz_record_get_id (record));
}

static void
on_form_created_cb (PlatzStructureTree *self,
                    PlatzRecord        *parent,
                    PlatzRecord        *record)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  guint position;

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  self->select_type = platz_record_get_kind (record);
  self->select_id = platz_record_get_id (record);
  if (parent == NULL)
    {
      g_list_store_append (self->sites, record);
      select_pending (self);
      return;
    }
  position = find_record (self, parent);
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
  if (gtk_tree_list_row_get_expanded (row))
    {
      g_list_store_append (G_LIST_STORE (gtk_tree_list_row_get_children (row)), record);
      select_pending (self);
    }
  else
    gtk_tree_list_row_set_expanded (row, TRUE);  /* fetches it with its siblings */
}

static void
on_form_saved_cb (PlatzStructureTree *self,
                  PlatzRecord        *record)
{
  /* The row's label follows the record's title by itself. */
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_form_deleted_cb (PlatzStructureTree *self,
                    PlatzRecord        *record)
{
  guint position = find_record (self, record);

  if (position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
      g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);
      GListModel *siblings = parent != NULL ? gtk_tree_list_row_get_children (parent)
                                            : G_LIST_MODEL (self->sites);
      guint index;

      if (siblings != NULL && g_list_store_find (G_LIST_STORE (siblings), record, &index))
        g_list_store_remove (G_LIST_STORE (siblings), index);
    }
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
add_site_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PlatzStructureTree *self = PLATZ_STRUCTURE_TREE (widget);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  platz_structure_form_create (self->form, &platz_site_type, NULL);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  platz_structure_tree_reload (PLATZ_STRUCTURE_TREE (widget));
}

/* ------------------------------------------------------------------ */
/* GObject overrides                                                   */
/* ------------------------------------------------------------------ */

static void
platz_structure_tree_dispose (GObject *object)
{
  PlatzStructureTree *self = PLATZ_STRUCTURE_TREE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->api);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLATZ_TYPE_STRUCTURE_TREE);
  platz_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->sites);
  G_OBJECT_CLASS (platz_structure_tree_parent_class)->dispose (object);
}

static void
platz_structure_tree_class_init (PlatzStructureTreeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = platz_structure_tree_dispose;

  signals[SIGNAL_FLOOR_SELECTED] = g_signal_new ("floor-selected", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 1, G_TYPE_INT64);
  /* Something was created, saved or deleted. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  g_type_ensure (PLATZ_TYPE_STRUCTURE_FORM);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/platz/Platz/platz-structure-tree.ui");
  gtk_widget_class_bind_template_child (widget_class, PlatzStructureTree, list_view);
  gtk_widget_class_bind_template_child (widget_class, PlatzStructureTree, form);
  gtk_widget_class_bind_template_callback (widget_class, on_form_created_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_form_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_form_deleted_cb);
  gtk_widget_class_install_action (widget_class, "tree.add-site", NULL, add_site_action);
  gtk_widget_class_install_action (widget_class, "tree.reload", NULL, reload_action);
}

static void
platz_structure_tree_init (PlatzStructureTree *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->sites = g_list_store_new (PLATZ_TYPE_RECORD);
  self->tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->sites)), FALSE, FALSE,
                                        create_children, self, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selected_cb),
                            self);

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

void
platz_structure_tree_set_api (PlatzStructureTree *self,
                              PlatzApi           *api)
{
  g_return_if_fail (PLATZ_IS_STRUCTURE_TREE (self));

  g_set_object (&self->api, api);
  platz_structure_form_set_api (self->form, api);
  platz_structure_tree_reload (self);
}

void
platz_structure_tree_reload (PlatzStructureTree *self)
{
  g_return_if_fail (PLATZ_IS_STRUCTURE_TREE (self));

  if (self->api == NULL)
    return;
  platz_ui_renew_cancellable (&self->cancellable);
  self->loading = 0;
  self->select_type = NULL;
  g_list_store_remove_all (self->sites);
  platz_structure_form_edit (self->form, NULL);
  load_children (self, NULL, self->sites);
}

gboolean
platz_structure_tree_is_loading (PlatzStructureTree *self)
{
  g_return_val_if_fail (PLATZ_IS_STRUCTURE_TREE (self), FALSE);
  return self->loading > 0 || platz_structure_form_is_busy (self->form);
}

PlatzStructureForm *
platz_structure_tree_get_form (PlatzStructureTree *self)
{
  g_return_val_if_fail (PLATZ_IS_STRUCTURE_TREE (self), NULL);
  return self->form;
}

GtkSingleSelection *
platz_structure_tree_get_selection (PlatzStructureTree *self)
{
  g_return_val_if_fail (PLATZ_IS_STRUCTURE_TREE (self), NULL);
  return self->selection;
}

guint
platz_structure_tree_find (PlatzStructureTree *self,
                           const PlatzType    *type,
                           gint64              id)
{
  guint n;

  g_return_val_if_fail (PLATZ_IS_STRUCTURE_TREE (self), GTK_INVALID_LIST_POSITION);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlatzRecord) item = record_at (self, i);

      if (platz_record_get_kind (item) == type && platz_record_get_id (item) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}
