/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-structure-form"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "platz-error.h"
#include "platz-ui.h"
#include "platz-structure-form.h"

#define MAX_FIELDS 12

typedef struct {
  const char *name;     /* the JSON field */
  const char *title;    /* N_() */
  guint       digits;
} FormField;

static const FormField site_fields[] = {
  { "name", N_("Name"), 0 },
  { "timezone", N_("Time zone (e.g. Europe/Berlin)"), 0 },
  { "closed_weekdays", N_("Desks closed on"), 0 },
  { NULL, NULL, 0 }
};

static const FormField building_fields[] = {
  { "name", N_("Name"), 0 },
  { "address", N_("Address"), 0 },
  { NULL, NULL, 0 }
};

static const FormField floor_fields[] = {
  { "name", N_("Name"), 0 },
  { "level", N_("Level"), 0 },
  { "width", N_("Width (m)"), 1 },
  { "height", N_("Depth (m)"), 1 },
  { NULL, NULL, 0 }
};

static const FormField room_fields[] = {
  { "name", N_("Name"), 0 },
  { "kind", N_("Kind"), 0 },
  { "area_m2", N_("Area (m²)"), 1 },
  { "capacity", N_("Capacity (persons)"), 0 },
  { "occupancy_standard_id", N_("Occupancy standard"), 0 },
  { "equipment", N_("Equipment (comma separated)"), 0 },
  { "accessible", N_("Barrier-free access"), 0 },
  { "reservable", N_("Can be reserved"), 0 },
  { NULL, NULL, 0 }
};

static const FormField desk_fields[] = {
  { "name", N_("Name"), 0 },
  { "equipment", N_("Equipment (comma separated)"), 0 },
  { "accessible", N_("Barrier-free access"), 0 },
  { "bookable", N_("Bookable"), 0 },
  { "blocked_reason", N_("Reason for blocking"), 0 },
  { "blocked_until", N_("Blocked until (YYYY-MM-DD)"), 0 },
  { "assigned_user_id", N_("Assigned to user (id, 0 for nobody)"), 0 },
  { NULL, NULL, 0 }
};

typedef struct {
  const PlatzType *type;
  const PlatzType *child;
  const char      *parent_field;
  const FormField *fields;
  const char      *title;      /* N_() */
  const char      *new_title;  /* N_() */
  const char      *add_label;  /* N_() */
  const char      *added;      /* N_() */
  const char      *contents;   /* N_(), NULL: deleted without asking */
} Kind;

static const Kind kinds[] = {
  { &platz_site_type, &platz_building_type, NULL, site_fields,
    N_("Site"), N_("New Site"), N_("Add _Building"), N_("Site added."),
    N_("Its buildings, floors, rooms and desks are deleted with it.") },
  { &platz_building_type, &platz_floor_type, "site_id", building_fields,
    N_("Building"), N_("New Building"), N_("Add _Floor"), N_("Building added."),
    N_("Its floors, rooms and desks are deleted with it.") },
  { &platz_floor_type, &platz_room_type, "building_id", floor_fields,
    N_("Floor"), N_("New Floor"), N_("Add _Room"), N_("Floor added."),
    N_("Its rooms and desks are deleted with it.") },
  { &platz_room_type, &platz_desk_type, "floor_id", room_fields,
    N_("Room"), N_("New Room"), N_("Add _Desk"), N_("Room added."),
    N_("Its desks are deleted with it.") },
  { &platz_desk_type, NULL, "room_id", desk_fields,
    N_("Desk"), N_("New Desk"), NULL, N_("Desk added."), NULL },
};

struct _PlatzStructureForm
{
  GtkWidget         parent_instance;

  PlatzApi         *api;
  GCancellable     *cancellable;
  PlatzRecord      *record;    /* being edited */
  PlatzRecord      *parent;    /* being created below (NULL for a site) */
  const Kind       *kind;      /* NULL: nothing to edit */
  gboolean          creating;
  guint             pending;
  GListModel       *standards;
  AdwMessageDialog *dialog;
  PlatzRecord      *dialog_record;
  GtkWidget        *rows[MAX_FIELDS];
  GtkWidget        *editors[MAX_FIELDS];
  guint             n_rows;

  GtkLabel         *empty_label;
  AdwPreferencesGroup *group;
  GtkWidget        *buttons;
  GtkButton        *save_button;
  GtkButton        *add_button;
  GtkButton        *cancel_button;
  GtkButton        *delete_button;
  GtkSpinner       *spinner;
};

