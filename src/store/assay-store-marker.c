/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-store"

#include "config.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assay-store-private.h"

/* A full integrity scan reads every page: a fifth of a second for a
 * 100,000-submission workspace, on every start. A workspace that the last
 * Assay closed cleanly, and that nobody has touched since, does not need
 * it: closing writes the database file's identity into the lock file, and
 * opening compares it with the file as it is now and then clears it. Any
 * crash, edit by another program, restored copy or damage on disk changes
 * the identity or leaves no mark, and the scan runs.
 */

static char *
describe_database (AssayStore *self)
{
  g_autofree char *db_path = g_build_filename (self->directory, "assay.db", NULL);
  g_autofree char *wal_path = g_build_filename (self->directory, "assay.db-wal", NULL);
  struct stat db, wal;

  if (stat (db_path, &db) != 0)
    return NULL;
  if (stat (wal_path, &wal) == 0 && wal.st_size > 0)
    return NULL;

  return g_strdup_printf ("clean %ju %ju %jd.%09ld %ju\n",
                          (uintmax_t) db.st_dev, (uintmax_t) db.st_ino,
                          (intmax_t) db.st_mtim.tv_sec, db.st_mtim.tv_nsec,
                          (uintmax_t) db.st_size);
}

static char *
read_marker (AssayStore *self)
{
  g_autofree char *path = g_build_filename (self->directory, "assay.lock", NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  return contents;
}

gboolean
_assay_store_closed_cleanly (AssayStore *self)
{
  g_autofree char *marker = read_marker (self);
  g_autofree char *now = describe_database (self);

  return marker != NULL && now != NULL && g_str_equal (marker, now);
}

/* Called once the writer holds the lock: from here on a crash must leave
 * the workspace looking unclean. */
void
_assay_store_clear_marker (AssayStore *self)
{
  if (self->lock_fd < 0)
    return;

  if (ftruncate (self->lock_fd, 0) == 0)
    fsync (self->lock_fd);
}

/* Called after the database is closed, before the lock is let go. */
void
_assay_store_write_marker (AssayStore *self)
{
  g_autofree char *marker = NULL;
  gsize length;

  if (self->lock_fd < 0)
    return;

  marker = describe_database (self);
  if (marker == NULL)
    return;

  length = strlen (marker);
  if (ftruncate (self->lock_fd, 0) == 0 &&
      pwrite (self->lock_fd, marker, length, 0) == (ssize_t) length)
    fsync (self->lock_fd);
}
