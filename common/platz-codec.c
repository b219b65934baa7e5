/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-codec"

#include "config.h"

#include <math.h>
#include <string.h>

#include "platz-codec.h"
#include "platz-date.h"
#include "platz-error.h"

/* Auxiliary */

gboolean
platz_json_check_depth (const char *data,
                        gsize       length,
                        guint       max_depth,
                        GError    **error)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > max_depth)
            {
              g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                           "JSON is nested deeper than %u levels", max_depth);
              return FALSE;
            }
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }
  return TRUE;
}

/* json-glib turns \u0000 into a NUL that ends the C string: "a\u0000b"
 * would be stored as "a".  TRUE when a string holds that escape. */
static gboolean
has_nul_escape (const char *data,
                gsize       length)
{
  for (const char *p = data; (p = memchr (p, '\\', length - (gsize) (p - data))) != NULL; )
    {
      gsize left = length - (gsize) (p - data);

      if (left >= 6 && p[1] == 'u' && memcmp (p + 2, "0000", 4) == 0)
        return TRUE;
      /* An escaped backslash is two characters: skip both. */
      p += left >= 2 ? 2 : 1;
      if ((gsize) (p - data) >= length)
        break;
    }
  return FALSE;
}

JsonNode *
platz_json_parse (const char *data,
                  gsize       length,
                  GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (length == 0)
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST, "The body is empty");
      return NULL;
    }
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                           "The body is not valid UTF-8");
      return NULL;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                           "The body contains a NUL byte");
      return NULL;
    }
  if (!platz_json_check_depth (data, length, PLATZ_JSON_MAX_DEPTH, error))
    return NULL;
  if (has_nul_escape (data, length))
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_INVALID_FIELD,
                           "Text may not contain the character U+0000 (\\u0000)");
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                   "Malformed JSON: %s", local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST, "The body is empty");
      return NULL;
    }
  return json_node_copy (root);
}

char *
platz_json_to_string (JsonNode *node,
                      gsize    *length)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  json_generator_set_root (gen, node);
  return json_generator_to_data (gen, length);
}

JsonObject *
platz_json_object_member (JsonObject *object,
                          const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
platz_json_array_member (JsonObject *object,
                         const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

gboolean
platz_timezone_name_valid (const char *name)
{
  gsize len = name ? strlen (name) : 0;

  if (len == 0 || len > PLATZ_TIMEZONE_NAME_MAX || name[0] == '/' || strstr (name, "..") != NULL)
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!(g_ascii_isalnum (*p) || *p == '_' || *p == '+' || *p == '-' || *p == '/'))
      return FALSE;
  return TRUE;
}

static gboolean
valid_tag (const char *tag)
{
  if (tag == NULL || *tag == '\0' || strlen (tag) > 64)
    return FALSE;
  for (const char *p = tag; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
      return FALSE;
  return TRUE;
}

gboolean
platz_field_check_string (const PlatzField *field,
                          const char       *value,
                          GError          **error)
{
  GDate date;

  switch (field->type)
    {
    case PLATZ_FIELD_STRING:
      if (!g_utf8_validate (value, -1, NULL) ||
          g_utf8_strlen (value, -1) < 1 ||
          (field->max > 0 && g_utf8_strlen (value, -1) > (glong) field->max))
        {
          g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                       "'%s' must be between 1 and %d characters", field->name, (int) field->max);
          return FALSE;
        }
      for (const char *c = value; *c; c++)
        if (!g_ascii_isspace (*c))
          return TRUE;
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                   "'%s' must not be blank", field->name);
      return FALSE;
    case PLATZ_FIELD_ENUM:
      if (!platz_enum_valid (field->values, value))
        {
          g_autofree char *allowed = g_strjoinv (", ", (char **) field->values);
          g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                       "'%s' must be one of %s", field->name, allowed);
          return FALSE;
        }
      return TRUE;
    case PLATZ_FIELD_DATE:
      if (!platz_date_parse (value, &date))
        {
          g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                       "'%s' must be a date YYYY-MM-DD", field->name);
          return FALSE;
        }
      return TRUE;
    case PLATZ_FIELD_TIME:
      if (!platz_time_parse (value, NULL))
        {
          g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                       "'%s' must be a time HH:MM", field->name);
          return FALSE;
        }
      return TRUE;
    case PLATZ_FIELD_DATETIME:
      {
        g_autoptr(GDateTime) dt = platz_datetime_parse (value);
        if (dt == NULL)
          {
            g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                         "'%s' must be an RFC 3339 time like 2026-12-01T09:00:00+01:00",
                         field->name);
            return FALSE;
          }
        return TRUE;
      }
    case PLATZ_FIELD_TIMEZONE:
      {
        g_autoptr(GTimeZone) tz = NULL;

        /* Checked before GLib sees it: g_time_zone_new_identifier ()
         * opens the file the name points to, "../../etc/passwd" too. */
        if (!platz_timezone_name_valid (value))
          {
            g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                         "'%s' must be a time zone name such as Europe/Berlin", field->name);
            return FALSE;
          }
        tz = g_time_zone_new_identifier (value);
        if (tz == NULL)
          {
            g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                         "'%s' is not a known time zone", field->name);
            return FALSE;
          }
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

