/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-store"
/* for sync_file_range() */
#define _GNU_SOURCE 1

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <nettle/sha2.h>
#include <string.h>
#include <unistd.h>

#include "assay-blob-store.h"
#include "assay-store.h"

/* Evidence files named by their SHA-256 under blobs/ab/abcdef…, written
 * once and never changed. A file is streamed into blobs/tmp/ while it is
 * hashed, made durable, then linked to its name; the rows that refer to it
 * are committed only after that. Leftover temporaries are swept at open.
 */
struct _AssayBlobStore
{
  GObject       parent_instance;

  char         *directory;
  char         *tmp_directory;

  /* the hasher thread, started by the first write (see HashJob) */
  GMutex        hasher_lock;
  GThread      *hasher;
  GAsyncQueue  *hasher_queue;
};

G_DEFINE_FINAL_TYPE (AssayBlobStore, assay_blob_store, G_TYPE_OBJECT)

#define CHUNK_SIZE (256 * 1024)

/* How much is written before the kernel is asked to start writing it to
 * disk. Left alone, it holds gigabytes of dirty pages until the fsync()
 * that makes the blob durable, and the disk then works alone while the
 * CPU waits; started early, the disk writes while we read and hash. */
#define WRITEBACK_STEP (8 * 1024 * 1024)

/* A write hashes its content on a helper thread, so that the thread that
 * produces the content (decompressing a bundle, mostly) and writes it does
 * not also spend a third of its time in SHA-256. The content passes through
 * a small ring of slots: the writer fills a slot, queues it to the hasher,
 * writes it to the file (both only read the slot), and refills it once the
 * hasher is done with it. Large slots also give write() large chunks.
 * One hasher serves every write of the store; each queued item is a job
 * whose oldest unhashed slot is the next to hash, so concurrent writes
 * interleave safely. */
#define RING_SLOTS 4
#define SLOT_SIZE (256 * 1024)

typedef struct
{
  GMutex             lock;
  GCond              cond;
  struct sha256_ctx  ctx;            /* only the hasher touches it until drained */
  guint8            *slots[RING_SLOTS];
  gsize              lengths[RING_SLOTS];
  guint              queued;         /* slots handed to the hasher, ever */
  guint              hashed;         /* slots it has finished, ever */
} HashJob;

/* The queue item that stops the hasher */
static char hasher_stop;

static gpointer
hasher_thread (gpointer data)
{
  GAsyncQueue *queue = data;

  for (;;)
    {
      HashJob *job = g_async_queue_pop (queue);
      guint slot;

      if ((gpointer) job == (gpointer) &hasher_stop)
        break;

      /* the slot is the hasher's until ->hashed passes it: no lock needed
       * to read it, nor for ctx, which the writer reads only when drained */
      g_mutex_lock (&job->lock);
      slot = job->hashed % RING_SLOTS;
      g_mutex_unlock (&job->lock);

      sha256_update (&job->ctx, job->lengths[slot], job->slots[slot]);

      g_mutex_lock (&job->lock);
      job->hashed++;
      g_cond_signal (&job->cond);
      g_mutex_unlock (&job->lock);
    }

  g_async_queue_unref (queue);
  return NULL;
}

static GAsyncQueue *
get_hasher (AssayBlobStore *self)
{
  g_mutex_lock (&self->hasher_lock);
  if (self->hasher == NULL)
    {
      self->hasher_queue = g_async_queue_new ();
      self->hasher = g_thread_new ("assay-blob-hash", hasher_thread,
                                   g_async_queue_ref (self->hasher_queue));
    }
  g_mutex_unlock (&self->hasher_lock);

  return self->hasher_queue;
}

static void
hash_job_init (HashJob *job)
{
  g_mutex_init (&job->lock);
  g_cond_init (&job->cond);
  sha256_init (&job->ctx);
  for (guint i = 0; i < RING_SLOTS; i++)
    job->slots[i] = NULL;
  job->queued = 0;
  job->hashed = 0;
}

/* Waits until the hasher has finished all but @pending of the job's slots */
static void
hash_job_wait (HashJob *job,
               guint    pending)
{
  g_mutex_lock (&job->lock);
  while (job->queued - job->hashed > pending)
    g_cond_wait (&job->cond, &job->lock);
  g_mutex_unlock (&job->lock);
}

