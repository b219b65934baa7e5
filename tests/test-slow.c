/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Slow clients and leaked connections against a real platzd:
 *
 *  - 500 slowloris connections (one header byte every 2 s) do not keep a
 *    normal client from being served within a second, and are closed at
 *    the header deadline;
 *  - idle keep-alive connections, and connections that never send a
 *    byte, are closed after their timeout;
 *  - the number of open connections is capped (503 beyond the cap);
 *  - a libsoup behaviour seen on this stack: a load whose client gives up,
 *    with the server out of file descriptors (RLIMIT_NOFILE 256): the
 *    server logs it, keeps serving, holds no CLOSE-WAIT socket afterwards
 *    and is back to its idle descriptor count.
 *
 * The server's timeouts are shortened through its environment.
 */
#define _GNU_SOURCE  /* prlimit */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "platz-raw-client.h"
#include "platz-test-server.h"

#define HEADER_TIMEOUT 5
#define IDLE_TIMEOUT 6

typedef struct {
  PlatzTestServer *server;
  GPid             pid;
} Fixture;

/* Auxiliary */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *header = g_strdup_printf ("%d", HEADER_TIMEOUT);
  g_autofree char *idle = g_strdup_printf ("%d", IDLE_TIMEOUT);

  g_setenv ("PLATZD_HEADER_TIMEOUT_SECONDS", header, TRUE);
  g_setenv ("PLATZD_IDLE_TIMEOUT_SECONDS", idle, TRUE);
  if (data != NULL)
    g_setenv ("PLATZD_MAX_CONNECTIONS", data, TRUE);
  else
    g_unsetenv ("PLATZD_MAX_CONNECTIONS");
  f->server = platz_test_server_start (NULL);
  f->pid = (GPid) g_ascii_strtoll (g_subprocess_get_identifier (f->server->process), NULL, 10);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  platz_test_server_free (f->server);
}

/* Milliseconds for one GET /healthz on a new connection of its own. */
static double
healthz_ms (Fixture *f)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GString) in = NULL;
  g_autoptr(GArray) statuses = NULL;
  gboolean closed;
  int fd = platz_raw_connect (f->server->port);
  static const char request[] = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                "Connection: close\r\n\r\n";

  g_assert_cmpint (fd, >=, 0);
  platz_raw_send (fd, request, strlen (request));
  in = platz_raw_read (fd, 5000, 5000, &closed);
  close (fd);
  statuses = platz_raw_statuses (in);
  g_assert_cmpuint (statuses->len, ==, 1);
  g_assert_cmpuint (g_array_index (statuses, guint, 0), ==, 200);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Sockets of the server on its port in state CLOSE-WAIT (0x08). */
static guint
close_wait_count (guint port)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *local = g_strdup_printf (":%04X", port);
  guint n = 0;

  if (!g_file_get_contents ("/proc/net/tcp", &text, NULL, NULL))
    return 0;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      /* "sl local_address rem_address st ..." */
      g_auto(GStrv) cols = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      for (guint c = 0; cols[c] != NULL; c++)
        if (*cols[c] != '\0')
          g_ptr_array_add (words, cols[c]);
      if (words->len > 3 && g_str_has_suffix (words->pdata[1], local) &&
          strcmp (words->pdata[3], "08") == 0)
        n++;
    }
  return n;
}

/* Waits up to `seconds` for the server's open descriptors to drop to at
 * most `limit`; returns the last count. */
static guint
wait_for_fds (Fixture *f,
              guint    limit,
              guint    seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  guint n;

  while ((n = platz_proc_fd_count (f->pid)) > limit && g_get_monotonic_time () < end)
    g_usleep (100 * 1000);
  return n;
}

static gboolean
log_contains (Fixture    *f,
              const char *needle)
{
  g_autofree char *path = g_build_filename (f->server->dir, "platzd.log", NULL);
  g_autofree char *text = NULL;

  return g_file_get_contents (path, &text, NULL, NULL) && strstr (text, needle) != NULL;
}

static guint
count_log (Fixture    *f,
           const char *needle)
{
  g_autofree char *path = g_build_filename (f->server->dir, "platzd.log", NULL);
  g_autofree char *text = NULL;
  guint n = 0;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return 0;
  for (const char *p = text; (p = strstr (p, needle)) != NULL; p++)
    n++;
  return n;
}

