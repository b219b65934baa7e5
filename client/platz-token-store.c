/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-token-store"

#include "config.h"
#include "platz-client-config.h"

#include <glib/gstdio.h>
#if HAVE_LIBSECRET
#include <libsecret/secret.h>
#endif

#include "platz-token-store.h"

struct _PlatzTokenStore
{
  GObject  parent_instance;

  gboolean use_keyring;
  char    *path;
};

G_DEFINE_FINAL_TYPE (PlatzTokenStore, platz_token_store, G_TYPE_OBJECT)

#if HAVE_LIBSECRET
static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "org.platz.Platz.Token", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };
  return &schema;
}
#endif

/* ------------------------------------------------------------------ */
/* The file fallback                                                   */
/* ------------------------------------------------------------------ */

static void
on_file_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  /* The server, and the user asked for ("": whoever signed in last). */
  const char *const *lookup = g_task_get_task_data (task);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *contents = NULL;
  g_autofree char *stored_user = NULL;
  gsize len = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &len, NULL, NULL)
      || !g_key_file_load_from_data (keyfile, contents, len, G_KEY_FILE_NONE, NULL))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  /* A session of another user is not one to sign in with. */
  stored_user = g_key_file_get_string (keyfile, lookup[0], "user", NULL);
  if (*lookup[1] != '\0' && g_strcmp0 (stored_user, lookup[1]) != 0)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  g_task_return_pointer (task, g_key_file_get_string (keyfile, lookup[0], "token", NULL),
                         g_free);
}

static void
file_lookup (PlatzTokenStore *self,
             GTask           *task)
{
  g_autoptr(GFile) file = g_file_new_for_path (self->path);

  g_file_load_contents_async (file, g_task_get_cancellable (task), on_file_loaded_cb,
                              g_object_ref (task));
}

static void
on_file_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_message ("Could not keep the session token: %s", error->message);
  g_free (user_data);
}

static void
file_save (PlatzTokenStore *self,
           const char      *server,
           const char      *user,
           const char      *token)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GFile) file = g_file_new_for_path (self->path);
  g_autofree char *dir = g_path_get_dirname (self->path);
  char *data;
  gsize len;

  /* A small local file; reading it synchronously here is fine, the
   * network is what must never block. */
  g_key_file_load_from_file (keyfile, self->path, G_KEY_FILE_NONE, NULL);
  g_key_file_remove_group (keyfile, server, NULL);
  if (token != NULL)
    {
      g_key_file_set_string (keyfile, server, "token", token);
      if (user != NULL)
        g_key_file_set_string (keyfile, server, "user", user);
    }
  data = g_key_file_to_data (keyfile, &len, NULL);
  g_mkdir_with_parents (dir, 0700);
  /* G_FILE_CREATE_PRIVATE makes the new file 0600. */
  g_file_replace_contents_async (file, data, len, NULL, FALSE,
                                 G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                 NULL, on_file_saved_cb, data);
}

/* ------------------------------------------------------------------ */
/* The keyring                                                         */
/* ------------------------------------------------------------------ */

#if HAVE_LIBSECRET
static void
on_secret_lookup_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PlatzTokenStore *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  char *token = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    {
      /* No keyring here: use the file from now on. */
      g_debug ("Keyring unavailable: %s", error->message);
      self->use_keyring = FALSE;
      file_lookup (self, task);
      return;
    }
  g_task_return_pointer (task, g_strdup (token), g_free);
  secret_password_free (token);
}

typedef struct {
  PlatzTokenStore *self;
  char            *server;
  char            *user;
  char            *token;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->self);
  g_free (data->server);
  g_free (data->user);
  g_free (data->token);
  g_free (data);
}

static void
on_secret_stored_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(GError) error = NULL;

  secret_password_store_finish (result, &error);
  if (error != NULL)
    {
      /* No keyring after all: keep the token in the private file. */
      g_debug ("Keyring refused the token: %s", error->message);
      data->self->use_keyring = FALSE;
      file_save (data->self, data->server, data->user, data->token);
    }
  save_data_free (data);
}

/* The server's sessions (of any user) are gone: keep the new one. */
static void
on_secret_cleared_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  SaveData *data = user_data;

  secret_password_clear_finish (result, NULL);
  if (data == NULL)
    return;
  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, "Platz session",
                         data->token, NULL, on_secret_stored_cb, data,
                         "server", data->server, "user", data->user != NULL ? data->user : "",
                         NULL);
}
#endif

/* ------------------------------------------------------------------ */
/* GObject                                                             */
/* ------------------------------------------------------------------ */

static void
platz_token_store_finalize (GObject *object)
{
  PlatzTokenStore *self = PLATZ_TOKEN_STORE (object);

  g_free (self->path);
  G_OBJECT_CLASS (platz_token_store_parent_class)->finalize (object);
}

static void
platz_token_store_class_init (PlatzTokenStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = platz_token_store_finalize;
}

static void
platz_token_store_init (PlatzTokenStore *self)
{
  self->path = g_build_filename (g_get_user_data_dir (), "platz", "tokens", NULL);
  self->use_keyring = HAVE_LIBSECRET && g_strcmp0 (g_getenv ("PLATZ_TOKEN_STORE"), "file") != 0;
}

PlatzTokenStore *
platz_token_store_new (void)
{
  return g_object_new (PLATZ_TYPE_TOKEN_STORE, NULL);
}

void
platz_token_store_lookup_async (PlatzTokenStore     *self,
                                const char          *server,
                                const char          *user,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  const char *const lookup[] = { server, user != NULL ? user : "", NULL };

  g_task_set_source_tag (task, platz_token_store_lookup_async);
  g_task_set_task_data (task, g_strdupv ((char **) lookup), (GDestroyNotify) g_strfreev);
#if HAVE_LIBSECRET
  if (self->use_keyring)
    {
      if (user != NULL)
        secret_password_lookup (get_schema (), cancellable, on_secret_lookup_cb,
                                g_steal_pointer (&task), "server", server, "user", user, NULL);
      else
        secret_password_lookup (get_schema (), cancellable, on_secret_lookup_cb,
                                g_steal_pointer (&task), "server", server, NULL);
      return;
    }
#endif
  file_lookup (self, task);
}

char *
platz_token_store_lookup_finish (PlatzTokenStore  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
platz_token_store_save (PlatzTokenStore *self,
                        const char      *server,
                        const char      *user,
                        const char      *token)
{
  g_return_if_fail (PLATZ_IS_TOKEN_STORE (self));

#if HAVE_LIBSECRET
  if (self->use_keyring)
    {
      SaveData *data = NULL;

      /* One session per server: the one of the user who signed in last. */
      if (token != NULL)
        {
          data = g_new0 (SaveData, 1);
          data->self = g_object_ref (self);
          data->server = g_strdup (server);
          data->user = g_strdup (user);
          data->token = g_strdup (token);
        }
      secret_password_clear (get_schema (), NULL, on_secret_cleared_cb, data,
                             "server", server, NULL);
      return;
    }
#endif
  file_save (self, server, user, token);
}
