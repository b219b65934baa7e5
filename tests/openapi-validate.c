/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-openapi"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "openapi-validate.h"
#include "platz-codec.h"

G_DEFINE_QUARK (platz-openapi-error-quark, platz_openapi_error)

#define MAX_DEPTH 64

struct _PlatzOpenapi {
  JsonNode   *root;
  GHashTable *regexes;   /* pattern -> GRegex */
};

static const char * const methods[] = {
  "get", "put", "post", "delete", "patch", "head", "options", "trace", NULL
};

static const char * const schema_keywords[] = {
  "type", "nullable", "enum", "required", "properties", "additionalProperties", "items",
  "$ref", "allOf", "oneOf", "pattern", "minimum", "maximum", "minLength", "maxLength",
  "minItems", "maxItems", "description", "format", NULL
};

static const char * const types[] = {
  "integer", "number", "string", "boolean", "array", "object", NULL
};

/* Auxiliary */

static gboolean fail (GError    **error,
                      const char *where,
                      const char *format,
                      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError    **error,
      const char *where,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, PLATZ_OPENAPI_ERROR, 0, "%s: %s", where, message);
  return FALSE;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
member_true (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

static gboolean
member_number (JsonObject *object,
               const char *name,
               double     *out)
{
  JsonNode *node = json_object_get_member (object, name);
  GType vt;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  vt = json_node_get_value_type (node);
  if (vt == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (vt == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else
    return FALSE;
  return TRUE;
}

static const char *
kind_of (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "an array";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return "an integer";
    case G_TYPE_DOUBLE:
      return "a fractional number";
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "a boolean";
    default:
      return "an unknown value";
    }
}

/* Follows $ref until an object without one. */
static JsonObject *
deref (PlatzOpenapi *api,
       JsonNode     *node)
{
  for (guint i = 0; node != NULL && i < MAX_DEPTH; i++)
    {
      const char *ref;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      ref = member_string (json_node_get_object (node), "$ref");
      if (ref == NULL)
        return json_node_get_object (node);
      node = platz_openapi_resolve (api, ref);
    }
  return NULL;
}

static GRegex *
regex_for (PlatzOpenapi *api,
           const char   *pattern,
           GError      **error)
{
  GRegex *regex = g_hash_table_lookup (api->regexes, pattern);

  if (regex == NULL)
    {
      regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, error);
      if (regex == NULL)
        return NULL;
      g_hash_table_insert (api->regexes, g_strdup (pattern), regex);
    }
  return regex;
}

/* Loading */

PlatzOpenapi *
platz_openapi_load (const char *path,
                    GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  PlatzOpenapi *api;

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, PLATZ_OPENAPI_ERROR, 0, "%s: not a JSON object", path);
      return NULL;
    }
  api = g_new0 (PlatzOpenapi, 1);
  api->root = json_node_copy (json_parser_get_root (parser));
  api->regexes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_regex_unref);
  return api;
}

void
platz_openapi_free (PlatzOpenapi *api)
{
  if (api == NULL)
    return;
  json_node_unref (api->root);
  g_hash_table_unref (api->regexes);
  g_free (api);
}

JsonNode *
platz_openapi_resolve (PlatzOpenapi *api,
                       const char   *ref)
{
  g_auto(GStrv) parts = NULL;
  JsonNode *node = api->root;

  if (ref == NULL || !g_str_has_prefix (ref, "#/"))
    return NULL;
  parts = g_strsplit (ref + 2, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      GString *key = g_string_new (parts[i]);

      /* JSON pointer escapes: ~1 is '/', ~0 is '~' */
      g_string_replace (key, "~1", "/", 0);
      g_string_replace (key, "~0", "~", 0);
      node = JSON_NODE_HOLDS_OBJECT (node)
             ? json_object_get_member (json_node_get_object (node), key->str) : NULL;
      g_string_free (key, TRUE);
      if (node == NULL)
        return NULL;
    }
  return node;
}

static JsonObject *
paths_of (PlatzOpenapi *api)
{
  return platz_json_object_member (json_node_get_object (api->root), "paths");
}

