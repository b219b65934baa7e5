/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-people"

#include "config.h"

#include <string.h>

#include "platzd-audit.h"
#include "platzd-auth.h"
#include "platzd-export.h"
#include "platzd-resource.h"

/*
 * Users and teams.  Admins manage both.  A team lead reads the members of
 * the teams they lead; everybody reads and changes their own name,
 * presence setting and password (PATCH /users/{own id} or PATCH /me), and
 * nothing else of themselves: a role, function, team or user name sent by
 * someone who may not set it is refused with 403, never ignored.
 *
 * Changing one's own password (admins too) needs the current one in
 * current_password: missing or wrong is 403 forbidden, and wrong ones
 * count as failed sign-ins for the throttle.  It ends every other
 * session of the user; an admin's reset of someone else's password ends
 * all of theirs.  The answer says how many in "sessions_ended".
 */

#define HASH_KEY "platzd-password-hash"
#define ENDED_KEY "platzd-sessions-ended"
#define MIN_PASSWORD 8

static const PlatzdResource users;

/* Auxiliary */

static gboolean
leads_team (PlatzdRequest *req,
            gint64         team_id)
{
  sqlite3_stmt *stmt;

  if (team_id == 0 || !platzd_user_is (req->user, "team_lead"))
    return FALSE;
  stmt = platzd_store_prepare (req->app->store,
                               "SELECT count(*) FROM teams WHERE id = ? AND lead_user_id = ?",
                               NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, team_id);
  sqlite3_bind_int64 (stmt, 2, req->user->id);
  return platzd_store_query_int (req->app->store, stmt, 0, NULL) > 0;
}

/* Users */

static gboolean
user_can_list (PlatzdRequest *req,
               GError       **error)
{
  gint64 team_id = 0;

  if (platzd_user_is (req->user, "admin"))
    return TRUE;
  if (platzd_user_is (req->user, "team_lead"))
    {
      platzd_query_id (req, "team_id", FALSE, &team_id, NULL);
      if (team_id == 0 || leads_team (req, team_id))
        return TRUE;
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_FORBIDDEN,
                           "Team leads may list the members of their own teams only");
      return FALSE;
    }
  g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_FORBIDDEN,
                       "Only admins and team leads may list users");
  return FALSE;
}

static gboolean
user_can_read (PlatzdRequest *req,
               gconstpointer  obj)
{
  const PlatzUser *user = obj;

  return platzd_user_is (req->user, "admin") || user->id == req->user->id ||
         leads_team (req, user->team_id);
}

static gboolean
user_can_write (PlatzdRequest *req,
                gconstpointer  old,
                gconstpointer  obj,
                guint64        present,
                GError       **error)
{
  const PlatzUser *before = old;
  guint64 password_bit = PLATZD_FIELD_BIT (&platz_user_type, "password");
  guint64 current_bit = PLATZD_FIELD_BIT (&platz_user_type, "current_password");
  guint64 self_fields = PLATZD_FIELD_BIT (&platz_user_type, "display_name") |
                        PLATZD_FIELD_BIT (&platz_user_type, "share_presence") |
                        password_bit | current_bit;

  if (before != NULL && obj != NULL && before->id == req->user->id &&
      (present & password_bit) && !(present & current_bit))
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_FORBIDDEN,
                           "To change your password, send your current one as "
                           "current_password");
      return FALSE;
    }
  if (platzd_user_is (req->user, "admin"))
    {
      if (before != NULL && obj == NULL && before->id == req->user->id)
        {
          g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_FORBIDDEN,
                               "Admins cannot delete themselves");
          return FALSE;
        }
      return TRUE;
    }
  if (before != NULL && obj != NULL && before->id == req->user->id)
    {
      if ((present & ~self_fields) == 0)
        return TRUE;
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_FORBIDDEN,
                           "You may change only your display name, presence sharing and "
                           "password; role, function, team and user name are set by an admin");
      return FALSE;
    }
  g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_FORBIDDEN,
                       "Only admins may create, change or delete other users");
  return FALSE;
}

static gboolean
user_validate (PlatzdRequest *req,
               gpointer       obj,
               guint64       *present,
               GError       **error)
{
  PlatzUser *user = obj;

  /* Proof, not a change (and never in the audit log). */
  *present &= ~PLATZD_FIELD_BIT (&platz_user_type, "current_password");
  if ((*present & PLATZD_FIELD_BIT (&platz_user_type, "password")) &&
      g_utf8_strlen (user->password, -1) < MIN_PASSWORD)
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_INVALID_VALUE,
                   "A password needs at least %d characters", MIN_PASSWORD);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  PlatzdRequest *req;
  gint64         id;
  gpointer       obj;
  guint64        present;
} PendingSave;

static void
on_password_hashed_cb (char    *hash,
                       gpointer user_data)
{
  PendingSave *pending = user_data;

  if (hash == NULL)
    {
      platz_object_free (&platz_user_type, pending->obj);
      platzd_reply_fail (pending->req, PLATZ_ERROR_INTERNAL, "Hashing the password failed");
    }
  else
    {
      g_object_set_data_full (G_OBJECT (pending->req->msg), HASH_KEY, hash, g_free);
      platzd_resource_save_and_free (pending->req, &users, pending->id, pending->obj,
                                     pending->present);
    }
  g_free (pending);
}

