/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Framing and abuse corpus over raw sockets: requests no HTTP library
 * would send.  Each must get a 4xx or a closed connection, never a second
 * request executed (a request smuggled behind ambiguous framing would
 * create a site named "Smuggled-..."; none may exist afterwards), never a
 * 5xx, and the server must stay up and keep its memory.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "platz-raw-client.h"
#include "platz-test-server.h"

/* ASan's quarantine keeps freed memory resident for a while. */
#ifdef __SANITIZE_ADDRESS__
#define RSS_SLACK_KB (16 * 1024)
#else
#define RSS_SLACK_KB (8 * 1024)
#endif

typedef struct {
  PlatzTestServer *server;
  char            *token;
  GPid             pid;
} Fixture;

typedef void (*BuildFunc) (Fixture *f, GString *out);

/* Auxiliary */

static char *
smuggled (Fixture    *f,
          const char *tag)
{
  g_autofree char *body = g_strdup_printf ("{\"name\":\"Smuggled-%s\"}", tag);

  return g_strdup_printf ("POST /api/v1/sites HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          "Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
                          "Content-Length: %zu\r\n\r\n%s", f->token, strlen (body), body);
}

/* The start of a request to POST /api/v1/sites with the admin's token;
 * the caller adds framing headers, the blank line and the body. */
static void
head (Fixture    *f,
      GString    *out,
      const char *method,
      const char *path)
{
  g_string_append_printf (out, "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          "Authorization: Bearer %s\r\nContent-Type: application/json\r\n",
                          method, path, f->token);
}

static void
json_request (Fixture    *f,
              GString    *out,
              const char *path,
              const char *body,
              gsize       len)
{
  head (f, out, "POST", path);
  g_string_append_printf (out, "Content-Length: %zu\r\n\r\n", len);
  g_string_append_len (out, body, (gssize) len);
}

static guint
count_smuggled_sites (Fixture *f)
{
  g_autoptr(PlatzTestResponse) resp = platz_test_request (f->server, f->token, "GET",
                                                          "/api/v1/sites", NULL);
  gsize size;
  const char *data = g_bytes_get_data (resp->body, &size);
  g_autofree char *text = g_strndup (data, size);
  guint count = 0;

  platz_assert_status (resp, 200);
  for (const char *p = text; (p = strstr (p, "Smuggled-")) != NULL; p++)
    count++;
  return count;
}

static void
assert_healthy (Fixture *f)
{
  g_autoptr(PlatzTestResponse) resp = platz_test_request (f->server, NULL, "GET", "/healthz",
                                                          NULL);
  platz_assert_status (resp, 200);
}

/* Cases: each writes one connection's worth of bytes. */

static void
build_cl_te (Fixture *f, GString *out)
{
  g_autofree char *inner = smuggled (f, "cl-te");

  head (f, out, "POST", "/api/v1/sites");
  g_string_append_printf (out, "Content-Length: %zu\r\nTransfer-Encoding: chunked\r\n\r\n",
                          strlen ("0\r\n\r\n") + strlen (inner));
  g_string_append_printf (out, "0\r\n\r\n%s", inner);
}

static void
build_te_cl (Fixture *f, GString *out)
{
  g_autofree char *inner = smuggled (f, "te-cl");

  head (f, out, "POST", "/api/v1/sites");
  g_string_append (out, "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n");
  g_string_append_printf (out, "%zx\r\n%s\r\n0\r\n\r\n", strlen (inner), inner);
}

static void
build_two_cl (Fixture *f, GString *out)
{
  g_autofree char *inner = smuggled (f, "two-cl");

  head (f, out, "POST", "/api/v1/sites");
  g_string_append_printf (out, "Content-Length: 2\r\nContent-Length: %zu\r\n\r\n{}%s",
                          strlen (inner) + 2, inner);
}

static void
build_cl_list (Fixture *f, GString *out)
{
  g_autofree char *inner = smuggled (f, "cl-list");

  head (f, out, "POST", "/api/v1/sites");
  g_string_append_printf (out, "Content-Length: 2, %zu\r\n\r\n{}%s", strlen (inner) + 2, inner);
}

