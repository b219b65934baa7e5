/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-team-members"

#include "config.h"

#include "platz-team-members.h"

struct _PlatzTeamMembers
{
  GObject       parent_instance;

  PlatzApi     *api;
  GListStore   *members;     /* PlatzRecord of PlatzUser */
  GCancellable *cancellable; /* the load under way */
  guint         generation;  /* answers of an older load are dropped */
  gint64        user_id;     /* whose list is loaded or on its way, 0 = none */
  gboolean      loaded;
  gboolean      loading;
  gboolean      failed;      /* one of the load's answers was an error */
  guint         pending;     /* team member lists still to come */
  GPtrArray    *found;       /* PlatzRecords, while loading */
  GHashTable   *seen;        /* their ids */
};

G_DEFINE_FINAL_TYPE (PlatzTeamMembers, platz_team_members, G_TYPE_OBJECT)

typedef struct {
  PlatzTeamMembers *self;
  guint             generation;
} LoadData;

static LoadData *
load_data_new (PlatzTeamMembers *self)
{
  LoadData *data = g_new0 (LoadData, 1);

  data->self = g_object_ref (self);
  data->generation = self->generation;
  return data;
}

static void
load_data_free (LoadData *data)
{
  g_object_unref (data->self);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

/* ------------------------------------------------------------------ */
/* Auxiliary                                                           */
/* ------------------------------------------------------------------ */

static void
reset (PlatzTeamMembers *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->generation++;
  self->user_id = 0;
  self->loaded = FALSE;
  self->loading = FALSE;
  self->failed = FALSE;
  self->pending = 0;
  g_ptr_array_set_size (self->found, 0);
  g_hash_table_remove_all (self->seen);
  if (self->members != NULL)
    g_list_store_remove_all (self->members);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  PlatzRecord *ra = *(PlatzRecord **) a;
  PlatzRecord *rb = *(PlatzRecord **) b;
  int order = g_utf8_collate (platz_record_get_title (ra), platz_record_get_title (rb));

  if (order != 0)
    return order;
  return platz_record_get_id (ra) < platz_record_get_id (rb) ? -1 : 1;
}

static void
finish_load (PlatzTeamMembers *self)
{
  self->loading = FALSE;
  if (self->failed)
    {
      /* Nothing is kept, so the next dialog asks again. */
      self->user_id = 0;
      g_ptr_array_set_size (self->found, 0);
      g_hash_table_remove_all (self->seen);
      return;
    }
  g_ptr_array_sort (self->found, compare_names);
  g_list_store_splice (self->members, 0, g_list_model_get_n_items (G_LIST_MODEL (self->members)),
                       self->found->pdata, self->found->len);
  g_ptr_array_set_size (self->found, 0);
  g_hash_table_remove_all (self->seen);
  self->loaded = TRUE;
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */
/* ------------------------------------------------------------------ */

static void
on_users_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  PlatzTeamMembers *self = data->self;
  g_autoptr(GListModel) users = NULL;
  g_autoptr(GError) error = NULL;

  users = platz_api_list_finish (PLATZ_API (source), result, &error);
  if (data->generation != self->generation)
    return;
  if (users == NULL)
    {
      g_debug ("Cannot load a team's members: %s", error->message);
      self->failed = TRUE;
    }
  else
    {
      for (guint i = 0; i < g_list_model_get_n_items (users); i++)
        {
          PlatzRecord *record = g_list_model_get_item (users, i);
          gint64 id = platz_record_get_id (record);

          /* Someone in two of the lead's teams appears once. */
          if (id == self->user_id || !g_hash_table_add (self->seen, (gpointer) (gintptr) id))
            g_object_unref (record);
          else
            g_ptr_array_add (self->found, record);
        }
    }
  if (--self->pending == 0)
    finish_load (self);
}

static void
on_teams_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  PlatzTeamMembers *self = data->self;
  g_autoptr(GListModel) teams = NULL;
  g_autoptr(GError) error = NULL;
  const PlatzUser *me;
  gboolean admin;

  teams = platz_api_list_finish (PLATZ_API (source), result, &error);
  if (data->generation != self->generation)
    return;
  me = platz_api_get_user (self->api);
  if (teams == NULL || me == NULL || me->id != self->user_id)
    {
      if (error != NULL)
        g_debug ("Cannot load the teams: %s", error->message);
      self->failed = TRUE;
      finish_load (self);
      return;
    }
  admin = g_strcmp0 (me->role, "admin") == 0;
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(PlatzRecord) record = g_list_model_get_item (teams, i);
      const PlatzTeam *team = platz_record_get_data (record);

      /* The server lets a lead book only for the teams they lead; an
       * admin may book for anyone, and is offered their own team. */
      if (team->lead_user_id != me->id && !(admin && team->id == me->team_id))
        continue;
      self->pending++;
      platz_api_list_users_async (self->api, team->id, self->cancellable, on_users_cb,
                                  load_data_new (self));
    }
  if (self->pending == 0)
    finish_load (self);
}

