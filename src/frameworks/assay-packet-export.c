/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-frameworks"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "assay-model.h"
#include "assay-packet-export.h"
#include "assay-store-packets.h"

/* The approval packet on paper. Everything is laid out twice: the first
 * pass only counts, so that the contents can give page numbers and every
 * footer "page N of M"; the second draws. */

#define PAGE_WIDTH 612.0
#define PAGE_HEIGHT 792.0
#define MARGIN 64.0
#define FOOTER 28.0
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define ID_WIDTH 62.0
#define RATING_WIDTH 74.0
#define CELL_PAD 5.0

typedef struct
{
  cairo_t      *cr;            /* NULL while counting */
  PangoContext *context;
  int           page;          /* 1-based */
  int           n_pages;       /* known in the second pass */
  double        y;
  const char   *footer;
  gboolean      in_table;
  GArray       *section_pages; /* int, one per top-level section */
  int           attachments_page;
} Typesetter;

static PangoLayout *
make_layout (Typesetter *t,
             const char *font,
             const char *text,
             double      width)
{
  PangoLayout *layout = pango_layout_new (t->context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return height / (double) PANGO_SCALE;
}

static void
draw_footer (Typesetter *t)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  if (t->cr == NULL)
    return;
  /* TRANSLATORS: the footer of an exported packet page, e.g. "Page 3 of 12" */
  text = g_strdup_printf (_("%s · Page %d of %d"), t->footer, t->page, t->n_pages);
  layout = make_layout (t, "Sans 8", text, CONTENT_WIDTH);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (t->cr, 0.35, 0.35, 0.35);
  cairo_move_to (t->cr, MARGIN, PAGE_HEIGHT - MARGIN + 10);
  pango_cairo_show_layout (t->cr, layout);
}

static void draw_table_header (Typesetter *t);

static void
new_page (Typesetter *t)
{
  if (t->page > 0)
    {
      draw_footer (t);
      if (t->cr != NULL)
        cairo_show_page (t->cr);
    }
  t->page++;
  t->y = MARGIN;
  if (t->in_table)
    draw_table_header (t);
}

static void
ensure_room (Typesetter *t,
             double      height)
{
  if (t->y + height > PAGE_HEIGHT - MARGIN - FOOTER)
    new_page (t);
}

/* A paragraph, split across pages line by line when it must be. */
static void
paragraph (Typesetter *t,
           const char *font,
           const char *text,
           double      x,
           double      width,
           double      space_after,
           double      red,
           double      green,
           double      blue)
{
  g_autoptr(PangoLayout) layout = make_layout (t, font, text, width);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      double height;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = logical.height / (double) PANGO_SCALE;
      ensure_room (t, height);
      if (t->cr != NULL)
        {
          cairo_set_source_rgb (t->cr, red, green, blue);
          cairo_move_to (t->cr, x + logical.x / (double) PANGO_SCALE,
                         t->y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE
                              - logical.y / (double) PANGO_SCALE);
          pango_cairo_show_layout_line (t->cr, line);
        }
      t->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  t->y += space_after;
}

static void
draw_table_header (Typesetter *t)
{
  double height = 18;

  if (t->cr != NULL)
    {
      g_autoptr(PangoLayout) id = make_layout (t, "Sans Bold 9", C_("packet table", "Item"), ID_WIDTH);
      g_autoptr(PangoLayout) text = make_layout (t, "Sans Bold 9", _("Description"), CONTENT_WIDTH - ID_WIDTH - RATING_WIDTH);
      g_autoptr(PangoLayout) rating = make_layout (t, "Sans Bold 9", _("Rating"), RATING_WIDTH);

      cairo_set_source_rgb (t->cr, 0.88, 0.91, 0.96);
      cairo_rectangle (t->cr, MARGIN, t->y, CONTENT_WIDTH, height);
      cairo_fill (t->cr);
      cairo_set_source_rgb (t->cr, 0.1, 0.1, 0.1);
      cairo_move_to (t->cr, MARGIN + CELL_PAD, t->y + 3);
      pango_cairo_show_layout (t->cr, id);
      cairo_move_to (t->cr, MARGIN + ID_WIDTH + CELL_PAD, t->y + 3);
      pango_cairo_show_layout (t->cr, text);
      cairo_move_to (t->cr, MARGIN + CONTENT_WIDTH - RATING_WIDTH + CELL_PAD, t->y + 3);
      pango_cairo_show_layout (t->cr, rating);
    }
  t->y += height;
}

