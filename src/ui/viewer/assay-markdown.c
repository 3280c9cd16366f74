/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "assay-viewer"

#include "config.h"

#include <string.h>

#include "assay-markdown.h"

/* Earners write reflections and notes in Markdown, or in something close to
 * it. This shows the common part readably — headings, emphasis, code, lists,
 * quotes, rules and links — in a text buffer. It never runs anything,
 * fetches nothing and follows no link: links show their address. Whatever it
 * does not understand shows as written. */

static void
ensure_tags (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  if (gtk_text_tag_table_lookup (table, "h1") != NULL)
    return;

  gtk_text_buffer_create_tag (buffer, "h1", "weight", PANGO_WEIGHT_BOLD, "scale", 1.6,
                              "pixels-above-lines", 12, "pixels-below-lines", 6, NULL);
  gtk_text_buffer_create_tag (buffer, "h2", "weight", PANGO_WEIGHT_BOLD, "scale", 1.35,
                              "pixels-above-lines", 10, "pixels-below-lines", 4, NULL);
  gtk_text_buffer_create_tag (buffer, "h3", "weight", PANGO_WEIGHT_BOLD, "scale", 1.15,
                              "pixels-above-lines", 8, "pixels-below-lines", 2, NULL);
  gtk_text_buffer_create_tag (buffer, "bold", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "italic", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (buffer, "code", "family", "monospace", NULL);
  gtk_text_buffer_create_tag (buffer, "block", "family", "monospace", "left-margin", 24,
                              "wrap-mode", GTK_WRAP_NONE, NULL);
  gtk_text_buffer_create_tag (buffer, "quote", "left-margin", 24, "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (buffer, "item", "left-margin", 24, "indent", -16, NULL);
  gtk_text_buffer_create_tag (buffer, "link", "underline", PANGO_UNDERLINE_SINGLE, NULL);
  gtk_text_buffer_create_tag (buffer, "url", "scale", 0.85, NULL);
  gtk_text_buffer_create_tag (buffer, "paragraph", "pixels-below-lines", 6, NULL);
}

static void
insert (GtkTextBuffer *buffer,
        const char    *text,
        gssize         length,
        const char    *tag,
        const char    *block_tag)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (length < 0)
    length = strlen (text);
  if (length == 0)
    return;
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, (int) length, tag, block_tag, NULL);
}

/* The closing marker of an inline span, on the same line. */
static const char *
find_close (const char *from,
            const char *marker)
{
  const char *close = strstr (from, marker);

  return close != NULL && close > from ? close : NULL;
}

static void
render_inline (GtkTextBuffer *buffer,
               const char    *line,
               const char    *block_tag)
{
  const char *p = line, *run = line;

  while (*p != '\0')
    {
      const char *marker = NULL, *tag = NULL, *close = NULL;

      if (*p == '\\' && p[1] != '\0' && strchr ("\\`*_[]()#+-.!>", p[1]) != NULL)
        {
          insert (buffer, run, p - run, NULL, block_tag);
          insert (buffer, p + 1, 1, NULL, block_tag);
          p += 2;
          run = p;
          continue;
        }

      if (*p == '`')
        marker = "`", tag = "code";
      else if (g_str_has_prefix (p, "**"))
        marker = "**", tag = "bold";
      else if (g_str_has_prefix (p, "__"))
        marker = "__", tag = "bold";
      else if (*p == '*' || (*p == '_' && (p == line || !g_ascii_isalnum (p[-1]))))
        marker = *p == '*' ? "*" : "_", tag = "italic";

      if (marker != NULL && (close = find_close (p + strlen (marker), marker)) != NULL)
        {
          insert (buffer, run, p - run, NULL, block_tag);
          insert (buffer, p + strlen (marker), close - p - strlen (marker), tag, block_tag);
          p = close + strlen (marker);
          run = p;
          continue;
        }

      if (*p == '[')
        {
          const char *end_text = strchr (p, ']');

          if (end_text != NULL && end_text[1] == '(')
            {
              const char *end_url = strchr (end_text + 2, ')');

              if (end_url != NULL)
                {
                  insert (buffer, run, p - run, NULL, block_tag);
                  insert (buffer, p + 1, end_text - p - 1, "link", block_tag);
                  insert (buffer, " (", 2, "url", block_tag);
                  insert (buffer, end_text + 2, end_url - end_text - 2, "url", block_tag);
                  insert (buffer, ")", 1, "url", block_tag);
                  p = end_url + 1;
                  run = p;
                  continue;
                }
            }
        }

      p = g_utf8_next_char (p);
    }

  insert (buffer, run, p - run, NULL, block_tag);
}

static gboolean
is_rule (const char *line)
{
  char c = 0;
  int n = 0;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == ' ')
        continue;
      if ((*p != '-' && *p != '*' && *p != '_') || (c != 0 && *p != c))
        return FALSE;
      c = *p;
      n++;
    }
  return n >= 3;
}

/**
 * assay_markdown_render:
 *
 * Replaces the text of @buffer by @markdown, formatted.
 */
void
assay_markdown_render (GtkTextBuffer *buffer,
                       const char    *markdown)
{
  g_auto(GStrv) lines = NULL;
  gboolean in_fence = FALSE;

  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));

  ensure_tags (buffer);
  gtk_text_buffer_set_text (buffer, "", 0);
  if (markdown == NULL)
    return;

  lines = g_strsplit (markdown, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize len = strlen (line);
      const char *content = line;
      int level = 0;

      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';

      if (g_str_has_prefix (line + strspn (line, " "), "```"))
        {
          in_fence = !in_fence;
          continue;
        }
      if (in_fence)
        {
          insert (buffer, line, len, "block", NULL);
          insert (buffer, "\n", 1, NULL, NULL);
          continue;
        }

      while (content[level] == '#' && level < 6)
        level++;
      if (level > 0 && content[level] == ' ')
        {
          const char *tag = level == 1 ? "h1" : level == 2 ? "h2" : "h3";

          insert (buffer, content + level + 1, -1, tag, NULL);
          insert (buffer, "\n", 1, tag, NULL);
          continue;
        }

      if (len > 0 && is_rule (line))
        {
          insert (buffer, "⸻\n", -1, "paragraph", NULL);
          continue;
        }

      content = line;
      while (*content == ' ')
        content++;

      if (*content == '>')
        {
          content++;
          if (*content == ' ')
            content++;
          render_inline (buffer, content, "quote");
          insert (buffer, "\n", 1, "quote", NULL);
          continue;
        }

      if ((content[0] == '-' || content[0] == '*' || content[0] == '+') && content[1] == ' ')
        {
          insert (buffer, "•  ", -1, NULL, "item");
          render_inline (buffer, content + 2, "item");
          insert (buffer, "\n", 1, NULL, "item");
          continue;
        }

      {
        const char *digits = content;

        while (g_ascii_isdigit (*digits))
          digits++;
        if (digits > content && digits - content < 10 && (*digits == '.' || *digits == ')') && digits[1] == ' ')
          {
            insert (buffer, content, digits - content + 1, NULL, "item");
            insert (buffer, "  ", 2, NULL, "item");
            render_inline (buffer, digits + 2, "item");
            insert (buffer, "\n", 1, NULL, "item");
            continue;
          }
      }

      render_inline (buffer, line, NULL);
      insert (buffer, "\n", 1, NULL, len == 0 ? NULL : "paragraph");
    }
}
