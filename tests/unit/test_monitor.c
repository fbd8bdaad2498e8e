/*
 * test_monitor.c: the monitoring rules without the network: the href scanner on
 * good, broken and windows-1251 markup, file links, every row of the document
 * keyword table, the outcome of a fetch, freshness, website URLs and link resolution.
 */
#include <string.h>

#include <curl/curl.h>

#include "../../src/monitor_scan.h"
#include "arena.h"
#include "tap.h"

static struct arena a;

static size_t links(const char *html, struct scan_link *out, size_t max)
{
	return scan_links(&a, html, strlen(html), scan_is_cp1251(html, strlen(html)), out, max);
}

static void scanner(void)
{
	struct scan_link l[8];
	size_t n;

	n = links("<p><A HREF=\"a.pdf\" class=x>Приказ <b>№ 5</b></A> <a href='b.doc'>two</a>"
		  "<a href=c.xlsx>three</a></p>", l, 8);
	ok(n == 3, "three links, any quoting and case (%zu)", n);
	ok(n == 3 && strcmp(l[0].href, "a.pdf") == 0 && strcmp(l[0].text, "Приказ № 5") == 0,
	   "href and text without inner tags");
	ok(n == 3 && strcmp(l[1].href, "b.doc") == 0 && strcmp(l[2].href, "c.xlsx") == 0, "single quotes, unquoted");
	n = links("<!-- <a href=\"hidden.pdf\">x</a> --><script>var s='<a href=\"js.pdf\">';</script>"
		  "<style>a{}</style><a href=\"real.pdf\">real</a>", l, 8);
	ok(n == 1 && strcmp(l[0].href, "real.pdf") == 0, "comments, scripts and styles skipped");
	n = links("<a name=top>anchor</a><abbr>x</abbr><a href=\"\">empty</a><a href=\"ok.pdf\">ok</a>", l, 8);
	ok(n == 1 && strcmp(l[0].href, "ok.pdf") == 0, "no href, <abbr>, empty href ignored");
	n = links("<a href=\"ok.pdf\">ok</a><a href=\"unterminated.pdf", l, 8);
	ok(n == 1, "an unterminated quote ends the scan");
	n = links("<a href=\"x.pdf\">one</a><a href=\"y.pdf\">two</a><a href=\"z.pdf\">three</a>", l, 2);
	ok(n == 2, "at most max links");
	n = links("<<<a <a href=x.pdf>>", l, 8);
	ok(n <= 1, "garbage markup does not crash");
	const char *cp = "<a href=\"p.pdf\">\xcf\xf0\xe8\xea\xe0\xe7 \xa8</a>";

	n = scan_links(&a, cp, strlen(cp), true, l, 8);
	ok(n == 1 && strcmp(l[0].text, "Приказ Ё") == 0, "windows-1251 text converted (%s)", n ? l[0].text : "");
	ok(scan_is_cp1251("\xcf\xf0\xe8", 3), "invalid UTF-8 is read as windows-1251");
	ok(!scan_is_cp1251("Привет\n\t", strlen("Привет\n\t")), "UTF-8 stays UTF-8");
}

static void files(void)
{
	ok(scan_is_file("https://x.ru/docs/a.PDF"), "pdf, any case");
	ok(scan_is_file("/a.docx?download=1#p"), "query and fragment ignored");
	ok(!scan_is_file("/docs/"), "a folder is not a file");
	ok(!scan_is_file("/page.html"), "a page is not a file");
	ok(!scan_is_file("/v1.2/index"), "a dot in a folder name is not an extension");
}

static void keywords(void)
{
	static const struct {
		const char *href, *text;
		size_t type;
	} cases[] = {
		{ "/a.pdf", "Программа антирисковых мер", DT_ANTIRISK },
		{ "/antirisk.pdf", "", DT_ANTIRISK },
		{ "/a.pdf", "СРЕДНЕСРОЧНАЯ программа развития", DT_MIDTERM },
		{ "/srednesrochnaya.pdf", "", DT_MIDTERM },
		{ "/midterm.pdf", "", DT_MIDTERM },
		{ "/a.pdf", "ШППКО 2025", DT_SHPPKO },
		{ "/shppko.pdf", "", DT_SHPPKO },
		{ "/a.pdf", "Школьная программа повышения качества образования", DT_SHPPKO },
		{ "/a.pdf", "Паспорт программы повышения качества", DT_SHPPKO },
		{ "/a.pdf", "Концепция развития школы", DT_CONCEPT },
		{ "/koncepciya.pdf", "", DT_CONCEPT },
		{ "/concept.pdf", "", DT_CONCEPT },
		{ "/a.pdf", "Дорожная карта", DT_ROADMAP },
		{ "/dorozhnaya-karta.pdf", "", DT_ROADMAP },
		{ "/roadmap.pdf", "", DT_ROADMAP },
		{ "/a.pdf", "Отчет о реализации", DT_REPORT },
		{ "/a.pdf", "Отчёт", DT_REPORT },
		{ "/otchet.pdf", "", DT_REPORT },
		{ "/report.pdf", "", DT_REPORT },
		{ "/a.pdf", "Приказ № 12", DT_ORDER },
		{ "/prikaz.pdf", "", DT_ORDER },
		{ "/a.pdf", "Протокол педсовета", DT_PROTOCOL },
		{ "/protokol.pdf", "", DT_PROTOCOL },
		{ "/%D0%94%D0%BE%D1%80%D0%BE%D0%B6%D0%BD%D0%B0%D1%8F.pdf", "", DT_ROADMAP },
		{ "/a.pdf", "Расписание звонков", DT__MAX },
		{ "/a.pdf", "Программа антирисковых мер (дорожная карта)", DT_ANTIRISK },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t t = scan_doc_type(&a, cases[i].href, cases[i].text);

		ok(t == cases[i].type, "«%s» %s is %s", cases[i].text, cases[i].href,
		   cases[i].type < DT__MAX ? doc_type_v[cases[i].type].code : "nothing");
	}
}