G_DEFINE_FINAL_TYPE (PlatzStructureForm, platz_structure_form, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CREATED,
  SIGNAL_SAVED,
  SIGNAL_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A request in flight keeps the form and the records it is about. */
typedef struct {
  PlatzStructureForm *self;
  PlatzRecord        *record;
  PlatzRecord        *parent;
  const Kind         *kind;
  gboolean            force;
} Op;

static Op *
op_new (PlatzStructureForm *self,
        PlatzRecord        *record,
        PlatzRecord        *parent,
        const Kind         *kind)
{
  Op *op = g_new0 (Op, 1);

  op->self = g_object_ref (self);
  op->record = record != NULL ? g_object_ref (record) : NULL;
  op->parent = parent != NULL ? g_object_ref (parent) : NULL;
  op->kind = kind;
  return op;
}

static void
op_free (Op *op)
{
  g_clear_object (&op->self);
  g_clear_object (&op->record);
  g_clear_object (&op->parent);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Op, op_free)

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

static const Kind *
find_kind (const PlatzType *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].type == type)
      return &kinds[i];
  return NULL;
}

static void
update_buttons (PlatzStructureForm *self)
{
  gboolean idle = self->pending == 0;
  gboolean shown = self->kind != NULL;

  if (self->group == NULL)  /* disposed */
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), !shown);
  gtk_widget_set_visible (GTK_WIDGET (self->group), shown);
  gtk_widget_set_visible (self->buttons, shown);
  if (!shown)
    return;
  gtk_button_set_label (self->save_button, self->creating ? _("C_reate") : _("_Save"));
  gtk_widget_set_visible (GTK_WIDGET (self->add_button),
                          !self->creating && self->kind->child != NULL);
  if (self->kind->add_label != NULL)
    gtk_button_set_label (self->add_button, _(self->kind->add_label));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), self->creating);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), !self->creating);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "structure.save", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "structure.delete", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "structure.add-child", idle);
  gtk_spinner_set_spinning (self->spinner, !idle);
}

static void
busy (PlatzStructureForm *self,
      gboolean            on)
{
  if (on)
    self->pending++;
  else if (self->pending > 0)
    self->pending--;
  update_buttons (self);
}

static const char *
room_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "office") == 0)
    return _("Office");
  if (g_strcmp0 (kind, "project_office") == 0)
    return _("Project office");
  if (g_strcmp0 (kind, "meeting_room") == 0)
    return _("Meeting room");
  if (g_strcmp0 (kind, "lounge") == 0)
    return _("Lounge");
  return kind;
}

static char **
split_tags (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ", ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

static gboolean
is_standard_field (const PlatzField *field)
{
  return g_str_equal (field->name, "occupancy_standard_id");
}

/* The standards dropdown lists "None" and then self->standards in order. */
static void
fill_standards (PlatzStructureForm *self,
                GtkDropDown        *dropdown,
                gint64              selected_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = self->standards != NULL ? g_list_model_get_n_items (self->standards) : 0;
  guint position = 0;

  gtk_string_list_append (names, _("None"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlatzRecord) standard = g_list_model_get_item (self->standards, i);

      gtk_string_list_append (names, platz_record_get_title (standard));
      if (platz_record_get_id (standard) == selected_id)
        position = i + 1;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, position);
}

static gint64
selected_standard (PlatzStructureForm *self,
                   GtkDropDown        *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  g_autoptr(PlatzRecord) standard = NULL;

  if (position == 0 || position == GTK_INVALID_LIST_POSITION || self->standards == NULL)
    return 0;
  standard = g_list_model_get_item (self->standards, position - 1);
  return standard != NULL ? platz_record_get_id (standard) : 0;
}

static GtkWidget *
suffix_row (const char *title,
            GtkWidget  *editor)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (editor, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), editor);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), editor);
  gtk_accessible_update_property (GTK_ACCESSIBLE (editor), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  return row;
}

/* A weekday mask (PLATZ_FIELD_WEEKDAYS) as seven toggle buttons, Monday
 * first, named in the user's language by the C library. */
