/*
 * md.c: Markdown → HTML through libcmark with CMARK_OPT_SAFE, headings moved down;
 * the only producer of struct tpl_html (the template's one unescaped value).
 */
#include "md.h"

#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "arena.h"

enum { HEADING_MAX = 6 };

static void demote_headings(cmark_node *root, int shift)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);

		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_HEADING) {
			int level = cmark_node_get_heading_level(n) + shift;

			cmark_node_set_heading_level(n, level > HEADING_MAX ? HEADING_MAX : level);
		}
	}
	cmark_iter_free(it);
}

int md_render(struct arena *a, const char *text, int level, struct tpl_html *out)
{
	const int opts = CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8;
	cmark_node *doc = cmark_parse_document(text, strlen(text), opts);
	char *html;

	out->s = NULL;
	if (!doc)
		return -1;
	demote_headings(doc, level < 1 ? 0 : level - 1);
	html = cmark_render_html(doc, opts);
	cmark_node_free(doc);
	if (!html)
		return -1;
	out->s = arena_strdup(a, html);
	free(html);
	return out->s ? 0 : -1;
}
