/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-test"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <glib/gstdio.h>

#include "platz-test-server.h"

#ifndef PLATZD_PATH
#error "PLATZD_PATH must point at the built platzd"
#endif

static void
read_port (PlatzTestServer *server)
{
  GInputStream *out = g_subprocess_get_stdout_pipe (server->process);
  g_autoptr(GDataInputStream) data = g_data_input_stream_new (out);
  g_autoptr(GError) error = NULL;

  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (data), FALSE);
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (data, NULL, NULL, &error);
      const char *p;

      if (line == NULL)
        g_error ("platzd ended before it listened: %s", error ? error->message : "EOF");
      p = strstr (line, "listening on http://127.0.0.1:");
      if (p != NULL)
        {
          server->port = (guint) g_ascii_strtoull (p + strlen ("listening on http://127.0.0.1:"),
                                                   NULL, 10);
          break;
        }
    }
  g_free (server->base);
  server->base = g_strdup_printf ("http://127.0.0.1:%u", server->port);
}

/* A server outlives no test: if the test dies (a failed assertion aborts
 * it), the kernel sends the server SIGTERM. */
static void
child_setup (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
spawn (PlatzTestServer    *server,
       const char * const *extra_args)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *log_path = g_build_filename (server->dir, "platzd.log", NULL);
  g_auto(GStrv) wrapper = NULL;

  g_subprocess_launcher_setenv (launcher, "PLATZ_BOOTSTRAP_PASSWORD", PLATZ_TEST_PASSWORD, TRUE);
  g_subprocess_launcher_set_stderr_file_path (launcher, log_path);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  /* PLATZ_TEST_WRAPPER runs platzd under a tool, e.g.
   * "valgrind --error-exitcode=99 --leak-check=full"; PLATZ_TEST_PLATZD
   * names another platzd binary (an older build, for comparisons). */
  if (g_getenv ("PLATZ_TEST_WRAPPER") != NULL)
    wrapper = g_strsplit (g_getenv ("PLATZ_TEST_WRAPPER"), " ", -1);
  for (guint i = 0; wrapper != NULL && wrapper[i] != NULL; i++)
    if (*wrapper[i] != '\0')
      g_ptr_array_add (argv, wrapper[i]);
  g_ptr_array_add (argv, (gpointer) (g_getenv ("PLATZ_TEST_PLATZD") ? g_getenv ("PLATZ_TEST_PLATZD")
                                                                      : PLATZD_PATH));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, server->db_path);
  g_ptr_array_add (argv, (gpointer) "--listen");
  g_ptr_array_add (argv, (gpointer) "127.0.0.1:0");
  g_ptr_array_add (argv, (gpointer) "--bootstrap-admin");
  g_ptr_array_add (argv, (gpointer) PLATZ_TEST_ADMIN);
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) extra_args[i]);
  g_ptr_array_add (argv, NULL);

  server->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata,
                                                  &error);
  g_assert_no_error (error);
  read_port (server);
}

PlatzTestServer *
platz_test_server_start (const char * const *extra_args)
{
  PlatzTestServer *server = g_new0 (PlatzTestServer, 1);
  g_autoptr(GError) error = NULL;

  server->dir = g_dir_make_tmp ("platz-test-XXXXXX", &error);
  g_assert_no_error (error);
  server->db_path = g_build_filename (server->dir, "platz.db", NULL);
  server->session = soup_session_new_with_options ("timeout", 30, "max-conns", 64,
                                                   "max-conns-per-host", 64, NULL);
  spawn (server, extra_args);
  return server;
}

void
platz_test_server_kill (PlatzTestServer *server,
                        int              signum)
{
  if (server->process == NULL)
    return;
  if (signum == SIGKILL)
    g_subprocess_force_exit (server->process);
  else
    g_subprocess_send_signal (server->process, signum);
  g_subprocess_wait (server->process, NULL, NULL);
  g_clear_object (&server->process);
}

