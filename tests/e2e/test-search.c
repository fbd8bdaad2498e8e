/*
 * test-search.c: /search over real HTTP: a school by «СОШ № 7», a document by an inflected word
 * (written by another program, indexed at the app's next commit), a roadmap item; a draft of
 * school A seen by A's administrator only; hostile queries; pagination; escaped highlights;
 * the search box on every page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "e2e.h"
#include "tap.h"

#define DRAFT "Черновик плана наставничества Зюзликова"
#define PUBLISHED "Программа антирисковых мер <b>на</b> 2025 год"
#define PDF "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"

static int has(const struct e2e_resp *r, const char *s)
{
	return r->body && strstr(r->body, s) != NULL;
}

/* GET /search?<query> as browser b (NULL: anonymous); the status; r keeps the page. */
static int search(struct e2e *e, struct e2e_browser *b, const char *query, struct e2e_resp *r)
{
	char path[20000];

	snprintf(path, sizeof path, "/search?%s", query);
	return b ? e2e_b_get(b, path, r) : e2e_get(e, path, r);
}

static void check(struct e2e *e, struct e2e_browser *b, const char *query, const char *want, int present,
		  const char *what)
{
	struct e2e_resp r = { 0 };

	ok(search(e, b, query, &r) == 200 && (has(&r, want) != 0) == present, "%s", what);
	e2e_resp_free(&r);
}

static struct e2e_browser *login(struct e2e *e, const char *user)
{
	struct e2e_browser *b = e2e_browser_new(e);

	ok(e2e_login(b, user, e2e_password(e, user), NULL) == 303, "%s signs in", user);
	return b;
}

