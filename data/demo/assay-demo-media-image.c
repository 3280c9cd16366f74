/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <string.h>

#include "assay-demo-media.h"

/* A photograph, as a phone would take it, of the students' whiteboards at
 * the hinge question: drawn with cairo, with grain and a vignette, saved as
 * JPEG. A second copy is stored on its side with an EXIF Orientation of 6
 * ("rotate 90° clockwise to view"), as phones held upright write it, so the
 * image viewer is shown a file that is wrong unless the tag is honoured. */

#define PHOTO_WIDTH  1200
#define PHOTO_HEIGHT 800

void
demo_draw_whiteboard (cairo_t    *cr,
                      double      x,
                      double      y,
                      double      width,
                      double      height,
                      double      angle,
                      const char *text)
{
  double r = MIN (width, height) * 0.08;

  cairo_save (cr);
  cairo_translate (cr, x + width / 2, y + height / 2);
  cairo_rotate (cr, angle);
  cairo_translate (cr, -width / 2, -height / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, width - r, r, r, -M_PI / 2, 0);
  cairo_arc (cr, width - r, height - r, r, 0, M_PI / 2);
  cairo_arc (cr, r, height - r, r, M_PI / 2, M_PI);
  cairo_arc (cr, r, r, r, M_PI, 3 * M_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 0.97, 0.97, 0.95);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.25, 0.27, 0.3);
  cairo_set_line_width (cr, MAX (1, width * 0.03));
  cairo_stroke (cr);

  if (text != NULL && *text != '\0')
    {
      PangoLayout *layout = pango_cairo_create_layout (cr);
      PangoFontDescription *desc = pango_font_description_from_string ("DejaVu Sans Bold Oblique");
      gboolean single = strchr (text, '\n') == NULL && g_utf8_strlen (text, -1) <= 2;
      int w, h;

      pango_font_description_set_absolute_size (desc, (single ? height * 0.62 : height * 0.13) * PANGO_SCALE);
      pango_layout_set_font_description (layout, desc);
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_set_source_rgb (cr, 0.1, 0.22, 0.62);
      cairo_move_to (cr, single ? (width - w) / 2 : width * 0.08, (height - h) / 2);
      pango_cairo_show_layout (cr, layout);
      pango_font_description_free (desc);
      g_object_unref (layout);
    }

  cairo_restore (cr);
}

static void
draw_photo (cairo_t *cr)
{
  static const char * const boards[] = {
    "B\nH₂: 4 ÷ 2 = 2\nO₂: 3 ÷ 1 = 3\nH₂ runs out",
    "A\nless O₂, so O₂\nruns out first",
    "B\n4 H₂ needs 2 O₂\n1 O₂ left over",
    "C\nbigger number\nin front = H₂",
    "B\n2 reactions vs 3\n→ H₂ limits",
    "D\nmass is conserved\nnothing runs out",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260210);
  cairo_pattern_t *pattern;

  /* a laminate desk top, lit from the window on the left */
  pattern = cairo_pattern_create_linear (0, 0, PHOTO_WIDTH, PHOTO_HEIGHT);
  cairo_pattern_add_color_stop_rgb (pattern, 0, 0.78, 0.66, 0.5);
  cairo_pattern_add_color_stop_rgb (pattern, 1, 0.6, 0.48, 0.34);
  cairo_set_source (cr, pattern);
  cairo_paint (cr);
  cairo_pattern_destroy (pattern);
  cairo_set_line_width (cr, 2);
  for (int i = 0; i < 60; i++)
    {
      double y = g_rand_double_range (rand, 0, PHOTO_HEIGHT);

      cairo_set_source_rgba (cr, 0.4, 0.28, 0.16, g_rand_double_range (rand, 0.04, 0.12));
      cairo_move_to (cr, 0, y);
      cairo_curve_to (cr, 400, y + g_rand_double_range (rand, -30, 30),
                      800, y + g_rand_double_range (rand, -30, 30), PHOTO_WIDTH, y);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < G_N_ELEMENTS (boards); i++)
    {
      double x = 60 + (i % 3) * 380 + g_rand_double_range (rand, -20, 20);
      double y = 60 + (i / 3) * 360 + g_rand_double_range (rand, -20, 20);

      /* a soft shadow under each board */
      cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
      cairo_rectangle (cr, x + 10, y + 12, 320, 230);
      cairo_fill (cr);
      demo_draw_whiteboard (cr, x, y, 320, 230, g_rand_double_range (rand, -0.08, 0.08), boards[i]);
    }

  /* a marker left on the desk */
  cairo_save (cr);
  cairo_translate (cr, 1020, 740);
  cairo_rotate (cr, -0.4);
  cairo_set_source_rgb (cr, 0.1, 0.2, 0.6);
  cairo_rectangle (cr, 0, 0, 130, 18);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.95, 0.95, 0.95);
  cairo_rectangle (cr, 20, 0, 50, 18);
  cairo_fill (cr);
  cairo_restore (cr);

  /* vignette */
  pattern = cairo_pattern_create_radial (PHOTO_WIDTH / 2.0, PHOTO_HEIGHT / 2.0, 250,
                                         PHOTO_WIDTH / 2.0, PHOTO_HEIGHT / 2.0, 780);
  cairo_pattern_add_color_stop_rgba (pattern, 0, 0, 0, 0, 0);
  cairo_pattern_add_color_stop_rgba (pattern, 1, 0, 0, 0, 0.45);
  cairo_set_source (cr, pattern);
  cairo_paint (cr);
  cairo_pattern_destroy (pattern);

  /* sensor grain */
  for (int i = 0; i < 30000; i++)
    {
      double shade = g_rand_double (rand);

      cairo_set_source_rgba (cr, shade, shade, shade, 0.08);
      cairo_rectangle (cr, g_rand_int_range (rand, 0, PHOTO_WIDTH), g_rand_int_range (rand, 0, PHOTO_HEIGHT), 2, 2);
      cairo_fill (cr);
    }
}

