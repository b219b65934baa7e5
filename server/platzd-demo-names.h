/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The word lists of the demo city administration (platzd-demo.c): names of
 * people and teams, meeting titles, reasons for blocked desks.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char * const *items;
  guint               n;
} PlatzdDemoList;

typedef struct {
  guint       building;   /* index into the demo's three buildings */
  const char *name;
} PlatzdDemoTeamName;

extern const PlatzdDemoList platzd_demo_female_names;
extern const PlatzdDemoList platzd_demo_male_names;
extern const PlatzdDemoList platzd_demo_last_names;
extern const PlatzdDemoList platzd_demo_meeting_titles;
extern const PlatzdDemoList platzd_demo_lounge_titles;
extern const PlatzdDemoList platzd_demo_block_reasons;

extern const PlatzdDemoTeamName platzd_demo_teams[];
extern const guint              platzd_demo_n_teams;

G_END_DECLS