/* Slowloris: a thread that feeds each socket one byte of an endless
 * header every two seconds until told to stop. */
typedef struct {
  GArray        *fds;
  volatile gint  stop;
} Loris;

static gpointer
loris_thread (gpointer data)
{
  Loris *loris = data;
  static const char head[] = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";

  for (guint i = 0; i < loris->fds->len; i++)
    platz_raw_send (g_array_index (loris->fds, int, i), head, strlen (head));
  while (!g_atomic_int_get (&loris->stop))
    {
      for (guint i = 0; i < loris->fds->len; i++)
        platz_raw_send (g_array_index (loris->fds, int, i), "a", 1);
      for (int t = 0; t < 20 && !g_atomic_int_get (&loris->stop); t++)
        g_usleep (100 * 1000);
    }
  return NULL;
}

/* Tests */

static void
test_slowloris (Fixture       *f,
                gconstpointer  data)
{
  Loris loris = { .fds = g_array_new (FALSE, FALSE, sizeof (int)) };
  GThread *thread;
  guint idle_fds = platz_proc_fd_count (f->pid);
  guint held;
  double worst = 0, sum = 0;
  const int rounds = 10;

  for (int i = 0; i < 500; i++)
    {
      int fd = platz_raw_connect (f->server->port);
      g_assert_cmpint (fd, >=, 0);
      g_array_append_val (loris.fds, fd);
    }
  thread = g_thread_new ("loris", loris_thread, &loris);
  for (int i = 0; i < 30 && platz_proc_fd_count (f->pid) < idle_fds + 490; i++)
    g_usleep (100 * 1000);
  held = platz_proc_fd_count (f->pid);

  for (int i = 0; i < rounds; i++)
    {
      double ms = healthz_ms (f);
      worst = MAX (worst, ms);
      sum += ms;
      g_usleep (100 * 1000);
    }
  g_test_message ("500 slow clients: platzd holds %u fds (idle %u); healthz mean %.1f ms, "
                  "worst %.1f ms over %d requests", held, idle_fds, sum / rounds, worst, rounds);
  g_assert_cmpfloat (worst, <, 1000);
  g_assert_cmpuint (held, >=, idle_fds + 400);

  /* The header deadline closes them, though they keep sending. */
  held = wait_for_fds (f, idle_fds + 10, HEADER_TIMEOUT + 4);
  g_test_message ("after the header deadline: %u fds", held);
  g_assert_cmpuint (held, <=, idle_fds + 10);
  g_assert_true (log_contains (f, "past their deadline"));

  g_atomic_int_set (&loris.stop, 1);
  g_thread_join (thread);
  for (guint i = 0; i < loris.fds->len; i++)
    close (g_array_index (loris.fds, int, i));
  g_array_unref (loris.fds);
  healthz_ms (f);
}

