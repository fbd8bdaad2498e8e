/*
 * test-results-import.c: loading results and social data over HTTP. The seed's
 * results.tsv is the first import: loading it changes nothing. A new file previews
 * without storing, loads in one transaction with one audit row and its source, and
 * loading it again changes nothing; a changed value is updated. Malformed files
 * (Windows-1251, a missing column, an unknown school, bad numbers, duplicates, a broken
 * XLSX, a formula, a huge file) are refused with a Russian message and a 4xx, nothing
 * stored. Social data lands in social_index. Only the coordinator and the region admin
 * may load. On the public school page a small group shows «данных недостаточно».
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "e2e.h"
#include "tap.h"

static const char FORM[] = "/ust-ilimsk/results/import";
static const char HEAD[] = "Школа\tПроцедура\tПредмет\tКласс\tГод\tПоказатель\tЗначение\tУчастников\tЭтап\n";

/* Every result of Ust-Ilimsk as one string, to compare before and after. */
static char *snapshot(struct e2e *e)
{
	return e2e_query(e, "SELECT scope, school_id, procedure, subject, grade, year, metric, value, raw,"
			    " n_participants, stage, source FROM result WHERE municipality_id ="
			    " (SELECT id FROM municipality WHERE slug = 'ust-ilimsk') ORDER BY id");
}

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	long len;

	*n = 0;
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (p = malloc((size_t)len + 1)) && fread(p, 1, (size_t)len, f) == (size_t)len)
		*n = (size_t)len;
	fclose(f);
	return p;
}

static int upload(struct e2e_browser *b, const char *data, size_t n, const char *name, struct e2e_resp *r)
{
	struct e2e_part parts[] = {
		{ "_csrf", e2e_csrf(b), NULL, NULL, 0 },
		{ "file", NULL, name, data, n },
	};

	return e2e_b_upload(b, FORM, parts, sizeof parts / sizeof parts[0], NULL, r);
}

/* Posts the confirmation of the preview in `page`. */
static int confirm(struct e2e_browser *b, const char *page)
{
	char sha[80], mime[128], name[128];
	struct e2e_resp r;

	e2e_hidden(page, "sha256", sha, sizeof sha);
	e2e_hidden(page, "mime", mime, sizeof mime);
	e2e_hidden(page, "name", name, sizeof name);
	const char *pairs[] = { "_csrf", e2e_csrf(b), "sha256", sha, "mime", mime, "name", name, NULL };
	int status = e2e_b_post_pairs(b, "/ust-ilimsk/results/import/confirm", pairs, &r);

	e2e_resp_free(&r);
	return status;
}

/* Uploads `text` (after HEAD when `head`), expecting a refusal: 4xx with `msg`, no confirmation. */
static void refused(struct e2e_browser *b, const char *text, size_t n, const char *name, const char *msg,
		    const char *what)
{
	struct e2e_resp r;
	int status = upload(b, text, n, name, &r);

	ok(status >= 400 && status < 500 && r.body && strstr(r.body, msg) && !strstr(r.body, "name=\"sha256\""),
	   "%s: %d with «%s»", what, status, msg);
	e2e_resp_free(&r);
}

static void with_head(struct e2e_browser *b, const char *rows, const char *msg, const char *what)
{
	size_t n = strlen(HEAD) + strlen(rows);
	char *t = malloc(n + 1);

	snprintf(t, n + 1, "%s%s", HEAD, rows);
	refused(b, t, n, "bad.tsv", msg, what);
	free(t);
}

static void test_seed(struct e2e *e, struct e2e_browser *coord)
{
	struct e2e_resp r;
	size_t n;
	char *seed = slurp("db/seed/ust-ilimsk/results.tsv", &n), *before = snapshot(e), *after;
	long long audits = e2e_count(e, "SELECT count(*) FROM audit");

	ok(seed && upload(coord, seed, n, "results.tsv", &r) == 200 && strstr(r.body, "Строк: 212") &&
	   strstr(r.body, "без изменений: 212") && strstr(r.body, "уже загружены") &&
	   !strstr(r.body, "name=\"sha256\""), "the seed's results.tsv: 212 rows, all already loaded");
	e2e_resp_free(&r);
	char sha[65];

	e2e_sha256(seed, n, sha);
	const char *pairs[] = { "_csrf", e2e_csrf(coord), "sha256", sha, "mime", "text/plain", "name", "results.tsv",
				NULL };
	ok(e2e_b_post_pairs(coord, "/ust-ilimsk/results/import/confirm", pairs, &r) == 303,
	   "confirming it anyway is harmless");
	e2e_resp_free(&r);
	after = snapshot(e);
	ok(before && after && strlen(before) > 1000 && strcmp(before, after) == 0,
	   "the seed tables are the first import: identical data after loading it");
	ok(e2e_count(e, "SELECT count(*) FROM audit") == audits, "and no audit row for a change of nothing");
	free(before);
	free(after);
	free(seed);
}

