/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The people the signed-in user may book desks for besides themself
 * (docs/contract.md §1): the members of the teams they lead, for an admin also of
 * their own team.  Loaded through PlatzApi once per signed-in user and
 * kept until the user changes (sign-out, another sign-in).
 */
#pragma once

#include <gio/gio.h>

#include "platz-api.h"

G_BEGIN_DECLS

#define PLATZ_TYPE_TEAM_MEMBERS (platz_team_members_get_type ())
G_DECLARE_FINAL_TYPE (PlatzTeamMembers, platz_team_members, PLATZ, TEAM_MEMBERS, GObject)

PlatzTeamMembers *platz_team_members_new        (PlatzApi         *api);
PlatzApi         *platz_team_members_get_api    (PlatzTeamMembers *self);
/* Starts loading unless the list of the current user is loaded or on its
 * way; does nothing for users who may book only for themselves.  After a
 * failed load the next call tries again. */
void              platz_team_members_load       (PlatzTeamMembers *self);
gboolean          platz_team_members_is_loading (PlatzTeamMembers *self);
/* A GListModel of PlatzRecord (PlatzUser), sorted by display name, never
 * the signed-in user.  Empty until loaded; always the same object. */
GListModel       *platz_team_members_get_model  (PlatzTeamMembers *self);

G_END_DECLS
