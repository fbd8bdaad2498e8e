/* test_md.c: the Markdown wrapper: CommonMark renders, safe mode drops raw HTML and dangerous links. */
#include <string.h>

#include "arena.h"
#include "md.h"
#include "tap.h"

static const char *md(struct arena *a, const char *text)
{
	struct tpl_html h;

	return md_render(a, text, 3, &h) == 0 ? h.s : "";
}

int main(void)
{
	struct arena a;
	const char *h;

	arena_init(&a, 4096, 1 << 20);
	h = md(&a, "# Цель\n\n## Этапы\n\n- первый\n- второй\n\n1. раз\n2. два\n\n"
		   "[сайт](https://example.test/a?b=1&c=2) и **важно**");
	ok(strstr(h, "<h3>Цель</h3>") && strstr(h, "<h4>Этапы</h4>"), "headings, two levels down");
	ok(strstr(h, "<ul>\n<li>первый</li>") && strstr(h, "<ol>\n<li>раз</li>"), "lists");
	ok(strstr(h, "<a href=\"https://example.test/a?b=1&amp;c=2\">сайт</a>") != NULL, "links, escaped");
	ok(strstr(h, "<strong>важно</strong>") != NULL, "emphasis");

	h = md(&a, "<script>alert(1)</script>\n\nтекст <img src=x onerror=alert(1)> и <b>жирный</b>");
	ok(!strstr(h, "<script") && !strstr(h, "<img") && !strstr(h, "<b>") && !strstr(h, "onerror=alert"),
	   "raw HTML blocks and inline tags never pass");
	ok(strstr(h, "raw HTML omitted") != NULL, "they become a comment");

	h = md(&a, "[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](vbscript:msgbox) "
		   "[d](data:text/html;base64,PHNjcmlwdD4=) ![i](javascript:alert(2)) <javascript:alert(3)>");
	ok(!strstr(h, "javascript:alert") || !strstr(h, "href=\"javascript"), "no javascript: href");
	ok(!strstr(h, "href=\"JAVASCRIPT") && !strstr(h, "src=\"javascript") &&
	   !strstr(h, "href=\"vbscript") && !strstr(h, "href=\"data:text"), "dangerous schemes emptied");
	ok(strstr(h, "<a href=\"\">x</a>") != NULL, "the link text stays, its href is empty");

	h = md(&a, "| a | b |\n|---|---|\n| 1 | 2 |");
	ok(!strstr(h, "<table"), "plain cmark has no tables: a pipe table stays text");

	h = md(&a, "\"quotes\" & <not a tag");
	ok(strstr(h, "&quot;quotes&quot; &amp; &lt;not a tag") != NULL, "text is escaped");
	ok(strcmp(md(&a, ""), "") == 0, "empty text renders to nothing");
	struct tpl_html h2;
	ok(md_render(&a, "# a\n\n###### b", 2, &h2) == 0 && strstr(h2.s, "<h2>a</h2>") && strstr(h2.s, "<h6>b</h6>"),
	   "# is the level asked for; the deepest stays h6");
	arena_free(&a);
	return ok_done();
}