static void
build_cl_sign (Fixture *f, GString *out)
{
  g_autofree char *inner = smuggled (f, "cl-sign");

  head (f, out, "POST", "/api/v1/sites");
  g_string_append_printf (out, "Content-Length: +2\r\n\r\n{}%s", inner);
}

static void
build_cl_negative (Fixture *f, GString *out)
{
  g_autofree char *inner = smuggled (f, "cl-negative");

  head (f, out, "POST", "/api/v1/sites");
  g_string_append_printf (out, "Content-Length: -1\r\n\r\n{}%s", inner);
}

static void
build_te_obfuscated (Fixture *f, GString *out)
{
  g_autofree char *inner = smuggled (f, "te-obfuscated");

  head (f, out, "POST", "/api/v1/sites");
  g_string_append_printf (out, "Transfer-Encoding: xchunked\r\nContent-Length: 2\r\n\r\n{}%s",
                          inner);
}

static void
build_te_folded (Fixture *f, GString *out)
{
  g_autofree char *inner = smuggled (f, "te-folded");

  head (f, out, "POST", "/api/v1/sites");
  g_string_append_printf (out, "Transfer-Encoding:\r\n chunked\r\nContent-Length: 5\r\n\r\n"
                          "0\r\n\r\n%s", inner);
}

static void
build_te_twice (Fixture *f, GString *out)
{
  g_autofree char *inner = smuggled (f, "te-twice");

  head (f, out, "POST", "/api/v1/sites");
  g_string_append_printf (out, "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n"
                          "\r\n0\r\n\r\n%s", inner);
}

static void
build_chunk_overflow (Fixture *f, GString *out)
{
  g_autofree char *inner = smuggled (f, "chunk-overflow");

  head (f, out, "POST", "/api/v1/sites");
  g_string_append_printf (out, "Transfer-Encoding: chunked\r\n\r\n"
                          "ffffffffffffffff2\r\n{}\r\n0\r\n\r\n%s", inner);
}

static void
build_nul_in_name (Fixture *f, GString *out)
{
  g_autofree char *inner = smuggled (f, "nul");

  head (f, out, "POST", "/api/v1/sites");
  g_string_append (out, "X-Fo");
  g_string_append_c (out, '\0');
  g_string_append_printf (out, "o: bar\r\nContent-Length: %zu\r\n\r\n%s", strlen (inner), inner);
}

static void
build_huge_headers (Fixture *f, GString *out)
{
  head (f, out, "GET", "/api/v1/sites");
  for (int i = 0; out->len < 300 * 1024; i++)
    g_string_append_printf (out, "X-Padding-%d: %0100d\r\n", i, i);
  g_string_append (out, "\r\n");
}

static void
build_deep_json (Fixture *f, GString *out)
{
  g_autoptr(GString) body = g_string_new (NULL);

  for (int i = 0; i < 65000; i++)
    g_string_append_c (body, '[');
  for (int i = 0; i < 65000; i++)
    g_string_append_c (body, ']');
  json_request (f, out, "/api/v1/sites", body->str, body->len);
}

static void
build_deep_object (Fixture *f, GString *out)
{
  g_autoptr(GString) body = g_string_new (NULL);

  for (int i = 0; i < 65000; i++)
    g_string_append (body, "{\"a\":");
  g_string_append (body, "1");
  for (int i = 0; i < 65000; i++)
    g_string_append_c (body, '}');
  json_request (f, out, "/api/v1/sites", body->str, body->len);
}

static void
build_bad_utf8 (Fixture *f, GString *out)
{
  static const char body[] = "{\"name\":\"Smuggled-utf8-\xff\xfe\xc0\x80\",\"timezone\":\"UTC\"}";

  json_request (f, out, "/api/v1/sites", body, sizeof body - 1);
}

static void
build_bad_utf8_key (Fixture *f, GString *out)
{
  static const char body[] = "{\"na\xedme\":\"Smuggled-utf8-key\"}";

  json_request (f, out, "/api/v1/sites", body, sizeof body - 1);
}

