/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-bench"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <nettle/sha2.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include "assay-demo.h"
#include "assay-model.h"
#include "assay-store.h"
#include "assay-store-credentials.h"

/* Times `assay-cli import` of a generated bundle of "videos" (incompressible
 * bytes) and "PDFs" (compressible text) against the work any importer must
 * do: `bsdtar -xf` of the same zip onto the same disk, then `sha256sum` of
 * what it extracted. Both run as child processes, once to warm the page
 * cache, then the best of three. The importer's peak resident memory comes
 * from wait4()'s rusage. Goals: assay/reference <= 0.5, peak RSS < 64 MB.
 *
 *   bench-import [--size MB] [--cli PATH] [--keep] [DIR]
 */

#define RATIO_GOAL 0.5
#define RSS_GOAL_MB 64.0
#define RUNS 3

static guint64 opt_size_mb = 2048;
static char *opt_cli = NULL;
static gboolean opt_keep = FALSE;

/* xoshiro256**: a fast generator, so making the bundle costs little */
typedef struct { guint64 s[4]; } Rng;

static inline guint64
rotl (guint64 x, int k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
rng_next (Rng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

static void
rng_seed (Rng *rng, guint64 seed)
{
  for (guint i = 0; i < 4; i++)
    {
      /* splitmix64 spreads the seed over the state */
      guint64 z = (seed += 0x9e3779b97f4a7c15);

      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
      z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
      rng->s[i] = z ^ (z >> 31);
    }
}

typedef struct
{
  char    *path;
  guint64  size;
  char    *sha256;
  gboolean video;
} Artifact;

static void
artifact_free (Artifact *artifact)
{
  g_free (artifact->path);
  g_free (artifact->sha256);
  g_free (artifact);
}

#define GEN_CHUNK (1024 * 1024)

static const guint8 mp4_header[] = {
  0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0,
  'i', 's', 'o', 'm', 'i', 's', 'o', '2', 'a', 'v', 'c', '1', 'm', 'p', '4', '1',
};

static const char *words[] = {
  "lesson", "student", "fraction", "objective", "assessment", "the", "of", "and",
  "reading", "group", "materials", "minutes", "discussion", "evidence", "criteria",
  "practice", "model", "check", "understanding", "a", "to", "with", "each", "class",
};

/* Fills @buffer with the next bytes of @artifact: random for a video, words
 * in PDF-like objects for a document. */
static void
fill (Artifact *artifact,
      Rng      *rng,
      guint8   *buffer,
      gsize     length,
      guint64   at)
{
  if (artifact->video)
    {
      for (gsize i = 0; i + 8 <= length; i += 8)
        {
          guint64 v = rng_next (rng);
          memcpy (buffer + i, &v, 8);
        }
      if (at == 0)
        memcpy (buffer, mp4_header, sizeof mp4_header);
      return;
    }

  for (gsize i = 0; i < length;)
    {
      guint64 v = rng_next (rng);
      const char *word = words[v % G_N_ELEMENTS (words)];
      gsize n = MIN (strlen (word), length - i);

      memcpy (buffer + i, word, n);
      i += n;
      if (i < length)
        buffer[i++] = (v >> 32) % 11 == 0 ? '\n' : ' ';
    }
  if (at == 0 && length > 9)
    memcpy (buffer, "%PDF-1.7\n", 9);
}

static void
write_entry (struct archive *zip,
             Artifact       *artifact,
             Rng            *rng,
             guint8         *buffer)
{
  struct archive_entry *entry = archive_entry_new ();
  struct sha256_ctx ctx;
  guint8 digest[SHA256_DIGEST_SIZE];
  guint64 done = 0;

  archive_entry_set_pathname (entry, artifact->path);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, artifact->size);
  archive_entry_set_mtime (entry, 1700000000, 0);
  g_assert_cmpint (archive_write_header (zip, entry), ==, ARCHIVE_OK);
  archive_entry_free (entry);

  sha256_init (&ctx);
  while (done < artifact->size)
    {
      gsize length = MIN (GEN_CHUNK, artifact->size - done);

      fill (artifact, rng, buffer, length, done);
      sha256_update (&ctx, length, buffer);
      g_assert_cmpint (archive_write_data (zip, buffer, length), ==, (la_ssize_t) length);
      done += length;
    }
  g_assert_cmpint (archive_write_finish_entry (zip), ==, ARCHIVE_OK);

  sha256_digest (&ctx, sizeof digest, digest);
  artifact->sha256 = g_malloc (2 * SHA256_DIGEST_SIZE + 1);
  for (guint i = 0; i < SHA256_DIGEST_SIZE; i++)
    g_snprintf (artifact->sha256 + 2 * i, 3, "%02x", digest[i]);
}

static void
write_bytes_entry (struct archive *zip,
                   const char     *path,
                   const char     *data)
{
  struct archive_entry *entry = archive_entry_new ();
  gsize length = strlen (data);

  archive_entry_set_pathname (entry, path);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, length);
  g_assert_cmpint (archive_write_header (zip, entry), ==, ARCHIVE_OK);
  archive_entry_free (entry);
  g_assert_cmpint (archive_write_data (zip, data, length), ==, (la_ssize_t) length);
}

