/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Hostile input and a failing disk, against a real platzd: floor plans
 * with active content, the headers of every answer, one error body for
 * every refusal (libsoup's own included), a full disk (a file-size limit
 * on platzd, so that its COMMITs really fail), a damaged database file at
 * start, NUL escapes, path-like time zones, the policies' grid and
 * unknown query parameters.
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "platz-raw-client.h"
#include "platz-test-server.h"

typedef struct {
  PlatzTestServer *server;
  char            *admin;
  gint64           floor;
} Fixture;

/* Auxiliary */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  gint64 site, building;

  f->server = platz_test_server_start (NULL);
  f->admin = platz_test_login (f->server, PLATZ_TEST_ADMIN, PLATZ_TEST_PASSWORD);
  site = platz_test_create (f->server, f->admin, "/api/v1/sites", "{\"name\":\"Rathaus\"}");
  building = platz_test_create (f->server, f->admin, "/api/v1/buildings",
                                "{\"site_id\":%" G_GINT64_FORMAT ",\"name\":\"A\"}", site);
  f->floor = platz_test_create (f->server, f->admin, "/api/v1/floors",
                                "{\"building_id\":%" G_GINT64_FORMAT ",\"name\":\"EG\","
                                "\"level\":0,\"width\":40,\"height\":20}", building);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  platz_test_server_free (f->server);
  g_free (f->admin);
}

static const char *
header (PlatzTestResponse *r,
        const char        *name)
{
  return soup_message_headers_get_one (r->headers, name);
}

/* The body is one error object and nothing else: exactly
 * {"error":{"code","message","reason"}}. */
static void
assert_envelope_only (const char *body,
                      gsize       length,
                      const char *code,
                      const char *reason)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *inner;

  if (!json_parser_load_from_data (parser, body, (gssize) length, &error))
    g_error ("not one JSON document (%s): %.*s", error->message, (int) length, body);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_nonnull (root);
  g_assert_cmpuint (json_object_get_size (root), ==, 1);
  inner = json_object_get_object_member (root, "error");
  g_assert_nonnull (inner);
  g_assert_cmpuint (json_object_get_size (inner), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (inner, "code"), ==, code);
  g_assert_cmpstr (json_object_get_string_member_with_default (inner, "reason", NULL), ==,
                   reason);
  g_assert_cmpuint (strlen (json_object_get_string_member (inner, "message")), >, 0);
}

static PlatzTestResponse *
put_plan (Fixture    *f,
          const char *data,
          gsize       length)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/floors/%" G_GINT64_FORMAT "/plan", f->floor);
  g_autoptr(GBytes) body = g_bytes_new (data, length);

  return platz_test_send (f->server, f->admin, "PUT", path, body, "application/octet-stream");
}

/* Raw bytes on a socket; the answer's status and body. */
static guint
raw_exchange (Fixture    *f,
              const char *request,
              char      **body)
{
  g_autoptr(GString) in = NULL;
  g_autoptr(GArray) statuses = NULL;
  gboolean closed = FALSE;
  int fd = platz_raw_connect (f->server->port);
  const char *start;

  g_assert_cmpint (fd, >=, 0);
  platz_raw_send (fd, request, strlen (request));
  in = platz_raw_read (fd, 1500, 5000, &closed);
  close (fd);
  statuses = platz_raw_statuses (in);
  g_assert_cmpuint (statuses->len, ==, 1);
  start = strstr (in->str, "\r\n\r\n");
  g_assert_nonnull (start);
  *body = g_strdup (start + 4);
  return g_array_index (statuses, guint, 0);
}

/* Floor plans */

