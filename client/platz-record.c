/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-record"

#include "config.h"

#include "platz-record.h"

struct _PlatzRecord
{
  GObject          parent_instance;

  const PlatzType *type;
  gpointer         data;
  GHashTable      *extras;
};

G_DEFINE_FINAL_TYPE (PlatzRecord, platz_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
platz_record_finalize (GObject *object)
{
  PlatzRecord *self = PLATZ_RECORD (object);

  if (self->data != NULL)
    platz_object_free (self->type, self->data);
  g_clear_pointer (&self->extras, g_hash_table_unref);

  G_OBJECT_CLASS (platz_record_parent_class)->finalize (object);
}

static void
platz_record_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PlatzRecord *self = PLATZ_RECORD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, platz_record_get_title (self));
      break;
    case PROP_ID:
      g_value_set_int64 (value, platz_record_get_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
platz_record_class_init (PlatzRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = platz_record_finalize;
  object_class->get_property = platz_record_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
platz_record_init (PlatzRecord *self)
{
  self->extras = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

PlatzRecord *
platz_record_new (const PlatzType *type,
                  gpointer         obj)
{
  PlatzRecord *self;

  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (obj != NULL, NULL);

  self = g_object_new (PLATZ_TYPE_RECORD, NULL);
  self->type = type;
  self->data = obj;
  return self;
}

const PlatzType *
platz_record_get_kind (PlatzRecord *self)
{
  g_return_val_if_fail (PLATZ_IS_RECORD (self), NULL);
  return self->type;
}

gpointer
platz_record_get_data (PlatzRecord *self)
{
  g_return_val_if_fail (PLATZ_IS_RECORD (self), NULL);
  return self->data;
}

gint64
platz_record_get_id (PlatzRecord *self)
{
  const PlatzField *field;

  g_return_val_if_fail (PLATZ_IS_RECORD (self), 0);

  field = platz_type_find_field (self->type, "id");
  if (field == NULL)
    return 0;
  return *(gint64 *) PLATZ_FIELD_PTR (self->data, field);
}

const char *
platz_record_get_title (PlatzRecord *self)
{
  static const char * const names[] = { "name", "display_name", "title", "username" };

  g_return_val_if_fail (PLATZ_IS_RECORD (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const PlatzField *field = platz_type_find_field (self->type, names[i]);

      if (field != NULL && field->type == PLATZ_FIELD_STRING)
        {
          const char *value = *(char **) PLATZ_FIELD_PTR (self->data, field);

          if (value != NULL)
            return value;
        }
    }
  return "";
}

const char *
platz_record_get_extra (PlatzRecord *self,
                        const char  *key)
{
  g_return_val_if_fail (PLATZ_IS_RECORD (self), NULL);
  return g_hash_table_lookup (self->extras, key);
}

gint64
platz_record_get_extra_int (PlatzRecord *self,
                            const char  *key)
{
  const char *value = platz_record_get_extra (self, key);

  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}

void
platz_record_set_extra (PlatzRecord *self,
                        const char  *key,
                        const char  *value)
{
  g_return_if_fail (PLATZ_IS_RECORD (self));

  if (value == NULL)
    g_hash_table_remove (self->extras, key);
  else
    g_hash_table_replace (self->extras, g_strdup (key), g_strdup (value));
}

void
platz_record_replace_data (PlatzRecord *self,
                           gpointer     obj)
{
  g_return_if_fail (PLATZ_IS_RECORD (self));
  g_return_if_fail (obj != NULL);

  platz_object_free (self->type, self->data);
  self->data = obj;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}