/* Encoding */

void
platz_encode_members (const PlatzType *type,
                      gconstpointer    obj,
                      JsonBuilder     *builder)
{
  for (guint i = 0; i < type->n_fields; i++)
    {
      const PlatzField *field = &type->fields[i];
      gconstpointer p = PLATZ_FIELD_PTR (obj, field);

      if (field->flags & PLATZ_F_WRITEONLY)
        continue;

      json_builder_set_member_name (builder, field->name);
      switch (field->type)
        {
        case PLATZ_FIELD_ID:
          json_builder_add_int_value (builder, *(const gint64 *) p);
          break;
        case PLATZ_FIELD_REF:
        case PLATZ_FIELD_INT:
          if (*(const gint64 *) p == 0 && (field->flags & PLATZ_F_NULL || field->type == PLATZ_FIELD_REF))
            json_builder_add_null_value (builder);
          else
            json_builder_add_int_value (builder, *(const gint64 *) p);
          break;
        case PLATZ_FIELD_NUMBER:
          json_builder_add_double_value (builder, *(const double *) p);
          break;
        case PLATZ_FIELD_BOOL:
          json_builder_add_boolean_value (builder, *(const gboolean *) p);
          break;
        case PLATZ_FIELD_WEEKDAYS:
          json_builder_begin_array (builder);
          for (int day = 1; day <= 7; day++)
            if (*(const gint64 *) p & (G_GINT64_CONSTANT (1) << (day - 1)))
              json_builder_add_int_value (builder, day);
          json_builder_end_array (builder);
          break;
        case PLATZ_FIELD_TAGS:
          {
            char * const *tags = *(char * const * const *) p;
            json_builder_begin_array (builder);
            for (guint j = 0; tags != NULL && tags[j] != NULL; j++)
              json_builder_add_string_value (builder, tags[j]);
            json_builder_end_array (builder);
          }
          break;
        default:
          {
            const char *s = *(const char * const *) p;
            if (s == NULL)
              json_builder_add_null_value (builder);
            else
              json_builder_add_string_value (builder, s);
          }
          break;
        }
    }
}

JsonNode *
platz_encode (const PlatzType *type,
              gconstpointer    obj)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  platz_encode_members (type, obj, builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Decoding */

static gboolean
type_error (const PlatzField *field,
            const char       *expected,
            GError          **error)
{
  g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
               "'%s' must be %s", field->name, expected);
  return FALSE;
}

static gboolean
decode_integer (const PlatzField *field,
                JsonNode         *node,
                gint64           *out,
                GError          **error)
{
  GType vt = json_node_get_value_type (node);

  if (vt == G_TYPE_INT64)
    *out = json_node_get_int (node);
  else if (vt == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);
      if (!isfinite (d) || d != floor (d) || fabs (d) > 9.0e15)
        return type_error (field, "a whole number", error);
      *out = (gint64) d;
    }
  else
    return type_error (field, "a whole number", error);
  return TRUE;
}