static void test_new_file(struct e2e *e, struct e2e_browser *coord)
{
	static const char file[] =
		"Школа\tПроцедура\tПредмет\tКласс\tГод\tПоказатель\tЗначение\tУчастников\tЭтап\n"
		"СОШ № 1\tВПР\tМатематика\t5\t2023\tДоля «2» (%)\t37,5\t8\t\n"
		"1\tВПР\tРусский язык\t5\t2023\tДоля «2» (%)\t12,5%\t40\t\n"
		"МБОУ «СОШ № 1»\tЕГЭ\tХимия\t11\t2023\tСредний балл\t61,2\t\tосновной период\n"
		"Город\tВПР\tМатематика\t5\t2023\tДоля «2» (%)\t20\t900\t\n";
	struct e2e_resp r;
	long long rows = e2e_count(e, "SELECT count(*) FROM result");
	long long audits = e2e_count(e, "SELECT count(*) FROM audit WHERE action = 'results_import'");

	ok(upload(coord, file, sizeof file - 1, "vpr-2023.tsv", &r) == 200 && strstr(r.body, "новых: 4") &&
	   strstr(r.body, "name=\"sha256\""), "a new file: preview with 4 new rows and the confirmation");
	ok(e2e_count(e, "SELECT count(*) FROM result") == rows, "the preview stores nothing");
	ok(confirm(coord, r.body) == 303, "confirmed");
	e2e_resp_free(&r);
	ok(e2e_count(e, "SELECT count(*) FROM result") == rows + 4, "4 rows more");
	ok(e2e_count(e, "SELECT count(*) FROM result WHERE procedure = 'vpr' AND subject = 'Русский язык' AND grade = 5"
			" AND year = 2023 AND metric = 'share2' AND value = 12.5 AND raw = '12,5%%'"
			" AND n_participants = 40 AND stage = 'main' AND source = 'импорт vpr-2023.tsv, стр. 3'") == 1,
	   "a row as read: value, raw, N, stage and its source «импорт <file>, стр. N»");
	ok(e2e_count(e, "SELECT count(*) FROM result WHERE scope = 'city' AND procedure = 'vpr' AND year = 2023") == 1,
	   "the «Город» row is a city row");
	ok(e2e_count(e, "SELECT count(*) FROM audit WHERE action = 'results_import' AND detail LIKE 'vpr-2023.tsv%%'")
	   == audits + 1, "one audit row");
	ok(upload(coord, file, sizeof file - 1, "again.tsv", &r) == 200 && strstr(r.body, "уже загружены") &&
	   !strstr(r.body, "name=\"sha256\""), "the same file again: «уже загружены», no confirmation");
	e2e_resp_free(&r);
	ok(e2e_count(e, "SELECT count(*) FROM result") == rows + 4, "still 4 rows more");

	static const char changed[] =
		"Школа\tПроцедура\tПредмет\tКласс\tГод\tПоказатель\tЗначение\tУчастников\n"
		"1\tВПР\tРусский язык\t5\t2023\tДоля «2» (%)\t15\t40\n";
	ok(upload(coord, changed, sizeof changed - 1, "fix.tsv", &r) == 200 && strstr(r.body, "изменится: 1"),
	   "a corrected value: the preview says it will change");
	ok(confirm(coord, r.body) == 303 &&
	   e2e_count(e, "SELECT count(*) FROM result WHERE subject = 'Русский язык' AND year = 2023 AND value = 15"
			" AND source = 'импорт fix.tsv, стр. 2'") == 1 &&
	   e2e_count(e, "SELECT count(*) FROM result") == rows + 4, "and it is updated in place");
	e2e_resp_free(&r);
}

