/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLATZ_APPLICATION_ID "org.platz.Platz"

#define PLATZ_TYPE_APPLICATION (platz_application_get_type ())
G_DECLARE_FINAL_TYPE (PlatzApplication, platz_application, PLATZ, APPLICATION, AdwApplication)

PlatzApplication *platz_application_new          (void);
/* The app's settings; falls back to the schema compiled in the build
 * tree so that an uninstalled platz runs. */
GSettings        *platz_application_new_settings (void);

G_END_DECLS