static void
build_huge_exponent (Fixture *f, GString *out)
{
  static const char body[] = "{\"name\":\"Smuggled-exp\",\"max_persons\":1e999999,"
                             "\"min_area_per_person_m2\":8,\"eligible_functions\":[\"staff\"]}";

  json_request (f, out, "/api/v1/occupancy-standards", body, sizeof body - 1);
}

static void
build_huge_integer (Fixture *f, GString *out)
{
  static const char body[] = "{\"name\":\"Smuggled-int\",\"max_persons\":99999999999999999999999,"
                             "\"min_area_per_person_m2\":8,\"eligible_functions\":[\"staff\"]}";

  json_request (f, out, "/api/v1/occupancy-standards", body, sizeof body - 1);
}

static void
build_huge_id (Fixture *f, GString *out)
{
  static const char body[] = "{\"site_id\":-99999999999999999999999,\"name\":\"Smuggled-id\"}";

  json_request (f, out, "/api/v1/buildings", body, sizeof body - 1);
}

static void
build_long_digits (Fixture *f, GString *out)
{
  g_autoptr(GString) body = g_string_new ("{\"site_id\":");

  for (int i = 0; i < 200000; i++)
    g_string_append_c (body, '9');
  g_string_append (body, ",\"name\":\"Smuggled-digits\"}");
  json_request (f, out, "/api/v1/buildings", body->str, body->len);
}

static void
build_empty_json (Fixture *f, GString *out)
{
  json_request (f, out, "/api/v1/sites", "", 0);
}

static void
build_body_in_get (Fixture *f, GString *out)
{
  g_autofree char *inner = smuggled (f, "in-body");

  /* A request inside a body is body, not a request. */
  json_request (f, out, "/api/v1/sites", inner, strlen (inner));
}

static void
build_bare_lf (Fixture *f, GString *out)
{
  g_autofree char *inner = smuggled (f, "bare-lf");

  g_string_append_printf (out, "POST /api/v1/sites HTTP/1.1\nHost: 127.0.0.1\n"
                          "Authorization: Bearer %s\nContent-Length: 2\n"
                          "Transfer-Encoding: chunked\n\n0\n\n%s", f->token, inner);
}

static void
build_bad_request_line (Fixture *f, GString *out)
{
  g_string_append (out, "POST /api/v1/sites HTTP/1.1 extra\r\nHost: x\r\n\r\n");
}

static void
build_absolute_uri (Fixture *f, GString *out)
{
  g_autofree char *inner = smuggled (f, "absolute");

  head (f, out, "POST", "http://evil.example/api/v1/sites/../sites/%2e%2e/x");
  g_string_append_printf (out, "Content-Length: %zu\r\n\r\n%s", strlen (inner), inner);
}

static const struct {
  const char *name;
  BuildFunc   build;
} cases[] = {
  { "cl-te", build_cl_te },
  { "te-cl", build_te_cl },
  { "two-content-length", build_two_cl },
  { "content-length-list", build_cl_list },
  { "content-length-sign", build_cl_sign },
  { "content-length-negative", build_cl_negative },
  { "te-obfuscated", build_te_obfuscated },
  { "te-folded", build_te_folded },
  { "te-twice", build_te_twice },
  { "chunk-size-overflow", build_chunk_overflow },
  { "nul-in-header-name", build_nul_in_name },
  { "300k-headers", build_huge_headers },
  { "deep-json-array", build_deep_json },
  { "deep-json-object", build_deep_object },
  { "invalid-utf8", build_bad_utf8 },
  { "invalid-utf8-key", build_bad_utf8_key },
  { "number-1e999999", build_huge_exponent },
  { "number-23-digits", build_huge_integer },
  { "id-negative-23-digits", build_huge_id },
  { "number-200k-digits", build_long_digits },
  { "empty-json-body", build_empty_json },
  { "request-in-body", build_body_in_get },
  { "bare-lf-cl-te", build_bare_lf },
  { "bad-request-line", build_bad_request_line },
  { "absolute-uri-dotdot", build_absolute_uri },
};

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *id;

  f->server = platz_test_server_start (NULL);
  f->token = platz_test_login (f->server, PLATZ_TEST_ADMIN, PLATZ_TEST_PASSWORD);
  id = g_subprocess_get_identifier (f->server->process);
  f->pid = (GPid) g_ascii_strtoll (id, NULL, 10);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  platz_test_server_free (f->server);
  g_free (f->token);
}

