/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The facility structure tree against a real platzd: a facility manager
 * creates a building and a floor through the forms, renames a room,
 * deletes a desk, and deleting a room with a future booking asks first and
 * then deletes it with ?force=true.  Checked in the widgets and on the
 * server.
 */
#include "config.h"

#include <adwaita.h>

#include "platz-facility-page.h"
#include "platz-login-page.h"
#include "platz-structure-tree.h"
#include "platz-window.h"
#include "platz-client-test-util.h"

static TestServer *server;
static PlatzApi *admin;

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

typedef struct {
  GListModel *list;
  GError     *error;
  gboolean    done;
} ListWait;

static void
on_list_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ListWait *w = user_data;

  w->list = platz_api_list_finish (PLATZ_API (source), result, &w->error);
  w->done = TRUE;
}

static gboolean
list_done (gpointer data)
{
  return ((ListWait *) data)->done;
}

/* The server's objects of type below parent_id, as admin sees them. */
static GListModel *
server_list (const PlatzType *type,
             gint64           parent_id)
{
  ListWait w = { 0 };

  if (type == &platz_site_type)
    platz_api_list_sites_async (admin, NULL, on_list_cb, &w);
  else if (type == &platz_building_type)
    platz_api_list_buildings_async (admin, parent_id, NULL, on_list_cb, &w);
  else if (type == &platz_floor_type)
    platz_api_list_floors_async (admin, parent_id, NULL, on_list_cb, &w);
  else if (type == &platz_room_type)
    platz_api_list_rooms_async (admin, parent_id, NULL, on_list_cb, &w);
  else
    platz_api_list_desks_async (admin, parent_id, NULL, on_list_cb, &w);
  g_assert_true (test_wait_until (list_done, &w, 10000));
  g_assert_no_error (w.error);
  return w.list;
}

static gpointer
server_find (GListModel *list,
             gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PlatzRecord) record = g_list_model_get_item (list, i);

      if (platz_record_get_id (record) == id)
        return platz_record_get_data (record);
    }
  return NULL;
}

typedef struct {
  PlatzStructureTree *tree;
  const PlatzType    *type;
  gint64              id;
  gboolean            shown;
} FindWait;

static gboolean
row_state (gpointer data)
{
  FindWait *w = data;

  return !platz_structure_tree_is_loading (w->tree)
         && (platz_structure_tree_find (w->tree, w->type, w->id)
             != GTK_INVALID_LIST_POSITION) == w->shown;
}

static guint
wait_row (PlatzStructureTree *tree,
          const PlatzType    *type,
          gint64              id)
{
  FindWait w = { tree, type, id, TRUE };

  if (!test_wait_until (row_state, &w, 10000))
    g_error ("no %s %" G_GINT64_FORMAT " in the tree", type->name, id);
  return platz_structure_tree_find (tree, type, id);
}

static void
wait_row_gone (PlatzStructureTree *tree,
               const PlatzType    *type,
               gint64              id)
{
  FindWait w = { tree, type, id, FALSE };

  if (!test_wait_until (row_state, &w, 10000))
    g_error ("%s %" G_GINT64_FORMAT " is still in the tree", type->name, id);
}

static void
expand (PlatzStructureTree *tree,
        const PlatzType    *type,
        gint64              id)
{
  GListModel *model = gtk_single_selection_get_model (platz_structure_tree_get_selection (tree));
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, wait_row (tree, type, id));

  gtk_tree_list_row_set_expanded (row, TRUE);
}

/* Selects the row as a click does; the form then edits it. */
static PlatzStructureForm *
select_row (PlatzStructureTree *tree,
            const PlatzType    *type,
            gint64              id)
{
  PlatzStructureForm *form = platz_structure_tree_get_form (tree);
  PlatzRecord *record;

  gtk_single_selection_set_selected (platz_structure_tree_get_selection (tree),
                                     wait_row (tree, type, id));
  record = platz_structure_form_get_record (form);
  g_assert_nonnull (record);
  g_assert_true (platz_record_get_kind (record) == type);
  g_assert_cmpint (platz_record_get_id (record), ==, id);
  return form;
}