static void test_small_groups(struct e2e *e, struct e2e_browser *coord)
{
	struct e2e_resp r;

	ok(e2e_get(e, "/ust-ilimsk/schools/sosh-1/", &r) == 200 && strstr(r.body, "ВПР: Математика, 5 класс") &&
	   strstr(r.body, "<td class=\"num\">данных недостаточно</td>") && !strstr(r.body, "37,5"),
	   "public page: 8 participants (< 10) show «данных недостаточно», never the value");
	ok(strstr(r.body, "<td class=\"num\">15</td>") != NULL, "40 participants: the value, no mark");
	ok(strstr(r.body, "<td class=\"num\">61,2<sup class=\"mark\">") && strstr(r.body, "N не указано: число"),
	   "no N: the value with a mark explained below the table");
	e2e_resp_free(&r);
	ok(e2e_b_get(coord, "/ust-ilimsk/schools/sosh-1/", &r) == 200 &&
	   strstr(r.body, "37,5 <span class=\"mark\">(данных недостаточно: N = 8)</span>"),
	   "the coordinator sees the value with the mark");
	e2e_resp_free(&r);
}

static void test_refusals(struct e2e *e, struct e2e_browser *coord)
{
	long long rows = e2e_count(e, "SELECT count(*) FROM result");
	/* «СОШ № 7» and «ОГЭ» in Windows-1251 bytes */
	static const char cp1251[] = "\xd8\xea\xee\xeb\xe0\t\xc7\xed\xe0\xf7\xe5\xed\xe8\xe5\n\xd1\xce\xd8 \xb9 7\t5\n";

	refused(coord, cp1251, sizeof cp1251 - 1, "cp1251.tsv", "Windows-1251", "a Windows-1251 file");
	static const char nocol[] = "Школа\tПроцедура\tКласс\tГод\tПоказатель\tЗначение\n1\tОГЭ\t9\t2023\tКачество\t5\n";
	refused(coord, nocol, sizeof nocol - 1, "nocol.tsv", "«Предмет»", "a missing column");
	with_head(coord, "СОШ № 99\tОГЭ\tМатематика\t9\t2023\tКачество (%)\t50\t\t\n", "Школа не найдена",
		  "an unknown school");
	with_head(coord, "1\tОГЭ\tМатематика\t9\t2023\tКачество (%)\t5O\t\t\n", "Значение не число",
		  "a bad number");
	with_head(coord, "1\tОГЭ\tМатематика\t9\t2023\tКачество (%)\t150\t\t\n", "Значение не число",
		  "a percentage over 100");
	with_head(coord, "1\tОГЭ\tМатематика\t9\t2023\tКачество (%)\t50\t-2\t\n", "Число участников",
		  "a negative N");
	with_head(coord, "1\tОГЭ\tМатематика\t9\t2023\tКачество (%)\t50\t\t\n"
			 "1\tОГЭ\tМатематика\t9\t2023\tКачество (%)\t51\t\t\n",
		  "уже есть выше", "a duplicate row");
	with_head(coord, "1\tОГЭ\tМатематика\t9\t2023\tКачество (%)\t50\t\t\n"
			 "1\tОлимпиада\tМатематика\t9\t2023\tКачество (%)\t50\t\t\n",
		  "Процедура не распознана", "one bad row among good ones");
	with_head(coord, "1\tОГЭ\t=HYPERLINK(\"http://evil.example\")\t9\t2023\tКачество (%)\t50\t\t\n",
		  "с формулой", "a formula cell");
	static const char markup[] = "Школа\tПроцедура\tПредмет\tКласс\tГод\tПоказатель\tЗначение\n"
				     "1\tОГЭ\tМатематика\t9\t2023\tКачество (%)\t50\n"
				     "1\tОГЭ\t<img src=x onerror=alert(1)>\t9\t2023\tКачество (%)\tмного\n";
	struct e2e_resp r;
	int status = upload(coord, markup, sizeof markup - 1, "markup.tsv", &r);

	ok(status == 422 && !strstr(r.body, "<img src=x") && strstr(r.body, "&lt;img src=x"),
	   "markup in a cell: 422, shown escaped (%d)", status);
	e2e_resp_free(&r);
	static const char broken[] = "PK\3\4\24\0\0\0\10\0garbage that is not a zip archive at all";
	refused(coord, broken, sizeof broken - 1, "broken.xlsx", "Файл", "a broken XLSX");

	size_t cap = 20001 * 64, n = 0;
	char *big = malloc(cap);

	n += (size_t)snprintf(big, cap, "%s", HEAD);
	for (int i = 0; i < 20000; i++)
		n += (size_t)snprintf(big + n, cap - n, "1\tВПР\tМатематика\t5\t%d\tКачество (%%)\t5\t\t\n", 2000 + i % 100);
	refused(coord, big, n, "big.tsv", "больше 10000 строк", "a huge file");
	free(big);
	ok(e2e_count(e, "SELECT count(*) FROM result") == rows, "nothing of the refused files was stored");
	ok(e2e_tmp_empty(e), "no temporary file left behind");
}

