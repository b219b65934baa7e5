/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-facility-page"

#include "config.h"

#include "platz-facility-page.h"

#include <glib/gi18n.h>

#include "platz-bar-chart.h"
#include "platz-structure-tree.h"
#include "platz-ui.h"
#include "platz-facility-page-private.h"

G_DEFINE_FINAL_TYPE (PlatzFacilityPage, platz_facility_page, GTK_TYPE_WIDGET)

static void load_floor (PlatzFacilityPage *self);
static void reload_plan (PlatzFacilityPage *self);

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

void
platz_facility_page_busy (PlatzFacilityPage *self,
                          gboolean           on)
{
  platz_ui_busy (self->spinner, &self->pending, on);
}

/* Finishes a call started with the page as user data: FALSE (and the
 * error shown) when it failed. A call that succeeded is still counted:
 * the caller goes on with the next call or counts it off. */
gboolean
platz_facility_page_check (PlatzFacilityPage *self,
                           const GError      *error)
{
  if (error == NULL)
    return TRUE;
  /* A cancelled call may outlive the page: do not touch self. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  return platz_ui_busy_done (GTK_WIDGET (self), self->spinner, &self->pending, FALSE, error);
}

gboolean
platz_facility_page_done (PlatzFacilityPage *self,
                          const GError      *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  return platz_ui_busy_done (GTK_WIDGET (self), self->spinner, &self->pending, error == NULL,
                             error);
}

static PlatzDesk *
find_desk (PlatzFacilityPage *self,
           gint64             desk_id)
{
  PlatzFloorData *data = platz_floor_plan_get_floor (self->floor_plan);

  return data != NULL ? platz_floor_data_find_desk (data, desk_id) : NULL;
}

static void
show_desk_form (PlatzFacilityPage *self)
{
  PlatzDesk *desk = find_desk (self, self->selected_desk);
  g_autofree char *equipment = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->desk_group), desk != NULL);
  gtk_widget_set_visible (self->desk_buttons, desk != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->room_group), FALSE);
  gtk_widget_set_visible (self->room_save_button, FALSE);
  if (desk == NULL)
    return;
  equipment = desk->equipment != NULL ? g_strjoinv (", ", desk->equipment) : g_strdup ("");
  adw_preferences_group_set_title (self->desk_group, desk->name);
  gtk_editable_set_text (GTK_EDITABLE (self->desk_name_row), desk->name);
  gtk_editable_set_text (GTK_EDITABLE (self->desk_equipment_row), equipment);
  gtk_switch_set_active (self->desk_accessible_switch, desk->accessible);
  gtk_editable_set_text (GTK_EDITABLE (self->desk_reason_row),
                         desk->blocked_reason != NULL ? desk->blocked_reason : "");
  gtk_button_set_label (self->block_button, desk->bookable ? _("_Block") : _("_Unblock"));
  platz_floor_plan_set_selected (self->floor_plan, desk->id, 0);
}

static void
show_room_form (PlatzFacilityPage *self)
{
  PlatzFloorData *data = platz_floor_plan_get_floor (self->floor_plan);
  PlatzRoom *room = data != NULL ? platz_floor_data_find_room (data, self->selected_room) : NULL;
  g_autofree char *info = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->desk_group), FALSE);
  gtk_widget_set_visible (self->desk_buttons, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->room_group), room != NULL);
  gtk_widget_set_visible (self->room_save_button, room != NULL);
  if (room == NULL)
    return;
  info = g_strdup_printf (_("%s · %.0f m² · %.1f × %.1f at (%.1f, %.1f)"), room->kind,
                          room->area_m2, room->w, room->h, room->x, room->y);
  adw_preferences_group_set_title (self->room_group, room->name);
  gtk_editable_set_text (GTK_EDITABLE (self->room_name_row), room->name);
  adw_action_row_set_subtitle (self->room_info_row, info);
  platz_floor_plan_set_selected (self->floor_plan, 0, room->id);
}

char **
platz_facility_page_split_tags (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ", ", -1);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **tags;

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);
  tags = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return tags;
}

/* ------------------------------------------------------------------ */
/* Editing desks and rooms                                             */
/* ------------------------------------------------------------------ */

static void
on_patched_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PlatzFacilityPage) self = user_data;
  g_autoptr(PlatzRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  const char *message;

  record = platz_api_record_finish (PLATZ_API (source), result, &error);
  if (!platz_facility_page_check (self, error))
    {
      /* Show what the server has, not what failed to save. */
      load_floor (self);
      return;
    }
  platz_facility_page_busy (self, FALSE);
  message = g_object_get_data (G_OBJECT (record), "message");
  if (platz_record_get_kind (record) == &platz_desk_type)
    {
      PlatzDesk *saved = platz_record_get_data (record);
      PlatzDesk *desk = find_desk (self, saved->id);

      if (desk != NULL)
        {
          /* Keep the plan's copy in step without reloading it. */
          desk->bookable = saved->bookable;
          g_free (desk->blocked_reason);
          desk->blocked_reason = g_strdup (saved->blocked_reason);
          g_free (desk->name);
          desk->name = g_strdup (saved->name);
          g_strfreev (desk->equipment);
          desk->equipment = g_strdupv (saved->equipment);
          desk->accessible = saved->accessible;
        }
      platz_floor_plan_set_floor (self->floor_plan, platz_floor_plan_get_floor (self->floor_plan));
      if (saved->id == self->selected_desk)
        show_desk_form (self);
    }
  platz_ui_toast (GTK_WIDGET (self), message != NULL ? message : _("Saved."));
}

