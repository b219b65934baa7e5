/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-throttle"

#include "config.h"

#include "platzd-throttle.h"

/* The delay saturates a few failures past the limit: older failures
 * beyond these need not be kept. */
#define KEEP_FAILURES 64

typedef struct {
  GArray *failures;   /* gint64 ms, oldest first, within the window */
  guint   waiting;    /* attempts begun and not ended */
} Entry;

struct _PlatzdThrottle {
  GHashTable *keys;   /* key -> Entry */
  guint       max_keys;
};

/* Auxiliary */

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_array_unref (entry->failures);
  g_free (entry);
}

static void
entry_prune (Entry  *entry,
             gint64  now_ms)
{
  guint old = 0;

  while (old < entry->failures->len &&
         g_array_index (entry->failures, gint64, old) <= now_ms - PLATZD_THROTTLE_WINDOW_MS)
    old++;
  if (old > 0)
    g_array_remove_range (entry->failures, 0, old);
}

static gint64
entry_last (Entry *entry)
{
  return entry->failures->len ? g_array_index (entry->failures, gint64, entry->failures->len - 1)
                              : G_MININT64;
}

/* Frees a place in a full table: keys with nothing recent first, else the
 * key whose last failure is oldest. */
static void
make_room (PlatzdThrottle *throttle,
           gint64          now_ms)
{
  GHashTableIter iter;
  gpointer key, value;
  gpointer oldest = NULL;
  gint64 oldest_at = G_MAXINT64;

  if (g_hash_table_size (throttle->keys) < throttle->max_keys)
    return;
  g_hash_table_iter_init (&iter, throttle->keys);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Entry *entry = value;

      entry_prune (entry, now_ms);
      if (entry->failures->len == 0 && entry->waiting == 0)
        g_hash_table_iter_remove (&iter);
      else if (entry_last (entry) < oldest_at)
        {
          oldest_at = entry_last (entry);
          oldest = key;
        }
    }
  if (g_hash_table_size (throttle->keys) >= throttle->max_keys && oldest != NULL)
    g_hash_table_remove (throttle->keys, oldest);
}

static Entry *
entry_get (PlatzdThrottle *throttle,
           const char     *key,
           gint64          now_ms)
{
  Entry *entry = g_hash_table_lookup (throttle->keys, key);

  if (entry != NULL)
    return entry;
  make_room (throttle, now_ms);
  entry = g_new0 (Entry, 1);
  entry->failures = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_hash_table_insert (throttle->keys, g_strdup (key), entry);
  return entry;
}

/* API */

PlatzdThrottle *
platzd_throttle_new (guint max_keys)
{
  PlatzdThrottle *throttle = g_new0 (PlatzdThrottle, 1);

  g_return_val_if_fail (max_keys > 0, NULL);
  throttle->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  throttle->max_keys = max_keys;
  return throttle;
}

void
platzd_throttle_free (PlatzdThrottle *throttle)
{
  if (throttle == NULL)
    return;
  g_hash_table_unref (throttle->keys);
  g_free (throttle);
}

guint
platzd_throttle_begin (PlatzdThrottle *throttle,
                       const char     *key,
                       guint           limit,
                       gint64          now_ms)
{
  Entry *entry = entry_get (throttle, key, now_ms);
  guint count;

  entry_prune (entry, now_ms);
  count = entry->failures->len + entry->waiting;
  entry->waiting++;
  if (count < limit)
    return 0;
  return MIN ((guint) PLATZD_THROTTLE_MAX_MS,
              (guint) PLATZD_THROTTLE_FIRST_MS << MIN (count - limit, 4u));
}

void
platzd_throttle_end (PlatzdThrottle *throttle,
                     const char     *key,
                     gboolean        failed,
                     gboolean        forget,
                     gint64          now_ms)
{
  Entry *entry = g_hash_table_lookup (throttle->keys, key);

  if (entry == NULL && !failed)
    return;
  if (entry == NULL)
    entry = entry_get (throttle, key, now_ms);
  else if (entry->waiting > 0)
    entry->waiting--;
  if (forget)
    g_array_set_size (entry->failures, 0);
  if (failed)
    {
      g_array_append_val (entry->failures, now_ms);
      if (entry->failures->len > KEEP_FAILURES)
        g_array_remove_range (entry->failures, 0, entry->failures->len - KEEP_FAILURES);
    }
  entry_prune (entry, now_ms);
  if (entry->failures->len == 0 && entry->waiting == 0)
    g_hash_table_remove (throttle->keys, key);
}

guint
platzd_throttle_size (PlatzdThrottle *throttle)
{
  return g_hash_table_size (throttle->keys);
}
