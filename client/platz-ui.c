/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "platz-date.h"
#include "platz-window.h"
#include "platz-ui.h"

static PlatzWindow *
find_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  /* Dialogs are their own windows: go to the window they belong to. */
  while (root != NULL && !PLATZ_IS_WINDOW (root) && GTK_IS_WINDOW (root))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (root));

      root = parent != NULL ? GTK_ROOT (parent) : NULL;
    }
  return root != NULL && PLATZ_IS_WINDOW (root) ? PLATZ_WINDOW (root) : NULL;
}

void
platz_ui_add_toast (GtkWidget *widget,
                    AdwToast  *toast)
{
  PlatzWindow *window = find_window (widget);

  if (window != NULL)
    platz_window_add_toast (window, toast);
  else
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (toast);
    }
}

void
platz_ui_toast (GtkWidget  *widget,
                const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 5);
  platz_ui_add_toast (widget, toast);
}

gboolean
platz_ui_error (GtkWidget    *widget,
                const GError *error)
{
  if (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  platz_ui_toast (widget, error->message);
  return TRUE;
}

void
platz_ui_busy (GtkSpinner *spinner,
               guint      *pending,
               gboolean    on)
{
  if (on)
    (*pending)++;
  else if (*pending > 0)
    (*pending)--;
  gtk_spinner_set_spinning (spinner, *pending > 0);
}

gboolean
platz_ui_busy_done (GtkWidget    *widget,
                    GtkSpinner   *spinner,
                    guint        *pending,
                    gboolean      ok,
                    const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  platz_ui_busy (spinner, pending, FALSE);
  if (!ok)
    platz_ui_error (widget, error);
  return ok;
}

void
platz_ui_renew_cancellable (GCancellable **cancellable)
{
  g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
  *cancellable = g_cancellable_new ();
}

GtkWindow *
platz_ui_reserve_dialog_new (GtkWidget  *widget,
                             const char *title,
                             int         width,
                             GCallback   on_reserve,
                             GtkWidget **reserve,
                             GtkWidget **spinner,
                             GtkBox    **content)
{
  GtkWidget *dialog = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *padded = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_window_set_title (GTK_WINDOW (dialog), title);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), width, -1);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  if (GTK_IS_WINDOW (gtk_widget_get_root (widget)))
    gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                  GTK_WINDOW (gtk_widget_get_root (widget)));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), dialog);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  *reserve = gtk_button_new_with_mnemonic (_("_Reserve"));
  gtk_widget_set_name (*reserve, "reserve");
  gtk_widget_add_css_class (*reserve, "suggested-action");
  g_signal_connect (*reserve, "clicked", on_reserve, dialog);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), *reserve);
  *spinner = gtk_spinner_new ();
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), *spinner);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (padded, 12);
  gtk_widget_set_margin_end (padded, 12);
  gtk_widget_set_margin_top (padded, 12);
  gtk_widget_set_margin_bottom (padded, 18);
  gtk_box_append (GTK_BOX (box), padded);
  adw_window_set_content (ADW_WINDOW (dialog), box);
  *content = GTK_BOX (padded);
  return GTK_WINDOW (dialog);
}

void
platz_ui_reserve_dialog_set_busy (GtkWidget *reserve,
                                  GtkWidget *spinner,
                                  gboolean   busy)
{
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), busy);
  gtk_widget_set_sensitive (reserve, !busy);
}