static gboolean
decode_field (const PlatzField *field,
              JsonNode         *node,
              PlatzDecodeMode   mode,
              gpointer          obj,
              GError          **error)
{
  gpointer p = PLATZ_FIELD_PTR (obj, field);
  gboolean strict = mode != PLATZ_DECODE_RESPONSE;
  gboolean is_null = JSON_NODE_HOLDS_NULL (node);

  if (is_null)
    {
      gboolean nullable = (field->flags & PLATZ_F_NULL) || !strict;
      if (!nullable)
        return type_error (field, "given (it cannot be null)", error);
      switch (field->type)
        {
        case PLATZ_FIELD_ID:
        case PLATZ_FIELD_REF:
        case PLATZ_FIELD_INT:
        case PLATZ_FIELD_WEEKDAYS:
          *(gint64 *) p = 0;
          break;
        case PLATZ_FIELD_NUMBER:
          *(double *) p = 0;
          break;
        case PLATZ_FIELD_BOOL:
          *(gboolean *) p = FALSE;
          break;
        case PLATZ_FIELD_TAGS:
          g_clear_pointer ((char ***) p, g_strfreev);
          break;
        default:
          g_clear_pointer ((char **) p, g_free);
          break;
        }
      return TRUE;
    }

  switch (field->type)
    {
    case PLATZ_FIELD_ID:
    case PLATZ_FIELD_REF:
    case PLATZ_FIELD_INT:
      {
        gint64 v;
        if (!JSON_NODE_HOLDS_VALUE (node))
          return type_error (field, "a whole number", error);
        if (!decode_integer (field, node, &v, error))
          return FALSE;
        if (strict && field->type != PLATZ_FIELD_INT && v <= 0)
          return type_error (field, "a positive id", error);
        if (strict && field->type == PLATZ_FIELD_INT && (field->min != 0 || field->max != 0) &&
            (v < field->min || v > field->max))
          {
            g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                         "'%s' must be between %.0f and %.0f", field->name, field->min, field->max);
            return FALSE;
          }
        *(gint64 *) p = v;
        return TRUE;
      }
    case PLATZ_FIELD_NUMBER:
      {
        GType vt;
        double v;
        if (!JSON_NODE_HOLDS_VALUE (node))
          return type_error (field, "a number", error);
        vt = json_node_get_value_type (node);
        if (vt == G_TYPE_INT64)
          v = (double) json_node_get_int (node);
        else if (vt == G_TYPE_DOUBLE)
          v = json_node_get_double (node);
        else
          return type_error (field, "a number", error);
        if (!isfinite (v))
          return type_error (field, "a finite number", error);
        if (strict && (field->min != 0 || field->max != 0) && (v < field->min || v > field->max))
          {
            g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                         "'%s' must be between %g and %g", field->name, field->min, field->max);
            return FALSE;
          }
        *(double *) p = v;
        return TRUE;
      }
    case PLATZ_FIELD_BOOL:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return type_error (field, "true or false", error);
      *(gboolean *) p = json_node_get_boolean (node);
      return TRUE;
    case PLATZ_FIELD_WEEKDAYS:
      {
        JsonArray *array;
        gint64 mask = 0;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return type_error (field, "a list of weekdays 1 (Monday) to 7 (Sunday)", error);
        array = json_node_get_array (node);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *el = json_array_get_element (array, i);
            gint64 day;
            gint64 bit;

            if (!JSON_NODE_HOLDS_VALUE (el) || !decode_integer (field, el, &day, NULL) ||
                day < 1 || day > 7)
              return type_error (field, "a list of weekdays 1 (Monday) to 7 (Sunday)", error);
            bit = G_GINT64_CONSTANT (1) << (day - 1);
            if (strict && (mask & bit))
              {
                g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                             "'%s' names weekday %" G_GINT64_FORMAT " twice", field->name, day);
                return FALSE;
              }
            mask |= bit;
          }
        *(gint64 *) p = mask;
        return TRUE;
      }
    case PLATZ_FIELD_TAGS:
      {
        JsonArray *array;
        g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
        if (!JSON_NODE_HOLDS_ARRAY (node))
          return type_error (field, "a list of strings", error);
        array = json_node_get_array (node);
        if (json_array_get_length (array) > 64)
          return type_error (field, "a list of at most 64 entries", error);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *el = json_array_get_element (array, i);
            const char *s;
            if (!JSON_NODE_HOLDS_VALUE (el) || json_node_get_value_type (el) != G_TYPE_STRING)
              return type_error (field, "a list of strings", error);
            s = json_node_get_string (el);
            if (strict && field->values != NULL && !platz_enum_valid (field->values, s))
              {
                g_autofree char *allowed = g_strjoinv (", ", (char **) field->values);
                g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                             "'%s' may only contain %s", field->name, allowed);
                return FALSE;
              }
            if (strict && field->values == NULL && !valid_tag (s))
              return type_error (field,
                                 "a list of tags made of a-z, 0-9 and _ (e.g. \"whiteboard\")",
                                 error);
            if (!g_utf8_validate (s, -1, NULL))
              {
                /* An escape such as \ud800 makes a string that is not
                 * UTF-8: refused in requests, repaired in answers. */
                if (strict)
                  return type_error (field, "a list of UTF-8 strings", error);
                g_ptr_array_add (tags, g_utf8_make_valid (s, -1));
              }
            else if (!g_ptr_array_find_with_equal_func (tags, s, g_str_equal, NULL))
              g_ptr_array_add (tags, g_strdup (s));
          }
        g_ptr_array_add (tags, NULL);
        g_strfreev (*(char ***) p);
        *(char ***) p = (char **) g_ptr_array_free (g_steal_pointer (&tags), FALSE);
        return TRUE;
      }
    default:
      {
        const char *s;
        if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
          return type_error (field, "a string", error);
        s = json_node_get_string (node);
        if (strict && !platz_field_check_string (field, s, error))
          return FALSE;
        g_free (*(char **) p);
        /* Answers: an escape such as \ud800 makes a string that is not
         * UTF-8 (requests are refused above); repaired, never kept. */
        *(char **) p = g_utf8_validate (s, -1, NULL) ? g_strdup (s) : g_utf8_make_valid (s, -1);
        return TRUE;
      }
    }
}