GPtrArray *
platz_openapi_list_operations (PlatzOpenapi *api)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);
  JsonObject *paths = paths_of (api);
  g_autoptr(GList) templates = paths ? json_object_get_members (paths) : NULL;

  for (GList *l = templates; l != NULL; l = l->next)
    {
      JsonObject *item = platz_json_object_member (paths, l->data);

      for (guint i = 0; methods[i] != NULL; i++)
        if (item != NULL && json_object_has_member (item, methods[i]))
          {
            g_autofree char *upper = g_ascii_strup (methods[i], -1);
            g_ptr_array_add (result, g_strdup_printf ("%s %s", upper, (char *) l->data));
          }
    }
  g_ptr_array_sort (result, (GCompareFunc) g_strcmp0);
  return result;
}

static gboolean
is_template_param (const char *segment)
{
  gsize len = strlen (segment);

  return len > 2 && segment[0] == '{' && segment[len - 1] == '}';
}

const char *
platz_openapi_match_path (PlatzOpenapi *api,
                          const char   *path)
{
  JsonObject *paths = paths_of (api);
  g_autoptr(GList) templates = paths ? json_object_get_members (paths) : NULL;
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  const char *best = NULL;
  guint best_params = G_MAXUINT;

  for (GList *l = templates; l != NULL; l = l->next)
    {
      g_auto(GStrv) segments = g_strsplit (l->data, "/", -1);
      guint params = 0;
      gboolean ok = g_strv_length (segments) == g_strv_length (parts);

      for (guint i = 0; ok && segments[i] != NULL; i++)
        {
          if (is_template_param (segments[i]))
            {
              ok = parts[i][0] != '\0';
              params++;
            }
          else
            ok = strcmp (segments[i], parts[i]) == 0;
        }
      if (ok && params < best_params)
        {
          best = l->data;
          best_params = params;
        }
    }
  return best;
}

/* Validation */

static gboolean validate (PlatzOpenapi *api,
                          JsonNode     *schema_node,
                          JsonNode     *inst,
                          GString      *where,
                          guint         depth,
                          GError      **error);

static gboolean
type_matches (const char *type,
              JsonNode   *inst)
{
  GType vt;

  if (strcmp (type, "object") == 0)
    return JSON_NODE_HOLDS_OBJECT (inst);
  if (strcmp (type, "array") == 0)
    return JSON_NODE_HOLDS_ARRAY (inst);
  if (!JSON_NODE_HOLDS_VALUE (inst))
    return FALSE;
  vt = json_node_get_value_type (inst);
  if (strcmp (type, "integer") == 0)
    return vt == G_TYPE_INT64;
  if (strcmp (type, "number") == 0)
    return vt == G_TYPE_INT64 || vt == G_TYPE_DOUBLE;
  if (strcmp (type, "string") == 0)
    return vt == G_TYPE_STRING;
  if (strcmp (type, "boolean") == 0)
    return vt == G_TYPE_BOOLEAN;
  return FALSE;
}

static gboolean
validate_value (PlatzOpenapi *api,
                JsonObject   *schema,
                JsonNode     *inst,
                GString      *where,
                GError      **error)
{
  GType vt = json_node_get_value_type (inst);
  double limit;

  if (vt == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (inst);
      const char *pattern = member_string (schema, "pattern");
      glong len = g_utf8_strlen (s, -1);

      if (pattern != NULL)
        {
          GError *local = NULL;
          GRegex *regex = regex_for (api, pattern, &local);

          if (regex == NULL)
            {
              fail (error, where->str, "bad pattern %s: %s", pattern, local->message);
              g_error_free (local);
              return FALSE;
            }
          if (!g_regex_match (regex, s, 0, NULL))
            return fail (error, where->str, "\"%s\" does not match %s", s, pattern);
        }
      if (member_number (schema, "minLength", &limit) && len < limit)
        return fail (error, where->str, "\"%s\" is shorter than %.0f", s, limit);
      if (member_number (schema, "maxLength", &limit) && len > limit)
        return fail (error, where->str, "a string longer than %.0f", limit);
    }
  else if (vt == G_TYPE_INT64 || vt == G_TYPE_DOUBLE)
    {
      double v = vt == G_TYPE_INT64 ? (double) json_node_get_int (inst)
                                    : json_node_get_double (inst);

      if (member_number (schema, "minimum", &limit) && v < limit)
        return fail (error, where->str, "%g is below the minimum %g", v, limit);
      if (member_number (schema, "maximum", &limit) && v > limit)
        return fail (error, where->str, "%g is above the maximum %g", v, limit);
    }
  return TRUE;
}