GtkWidget *
platz_ui_boxed_list_new (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

char *
platz_ui_format_date (const char *iso_date)
{
  GDate date;
  char buffer[128];

  if (iso_date == NULL || !platz_date_parse (iso_date, &date))
    return g_strdup (iso_date != NULL ? iso_date : "");
  /* TRANSLATORS: a date in strftime format, e.g. Monday, 5 January 2026 */
  if (g_date_strftime (buffer, sizeof buffer, _("%A, %-d %B %Y"), &date) == 0)
    return g_strdup (iso_date);
  return g_strdup (buffer);
}

char *
platz_ui_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

const char *
platz_ui_slot_label (const char *slot)
{
  if (g_strcmp0 (slot, "am") == 0)
    return _("Morning");
  if (g_strcmp0 (slot, "pm") == 0)
    return _("Afternoon");
  if (g_strcmp0 (slot, "full_day") == 0)
    return _("Whole day");
  return slot != NULL ? slot : "";
}

void
platz_ui_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/* ------------------------------------------------------------------ */
/* Names a screen reader speaks                                        */
/* ------------------------------------------------------------------ */

/* "_Save" -> "Save", "a__b" -> "a_b". */
static char *
strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Up to 8 labels under widget with text, in order, not those of the
 * buttons under it. */
static guint
find_labels (GtkWidget  *widget,
             GtkWidget **labels,
             guint       n)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && n < 8;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child) && *gtk_label_get_text (GTK_LABEL (child)) != '\0')
        labels[n++] = child;
      else if (!GTK_IS_BUTTON (child))   /* a button inside says what it does */
        n = find_labels (child, labels, n);
    }
  return n;
}

/* label names widget; use_underline: without its mnemonic underscore. */
static void
set_label (GtkWidget  *widget,
           const char *label,
           gboolean    use_underline)
{
  g_autofree char *plain = use_underline ? strip_mnemonic (label) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  plain != NULL ? plain : label, -1);
}

static void name_control (GtkWidget *widget);

/* GTK 4.8 presents the pages a stack does not show to a screen reader as
 * if they were on screen: a user browsing the window would meet the
 * controls of every other screen (and a squeezer's every variant).  Only
 * the visible page is presented. */
static void
on_stack_visible_child_cb (GtkWidget  *stack,
                           GParamSpec *pspec)
{
  GtkWidget *visible;

  if (ADW_IS_VIEW_STACK (stack))
    visible = adw_view_stack_get_visible_child (ADW_VIEW_STACK (stack));
  else if (ADW_IS_SQUEEZER (stack))
    visible = adw_squeezer_get_visible_child (ADW_SQUEEZER (stack));
  else
    visible = gtk_stack_get_visible_child (GTK_STACK (stack));

  for (GtkWidget *child = gtk_widget_get_first_child (stack); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN,
                                 child != visible, -1);
}

static void
follow_stack (GtkWidget *stack)
{
  if (g_object_get_data (G_OBJECT (stack), "platz-named") != NULL)
    return;
  g_object_set_data (G_OBJECT (stack), "platz-named", GINT_TO_POINTER (1));
  g_signal_connect (stack, "notify::visible-child", G_CALLBACK (on_stack_visible_child_cb), NULL);
  on_stack_visible_child_cb (stack, NULL);
}

static void
on_control_changed_cb (GtkWidget  *widget,
                       GParamSpec *pspec)
{
  name_control (widget);
}

/* Keeps a control's name right when its label or tooltip changes. */
static void
follow_control (GtkWidget *widget)
{
  static const char *const props[] = { "label", "use-underline", "tooltip-text", "child" };

  if (g_object_get_data (G_OBJECT (widget), "platz-named") != NULL)
    return;
  g_object_set_data (G_OBJECT (widget), "platz-named", GINT_TO_POINTER (1));
  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    {
      g_autofree char *signal = g_strconcat ("notify::", props[i], NULL);

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), props[i]) != NULL)
        g_signal_connect (widget, signal, G_CALLBACK (on_control_changed_cb), NULL);
    }
}

/* GTK 4.8 puts a button's label with its mnemonic underscore in the
 * accessible name ("_Cancel Cancel") and names a control without a label
 * by its class ("GtkButton").  This gives each the name a user hears:
 * the label without the underscore; for a button without a label its
 * tooltip (what a pointer user reads), else the label inside it; a spin
 * button in a row the row's title; an item of a list (a drop-down's
 * choice, a table's row, a list box's row) the texts it shows. */