static GtkWidget *
weekdays_editor_new (const char *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  /* 1 January 2024 was a Monday. */
  g_autoptr(GDateTime) monday = g_date_time_new_utc (2024, 1, 1, 12, 0, 0);

  gtk_widget_add_css_class (box, "linked");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  for (int day = 0; day < 7; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (monday, day);
      g_autofree char *short_name = g_date_time_format (date, "%a");
      g_autofree char *name = g_date_time_format (date, "%A");
      GtkWidget *toggle = gtk_toggle_button_new_with_label (short_name);

      gtk_widget_set_tooltip_text (toggle, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      gtk_box_append (GTK_BOX (box), toggle);
    }
  return box;
}

static void
weekdays_editor_set (GtkWidget *box,
                     gint64     mask)
{
  int day = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child), day++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), (mask & (1 << day)) != 0);
}

static gint64
weekdays_editor_get (GtkWidget *box)
{
  gint64 mask = 0;
  int day = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child), day++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child)))
      mask |= 1 << day;
  return mask;
}

static GtkWidget *
build_row (PlatzStructureForm *self,
           const FormField    *ff,
           const PlatzField   *field,
           GtkWidget         **editor)
{
  const char *title = _(ff->title);
  GtkWidget *row;

  switch (field->type)
    {
    case PLATZ_FIELD_BOOL:
      *editor = gtk_switch_new ();
      return suffix_row (title, *editor);
    case PLATZ_FIELD_ENUM:
      {
        g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

        for (guint i = 0; field->values[i] != NULL; i++)
          gtk_string_list_append (labels, room_kind_label (field->values[i]));
        *editor = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
        return suffix_row (title, *editor);
      }
    case PLATZ_FIELD_REF:
      if (is_standard_field (field))
        {
          *editor = gtk_drop_down_new (NULL, NULL);
          fill_standards (self, GTK_DROP_DOWN (*editor), 0);
          return suffix_row (title, *editor);
        }
      *editor = gtk_spin_button_new_with_range (0, G_MAXINT32, 1);
      return suffix_row (title, *editor);
    case PLATZ_FIELD_INT:
    case PLATZ_FIELD_NUMBER:
      *editor = gtk_spin_button_new_with_range (field->min, MIN (field->max, 1e6),
                                                ff->digits > 0 ? 0.5 : 1);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (*editor), ff->digits);
      return suffix_row (title, *editor);
    case PLATZ_FIELD_WEEKDAYS:
      *editor = weekdays_editor_new (title);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_valign (*editor, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), *editor);
      return row;
    default:
      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      *editor = row;
      return row;
    }
}

static void
clear_rows (PlatzStructureForm *self)
{
  for (guint i = 0; i < self->n_rows; i++)
    adw_preferences_group_remove (self->group, self->rows[i]);
  self->n_rows = 0;
}

static void
build_rows (PlatzStructureForm *self)
{
  clear_rows (self);
  if (self->kind == NULL)
    return;
  for (const FormField *ff = self->kind->fields; ff->name != NULL; ff++)
    {
      const PlatzField *field = platz_type_find_field (self->kind->type, ff->name);

      g_assert (field != NULL && self->n_rows < MAX_FIELDS);
      self->rows[self->n_rows] = build_row (self, ff, field, &self->editors[self->n_rows]);
      adw_preferences_group_add (self->group, self->rows[self->n_rows]);
      self->n_rows++;
    }
}

/* obj -> widgets */
static void
fill (PlatzStructureForm *self,
      gconstpointer       obj)
{
  for (guint i = 0; i < self->n_rows; i++)
    {
      const PlatzField *field = platz_type_find_field (self->kind->type,
                                                       self->kind->fields[i].name);
      gconstpointer p = PLATZ_FIELD_PTR (obj, field);
      GtkWidget *editor = self->editors[i];

      switch (field->type)
        {
        case PLATZ_FIELD_BOOL:
          gtk_switch_set_active (GTK_SWITCH (editor), *(const gboolean *) p);
          break;
        case PLATZ_FIELD_ENUM:
          {
            const char *value = *(char * const *) p;

            for (guint j = 0; field->values[j] != NULL; j++)
              if (g_strcmp0 (field->values[j], value) == 0)
                gtk_drop_down_set_selected (GTK_DROP_DOWN (editor), j);
          }
          break;
        case PLATZ_FIELD_REF:
          if (is_standard_field (field))
            fill_standards (self, GTK_DROP_DOWN (editor), *(const gint64 *) p);
          else
            gtk_spin_button_set_value (GTK_SPIN_BUTTON (editor), *(const gint64 *) p);
          break;
        case PLATZ_FIELD_INT:
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (editor), *(const gint64 *) p);
          break;
        case PLATZ_FIELD_NUMBER:
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (editor), *(const double *) p);
          break;
        case PLATZ_FIELD_WEEKDAYS:
          weekdays_editor_set (editor, *(const gint64 *) p);
          break;
        case PLATZ_FIELD_TAGS:
          {
            char * const *tags = *(char * const * const *) p;
            g_autofree char *text = tags != NULL ? g_strjoinv (", ", (char **) tags)
                                                 : g_strdup ("");

            gtk_editable_set_text (GTK_EDITABLE (editor), text);
          }
          break;
        default:
          {
            const char *text = *(char * const *) p;

            gtk_editable_set_text (GTK_EDITABLE (editor), text != NULL ? text : "");
          }
          break;
        }
    }
}

