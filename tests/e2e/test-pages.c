/* test-pages.c: the public pages over real HTTP, checked against the demo data in db/seed/. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "e2e.h"
#include "tap.h"

/* One per roadmap item row in templates/roadmap.tpl. */
#define ITEM_ROW "<tr class=\"item\""
/* templates/layout.tpl marks the version for the visually impaired on <body>. */
#define VI_MARK "<body class=\"vi\""

static const struct {
	const char *slug, *name;
	int items;      /* rows in db/seed/<slug>/roadmap_items.tsv; 0: no roadmap */
} munis[] = {
	{ "ust-ilimsk",    "г. Усть-Илимск",                      60 },
	{ "dalnerechensk", "Дальнереченский муниципальный район", 47 },
	{ "yeniseysk",     "г. Енисейск",                         64 },
	{ "baley",         "МР «Балейский район»",                11 },
	{ "izhevsk",       "г. Ижевск",                           0 },
};

static int count(const char *hay, const char *needle)
{
	int n = 0;

	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

/* The script-governing CSP directive (script-src, else default-src) exists and allows no inline script. */
static int csp_ok(const char *csp)
{
	const char *d, *unsafe;
	size_t n;

	if (!csp)
		return 0;
	if (!(d = strstr(csp, "script-src")) && !(d = strstr(csp, "default-src")))
		return 0;
	n = strcspn(d, ";");
	unsafe = strstr(d, "'unsafe-inline'");
	return !unsafe || (size_t)(unsafe - d) >= n;
}

/* The headers every HTML response carries; prints them all when one is wrong. */
static void html_headers(const struct e2e_resp *r, const char *what)
{
	const char *type = e2e_header(r, "Content-Type");
	const char *csp = e2e_header(r, "Content-Security-Policy");
	const char *nosniff = e2e_header(r, "X-Content-Type-Options");
	const char *referrer = e2e_header(r, "Referrer-Policy");

	if (!ok(type && strcmp(type, "text/html; charset=utf-8") == 0 && csp_ok(csp) &&
		nosniff && strcmp(nosniff, "nosniff") == 0 && referrer && *referrer,
		"%s: text/html; charset=utf-8, CSP without inline script, nosniff, Referrer-Policy", what))
		printf("# headers:\n%s", r->headers);
}

/* GET path: 200, the HTML headers, and a body containing every string in `want`. */
static void page(struct e2e *e, const char *path, const char *const *want, struct e2e_resp *r)
{
	int status = e2e_get(e, path, r);

	ok(status == 200, "GET %s: 200 (got %d)", path, status);
	html_headers(r, path);
	for (; want && *want; want++)
		ok(strstr(r->body, *want) != NULL, "GET %s shows «%s»", path, *want);
}

static void home(struct e2e *e)
{
	struct e2e_resp r;
	char href[64];

	page(e, "/", NULL, &r);
	for (size_t i = 0; i < sizeof munis / sizeof munis[0]; i++) {
		snprintf(href, sizeof href, "href=\"/%s/\"", munis[i].slug);
		ok(strstr(r.body, href) && strstr(r.body, munis[i].name),
		   "home page links %s (%s)", munis[i].name, href);
	}
	e2e_resp_free(&r);
}

static void municipalities(struct e2e *e)
{
	static const char *const ust_ilimsk[] = {
		"доля исполненных и подтвержденных мероприятий дорожной карты",
		"Управление образования города Усть-Илимска",
		NULL
	};
	struct e2e_resp r;
	char path[64];

	page(e, "/ust-ilimsk/", ust_ilimsk, &r);
	ok(strstr(r.body, "href=\"/ust-ilimsk/schools/sosh-1/\"") != NULL, "municipal page links school sosh-1");
	ok(strstr(r.body, "href=\"/ust-ilimsk/roadmap/\"") != NULL, "municipal page links its roadmap");
	e2e_resp_free(&r);
	for (size_t i = 1; i < sizeof munis / sizeof munis[0]; i++) {
		const char *want[] = { munis[i].name, NULL };

		snprintf(path, sizeof path, "/%s/", munis[i].slug);
		page(e, path, want, &r);
		e2e_resp_free(&r);
	}
}

/* The slice of s from the first `from` to the next `to` (inclusive), malloc'd; NULL if absent. */
static char *slice(const char *s, const char *from, const char *to)
{
	const char *a = strstr(s, from), *b = a ? strstr(a, to) : NULL;

	return b ? strndup(a, (size_t)(b - a) + strlen(to)) : NULL;
}

static void school(struct e2e *e)
{
	static const char *const want[] = {
		"Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»",
		"Повышение качества",
		NULL
	};
	/* db/seed/ust-ilimsk/results.tsv: ОГЭ, русский язык, 2019, pass and quality; the seed gives no N */
	static const char *const rows[] = {
		"<th scope=\"row\">СОШ № 1</th><td class=\"num\">98<sup class=\"mark\"><abbr title=\"N не указано\">*</abbr></sup></td>"
		"<td class=\"num\">28,6<sup class=\"mark\"><abbr title=\"N не указано\">*</abbr></sup></td>",
		"<th scope=\"row\">Город</th><td class=\"num\">98,1</td><td class=\"num\">54,3</td>",
		"<th scope=\"row\">Область</th><td class=\"num\">94,1</td><td class=\"num\">50,1</td>",
	};
	struct e2e_resp r;
	char *table;

	page(e, "/ust-ilimsk/schools/sosh-1/", want, &r);
	table = slice(r.body, ">ОГЭ: Русский язык</caption>", "</table>");
	ok(table != NULL, "school page has the table «ОГЭ: Русский язык»");
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		ok(table && strstr(table, rows[i]), "ОГЭ русский язык 2019: %s", rows[i]);
	free(table);
	e2e_resp_free(&r);
	ok(e2e_get(e, "/ust-ilimsk/schools/no-such-school/", &r) == 404, "unknown school: 404");
	e2e_resp_free(&r);
	ok(e2e_get(e, "/dalnerechensk/schools/sosh-1/", &r) == 404,
	   "a school under another municipality's slug: 404");
	e2e_resp_free(&r);
}

static void roadmaps(struct e2e *e)
{
	static const char *const tasks[] = {
		"Организационные мероприятия, направленные на адресное сопровождение школ-участниц проекта",
		"Научно-методическое сопровождение",
		"Организационно-информационное сопровождение",
		"Информационно-аналитическое сопровождение",
		NULL
	};
	static const char *const none[] = { "planned", "in_progress", "done", "confirmed" };
	struct e2e_resp r;
	char path[64];

	for (size_t i = 0; i < sizeof munis / sizeof munis[0]; i++) {
		if (!munis[i].items)
			continue;
		snprintf(path, sizeof path, "/%s/roadmap/", munis[i].slug);
		page(e, path, i == 0 ? tasks : NULL, &r);
		ok(count(r.body, ITEM_ROW) == munis[i].items, "%s: %d items (got %d)", path,
		   munis[i].items, count(r.body, ITEM_ROW));
		e2e_resp_free(&r);
	}
	ok(e2e_get(e, "/izhevsk/roadmap/", &r) == 404, "/izhevsk/roadmap/: 404, the demo data has none");
	e2e_resp_free(&r);

	/* the 2022 roadmap's dates have passed and no work is recorded in the demo:
	 * every dated item is overdue; items 44-46 have no deadline at all */
	e2e_get(e, "/ust-ilimsk/roadmap/?status=overdue", &r);
	ok(r.status == 200 && count(r.body, ITEM_ROW) == 57, "?status=overdue: 57 items (got %d)",
	   count(r.body, ITEM_ROW));
	e2e_resp_free(&r);
	e2e_get(e, "/ust-ilimsk/roadmap/?status=unscheduled", &r);
	ok(r.status == 200 && count(r.body, ITEM_ROW) == 3, "?status=unscheduled: items 44-46 (got %d)",
	   count(r.body, ITEM_ROW));
	e2e_resp_free(&r);
	e2e_get(e, "/ust-ilimsk/roadmap/?month=2022-03", &r);
	ok(r.status == 200 && count(r.body, ITEM_ROW) == 11, "?month=2022-03: 11 items due in March 2022 (got %d)",
	   count(r.body, ITEM_ROW));
	e2e_resp_free(&r);
	e2e_get(e, "/ust-ilimsk/roadmap/?task=4", &r);
	ok(r.status == 200 && count(r.body, ITEM_ROW) == 6, "?task=4: the 6 items of the last section (got %d)",
	   count(r.body, ITEM_ROW));
	e2e_resp_free(&r);
	ok(e2e_get(e, "/ust-ilimsk/roadmap/?month=2022-13", &r) == 400, "?month=2022-13: 400");
	e2e_resp_free(&r);
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
		snprintf(path, sizeof path, "/ust-ilimsk/roadmap/?status=%s", none[i]);
		e2e_get(e, path, &r);
		ok(r.status == 200 && count(r.body, ITEM_ROW) == 0, "?status=%s: no items (got %d)", none[i],
		   count(r.body, ITEM_ROW));
		e2e_resp_free(&r);
	}

	/* «МКУ «ЦРО»» is one of the parties in 3 «Исполнители» cells of db/seed/ust-ilimsk/roadmap_items.tsv */
	e2e_get(e, "/ust-ilimsk/roadmap/?responsible=%D0%9C%D0%9A%D0%A3%20%C2%AB%D0%A6%D0%A0%D0%9E%C2%BB", &r);
	ok(r.status == 200 && count(r.body, ITEM_ROW) == 3, "?responsible=МКУ «ЦРО»: 3 items (got %d)",
	   count(r.body, ITEM_ROW));
	e2e_resp_free(&r);
	e2e_get(e, "/ust-ilimsk/roadmap/?status=overdue&responsible=%D0%9C%D0%9A%D0%A3+%C2%AB%D0%A6%D0%A0%D0%9E%C2%BB", &r);
	ok(r.status == 200 && count(r.body, ITEM_ROW) == 3, "?status=overdue&responsible=МКУ+«ЦРО»: 3 items (got %d)",
	   count(r.body, ITEM_ROW));
	e2e_resp_free(&r);
	e2e_get(e, "/ust-ilimsk/roadmap/?responsible=nobody", &r);
	ok(r.status == 200 && count(r.body, ITEM_ROW) == 0, "?responsible=nobody: no items (got %d)",
	   count(r.body, ITEM_ROW));
	e2e_resp_free(&r);
}