static void
on_api_user_changed_cb (PlatzTeamMembers *self)
{
  const PlatzUser *user = platz_api_get_user (self->api);

  /* The same user again (a refreshed /me): the list still holds. */
  if (user != NULL && user->id == self->user_id && platz_api_can_lead_teams (self->api))
    return;
  reset (self);
  platz_team_members_load (self);
}

/* ------------------------------------------------------------------ */
/* GObject overrides                                                   */
/* ------------------------------------------------------------------ */

static void
platz_team_members_dispose (GObject *object)
{
  PlatzTeamMembers *self = PLATZ_TEAM_MEMBERS (object);

  if (self->api != NULL)
    g_signal_handlers_disconnect_by_data (self->api, self);
  reset (self);
  g_clear_object (&self->api);
  g_clear_object (&self->members);

  G_OBJECT_CLASS (platz_team_members_parent_class)->dispose (object);
}

static void
platz_team_members_finalize (GObject *object)
{
  PlatzTeamMembers *self = PLATZ_TEAM_MEMBERS (object);

  g_clear_pointer (&self->found, g_ptr_array_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);

  G_OBJECT_CLASS (platz_team_members_parent_class)->finalize (object);
}

static void
platz_team_members_class_init (PlatzTeamMembersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = platz_team_members_dispose;
  object_class->finalize = platz_team_members_finalize;
}

static void
platz_team_members_init (PlatzTeamMembers *self)
{
  self->members = g_list_store_new (PLATZ_TYPE_RECORD);
  self->found = g_ptr_array_new_with_free_func (g_object_unref);
  self->seen = g_hash_table_new (NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

PlatzTeamMembers *
platz_team_members_new (PlatzApi *api)
{
  PlatzTeamMembers *self;

  g_return_val_if_fail (PLATZ_IS_API (api), NULL);

  self = g_object_new (PLATZ_TYPE_TEAM_MEMBERS, NULL);
  self->api = g_object_ref (api);
  g_signal_connect_swapped (api, "user-changed", G_CALLBACK (on_api_user_changed_cb), self);
  return self;
}

PlatzApi *
platz_team_members_get_api (PlatzTeamMembers *self)
{
  g_return_val_if_fail (PLATZ_IS_TEAM_MEMBERS (self), NULL);
  return self->api;
}

void
platz_team_members_load (PlatzTeamMembers *self)
{
  const PlatzUser *user;

  g_return_if_fail (PLATZ_IS_TEAM_MEMBERS (self));

  user = platz_api_get_user (self->api);
  if (user == NULL || !platz_api_can_lead_teams (self->api))
    return;
  if (user->id == self->user_id && (self->loading || self->loaded))
    return;
  reset (self);
  self->user_id = user->id;
  self->loading = TRUE;
  self->cancellable = g_cancellable_new ();
  platz_api_list_teams_async (self->api, self->cancellable, on_teams_cb, load_data_new (self));
}

gboolean
platz_team_members_is_loading (PlatzTeamMembers *self)
{
  g_return_val_if_fail (PLATZ_IS_TEAM_MEMBERS (self), FALSE);
  return self->loading;
}

GListModel *
platz_team_members_get_model (PlatzTeamMembers *self)
{
  g_return_val_if_fail (PLATZ_IS_TEAM_MEMBERS (self), NULL);
  return G_LIST_MODEL (self->members);
}
