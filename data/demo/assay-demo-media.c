/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gst/gst.h>
#include <errno.h>
#include <locale.h>

#include "assay-demo-media.h"

/* assay-demo-media OUTDIR: writes the demonstration evidence. Run by the
 * build (data/demo/meson.build), so the demo works offline and opens at
 * once; the files are installed with Assay and found by
 * src/store/assay-demo-evidence.c. */

/* A written reflection in Markdown, the fourth kind of evidence: headings,
 * emphasis, a list, a table and a link for the text viewer to show. */
static const char reflection[] =
  "# Reflection: checking for understanding in chemistry\n"
  "\n"
  "*Priya Natarajan, Vermilion Ridge High School — item 5 of the submission*\n"
  "\n"
  "## How I checked before\n"
  "\n"
  "Before this credential I checked for understanding by asking “any questions?” and by calling on the "
  "students whose hands went up. In the limiting-reactant lesson last year that told me the class was ready; "
  "the unit test said half of it was not.\n"
  "\n"
  "## What the evidence showed this time\n"
  "\n"
  "The hinge question (see the lesson plan, page 2) gave me every student’s answer in about forty seconds. "
  "At **00:05** in the video every board is up, and the photograph shows the same moment.\n"
  "\n"
  "| Answer | Hinge question | Re-check |\n"
  "|--------|---------------:|---------:|\n"
  "| A      | 9              | 2        |\n"
  "| B      | 14             | 24       |\n"
  "| C      | 3              | 1        |\n"
  "| D      | 2              | 1        |\n"
  "\n"
  "Because each wrong answer stood for one misconception, I knew which group needed the sandwich model "
  "and which only needed a counter-example.\n"
  "\n"
  "## What I will keep, change and try\n"
  "\n"
  "- **Keep:** writing the wrong answers first, from last year’s exit tickets.\n"
  "- **Change:** ask the hinge question six minutes earlier, so the extension group has real time.\n"
  "- **Try:** a hinge question in the stoichiometry lab, where students answer with their data.\n"
  "\n"
  "Dylan Wiliam’s description of hinge questions helped me plan the distractors: "
  "<https://www.dylanwiliamcenter.com/>.\n";

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reflection_path = NULL;
  const char *directory;

  setlocale (LC_ALL, "");
  gst_init (&argc, &argv);

  if (argc != 2)
    {
      g_printerr ("usage: %s OUTDIR\n", argv[0]);
      return 2;
    }
  directory = argv[1];
  reflection_path = g_build_filename (directory, "reflection.md", NULL);

  if (g_mkdir_with_parents (directory, 0755) != 0 ||
      !demo_write_documents (directory, &error) ||
      !demo_write_images (directory, &error) ||
      !demo_write_videos (directory, &error) ||
      !g_file_set_contents (reflection_path, reflection, sizeof reflection - 1, &error))
    {
      g_printerr ("assay-demo-media: %s\n", error ? error->message : g_strerror (errno));
      return 1;
    }

  return 0;
}
