/* cp-first-frame.h — tells when a window has drawn its first frame
 *
 * For build-aux/bench, which starts Coachplan and a minimal libadwaita
 * window the same way and compares them: both include this, so both
 * measure alike. Header only, so the minimal window stays minimal.
 *
 * Copyright 2026 The Coachplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <stdlib.h>
#include <string.h>

/* Prints "first-frame T rss-kb R" — T on the monotonic clock, in µs — and
 * closes the window.
 */
static inline void
cp_first_frame_painted_cb (GdkFrameClock *clock,
                           GtkWindow     *window)
{
  g_autofree char *status = NULL;
  const char *rss;

  g_signal_handlers_disconnect_by_func (clock, cp_first_frame_painted_cb, window);
  g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
  rss = status ? strstr (status, "VmRSS:") : NULL;
  g_print ("first-frame %" G_GINT64_FORMAT " rss-kb %ld\n", g_get_monotonic_time (),
           rss ? strtol (rss + strlen ("VmRSS:"), NULL, 10) : 0L);
  gtk_window_close (window);
}

static inline void
cp_first_frame_mapped_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (cp_first_frame_painted_cb), window);
}

/* Reports @window's first frame once it is mapped. */
static inline void
cp_first_frame_report (GtkWindow *window)
{
  g_signal_connect (window, "map", G_CALLBACK (cp_first_frame_mapped_cb), NULL);
}