static void
on_current_checked_cb (gint64   user_id,
                       gpointer user_data)
{
  PendingSave *pending = user_data;
  PlatzUser *user = pending->obj;

  if (user_id != pending->id)
    {
      platz_object_free (&platz_user_type, pending->obj);
      platzd_reply_fail (pending->req, PLATZ_ERROR_FORBIDDEN,
                         "The current password is wrong; the password stays as it was");
      g_free (pending);
      return;
    }
  platzd_auth_hash_async (pending->req->app->auth, user->password, on_password_hashed_cb, pending);
}

static void
user_before_save (PlatzdRequest *req,
                  gint64         id,
                  gpointer       obj,
                  guint64        present)
{
  PlatzUser *user = obj;
  PendingSave *pending;

  if (!(present & PLATZD_FIELD_BIT (&platz_user_type, "password")) || user->password == NULL)
    {
      platzd_resource_save_and_free (req, &users, id, obj, present);
      return;
    }
  pending = g_new0 (PendingSave, 1);
  pending->req = req;
  pending->id = id;
  pending->obj = obj;
  pending->present = present;
  if (id == req->user->id)
    {
      /* Checked as a sign-in is (and throttled with it), then hashed. */
      platzd_auth_check_password (req, req->user->username,
                                  user->current_password ? user->current_password : "",
                                  on_current_checked_cb, pending);
      return;
    }
  platzd_request_pause (req);
  platzd_auth_hash_async (req->app->auth, user->password, on_password_hashed_cb, pending);
}

static gboolean
user_saved (PlatzdRequest *req,
            gint64         id,
            gconstpointer  obj,
            GError       **error)
{
  const char *hash = g_object_get_data (G_OBJECT (req->msg), HASH_KEY);
  sqlite3_stmt *stmt;
  gint64 ended;

  if (hash == NULL)
    return TRUE;
  stmt = platzd_store_prepare (req->app->store, "UPDATE users SET password_hash = ? WHERE id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!platzd_store_step_done (req->app->store, stmt, error))
    return FALSE;
  /* One's own change keeps the session it was made in. */
  ended = platzd_auth_end_sessions (req->app->auth, id, id == req->user->id ? req->msg : NULL,
                                    error);
  if (ended < 0)
    return FALSE;
  g_object_set_data_full (G_OBJECT (req->msg), ENDED_KEY, g_memdup2 (&ended, sizeof ended),
                          g_free);
  return TRUE;
}

static void
user_amend_reply (PlatzdRequest *req,
                  JsonObject    *answer)
{
  const gint64 *ended = g_object_get_data (G_OBJECT (req->msg), ENDED_KEY);

  if (ended != NULL)
    json_object_set_int_member (answer, "sessions_ended", *ended);
}

/* A person's own changes (name, presence, password) are no administrative
 * act; everything an admin does to a user is. */
static gboolean
user_audited (PlatzdRequest *req,
              gint64         id,
              gint64        *subject)
{
  *subject = id;
  return platzd_user_is (req->user, "admin") || id != req->user->id;
}

static void
user_deleted (PlatzdRequest *req,
              gint64         id)
{
  platzd_auth_end_sessions (req->app->auth, id, NULL, NULL);
}

static const char * const user_filters[] = { "team_id", NULL };

static const PlatzdResource users = {
  .type = &platz_user_type,
  .collection = "/users",
  .filters = user_filters,
  .bookings_where = "b.user_id = ?1",
  .reservations_where = "r.user_id = ?1",
  .can_list = user_can_list,
  .can_read = user_can_read,
  .can_write = user_can_write,
  .validate = user_validate,
  .before_save = user_before_save,
  .saved = user_saved,
  .deleted = user_deleted,
  .audited = user_audited,
  .amend_reply = user_amend_reply,
};

/* Teams */

static gboolean
team_can_read (PlatzdRequest *req,
               gconstpointer  obj)
{
  const PlatzTeam *team = obj;

  return platzd_user_is (req->user, "admin") || team->lead_user_id == req->user->id ||
         team->id == req->user->team_id;
}

static gboolean
team_can_write (PlatzdRequest *req,
                gconstpointer  old,
                gconstpointer  obj,
                guint64        present,
                GError       **error)
{
  if (platzd_user_is (req->user, "admin"))
    return TRUE;
  g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_FORBIDDEN, "Only admins manage teams");
  return FALSE;
}

static const PlatzdResource teams = {
  .type = &platz_team_type,
  .collection = "/teams",
  .reservations_where = "r.team_id = ?1",
  .can_read = team_can_read,
  .can_write = team_can_write,
};

/* PATCH /me: the signed-in user's own record */

static void
handle_me_patch (PlatzdRequest *req)
{
  g_hash_table_insert (req->params, g_strdup ("id"),
                       g_strdup_printf ("%" G_GINT64_FORMAT, req->user->id));
  req->route_data = &users;
  platzd_resource_patch (req);
}

void
platzd_people_register (PlatzdApp *app)
{
  platzd_router_add (app->router, "PATCH", PLATZD_API "/me", handle_me_patch, 0);
  platzd_resource_register (app, &users);
  platzd_resource_register (app, &teams);
  /* What concerns people besides their records. */
  platzd_export_register (app);
  platzd_audit_register (app);
}