static void
test_plan_hostile_svg (Fixture       *f,
                       gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *svg;
  } cases[] = {
    { "script", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>" },
    { "onload", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect/></svg>" },
    { "onclick-upper", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect OnClick=\"x()\"/></svg>" },
    { "xlink-href-http",
      "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
      "<image xlink:href=\"http://evil.example/x.png\" width=\"1\" height=\"1\"/></svg>" },
    { "href-javascript",
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><use href=\"javascript:alert(1)\"/></svg>" },
    { "css-url-http",
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><style>rect { fill: url( 'http://evil.example/' ) "
      "}</style><rect/></svg>" },
    { "fill-url-http",
      "<svg xmlns=\"http://www.w3.org/2000/svg\">"
      "<rect fill=\"url(https://evil.example/#g)\"/></svg>" },
    { "billion-laughs",
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
      "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
      "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&lol3;</text></svg>" },
    { "unknown-entity", "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&xxe;</text></svg>" },
    { "foreign-object",
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><div/></foreignObject></svg>" },
    { "xhtml-namespace",
      "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:inkscape=\"http://www.w3.org/1999/xhtml\">"
      "<inkscape:script>alert(1)</inkscape:script></svg>" },
    { "animate-href",
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><a><set attributeName=\"href\" "
      "to=\"javascript:alert(1)\"/></a></svg>" },
    { "stylesheet-pi",
      "<?xml-stylesheet href=\"http://evil.example/s.css\"?><svg "
      "xmlns=\"http://www.w3.org/2000/svg\"/>" },
    { "not-xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><g><rect></g></svg>" },
    { "unclosed", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\">" },
    { "root-not-svg", "<html><body><svg/></body></html>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PlatzTestResponse) r = put_plan (f, cases[i].svg, strlen (cases[i].svg));
      gsize size;
      const char *body = g_bytes_get_data (r->body, &size);

      g_test_message ("%s: %u %.*s", cases[i].name, r->status, (int) size, body);
      if (r->status != 422)
        g_error ("%s: expected 422, got %u", cases[i].name, r->status);
      platz_assert_error (r, 422, "policy_violation", "invalid_plan");
      g_assert_true (g_str_has_prefix (platz_test_str (r, "error.message"),
                                       "The SVG floor plan is refused"));
    }
  /* Nothing was stored. */
  {
    g_autoptr(PlatzTestResponse) r = platz_test_requestf (f->server, f->admin, "GET", NULL,
                                                          "/api/v1/floors/%" G_GINT64_FORMAT
                                                          "/plan", f->floor);
    platz_assert_error (r, 404, "not_found", NULL);
  }
}

static void
test_plan_benign (Fixture       *f,
                  gconstpointer  data)
{
  static const char svg[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- drawn in Inkscape -->\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
    "xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" width=\"400\" "
    "height=\"200\" viewBox=\"0 0 400 200\">"
    "<style>.wall { stroke: #333; fill: url(#hatch) }</style>"
    "<defs><linearGradient id=\"hatch\"><stop offset=\"0\" stop-color=\"#eee\"/>"
    "</linearGradient></defs>"
    "<g inkscape:label=\"Walls\" transform=\"translate(1,1)\">"
    "<rect class=\"wall\" x=\"0\" y=\"0\" width=\"398\" height=\"198\"/>"
    "<path d=\"M 10 10 L 100 10\" stroke=\"black\" stroke-width=\"2\"/>"
    "<use xlink:href=\"#hatch\"/>"
    "<text x=\"20\" y=\"40\" font-size=\"12\">R 1.01 &amp; R 1.02</text></g></svg>\n";
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
  };
  g_autoptr(PlatzTestResponse) put = put_plan (f, svg, strlen (svg));
  g_autoptr(PlatzTestResponse) get = NULL;
  g_autoptr(PlatzTestResponse) put_png = NULL;
  g_autoptr(PlatzTestResponse) get_png = NULL;
  g_autofree char *disposition = g_strdup_printf ("inline; filename=\"floor-%" G_GINT64_FORMAT
                                                  ".svg\"", f->floor);
  g_autofree char *png_disposition = g_strdup_printf ("inline; filename=\"floor-%" G_GINT64_FORMAT
                                                      ".png\"", f->floor);
  gsize size;
  const guint8 *bytes;

  platz_assert_status (put, 204);
  get = platz_test_requestf (f->server, f->admin, "GET", NULL,
                             "/api/v1/floors/%" G_GINT64_FORMAT "/plan", f->floor);
  platz_assert_status (get, 200);
  bytes = g_bytes_get_data (get->body, &size);
  g_assert_cmpmem (bytes, size, svg, strlen (svg));
  g_assert_cmpstr (header (get, "Content-Type"), ==, "image/svg+xml");
  g_assert_cmpstr (header (get, "X-Content-Type-Options"), ==, "nosniff");
  g_assert_cmpstr (header (get, "Content-Security-Policy"), ==,
                   "default-src 'none'; style-src 'unsafe-inline'");
  g_assert_cmpstr (header (get, "Content-Disposition"), ==, disposition);

  put_png = put_plan (f, (const char *) png, sizeof png);
  platz_assert_status (put_png, 204);
  get_png = platz_test_requestf (f->server, f->admin, "GET", NULL,
                                 "/api/v1/floors/%" G_GINT64_FORMAT "/plan", f->floor);
  platz_assert_status (get_png, 200);
  bytes = g_bytes_get_data (get_png->body, &size);
  g_assert_cmpmem (bytes, size, png, sizeof png);
  g_assert_cmpstr (header (get_png, "Content-Type"), ==, "image/png");
  g_assert_cmpstr (header (get_png, "X-Content-Type-Options"), ==, "nosniff");
  g_assert_cmpstr (header (get_png, "Content-Disposition"), ==, png_disposition);
}

/* 50 MB announced: 413 from the headers, before a byte of the body. */
static void
test_plan_too_large (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *request = g_strdup_printf (
    "PUT /api/v1/floors/%" G_GINT64_FORMAT "/plan HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    "Authorization: Bearer %s\r\nContent-Type: image/svg+xml\r\n"
    "Content-Length: 52428800\r\n\r\n<svg", f->floor, f->admin);
  g_autofree char *body = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpuint (raw_exchange (f, request, &body), ==, 413);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  assert_envelope_only (body, strlen (body), "payload_too_large", NULL);
}

/* Headers and envelopes */

static void
test_security_headers (Fixture       *f,
                       gconstpointer  data)
{
  const char *paths[] = { "/api/v1/me", "/api/v1/sites/999999", "/healthz" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(PlatzTestResponse) r = platz_test_request (f->server, f->admin, "GET", paths[i],
                                                           NULL);
      g_assert_cmpstr (header (r, "X-Content-Type-Options"), ==, "nosniff");
      g_assert_cmpstr (header (r, "Content-Security-Policy"), ==, "default-src 'none'");
      g_assert_cmpstr (header (r, "Referrer-Policy"), ==, "no-referrer");
      g_assert_cmpstr (header (r, "Cache-Control"), ==, "no-store");
    }
}

/* What libsoup refuses before any handler runs answers with the error
 * body too. */
static void
test_early_refusals (Fixture       *f,
                     gconstpointer  data)
{
  static const struct {
    const char *request;
    guint       status;
    const char *code;
  } cases[] = {
    { "GET /api/v1/%2e%2e%2fsites HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
      400, "bad_request" },
    { "GET /api/v1/sites/%2e%2e%2f%2e%2e%2fetc%2fpasswd HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Connection: close\r\n\r\n", 400, "bad_request" },
    { "GET /api/v1/a%00b HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
      400, "bad_request" },
    { "NONSENSE\r\n\r\n", 400, "bad_request" },
    { "GET * HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 404, "not_found" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = NULL;
      guint status = raw_exchange (f, cases[i].request, &body);

      g_test_message ("case %u: %u %s", i, status, body);
      g_assert_cmpuint (status, ==, cases[i].status);
      assert_envelope_only (body, strlen (body), cases[i].code, NULL);
    }
  /* A 204 has no body and no content type. */
  {
    g_autoptr(PlatzTestResponse) r = platz_test_request (f->server, f->admin, "POST",
                                                         "/api/v1/auth/logout", NULL);
    platz_assert_status (r, 204);
    g_assert_cmpuint (g_bytes_get_size (r->body), ==, 0);
    g_assert_null (header (r, "Content-Type"));
  }
}

/* A full disk */

/* platzd under a file-size limit: its files may not grow past
 * FULL_DISK_BYTES, so once the write-ahead log reaches it every COMMIT
 * fails in write(2), as on a full disk. */
#define FULL_DISK_BYTES (1024 * 1024)

static PlatzTestServer *
start_with_file_limit (rlim_t bytes)
{
  struct rlimit saved, limit;
  PlatzTestServer *server;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  if (saved.rlim_max != RLIM_INFINITY && saved.rlim_max < bytes)
    return NULL;
  limit.rlim_cur = bytes;
  limit.rlim_max = saved.rlim_max;
  /* Only the child's files grow while the limit is set: it is inherited
   * at fork, and lifted here at once. */
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  server = platz_test_server_start (NULL);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  return server;
}

static void
test_full_disk (void)
{
  PlatzTestServer *server = start_with_file_limit (FULL_DISK_BYTES);
  g_autofree char *admin = NULL;
  g_autofree char *padding = g_strnfill (180, 'x');
  g_autofree char *refused_name = NULL;
  g_autoptr(PlatzTestResponse) health = NULL;
  g_autoptr(PlatzTestResponse) sites = NULL;
  guint created = 0;

  if (server == NULL)
    {
      g_test_skip ("the hard file-size limit is below the test's");
      return;
    }
  admin = platz_test_login (server, PLATZ_TEST_ADMIN, PLATZ_TEST_PASSWORD);
  /* Each site is a COMMIT of a few pages: the log is full after some
   * hundreds at most. */
  for (guint i = 0; i < 2000 && refused_name == NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("Site %u %s", i, padding);
      g_autofree char *body = g_strdup_printf ("{\"name\":\"%s\"}", name);
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      g_autoptr(PlatzTestResponse) r = platz_test_send (server, admin, "POST", "/api/v1/sites",
                                                        bytes, "application/json");
      gsize size;
      const char *data = g_bytes_get_data (r->body, &size);

      if (r->status == 201)
        {
          created++;
          continue;
        }
      g_test_message ("after %u sites: %u %.*s", created, r->status, (int) size, data);
      g_assert_cmpuint (r->status, ==, 503);
      /* The error alone: not the unsaved site before it. */
      assert_envelope_only (data, size, "unavailable", "database_full");
      g_assert_null (g_strstr_len (data, (gssize) size, padding));
      refused_name = g_steal_pointer (&name);
    }
  g_assert_nonnull (refused_name);
  g_assert_cmpuint (created, >, 0);

  /* Nothing of it was kept; reads still work. */
  sites = platz_test_request (server, admin, "GET", "/api/v1/sites", NULL);
  platz_assert_status (sites, 200);
  g_assert_cmpuint (platz_test_length (sites, NULL), ==, created);

  health = platz_test_send (server, NULL, "GET", "/healthz", NULL, NULL);
  platz_assert_error (health, 503, "unavailable", "database_full");
  platz_test_server_free (server);
}

/* A damaged page */

static void
corrupt_table_page (const char *path,
                    const char *table)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT rootpage, (SELECT page_size FROM "
                                          "pragma_page_size), (SELECT page_count FROM "
                                          "pragma_page_count) FROM sqlite_schema "
                                          "WHERE type = 'table' AND name = '%s'", table);
  gint64 root, page_size, pages;
  g_autofree char *junk = g_strnfill (64, '\x5a');
  FILE *file;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root = sqlite3_column_int64 (stmt, 0);
  page_size = sqlite3_column_int64 (stmt, 1);
  pages = sqlite3_column_int64 (stmt, 2);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_test_message ("%s: root page %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT, table, root, pages);
  /* Not the file header (page 1): the table's own page, whose b-tree
   * header and cell pointers become nonsense. */
  g_assert_cmpint (root, >, 1);
  g_assert_cmpint (root, <, pages);
  file = g_fopen (path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (long) ((root - 1) * page_size), SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (junk, 1, 64, file), ==, 64);
  fclose (file);
}

/* The server ends with the test, whatever happens to it. */
static void
child_setup (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
on_wait_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) data = TRUE;
}

static char *
read_pipe (GInputStream *stream)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_output_stream_splice (out, stream, G_OUTPUT_STREAM_SPLICE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_corrupt_start (void)
{
  PlatzTestServer *server = platz_test_server_start (NULL);
  g_autofree char *admin = platz_test_login (server, PLATZ_TEST_ADMIN, PLATZ_TEST_PASSWORD);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  const char *platzd = g_getenv ("PLATZ_TEST_PLATZD") ? g_getenv ("PLATZ_TEST_PLATZD")
                                                      : PLATZD_PATH;
  gboolean exited = FALSE;
  gint64 start;

  for (guint i = 0; i < 100; i++)
    platz_test_create (server, admin, "/api/v1/sites", "{\"name\":\"Site %u with a long "
                       "name to fill pages of the table\"}", i);
  /* SIGTERM: a clean stop checkpoints the log into the file. */
  platz_test_server_kill (server, SIGTERM);
  corrupt_table_page (server->db_path, "sites");

  start = g_get_monotonic_time ();
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  process = g_subprocess_launcher_spawn (launcher, &error, platzd, "--db", server->db_path,
                                         "--listen", "127.0.0.1:0", NULL);
  g_assert_no_error (error);
  /* Bounded: a platzd that starts serving the damaged file never ends. */
  g_subprocess_wait_async (process, NULL, on_wait_cb, &exited);
  while (!exited && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (10000), TRUE);
  if (!exited)
    {
      g_subprocess_force_exit (process);
      g_error ("platzd did not refuse the damaged database");
    }
  out = read_pipe (g_subprocess_get_stdout_pipe (process));
  err = read_pipe (g_subprocess_get_stderr_pipe (process));
  g_test_message ("stderr: %s", err);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_null (strstr (out, "listening"));
  lines = g_strsplit (g_strchomp (err), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_nonnull (strstr (lines[0], server->db_path));
  g_assert_nonnull (strstr (lines[0], "damaged"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  platz_test_server_free (server);
}

/* Bad input */

static void
test_nul_in_string (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PlatzTestResponse) nul = platz_test_request (f->server, f->admin, "POST",
                                                         "/api/v1/sites",
                                                         "{\"name\":\"a\\u0000b\"}");
  g_autoptr(PlatzTestResponse) key = platz_test_request (f->server, f->admin, "POST",
                                                         "/api/v1/sites",
                                                         "{\"na\\u0000me\":\"x\"}");
  g_autoptr(PlatzTestResponse) escaped = platz_test_request (f->server, f->admin, "POST",
                                                             "/api/v1/sites",
                                                             "{\"name\":\"a\\\\u0000b\"}");
  g_autoptr(PlatzTestResponse) list = NULL;

  platz_assert_error (nul, 422, "policy_violation", "invalid_field");
  platz_assert_error (key, 422, "policy_violation", "invalid_field");
  /* An escaped backslash before "u0000" is just text. */
  platz_assert_status (escaped, 201);
  g_assert_cmpstr (platz_test_str (escaped, "name"), ==, "a\\u0000b");
  list = platz_test_request (f->server, f->admin, "GET", "/api/v1/sites", NULL);
  g_assert_cmpuint (platz_test_length (list, NULL), ==, 2);
}

static void
test_timezone_names (Fixture       *f,
                     gconstpointer  data)
{
  const char *bad[] = {
    "../../etc/passwd", "/etc/localtime", "Europe/../../../etc/passwd", "Europe/Berlin\\n",
    "Europe Berlin", "Mars/Olympus",
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  };
  const char *good[] = { "Europe/Berlin", "America/Argentina/Buenos_Aires", "Etc/GMT+1", "UTC" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"name\":\"x\",\"timezone\":\"%s\"}", bad[i]);
      g_autoptr(PlatzTestResponse) r = platz_test_request (f->server, f->admin, "POST",
                                                           "/api/v1/sites", body);
      g_test_message ("%s: %u", bad[i], r->status);
      platz_assert_error (r, 400, "bad_request", NULL);
      g_assert_nonnull (strstr (platz_test_str (r, "error.message"), "timezone"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    platz_test_create (f->server, f->admin, "/api/v1/sites",
                       "{\"name\":\"Site in %s\",\"timezone\":\"%s\"}", good[i], good[i]);
  /* platzd runs with fatal warnings: a GLib-CRITICAL would have ended it. */
  {
    g_autoptr(PlatzTestResponse) health = platz_test_request (f->server, NULL, "GET",
                                                              "/healthz", NULL);
    platz_assert_status (health, 200);
  }
}

static void
test_policy_grid (Fixture       *f,
                  gconstpointer  data)
{
  static const struct {
    const char *body;
    guint       status;
  } cases[] = {
    { "{\"slot_minutes\":7}", 422 },
    { "{\"slot_minutes\":45}", 422 },
    { "{\"slot_minutes\":90}", 422 },
    { "{\"slot_minutes\":4}", 400 },
    { "{\"slot_minutes\":20}", 200 },
    { "{\"slot_minutes\":5}", 200 },
    { "{\"slot_minutes\":60}", 200 },
    { "{\"slot_minutes\":15,\"working_hours_start\":\"07:10\"}", 422 },
    { "{\"slot_minutes\":30,\"working_hours_end\":\"18:30\"}", 200 },
    { "{\"slot_minutes\":60}", 422 },   /* 18:30 is not on the hour */
    { "{\"booking_window_days\":367}", 400 },
    { "{\"max_bookings_per_week\":0}", 400 },
    { "{\"retention_days\":0}", 400 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PlatzTestResponse) r = platz_test_request (f->server, f->admin, "PATCH",
                                                           "/api/v1/policies", cases[i].body);
      g_test_message ("%s: %u", cases[i].body, r->status);
      if (r->status != cases[i].status)
        g_error ("%s: expected %u, got %u", cases[i].body, cases[i].status, r->status);
      if (cases[i].status == 422)
        platz_assert_error (r, 422, "policy_violation", "invalid_value");
    }
  {
    g_autoptr(PlatzTestResponse) r = platz_test_request (f->server, f->admin, "GET",
                                                         "/api/v1/policies", NULL);
    g_assert_cmpint (platz_test_int (r, "slot_minutes"), ==, 30);
    g_assert_cmpstr (platz_test_str (r, "working_hours_end"), ==, "18:30");
  }
}

static void
test_unknown_query (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PlatzTestResponse) typo = platz_test_request (f->server, f->admin, "GET",
                                                          "/api/v1/bookings?frm=2026-01-01",
                                                          NULL);
  g_autoptr(PlatzTestResponse) two = platz_test_request (f->server, f->admin, "GET",
                                                         "/api/v1/sites?zz=1&aa=2", NULL);
  g_autoptr(PlatzTestResponse) ok = platz_test_request (f->server, f->admin, "GET",
                                                        "/api/v1/bookings?from=2026-01-01"
                                                        "&to=2026-01-31&status=all", NULL);
  g_autoptr(PlatzTestResponse) filter = platz_test_request (f->server, f->admin, "GET",
                                                            "/api/v1/floors?site_id=1", NULL);
  g_autoptr(PlatzTestResponse) health = platz_test_request (f->server, NULL, "GET",
                                                            "/healthz?verbose=1", NULL);

  platz_assert_error (typo, 400, "bad_request", NULL);
  g_assert_cmpstr (platz_test_str (typo, "error.message"), ==, "Unknown query parameter: frm");
  platz_assert_error (two, 400, "bad_request", NULL);
  g_assert_cmpstr (platz_test_str (two, "error.message"), ==,
                   "Unknown query parameters: aa, zz");
  platz_assert_status (ok, 200);
  platz_assert_status (filter, 200);
  platz_assert_error (health, 400, "bad_request", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/robust/plan/hostile-svg", test_plan_hostile_svg);
  ADD ("/robust/plan/benign", test_plan_benign);
  ADD ("/robust/plan/too-large", test_plan_too_large);
  ADD ("/robust/security-headers", test_security_headers);
  ADD ("/robust/early-refusals", test_early_refusals);
  ADD ("/robust/nul-in-string", test_nul_in_string);
  ADD ("/robust/timezone-names", test_timezone_names);
  ADD ("/robust/policy-grid", test_policy_grid);
  ADD ("/robust/unknown-query", test_unknown_query);
#undef ADD
  g_test_add_func ("/robust/full-disk", test_full_disk);
  g_test_add_func ("/robust/corrupt-start", test_corrupt_start);
  return g_test_run ();
}