static GdkPixbuf *
pixbuf_from_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *src = cairo_image_surface_get_data (surface);
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  int dst_stride = gdk_pixbuf_get_rowstride (pixbuf);
  guint8 *dst = gdk_pixbuf_get_pixels (pixbuf);

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        /* CAIRO_FORMAT_RGB24 is one native-endian 32-bit word per pixel */
        guint32 pixel = *(const guint32 *) (src + y * stride + 4 * x);
        guint8 *out = dst + y * dst_stride + 3 * x;

        out[0] = (pixel >> 16) & 0xff;
        out[1] = (pixel >> 8) & 0xff;
        out[2] = pixel & 0xff;
      }

  return pixbuf;
}

/* An APP1 segment holding a big-endian TIFF header and one IFD with the
 * Orientation tag (0x0112, SHORT, 1 value), placed right after SOI as
 * cameras do. */
static GBytes *
add_orientation (const guint8 *jpeg,
                 gsize         length,
                 guint16       orientation)
{
  const guint8 app1[] = {
    0xff, 0xe1, 0x00, 0x22,                  /* APP1, 34 bytes with this length */
    'E', 'x', 'i', 'f', 0x00, 0x00,
    'M', 'M', 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08,  /* TIFF header, IFD0 at 8 */
    0x00, 0x01,                              /* one entry */
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01,
    orientation >> 8, orientation & 0xff, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00,                  /* no next IFD */
  };
  GByteArray *out = g_byte_array_sized_new (length + sizeof app1);

  G_STATIC_ASSERT (sizeof app1 == 2 + 0x22);
  g_assert (length > 2 && jpeg[0] == 0xff && jpeg[1] == 0xd8);
  g_byte_array_append (out, jpeg, 2);
  g_byte_array_append (out, app1, sizeof app1);
  g_byte_array_append (out, jpeg + 2, length - 2);

  return g_byte_array_free_to_bytes (out);
}

static gboolean
save_jpeg (cairo_surface_t  *surface,
           const char       *path,
           guint16           orientation,
           GError          **error)
{
  g_autoptr(GdkPixbuf) pixbuf = pixbuf_from_surface (surface);
  g_autofree char *buffer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "jpeg", error, "quality", "85", NULL))
    return FALSE;

  if (orientation != 0)
    bytes = add_orientation ((const guint8 *) buffer, length, orientation);
  else
    bytes = g_bytes_new (buffer, length);

  return g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

gboolean
demo_write_images (const char  *directory,
                   GError     **error)
{
  g_autofree char *upright_path = g_build_filename (directory, "whiteboards.jpg", NULL);
  g_autofree char *rotated_path = g_build_filename (directory, "whiteboards-rotated.jpg", NULL);
  cairo_surface_t *upright = cairo_image_surface_create (CAIRO_FORMAT_RGB24, PHOTO_WIDTH, PHOTO_HEIGHT);
  cairo_surface_t *sideways = cairo_image_surface_create (CAIRO_FORMAT_RGB24, PHOTO_HEIGHT, PHOTO_WIDTH);
  cairo_t *cr;
  gboolean ok;

  cr = cairo_create (upright);
  draw_photo (cr);
  cairo_destroy (cr);

  /* Stored turned 90° counter-clockwise: Orientation 6 turns it back. */
  cr = cairo_create (sideways);
  cairo_translate (cr, 0, PHOTO_WIDTH);
  cairo_rotate (cr, -M_PI / 2);
  cairo_set_source_surface (cr, upright, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);

  ok = save_jpeg (upright, upright_path, 0, error) &&
       save_jpeg (sideways, rotated_path, 6, error);

  cairo_surface_destroy (upright);
  cairo_surface_destroy (sideways);
  return ok;
}