/* widgets -> obj; FALSE (and a word to the user) when a required field is
 * empty. */
static gboolean
read_form (PlatzStructureForm *self,
           gpointer            obj)
{
  for (guint i = 0; i < self->n_rows; i++)
    {
      const PlatzField *field = platz_type_find_field (self->kind->type,
                                                       self->kind->fields[i].name);
      gpointer p = PLATZ_FIELD_PTR (obj, field);
      GtkWidget *editor = self->editors[i];

      if (GTK_IS_SPIN_BUTTON (editor))
        gtk_spin_button_update (GTK_SPIN_BUTTON (editor));
      switch (field->type)
        {
        case PLATZ_FIELD_BOOL:
          *(gboolean *) p = gtk_switch_get_active (GTK_SWITCH (editor));
          break;
        case PLATZ_FIELD_ENUM:
          {
            guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (editor));

            if (position < g_strv_length ((char **) field->values))
              {
                g_free (*(char **) p);
                *(char **) p = g_strdup (field->values[position]);
              }
          }
          break;
        case PLATZ_FIELD_REF:
          if (is_standard_field (field))
            *(gint64 *) p = selected_standard (self, GTK_DROP_DOWN (editor));
          else
            *(gint64 *) p = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (editor));
          break;
        case PLATZ_FIELD_INT:
          *(gint64 *) p = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (editor));
          break;
        case PLATZ_FIELD_NUMBER:
          *(double *) p = gtk_spin_button_get_value (GTK_SPIN_BUTTON (editor));
          break;
        case PLATZ_FIELD_WEEKDAYS:
          *(gint64 *) p = weekdays_editor_get (editor);
          break;
        case PLATZ_FIELD_TAGS:
          g_strfreev (*(char ***) p);
          *(char ***) p = split_tags (gtk_editable_get_text (GTK_EDITABLE (editor)));
          break;
        default:
          {
            g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (
              GTK_EDITABLE (editor))));

            if (*text == '\0' && (field->flags & PLATZ_F_REQUIRED))
              {
                g_autofree char *message = g_strdup_printf (_("Please fill in “%s”."),
                                                            _(self->kind->fields[i].title));

                platz_ui_toast (GTK_WIDGET (self), message);
                gtk_widget_grab_focus (editor);
                return FALSE;
              }
            g_free (*(char **) p);
            *(char **) p = *text != '\0' ? g_steal_pointer (&text) : NULL;
          }
          break;
        }
    }
  return TRUE;
}

static char *
default_timezone (void)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *id = g_time_zone_get_identifier (local);
  g_autoptr(GTimeZone) check = NULL;

  /* The local zone may be known only as a file (":/etc/localtime"). */
  if (id != NULL && *id != ':' && *id != '/' && strchr (id, '/') != NULL)
    check = g_time_zone_new_identifier (id);
  return g_strdup (check != NULL ? id : "UTC");
}

/* A new object of the form's type below self->parent, with sensible
 * values for what the form does not show (positions on the plan). */