static void
patch (PlatzFacilityPage  *self,
       const PlatzType    *type,
       gint64              id,
       gconstpointer       obj,
       const char * const *fields)
{
  platz_facility_page_busy (self, TRUE);
  platz_api_patch_async (self->api, type, id, obj, fields, NULL, on_patched_cb,
                         g_object_ref (self));
}

static void
on_plan_desk_moved_cb (PlatzFacilityPage *self,
                       gint64             desk_id,
                       double             x,
                       double             y)
{
  static const char * const fields[] = { "x", "y", NULL };
  PlatzDesk desk = { .id = desk_id, .x = x, .y = y };

  self->selected_desk = desk_id;
  show_desk_form (self);
  patch (self, &platz_desk_type, desk_id, &desk, fields);
}

static void
on_plan_room_moved_cb (PlatzFacilityPage *self,
                       gint64             room_id,
                       double             x,
                       double             y)
{
  static const char * const fields[] = { "x", "y", NULL };
  PlatzRoom room = { .id = room_id, .x = x, .y = y };

  self->selected_room = room_id;
  show_room_form (self);
  patch (self, &platz_room_type, room_id, &room, fields);
}

static void
on_plan_desk_activated_cb (PlatzFacilityPage *self,
                           gint64             desk_id)
{
  platz_facility_page_select_desk (self, desk_id);
}

static void
on_plan_room_activated_cb (PlatzFacilityPage *self,
                           gint64             room_id)
{
  self->selected_desk = 0;
  self->selected_room = room_id;
  show_room_form (self);
}

static void
on_save_desk_clicked_cb (PlatzFacilityPage *self)
{
  static const char * const fields[] = { "name", "equipment", "accessible", NULL };
  g_auto(GStrv) equipment = platz_facility_page_split_tags (gtk_editable_get_text (
    GTK_EDITABLE (self->desk_equipment_row)));
  PlatzDesk desk = { 0 };

  if (self->selected_desk == 0)
    return;
  desk.name = (char *) gtk_editable_get_text (GTK_EDITABLE (self->desk_name_row));
  desk.equipment = equipment;
  desk.accessible = gtk_switch_get_active (self->desk_accessible_switch);
  patch (self, &platz_desk_type, self->selected_desk, &desk, fields);
}