static void
set_text (PlatzStructureForm *form,
          const char         *field,
          const char         *text)
{
  GtkWidget *editor = platz_structure_form_get_editor (form, field);

  g_assert_true (GTK_IS_EDITABLE (editor));
  gtk_editable_set_text (GTK_EDITABLE (editor), text);
}

static const char *
get_text (PlatzStructureForm *form,
          const char         *field)
{
  return gtk_editable_get_text (GTK_EDITABLE (platz_structure_form_get_editor (form, field)));
}

static gboolean
form_idle (gpointer data)
{
  return !platz_structure_form_is_busy (data);
}

static gboolean
dialog_open (gpointer data)
{
  return platz_structure_form_get_dialog (data) != NULL;
}

static gboolean
plan_on_floor_two (gpointer data)
{
  PlatzFacilityPage *page = data;
  PlatzFloorData *floor = platz_floor_plan_get_floor (platz_facility_page_get_floor_plan (page));

  return !platz_facility_page_is_loading (page) && floor != NULL && floor->floor->id == 2;
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void
test_structure (void)
{
  PlatzWindow *window = test_window_open (server->base);
  g_autofree char *date = test_weekday (7);
  g_autoptr(GError) book_error = NULL;
  g_autoptr(GListModel) list = NULL;
  PlatzFacilityPage *page;
  PlatzStructureTree *tree;
  PlatzStructureForm *form;
  PlatzRecord *record;
  PlatzBuilding *building;
  PlatzFloor *floor;
  PlatzRoom *room;

  test_sign_in (window, "fiona");
  platz_window_show_page (window, "facility");
  page = PLATZ_FACILITY_PAGE (platz_window_get_page (window, "facility"));
  tree = platz_facility_page_get_structure_tree (page);

  /* The site is there, and its form shows its fields. */
  form = select_row (tree, &platz_site_type, 1);
  g_assert_cmpstr (get_text (form, "name"), ==, "Rathaus");

  /* Close the site's desks on Saturdays and Sundays: the sixth and
   * seventh toggle. */
  {
    GtkWidget *days = platz_structure_form_get_editor (form, "closed_weekdays");
    GtkWidget *day = gtk_widget_get_first_child (days);
    g_autoptr(GListModel) sites = NULL;
    PlatzSite *site;

    for (int i = 1; i <= 7; i++, day = gtk_widget_get_next_sibling (day))
      {
        g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (day)));
        if (i >= 6)
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (day), TRUE);
      }
    gtk_widget_activate_action (GTK_WIDGET (form), "structure.save", NULL);
    g_assert_true (test_wait_until (form_idle, form, 10000));
    g_assert_cmpstr (platz_window_get_last_toast (window), ==, "Saved.");
    sites = server_list (&platz_site_type, 0);
    site = server_find (sites, 1);
    g_assert_nonnull (site);
    g_assert_cmpint (site->closed_weekdays, ==, (1 << 5) | (1 << 6));
  }

  /* A building through the form: Add Building, fill in, Create. */
  gtk_widget_activate_action (GTK_WIDGET (form), "structure.add-child", NULL);
  g_assert_null (platz_structure_form_get_record (form));
  set_text (form, "name", "Haus B");
  set_text (form, "address", "Marktplatz 2");
  gtk_widget_activate_action (GTK_WIDGET (form), "structure.save", NULL);
  wait_row (tree, &platz_building_type, 2);
  record = platz_structure_form_get_record (form);
  g_assert_nonnull (record);
  g_assert_cmpstr (platz_record_get_title (record), ==, "Haus B");
  list = server_list (&platz_building_type, 1);
  building = server_find (list, 2);
  g_assert_nonnull (building);
  g_assert_cmpstr (building->name, ==, "Haus B");
  g_assert_cmpstr (building->address, ==, "Marktplatz 2");
  g_clear_object (&list);

  /* A floor below it; the plan editor switches to the new floor. */
  form = select_row (tree, &platz_building_type, 2);
  gtk_widget_activate_action (GTK_WIDGET (form), "structure.add-child", NULL);
  set_text (form, "name", "EG");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (platz_structure_form_get_editor (form, "width")),
                             30);
  gtk_widget_activate_action (GTK_WIDGET (form), "structure.save", NULL);
  wait_row (tree, &platz_floor_type, 2);
  list = server_list (&platz_floor_type, 2);
  floor = server_find (list, 2);
  g_assert_nonnull (floor);
  g_assert_cmpstr (floor->name, ==, "EG");
  g_assert_cmpfloat (floor->width, ==, 30);
  g_clear_object (&list);
  select_row (tree, &platz_floor_type, 2);
  g_assert_true (test_wait_until (plan_on_floor_two, page, 10000));

  /* A name with nothing in it is refused before any request. */
  form = select_row (tree, &platz_floor_type, 2);
  set_text (form, "name", " ");
  gtk_widget_activate_action (GTK_WIDGET (form), "structure.save", NULL);
  g_assert_false (platz_structure_form_is_busy (form));
  g_assert_cmpstr (platz_window_get_last_toast (window), ==, "Please fill in “Name”.");

  /* Rename room A1.01: down the tree, edit, save. */
  expand (tree, &platz_site_type, 1);
  expand (tree, &platz_building_type, 1);
  expand (tree, &platz_floor_type, 1);
  form = select_row (tree, &platz_room_type, 1);
  g_assert_cmpstr (get_text (form, "name"), ==, "A1.01");
  set_text (form, "name", "A1.01 Nord");
  gtk_widget_activate_action (GTK_WIDGET (form), "structure.save", NULL);
  g_assert_true (test_wait_until (form_idle, form, 10000));
  g_assert_cmpstr (platz_window_get_last_toast (window), ==, "Saved.");
  g_assert_cmpstr (platz_record_get_title (platz_structure_form_get_record (form)), ==,
                   "A1.01 Nord");
  list = server_list (&platz_room_type, 1);
  room = server_find (list, 1);
  g_assert_cmpstr (room->name, ==, "A1.01 Nord");
  g_assert_cmpstr (room->kind, ==, "office");
  g_clear_object (&list);

  /* Delete desk A1.01-3 (no bookings: no question). */
  expand (tree, &platz_room_type, 1);
  form = select_row (tree, &platz_desk_type, 3);
  gtk_widget_activate_action (GTK_WIDGET (form), "structure.delete", NULL);
  wait_row_gone (tree, &platz_desk_type, 3);
  g_assert_null (platz_structure_form_get_dialog (form));
  list = server_list (&platz_desk_type, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_null (server_find (list, 3));
  g_clear_object (&list);

  /* Room A1.02 has a booking next week: confirm, then the server's 409
   * is a question whether to cancel it; yes deletes with force. */
  book_error = test_api_book (admin, 4, date, "am");
  g_assert_no_error (book_error);
  form = select_row (tree, &platz_room_type, 2);
  gtk_widget_activate_action (GTK_WIDGET (form), "structure.delete", NULL);
  g_assert_true (test_wait_until (dialog_open, form, 10000));
  adw_message_dialog_response (platz_structure_form_get_dialog (form), "delete");
  g_assert_true (test_wait_until (dialog_open, form, 10000));
  g_assert_cmpstr (adw_message_dialog_get_heading (platz_structure_form_get_dialog (form)), ==,
                   "Cancel Future Bookings?");
  g_assert_nonnull (server_find (list = server_list (&platz_room_type, 1), 2));
  g_clear_object (&list);
  adw_message_dialog_response (platz_structure_form_get_dialog (form), "force");
  wait_row_gone (tree, &platz_room_type, 2);
  list = server_list (&platz_room_type, 1);
  g_assert_null (server_find (list, 2));
  g_assert_nonnull (server_find (list, 1));
  g_clear_object (&list);

  test_window_close (window);
}

int
main (int   argc,
      char *argv[])
{
  TestUi *ui = test_ui_init (&argc, &argv);

  server = ui->server;
  admin = ui->admin;
  test_create_user (server->base, admin, "fiona", "facility_manager", 0);

  g_test_add_func ("/ui/structure/edit", test_structure);
  return test_ui_run (ui);
}