/* Tests */

static void
test_case (Fixture       *f,
           gconstpointer  data)
{
  guint index = GPOINTER_TO_UINT (data);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) in = NULL;
  g_autoptr(GArray) statuses = NULL;
  gboolean closed = FALSE;
  int fd;

  cases[index].build (f, out);
  fd = platz_raw_connect (f->server->port);
  g_assert_cmpint (fd, >=, 0);
  platz_raw_send (fd, out->str, out->len);
  in = platz_raw_read (fd, 1500, 5000, &closed);
  close (fd);
  statuses = platz_raw_statuses (in);

  g_test_message ("%s: %u response(s)%s%s", cases[index].name, statuses->len,
                  statuses->len ? ", first " : "", statuses->len ? "" : "");
  for (guint i = 0; i < statuses->len; i++)
    g_test_message ("  status %u", g_array_index (statuses, guint, i));
  if (statuses->len == 0)
    g_assert_true (closed);
  else
    {
      guint status = g_array_index (statuses, guint, 0);
      if (status < 400 || status > 499)
        g_error ("%s: expected a 4xx, got %u: %.300s", cases[index].name, status, in->str);
    }
  if (statuses->len > 1)
    g_error ("%s: a second request was answered: %.600s", cases[index].name, in->str);
  g_assert_cmpuint (count_smuggled_sites (f), ==, 0);
  assert_healthy (f);
}

/* Larger bodies get 413 from the headers, before the body is
 * read; the connection is closed and nothing is buffered. */
static void
test_too_large_from_headers (Fixture       *f,
                             gconstpointer  data)
{
  const char *paths[] = { "/api/v1/sites", "/api/v1/floors/1/plan" };
  const char *methods[] = { "POST", "PUT" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) in = NULL;
      g_autoptr(GArray) statuses = NULL;
      gboolean closed = FALSE;
      int fd = platz_raw_connect (f->server->port);
      gint64 start = g_get_monotonic_time ();

      head (f, out, methods[i], paths[i]);
      g_string_append (out, "Content-Length: 1073741824\r\n\r\n{\"name\":");
      platz_raw_send (fd, out->str, out->len);
      in = platz_raw_read (fd, 3000, 3000, &closed);
      close (fd);
      statuses = platz_raw_statuses (in);
      g_assert_cmpuint (statuses->len, ==, 1);
      g_assert_cmpuint (g_array_index (statuses, guint, 0), ==, 413);
      g_assert_true (closed);
      g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC * 2);
    }
  assert_healthy (f);
}

/* 10 MB sent with chunked encoding or a lying Content-Length: refused,
 * and the server's memory does not grow by the body. */