gboolean
platz_decode (const PlatzType *type,
              JsonNode        *node,
              PlatzDecodeMode  mode,
              gpointer         obj,
              guint64         *present,
              GError         **error)
{
  JsonObject *object;
  guint64 seen = 0;
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (type->n_fields <= 64, FALSE);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                   "Expected a JSON object for the %s", type->name);
      return FALSE;
    }
  object = json_node_get_object (node);
  members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      int index = platz_type_field_index (type, name);
      const PlatzField *field;

      if (index < 0)
        {
          if (mode == PLATZ_DECODE_RESPONSE)
            continue;
          g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                       "Unknown field '%s' for a %s", name, type->name);
          return FALSE;
        }
      field = &type->fields[index];
      if (mode != PLATZ_DECODE_RESPONSE && (field->flags & PLATZ_F_READONLY))
        {
          g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                       "'%s' is set by the server and cannot be sent", name);
          return FALSE;
        }
      if (!decode_field (field, json_object_get_member (object, name), mode, obj, error))
        return FALSE;
      seen |= G_GUINT64_CONSTANT (1) << index;
    }

  if (mode == PLATZ_DECODE_CREATE)
    {
      for (guint i = 0; i < type->n_fields; i++)
        {
          const PlatzField *field = &type->fields[i];
          if ((field->flags & PLATZ_F_REQUIRED) && !(seen & (G_GUINT64_CONSTANT (1) << i)))
            {
              g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                           "'%s' is required for a %s", field->name, type->name);
              return FALSE;
            }
        }
    }

  if (present != NULL)
    *present = seen;
  return TRUE;
}

GPtrArray *
platz_decode_array (const PlatzType *type,
                    JsonNode        *node,
                    GError         **error)
{
  g_autoptr(GPtrArray) result = NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_BAD_REQUEST,
                   "Expected a JSON array of %s objects", type->name);
      return NULL;
    }
  array = json_node_get_array (node);
  result = g_ptr_array_new_full (json_array_get_length (array), NULL);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gpointer obj = platz_object_new (type);
      if (!platz_decode (type, json_array_get_element (array, i), PLATZ_DECODE_RESPONSE, obj,
                         NULL, error))
        {
          platz_object_free (type, obj);
          for (guint j = 0; j < result->len; j++)
            platz_object_free (type, result->pdata[j]);
          return NULL;
        }
      g_ptr_array_add (result, obj);
    }
  return g_steal_pointer (&result);
}