static void
name_control (GtkWidget *widget)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  static GType list_item_type = 0;

  /* GTK's own widget for the items of list views, column views and
   * drop-downs; a private type, known here by its name. */
  if (list_item_type == 0)
    list_item_type = g_type_from_name ("GtkListItemWidget");

  if (GTK_IS_STACK (widget) || ADW_IS_VIEW_STACK (widget) || ADW_IS_SQUEEZER (widget))
    follow_stack (widget);
  else if (GTK_IS_MENU_BUTTON (widget))
    {
      const char *label = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));

      follow_control (widget);
      if (label != NULL)
        set_label (widget, label, gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (widget)));
      else if (tooltip != NULL)
        set_label (widget, tooltip, FALSE);
    }
  else if (GTK_IS_BUTTON (widget))
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (widget));
      GtkWidget *inner[8];

      follow_control (widget);
      if (g_object_get_data (G_OBJECT (widget), "platz-name") != NULL)
        {
          /* Named by platz_ui_name: not also by its mnemonic label. */
          if (label != NULL && gtk_button_get_use_underline (GTK_BUTTON (widget)))
            gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_RELATION_LABELLED_BY);
        }
      else if (label != NULL)
        {
          /* The child label then names the button, without underscore. */
          if (gtk_button_get_use_underline (GTK_BUTTON (widget)))
            gtk_accessible_reset_property (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL);
        }
      else if (GTK_IS_DROP_DOWN (gtk_widget_get_parent (widget)))
        {
          /* A drop-down's button: what it chooses, as its tooltip says. */
          tooltip = gtk_widget_get_tooltip_text (gtk_widget_get_parent (widget));
          if (tooltip != NULL)
            set_label (widget, tooltip, FALSE);
        }
      else if (tooltip != NULL)
        set_label (widget, tooltip, FALSE);
      else if (find_labels (widget, inner, 0) > 0)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, inner[0], NULL, -1);
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    {
      const char *label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));

      follow_control (widget);
      if (label != NULL && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)))
        set_label (widget, label, TRUE);
    }
  else if (GTK_IS_SPIN_BUTTON (widget))
    {
      GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);

      /* A row's activatable widget is named by the row already. */
      if (row == NULL || (ADW_IS_ACTION_ROW (row)
                          && adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) == widget))
        return;
      set_label (widget, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                 adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)));
    }
  else if ((list_item_type != 0 && G_TYPE_CHECK_INSTANCE_TYPE (widget, list_item_type))
           || (GTK_IS_LIST_BOX_ROW (widget) && !ADW_IS_PREFERENCES_ROW (widget)))
    {
      GtkWidget *labels[8];
      guint n = find_labels (widget, labels, 0);
      GtkAccessibleRelation relation = GTK_ACCESSIBLE_RELATION_LABELLED_BY;
      g_auto(GValue) value = G_VALUE_INIT;
      GList *list = NULL;

      if (n == 0)
        return;
      for (guint i = n; i > 0; i--)
        list = g_list_prepend (list, labels[i - 1]);
      gtk_accessible_relation_init_value (relation, &value);
      g_value_set_pointer (&value, list);
      /* GTK takes the list over. */
      gtk_accessible_update_relation_value (GTK_ACCESSIBLE (widget), 1, &relation, &value);
    }
}

void
platz_ui_name (GtkWidget  *widget,
               const char *name)
{
  g_object_set_data_full (G_OBJECT (widget), "platz-name", g_strdup (name), g_free);
  set_label (widget, name, FALSE);
  name_control (widget);
}

void
platz_ui_name_controls (GtkWidget *widget)
{
  name_control (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    platz_ui_name_controls (child);
}

static gboolean
on_widget_map_hook (GSignalInvocationHint *hint,
                    guint                  n_params,
                    const GValue          *params,
                    gpointer               data)
{
  name_control (g_value_get_object (&params[0]));
  return TRUE;
}

void
platz_ui_name_controls_when_shown (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  on_widget_map_hook, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