static void
on_block_clicked_cb (PlatzFacilityPage *self)
{
  PlatzDesk *desk = find_desk (self, self->selected_desk);
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (self->desk_reason_row));

  if (desk == NULL)
    return;
  if (desk->bookable)
    {
      if (*reason == '\0')
        {
          platz_ui_toast (GTK_WIDGET (self), _("Please say why the desk is blocked."));
          gtk_widget_grab_focus (GTK_WIDGET (self->desk_reason_row));
          return;
        }
      platz_facility_page_block_selected (self, reason);
    }
  else
    platz_facility_page_block_selected (self, NULL);
}

static void
on_save_room_clicked_cb (PlatzFacilityPage *self)
{
  static const char * const fields[] = { "name", NULL };
  PlatzRoom room = { 0 };

  if (self->selected_room == 0)
    return;
  room.name = (char *) gtk_editable_get_text (GTK_EDITABLE (self->room_name_row));
  patch (self, &platz_room_type, self->selected_room, &room, fields);
}

static void
on_deleted_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PlatzFacilityPage) self = user_data;
  g_autoptr(GError) error = NULL;

  platz_api_boolean_finish (PLATZ_API (source), result, &error);
  if (!platz_facility_page_done (self, error))
    return;
  self->selected_desk = 0;
  show_desk_form (self);
  platz_ui_toast (GTK_WIDGET (self), _("Desk deleted."));
  load_floor (self);
}

static void
on_delete_desk_clicked_cb (PlatzFacilityPage *self)
{
  if (self->selected_desk == 0)
    return;
  platz_facility_page_busy (self, TRUE);
  platz_api_delete_async (self->api, &platz_desk_type, self->selected_desk, FALSE, NULL,
                          on_deleted_cb, g_object_ref (self));
}

static void
on_desk_created_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PlatzFacilityPage) self = user_data;
  g_autoptr(PlatzRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  record = platz_api_record_finish (PLATZ_API (source), result, &error);
  if (!platz_facility_page_done (self, error))
    return;
  self->selected_desk = platz_record_get_id (record);
  platz_ui_toast (GTK_WIDGET (self), _("Desk added. Drag it where it belongs."));
  load_floor (self);
}

static void
on_add_desk_clicked_cb (PlatzFacilityPage *self)
{
  PlatzFloorData *data = platz_floor_plan_get_floor (self->floor_plan);
  PlatzRoom *room = NULL;
  g_autofree char *name = NULL;
  PlatzDesk desk = { 0 };
  guint count = 0;

  if (data == NULL)
    return;
  if (self->selected_room != 0)
    room = platz_floor_data_find_room (data, self->selected_room);
  for (guint i = 0; room == NULL && i < data->rooms->len; i++)
    if (g_strcmp0 (((PlatzRoom *) data->rooms->pdata[i])->kind, "office") == 0)
      room = data->rooms->pdata[i];
  if (room == NULL)
    {
      platz_ui_toast (GTK_WIDGET (self), _("This floor has no office to put a desk in."));
      return;
    }
  for (guint i = 0; i < data->desks->len; i++)
    if (((PlatzDesk *) data->desks->pdata[i])->room_id == room->id)
      count++;
  name = g_strdup_printf ("%s-%u", room->name, count + 1);
  desk.room_id = room->id;
  desk.name = name;
  desk.x = room->x + room->w / 2;
  desk.y = room->y + room->h / 2;
  desk.bookable = TRUE;
  platz_facility_page_busy (self, TRUE);
  platz_api_create_async (self->api, &platz_desk_type, &desk, NULL, on_desk_created_cb,
                          g_object_ref (self));
}

/* ------------------------------------------------------------------ */
/* Plan upload                                                         */
/* ------------------------------------------------------------------ */

static void
on_uploaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PlatzFacilityPage) self = user_data;
  g_autoptr(GError) error = NULL;

  platz_api_boolean_finish (PLATZ_API (source), result, &error);
  if (!platz_facility_page_done (self, error))
    return;
  platz_ui_toast (GTK_WIDGET (self), _("Floor plan uploaded."));
  load_floor (self);
}