/* Always drains first: the hasher may still be reading a slot */
static void
hash_job_clear (HashJob *job)
{
  hash_job_wait (job, 0);
  for (guint i = 0; i < RING_SLOTS; i++)
    g_free (job->slots[i]);
  g_mutex_clear (&job->lock);
  g_cond_clear (&job->cond);
}

static void
assay_blob_store_finalize (GObject *object)
{
  AssayBlobStore *self = ASSAY_BLOB_STORE (object);

  if (self->hasher != NULL)
    {
      g_async_queue_push (self->hasher_queue, &hasher_stop);
      g_thread_join (self->hasher);
      g_async_queue_unref (self->hasher_queue);
    }
  g_mutex_clear (&self->hasher_lock);
  g_free (self->directory);
  g_free (self->tmp_directory);

  G_OBJECT_CLASS (assay_blob_store_parent_class)->finalize (object);
}

static void
assay_blob_store_class_init (AssayBlobStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = assay_blob_store_finalize;
}

static void
assay_blob_store_init (AssayBlobStore *self)
{
  g_mutex_init (&self->hasher_lock);
}

/* SHA-256 through nettle, which uses the CPU's SHA instructions when it has
 * them (several times GChecksum's speed). */
static char *
sha256_finish (struct sha256_ctx *ctx)
{
  static const char hex[] = "0123456789abcdef";
  guint8 digest[SHA256_DIGEST_SIZE];
  char *text = g_malloc (2 * SHA256_DIGEST_SIZE + 1);

  sha256_digest (ctx, SHA256_DIGEST_SIZE, digest);
  for (guint i = 0; i < SHA256_DIGEST_SIZE; i++)
    {
      text[2 * i] = hex[digest[i] >> 4];
      text[2 * i + 1] = hex[digest[i] & 0xf];
    }
  text[2 * SHA256_DIGEST_SIZE] = '\0';

  return text;
}

static gboolean
is_sha256 (const char *text)
{
  return text != NULL && strlen (text) == 64 && strspn (text, "0123456789abcdef") == 64;
}

static gboolean
set_io_error (GError     **error,
              int          saved_errno,
              const char  *what)
{
  if (saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EFBIG)
    g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_IO,
                 _("The disk is full; nothing was saved"));
  else
    g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_IO,
                 _("%s: %s"), what, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
fsync_directory (const char *path)
{
  int fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int rc;

  if (fd < 0)
    return FALSE;
  rc = fsync (fd);
  close (fd);

  return rc == 0;
}

AssayBlobStore *
assay_blob_store_new (const char  *workspace,
                      gboolean     read_only,
                      GError     **error)
{
  g_autoptr(AssayBlobStore) self = g_object_new (ASSAY_TYPE_BLOB_STORE, NULL);

  self->directory = g_build_filename (workspace, "blobs", NULL);
  self->tmp_directory = g_build_filename (self->directory, "tmp", NULL);

  if (!read_only && g_mkdir_with_parents (self->tmp_directory, 0700) != 0)
    {
      set_io_error (error, errno, _("The evidence folder cannot be created"));
      return NULL;
    }

  if (!read_only)
    assay_blob_store_sweep_temporaries (self);

  return g_steal_pointer (&self);
}

const char *
assay_blob_store_get_directory (AssayBlobStore *self)
{
  g_return_val_if_fail (ASSAY_IS_BLOB_STORE (self), NULL);

  return self->directory;
}

/**
 * assay_blob_store_get_path:
 *
 * Returns: (nullable): where the blob @sha256 lives, or %NULL if @sha256 is
 *   not a hash (never a path outside the folder)
 */
char *
assay_blob_store_get_path (AssayBlobStore *self,
                           const char     *sha256)
{
  char shard[3];

  g_return_val_if_fail (ASSAY_IS_BLOB_STORE (self), NULL);

  if (!is_sha256 (sha256))
    return NULL;

  memcpy (shard, sha256, 2);
  shard[2] = '\0';
  return g_build_filename (self->directory, shard, sha256, NULL);
}