static gpointer
new_object (const Kind  *kind,
            PlatzRecord *parent)
{
  gpointer obj = platz_object_new (kind->type);
  gconstpointer parent_data = parent != NULL ? platz_record_get_data (parent) : NULL;

  if (kind->parent_field != NULL && parent != NULL)
    *(gint64 *) PLATZ_FIELD_PTR (obj, platz_type_find_field (kind->type, kind->parent_field)) =
      platz_record_get_id (parent);
  if (kind->type == &platz_site_type)
    ((PlatzSite *) obj)->timezone = default_timezone ();
  else if (kind->type == &platz_floor_type)
    {
      ((PlatzFloor *) obj)->width = 40;
      ((PlatzFloor *) obj)->height = 20;
    }
  else if (kind->type == &platz_room_type)
    {
      PlatzRoom *room = obj;

      room->kind = g_strdup ("office");
      room->w = 6;
      room->h = 4;
      room->area_m2 = 24;
      room->capacity = 2;
    }
  else if (kind->type == &platz_desk_type)
    {
      const PlatzRoom *room = parent_data;
      PlatzDesk *desk = obj;

      desk->bookable = TRUE;
      if (room != NULL)
        {
          desk->x = room->x + room->w / 2;
          desk->y = room->y + room->h / 2;
        }
    }
  return obj;
}

static void
show (PlatzStructureForm *self,
      const Kind         *kind,
      gboolean            creating,
      PlatzRecord        *record,
      PlatzRecord        *parent)
{
  g_set_object (&self->record, record);
  g_set_object (&self->parent, parent);
  self->creating = creating;
  if (kind != self->kind)
    {
      self->kind = kind;
      build_rows (self);
    }
  update_buttons (self);
}

/* ------------------------------------------------------------------ */
/* Requests                                                            */
/* ------------------------------------------------------------------ */

static void
on_standards_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) standards = platz_api_list_finish (PLATZ_API (source), result, &error);
  PlatzStructureForm *self = user_data;

  if (standards == NULL)
    return;
  g_set_object (&self->standards, standards);
  /* Refill an open room form, keeping its choice. */
  for (guint i = 0; i < self->n_rows; i++)
    if (GTK_IS_DROP_DOWN (self->editors[i])
        && g_str_equal (self->kind->fields[i].name, "occupancy_standard_id"))
      {
        gint64 id = selected_standard (self, GTK_DROP_DOWN (self->editors[i]));

        if (id == 0 && self->record != NULL && !self->creating)
          id = ((PlatzRoom *) platz_record_get_data (self->record))->occupancy_standard_id;
        fill_standards (self, GTK_DROP_DOWN (self->editors[i]), id);
      }
}

static void
load_standards (PlatzStructureForm *self)
{
  if (self->api == NULL)
    return;
  platz_api_list_standards_async (self->api, self->cancellable, on_standards_cb, self);
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Op) op = user_data;
  PlatzStructureForm *self = op->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlatzRecord) saved = platz_api_record_finish (PLATZ_API (source), result, &error);

  busy (self, FALSE);
  if (self->api == NULL)  /* disposed */
    return;
  if (saved == NULL)
    {
      /* The form keeps what was typed. */
      platz_ui_error (GTK_WIDGET (self), error);
      return;
    }
  platz_record_replace_data (op->record,
                             platz_object_copy (op->kind->type, platz_record_get_data (saved)));
  if (self->record == op->record && !self->creating)
    platz_structure_form_edit (self, op->record);
  platz_ui_toast (GTK_WIDGET (self), _("Saved."));
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, op->record);
}

static void
on_created_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Op) op = user_data;
  PlatzStructureForm *self = op->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlatzRecord) created = platz_api_record_finish (PLATZ_API (source), result, &error);

  busy (self, FALSE);
  if (self->api == NULL)
    return;
  if (created == NULL)
    {
      platz_ui_error (GTK_WIDGET (self), error);
      return;
    }
  platz_ui_toast (GTK_WIDGET (self), _(op->kind->added));
  /* Still on that new-object form: go on editing what was created. */
  if (self->creating && self->kind == op->kind && self->parent == op->parent)
    platz_structure_form_edit (self, created);
  g_signal_emit (self, signals[SIGNAL_CREATED], 0, op->parent, created);
}

static void
save (PlatzStructureForm *self)
{
  gpointer obj;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (self->kind == NULL || self->api == NULL || (!self->creating && self->record == NULL))
    return;
  obj = self->creating ? new_object (self->kind, self->parent)
                       : platz_object_copy (self->kind->type, platz_record_get_data (self->record));
  if (!read_form (self, obj))
    {
      platz_object_free (self->kind->type, obj);
      return;
    }
  busy (self, TRUE);
  if (self->creating)
    platz_api_create_async (self->api, self->kind->type, obj, NULL, on_created_cb,
                            op_new (self, NULL, self->parent, self->kind));
  else
    {
      for (const FormField *ff = self->kind->fields; ff->name != NULL; ff++)
        g_ptr_array_add (names, (gpointer) ff->name);
      g_ptr_array_add (names, NULL);
      platz_api_patch_async (self->api, self->kind->type, platz_record_get_id (self->record), obj,
                             (const char * const *) names->pdata, NULL, on_saved_cb,
                             op_new (self, self->record, NULL, self->kind));
    }
  /* Both calls encode obj before they return. */
  platz_object_free (self->kind->type, obj);
}

