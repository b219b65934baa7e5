/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * PlatzApi owns the SoupSession, the server's base address and the
 * session token.  It is the only place that builds URLs and reads or
 * writes JSON; everything else gets common/ types, PlatzRecords in
 * GListModels, or the small structs of platz-availability.h and
 * platz-reports.h.  Every call is asynchronous.
 *
 * Errors are in the PLATZ_ERROR domain and their message is a sentence
 * for a person (see platz-client-error.h).
 */
#pragma once

#include <gio/gio.h>

#include "platz-model.h"
#include "platz-record.h"
#include "platz-availability.h"
#include "platz-reports.h"

G_BEGIN_DECLS

#define PLATZ_TYPE_API (platz_api_get_type ())
G_DECLARE_FINAL_TYPE (PlatzApi, platz_api, PLATZ, API, GObject)

PlatzApi        *platz_api_new                (const char *base_url);
const char      *platz_api_get_base_url       (PlatzApi   *self);
void             platz_api_set_base_url       (PlatzApi   *self,
                                               const char *base_url);
const char      *platz_api_get_token          (PlatzApi   *self);
void             platz_api_set_token          (PlatzApi   *self,
                                               const char *token);
/* The signed-in user, or NULL. */
const PlatzUser *platz_api_get_user           (PlatzApi   *self);
gboolean         platz_api_can_manage_facility (PlatzApi  *self);
gboolean         platz_api_can_lead_teams     (PlatzApi   *self);

/* Auth.  login and me set the current user (and login the token). */
void             platz_api_login_async        (PlatzApi            *self,
                                               const char          *username,
                                               const char          *password,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
void             platz_api_me_async           (PlatzApi            *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
const PlatzUser *platz_api_user_finish        (PlatzApi            *self,
                                               GAsyncResult        *result,
                                               GError             **error);
void             platz_api_logout_async       (PlatzApi            *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);

/* Lists: finish with platz_api_list_finish (a GListModel of PlatzRecord). */
void platz_api_list_sites_async      (PlatzApi *self, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
void platz_api_list_buildings_async  (PlatzApi *self, gint64 site_id, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
void platz_api_list_floors_async     (PlatzApi *self, gint64 building_id,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
/* floor_id 0 = every room */
void platz_api_list_rooms_async      (PlatzApi *self, gint64 floor_id, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
/* room_id 0 = every desk */
void platz_api_list_desks_async      (PlatzApi *self, gint64 room_id, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
void platz_api_list_standards_async  (PlatzApi *self, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
void platz_api_list_teams_async      (PlatzApi *self, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
void platz_api_list_users_async      (PlatzApi *self, gint64 team_id, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
/* Records carry extras desk_name, room_id, room_name, floor_id,
 * floor_name, building_name. */
void platz_api_list_bookings_async   (PlatzApi *self, const char *from, const char *to,
                                      gboolean all_statuses, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
/* room_id / team_id 0 = any */
void platz_api_list_reservations_async (PlatzApi *self, const char *from, const char *to,
                                        gint64 room_id, gint64 team_id, gboolean mine,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback, gpointer user_data);
/* slot: am, pm or full_day; equipment may be NULL; site_id 0 = any. */
void platz_api_search_desks_async    (PlatzApi *self, const char *date, const char *slot,
                                      gint64 site_id, char * const *equipment,
                                      gboolean accessible, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
/* kind: meeting_room, lounge or NULL for both. */
void platz_api_search_rooms_async    (PlatzApi *self, const char *start, const char *end,
                                      gint64 attendees, char * const *equipment,
                                      gint64 site_id, const char *kind,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
GListModel *platz_api_list_finish    (PlatzApi *self, GAsyncResult *result, GError **error);

/* Single objects: finish with platz_api_record_finish. */
void platz_api_book_desk_async       (PlatzApi *self, gint64 desk_id, const char *date,
                                      const char *slot, gint64 for_user_id,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
void platz_api_check_in_async        (PlatzApi *self, gint64 booking_id,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
/* Creates an object of a structure type (site ... desk, standard) from
 * every writable field of obj. */
void platz_api_create_async          (PlatzApi *self, const PlatzType *type, gconstpointer obj,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
/* Sends only the named fields of obj. */
void platz_api_patch_async           (PlatzApi *self, const PlatzType *type, gint64 id,
                                      gconstpointer obj, const char * const *fields,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
PlatzRecord *platz_api_record_finish (PlatzApi *self, GAsyncResult *result, GError **error);

/* Meeting room / lounge: start, end RFC 3339.  Finish with list_finish
 * (the created occurrences). */
void platz_api_reserve_room_async    (PlatzApi *self, gint64 room_id, const char *start,
                                      const char *end, const char *title, gint64 attendees,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
/* Project office: weekdays (1..7, may be NULL) and until (may be NULL)
 * make it a weekly series. */
void platz_api_reserve_project_async (PlatzApi *self, gint64 room_id, gint64 team_id,
                                      const char *from_date, const char *to_date,
                                      const int *weekdays, guint n_weekdays, const char *until,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);

/* Calls without an interesting answer: finish with boolean_finish. */
void platz_api_cancel_booking_async  (PlatzApi *self, gint64 booking_id,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
void platz_api_delete_reservation_async (PlatzApi *self, gint64 reservation_id, gboolean series,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback, gpointer user_data);
void platz_api_delete_async          (PlatzApi *self, const PlatzType *type, gint64 id,
                                      gboolean force, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
void platz_api_upload_plan_async     (PlatzApi *self, gint64 floor_id, GBytes *image,
                                      const char *content_type, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
gboolean platz_api_boolean_finish    (PlatzApi *self, GAsyncResult *result, GError **error);

void platz_api_get_floor_async       (PlatzApi *self, gint64 floor_id,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
PlatzFloorData *platz_api_get_floor_finish (PlatzApi *self, GAsyncResult *result,
                                            GError **error);

void platz_api_get_availability_async (PlatzApi *self, gint64 floor_id, const char *date,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data);
PlatzAvailability *platz_api_get_availability_finish (PlatzApi *self, GAsyncResult *result,
                                                      GError **error);

/* The plan image bytes, NULL without an error when the floor has none. */
void platz_api_get_plan_async        (PlatzApi *self, gint64 floor_id,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
GBytes *platz_api_get_plan_finish    (PlatzApi *self, GAsyncResult *result, GError **error);

void platz_api_get_policies_async    (PlatzApi *self, gint64 site_id,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
/* Free with platz_object_free (&platz_policies_type, ...). */
PlatzPolicies *platz_api_get_policies_finish (PlatzApi *self, GAsyncResult *result,
                                              GError **error);

/* Reports: finish with report_finish (GPtrArray of PlatzUtilisationRow or
 * PlatzPlannerBuilding). */
void platz_api_utilisation_async     (PlatzApi *self, const char *from, const char *to,
                                      gint64 site_id, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
void platz_api_occupancy_plan_async  (PlatzApi *self, gint64 site_id,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
GPtrArray *platz_api_report_finish   (PlatzApi *self, GAsyncResult *result, GError **error);

G_END_DECLS