static void
on_file_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PlatzFacilityPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));

  bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  if (!platz_facility_page_check (self, error))
    return;
  platz_api_upload_plan_async (self->api, self->floor_id, bytes,
                               g_str_has_suffix (name, ".svg") ? "image/svg+xml" : "image/png",
                               NULL, on_uploaded_cb, g_object_ref (self));
}

static void
on_chooser_response_cb (GtkNativeDialog   *dialog,
                        int                response,
                        PlatzFacilityPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  platz_facility_page_busy (self, TRUE);
  g_file_load_bytes_async (file, NULL, on_file_loaded_cb, g_object_ref (self));
}

static void
on_upload_clicked_cb (PlatzFacilityPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->floor_id == 0)
    return;
  gtk_file_filter_set_name (filter, _("Floor plans (PNG, SVG)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  self->chooser = gtk_file_chooser_native_new (_("Upload Floor Plan"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Upload"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */
/* ------------------------------------------------------------------ */

static void
on_floor_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PlatzFacilityPage *self = user_data;
  g_autoptr(PlatzFloorData) data = NULL;
  g_autoptr(GError) error = NULL;
  gint64 old_site = self->site_id;

  data = platz_api_get_floor_finish (PLATZ_API (source), result, &error);
  if (!platz_facility_page_done (self, error))
    return;
  platz_floor_plan_set_floor (self->floor_plan, data);
  self->site_id = data->site_id;
  if (find_desk (self, self->selected_desk) != NULL)
    show_desk_form (self);
  else
    {
      self->selected_desk = 0;
      show_desk_form (self);
    }
  /* Reports follow the floor (utilisation) and its site (planner). */
  (void) old_site;
  platz_facility_page_load_reports (self);
}

static void
load_floor (PlatzFacilityPage *self)
{
  if (self->floor_id == 0)
    {
      platz_floor_plan_set_floor (self->floor_plan, NULL);
      return;
    }
  platz_facility_page_busy (self, TRUE);
  platz_api_get_floor_async (self->api, self->floor_id, self->cancellable, on_floor_cb, self);
}

static void
on_floor_selected_cb (PlatzFacilityPage *self)
{
  PlatzRecord *record = gtk_drop_down_get_selected_item (self->floor_dropdown);

  if (self->populating)
    return;
  self->floor_id = record != NULL ? platz_record_get_id (record) : 0;
  self->selected_desk = self->selected_room = 0;
  show_desk_form (self);
  load_floor (self);
}

static void
on_floors_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  PlatzFacilityPage *self = user_data;
  g_autoptr(GListModel) floors = NULL;
  g_autoptr(GError) error = NULL;
  guint position = 0;

  floors = platz_api_list_finish (PLATZ_API (source), result, &error);
  if (!platz_facility_page_done (self, error))
    return;

  self->populating = TRUE;
  g_list_store_remove_all (self->floors);
  for (guint i = 0; i < g_list_model_get_n_items (floors); i++)
    {
      g_autoptr(PlatzRecord) record = g_list_model_get_item (floors, i);
      PlatzFloor *floor = platz_object_copy (&platz_floor_type, platz_record_get_data (record));

      /* Show "Building · Floor" in the one dropdown. */
      for (guint j = 0; self->buildings && j < g_list_model_get_n_items (self->buildings); j++)
        {
          g_autoptr(PlatzRecord) b = g_list_model_get_item (self->buildings, j);

          if (platz_record_get_id (b) == floor->building_id)
            {
              char *name = g_strdup_printf ("%s · %s", platz_record_get_title (b), floor->name);

              g_free (floor->name);
              floor->name = name;
            }
        }
      {
        g_autoptr(PlatzRecord) labelled = platz_record_new (&platz_floor_type, floor);

        if (platz_record_get_id (labelled) == self->floor_id)
          position = i;
        g_list_store_append (self->floors, labelled);
      }
    }
  self->populating = FALSE;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->floors)) > 0)
    {
      gtk_drop_down_set_selected (self->floor_dropdown, position);
      on_floor_selected_cb (self);
    }
}

