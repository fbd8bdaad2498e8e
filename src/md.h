/*
 * md.h: Markdown to HTML with libcmark (CommonMark) in safe mode, for the text
 * pages and news of a section. No HTTP, no database.
 */
#ifndef MD_H
#define MD_H

#include "tpl.h"

struct arena;

/*
 * Renders `text` (valid UTF-8) as HTML into the arena. Safe mode: raw HTML blocks
 * and inline tags become the comment «raw HTML omitted», and links or images
 * whose URL starts with javascript:, vbscript:, file: or data: (but data:image/png,
 * gif, jpeg, webp) get an empty href/src. Headings move down so that # is
 * h<level> (2–6; deeper ones stop at h6), below the page's own headings. Plain
 * cmark has no tables: a pipe table stays a paragraph of text.
 * Returns 0, or -1 out of memory.
 */
int md_render(struct arena *a, const char *text, int level, struct tpl_html *out);

#endif
