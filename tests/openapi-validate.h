/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A small checker of HTTP exchanges against an OpenAPI 3.0 document
 * (schemas/openapi.json): finds the operation a request names, checks that
 * the answer's status is declared for it and that a JSON body fits the
 * declared schema.
 *
 * It understands the part of JSON Schema the document uses: type,
 * nullable, enum, required, properties, additionalProperties (false),
 * items, $ref, allOf, oneOf, pattern, minimum, maximum, minLength,
 * maxLength, minItems, maxItems; description and format are only notes.
 * platz_openapi_check_document() refuses any other keyword, so that the
 * document never promises more than the tests check.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PLATZ_OPENAPI_ERROR (platz_openapi_error_quark ())
GQuark platz_openapi_error_quark (void);

typedef struct _PlatzOpenapi PlatzOpenapi;

PlatzOpenapi *platz_openapi_load            (const char   *path,
                                             GError      **error);
void          platz_openapi_free            (PlatzOpenapi *api);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlatzOpenapi, platz_openapi_free)

/* The document is well formed: OpenAPI 3.0, every $ref resolves, every
 * operation has an operationId and responses, path parameters match the
 * templates, schemas use only the keywords above. */
gboolean      platz_openapi_check_document  (PlatzOpenapi *api,
                                             GError      **error);

/* "METHOD /template" of every operation, sorted. */
GPtrArray    *platz_openapi_list_operations (PlatzOpenapi *api);

/* The path template that a concrete path (without query) matches; the
 * one with the fewest parameters wins ("/desks/search" over
 * "/desks/{id}").  NULL when none does. */
const char   *platz_openapi_match_path      (PlatzOpenapi *api,
                                             const char   *path);

/* Follows a local reference such as "#/components/schemas/Site". */
JsonNode     *platz_openapi_resolve         (PlatzOpenapi *api,
                                             const char   *ref);

/* Checks an instance against a schema; the error names the place in the
 * instance ("$.rooms[0].kind") that does not fit. */
gboolean      platz_openapi_validate        (PlatzOpenapi *api,
                                             JsonNode     *schema,
                                             JsonNode     *instance,
                                             const char   *where,
                                             GError      **error);

/* Checks one exchange: the (path template, method) is documented, every
 * query parameter sent is declared, a JSON request that succeeded (2xx)
 * fits the declared request body, the status is declared, and the body
 * fits the declared content (JSON validated against its schema, other
 * media by content type, none where none is declared).
 * uri is the path with its query; request the JSON body sent, or NULL.
 * On success *operation (if not NULL) is "METHOD /template". */
gboolean      platz_openapi_check_exchange  (PlatzOpenapi *api,
                                             const char   *method,
                                             const char   *uri,
                                             JsonNode     *request,
                                             guint         status,
                                             const char   *content_type,
                                             GBytes       *body,
                                             char        **operation,
                                             GError      **error);

G_END_DECLS