static void
on_buildings_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PlatzFacilityPage *self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->buildings);
  self->buildings = platz_api_list_finish (PLATZ_API (source), result, &error);
  if (!platz_facility_page_check (self, error))
    return;
  platz_api_list_floors_async (self->api, 0, self->cancellable, on_floors_cb, self);
}

/* ------------------------------------------------------------------ */
/* Structure tree                                                      */
/* ------------------------------------------------------------------ */

static void
on_structure_floor_selected_cb (PlatzFacilityPage *self,
                                gint64             floor_id)
{
  guint position;

  /* The plan editor follows the floor chosen in the tree. */
  for (position = 0; position < g_list_model_get_n_items (G_LIST_MODEL (self->floors)); position++)
    {
      g_autoptr(PlatzRecord) floor = g_list_model_get_item (G_LIST_MODEL (self->floors), position);

      if (platz_record_get_id (floor) == floor_id)
        {
          gtk_drop_down_set_selected (self->floor_dropdown, position);
          return;
        }
    }
  /* A floor the dropdown does not list yet. */
  self->floor_id = floor_id;
}

static void
on_structure_changed_cb (PlatzFacilityPage *self)
{
  reload_plan (self);
}

/* ------------------------------------------------------------------ */
/* GObject overrides                                                   */
/* ------------------------------------------------------------------ */

static void
platz_facility_page_dispose (GObject *object)
{
  PlatzFacilityPage *self = PLATZ_FACILITY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->api);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLATZ_TYPE_FACILITY_PAGE);
  platz_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->floors);
  g_clear_object (&self->buildings);
  G_OBJECT_CLASS (platz_facility_page_parent_class)->dispose (object);
}

static void
platz_facility_page_class_init (PlatzFacilityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = platz_facility_page_dispose;

  g_type_ensure (PLATZ_TYPE_FLOOR_PLAN);
  g_type_ensure (PLATZ_TYPE_BAR_CHART);
  g_type_ensure (PLATZ_TYPE_STRUCTURE_TREE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/platz/Platz/platz-facility-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PlatzFacilityPage, name)
  BIND (floor_dropdown);
  BIND (spinner);
  BIND (tabs);
  BIND (floor_plan);
  BIND (hint_label);
  BIND (desk_group);
  BIND (desk_name_row);
  BIND (desk_equipment_row);
  BIND (desk_accessible_switch);
  BIND (desk_reason_row);
  BIND (desk_buttons);
  BIND (block_button);
  BIND (room_group);
  BIND (room_name_row);
  BIND (room_info_row);
  BIND (room_save_button);
  BIND (standards_list);
  BIND (standard_name_row);
  BIND (standard_max_spin);
  BIND (standard_area_spin);
  BIND (standard_head_check);
  BIND (standard_staff_check);
  BIND (utilisation_rooms);
  BIND (utilisation_label);
  BIND (utilisation_chart);
  BIND (planner_grid);
  BIND (planner_chart);
  BIND (structure_tree);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_upload_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_desk_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_desk_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_room_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_desk_moved_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_room_moved_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_desk_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_block_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_desk_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_room_clicked_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_add_standard_clicked_cb",
                                                G_CALLBACK (platz_facility_page_add_standard));
  gtk_widget_class_bind_template_callback (widget_class, on_structure_floor_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_structure_changed_cb);
}