static void misc(struct e2e *e)
{
	static const char *const missing[] = { "/no-such-town/", "/ust-ilimsk/nothing/here/" };
	static const char *const get_only[] = { "/", "/ust-ilimsk/", "/ust-ilimsk/roadmap/", "/healthz" };
	struct e2e_resp r;
	const char *v, *loc;

	e2e_get(e, "/healthz", &r);
	v = e2e_header(&r, "Content-Type");
	ok(r.status == 200 && v && strncmp(v, "text/plain", 10) == 0 && strncmp(r.body, "ok", 2) == 0 &&
	   strspn(r.body + 2, "\r\n") == r.len - 2, "GET /healthz: 200 text/plain \"ok\"");
	e2e_resp_free(&r);

	e2e_get(e, "/vi/on?back=/ust-ilimsk/", &r);
	v = e2e_header(&r, "Set-Cookie");
	loc = e2e_header(&r, "Location");
	ok(r.status == 303 && loc && strcmp(loc, "/ust-ilimsk/") == 0, "GET /vi/on: 303 back to /ust-ilimsk/");
	ok(v && strncmp(v, "vi=1", 4) == 0 && (v[4] == ';' || v[4] == '\0'), "GET /vi/on sets vi=1");
	e2e_resp_free(&r);

	e2e_request(e, "GET", "/vi/off?back=/ust-ilimsk/", "vi=1", &r);
	v = e2e_header(&r, "Set-Cookie");
	loc = e2e_header(&r, "Location");
	ok(r.status == 303 && loc && strcmp(loc, "/ust-ilimsk/") == 0, "GET /vi/off: 303 back to /ust-ilimsk/");
	ok(v && strncmp(v, "vi=", 3) == 0 && (strstr(v, "Max-Age=0") || strstr(v, "Expires=Thu, 01 Jan 1970")),
	   "GET /vi/off expires the vi cookie");
	e2e_resp_free(&r);

	e2e_request(e, "GET", "/ust-ilimsk/", "vi=1", &r);
	ok(r.status == 200 && strstr(r.body, VI_MARK), "Cookie vi=1: the version for the visually impaired");
	e2e_resp_free(&r);
	e2e_get(e, "/ust-ilimsk/", &r);
	ok(r.status == 200 && !strstr(r.body, VI_MARK), "no cookie: the ordinary version");
	e2e_resp_free(&r);

	e2e_get(e, "/ust-ilimsk", &r);
	loc = e2e_header(&r, "Location");
	ok(r.status == 301 && loc && strcmp(loc, "/ust-ilimsk/") == 0, "GET /ust-ilimsk: 301 to /ust-ilimsk/");
	e2e_resp_free(&r);
	e2e_get(e, "/ust-ilimsk/roadmap", &r);
	loc = e2e_header(&r, "Location");
	ok(r.status == 301 && loc && strcmp(loc, "/ust-ilimsk/roadmap/") == 0,
	   "GET /ust-ilimsk/roadmap: 301 to /ust-ilimsk/roadmap/");
	e2e_resp_free(&r);

	for (size_t i = 0; i < sizeof missing / sizeof missing[0]; i++) {
		e2e_get(e, missing[i], &r);
		ok(r.status == 404 && strstr(r.body, "Страница не найдена"), "GET %s: 404 «Страница не найдена»",
		   missing[i]);
		html_headers(&r, missing[i]);
		e2e_resp_free(&r);
	}
	for (size_t i = 0; i < sizeof get_only / sizeof get_only[0]; i++) {
		e2e_request(e, "POST", get_only[i], NULL, &r);
		ok(r.status == 405, "POST %s: 405 (got %d)", get_only[i], r.status);
		e2e_resp_free(&r);
	}
	e2e_request(e, "HEAD", "/ust-ilimsk/", NULL, &r);
	ok(r.status == 200 && r.len == 0, "HEAD /ust-ilimsk/: 200, no body");
	e2e_resp_free(&r);
}

int main(void)
{
	struct e2e *e = e2e_start();

	if (!ok(e != NULL, "portal starts and answers /healthz"))
		return ok_done();
	home(e);
	municipalities(e);
	school(e);
	roadmaps(e);
	misc(e);
	e2e_stop(e);
	return ok_done();
}
