/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platz-test"

#include "config.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "platz-raw-client.h"

int
platz_raw_connect (guint port)
{
  struct sockaddr_in addr = { 0 };
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;

  if (fd < 0)
    return -1;
  addr.sin_family = AF_INET;
  addr.sin_port = htons ((guint16) port);
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  if (connect (fd, (struct sockaddr *) &addr, sizeof addr) != 0)
    {
      close (fd);
      return -1;
    }
  setsockopt (fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

gboolean
platz_raw_send (int         fd,
                const void *data,
                gsize       len)
{
  const char *p = data;

  while (len > 0)
    {
      ssize_t n = send (fd, p, len, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      len -= (gsize) n;
    }
  return TRUE;
}

GString *
platz_raw_read (int       fd,
                guint     idle_ms,
                guint     total_ms,
                gboolean *closed)
{
  GString *text = g_string_new (NULL);
  gint64 end = g_get_monotonic_time () + (gint64) total_ms * 1000;
  char buf[16384];

  *closed = FALSE;
  for (;;)
    {
      struct pollfd pfd = { .fd = fd, .events = POLLIN };
      gint64 left = (end - g_get_monotonic_time ()) / 1000;
      ssize_t n;
      int rc;

      if (left <= 0)
        break;
      rc = poll (&pfd, 1, (int) MIN ((gint64) idle_ms, left));
      if (rc < 0 && errno == EINTR)
        continue;
      if (rc <= 0)
        break;
      n = recv (fd, buf, sizeof buf, 0);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          *closed = TRUE;
          break;
        }
      g_string_append_len (text, buf, n);
    }
  return text;
}

/* Walks the responses one after the other: status line, headers, then
 * Content-Length bytes of body (platzd always sends one). */
GArray *
platz_raw_statuses (const GString *text)
{
  GArray *statuses = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *p = text->str;
  const char *end = text->str + text->len;

  while (end - p >= 12 && g_str_has_prefix (p, "HTTP/1."))
    {
      guint status = (guint) g_ascii_strtoull (p + 9, NULL, 10);
      const char *body = g_strstr_len (p, end - p, "\r\n\r\n");
      g_autofree char *head = NULL;
      g_auto(GStrv) lines = NULL;
      guint64 length = 0;

      g_array_append_val (statuses, status);
      if (body == NULL)
        break;
      head = g_strndup (p, body - p);
      lines = g_strsplit (head, "\r\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        if (g_ascii_strncasecmp (lines[i], "Content-Length:", 15) == 0)
          length = g_ascii_strtoull (lines[i] + 15, NULL, 10);
      p = body + 4;
      if ((guint64) (end - p) < length)
        break;
      p += length;
    }
  return statuses;
}

guint
platz_proc_fd_count (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/fd", (int) pid);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint count = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    count++;
  return count;
}

guint64
platz_proc_status_kb (GPid        pid,
                      const char *key)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return 0;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_ascii_strtoull (lines[i] + strlen (key) + 1, NULL, 10);
  return 0;
}