void
platz_test_server_restart (PlatzTestServer *server)
{
  platz_test_server_kill (server, SIGTERM);
  /* Connections to the old process are dead. */
  g_clear_object (&server->session);
  server->session = soup_session_new_with_options ("timeout", 30, "max-conns", 64,
                                                   "max-conns-per-host", 64, NULL);
  spawn (server, NULL);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

void
platz_test_server_free (PlatzTestServer *server)
{
  int status;

  if (server->process != NULL)
    {
      g_subprocess_send_signal (server->process, SIGTERM);
      g_subprocess_wait (server->process, NULL, NULL);
      status = g_subprocess_get_exit_status (server->process);
      /* A clean shutdown on SIGTERM is part of what is tested. */
      if (g_subprocess_get_if_exited (server->process) && status != 0)
        g_error ("platzd exited with status %d on SIGTERM", status);
      g_clear_object (&server->process);
    }
  g_clear_object (&server->session);
  remove_dir (server->dir);
  g_free (server->dir);
  g_free (server->db_path);
  g_free (server->base);
  g_free (server);
}

PlatzTestResponse *
platz_test_request (PlatzTestServer *server,
                    const char      *token,
                    const char      *method,
                    const char      *path,
                    const char      *body)
{
  return platz_test_request_full (server, server->session, token, method, path, body);
}

static PlatzTestResponse *
send_message (PlatzTestServer *server,
              SoupSession     *session,
              const char      *token,
              const char      *method,
              const char      *path,
              GBytes          *body,
              const char      *content_type)
{
  g_autofree char *url = g_strconcat (server->base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GError) error = NULL;
  PlatzTestResponse *resp = g_new0 (PlatzTestResponse, 1);
  gsize size;
  const char *data;

  g_assert_nonnull (msg);
  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, body);
  resp->body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  resp->status = soup_message_get_status (msg);
  resp->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  data = g_bytes_get_data (resp->body, &size);
  if (size > 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      if (json_parser_load_from_data (parser, data, (gssize) size, NULL) &&
          json_parser_get_root (parser) != NULL)
        resp->json = json_node_copy (json_parser_get_root (parser));
    }
  return resp;
}

PlatzTestResponse *
platz_test_request_full (PlatzTestServer *server,
                         SoupSession     *session,
                         const char      *token,
                         const char      *method,
                         const char      *path,
                         const char      *body)
{
  g_autoptr(GBytes) bytes = body ? g_bytes_new (body, strlen (body)) : NULL;
  PlatzTestResponse *resp = send_message (server, session, token, method, path, bytes,
                                          "application/json");

  g_assert_cmpuint (resp->status, <, 500);
  return resp;
}

PlatzTestResponse *
platz_test_send (PlatzTestServer *server,
                 const char      *token,
                 const char      *method,
                 const char      *path,
                 GBytes          *body,
                 const char      *content_type)
{
  return send_message (server, server->session, token, method, path, body, content_type);
}

PlatzTestResponse *
platz_test_requestf (PlatzTestServer *server,
                     const char      *token,
                     const char      *method,
                     const char      *body,
                     const char      *path_format,
                     ...)
{
  va_list args;
  g_autofree char *path = NULL;

  va_start (args, path_format);
  path = g_strdup_vprintf (path_format, args);
  va_end (args);
  return platz_test_request (server, token, method, path, body);
}

void
platz_test_response_free (PlatzTestResponse *resp)
{
  if (resp == NULL)
    return;
  g_clear_pointer (&resp->json, json_node_unref);
  g_clear_pointer (&resp->body, g_bytes_unref);
  g_clear_pointer (&resp->headers, soup_message_headers_unref);
  g_free (resp);
}

char *
platz_test_login (PlatzTestServer *server,
                  const char      *username,
                  const char      *password)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}", username,
                                           password);
  g_autoptr(PlatzTestResponse) resp = platz_test_request (server, NULL, "POST",
                                                          "/api/v1/auth/login", body);

  platz_assert_status (resp, 200);
  return g_strdup (platz_test_str (resp, "token"));
}