/* The artifacts of a bundle of about @total bytes: a few videos of 300–700
 * MB (scaled down with --size) and a few dozen documents of 1–10 MB. */
static GPtrArray *
plan_artifacts (guint64 total)
{
  GPtrArray *plan = g_ptr_array_new_with_free_func ((GDestroyNotify) artifact_free);
  static const guint video_mb[] = { 600, 450, 700, 300, 500 };
  guint64 documents = total / 8;
  guint64 videos = total - documents;
  guint64 budget = 0;
  Rng rng;

  rng_seed (&rng, 7);
  for (guint i = 0; budget < videos; i++)
    {
      Artifact *a = g_new0 (Artifact, 1);
      guint64 want = (guint64) video_mb[i % G_N_ELEMENTS (video_mb)] * total / 2048;

      a->video = TRUE;
      a->size = MIN (MAX (want, 1024 * 1024), videos - budget);
      a->path = g_strdup_printf ("video/lesson-%u.mp4", i + 1);
      budget += a->size;
      g_ptr_array_add (plan, a);
    }
  budget = 0;
  for (guint i = 0; budget < documents; i++)
    {
      Artifact *a = g_new0 (Artifact, 1);
      guint64 want = (1 + rng_next (&rng) % 10) * 1024 * 1024;

      if (total < 1024 * 1024 * 1024)
        want = want * total / (1024 * 1024 * 1024) + 4096;
      a->size = MIN (want, documents - budget);
      a->path = g_strdup_printf ("documents/plan-%02u.pdf", i + 1);
      budget += a->size;
      g_ptr_array_add (plan, a);
    }

  return plan;
}

static char *
manifest_json (GPtrArray  *plan,
               const char *credential_id,
               const char *criterion_id)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out,
                          "{\"format\":\"assay-evidence-bundle\",\"version\":1,"
                          "\"credential\":{\"id\":\"%s\",\"version\":1},"
                          "\"earner\":{\"name\":\"Pat Bench\",\"email\":\"pat.bench@example.org\"},"
                          "\"attempt\":1,\"artifacts\":[", credential_id);
  for (guint i = 0; i < plan->len; i++)
    {
      Artifact *a = g_ptr_array_index (plan, i);

      g_string_append_printf (out,
                              "%s{\"path\":\"%s\",\"title\":\"%s\",\"size\":%" G_GUINT64_FORMAT ","
                              "\"sha256\":\"%s\",\"criteria\":[\"%s\"]}",
                              i ? "," : "", a->path, a->path, a->size, a->sha256, criterion_id);
    }
  g_string_append (out, "],\"reflections\":[{\"prompt\":\"Why?\",\"text\":\"For the bench.\"}]}");

  return g_string_free (out, FALSE);
}

