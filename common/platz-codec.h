/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * JSON encoding and decoding of the domain types, driven by their field
 * tables.  Requests are decoded strictly: a wrong type, an unknown field, an
 * unknown enum value or a value out of range is an error that names the
 * field.  Responses (in the client) are decoded leniently so that a newer
 * server may add fields.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "platz-model.h"

G_BEGIN_DECLS

#define PLATZ_JSON_MAX_DEPTH 32

typedef enum {
  PLATZ_DECODE_CREATE,    /* request: required fields, no read-only ones */
  PLATZ_DECODE_PATCH,     /* request: any subset, no read-only ones */
  PLATZ_DECODE_RESPONSE,  /* server answer: lenient about unknown fields */
} PlatzDecodeMode;

/* Checks that text is at most max_depth levels of arrays/objects deep,
 * without building anything; strings are skipped correctly. */
gboolean  platz_json_check_depth (const char *data,
                                  gsize       length,
                                  guint       max_depth,
                                  GError    **error);
/* Depth check, then json-glib; errors are PLATZ_ERROR_BAD_REQUEST. */
JsonNode *platz_json_parse       (const char *data,
                                  gsize       length,
                                  GError    **error);
char     *platz_json_to_string   (JsonNode   *node,
                                  gsize      *length);

/* Adds the type's fields as members of the builder's open object. */
void      platz_encode_members   (const PlatzType *type,
                                  gconstpointer    obj,
                                  JsonBuilder     *builder);
JsonNode *platz_encode           (const PlatzType *type,
                                  gconstpointer    obj);

/* Decodes node into obj (which should be zeroed or hold defaults; present
 * fields replace what is there).  present, if given, gets bit i set for
 * each field i found in the object. */
gboolean  platz_decode           (const PlatzType *type,
                                  JsonNode        *node,
                                  PlatzDecodeMode  mode,
                                  gpointer         obj,
                                  guint64         *present,
                                  GError         **error);

/* Decodes an array of objects into a GPtrArray of new objects (freed with
 * the type's free function). */
GPtrArray *platz_decode_array    (const PlatzType *type,
                                  JsonNode        *node,
                                  GError         **error);

/* object[name] when it is an object (platz_json_array_member: an
 * array), else NULL; object may be NULL. */
JsonObject *platz_json_object_member (JsonObject *object,
                                      const char *name);
JsonArray  *platz_json_array_member  (JsonObject *object,
                                      const char *name);
/* A time zone identifier as the tz database names them (Europe/Berlin,
 * America/Argentina/Buenos_Aires, Etc/GMT+1, UTC): letters, digits and
 * _+-/, no "..", not starting with "/", at most PLATZ_TIMEZONE_NAME_MAX
 * bytes.  Says nothing about whether the zone exists. */
#define PLATZ_TIMEZONE_NAME_MAX 64
gboolean  platz_timezone_name_valid (const char *name);
/* Validates one value against its field, e.g. for query parameters. */
gboolean  platz_field_check_string (const PlatzField *field,
                                    const char       *value,
                                    GError          **error);

G_END_DECLS