static void test_social(struct e2e *e, struct e2e_browser *coord)
{
	static const char file[] = "Школа\tГод\tИндекс\tСтатус\nСОШ № 1\t2023\t-5,5\tнеблагоприятный\n7\t2023\t1\t\n";
	struct e2e_resp r;

	ok(upload(coord, file, sizeof file - 1, "social.tsv", &r) == 200 && strstr(r.body, "Индекс социального") &&
	   strstr(r.body, "новых: 2"), "social data: recognised by «Индекс», 2 new rows");
	ok(confirm(coord, r.body) == 303, "confirmed");
	e2e_resp_free(&r);
	ok(e2e_count(e, "SELECT count(*) FROM social_index s JOIN school c ON c.id = s.school_id"
			" WHERE c.slug = 'sosh-1' AND s.year = 2023 AND s.value = -5.5 AND s.status = 'unfavourable'"
			" AND s.source = 'импорт social.tsv, стр. 2'") == 1 &&
	   e2e_count(e, "SELECT count(*) FROM social_index s JOIN school c ON c.id = s.school_id"
			" WHERE c.slug = 'sosh-7' AND s.status IS NULL") == 1, "stored with status and source");
	ok(e2e_count(e, "SELECT count(*) FROM audit WHERE action = 'social_import'") == 1, "one audit row");
	ok(e2e_get(e, "/ust-ilimsk/schools/sosh-1/", &r) == 200 && !strstr(r.body, "-5,5") &&
	   !strstr(r.body, "неблагоприятный"), "social data is internal: not on the public school page");
	e2e_resp_free(&r);
}

static void test_access(struct e2e *e)
{
	static const char *const denied[] = { "school-sosh-5", "curator-ust-ilimsk", "coord-baley" };
	struct e2e_resp r;
	struct e2e_browser *admin = e2e_browser_new(e);

	ok(e2e_get(e, FORM, &r) == 303 || r.status == 302, "anonymous: sent to the login (%d)", r.status);
	e2e_resp_free(&r);
	for (size_t i = 0; i < sizeof denied / sizeof denied[0]; i++) {
		struct e2e_browser *b = e2e_browser_new(e);

		e2e_login(b, denied[i], e2e_password(e, denied[i]), NULL);
		ok(e2e_b_get(b, FORM, &r) == 403, "%s: 403 on the form", denied[i]);
		e2e_resp_free(&r);
		ok(upload(b, HEAD, sizeof HEAD - 1, "x.tsv", &r) == 403, "%s: 403 on the upload", denied[i]);
		e2e_resp_free(&r);
		e2e_browser_free(b);
	}
	e2e_login(admin, "admin", e2e_password(e, "admin"), NULL);
	ok(e2e_b_get(admin, FORM, &r) == 200 && strstr(r.body, "results-sample.tsv"),
	   "the region admin gets the form, with the sample file");
	e2e_resp_free(&r);
	e2e_browser_free(admin);
	ok(e2e_get(e, "/static/results-sample.tsv", &r) == 200 && strstr(r.body, "Процедура"),
	   "the sample file is served");
	e2e_resp_free(&r);
}

int main(void)
{
	struct e2e *e = e2e_start();
	struct e2e_browser *coord;
	struct e2e_resp r;

	if (!ok(e != NULL, "the stack starts"))
		return ok_done();
	coord = e2e_browser_new(e);
	e2e_login(coord, "coord-ust-ilimsk", e2e_password(e, "coord-ust-ilimsk"), NULL);
	ok(e2e_b_get(coord, "/ust-ilimsk/roadmap/", &r) == 200 && strstr(r.body, "/ust-ilimsk/results/import"),
	   "the coordinator finds the link beside the roadmap import");
	e2e_resp_free(&r);
	ok(e2e_b_get(coord, FORM, &r) == 200 && strstr(r.body, "Загрузка результатов"), "the form");
	e2e_resp_free(&r);
	test_seed(e, coord);
	test_new_file(e, coord);
	test_small_groups(e, coord);
	test_refusals(e, coord);
	test_social(e, coord);
	test_access(e);
	e2e_browser_free(coord);
	ok(e2e_finish(e), "app log free of sanitizer and valgrind reports");
	return ok_done();
}
