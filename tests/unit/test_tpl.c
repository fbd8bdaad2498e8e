/* test_tpl.c: the ctemplate bridge: the pragma is enforced, values are escaped by context. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "log.h"
#include "tap.h"
#include "tpl.h"

static char dir[] = "/tmp/kachestvo-tpl-XXXXXX";

static void write_tpl(const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

int main(void)
{
	static const char hostile[] = "<script>alert(\"x\")</script>&'";
	struct arena a;
	struct buf out;
	char cmd[300];

	log_threshold = LOG_ERR;
	mkdtemp(dir);
	arena_init(&a, 4096, 1 << 20);
	write_tpl("page.tpl", "{{%AUTOESCAPE context=\"HTML\"}}\n"
		  "<p>{{V}}</p><a href=\"{{URL}}\" title=\"{{V}}\">x</a>"
		  "<a href=\"/r/?back={{ARG}}\">y</a>{{#S}}<i>{{N}}</i>{{/S}}{{>INC}}"
		  "[{{#SHOWN}}shown:{{V2}}{{/SHOWN}}{{#HIDDEN}}hidden{{/HIDDEN}}]"
		  "({{#OUTER}}{{#INNER}}{{PARENT}}/{{OWN}}{{/INNER}}{{/OUTER}})<u>{{MISSING}}</u>");
	write_tpl("inc.tpl", "{{%AUTOESCAPE context=\"HTML\"}}<b>{{W}}</b>");
	write_tpl("html.tpl", "{{%AUTOESCAPE context=\"HTML\"}}\n<div>\n{{H:x-trusted-html}}\n</div>\n"
		  "<div>\n{{S:x-trusted-html}}\n</div>\n<p>{{H}}</p>");
	ok(tpl_init(dir) == TPL_OK, "templates with the pragma load");

	struct tpl_dict *d = tpl_dict_new(&a);
	tpl_set_str(d, "V", hostile);
	tpl_set_str(d, "URL", "javascript:alert(1)");
	tpl_set_str(d, "ARG", "/a b?c=<d>");
	tpl_set_int(tpl_section_add(d, "S"), "N", 7);
	tpl_set_int(tpl_section_add(d, "S"), "N", -8);
	tpl_set_str(tpl_include(d, "INC", "inc.tpl"), "W", "<w>");
	tpl_set_str(d, "V2", "first");
	tpl_set_str(d, "V2", "second");
	tpl_show(d, "SHOWN");
	struct tpl_dict *outer = tpl_section_add(d, "OUTER");
	tpl_set_str(outer, "PARENT", "p");
	tpl_set_str(tpl_section_add(outer, "INNER"), "OWN", "o");
	tpl_set_str(tpl_section_add(outer, "INNER"), "PARENT", "q");
	buf_init(&out, &a, 1 << 16);
	ok(tpl_expand("page.tpl", d, &out) == TPL_OK, "expands");
	ok(!strstr(out.data, "<script>"), "no raw <script> in the output");
	ok(strstr(out.data, "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>") != NULL,
	   "text context is HTML-escaped: %s", out.data);
	ok(!strstr(out.data, "href=\"javascript:"), "a javascript: URL is neutralised");
	ok(strstr(out.data, "<i>7</i><i>-8</i>") != NULL, "sections repeat with integers");
	ok(strstr(out.data, "<b>&lt;w&gt;</b>") != NULL, "included templates are escaped too");
	ok(strstr(out.data, "[shown:second]") != NULL, "a shown section appears, a hidden one does not; the last value set wins");
	ok(strstr(out.data, "(p/oq/)") != NULL, "sections see their parents' values, and their own first");
	ok(strstr(out.data, "<u></u>") != NULL, "a missing value is empty");
	ok(!strstr(out.data, "back=/a b?c=<d>"), "a value inside a URL is escaped");

	const struct tpl_html trusted = { "<em>md</em>" };
	struct tpl_dict *h = tpl_dict_new(&a);

	tpl_set_html(h, "H", &trusted);
	tpl_set_str(h, "S", "<em>forged</em>");
	buf_init(&out, &a, 1 << 16);
	ok(tpl_expand("html.tpl", h, &out) == TPL_OK, "expands trusted HTML");
	ok(strstr(out.data, "<div>\n<em>md</em>\n</div>") != NULL, "tpl_set_html shows through x-trusted-html");
	ok(strstr(out.data, "&lt;em&gt;forged&lt;/em&gt;") && !strstr(out.data, "<em>forged"),
	   "a plain string through x-trusted-html is still escaped");
	ok(!strstr(out.data, "<p><em>"), "trusted HTML without the modifier is escaped");
	tpl_shutdown();

	write_tpl("bare.tpl", "<p>{{V}}</p>");
	ok(tpl_init(dir) == TPL_ENOESCAPE, "a template without the pragma stops startup");
	tpl_shutdown();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ok(system(cmd) == 0, "cleanup");
	ok(tpl_init(dir) == TPL_ENOENT, "a missing template directory stops startup");
	tpl_shutdown();
	arena_free(&a);
	return ok_done();
}