static gboolean
validate_array (PlatzOpenapi *api,
                JsonObject   *schema,
                JsonNode     *inst,
                GString      *where,
                guint         depth,
                GError      **error)
{
  JsonArray *array = json_node_get_array (inst);
  JsonNode *items = json_object_get_member (schema, "items");
  guint n = json_array_get_length (array);
  gsize len = where->len;
  double limit;

  if (member_number (schema, "minItems", &limit) && n < limit)
    return fail (error, where->str, "%u items, fewer than %.0f", n, limit);
  if (member_number (schema, "maxItems", &limit) && n > limit)
    return fail (error, where->str, "%u items, more than %.0f", n, limit);
  for (guint i = 0; items != NULL && i < n; i++)
    {
      gboolean ok;

      g_string_append_printf (where, "[%u]", i);
      ok = validate (api, items, json_array_get_element (array, i), where, depth + 1, error);
      g_string_truncate (where, len);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
validate_object (PlatzOpenapi *api,
                 JsonObject   *schema,
                 JsonNode     *inst,
                 GString      *where,
                 guint         depth,
                 GError      **error)
{
  JsonObject *object = json_node_get_object (inst);
  JsonObject *properties = platz_json_object_member (schema, "properties");
  JsonArray *required = platz_json_array_member (schema, "required");
  JsonNode *additional = json_object_get_member (schema, "additionalProperties");
  gboolean closed = additional != NULL && JSON_NODE_HOLDS_VALUE (additional) &&
                    !json_node_get_boolean (additional);
  g_autoptr(GList) members = json_object_get_members (object);
  gsize len = where->len;

  for (guint i = 0; required != NULL && i < json_array_get_length (required); i++)
    {
      const char *name = json_array_get_string_element (required, i);
      if (!json_object_has_member (object, name))
        return fail (error, where->str, "the required member \"%s\" is missing", name);
    }
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *property = properties ? json_object_get_member (properties, name) : NULL;
      gboolean ok;

      if (property == NULL)
        {
          if (closed)
            return fail (error, where->str, "the member \"%s\" is not in the schema", name);
          continue;
        }
      g_string_append_printf (where, ".%s", name);
      ok = validate (api, property, json_object_get_member (object, name), where, depth + 1,
                     error);
      g_string_truncate (where, len);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
validate (PlatzOpenapi *api,
          JsonNode     *schema_node,
          JsonNode     *inst,
          GString      *where,
          guint         depth,
          GError      **error)
{
  JsonObject *schema;
  JsonArray *list;
  const char *type;

  if (depth > MAX_DEPTH)
    return fail (error, where->str, "the schema nests too deeply (a $ref loop?)");
  if (schema_node == NULL || !JSON_NODE_HOLDS_OBJECT (schema_node))
    return fail (error, where->str, "the schema is not an object");
  schema = json_node_get_object (schema_node);

  /* OpenAPI 3.0: a $ref replaces the whole schema object. */
  if (json_object_has_member (schema, "$ref"))
    {
      const char *ref = member_string (schema, "$ref");
      JsonNode *target = platz_openapi_resolve (api, ref);

      if (target == NULL)
        return fail (error, where->str, "unresolved $ref %s", ref ? ref : "(not a string)");
      return validate (api, target, inst, where, depth + 1, error);
    }

  if ((list = platz_json_array_member (schema, "allOf")) != NULL)
    for (guint i = 0; i < json_array_get_length (list); i++)
      if (!validate (api, json_array_get_element (list, i), inst, where, depth + 1, error))
        return FALSE;

  if ((list = platz_json_array_member (schema, "oneOf")) != NULL)
    {
      g_autoptr(GString) why = g_string_new (NULL);
      guint matches = 0;

      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          GError *local = NULL;

          if (validate (api, json_array_get_element (list, i), inst, where, depth + 1, &local))
            matches++;
          else
            {
              g_string_append_printf (why, "; [%u] %s", i, local->message);
              g_error_free (local);
            }
        }
      if (matches != 1)
        return fail (error, where->str, "fits %u of the %u oneOf schemas%s", matches,
                     json_array_get_length (list), why->str);
    }

  if (JSON_NODE_HOLDS_NULL (inst))
    {
      if (member_true (schema, "nullable"))
        return TRUE;
      /* A schema that only combines others leaves null to them. */
      if (!json_object_has_member (schema, "type") &&
          (json_object_has_member (schema, "allOf") || json_object_has_member (schema, "oneOf")))
        return TRUE;
      return fail (error, where->str, "null is not allowed");
    }

  type = member_string (schema, "type");
  if (type != NULL && !type_matches (type, inst))
    return fail (error, where->str, "expected %s, got %s", type, kind_of (inst));

  if ((list = platz_json_array_member (schema, "enum")) != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; !found && i < json_array_get_length (list); i++)
        found = json_node_equal (json_array_get_element (list, i), inst);
      if (!found)
        {
          g_autoptr(JsonGenerator) gen = json_generator_new ();
          g_autofree char *text = NULL;

          json_generator_set_root (gen, inst);
          text = json_generator_to_data (gen, NULL);
          return fail (error, where->str, "%s is not one of the enum values", text);
        }
    }

  if (JSON_NODE_HOLDS_VALUE (inst))
    return validate_value (api, schema, inst, where, error);
  if (JSON_NODE_HOLDS_ARRAY (inst))
    return validate_array (api, schema, inst, where, depth, error);
  return validate_object (api, schema, inst, where, depth, error);
}

gboolean
platz_openapi_validate (PlatzOpenapi *api,
                        JsonNode     *schema,
                        JsonNode     *instance,
                        const char   *where,
                        GError      **error)
{
  g_autoptr(GString) path = g_string_new (where ? where : "$");

  return validate (api, schema, instance, path, 0, error);
}

/* The document itself */

static gboolean
check_schema (PlatzOpenapi *api,
              JsonNode     *node,
              GString      *where,
              guint         depth,
              GError      **error)
{
  JsonObject *schema;
  g_autoptr(GList) members = NULL;
  JsonObject *properties;
  JsonArray *required;
  JsonNode *additional;
  const char *type;
  const char *pattern;
  gsize len = where->len;
  static const char * const sub_lists[] = { "allOf", "oneOf", NULL };

  if (depth > MAX_DEPTH)
    return fail (error, where->str, "nested too deeply");
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, where->str, "a schema must be an object");
  schema = json_node_get_object (node);
  members = json_object_get_members (schema);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (schema_keywords, l->data))
      return fail (error, where->str, "the keyword \"%s\" is not checked by the tests",
                   (char *) l->data);
  if (json_object_has_member (schema, "$ref"))
    {
      const char *ref = member_string (schema, "$ref");

      if (ref == NULL || platz_openapi_resolve (api, ref) == NULL)
        return fail (error, where->str, "the $ref %s does not resolve", ref ? ref : "(none)");
      return g_list_length (members) == 1 ? TRUE
             : fail (error, where->str, "a $ref must stand alone (OpenAPI 3.0 ignores the rest)");
    }

  type = member_string (schema, "type");
  if (json_object_has_member (schema, "type") && (type == NULL || !g_strv_contains (types, type)))
    return fail (error, where->str, "unknown type");
  pattern = member_string (schema, "pattern");
  if (pattern != NULL && regex_for (api, pattern, error) == NULL)
    return FALSE;
  additional = json_object_get_member (schema, "additionalProperties");
  if (additional != NULL && !(JSON_NODE_HOLDS_VALUE (additional) &&
                              json_node_get_value_type (additional) == G_TYPE_BOOLEAN))
    return fail (error, where->str, "additionalProperties must be true or false");

  properties = platz_json_object_member (schema, "properties");
  required = platz_json_array_member (schema, "required");
  for (guint i = 0; required != NULL && i < json_array_get_length (required); i++)
    {
      const char *name = json_array_get_string_element (required, i);
      if (properties == NULL || !json_object_has_member (properties, name))
        return fail (error, where->str, "\"%s\" is required but not a property", name);
    }
  if (properties != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (properties);

      for (GList *l = names; l != NULL; l = l->next)
        {
          gboolean ok;

          g_string_append_printf (where, "/properties/%s", (char *) l->data);
          ok = check_schema (api, json_object_get_member (properties, l->data), where,
                             depth + 1, error);
          g_string_truncate (where, len);
          if (!ok)
            return FALSE;
        }
    }
  if (json_object_has_member (schema, "items"))
    {
      gboolean ok;

      g_string_append (where, "/items");
      ok = check_schema (api, json_object_get_member (schema, "items"), where, depth + 1, error);
      g_string_truncate (where, len);
      if (!ok)
        return FALSE;
    }
  for (guint k = 0; sub_lists[k] != NULL; k++)
    {
      JsonArray *list = platz_json_array_member (schema, sub_lists[k]);

      for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
        {
          gboolean ok;

          g_string_append_printf (where, "/%s[%u]", sub_lists[k], i);
          ok = check_schema (api, json_array_get_element (list, i), where, depth + 1, error);
          g_string_truncate (where, len);
          if (!ok)
            return FALSE;
        }
    }
  return TRUE;
}