static void
platz_facility_page_init (PlatzFacilityPage *self)
{
  static const char *util_names[] = { N_("Booked half-days"), N_("Half-days available"),
                                      N_("No-shows") };
  static const char *plan_names[] = { N_("Desks"), N_("Desks needed"), N_("Rooms"),
                                      N_("Rooms needed") };
  const GdkRGBA util_colors[] = {
    { 0.11f, 0.44f, 0.85f, 1 }, { 0.75f, 0.75f, 0.75f, 1 }, { 0.90f, 0.38f, 0.00f, 1 },
  };
  const GdkRGBA plan_colors[] = {
    { 0.60f, 0.75f, 0.95f, 1 }, { 0.11f, 0.44f, 0.85f, 1 },
    { 0.75f, 0.90f, 0.70f, 1 }, { 0.18f, 0.60f, 0.30f, 1 },
  };
  const char *util_labels[G_N_ELEMENTS (util_names)];
  const char *plan_labels[G_N_ELEMENTS (plan_names)];
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->floors = g_list_store_new (PLATZ_TYPE_RECORD);

  expression = gtk_property_expression_new (PLATZ_TYPE_RECORD, NULL, "title");
  gtk_drop_down_set_expression (self->floor_dropdown, expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_model (self->floor_dropdown, G_LIST_MODEL (self->floors));
  g_signal_connect_swapped (self->floor_dropdown, "notify::selected",
                            G_CALLBACK (on_floor_selected_cb), self);

  platz_floor_plan_set_editable (self->floor_plan, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (util_names); i++)
    util_labels[i] = _(util_names[i]);
  for (guint i = 0; i < G_N_ELEMENTS (plan_names); i++)
    plan_labels[i] = _(plan_names[i]);
  platz_bar_chart_set_series (self->utilisation_chart, G_N_ELEMENTS (util_names),
                              util_labels, util_colors);
  platz_bar_chart_set_series (self->planner_chart, G_N_ELEMENTS (plan_names),
                              plan_labels, plan_colors);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

void
platz_facility_page_set_api (PlatzFacilityPage *self,
                             PlatzApi          *api)
{
  g_return_if_fail (PLATZ_IS_FACILITY_PAGE (self));

  g_set_object (&self->api, api);
  platz_structure_tree_set_api (self->structure_tree, api);
  reload_plan (self);
}

void
platz_facility_page_reload (PlatzFacilityPage *self)
{
  g_return_if_fail (PLATZ_IS_FACILITY_PAGE (self));

  platz_structure_tree_reload (self->structure_tree);
  reload_plan (self);
}

static void
reload_plan (PlatzFacilityPage *self)
{
  if (self->api == NULL)
    return;
  platz_ui_renew_cancellable (&self->cancellable);
  self->pending = 0;
  platz_facility_page_busy (self, TRUE);
  platz_api_list_buildings_async (self->api, 0, self->cancellable, on_buildings_cb, self);
  platz_facility_page_load_standards (self);
}

PlatzFloorPlan *
platz_facility_page_get_floor_plan (PlatzFacilityPage *self)
{
  g_return_val_if_fail (PLATZ_IS_FACILITY_PAGE (self), NULL);
  return self->floor_plan;
}

gboolean
platz_facility_page_is_loading (PlatzFacilityPage *self)
{
  g_return_val_if_fail (PLATZ_IS_FACILITY_PAGE (self), FALSE);
  return self->pending > 0;
}

void
platz_facility_page_select_desk (PlatzFacilityPage *self,
                                 gint64             desk_id)
{
  g_return_if_fail (PLATZ_IS_FACILITY_PAGE (self));

  self->selected_room = 0;
  self->selected_desk = desk_id;
  show_desk_form (self);
}

void
platz_facility_page_block_selected (PlatzFacilityPage *self,
                                    const char        *reason)
{
  static const char * const fields[] = { "bookable", "blocked_reason", NULL };
  PlatzDesk desk = { 0 };

  g_return_if_fail (PLATZ_IS_FACILITY_PAGE (self));

  if (self->selected_desk == 0)
    return;
  desk.bookable = reason == NULL;
  desk.blocked_reason = (char *) reason;
  patch (self, &platz_desk_type, self->selected_desk, &desk, fields);
}

PlatzStructureTree *
platz_facility_page_get_structure_tree (PlatzFacilityPage *self)
{
  g_return_val_if_fail (PLATZ_IS_FACILITY_PAGE (self), NULL);
  return self->structure_tree;
}

guint
platz_facility_page_get_n_planner_rows (PlatzFacilityPage *self)
{
  g_return_val_if_fail (PLATZ_IS_FACILITY_PAGE (self), 0);
  return self->n_planner_rows;
}