static const char *
rating_label (AssayRating rating)
{
  switch (rating)
    {
    case ASSAY_RATING_YES:
      return _("Yes");
    case ASSAY_RATING_NO:
      return _("No");
    case ASSAY_RATING_UNRATED:
    default:
      return _("Not rated");
    }
}

/* One row of the indicator table; a row never splits across pages. */
static void
table_row (Typesetter                    *t,
           const AssayFrameworkIndicator *indicator,
           AssayRating                    rating)
{
  double text_width = CONTENT_WIDTH - ID_WIDTH - RATING_WIDTH - 2 * CELL_PAD;
  g_autofree char *text = indicator->name ? g_strdup_printf ("%s: %s", indicator->name, indicator->text)
                                          : g_strdup (indicator->text);
  g_autoptr(PangoLayout) body = make_layout (t, "Serif 10", text, text_width);
  double height = layout_height (body) + 2 * CELL_PAD;

  ensure_room (t, height);
  if (t->cr != NULL)
    {
      g_autoptr(PangoLayout) id = make_layout (t, "Sans Bold 9", indicator->id, ID_WIDTH - 2 * CELL_PAD);
      g_autoptr(PangoLayout) mark = make_layout (t, "Sans Bold 9", rating_label (rating), RATING_WIDTH - 2 * CELL_PAD);

      cairo_set_source_rgb (t->cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (t->cr, 0.5);
      cairo_rectangle (t->cr, MARGIN, t->y, CONTENT_WIDTH, height);
      cairo_move_to (t->cr, MARGIN + ID_WIDTH, t->y);
      cairo_line_to (t->cr, MARGIN + ID_WIDTH, t->y + height);
      cairo_move_to (t->cr, MARGIN + CONTENT_WIDTH - RATING_WIDTH, t->y);
      cairo_line_to (t->cr, MARGIN + CONTENT_WIDTH - RATING_WIDTH, t->y + height);
      cairo_stroke (t->cr);

      cairo_set_source_rgb (t->cr, 0.1, 0.1, 0.1);
      cairo_move_to (t->cr, MARGIN + CELL_PAD, t->y + CELL_PAD);
      pango_cairo_show_layout (t->cr, id);
      cairo_move_to (t->cr, MARGIN + ID_WIDTH + CELL_PAD, t->y + CELL_PAD);
      pango_cairo_show_layout (t->cr, body);
      if (rating == ASSAY_RATING_YES)
        cairo_set_source_rgb (t->cr, 0.1, 0.45, 0.2);
      else if (rating == ASSAY_RATING_NO)
        cairo_set_source_rgb (t->cr, 0.7, 0.2, 0.1);
      else
        cairo_set_source_rgb (t->cr, 0.45, 0.45, 0.45);
      cairo_move_to (t->cr, MARGIN + CONTENT_WIDTH - RATING_WIDTH + CELL_PAD, t->y + CELL_PAD);
      pango_cairo_show_layout (t->cr, mark);
    }
  t->y += height;
}

/* One indicator's answer, copied on the main thread. */
typedef struct
{
  char        *indicator;
  AssayRating  rating;
  char        *narrative;
  GPtrArray   *documents;   /* AssayPacketDocument, with the blob's path in ->path */
  GPtrArray   *paths;       /* char *, the blob files, in the same order */
} ItemCopy;

static void
item_copy_free (ItemCopy *copy)
{
  g_free (copy->indicator);
  g_free (copy->narrative);
  g_ptr_array_unref (copy->documents);
  g_ptr_array_unref (copy->paths);
  g_free (copy);
}

/* Everything the export needs, copied from the store on the main thread,
 * so that the typesetting and zipping can run on a worker. */
struct _AssayPacketExport
{
  AssayFramework    *framework;
  char              *title;
  int                version;
  char              *issuer;
  int                round;
  AssayPacketOutcome outcome;
  char              *submitted_on;
  char              *due_on;
  GPtrArray         *items;   /* ItemCopy */
};

typedef AssayPacketExport Packet;

void
assay_packet_export_free (AssayPacketExport *data)
{
  if (data == NULL)
    return;
  g_clear_object (&data->framework);
  g_free (data->title);
  g_free (data->issuer);
  g_free (data->submitted_on);
  g_free (data->due_on);
  g_ptr_array_unref (data->items);
  g_free (data);
}

static ItemCopy *
item_for (Packet     *p,
          const char *indicator)
{
  for (guint i = 0; i < p->items->len; i++)
    if (g_strcmp0 (((ItemCopy *) g_ptr_array_index (p->items, i))->indicator, indicator) == 0)
      return g_ptr_array_index (p->items, i);
  return NULL;
}

static const char *
outcome_label (AssayPacketOutcome outcome)
{
  switch (outcome)
    {
    case ASSAY_PACKET_OUTCOME_SUBMITTED:
      return _("Submitted, awaiting the state’s answer");
    case ASSAY_PACKET_OUTCOME_APPROVED:
      return _("Approved");
    case ASSAY_PACKET_OUTCOME_RETURNED:
      return _("Returned with feedback");
    case ASSAY_PACKET_OUTCOME_DRAFT:
    default:
      return _("Draft, not yet submitted");
    }
}

static void
typeset (Typesetter *t,
         Packet     *p)
{
  AssayFramework *framework = p->framework;
  guint n_sections = assay_framework_get_n_sections (framework);
  g_autofree char *version = g_strdup_printf (_("Version %d"), p->version);
  guint n_indicators = assay_framework_get_n_indicators (framework);
  g_autofree char *round = g_strdup_printf (_("Round %d · %s"), p->round, outcome_label (p->outcome));
  guint n_yes = 0, n_rated = 0;

  for (guint i = 0; i < p->items->len; i++)
    {
      AssayRating rating = ((ItemCopy *) g_ptr_array_index (p->items, i))->rating;

      n_yes += rating == ASSAY_RATING_YES;
      n_rated += rating != ASSAY_RATING_UNRATED;
    }

  /* Title page */
  new_page (t);
  t->y = 200;
  paragraph (t, "Sans Bold 24", p->title, MARGIN, CONTENT_WIDTH, 8, 0.1, 0.2, 0.4);
  paragraph (t, "Sans 12", version, MARGIN, CONTENT_WIDTH, 28, 0.3, 0.3, 0.3);
  paragraph (t, "Sans Bold 13", assay_framework_get_title (framework), MARGIN, CONTENT_WIDTH, 4, 0.1, 0.1, 0.1);
  if (assay_framework_get_publisher (framework) != NULL)
    paragraph (t, "Sans 11", assay_framework_get_publisher (framework), MARGIN, CONTENT_WIDTH, 20, 0.3, 0.3, 0.3);
  paragraph (t, "Sans 11", round, MARGIN, CONTENT_WIDTH, 4, 0.1, 0.1, 0.1);
  if (p->submitted_on != NULL)
    {
      g_autofree char *dates = g_strdup_printf (_("Received by the state %s · answer due %s"),
                                                p->submitted_on, p->due_on ? p->due_on : "—");

      paragraph (t, "Sans 11", dates, MARGIN, CONTENT_WIDTH, 4, 0.1, 0.1, 0.1);
    }
  {
    g_autofree char *summary = g_strdup_printf (_("%u of %u indicators rated Yes; %u rated"), n_yes, n_indicators, n_rated);

    paragraph (t, "Sans 11", summary, MARGIN, CONTENT_WIDTH, 4, 0.1, 0.1, 0.1);
  }
  if (p->issuer != NULL)
    paragraph (t, "Sans 11", p->issuer, MARGIN, CONTENT_WIDTH, 4, 0.3, 0.3, 0.3);

  /* Contents */
  new_page (t);
  paragraph (t, "Sans Bold 16", _("Contents"), MARGIN, CONTENT_WIDTH, 12, 0.1, 0.2, 0.4);
  for (guint s = 0; s < n_sections; s++)
    {
      const AssayFrameworkSection *section = assay_framework_get_section (framework, s);
      int page = s < t->section_pages->len ? g_array_index (t->section_pages, int, s) : 0;
      g_autofree char *line = g_strdup_printf ("%s%s", section->depth > 0 ? "    " : "", section->title);
      g_autofree char *number = g_strdup_printf ("%d", page);
      g_autoptr(PangoLayout) right = make_layout (t, "Sans 10", number, 40);
      double top = t->y;

      paragraph (t, section->depth > 0 ? "Sans 10" : "Sans Bold 10", line, MARGIN, CONTENT_WIDTH - 50, 3, 0.1, 0.1, 0.1);
      if (t->cr != NULL && t->y > top)
        {
          pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
          cairo_move_to (t->cr, MARGIN + CONTENT_WIDTH - 40, t->y - 3 - layout_height (right));
          pango_cairo_show_layout (t->cr, right);
        }
    }
  {
    g_autofree char *number = g_strdup_printf ("%d", t->attachments_page);
    g_autoptr(PangoLayout) right = make_layout (t, "Sans 10", number, 40);

    paragraph (t, "Sans Bold 10", _("Attachments"), MARGIN, CONTENT_WIDTH - 50, 3, 0.1, 0.1, 0.1);
    if (t->cr != NULL)
      {
        pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
        cairo_move_to (t->cr, MARGIN + CONTENT_WIDTH - 40, t->y - 3 - layout_height (right));
        pango_cairo_show_layout (t->cr, right);
      }
  }

  /* Sections, each starting a page when it is a top-level one */
  for (guint s = 0; s < n_sections; s++)
    {
      const AssayFrameworkSection *section = assay_framework_get_section (framework, s);

      if (section->depth == 0)
        new_page (t);
      else
        ensure_room (t, 80);
      if (t->cr == NULL)
        {
          if (t->section_pages->len <= s)
            g_array_set_size (t->section_pages, s + 1);
          g_array_index (t->section_pages, int, s) = t->page;
        }

      paragraph (t, section->depth == 0 ? "Sans Bold 15" : "Sans Bold 12", section->title, MARGIN, CONTENT_WIDTH,
                 6, 0.1, 0.2, 0.4);
      if (section->description != NULL)
        paragraph (t, "Serif 10", section->description, MARGIN, CONTENT_WIDTH, 6, 0.2, 0.2, 0.2);
      if (section->guiding_question != NULL)
        {
          g_autofree char *question = g_strdup_printf (_("Guiding question: %s"), section->guiding_question);

          paragraph (t, "Serif Italic 10", question, MARGIN, CONTENT_WIDTH, 6, 0.2, 0.2, 0.2);
        }

      for (guint i = 0; i < assay_framework_get_n_indicators (framework); i++)
        {
          const AssayFrameworkIndicator *indicator = assay_framework_get_indicator (framework, i);
          ItemCopy *item;

          if (indicator->section != s)
            continue;
          item = item_for (p, indicator->id);
          /* The table's header starts the section's table, and again each
           * page the table runs onto. */
          if (!t->in_table)
            {
              ensure_room (t, 60);
              t->in_table = TRUE;
              draw_table_header (t);
            }
          table_row (t, indicator, item ? item->rating : ASSAY_RATING_UNRATED);
          t->y += 4;
          if (item != NULL && item->narrative != NULL && *item->narrative != '\0')
            paragraph (t, "Serif 10", item->narrative, MARGIN + 8, CONTENT_WIDTH - 8, 4, 0, 0, 0);
          else
            paragraph (t, "Serif Italic 10", _("No narrative yet."), MARGIN + 8, CONTENT_WIDTH - 8, 4, 0.45, 0.45, 0.45);
          if (item != NULL && item->documents->len > 0)
            {
              GPtrArray *documents = item->documents;
              GString *list = g_string_new (_("Documents: "));

              for (guint d = 0; d < documents->len; d++)
                g_string_append_printf (list, "%s%s", d ? ", " : "",
                                        ((AssayPacketDocument *) g_ptr_array_index (documents, d))->name);
              paragraph (t, "Sans 9", list->str, MARGIN + 8, CONTENT_WIDTH - 8, 4, 0.2, 0.2, 0.5);
              g_string_free (list, TRUE);
            }
          t->y += 8;
        }
      t->in_table = FALSE;
    }

  /* Attachments */
  new_page (t);
  t->attachments_page = t->page;
  paragraph (t, "Sans Bold 15", _("Attachments"), MARGIN, CONTENT_WIDTH, 8, 0.1, 0.2, 0.4);
  {
    guint n = 0;

    for (guint i = 0; i < p->items->len; i++)
      {
        ItemCopy *item = g_ptr_array_index (p->items, i);
        GPtrArray *documents = item->documents;

        for (guint d = 0; d < documents->len; d++)
          {
            AssayPacketDocument *document = g_ptr_array_index (documents, d);
            g_autofree char *line = g_strdup_printf ("%s — %s (SHA-256 %.12s…)", item->indicator,
                                                     document->name, document->sha256);

            paragraph (t, "Sans 10", line, MARGIN, CONTENT_WIDTH, 3, 0.1, 0.1, 0.1);
            n++;
          }
      }
    if (n == 0)
      paragraph (t, "Serif Italic 10", _("No documents are attached."), MARGIN, CONTENT_WIDTH, 3, 0.45, 0.45, 0.45);
  }
  draw_footer (t);
  if (t->cr != NULL)
    cairo_show_page (t->cr);
}

static gboolean
write_pdf (Packet     *p,
           const char *path,
           GError    **error)
{
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  g_autoptr(GObject) context_object = G_OBJECT (pango_font_map_create_context (font_map));
  PangoContext *context = PANGO_CONTEXT (context_object);
  g_autofree char *footer = g_strdup_printf ("%s · %s", p->title, assay_framework_get_title (p->framework));
  Typesetter count = { NULL, context, 0, 0, 0, footer, FALSE, g_array_new (FALSE, TRUE, sizeof (int)) };
  Typesetter draw;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Metrics independent of any screen, identical in both passes. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  typeset (&count, p);

  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, footer);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Assay");
  draw = count;
  draw.cr = cairo_create (surface);
  draw.page = 0;
  draw.n_pages = count.page;
  draw.in_table = FALSE;
  draw.attachments_page = count.attachments_page;
  typeset (&draw, p);
  cairo_destroy (draw.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_array_unref (count.section_pages);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_to_zip (struct archive *zip,
            const char     *name,
            const char     *path,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);
  struct archive_entry *entry;
  gsize size;
  gboolean ok;

  if (mapped == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  size = g_mapped_file_get_length (mapped);
  entry = archive_entry_new ();
  archive_entry_set_pathname_utf8 (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, (la_int64_t) size);
  ok = archive_write_header (zip, entry) == ARCHIVE_OK
       && (size == 0 || archive_write_data (zip, g_mapped_file_get_contents (mapped), size) == (la_ssize_t) size);
  archive_entry_free (entry);
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the zip: %s"), archive_error_string (zip));
  return ok;
}

/* "name.pdf", then "name (2).pdf": every entry in the zip distinct. */
static char *
unique_name (GHashTable *used,
             const char *directory,
             const char *name)
{
  g_autofree char *safe = g_strdelimit (g_strdup (name && *name && !g_str_equal (name, ".") && !g_str_equal (name, "..")
                                                  ? name : "document"), "/\\:", '_');
  const char *dot = strrchr (safe, '.');
  g_autofree char *stem = dot && dot != safe ? g_strndup (safe, dot - safe) : g_strdup (safe);
  const char *extension = dot && dot != safe ? dot : "";
  char *candidate = g_strdup_printf ("%s/%s", directory, safe);

  for (int n = 2; g_hash_table_contains (used, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s/%s (%d)%s", directory, stem, n, extension);
    }
  g_hash_table_add (used, g_strdup (candidate));
  return candidate;
}

static gboolean
write_zip (Packet       *p,
           const char   *pdf_path,
           const char   *zip_path,
           GCancellable *cancellable,
           GError      **error)
{
  struct archive *zip = archive_write_new ();
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean ok;

  archive_write_set_format_zip (zip);
  archive_write_set_options (zip, "zip:compression=deflate");
  ok = archive_write_open_filename (zip, zip_path) == ARCHIVE_OK;
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the zip: %s"), archive_error_string (zip));
  ok = ok && add_to_zip (zip, "packet.pdf", pdf_path, cancellable, error);

  for (guint i = 0; ok && i < p->items->len; i++)
    {
      ItemCopy *item = g_ptr_array_index (p->items, i);

      for (guint d = 0; ok && d < item->documents->len; d++)
        {
          AssayPacketDocument *document = g_ptr_array_index (item->documents, d);
          g_autofree char *directory = g_strdup_printf ("documents/%s", item->indicator);
          g_autofree char *name = unique_name (used, directory, document->name);

          ok = add_to_zip (zip, name, g_ptr_array_index (item->paths, d), cancellable, error);
        }
    }
  if (archive_write_close (zip) != ARCHIVE_OK && ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the zip: %s"), archive_error_string (zip));
      ok = FALSE;
    }
  archive_write_free (zip);
  return ok;
}

/**
 * assay_packet_export_prepare:
 *
 * Copies what the export needs from the store. Main thread.
 *
 * Returns: (transfer full) (nullable): the copy, for assay_packet_export_write()
 */
AssayPacketExport *
assay_packet_export_prepare (AssayStore      *store,
                             AssayPacket     *packet,
                             AssayFramework  *framework,
                             GError         **error)
{
  g_autoptr(AssayCredential) credential = assay_store_lookup (store, ASSAY_TYPE_CREDENTIAL,
                                                              assay_packet_get_credential_id (packet), error);
  g_autoptr(GPtrArray) items = NULL;
  AssayBlobStore *blobs = assay_store_get_blobs (store);
  AssayPacketExport *data;

  if (credential == NULL)
    return NULL;

  data = g_new0 (AssayPacketExport, 1);
  data->framework = g_object_ref (framework);
  data->title = g_strdup (assay_credential_get_title (credential));
  data->version = (int) assay_credential_get_version (credential);
  data->issuer = g_strdup (assay_credential_get_issuer (credential));
  data->round = (int) assay_packet_get_round (packet);
  data->outcome = assay_packet_get_outcome (packet);
  data->submitted_on = g_strdup (assay_packet_get_submitted_on (packet));
  data->due_on = g_strdup (assay_packet_get_due_on (packet));
  data->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_copy_free);

  /* An unsaved packet (nothing rated yet) has no items: all unrated. */
  items = assay_record_get_persisted (ASSAY_RECORD (packet))
          ? assay_store_packet_items (store, packet, framework)
          : g_ptr_array_new ();
  for (guint i = 0; i < items->len; i++)
    {
      AssayPacketItem *item = g_ptr_array_index (items, i);
      ItemCopy *copy = g_new0 (ItemCopy, 1);

      copy->indicator = g_strdup (assay_packet_item_get_indicator (item));
      copy->rating = assay_packet_item_get_rating (item);
      copy->narrative = g_strdup (assay_packet_item_get_narrative (item));
      copy->documents = assay_packet_item_dup_documents (item);
      copy->paths = g_ptr_array_new_with_free_func (g_free);
      for (guint d = 0; d < copy->documents->len; d++)
        g_ptr_array_add (copy->paths, assay_blob_store_get_path (blobs,
                                                                 ((AssayPacketDocument *) g_ptr_array_index (copy->documents, d))->sha256));
      g_ptr_array_add (data->items, copy);
    }
  return data;
}

/**
 * assay_packet_export_write:
 *
 * Writes the PDF, and the zip when @zip is given. Any thread.
 */
gboolean
assay_packet_export_write (AssayPacketExport  *data,
                           GFile              *pdf,
                           GFile              *zip,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_autofree char *pdf_path = g_file_get_path (pdf);
  g_autofree char *pdf_partial = NULL;
  g_autofree char *zip_path = zip ? g_file_get_path (zip) : NULL;
  g_autofree char *zip_partial = NULL;
  gboolean ok;

  if (pdf_path == NULL || (zip != NULL && zip_path == NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("The packet can only be written to a local file"));
      return FALSE;
    }

  pdf_partial = g_strconcat (pdf_path, ".partial", NULL);
  ok = write_pdf (data, pdf_partial, error) && !g_cancellable_set_error_if_cancelled (cancellable, error);
  if (ok && zip_path != NULL)
    {
      zip_partial = g_strconcat (zip_path, ".partial", NULL);
      ok = write_zip (data, pdf_partial, zip_partial, cancellable, error);
    }
  if (ok && g_rename (pdf_partial, pdf_path) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), _("Could not write %s: %s"), pdf_path, g_strerror (errno));
      ok = FALSE;
    }
  if (ok && zip_partial != NULL && g_rename (zip_partial, zip_path) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), _("Could not write %s: %s"), zip_path, g_strerror (errno));
      g_unlink (pdf_path);
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (pdf_partial);
      if (zip_partial != NULL)
        g_unlink (zip_partial);
    }
  return ok;
}

gboolean
assay_packet_export (AssayStore     *store,
                     AssayPacket    *packet,
                     AssayFramework *framework,
                     GFile          *pdf,
                     GFile          *zip,
                     GCancellable   *cancellable,
                     GError        **error)
{
  AssayPacketExport *data = assay_packet_export_prepare (store, packet, framework, error);
  gboolean ok;

  if (data == NULL)
    return FALSE;
  ok = assay_packet_export_write (data, pdf, zip, cancellable, error);
  assay_packet_export_free (data);
  return ok;
}