/* Walks the document: every $ref resolves, and every schema (under
 * components/schemas, and each "schema" member) passes check_schema(). */
static gboolean
check_all_schemas (PlatzOpenapi *api,
                   JsonNode     *node,
                   GString      *where,
                   GError      **error)
{
  gsize len = where->len;
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gboolean ok;

          g_string_append_printf (where, "[%u]", i);
          ok = check_all_schemas (api, json_array_get_element (array, i), where, error);
          g_string_truncate (where, len);
          if (!ok)
            return FALSE;
        }
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return TRUE;
  object = json_node_get_object (node);
  members = json_object_get_members (object);
  if (json_object_has_member (object, "$ref") &&
      platz_openapi_resolve (api, member_string (object, "$ref")) == NULL)
    return fail (error, where->str, "the $ref does not resolve");
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *child = json_object_get_member (object, l->data);
      gboolean is_schemas = g_str_has_suffix (where->str, "/components") &&
                            strcmp (l->data, "schemas") == 0;
      gboolean ok = TRUE;

      g_string_append_printf (where, "/%s", (char *) l->data);
      if (strcmp (l->data, "schema") == 0)
        ok = check_schema (api, child, where, 0, error);
      else if (is_schemas && JSON_NODE_HOLDS_OBJECT (child))
        {
          JsonObject *schemas = json_node_get_object (child);
          g_autoptr(GList) names = json_object_get_members (schemas);
          gsize base = where->len;

          for (GList *n = names; ok && n != NULL; n = n->next)
            {
              g_string_append_printf (where, "/%s", (char *) n->data);
              ok = check_schema (api, json_object_get_member (schemas, n->data), where, 0,
                                 error);
              g_string_truncate (where, base);
            }
        }
      else
        ok = check_all_schemas (api, child, where, error);
      g_string_truncate (where, len);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* The parameters of an operation, with those of its path item. */