static void outcomes(void)
{
	ok(scan_outcome(CURLE_OK, 200, false) == MO_OK, "200 ok");
	ok(scan_outcome(CURLE_OK, 304, false) == MO_NOT_MODIFIED, "304 not modified");
	ok(scan_outcome(CURLE_OK, 404, false) == MO_HTTP, "404 an HTTP error");
	ok(scan_outcome(CURLE_OK, 500, false) == MO_HTTP, "500 an HTTP error");
	ok(scan_outcome(CURLE_OK, 302, false) == MO_REDIRECTS, "a redirect left unfollowed");
	ok(scan_outcome(CURLE_TOO_MANY_REDIRECTS, 302, false) == MO_REDIRECTS, "redirect loop");
	ok(scan_outcome(CURLE_OPERATION_TIMEDOUT, 200, false) == MO_TIMEOUT, "slow drip: timeout");
	ok(scan_outcome(CURLE_WRITE_ERROR, 200, true) == MO_TOO_BIG, "size cap");
	ok(scan_outcome(CURLE_FILESIZE_EXCEEDED, 200, false) == MO_TOO_BIG, "declared size over the cap");
	ok(scan_outcome(CURLE_PEER_FAILED_VERIFICATION, 0, false) == MO_TLS, "certificate");
	ok(scan_outcome(CURLE_SSL_CONNECT_ERROR, 0, false) == MO_TLS, "TLS handshake");
	ok(scan_outcome(CURLE_COULDNT_CONNECT, 0, false) == MO_CONNECT, "refused");
	ok(scan_outcome(CURLE_COULDNT_RESOLVE_HOST, 0, false) == MO_DNS, "no such host");
	ok(scan_outcome(CURLE_UNSUPPORTED_PROTOCOL, 0, false) == MO_BAD_URL, "ftp: refused");
	ok(scan_outcome(CURLE_RECV_ERROR, 0, false) == MO_OTHER, "anything else");
}

static void freshness(void)
{
	const int64_t now = 1800000000, day = 86400;

	ok(scan_fresh(now, now - 3 * day, 0) == FRESH_YES, "Last-Modified 3 days ago");
	ok(scan_fresh(now, now - 40 * day, 0) == FRESH_NO, "Last-Modified 40 days ago");
	ok(scan_fresh(now, now - 40 * day, now - day) == FRESH_YES, "old date but the content changed yesterday");
	ok(scan_fresh(now, 0, now - 31 * day) == FRESH_NO, "last change 31 days ago");
	ok(scan_fresh(now, 0, 0) == FRESH_UNKNOWN, "nothing known");
}

static void urls(void)
{
	ok(scan_url_ok("https://school5.ru/kachestvo/"), "https");
	ok(scan_url_ok("http://127.0.0.1:8080/static/demo-sites/good/"), "http with a port");
	ok(!scan_url_ok("ftp://school5.ru/"), "ftp refused");
	ok(!scan_url_ok("javascript:alert(1)"), "javascript refused");
	ok(!scan_url_ok("https://user:secret@school5.ru/"), "credentials refused");
	ok(!scan_url_ok("https://school5.ru/a b"), "a space refused");
	ok(!scan_url_ok("https://"), "no host refused");
	char long_url[600];

	memset(long_url, 'a', sizeof long_url - 1);
	memcpy(long_url, "https://x.ru/", 13);
	long_url[sizeof long_url - 1] = '\0';
	ok(!scan_url_ok(long_url), "longer than 500 refused");
	const char *r = scan_resolve(&a, "https://x.ru/kach/index.html", "../docs/a.pdf#p1");

	ok(r && strcmp(r, "https://x.ru/docs/a.pdf") == 0, "relative link resolved (%s)", r ? r : "NULL");
	ok(!scan_resolve(&a, "https://x.ru/", "mailto:a@x.ru"), "mailto: is not a link to check");
	ok(!scan_resolve(&a, "https://x.ru/", "javascript:void(0)"), "javascript: is not a link to check");
}

int main(void)
{
	if (arena_init(&a, 1 << 20, 64 << 20) != 0)
		return 1;
	scanner();
	files();
	keywords();
	outcomes();
	freshness();
	urls();
	arena_free(&a);
	return ok_done();
}