static void ask (PlatzStructureForm *self, PlatzRecord *record, const char *heading,
                 const char *body, const char *response, const char *label);

static void
on_deleted_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Op) op = user_data;
  PlatzStructureForm *self = op->self;
  g_autoptr(GError) error = NULL;
  gboolean ok = platz_api_boolean_finish (PLATZ_API (source), result, &error);

  busy (self, FALSE);
  if (self->api == NULL)
    return;
  if (!ok)
    {
      if (!op->force && g_error_matches (error, PLATZ_ERROR, PLATZ_ERROR_HAS_FUTURE_BOOKINGS))
        ask (self, op->record, _("Cancel Future Bookings?"), error->message, "force",
             _("Cancel Bookings and _Delete"));
      else
        platz_ui_error (GTK_WIDGET (self), error);
      return;
    }
  platz_ui_toast (GTK_WIDGET (self), _("Deleted."));
  if (self->record == op->record)
    platz_structure_form_edit (self, NULL);
  g_signal_emit (self, signals[SIGNAL_DELETED], 0, op->record);
}

static void
start_delete (PlatzStructureForm *self,
              PlatzRecord        *record,
              gboolean            force)
{
  const Kind *kind = find_kind (platz_record_get_kind (record));
  Op *op = op_new (self, record, NULL, kind);

  op->force = force;
  busy (self, TRUE);
  platz_api_delete_async (self->api, kind->type, platz_record_get_id (record), force, NULL,
                          on_deleted_cb, op);
}

static void
on_dialog_response_cb (AdwMessageDialog   *dialog,
                       const char         *response,
                       PlatzStructureForm *self)
{
  g_autoptr(PlatzRecord) record = g_steal_pointer (&self->dialog_record);

  self->dialog = NULL;
  if (record == NULL || self->api == NULL)
    return;
  if (g_str_equal (response, "delete"))
    start_delete (self, record, FALSE);
  else if (g_str_equal (response, "force"))
    start_delete (self, record, TRUE);
}

static void
close_dialog (PlatzStructureForm *self)
{
  if (self->dialog == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->dialog, self);
  gtk_window_destroy (GTK_WINDOW (self->dialog));
  self->dialog = NULL;
  g_clear_object (&self->dialog_record);
}

static void
ask (PlatzStructureForm *self,
     PlatzRecord        *record,
     const char         *heading,
     const char         *body,
     const char         *response,
     const char         *label)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  close_dialog (self);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), response, label);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (on_dialog_response_cb), self);
  self->dialog = ADW_MESSAGE_DIALOG (dialog);
  self->dialog_record = g_object_ref (record);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */
/* ------------------------------------------------------------------ */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (PLATZ_STRUCTURE_FORM (widget));
}

static void
add_child_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PlatzStructureForm *self = PLATZ_STRUCTURE_FORM (widget);

  if (self->creating || self->record == NULL || self->kind->child == NULL)
    return;
  platz_structure_form_create (self, self->kind->child, self->record);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlatzStructureForm *self = PLATZ_STRUCTURE_FORM (widget);
  g_autoptr(PlatzRecord) parent = self->parent != NULL ? g_object_ref (self->parent) : NULL;

  if (self->creating)
    platz_structure_form_edit (self, parent);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlatzStructureForm *self = PLATZ_STRUCTURE_FORM (widget);
  g_autofree char *heading = NULL;

  if (self->creating || self->record == NULL || self->api == NULL)
    return;
  if (self->kind->contents == NULL)
    {
      start_delete (self, self->record, FALSE);
      return;
    }
  heading = g_strdup_printf (_("Delete “%s”?"), platz_record_get_title (self->record));
  ask (self, self->record, heading, _(self->kind->contents), "delete", _("_Delete"));
}

/* ------------------------------------------------------------------ */
/* GObject overrides                                                   */
/* ------------------------------------------------------------------ */