static GPtrArray *
operation_parameters (PlatzOpenapi *api,
                      JsonObject   *item,
                      JsonObject   *operation)
{
  GPtrArray *result = g_ptr_array_new ();
  JsonArray *lists[2] = { platz_json_array_member (item, "parameters"),
                          platz_json_array_member (operation, "parameters") };

  for (guint k = 0; k < 2; k++)
    for (guint i = 0; lists[k] != NULL && i < json_array_get_length (lists[k]); i++)
      {
        JsonObject *param = deref (api, json_array_get_element (lists[k], i));
        if (param != NULL)
          g_ptr_array_add (result, param);
      }
  return result;
}

static JsonObject *
find_parameter (GPtrArray  *params,
                const char *in,
                const char *name)
{
  for (guint i = 0; i < params->len; i++)
    {
      JsonObject *param = params->pdata[i];
      if (g_strcmp0 (member_string (param, "in"), in) == 0 &&
          g_strcmp0 (member_string (param, "name"), name) == 0)
        return param;
    }
  return NULL;
}

static gboolean
check_operation (PlatzOpenapi *api,
                 const char   *template,
                 const char   *method,
                 JsonObject   *item,
                 JsonObject   *operation,
                 GHashTable   *ids,
                 GError      **error)
{
  g_autofree char *where = g_strdup_printf ("%s %s", method, template);
  g_autoptr(GPtrArray) params = operation_parameters (api, item, operation);
  g_auto(GStrv) segments = g_strsplit (template, "/", -1);
  const char *id = member_string (operation, "operationId");
  JsonObject *responses = platz_json_object_member (operation, "responses");
  g_autoptr(GList) statuses = responses ? json_object_get_members (responses) : NULL;

  if (id == NULL)
    return fail (error, where, "no operationId");
  if (!g_hash_table_add (ids, (gpointer) id))
    return fail (error, where, "the operationId %s is used twice", id);
  if (statuses == NULL)
    return fail (error, where, "no responses");
  for (GList *l = statuses; l != NULL; l = l->next)
    {
      const char *status = l->data;
      if (strlen (status) != 3 || !g_ascii_isdigit (status[0]) || status[0] < '1' ||
          status[0] > '5' || !g_ascii_isdigit (status[1]) || !g_ascii_isdigit (status[2]))
        return fail (error, where, "the response key \"%s\" is not a status code", status);
      if (deref (api, json_object_get_member (responses, status)) == NULL)
        return fail (error, where, "the response %s is not an object", status);
    }

  /* Path parameters and template segments name each other. */
  for (guint i = 0; segments[i] != NULL; i++)
    if (is_template_param (segments[i]))
      {
        g_autofree char *name = g_strndup (segments[i] + 1, strlen (segments[i]) - 2);
        JsonObject *param = find_parameter (params, "path", name);

        if (param == NULL || !member_true (param, "required"))
          return fail (error, where, "the path parameter {%s} is not declared as required",
                       name);
      }
  for (guint i = 0; i < params->len; i++)
    {
      JsonObject *param = params->pdata[i];
      const char *in = member_string (param, "in");
      const char *name = member_string (param, "name");
      g_autofree char *segment = g_strdup_printf ("{%s}", name ? name : "");

      if (name == NULL || in == NULL || platz_json_object_member (param, "schema") == NULL)
        return fail (error, where, "a parameter needs a name, a place (in) and a schema");
      if (strcmp (in, "path") == 0 && !g_strv_contains ((const char * const *) segments, segment))
        return fail (error, where, "the path parameter %s is not in the template", name);
    }
  return TRUE;
}