gboolean
assay_blob_store_contains (AssayBlobStore *self,
                           const char     *sha256)
{
  g_autofree char *path = assay_blob_store_get_path (self, sha256);

  return path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length)
{
  while (length > 0)
    {
      ssize_t written = write (fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += written;
      length -= written;
    }

  return TRUE;
}

/* Only a hint: fsync() still makes the blob durable, whatever this did */
static void
start_writeback (int     fd,
                 guint64 offset,
                 guint64 length)
{
  sync_file_range (fd, offset, length, SYNC_FILE_RANGE_WRITE);
}

/* Moves the finished temporary to its name. The name may already exist:
 * identical files are stored once, and the temporary simply goes.
 */
static gboolean
publish_temporary (AssayBlobStore  *self,
                   const char      *tmp_path,
                   const char      *sha256,
                   gboolean        *created,
                   GError         **error)
{
  g_autofree char *target = assay_blob_store_get_path (self, sha256);
  g_autofree char *shard = g_path_get_dirname (target);

  if (g_mkdir_with_parents (shard, 0700) != 0)
    return set_io_error (error, errno, _("The evidence folder cannot be written"));

  if (link (tmp_path, target) != 0)
    {
      int saved = errno;

      if (saved != EEXIST)
        return set_io_error (error, saved, _("The evidence file cannot be stored"));
      *created = FALSE;
    }
  else
    {
      *created = TRUE;
      g_chmod (target, 0400);
      fsync_directory (shard);
    }

  g_unlink (tmp_path);
  return TRUE;
}

/**
 * assay_blob_store_write:
 * @created: (out) (optional): whether the blob is new to the workspace
 *
 * Streams @input into the store, hashing it on the way. Memory use does not
 * depend on the size of the input.
 *
 * Returns: (transfer full): the SHA-256 of the content, or %NULL
 */
char *
assay_blob_store_write (AssayBlobStore  *self,
                        GInputStream    *input,
                        gboolean        *created,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autofree char *tmp_path = g_build_filename (self->tmp_directory, "blob-XXXXXX", NULL);
  g_autofree char *sha256 = NULL;
  GAsyncQueue *hasher;
  HashJob job;
  gboolean is_new = FALSE;
  guint64 written = 0;
  guint64 flushed = 0;
  int fd;

  g_return_val_if_fail (ASSAY_IS_BLOB_STORE (self), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (input), NULL);

  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    {
      set_io_error (error, errno, _("The evidence folder cannot be written"));
      return NULL;
    }

  hasher = get_hasher (self);
  hash_job_init (&job);

  for (;;)
    {
      guint slot = job.queued % RING_SLOTS;
      gsize got = 0;

      /* the slot is free again once the hasher has passed it */
      hash_job_wait (&job, RING_SLOTS - 1);
      if (job.slots[slot] == NULL)
        job.slots[slot] = g_malloc (SLOT_SIZE);

      if (!g_input_stream_read_all (input, job.slots[slot], SLOT_SIZE, &got, cancellable, error))
        goto failed;
      if (got == 0)
        break;

      job.lengths[slot] = got;
      g_mutex_lock (&job.lock);
      job.queued++;
      g_mutex_unlock (&job.lock);
      g_async_queue_push (hasher, &job);

      if (!write_all (fd, job.slots[slot], got))
        {
          set_io_error (error, errno, _("The evidence file cannot be written"));
          goto failed;
        }
      written += got;
      if (written - flushed >= WRITEBACK_STEP)
        {
          start_writeback (fd, flushed, written - flushed);
          flushed = written;
        }
      if (got < SLOT_SIZE)
        break;
    }

  if (fsync (fd) != 0)
    {
      set_io_error (error, errno, _("The evidence file cannot be written"));
      goto failed;
    }
  close (fd);
  fd = -1;

  /* the digest covers every slot the file got, and only those */
  hash_job_wait (&job, 0);
  sha256 = sha256_finish (&job.ctx);
  hash_job_clear (&job);
  if (!publish_temporary (self, tmp_path, sha256, &is_new, error))
    goto failed_cleared;

  if (created != NULL)
    *created = is_new;
  return g_steal_pointer (&sha256);

failed:
  hash_job_clear (&job);
failed_cleared:
  if (fd >= 0)
    close (fd);
  g_unlink (tmp_path);
  return NULL;
}

char *
assay_blob_store_write_bytes (AssayBlobStore  *self,
                              GBytes          *bytes,
                              gboolean        *created,
                              GError         **error)
{
  g_autoptr(GInputStream) input = g_memory_input_stream_new_from_bytes (bytes);

  return assay_blob_store_write (self, input, created, NULL, error);
}

/**
 * assay_blob_store_verify:
 *
 * Checks that the blob exists and that its content still has its name.
 */
gboolean
assay_blob_store_verify (AssayBlobStore  *self,
                         const char      *sha256,
                         GError         **error)
{
  g_autofree char *path = assay_blob_store_get_path (self, sha256);
  g_autofree char *actual = NULL;
  g_autofree guint8 *buffer = NULL;
  struct sha256_ctx checksum;
  ssize_t got;
  int fd;

  if (path == NULL)
    {
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CORRUPT,
                   _("“%s” is not a SHA-256 hash"), sha256 ? sha256 : "");
      return FALSE;
    }

  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0)
    {
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_NOT_FOUND,
                   _("Evidence file %s is missing"), sha256);
      return FALSE;
    }

  buffer = g_malloc (CHUNK_SIZE);
  sha256_init (&checksum);
  while ((got = read (fd, buffer, CHUNK_SIZE)) > 0)
    sha256_update (&checksum, got, buffer);
  close (fd);
  actual = sha256_finish (&checksum);

  if (got < 0 || g_strcmp0 (actual, sha256) != 0)
    {
      g_set_error (error, ASSAY_STORE_ERROR, ASSAY_STORE_ERROR_CORRUPT,
                   _("Evidence file %s is damaged: its content changed"), sha256);
      return FALSE;
    }

  return TRUE;
}

