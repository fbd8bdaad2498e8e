/*
 * test-dashboard.c: the coordinator's dashboard over HTTP: the Усть-Илимск page
 * and the region's roll-up against their golden HTML, every view's CSV equal to
 * the table the page shows (with filters), XLSX downloads, the filters, the
 * small-group rule and a change showing on the next load, who may see it, and
 * hostile parameters. GOLDEN_UPDATE=1 rewrites the golden files.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "e2e.h"
#include "tap.h"

#define GOLDEN_DIR "tests/e2e/golden/"

/* A note in the TAP output, every line starting with "# ". */
__attribute__((format(printf, 1, 2))) static void diag(const char *fmt, ...)
{
	char text[8192];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	fputs("# ", stdout);
	for (const char *p = text; *p; p++)
		fputs(*p == '\n' ? "\n# " : (char[]){ *p, 0 }, stdout);
	putchar('\n');
}

static const char *const views[] = {
	"summary", "matrix", "risks", "results", "trend", "progress", "tasks", "overdue",
};

/* Appends n bytes to a growing string. */
static void append(char **s, size_t *len, const char *p, size_t n)
{
	*s = realloc(*s, *len + n + 1);
	memcpy(*s + *len, p, n);
	*len += n;
	(*s)[*len] = '\0';
}