int main(void)
{
	struct e2e *e = e2e_start();
	struct e2e_browser *a, *other;
	struct e2e_resp r = { 0 };
	char *q;

	if (!e)
		return 1;
	check(e, NULL, "q=%D0%A1%D0%9E%D0%A8+%E2%84%96+7", "href=\"/ust-ilimsk/schools/sosh-7/\"", 1,
	      "«СОШ № 7» finds the school");
	check(e, NULL, "q=%D0%A1%D0%9E%D0%A8+%E2%84%96+7&kind=school", "/ust-ilimsk/schools/sosh-17/", 0,
	      "… and not СОШ № 17");
	check(e, NULL, "q=%D0%B0%D0%BD%D0%BA%D0%B5%D1%82%D0%B0+%D0%BA%D1%83%D1%80%D0%B0%D1%82%D0%BE%D1%80%D1%8B",
	      "/baley/roadmap/items/7/", 1, "«анкета кураторы» finds the roadmap item «Анкетирование кандидатов в кураторы»");
	check(e, NULL, "q=%D0%B0%D0%BD%D0%BA%D0%B5%D1%82%D0%B0&muni=ust-ilimsk", "/baley/roadmap/items/7/", 0,
	      "the municipality filter leaves out other municipalities");

	/* Another program writes a published document: queued by the trigger, indexed at the next commit. */
	ok(e2e_exec(e, "INSERT INTO document (school_id, type, title, status, published_at)"
		       " SELECT id, 'antirisk', %Q, 'published', unixepoch() FROM school WHERE slug = 'sosh-5'", PUBLISHED),
	   "a published document written past the app");
	a = login(e, "school-sosh-5");
	other = login(e, "school-sosh-7");
	{
		struct e2e_part parts[] = {
			{ .name = "_csrf", .value = e2e_csrf(a) },
			{ .name = "series", .value = "" },
			{ .name = "type", .value = "other" },
			{ .name = "title", .value = DRAFT },
			{ .name = "file", .filename = "plan.pdf", .data = PDF, .size = sizeof PDF - 1 },
		};
		ok(e2e_b_upload(a, "/ust-ilimsk/schools/sosh-5/docs/", parts, 5, NULL, &r) == 303, "school A uploads a draft");
		e2e_resp_free(&r);
	}
	ok(e2e_count(e, "SELECT count(*) FROM search_dirty") == 0, "the upload's commit emptied the index queue");
	/* «программы антирисковых мер» */
	q = "q=%D0%BF%D1%80%D0%BE%D0%B3%D1%80%D0%B0%D0%BC%D0%BC%D1%8B+%D0%B0%D0%BD%D1%82%D0%B8%D1%80%D0%B8%D1%81%D0%BA%D0%BE%D0%B2%D1%8B%D1%85+%D0%BC%D0%B5%D1%80&kind=document";
	ok(search(e, NULL, q, &r) == 200 && has(&r, "<mark>Программа</mark> <mark>антирисковых</mark> <mark>мер</mark> &lt;b&gt;на&lt;/b&gt;"),
	   "«программы антирисковых мер» finds the document, highlighted and escaped");
	ok(!has(&r, "<b>на</b>"), "no markup of the title reaches the page");
	e2e_resp_free(&r);
	q = "q=%D0%BD%D0%B0%D1%81%D1%82%D0%B0%D0%B2%D0%BD%D0%B8%D1%87%D0%B5%D1%81%D1%82%D0%B2%D0%BE";   /* «наставничество»: the draft has «наставничества» */
	check(e, a, q, "Зюзликова", 1, "school A's administrator finds A's draft");
	check(e, other, q, "Зюзликова", 0, "school B's administrator does not");
	check(e, NULL, q, "Зюзликова", 0, "the public does not");
	ok(search(e, NULL, "q=%D0%97%D1%8E%D0%B7%D0%BB%D0%B8%D0%BA%D0%BE%D0%B2%D0%B0", &r) == 200 && has(&r, "Ничего не найдено"),
	   "the public searching the draft's own word sees «Ничего не найдено»");
	e2e_resp_free(&r);

	/* Hostile queries: a normal page, never 5xx. */
	static const char *const hostile[] = {
		"q=NEAR(%22a%22+b", "q=%22", "q=*", "q=a:b", "q=AND+OR+NOT", "q=%5Eschool", "q=", "q=%E2%84%96",
		"q=-a+%2Bb+(c)+%7Bd%7D", "q=%22%22%22+NEAR(x+y,+2)+col:*", "kind=item&q=%28%29",
	};
	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		ok(search(e, NULL, hostile[i], &r) == 200 && has(&r, "<h1>Поиск</h1>"), "hostile %s: 200", hostile[i]);
		e2e_resp_free(&r);
	}
	{
		static char big[10240 + 3];

		memcpy(big, "q=", 2);
		for (size_t i = 2; i < sizeof big - 1; i++)
			big[i] = "ab+%22*"[i % 7];
		big[sizeof big - 1] = '\0';
		ok(search(e, NULL, big, &r) == 200, "a 10 kB query: 200");
		e2e_resp_free(&r);
	}
	ok(search(e, NULL, "q=%FF%FE", &r) == 400, "invalid UTF-8: the dispatcher's 400");
	e2e_resp_free(&r);
	ok(search(e, NULL, "q=a&kind=pages", &r) == 400 && search(e, NULL, "q=a&muni=nowhere", &r) == 400 &&
	   search(e, NULL, "q=a&page=0", &r) == 400, "unknown kind, municipality, page: 400");
	e2e_resp_free(&r);

	/* Pagination: «мероприятие» … many items */
	q = "q=%D0%BE%D0%B1%D1%83%D1%87%D0%B0%D1%8E%D1%89%D0%B8%D1%85%D1%81%D1%8F&kind=item";
	ok(search(e, NULL, q, &r) == 200 && has(&r, "Страница 1 из ") && has(&r, "rel=\"next\"") &&
	   !has(&r, "rel=\"prev\""), "many items: page 1 with a next link");
	e2e_resp_free(&r);
	{
		char q2[512];

		snprintf(q2, sizeof q2, "%s&page=2", q);
		ok(search(e, NULL, q2, &r) == 200 && has(&r, "Страница 2 из ") && has(&r, "rel=\"prev\""),
		   "page 2 links back");
		e2e_resp_free(&r);
	}

	static const char *const pages[] = { "/", "/ust-ilimsk/", "/ust-ilimsk/schools/sosh-7/", "/login",
					     "/ust-ilimsk/roadmap/" };
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		ok(e2e_get(e, pages[i], &r) == 200 && has(&r, "action=\"/search\"") && has(&r, "for=\"site-q\""),
		   "the search box on %s", pages[i]);
		e2e_resp_free(&r);
	}
	/* 2,100 more schools named alike: the counts stop at the cap, the newest come first */
	ok(e2e_exec(e, "INSERT INTO school (municipality_id, slug, short_name, label, source)"
		       " SELECT m.id, 'tst-' || k, 'Тестовая школа ' || k, 'Т' || k, 'test' FROM municipality m,"
		       " (WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 2100) SELECT k FROM n)"
		       " WHERE m.slug = 'ust-ilimsk'"), "2,100 schools «Тестовая школа N» written by another program");
	e2e_browser_free(login(e, "coord-ust-ilimsk"));   /* the app's next commit indexes them */
	ok(search(e, NULL, "q=%D1%82%D0%B5%D1%81%D1%82%D0%BE%D0%B2%D1%8B%D1%85", &r) == 200 &&
	   has(&r, "Найдено больше 2000") && has(&r, "/ust-ilimsk/schools/tst-2100/") &&
	   !has(&r, "/ust-ilimsk/schools/tst-1/"),
	   "«тестовых» matches 2,100: «Найдено больше 2000», the newest shown first");
	e2e_resp_free(&r);
	e2e_browser_free(a);
	e2e_browser_free(other);
	e2e_stop(e);
	return ok_done();
}