static void
test_big_bodies (Fixture       *f,
                 gconstpointer  data)
{
  guint64 before = platz_proc_status_kb (f->pid, "VmRSS");
  g_autofree char *chunk = g_malloc (65536);
  g_autofree char *size_line = g_strdup_printf ("%x\r\n", 65536);
  guint64 after;

  memset (chunk, 'a', 65536);
  for (int mode = 0; mode < 2; mode++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) in = NULL;
      g_autoptr(GArray) statuses = NULL;
      gboolean closed = FALSE, sent = TRUE;
      int fd = platz_raw_connect (f->server->port);

      head (f, out, "POST", "/api/v1/sites");
      g_string_append (out, mode == 0 ? "Transfer-Encoding: chunked\r\n\r\n"
                                      : "Content-Length: 1000000\r\n\r\n");
      platz_raw_send (fd, out->str, out->len);
      for (int i = 0; sent && i < 160; i++)   /* 160 x 64 KiB = 10 MiB */
        {
          if (mode == 0)
            sent = platz_raw_send (fd, size_line, strlen (size_line)) &&
                   platz_raw_send (fd, chunk, 65536) && platz_raw_send (fd, "\r\n", 2);
          else
            sent = platz_raw_send (fd, chunk, 65536);
        }
      if (sent && mode == 0)
        platz_raw_send (fd, "0\r\n\r\n", 5);
      in = platz_raw_read (fd, 2000, 5000, &closed);
      close (fd);
      statuses = platz_raw_statuses (in);
      g_test_message ("mode %d: sent all %d, %u responses, closed %d", mode, sent, statuses->len,
                      closed);
      g_assert_true (statuses->len <= 1);
      if (statuses->len == 1)
        {
          guint status = g_array_index (statuses, guint, 0);
          g_assert_cmpuint (status, >=, 400);
          g_assert_cmpuint (status, <=, 499);
        }
      else
        g_assert_true (closed || !sent);
    }
  after = platz_proc_status_kb (f->pid, "VmRSS");
  g_test_message ("platzd VmRSS %" G_GUINT64_FORMAT " kB before, %" G_GUINT64_FORMAT " kB after",
                  before, after);
  g_assert_cmpuint (after, <, before + RSS_SLACK_KB);
  g_assert_cmpuint (count_smuggled_sites (f), ==, 0);
  assert_healthy (f);
}

/* The hardening keeps what is legitimate: pipelined requests on a kept
 * alive connection, and a well-formed chunked body. */
static void
test_legitimate (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) in = NULL;
  g_autoptr(GArray) statuses = NULL;
  static const char body[] = "{\"name\":\"Chunked site\"}";
  gboolean closed = FALSE;
  int fd = platz_raw_connect (f->server->port);

  g_string_append (out, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                        "GET /api/v1/healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  head (f, out, "POST", "/api/v1/sites");
  g_string_append_printf (out, "Transfer-Encoding: chunked\r\n\r\n5\r\n");
  g_string_append_len (out, body, 5);
  g_string_append_printf (out, "\r\n%zx\r\n%s\r\n0\r\n\r\n", strlen (body + 5), body + 5);
  platz_raw_send (fd, out->str, out->len);
  in = platz_raw_read (fd, 1500, 5000, &closed);
  close (fd);
  statuses = platz_raw_statuses (in);
  g_assert_cmpuint (statuses->len, ==, 3);
  g_assert_cmpuint (g_array_index (statuses, guint, 0), ==, 200);
  g_assert_cmpuint (g_array_index (statuses, guint, 1), ==, 200);
  g_assert_cmpuint (g_array_index (statuses, guint, 2), ==, 201);
  /* after a chunked body the connection is closed */
  g_assert_true (closed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Full malloc stacks in platzd, so that tests/lsan.supp can name the
   * libsoup 3.2.3 leak this test provokes (GLib has no frame pointers). */
  if (g_getenv ("ASAN_OPTIONS") != NULL)
    {
      g_autofree char *options = g_strconcat (g_getenv ("ASAN_OPTIONS"),
                                              ":fast_unwind_on_malloc=0", NULL);
      g_setenv ("ASAN_OPTIONS", options, TRUE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/abuse/framing/%s", cases[i].name);
      g_test_add (path, Fixture, GUINT_TO_POINTER (i), fixture_set_up, test_case,
                  fixture_tear_down);
    }
  g_test_add ("/abuse/too-large-from-headers", Fixture, NULL, fixture_set_up,
              test_too_large_from_headers, fixture_tear_down);
  g_test_add ("/abuse/legitimate", Fixture, NULL, fixture_set_up, test_legitimate,
              fixture_tear_down);
  g_test_add ("/abuse/big-bodies", Fixture, NULL, fixture_set_up, test_big_bodies,
              fixture_tear_down);
  return g_test_run ();
}