/* The text of HTML `p`..`end` without tags, entities decoded, blanks folded. */
static void cell_text(char **out, size_t *len, const char *p, const char *end)
{
	static const struct { const char *ent, *ch; } ents[] = {
		{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&#39;", "'" },
	};
	int space = 0, any = 0;

	while (p < end) {
		if (*p == '<') {
			const char *close = strchr(p, '>');

			p = close && close < end ? close + 1 : end;
			continue;
		}
		if (*p == ' ' || *p == '\n') {
			space = any;
			p++;
			continue;
		}
		if (space)
			append(out, len, " ", 1);
		space = 0;
		any = 1;
		size_t e = 0;

		while (e < sizeof ents / sizeof ents[0] && strncmp(p, ents[e].ent, strlen(ents[e].ent)) != 0)
			e++;
		if (e < sizeof ents / sizeof ents[0]) {
			append(out, len, ents[e].ch, 1);
			p += strlen(ents[e].ent);
		} else
			append(out, len, p++, 1);
	}
}

/* The table of view `id` in a page as lines of cells joined by '|' (malloc'd, NULL if absent). */
static char *page_table(const char *html, const char *id)
{
	char marker[64], *out = NULL;
	size_t len = 0;
	const char *p, *end;

	snprintf(marker, sizeof marker, "<section class=\"dash-view\" id=\"%s\"", id);
	if (!(p = strstr(html, marker)) || !(p = strstr(p, "</caption>")) || !(end = strstr(p, "</table>")))
		return NULL;
	append(&out, &len, "", 0);
	while ((p = strstr(p, "<tr>")) && p < end) {
		const char *row_end = strstr(p, "</tr>");
		int first = 1;

		for (const char *c = p; (c = strstr(c, "<t")) && c < row_end;) {
			if (c[2] != 'h' && c[2] != 'd') {
				c += 2;
				continue;
			}
			const char *start = strchr(c, '>') + 1;
			const char *stop = strstr(start, c[2] == 'h' ? "</th>" : "</td>");

			if (!first)
				append(&out, &len, "|", 1);
			first = 0;
			cell_text(&out, &len, start, stop);
			c = stop;
		}
		append(&out, &len, "\n", 1);
		p = row_end;
	}
	return out;
}

/* A CSV body (BOM, ';', quotes, CRLF) as lines of cells joined by '|', malloc'd. */
static char *csv_table(const char *csv)
{
	char *out = NULL;
	size_t len = 0;
	const char *p = csv;

	append(&out, &len, "", 0);
	if (strncmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (*p) {
		if (*p == '"') {
			for (p++; *p && !(*p == '"' && p[1] != '"'); p++) {
				append(&out, &len, p, 1);
				if (*p == '"')
					p++;
			}
			if (*p)
				p++;
		} else if (*p == ';') {
			append(&out, &len, "|", 1);
			p++;
		} else if (*p == '\r' && p[1] == '\n') {
			append(&out, &len, "\n", 1);
			p += 2;
		} else
			append(&out, &len, p++, 1);
	}
	return out;
}

/* The page with the session's CSRF tokens and today's date made constant. */
static char *normalise(const char *html)
{
	char today[16], *s = strdup(html), *p;
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(today, sizeof today, "%d.%m.%Y", &tm);
	for (p = s; (p = strstr(p, "name=\"_csrf\" value=\"")); ) {
		p += strlen("name=\"_csrf\" value=\"");
		for (; *p && *p != '"'; p++)
			*p = 'x';
	}
	for (p = s; (p = strstr(p, today)); p += strlen(today))
		memcpy(p, "DD.MM.YYYY", 10);
	return s;
}

/* Compares a page with its golden file (or writes it with GOLDEN_UPDATE=1). */
static void golden(const char *name, const char *html)
{
	char path[256], *want = NULL, *got = normalise(html);
	size_t len = 0, n;
	char chunk[4096];
	FILE *f;

	snprintf(path, sizeof path, GOLDEN_DIR "%s", name);
	if (getenv("GOLDEN_UPDATE") && (f = fopen(path, "w"))) {
		fputs(got, f);
		fclose(f);
	}
	if ((f = fopen(path, "r"))) {
		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
			append(&want, &len, chunk, n);
		fclose(f);
	}
	if (!ok(want && strcmp(want, got) == 0, "%s equals its golden file", name) && want) {
		size_t i = 0;

		while (want[i] && want[i] == got[i])
			i++;
		diag("first difference at byte %zu: «%.80s» instead of «%.80s»", i, got + i, want + i);
	}
	free(want);
	free(got);
}

static int status_of(struct e2e_browser *b, const char *path)
{
	struct e2e_resp r;
	int status = e2e_b_get(b, path, &r);

	e2e_resp_free(&r);
	return status;
}

/* For every view: the page's table equals its CSV download under the same query. */
static void exports_match(struct e2e_browser *b, const char *query)
{
	struct e2e_resp page, csv;
	char path[512];

	snprintf(path, sizeof path, "/ust-ilimsk/dashboard/%s", query);
	if (!ok(e2e_b_get(b, path, &page) == 200, "GET %s", path)) {
		e2e_resp_free(&page);
		return;
	}
	for (size_t v = 0; v < sizeof views / sizeof views[0]; v++) {
		char *shown, *sent;

		snprintf(path, sizeof path, "/ust-ilimsk/dashboard/%s.csv%s", views[v], query);
		if (strcmp(views[v], "summary") == 0)
			continue;   /* the band is a list, checked below */
		e2e_b_get(b, path, &csv);
		shown = page_table(page.body, views[v]);
		sent = csv_table(csv.body ? csv.body : "");
		ok(csv.status == 200 && shown && strcmp(shown, sent) == 0, "%s: the CSV is the table shown", path);
		if (shown && strcmp(shown, sent) != 0)
			diag("page:\n%s\ncsv:\n%s", shown, sent);
		free(shown);
		free(sent);
		e2e_resp_free(&csv);
	}
	e2e_resp_free(&page);
}

/* Writes to the stack's database as an import or another session would. */
static int sql(struct e2e *e, const char *statement)
{
	char path[512];
	sqlite3 *db;
	int rc = SQLITE_ERROR;

	snprintf(path, sizeof path, "%s/portal.db", e2e_data_dir(e));
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK) {
		sqlite3_busy_timeout(db, 5000);
		rc = sqlite3_exec(db, statement, NULL, NULL, NULL);
	}
	sqlite3_close(db);
	return rc == SQLITE_OK;
}

static struct e2e_browser *login(struct e2e *e, const char *who)
{
	struct e2e_browser *b = e2e_browser_new(e);

	ok(e2e_login(b, who, e2e_password(e, who), NULL) == 303, "%s signs in", who);
	return b;
}

int main(void)
{
	struct e2e *e = e2e_start();
	struct e2e_browser *coord, *other, *school, *curator, *admin, *anon;
	struct e2e_resp r;
	char *t;

	if (!ok(e != NULL, "the stack starts"))
		return ok_done();
	coord = login(e, "coord-ust-ilimsk");
	other = login(e, "coord-baley");
	school = login(e, "school-sosh-5");
	curator = login(e, "curator-ust-ilimsk");
	admin = login(e, "admin");
	anon = e2e_browser_new(e);

	/* who may see it */
	ok(e2e_b_get(anon, "/ust-ilimsk/dashboard/", &r) == 303 &&
	   strstr(e2e_header(&r, "Location"), "/login?next=/ust-ilimsk/dashboard/"), "anonymous: to the login");
	e2e_resp_free(&r);
	ok(status_of(anon, "/ust-ilimsk/dashboard/matrix.csv") == 303, "anonymous: no download either");
	ok(status_of(school, "/ust-ilimsk/dashboard/") == 403, "a school administrator: 403");
	ok(status_of(school, "/ust-ilimsk/dashboard/matrix.csv") == 403, "… and no download");
	ok(status_of(other, "/ust-ilimsk/dashboard/") == 403, "another municipality's coordinator: 403");
	ok(status_of(other, "/ust-ilimsk/dashboard/overdue.xlsx") == 403, "… and no download");
	ok(status_of(other, "/baley/dashboard/") == 200, "… who has their own");
	ok(status_of(coord, "/dashboard/") == 403, "the region's roll-up is the region administrator's");
	ok(status_of(admin, "/ust-ilimsk/dashboard/") == 200, "the region administrator sees any municipality");

	/* the page, as the golden file */
	ok(e2e_b_get(coord, "/ust-ilimsk/dashboard/", &r) == 200, "the coordinator's dashboard");
	golden("dashboard-ust-ilimsk.html", r.body);
	ok(strstr(r.body, "Школ в программе</dt><dd>7</dd>") != NULL, "summary: 7 schools in the programme (2022)");
	ok(strstr(r.body, "<dt>Документы: принято из требуемых</dt><dd>0 из 19</dd>") != NULL,
	   "summary: none of the 19 required documents accepted");
	ok(strstr(r.body, "ПОКАЗАТЕЛИ") == NULL, "the marked place for the indicators is a template comment");
	e2e_resp_free(&r);
	ok(e2e_b_get(admin, "/dashboard/", &r) == 200, "the region's roll-up");
	golden("dashboard-region.html", r.body);
	ok(strstr(r.body, "href=\"/ust-ilimsk/dashboard/\"") != NULL, "each municipality links to its dashboard");
	e2e_resp_free(&r);
	e2e_b_get(admin, "/dashboard/region.csv", &r);
	t = csv_table(r.body);
	ok(r.status == 200 && strstr(t, "г. Усть-Илимск|7|0 из 19|") != NULL &&
	   strstr(t, "МР «Балейский район»|2|0 из 8|") != NULL, "region.csv: one row per municipality");
	free(t);
	e2e_resp_free(&r);

	/* exports equal the page, with and without filters */
	exports_match(coord, "");
	exports_match(coord, "?programme=500plus");
	exports_match(coord, "?school=sosh-7&procedure=oge&subject=%D0%A0%D1%83%D1%81%D1%81%D0%BA%D0%B8%D0%B9%20%D1%8F%D0%B7%D1%8B%D0%BA&result_year=2019&metric=quality");
	exports_match(coord, "?year=2019&procedure=grade10");
	e2e_b_get(coord, "/ust-ilimsk/dashboard/summary.csv", &r);
	t = csv_table(r.body);
	ok(r.status == 200 && strstr(t, "Показатель|Значение\nШкол в программе|7\nШНОР|7\n") &&
	   strstr(t, "Документы: принято из требуемых|0 из 19\n"), "summary.csv: the band's lines");
	free(t);
	e2e_resp_free(&r);
	e2e_b_get(coord, "/ust-ilimsk/dashboard/matrix.xlsx?programme=500plus", &r);
	ok(r.status == 200 && r.len > 4 && memcmp(r.body, "PK", 2) == 0 &&
	   strstr(e2e_header(&r, "Content-Disposition"), "dashboard-ust-ilimsk-matrix.xlsx"),
	   "matrix.xlsx: a spreadsheet named after the view");
	e2e_resp_free(&r);

	/* filters */
	e2e_b_get(coord, "/ust-ilimsk/dashboard/?programme=500plus", &r);
	t = page_table(r.body, "matrix");
	ok(t && strstr(t, "МАОУ «СОШ № 5»|") && !strstr(t, "МБОУ «СОШ № 1»|"), "programme=500plus: only «500+» schools");
	free(t);
	e2e_resp_free(&r);
	e2e_b_get(coord, "/ust-ilimsk/dashboard/?year=2019", &r);
	ok(r.status == 200 && strstr(r.body, "Для выбранных фильтров данных нет.") != NULL,
	   "a year without lists: the views say there is nothing");
	e2e_resp_free(&r);
	e2e_b_get(coord, "/ust-ilimsk/dashboard/?procedure=oge&subject=%D0%A0%D1%83%D1%81%D1%81%D0%BA%D0%B8%D0%B9%20%D1%8F%D0%B7%D1%8B%D0%BA&result_year=2019", &r);
	t = page_table(r.body, "results");
	ok(t && strstr(r.body, "ОГЭ, Русский язык, 9 класс, 2019") && strstr(t, "Город|") && strstr(t, "Область|"),
	   "results: the chosen subject and year beside «Город» and «Область»");
	free(t);
	e2e_resp_free(&r);

	/* the small-group rule, and a change showing on the next load */
	ok(sql(e, "UPDATE result SET n_participants = 4 WHERE school_id = (SELECT id FROM school WHERE slug = 'sosh-2'"
		  " AND municipality_id = (SELECT id FROM municipality WHERE slug = 'ust-ilimsk'))"
		  " AND procedure = 'oge' AND subject = 'Математика' AND year = 2021"),
	   "СОШ № 2 had 4 participants in 2021");
	e2e_b_get(coord, "/ust-ilimsk/dashboard/results.csv", &r);
	t = csv_table(r.body);
	ok(strstr(t, "МБОУ «СОШ № 2»|данных недостаточно|данных недостаточно|4\n") != NULL,
	   "fewer than min_group (10): «данных недостаточно», never the share");
	ok(!strstr(t, "52,4"), "… the value does not leak into the download");
	free(t);
	e2e_resp_free(&r);
	e2e_b_get(coord, "/ust-ilimsk/dashboard/", &r);
	ok(strstr(r.body, "МБОУ «СОШ № 2»: 52,4") == NULL, "… nor into the chart");
	e2e_resp_free(&r);
	ok(sql(e, "UPDATE ident_config SET min_group = 3"), "min_group set to 3");
	e2e_b_get(coord, "/ust-ilimsk/dashboard/results.csv", &r);
	ok(strstr(r.body, "МБОУ «СОШ № 2»;\"52,4\";\"14,3\";4") != NULL, "the threshold is configuration: shown again");
	e2e_resp_free(&r);
	ok(sql(e, "INSERT INTO document (school_id, type, title, status, sha256, mime, orig_name, size, created_by)"
		  " SELECT s.id, 'concept', 'Концепция', 'accepted', 'aa', 'application/pdf', 'c.pdf', 1,"
		  " (SELECT id FROM user WHERE login = 'school-sosh-5')"
		  " FROM school s JOIN municipality m ON m.id = s.municipality_id"
		  " WHERE m.slug = 'ust-ilimsk' AND s.slug = 'sosh-5'"), "a concept of СОШ № 5 is accepted");
	e2e_b_get(coord, "/ust-ilimsk/dashboard/", &r);
	ok(strstr(r.body, "<dd>1 из 19</dd>") != NULL, "the summary counts it on the next load");
	ok(strstr(r.body, "class=\"status status-accepted\">принят</a>") != NULL,
	   "the matrix cell: colour class plus the text, linked to the document");
	e2e_resp_free(&r);

	/* a curator sees their schools only */
	e2e_b_get(curator, "/ust-ilimsk/dashboard/", &r);
	t = page_table(r.body, "matrix");
	ok(r.status == 200 && t && strstr(t, "МАОУ «СОШ № 5»|") && !strstr(t, "МБОУ «СОШ № 1»|"),
	   "the curator's matrix: their schools only");
	free(t);
	e2e_resp_free(&r);
	ok(status_of(curator, "/ust-ilimsk/dashboard/?school=sosh-1") == 400, "… and no other school by filter");

	/* hostile parameters: a Russian 400 page, nothing reflected */
	static const char *const bad[] = {
		"?year=abc", "?year=99999", "?year=-1", "?year=2022abc", "?year=1999", "?programme=%3Cscript%3E",
		"?school=..%2F..%2Fetc", "?school=sosh-404", "?procedure=oge%27--", "?subject=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
		"?grade=12", "?grade=0", "?result_year=1e3", "?metric=drop", "?metric=pass%00",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char path[256];
		int st;

		snprintf(path, sizeof path, "/ust-ilimsk/dashboard/%s", bad[i]);
		st = e2e_b_get(coord, path, &r);
		ok(st == 400 && r.body && !strstr(r.body, "<script>") && !strstr(r.body, "drop") &&
		   !strstr(r.body, "Внутренняя ошибка"), "%s: 400 without reflecting it", bad[i]);
		if (st == 400 && i < 4)
			ok(strstr(r.body, "Неверное значение фильтра") != NULL, "… with a Russian message");
		e2e_resp_free(&r);
		snprintf(path, sizeof path, "/ust-ilimsk/dashboard/trend.csv%s", bad[i]);
		ok(status_of(coord, path) == 400, "%s on a download: 400 too", bad[i]);
	}
	ok(status_of(coord, "/ust-ilimsk/dashboard/nope.csv") == 404, "an unknown view: 404");
	ok(status_of(coord, "/ust-ilimsk/dashboard/region.csv") == 404, "the region's table is not a municipal view");
	ok(status_of(coord, "/nowhere/dashboard/") == 404, "an unknown municipality: 404");

	e2e_browser_free(coord);
	e2e_browser_free(other);
	e2e_browser_free(school);
	e2e_browser_free(curator);
	e2e_browser_free(admin);
	e2e_browser_free(anon);
	ok(e2e_finish(e), "no sanitizer report in the app log");
	return ok_done();
}