/**
 * assay_blob_store_remove:
 *
 * Only for blobs no committed row refers to (an import that failed).
 */
gboolean
assay_blob_store_remove (AssayBlobStore  *self,
                         const char      *sha256,
                         GError         **error)
{
  g_autofree char *path = assay_blob_store_get_path (self, sha256);

  if (path == NULL || (g_unlink (path) != 0 && errno != ENOENT))
    return set_io_error (error, errno, _("The evidence file cannot be removed"));

  return TRUE;
}

/**
 * assay_blob_store_list:
 *
 * Returns: (transfer full) (element-type utf8): the hashes of every blob,
 *   and the names of stray files that are not blobs (for `check`)
 */
GPtrArray *
assay_blob_store_list (AssayBlobStore *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (self->directory, 0, NULL);
  const char *shard;

  while (dir != NULL && (shard = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *shard_path = NULL;
      g_autoptr(GDir) inner = NULL;
      const char *name;

      if (g_str_equal (shard, "tmp"))
        continue;

      shard_path = g_build_filename (self->directory, shard, NULL);
      inner = g_dir_open (shard_path, 0, NULL);
      if (inner == NULL)
        {
          g_ptr_array_add (names, g_strdup (shard));
          continue;
        }

      while ((name = g_dir_read_name (inner)) != NULL)
        {
          if (is_sha256 (name) && strncmp (name, shard, 2) == 0 && strlen (shard) == 2)
            g_ptr_array_add (names, g_strdup (name));
          else
            g_ptr_array_add (names, g_build_filename (shard, name, NULL));
        }
    }

  return g_steal_pointer (&names);
}

/**
 * assay_blob_store_sweep_temporaries:
 *
 * Removes what an interrupted write left in blobs/tmp/. Only safe while
 * holding the workspace lock.
 *
 * Returns: how many files were removed
 */
guint
assay_blob_store_sweep_temporaries (AssayBlobStore *self)
{
  g_autoptr(GDir) dir = g_dir_open (self->tmp_directory, 0, NULL);
  const char *name;
  guint removed = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->tmp_directory, name, NULL);

      if (g_unlink (path) == 0)
        removed++;
    }

  return removed;
}