/* Writes the bundle; the manifest goes last, once every hash is known. */
static void
make_bundle (const char *path,
             gboolean    deflate,
             const char *credential_id,
             const char *criterion_id)
{
  g_autoptr(GPtrArray) plan = plan_artifacts (opt_size_mb * 1024 * 1024);
  g_autofree guint8 *buffer = g_malloc (GEN_CHUNK);
  g_autofree char *manifest = NULL;
  struct archive *zip = archive_write_new ();
  Rng rng;

  rng_seed (&rng, 42);
  g_assert_cmpint (archive_write_set_format_zip (zip), ==, ARCHIVE_OK);
  /* level 1 keeps making the deflated bundle quick; reading costs the same */
  g_assert_cmpint (archive_write_set_options (zip, deflate ? "zip:compression=deflate,zip:compression-level=1"
                                                           : "zip:compression=store"), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (zip, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < plan->len; i++)
    write_entry (zip, g_ptr_array_index (plan, i), &rng, buffer);
  manifest = manifest_json (plan, credential_id, criterion_id);
  write_bytes_entry (zip, "manifest.json", manifest);
  g_assert_cmpint (archive_write_close (zip), ==, ARCHIVE_OK);
  archive_write_free (zip);
}

/* A workspace with the demo catalog, copied fresh for each import */
static void
make_template (const char  *workspace,
               char       **credential_id,
               char       **criterion_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AssayStore) store = assay_store_open (workspace, ASSAY_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) credentials = NULL;

  g_assert_no_error (error);
  g_assert_true (assay_store_begin (store, &error));
  g_assert_true (assay_demo_populate (store, &error));
  g_assert_true (assay_store_commit (store, &error));

  credentials = assay_store_query (store, ASSAY_TYPE_CREDENTIAL, NULL, NULL, NULL);
  for (guint i = 0; i < credentials->len && *credential_id == NULL; i++)
    {
      AssayCredential *credential = g_ptr_array_index (credentials, i);
      g_autoptr(AssayRubric) rubric = NULL;
      g_autoptr(GPtrArray) criteria = NULL;

      if (assay_credential_get_status (credential) != ASSAY_CREDENTIAL_STATUS_PUBLISHED)
        continue;
      rubric = assay_store_get_rubric (store, credential, NULL);
      if (rubric == NULL)
        continue;
      criteria = assay_store_query (store, ASSAY_TYPE_CRITERION, "rubric_id",
                                    assay_record_get_id (ASSAY_RECORD (rubric)), "position");
      if (criteria->len == 0)
        continue;
      *credential_id = g_strdup (assay_record_get_id (ASSAY_RECORD (credential)));
      *criterion_id = g_strdup (assay_record_get_id (g_ptr_array_index (criteria, 0)));
    }
  g_assert_nonnull (*credential_id);
}

/* Runs @argv to the end; returns the wall-clock seconds, and the peak RSS */
static double
run_child (const char * const *argv,
           double             *peak_rss_mb)
{
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  int status = 0;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, STDOUT_FILENO);
      execvp (argv[0], (char **) argv);
      _exit (127);
    }
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s failed (status %d)", argv[0], status);
  if (peak_rss_mb != NULL)
    *peak_rss_mb = usage.ru_maxrss / 1024.0;

  return (g_get_monotonic_time () - start) / 1e6;
}

static void
remove_tree (const char *path)
{
  const char *argv[] = { "rm", "-rf", path, NULL };

  run_child (argv, NULL);
}

static double
time_reference (const char *zip,
                const char *dir)
{
  g_autofree char *script =
    g_strdup_printf ("bsdtar -xf '%s' -C '%s' && cd '%s' && find . -type f -print0 | xargs -0 sha256sum",
                     zip, dir, dir);
  const char *argv[] = { "sh", "-c", script, NULL };
  double seconds;

  remove_tree (dir);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  seconds = run_child (argv, NULL);
  remove_tree (dir);
  return seconds;
}

static double
time_assay (const char *zip,
            const char *template,
            const char *workspace,
            double     *rss_mb)
{
  const char *copy[] = { "cp", "-a", template, workspace, NULL };
  const char *argv[] = { opt_cli, "--workspace", workspace, "import", zip, NULL };
  double seconds;

  remove_tree (workspace);
  run_child (copy, NULL);
  sync ();
  seconds = run_child (argv, rss_mb);
  remove_tree (workspace);
  return seconds;
}

