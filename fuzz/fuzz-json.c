/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target: the JSON codec of common/.  The first byte picks a
 * type and a decode mode, the rest is the JSON text: platz_json_parse
 * (depth pre-scan + json-glib), platz_decode, platz_decode_array, and for
 * what decodes, encode -> text -> parse -> lenient decode again.
 */
#include "config.h"

#include <stdint.h>

#include "platz-codec.h"

static const PlatzType *types[] = {
  &platz_site_type, &platz_building_type, &platz_floor_type, &platz_room_type,
  &platz_desk_type, &platz_standard_type, &platz_user_type, &platz_team_type,
  &platz_booking_type, &platz_reservation_type, &platz_policies_type,
  &platz_booking_request_type, &platz_reservation_request_type, &platz_login_request_type,
};

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical or warning is a bug here, like a crash. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const PlatzType *type;
  PlatzDecodeMode mode;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) array = NULL;
  GError *error = NULL;
  gpointer obj;
  guint64 present = 0;

  if (size < 1)
    return 0;
  type = types[data[0] % G_N_ELEMENTS (types)];
  mode = (PlatzDecodeMode) ((data[0] / G_N_ELEMENTS (types)) % 3);
  node = platz_json_parse ((const char *) data + 1, size - 1, &error);
  if (node == NULL)
    {
      g_assert (error != NULL);
      g_clear_error (&error);
      return 0;
    }

  obj = platz_object_new (type);
  if (platz_decode (type, node, mode, obj, &present, &error))
    {
      /* What the server accepted, it can write, and read back. */
      g_autoptr(JsonNode) encoded = platz_encode (type, obj);
      gsize length = 0;
      g_autofree char *text = platz_json_to_string (encoded, &length);
      g_autoptr(JsonNode) again = platz_json_parse (text, length, &error);
      gpointer copy = platz_object_new (type);

      g_assert_no_error (error);
      g_assert_nonnull (again);
      if (!platz_decode (type, again, PLATZ_DECODE_RESPONSE, copy, NULL, &error))
        g_error ("%s: re-decoding its own encoding failed: %s\n%s", type->name, error->message,
                 text);
      platz_object_free (type, copy);
    }
  else
    g_clear_error (&error);
  platz_object_free (type, obj);

  /* The caller frees the elements (the array has no free function). */
  array = platz_decode_array (type, node, &error);
  g_clear_error (&error);
  for (guint i = 0; array != NULL && i < array->len; i++)
    platz_object_free (type, array->pdata[i]);
  return 0;
}
