/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Raw TCP clients for the hardening tests: bytes on a socket to
 * 127.0.0.1, no HTTP library in between, so a test can send what no
 * well-behaved client would.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A blocking socket connected to 127.0.0.1:port, or -1. */
int      platz_raw_connect      (guint       port);
/* Sends all of data (blocking); FALSE when the peer closed or reset. */
gboolean platz_raw_send         (int         fd,
                                 const void *data,
                                 gsize       len);
/* Reads until the peer closes or nothing arrives for idle_ms (at most
 * total_ms in all).  *closed tells whether the peer closed. */
GString *platz_raw_read         (int         fd,
                                 guint       idle_ms,
                                 guint       total_ms,
                                 gboolean   *closed);
/* The status codes of the responses in what was read, in order. */
GArray  *platz_raw_statuses     (const GString *text);
/* Open file descriptors of a process (entries of /proc/PID/fd). */
guint    platz_proc_fd_count    (GPid        pid);
/* A value of /proc/PID/status in kB ("VmRSS", "VmHWM"). */
guint64  platz_proc_status_kb   (GPid        pid,
                                 const char *key);

G_END_DECLS