gboolean
platz_openapi_check_document (PlatzOpenapi *api,
                              GError      **error)
{
  JsonObject *root = json_node_get_object (api->root);
  const char *version = member_string (root, "openapi");
  JsonObject *paths = paths_of (api);
  g_autoptr(GString) where = g_string_new ("#");
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) templates = NULL;

  if (version == NULL || !g_str_has_prefix (version, "3.0."))
    return fail (error, "#/openapi", "not an OpenAPI 3.0 document");
  if (platz_json_object_member (root, "info") == NULL || paths == NULL)
    return fail (error, "#", "info and paths are required");
  if (!check_all_schemas (api, api->root, where, error))
    return FALSE;

  templates = json_object_get_members (paths);
  for (GList *l = templates; l != NULL; l = l->next)
    {
      JsonObject *item = platz_json_object_member (paths, l->data);
      g_autoptr(GList) keys = item ? json_object_get_members (item) : NULL;

      if (item == NULL || ((char *) l->data)[0] != '/')
        return fail (error, l->data, "not a path item");
      for (GList *k = keys; k != NULL; k = k->next)
        {
          g_autofree char *upper = g_ascii_strup (k->data, -1);

          if (strcmp (k->data, "parameters") == 0 || strcmp (k->data, "summary") == 0 ||
              strcmp (k->data, "description") == 0)
            continue;
          if (!g_strv_contains (methods, k->data))
            return fail (error, l->data, "\"%s\" is not a method", (char *) k->data);
          if (!check_operation (api, l->data, upper, item,
                                platz_json_object_member (item, k->data), ids, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Exchanges */

static gboolean
check_query (PlatzOpenapi *api,
             const char   *where,
             GPtrArray    *params,
             const char   *query,
             gboolean      success,
             GError      **error)
{
  g_auto(GStrv) pairs = g_strsplit (query ? query : "", "&", -1);
  g_autoptr(GHashTable) sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *eq = strchr (pairs[i], '=');
      g_autofree char *raw = eq ? g_strndup (pairs[i], eq - pairs[i]) : g_strdup (pairs[i]);
      char *name = g_uri_unescape_string (raw, NULL);

      if (*raw == '\0')
        {
          g_free (name);
          continue;
        }
      if (name == NULL || find_parameter (params, "query", name) == NULL)
        {
          fail (error, where, "the query parameter \"%s\" is not documented", raw);
          g_free (name);
          return FALSE;
        }
      g_hash_table_add (sent, name);
    }
  /* A request the server accepted had every required parameter. */
  for (guint i = 0; success && i < params->len; i++)
    {
      JsonObject *param = params->pdata[i];
      if (g_strcmp0 (member_string (param, "in"), "query") == 0 &&
          member_true (param, "required") &&
          !g_hash_table_contains (sent, member_string (param, "name")))
        return fail (error, where, "succeeded without the required query parameter \"%s\"",
                     member_string (param, "name"));
    }
  return TRUE;
}

static gboolean
check_request (PlatzOpenapi *api,
               const char   *where,
               JsonObject   *operation,
               JsonNode     *request,
               GError      **error)
{
  JsonObject *body = deref (api, json_object_get_member (operation, "requestBody"));
  JsonObject *content = platz_json_object_member (body, "content");
  JsonObject *json = platz_json_object_member (content, "application/json");
  g_autofree char *place = g_strdup_printf ("%s: request", where);

  if (request == NULL)
    {
      if (json != NULL && member_true (body, "required"))
        return fail (error, place, "succeeded without the required JSON body");
      return TRUE;
    }
  if (body == NULL)
    return fail (error, place, "succeeded with a JSON body, but none is documented");
  if (json == NULL)
    return TRUE;   /* a raw upload */
  return platz_openapi_validate (api, json_object_get_member (json, "schema"), request,
                                 place, error);
}

static gboolean
check_body (PlatzOpenapi *api,
            const char   *where,
            JsonObject   *response,
            const char   *content_type,
            GBytes       *body,
            GError      **error)
{
  JsonObject *content = platz_json_object_member (response, "content");
  JsonObject *json = platz_json_object_member (content, "application/json");
  gsize size = body ? g_bytes_get_size (body) : 0;
  g_autofree char *media = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *place = g_strdup_printf ("%s: response $", where);

  if (content_type != NULL)
    {
      const char *semi = strchr (content_type, ';');
      media = g_strstrip (semi ? g_strndup (content_type, semi - content_type)
                               : g_strdup (content_type));
    }
  if (content == NULL || json_object_get_size (content) == 0)
    return size == 0 ? TRUE
           : fail (error, where, "a body of %zu bytes where none is documented", size);
  if (json == NULL)
    return media != NULL && json_object_has_member (content, media) ? TRUE
           : fail (error, where, "the content type %s is not documented",
                   media ? media : "(none)");

  if (g_strcmp0 (media, "application/json") != 0)
    return fail (error, where, "expected application/json, got %s", media ? media : "(none)");
  parser = json_parser_new ();
  if (size == 0 ||
      !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), (gssize) size, &local))
    return fail (error, where, "the body is not JSON: %s", local ? local->message : "empty");
  return platz_openapi_validate (api, json_object_get_member (json, "schema"),
                                 json_parser_get_root (parser), place, error);
}

gboolean
platz_openapi_check_exchange (PlatzOpenapi *api,
                              const char   *method,
                              const char   *uri,
                              JsonNode     *request,
                              guint         status,
                              const char   *content_type,
                              GBytes       *body,
                              char        **operation_out,
                              GError      **error)
{
  const char *query = strchr (uri, '?');
  g_autofree char *path = query ? g_strndup (uri, query - uri) : g_strdup (uri);
  g_autofree char *lower = g_ascii_strdown (method, -1);
  g_autofree char *where = NULL;
  g_autofree char *status_key = g_strdup_printf ("%u", status);
  g_autoptr(GPtrArray) params = NULL;
  gboolean success = status >= 200 && status < 300;
  const char *template = platz_openapi_match_path (api, path);
  JsonObject *item;
  JsonObject *operation;
  JsonObject *responses;
  JsonObject *response;

  if (template == NULL)
    return fail (error, path, "no documented path matches");
  item = platz_json_object_member (paths_of (api), template);
  operation = platz_json_object_member (item, lower);
  where = g_strdup_printf ("%s %s", method, template);
  if (operation == NULL)
    return fail (error, where, "the operation is not documented");

  params = operation_parameters (api, item, operation);
  if (!check_query (api, where, params, query ? query + 1 : NULL, success, error))
    return FALSE;
  if (success && !check_request (api, where, operation, request, error))
    return FALSE;

  responses = platz_json_object_member (operation, "responses");
  if (!json_object_has_member (responses, status_key))
    {
      g_autoptr(GList) keys = json_object_get_members (responses);
      g_autoptr(GString) declared = g_string_new (NULL);

      for (GList *l = keys; l != NULL; l = l->next)
        g_string_append_printf (declared, " %s", (char *) l->data);
      return fail (error, where, "the status %u is not documented (only%s)", status,
                   declared->str);
    }
  response = deref (api, json_object_get_member (responses, status_key));
  if (!check_body (api, where, response, content_type, body, error))
    return FALSE;
  if (operation_out != NULL)
    *operation_out = g_steal_pointer (&where);
  return TRUE;
}
