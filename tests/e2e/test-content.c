/*
 * test-content.c: a section's text pages and news over HTTP: hostile Markdown is
 * rendered safely, headings, lists and links work, the preview stores nothing,
 * every save is a version with a diff, the coordinator rolls back (audited), a post
 * is unpublished, scope and role are enforced, hostile input is a 4xx, the school
 * page shows the texts and «Обновлено», the freshness list and its downloads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "e2e.h"
#include "tap.h"

#define SCHOOL "/ust-ilimsk/schools/sosh-5/"
#define OTHER "/ust-ilimsk/schools/sosh-7/"
#define TEXTS "SELECT count(*) FROM section_text"
#define VERSIONS "SELECT count(*) FROM section_version"

/* /search?q=портала */
#define SEARCH_PORTALA "/search?q=%D0%BF%D0%BE%D1%80%D1%82%D0%B0%D0%BB%D0%B0"

static const char hostile[] =
	"# Заголовок\n\n- один\n- два\n\n[портал](https://example.test/)\n\n"
	"<script>alert(1)</script>\n\n[x](javascript:alert(1))\n\n<img src=x onerror=alert(1)>\n";

static int post(struct e2e_browser *b, const char *path, const char *const *pairs, char **body)
{
	struct e2e_resp r;
	int status = e2e_b_post_pairs(b, path, pairs, &r);

	if (body) {
		*body = r.body;
		r.body = NULL;
	}
	e2e_resp_free(&r);
	return status;
}

static int safe(const char *html)
{
	return html && !strstr(html, "<script>alert") && !strstr(html, "href=\"javascript") &&
	       !strstr(html, "<img src=x") && !strstr(html, "onerror=alert");
}