static void
test_idle (Fixture       *f,
           gconstpointer  data)
{
  static const char request[] = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  g_autoptr(GString) first = NULL;
  g_autoptr(GString) rest = NULL;
  g_autoptr(GString) nothing = NULL;
  gboolean closed = FALSE;
  gint64 start;
  int kept = platz_raw_connect (f->server->port);
  int silent = platz_raw_connect (f->server->port);

  /* A kept-alive connection after one request. */
  platz_raw_send (kept, request, strlen (request));
  first = platz_raw_read (kept, 500, 2000, &closed);
  g_assert_false (closed);
  start = g_get_monotonic_time ();
  rest = platz_raw_read (kept, (IDLE_TIMEOUT + 3) * 1000, (IDLE_TIMEOUT + 3) * 1000, &closed);
  g_test_message ("idle keep-alive connection closed after %.1f s",
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_true (closed);
  g_assert_cmpuint (rest->len, ==, 0);

  /* A connection that never sends a byte: closed at the header deadline
   * (it is long past it by now). */
  nothing = platz_raw_read (silent, 2000, 2000, &closed);
  g_assert_true (closed);
  close (kept);
  close (silent);
  healthz_ms (f);
}

static void
test_cap (Fixture       *f,
          gconstpointer  data)
{
  const guint cap = 50;
  g_autoptr(GArray) fds = g_array_new (FALSE, FALSE, sizeof (int));
  guint refused = 0;
  guint idle_fds = platz_proc_fd_count (f->pid);
  guint held;

  /* 80 connections that start a request and stop: all young, so none
   * can be displaced; beyond the cap they are refused. */
  for (guint i = 0; i < 80; i++)
    {
      int fd = platz_raw_connect (f->server->port);
      g_assert_cmpint (fd, >=, 0);
      platz_raw_send (fd, "GET /he", 7);
      g_array_append_val (fds, fd);
    }
  for (guint i = 0; i < fds->len; i++)
    {
      gboolean closed = FALSE;
      g_autoptr(GString) in = platz_raw_read (g_array_index (fds, int, i), 50, 50, &closed);
      g_autoptr(GArray) statuses = platz_raw_statuses (in);
      if (statuses->len == 1 && g_array_index (statuses, guint, 0) == 503)
        refused++;
    }
  held = platz_proc_fd_count (f->pid);
  g_test_message ("cap %u: %u of 80 refused with 503; platzd holds %u fds (idle %u)", cap,
                  refused, held, idle_fds);
  g_assert_cmpuint (refused, >=, 80 - cap - 2);
  g_assert_cmpuint (held, <=, idle_fds + cap + 2);
  g_assert_true (log_contains (f, "the cap is 50"));

  /* Once they are more than a second old, a new client displaces the
   * oldest of them and is served. */
  g_usleep (1200 * 1000);
  g_assert_cmpfloat (healthz_ms (f), <, 1000);
  for (guint i = 0; i < fds->len; i++)
    close (g_array_index (fds, int, i));
}

/* As seen on this stack: "after a load run whose client timed out, an idle plain
 * SoupServer held ~680 sockets (CLOSE-WAIT) and, with ulimit -n 256,
 * stopped answering without a log line".  SoupListener removes its accept
 * source on the first failed accept(); connections then pile up in the
 * backlog and turn CLOSE-WAIT when their clients give up. */
static void
test_out_of_fds (Fixture       *f,
                 gconstpointer  data)
{
  struct rlimit rl = { 256, 256 };
  g_autoptr(GArray) fds = g_array_new (FALSE, FALSE, sizeof (int));
  guint idle_fds, peak, after, close_wait;
  double ms;

  g_assert_cmpint (prlimit (f->pid, RLIMIT_NOFILE, &rl, NULL), ==, 0);
  idle_fds = platz_proc_fd_count (f->pid);

  /* The load: 400 clients send a request head and then give up. */
  for (guint i = 0; i < 400; i++)
    {
      int fd = platz_raw_connect (f->server->port);
      g_assert_cmpint (fd, >=, 0);
      platz_raw_send (fd, "GET /healthz HTTP/1.1\r\n", 23);
      g_array_append_val (fds, fd);
    }
  g_usleep (1500 * 1000);
  peak = platz_proc_fd_count (f->pid);
  for (guint i = 0; i < fds->len; i++)
    close (g_array_index (fds, int, i));

  /* It recovers by itself: serves, holds no CLOSE-WAIT, frees the fds. */
  ms = healthz_ms (f);
  after = wait_for_fds (f, idle_fds + 2, HEADER_TIMEOUT + 4);
  close_wait = close_wait_count (f->server->port);
  g_test_message ("RLIMIT_NOFILE 256, 400 clients giving up: peak %u fds, then healthz in "
                  "%.1f ms, %u fds (idle %u), %u CLOSE-WAIT; 'cannot accept' logged %u time(s)",
                  peak, ms, after, idle_fds, close_wait, count_log (f, "cannot accept"));
  g_assert_cmpuint (after, <=, idle_fds + 2);
  g_assert_cmpuint (close_wait, ==, 0);
  g_assert_cmpuint (count_log (f, "cannot accept"), <=, 3);
  for (int i = 0; i < 5; i++)
    healthz_ms (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/slow/slowloris", Fixture, NULL, fixture_set_up, test_slowloris,
              fixture_tear_down);
  g_test_add ("/slow/idle", Fixture, NULL, fixture_set_up, test_idle, fixture_tear_down);
  g_test_add ("/slow/cap", Fixture, "50", fixture_set_up, test_cap, fixture_tear_down);
  g_test_add ("/slow/out-of-fds", Fixture, NULL, fixture_set_up, test_out_of_fds,
              fixture_tear_down);
  return g_test_run ();
}