static void
platz_structure_form_dispose (GObject *object)
{
  PlatzStructureForm *self = PLATZ_STRUCTURE_FORM (object);

  close_dialog (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->api);
  g_clear_object (&self->record);
  g_clear_object (&self->parent);
  g_clear_object (&self->standards);
  self->n_rows = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), PLATZ_TYPE_STRUCTURE_FORM);
  platz_ui_unparent_children (GTK_WIDGET (self));
  G_OBJECT_CLASS (platz_structure_form_parent_class)->dispose (object);
}

static void
platz_structure_form_class_init (PlatzStructureFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = platz_structure_form_dispose;

  /* created (parent or NULL, new record) */
  signals[SIGNAL_CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 2, PLATZ_TYPE_RECORD, PLATZ_TYPE_RECORD);
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, PLATZ_TYPE_RECORD);
  signals[SIGNAL_DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, PLATZ_TYPE_RECORD);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/platz/Platz/platz-structure-form.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PlatzStructureForm, name)
  BIND (empty_label);
  BIND (group);
  BIND (buttons);
  BIND (save_button);
  BIND (add_button);
  BIND (cancel_button);
  BIND (delete_button);
  BIND (spinner);
#undef BIND
  gtk_widget_class_install_action (widget_class, "structure.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "structure.add-child", NULL, add_child_action);
  gtk_widget_class_install_action (widget_class, "structure.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "structure.delete", NULL, delete_action);
}

static void
platz_structure_form_init (PlatzStructureForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

void
platz_structure_form_set_api (PlatzStructureForm *self,
                              PlatzApi           *api)
{
  g_return_if_fail (PLATZ_IS_STRUCTURE_FORM (self));

  g_set_object (&self->api, api);
  load_standards (self);
}

void
platz_structure_form_edit (PlatzStructureForm *self,
                           PlatzRecord        *record)
{
  const Kind *kind;

  g_return_if_fail (PLATZ_IS_STRUCTURE_FORM (self));

  kind = record != NULL ? find_kind (platz_record_get_kind (record)) : NULL;
  g_return_if_fail (record == NULL || kind != NULL);
  show (self, kind, FALSE, record, NULL);
  if (kind == NULL)
    return;
  adw_preferences_group_set_title (self->group, platz_record_get_title (record));
  adw_preferences_group_set_description (self->group, _(kind->title));
  fill (self, platz_record_get_data (record));
  if (kind->type == &platz_room_type)
    load_standards (self);
}

void
platz_structure_form_create (PlatzStructureForm *self,
                             const PlatzType    *type,
                             PlatzRecord        *parent)
{
  const Kind *kind;
  gpointer obj;
  g_return_if_fail (PLATZ_IS_STRUCTURE_FORM (self));
  kind = find_kind (type);
  g_return_if_fail (kind != NULL);
  g_return_if_fail ((parent == NULL) == (kind->parent_field == NULL));

  show (self, kind, TRUE, NULL, parent);
  adw_preferences_group_set_title (self->group, _(kind->new_title));
  adw_preferences_group_set_description (self->group,
                                         parent != NULL ? platz_record_get_title (parent) : NULL);
  obj = new_object (kind, parent);
  fill (self, obj);
  platz_object_free (kind->type, obj);
  if (kind->type == &platz_room_type)
    load_standards (self);
  gtk_widget_grab_focus (self->editors[0]);
}

PlatzRecord *
platz_structure_form_get_record (PlatzStructureForm *self)
{
  g_return_val_if_fail (PLATZ_IS_STRUCTURE_FORM (self), NULL);
  return self->creating ? NULL : self->record;
}

gboolean
platz_structure_form_is_busy (PlatzStructureForm *self)
{
  g_return_val_if_fail (PLATZ_IS_STRUCTURE_FORM (self), FALSE);
  return self->pending > 0;
}

GtkWidget *
platz_structure_form_get_editor (PlatzStructureForm *self,
                                 const char         *field)
{
  g_return_val_if_fail (PLATZ_IS_STRUCTURE_FORM (self), NULL);

  for (guint i = 0; i < self->n_rows; i++)
    if (g_str_equal (self->kind->fields[i].name, field))
      return self->editors[i];
  return NULL;
}

AdwMessageDialog *
platz_structure_form_get_dialog (PlatzStructureForm *self)
{
  g_return_val_if_fail (PLATZ_IS_STRUCTURE_FORM (self), NULL);
  return self->dialog;
}