int main(void)
{
	struct e2e *e = e2e_start();
	char *body, path[160];
	int status;

	if (!e)
		return ok(0, "stack starts"), ok_done();
	struct e2e_browser *school = e2e_browser_new(e), *coord = e2e_browser_new(e),
			   *other = e2e_browser_new(e), *anon = e2e_browser_new(e);

	ok(e2e_login(school, "school-sosh-5", e2e_password(e, "school-sosh-5"), NULL) == 303 &&
	   e2e_login(coord, "coord-ust-ilimsk", e2e_password(e, "coord-ust-ilimsk"), NULL) == 303 &&
	   e2e_login(other, "school-sosh-7", e2e_password(e, "school-sosh-7"), NULL) == 303, "logins");

	/* preview: rendered, nothing stored */
	const char *preview[] = { "title", "Новость <b>1</b>", "news_on", "2026-11-20", "body", hostile,
				  "action", "preview", NULL };
	ok(post(school, SCHOOL "content/news", preview, &body) == 200, "preview answers 200");
	ok(body && strstr(body, "Предпросмотр") && strstr(body, "<h3>Заголовок</h3>") &&
	   strstr(body, "<li>один</li>") && strstr(body, "<a href=\"https://example.test/\">портал</a>"),
	   "preview renders headings, lists and links");
	ok(safe(body ? strstr(body, "Предпросмотр (") : NULL), "preview is safe");
	ok(body && strstr(body, "&lt;script&gt;alert(1)&lt;/script&gt;"), "the typed text is kept, escaped, in the form");
	free(body);
	ok(e2e_count(e, TEXTS) == 0 && e2e_count(e, VERSIONS) == 0, "preview stores nothing");

	/* save a post */
	const char *save[] = { "title", "Новость <b>1</b>", "news_on", "2026-11-20", "body", hostile,
			       "action", "save", NULL };
	ok(post(school, SCHOOL "content/news", save, NULL) == 303, "save: 303");
	long long id = e2e_count(e, "SELECT id FROM section_text WHERE part = 'news'");
	ok(id > 0 && e2e_count(e, VERSIONS) == 1, "one text, one version");
	ok(e2e_count(e, "SELECT count(*) FROM audit WHERE action = 'content_edit' AND user_id IS NOT NULL"
			" AND school_id IS NOT NULL") == 1, "audited");
	snprintf(path, sizeof path, SCHOOL "news/%lld/", id);
	body = e2e_body(e, NULL, path, &status);
	ok(status == 200 && body && strstr(body, "Новость &lt;b&gt;1&lt;/b&gt;") && strstr(body, "<h2>Заголовок</h2>"),
	   "the public post, title escaped, # under its h1");
	ok(safe(body), "the public post has no script, no javascript: href, no raw tag");
	free(body);
	body = e2e_body(e, NULL, SCHOOL, &status);
	ok(status == 200 && body && strstr(body, "Новость &lt;b&gt;1&lt;/b&gt;") && strstr(body, SCHOOL "news/"),
	   "the school page shows the latest news with a link to all");
	ok(safe(body), "the school page is safe");
	free(body);
	body = e2e_body(e, NULL, SCHOOL "news/", &status);
	ok(status == 200 && body && strstr(body, "Новость &lt;b&gt;1&lt;/b&gt;") && safe(body), "all news");
	free(body);
	char entry[96];

	snprintf(entry, sizeof entry, SCHOOL "news/%lld/", id);
	body = e2e_body(e, NULL, SCHOOL "feed.atom", &status);
	ok(status == 200 && body && strstr(body, "<title>Новость: Новость &lt;b&gt;1&lt;/b&gt;</title>") && strstr(body, entry),
	   "the school's Atom feed carries the post");
	free(body);
	body = e2e_body(e, NULL, "/ust-ilimsk/feed.atom", &status);
	ok(status == 200 && body && strstr(body, entry), "and so does the municipality's");
	free(body);
	body = e2e_body(e, NULL, SEARCH_PORTALA, &status);
	ok(status == 200 && body && strstr(body, entry), "search finds the post by an inflected word («портала»)");
	free(body);

	/* a page, edited twice: versions and diff */
	const char *about1[] = { "body", "Строка один\nСтрока два\n", "action", "save", NULL };
	const char *about2[] = { "body", "Строка один\nСтрока <два>\nСтрока три\n", "action", "save", NULL };
	ok(post(school, SCHOOL "content/about", about1, NULL) == 303 &&
	   post(school, SCHOOL "content/about", about2, NULL) == 303, "«О программе» saved twice");
	long long about = e2e_count(e, "SELECT id FROM section_text WHERE part = 'about'");
	ok(e2e_count(e, "SELECT count(*) FROM section_version WHERE text_id = %lld", about) == 2, "two versions");
	snprintf(path, sizeof path, SCHOOL "content/%lld/versions/", about);
	body = e2e_body(e, school, path, &status);
	ok(status == 200 && body && strstr(body, "diff-del\">− Строка два") &&
	   strstr(body, "diff-add\">+ Строка &lt;два&gt;") && strstr(body, "diff-add\">+ Строка три"),
	   "the history shows the diff, escaped");
	ok(body && !strstr(body, "Вернуть эту версию"), "a school administrator cannot roll back");
	free(body);
	body = e2e_body(e, NULL, SCHOOL, NULL);
	ok(body && strstr(body, "О программе") && strstr(body, "Строка &lt;два&gt;"), "the page on the school page");
	char today[48];
	time_t now = time(NULL);
	strftime(today, sizeof today, "Обновлено: <time>%d.%m.%Y</time>", gmtime(&now));
	ok(body && strstr(body, today), "«Обновлено» is the date of the latest text change");
	free(body);

	/* rollback */
	long long first = e2e_count(e, "SELECT min(id) FROM section_version WHERE text_id = %lld", about);
	char ver[24], rb[160];
	snprintf(ver, sizeof ver, "%lld", first);
	snprintf(rb, sizeof rb, SCHOOL "content/%lld/rollback", about);
	const char *rollback[] = { "version", ver, NULL };
	ok(post(school, rb, rollback, NULL) == 403, "a school administrator's rollback: 403");
	body = e2e_body(e, coord, path, &status);
	ok(status == 200 && body && strstr(body, "Вернуть эту версию"), "the coordinator sees the rollback button");
	free(body);
	ok(post(coord, rb, rollback, NULL) == 303, "the coordinator rolls back");
	ok(e2e_count(e, "SELECT count(*) FROM section_text WHERE id = %lld AND body = 'Строка один' || char(10) ||"
			" 'Строка два'", about) == 1,
	   "the text is the old one again");
	ok(e2e_count(e, "SELECT count(*) FROM section_version WHERE text_id = %lld AND restored_from = %lld",
		     about, first) == 1, "as a new version");
	ok(e2e_count(e, "SELECT count(*) FROM audit WHERE action = 'content_rollback'") == 1, "rollback audited");

	/* unpublish */
	snprintf(path, sizeof path, SCHOOL "content/%lld/visibility", id);
	const char *hide[] = { "hidden", "1", NULL };
	ok(post(school, path, hide, NULL) == 303, "the author unpublishes the post");
	snprintf(path, sizeof path, SCHOOL "news/%lld/", id);
	body = e2e_body(e, NULL, path, &status);
	free(body);
	ok(status == 404, "an unpublished post is gone for the public");
	body = e2e_body(e, NULL, SCHOOL "feed.atom", &status);
	ok(status == 200 && body && !strstr(body, entry), "and from the feed");
	free(body);
	body = e2e_body(e, NULL, SEARCH_PORTALA, &status);
	ok(status == 200 && body && !strstr(body, entry), "and from the public's search");
	free(body);
	body = e2e_body(e, school, SEARCH_PORTALA, &status);
	ok(status == 200 && body && strstr(body, entry), "the school still finds it");
	free(body);
	ok(e2e_count(e, "SELECT count(*) FROM audit WHERE action = 'news_hide'") == 1, "audited");

	/* scope and roles */
	const char *x[] = { "body", "чужое", "action", "save", NULL };
	ok(post(other, SCHOOL "content/about", x, NULL) == 403, "another school's administrator: 403");
	ok(post(school, "/ust-ilimsk/content/about", x, NULL) == 403, "a school administrator on the municipality: 403");
	ok(e2e_b_get(other, SCHOOL "content/", &(struct e2e_resp){ 0 }) == 403, "nor may they open the editor");
	ok(post(anon, SCHOOL "content/about", x, NULL) == 403, "anonymous POST: 403");
	ok(post(coord, "/ust-ilimsk/content/about", x, NULL) == 303, "the coordinator edits the municipality's page");
	body = e2e_body(e, NULL, "/ust-ilimsk/", &status);
	ok(status == 200 && body && strstr(body, "чужое"), "shown on the municipal page");
	free(body);
	ok(post(coord, OTHER "content/contacts", x, NULL) == 303, "the coordinator edits a school's contacts");

	/* hostile input */
	size_t big = 70 << 10;
	char *huge = malloc(big + 1);
	memset(huge, 'a', big);
	huge[big] = '\0';
	const char *h1[] = { "body", huge, "action", "save", NULL };
	status = post(school, SCHOOL "content/about", h1, &body);
	ok(status == 413, "a huge text: 413 (%d)", status);
	free(body);
	huge[20001] = '\0';
	status = post(school, SCHOOL "content/about", h1, &body);
	ok(status == 422 && body && strstr(body, "Слишком длинное"), "over 20 000 characters: 422 with the message");
	free(body);
	free(huge);
	char form[160];
	snprintf(form, sizeof form, "_csrf=%s&body=%%ff%%fe&action=save", e2e_csrf(school));
	ok(e2e_b_post(school, SCHOOL "content/about", form, NULL, &(struct e2e_resp){ 0 }) == 400, "invalid UTF-8: 400");
	const char *bad_date[] = { "title", "t", "news_on", "2026-13-45", "body", "", "action", "save", NULL };
	ok(post(school, SCHOOL "content/news", bad_date, NULL) == 422, "a bad date: 422");
	ok(e2e_b_get(school, SCHOOL "content/99999", &(struct e2e_resp){ 0 }) == 404, "an unknown text: 404");
	const char *bad_doc[] = { "title", "t", "news_on", "2026-11-20", "doc", "99999", "action", "save", NULL };
	ok(post(school, SCHOOL "content/news", bad_doc, NULL) == 422, "an unknown document: 422");

	/* freshness: one school's section made old, as if untouched since 2020 */
	ok(e2e_exec(e, "UPDATE school SET updated_at = 1577836800 WHERE slug = 'sosh-17';"
		       " UPDATE document SET updated_at = 1577836800 WHERE school_id ="
		       "  (SELECT id FROM school WHERE slug = 'sosh-17');"
		       " UPDATE roadmap_item SET updated_at = 1577836800 WHERE roadmap_id IN"
		       "  (SELECT r.id FROM roadmap r JOIN school s ON s.id = r.school_id WHERE s.slug = 'sosh-17');"),
	   "sosh-17 made stale");
	body = e2e_body(e, NULL, "/ust-ilimsk/schools/sosh-17/", &status);
	ok(status == 200 && body && strstr(body, "Обновлено: <time>01.01.2020</time>"), "its page says when it last changed");
	free(body);
	body = e2e_body(e, coord, "/ust-ilimsk/freshness/", &status);
	char *row = body ? strstr(body, "<tbody>") : NULL;
	ok(status == 200 && row && strstr(row, "sosh-17/") &&
	   strstr(row, "sosh-17/") < strstr(row, "</tr>") && strstr(row, "01.01.2020") &&
	   strstr(row, "больше месяца") && strstr(row, "больше месяца") < strstr(row, "</tr>"),
	   "the freshness list: the stale school first, marked");
	ok(row && strstr(row, "<td>мониторинга ещё не было</td>"), "beside it the site column: no monitoring round yet");
	free(body);
	body = e2e_body(e, coord, "/ust-ilimsk/freshness/export.csv", &status);
	ok(status == 200 && body && strstr(body, "Дней без обновления"), "its CSV");
	free(body);
	ok(e2e_b_get(school, "/ust-ilimsk/freshness/", &(struct e2e_resp){ 0 }) == 403, "not for a school");

	e2e_browser_free(school);
	e2e_browser_free(coord);
	e2e_browser_free(other);
	e2e_browser_free(anon);
	e2e_stop(e);
	return ok_done();
}