static gboolean
bench_variant (const char *root,
               const char *name,
               gboolean    deflate,
               const char *template,
               const char *credential_id,
               const char *criterion_id)
{
  g_autofree char *zip = g_strdup_printf ("%s/bundle-%s.zip", root, name);
  g_autofree char *extract = g_build_filename (root, "extract", NULL);
  g_autofree char *workspace = g_build_filename (root, "workspace", NULL);
  double reference = G_MAXDOUBLE, assay = G_MAXDOUBLE, rss = 0;
  gint64 start = g_get_monotonic_time ();
  GStatBuf st;
  double ratio;

  make_bundle (zip, deflate, credential_id, criterion_id);
  g_assert_cmpint (g_stat (zip, &st), ==, 0);
  g_print ("%s bundle: %.0f MB, made in %.1f s\n", name, st.st_size / 1e6,
           (g_get_monotonic_time () - start) / 1e6);

  /* one run of each to warm the cache the same way, then the best of three */
  time_reference (zip, extract);
  time_assay (zip, template, workspace, &rss);
  for (guint i = 0; i < RUNS; i++)
    {
      double run_rss = 0;

      reference = MIN (reference, time_reference (zip, extract));
      sync ();
      assay = MIN (assay, time_assay (zip, template, workspace, &run_rss));
      rss = MAX (rss, run_rss);
    }
  if (!opt_keep)
    g_unlink (zip);

  ratio = assay / reference;
  g_print ("%s: reference (bsdtar + sha256sum) %.2f s, assay-cli import %.2f s, "
           "ratio %.3f (goal <= %.1f) %s, peak RSS %.1f MB (goal < %.0f) %s\n",
           name, reference, assay, ratio, RATIO_GOAL, ratio <= RATIO_GOAL ? "PASS" : "FAIL",
           rss, RSS_GOAL_MB, rss < RSS_GOAL_MB ? "PASS" : "FAIL");

  return ratio <= RATIO_GOAL && rss < RSS_GOAL_MB;
}

static const char *
pick_directory (const char *given)
{
  const char *candidates[] = { given, g_getenv ("TMPDIR"), "/var/tmp", "/tmp" };
  guint64 need = 3 * opt_size_mb * 1024 * 1024;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      struct statvfs vfs;

      if (candidates[i] == NULL || statvfs (candidates[i], &vfs) != 0)
        continue;
      if ((guint64) vfs.f_bavail * vfs.f_frsize >= need)
        return candidates[i];
      g_printerr ("bench-import: %s has less than %" G_GUINT64_FORMAT " MB free\n",
                  candidates[i], need >> 20);
      if (candidates[i] == given)
        return NULL;
    }

  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir_arg = NULL;
  g_autofree char *root = NULL;
  g_autofree char *template = NULL;
  g_autofree char *credential_id = NULL;
  g_autofree char *criterion_id = NULL;
  const char *base;
  gboolean ok;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--size") && i + 1 < argc)
        opt_size_mb = g_ascii_strtoull (argv[++i], NULL, 10);
      else if (g_str_equal (argv[i], "--cli") && i + 1 < argc)
        opt_cli = g_strdup (argv[++i]);
      else if (g_str_equal (argv[i], "--keep"))
        opt_keep = TRUE;
      else if (argv[i][0] != '-' && dir_arg == NULL)
        dir_arg = g_strdup (argv[i]);
      else
        {
          g_printerr ("usage: bench-import [--size MB] [--cli PATH] [--keep] [DIR]\n");
          return 2;
        }
    }
  if (opt_cli == NULL)
    opt_cli = g_strdup (g_getenv ("ASSAY_CLI") ? g_getenv ("ASSAY_CLI") : "assay-cli");
  if (opt_size_mb < 16)
    opt_size_mb = 16;

  base = pick_directory (dir_arg);
  if (base == NULL)
    return 77;
  root = g_build_filename (base, "assay-bench-import-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (root));
  template = g_build_filename (root, "template", NULL);
  make_template (template, &credential_id, &criterion_id);
  g_print ("bench-import: %" G_GUINT64_FORMAT " MB bundles in %s, %s\n", opt_size_mb, root, opt_cli);

  ok = bench_variant (root, "stored", FALSE, template, credential_id, criterion_id);
  ok = bench_variant (root, "deflated", TRUE, template, credential_id, criterion_id) && ok;

  if (!opt_keep)
    remove_tree (root);
  return ok ? 0 : 1;
}