gint64
platz_test_create (PlatzTestServer *server,
                   const char      *token,
                   const char      *path,
                   const char      *body_format,
                   ...)
{
  va_list args;
  g_autofree char *body = NULL;
  g_autoptr(PlatzTestResponse) resp = NULL;

  va_start (args, body_format);
  body = g_strdup_vprintf (body_format, args);
  va_end (args);
  resp = platz_test_request (server, token, "POST", path, body);
  platz_assert_status (resp, 201);
  return platz_test_int (resp, "id");
}

JsonNode *
platz_test_member (PlatzTestResponse *resp,
                   const char        *dotted)
{
  g_auto(GStrv) parts = g_strsplit (dotted, ".", -1);
  JsonNode *node = resp->json;

  for (guint i = 0; node != NULL && parts[i] != NULL; i++)
    {
      if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          guint64 index = g_ascii_strtoull (parts[i], NULL, 10);
          JsonArray *array = json_node_get_array (node);
          node = index < json_array_get_length (array) ? json_array_get_element (array, index)
                                                       : NULL;
        }
      else
        node = NULL;
    }
  return node;
}

gint64
platz_test_int (PlatzTestResponse *resp,
                const char        *dotted)
{
  JsonNode *node = platz_test_member (resp, dotted);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    g_error ("no number at '%s' in %.*s", dotted, (int) g_bytes_get_size (resp->body),
             (const char *) g_bytes_get_data (resp->body, NULL));
  return json_node_get_int (node);
}

const char *
platz_test_str (PlatzTestResponse *resp,
                const char        *dotted)
{
  JsonNode *node = platz_test_member (resp, dotted);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    g_error ("no string at '%s'", dotted);
  return json_node_get_string (node);
}

guint
platz_test_length (PlatzTestResponse *resp,
                   const char        *dotted)
{
  JsonNode *node = dotted && *dotted ? platz_test_member (resp, dotted) : resp->json;

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_array_get_length (json_node_get_array (node));
}

void
platz_test_assert_status_impl (PlatzTestResponse *resp,
                               guint              status,
                               const char        *file,
                               int                line)
{
  if (resp->status != status)
    g_error ("%s:%d: expected status %u, got %u: %.*s", file, line, status, resp->status,
             (int) MIN (g_bytes_get_size (resp->body), 500),
             (const char *) g_bytes_get_data (resp->body, NULL));
}

void
platz_test_assert_error_impl (PlatzTestResponse *resp,
                              guint              status,
                              const char        *code,
                              const char        *reason,
                              const char        *file,
                              int                line)
{
  platz_test_assert_status_impl (resp, status, file, line);
  if (g_strcmp0 (platz_test_str (resp, "error.code"), code) != 0 ||
      g_strcmp0 (platz_test_str (resp, "error.reason"), reason) != 0 ||
      platz_test_str (resp, "error.message") == NULL)
    g_error ("%s:%d: expected error %s/%s, got %.*s", file, line, code, reason ? reason : "null",
             (int) MIN (g_bytes_get_size (resp->body), 500),
             (const char *) g_bytes_get_data (resp->body, NULL));
}

static GTimeZone *
zone_or_utc (const char *zone)
{
  GTimeZone *tz = zone ? g_time_zone_new_identifier (zone) : NULL;

  return tz ? tz : g_time_zone_new_utc ();
}

char *
platz_test_date (int         days,
                 const char *zone)
{
  g_autoptr(GTimeZone) tz = zone_or_utc (zone);
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

char *
platz_test_weekday (int         days,
                    const char *zone)
{
  g_autoptr(GTimeZone) tz = zone_or_utc (zone);
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  while (g_date_time_get_day_of_week (then) > 5)
    {
      GDateTime *next = g_date_time_add_days (then, 1);
      g_date_time_unref (then);
      then = next;
    }
  return g_date_time_format (then, "%Y-%m-%d");
}
