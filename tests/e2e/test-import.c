/*
 * test-import.c: loading roadmaps from spreadsheets over HTTP: each seed roadmap
 * (built here as TSV from db/seed with its task headings) previews and loads with
 * the seed's item count; loading it again changes nothing; a CP1251 file, a file
 * without the measure column and a 100,000-row file are refused with a Russian
 * message and nothing stored; a formula-like cell is kept as text and defused in
 * the export; only the coordinator and the region admin may load.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "e2e.h"
#include "tap.h"

static char *tsv;
static size_t tsv_len, tsv_cap;

static void put(const char *s)
{
	size_t n = strlen(s);

	if (tsv_len + n + 1 > tsv_cap) {
		tsv_cap = (tsv_len + n + 1) * 2;
		tsv = realloc(tsv, tsv_cap);
	}
	memcpy(tsv + tsv_len, s, n + 1);
	tsv_len += n;
}

/* Field `col` (0-based) of a TAB-separated line, copied into out. */
static void field(const char *line, int col, char *out, size_t size)
{
	for (int i = 0; i < col && line; i++)
		line = strchr(line, '\t') ? strchr(line, '\t') + 1 : NULL;
	size_t n = line ? strcspn(line, "\t\n") : 0;

	if (n >= size)
		n = size - 1;
	memcpy(out, line ? line : "", n);
	out[n] = '\0';
}

/* The seed roadmap of `muni` as the coordinator's spreadsheet: header, a heading
 * row per task, then its items. */
static void seed_tsv(const char *muni)
{
	char path[256], line[16384], tline[4096], seq[16], title[2048], task[16];
	FILE *items, *tasks;

	tsv_len = 0;
	put("№\tМероприятия\tПланируемый результат\tСроки\tОтветственный\n");
	snprintf(path, sizeof path, "db/seed/%s/roadmap_tasks.tsv", muni);
	tasks = fopen(path, "r");
	snprintf(path, sizeof path, "db/seed/%s/roadmap_items.tsv", muni);
	items = fopen(path, "r");
	if (!tasks || !items)
		return;
	fgets(tline, sizeof tline, tasks);
	fgets(line, sizeof line, items);
	while (fgets(tline, sizeof tline, tasks)) {
		field(tline, 2, seq, sizeof seq);
		field(tline, 3, title, sizeof title);
		put(title);
		put("\n");
		rewind(items);
		fgets(line, sizeof line, items);
		while (fgets(line, sizeof line, items)) {
			char cell[8192];

			field(line, 2, task, sizeof task);
			if (strcmp(task, seq) != 0)
				continue;
			for (int c = 4; c <= 8; c++) {
				field(line, c, cell, sizeof cell);
				put(cell);
				put(c < 8 ? "\t" : "\n");
			}
		}
	}
	fclose(tasks);
	fclose(items);
}

/* Uploads tsv for a preview; returns the status, fills the confirmation fields. */
static int preview(struct e2e_browser *b, const char *muni, const char *const years[2], const void *data,
		   size_t n, const char *name, struct e2e_resp *r)
{
	char path[128];
	struct e2e_part parts[] = {
		{ "_csrf", e2e_csrf(b), NULL, NULL, 0 },
		{ "title", "Дорожная карта из файла", NULL, NULL, 0 },
		{ "year_from", years[0], NULL, NULL, 0 },
		{ "year_to", years[1], NULL, NULL, 0 },
		{ "file", NULL, name, data, n },
	};

	snprintf(path, sizeof path, "/%s/roadmap/import", muni);
	return e2e_b_upload(b, path, parts, sizeof parts / sizeof parts[0], NULL, r);
}

static int confirm(struct e2e_browser *b, const char *muni, const char *page)
{
	char sha[80], mime[128], name[128], from[8], to[8], path[128];
	struct e2e_resp r;

	e2e_hidden(page, "sha256", sha, sizeof sha);
	e2e_hidden(page, "mime", mime, sizeof mime);
	e2e_hidden(page, "name", name, sizeof name);
	e2e_hidden(page, "year_from", from, sizeof from);
	e2e_hidden(page, "year_to", to, sizeof to);
	const char *pairs[] = { "_csrf", e2e_csrf(b), "title", "Дорожная карта из файла", "year_from", from,
				"year_to", to, "sha256", sha, "mime", mime, "name", name, NULL };
	char *form = e2e_form(pairs);

	snprintf(path, sizeof path, "/%s/roadmap/import/confirm", muni);
	int status = e2e_b_post(b, path, form, NULL, &r);

	e2e_resp_free(&r);
	free(form);
	return status;
}

int main(void)
{
	static const struct {
		const char *muni, *login, *years[2];
		int items;
		const char *number, *measure_part, *deadline;
	} seeds[] = {
		{ "ust-ilimsk", "coord-ust-ilimsk", { "2022", "2022" }, 60, "3",
		  "муниципальной дорожной карты", "01.03.2022– 25.03.2022" },
		{ "dalnerechensk", "coord-dalnerechensk", { "2022", "2024" }, 47, "17", "", NULL },
		{ "yeniseysk", "admin", { "2020", "2024" }, 64, "0.8", "Создание раздела сайта «Повышение качества»",
		  NULL },
		{ "baley", "coord-baley", { "2022", "2022" }, 11, "7", "", "24.01-01-02.2022" },
	};
	struct e2e *e = e2e_start();
	struct e2e_resp r;

	if (!ok(e != NULL, "the stack starts"))
		return ok_done();
	for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
		struct e2e_browser *b = e2e_browser_new(e);
		long long before = e2e_count(e, "SELECT count(*) FROM roadmap");

		e2e_login(b, seeds[i].login, e2e_password(e, seeds[i].login), NULL);
		e2e_b_get(b, "/cabinet/", &r);
		e2e_resp_free(&r);
		seed_tsv(seeds[i].muni);
		ok(preview(b, seeds[i].muni, seeds[i].years, tsv, tsv_len, "roadmap.tsv", &r) == 200 &&
		   strstr(r.body, "name=\"sha256\""), "%s: the preview offers to load it", seeds[i].muni);
		ok(e2e_count(e, "SELECT count(*) FROM roadmap") == before, "%s: the preview stores no roadmap",
		   seeds[i].muni);
		ok(confirm(b, seeds[i].muni, r.body) == 303, "%s: confirmed", seeds[i].muni);
		long long id = e2e_count(e, "SELECT max(id) FROM roadmap");
		ok(e2e_count(e, "SELECT count(*) FROM roadmap_item WHERE roadmap_id = %lld", id) == seeds[i].items,
		   "%s: %d items, as in the seed", seeds[i].muni, seeds[i].items);
		ok(e2e_count(e, "SELECT count(*) FROM roadmap_task WHERE roadmap_id = %lld", id) ==
		   e2e_count(e, "SELECT count(*) FROM roadmap_task t JOIN roadmap r ON r.id = t.roadmap_id"
			     " JOIN municipality m ON m.id = r.municipality_id WHERE m.slug = %Q"
			     " AND r.import_digest IS NULL", seeds[i].muni), "%s: the same tasks", seeds[i].muni);
		ok(e2e_count(e, "SELECT count(*) FROM roadmap_item WHERE roadmap_id = %lld AND number = %Q"
			     " AND measure LIKE '%%' || %Q || '%%' AND (%Q IS NULL OR deadline_text = %Q)", id,
			     seeds[i].number, seeds[i].measure_part, seeds[i].deadline, seeds[i].deadline) >= 1,
		   "%s: item %s has its text and deadline as written", seeds[i].muni, seeds[i].number);
		ok(e2e_count(e, "SELECT count(*) FROM roadmap_item WHERE roadmap_id = %lld AND deadline_kind IS NULL",
			     id) == 0, "%s: every item is scheduled", seeds[i].muni);
		e2e_resp_free(&r);
		ok(preview(b, seeds[i].muni, seeds[i].years, tsv, tsv_len, "again.tsv", &r) == 200 &&
		   strstr(r.body, "уже загружена") && !strstr(r.body, "name=\"sha256\""),
		   "%s: the same content again: «уже загружена», no confirmation", seeds[i].muni);
		e2e_resp_free(&r);
		ok(e2e_count(e, "SELECT count(*) FROM roadmap") == before + 1, "%s: one roadmap more, not two",
		   seeds[i].muni);
		e2e_browser_free(b);
	}
	ok(e2e_count(e, "SELECT count(*) FROM roadmap_item i JOIN roadmap r ON r.id = i.roadmap_id"
			" WHERE r.import_digest IS NOT NULL AND i.number IN ('17', '18')"
			" AND r.municipality_id = (SELECT id FROM municipality WHERE slug = 'dalnerechensk')") == 4,
	   "dalnerechensk: the repeated numbers 17 and 18 are kept as in the source");

	struct e2e_browser *coord = e2e_browser_new(e), *curator = e2e_browser_new(e);
	const char *years[2] = { "2022", "2022" };
	long long roadmaps = e2e_count(e, "SELECT count(*) FROM roadmap");

	e2e_login(coord, "coord-ust-ilimsk", e2e_password(e, "coord-ust-ilimsk"), NULL);
	e2e_b_get(coord, "/cabinet/", &r);
	e2e_resp_free(&r);
	/* «№\tМероприятия\n1\tМероприятие\n» in Windows-1251 bytes */
	static const char cp1251[] = "\xb9\t\xcc\xe5\xf0\xee\xef\xf0\xe8\xff\xf2\xe8\xff\n1\t\xcc\xe5\xf0\xee\xef\xf0\xe8\xff\xf2\xe8\xe5\n";
	ok(preview(coord, "ust-ilimsk", years, cp1251, sizeof cp1251 - 1, "cp1251.tsv", &r) == 422 &&
	   strstr(r.body, "Windows-1251"), "a CP1251 file: 422 naming the encoding");
	e2e_resp_free(&r);
	static const char nocol[] = "№\tСроки\n1\tянварь\n";
	ok(preview(coord, "ust-ilimsk", years, nocol, sizeof nocol - 1, "nocol.tsv", &r) == 422 &&
	   strstr(r.body, "Мероприятия"), "no measure column: 422 naming it");
	e2e_resp_free(&r);
	tsv_len = 0;
	put("№\tМероприятия\tСроки\n");
	for (int i = 0; i < 100000; i++)
		put("1\tx\tянварь\n");
	ok(preview(coord, "ust-ilimsk", years, tsv, tsv_len, "big.tsv", &r) == 422,
	   "100,000 rows: refused (%d)", r.status);
	e2e_resp_free(&r);
	static const char formula[] = "№\tМероприятия\tСроки\n1\t=HYPERLINK(\"http://evil.example\")\tянварь\n";
	ok(preview(coord, "ust-ilimsk", years, formula, sizeof formula - 1, "f.tsv", &r) == 200 &&
	   strstr(r.body, "name=\"sha256\""), "a formula-like cell: flagged but loadable");
	ok(confirm(coord, "ust-ilimsk", r.body) == 303, "loaded");
	e2e_resp_free(&r);
	ok(e2e_get(e, "/ust-ilimsk/roadmap/export.csv", &r) == 200 && strstr(r.body, "'=HYPERLINK") &&
	   !strstr(r.body, ";=HYPERLINK"), "the export defuses it with an apostrophe");
	e2e_resp_free(&r);
	ok(e2e_count(e, "SELECT count(*) FROM roadmap") == roadmaps + 1, "only the good file made a roadmap");
	e2e_b_get(coord, "/cabinet/", &r);
	e2e_resp_free(&r);

	/* a school's own roadmap (its anti-risk measures) */
	static const char school_tsv[] =
		"№\tМероприятия\tСроки\tОтветственный\n"
		"Задача 1: Кадровый дефицит\n"
		"1.1\tНаставничество для молодых учителей\tЕжеквартально\tЗаместитель директора\n"
		"1.2\tКурсы повышения квалификации\tдо 30 апреля\tДиректор\n"
		"1.3\tАнализ результатов ВПР\tмай\tРуководители ШМО\n";
	struct e2e_part parts[] = {
		{ "_csrf", e2e_csrf(coord), NULL, NULL, 0 },
		{ "title", "Программа антирисковых мер СОШ № 5", NULL, NULL, 0 },
		{ "school", "sosh-5", NULL, NULL, 0 },
		{ "year_from", "2022", NULL, NULL, 0 },
		{ "year_to", "2022", NULL, NULL, 0 },
		{ "file", NULL, "antirisk.tsv", school_tsv, sizeof school_tsv - 1 },
	};
	ok(e2e_b_upload(coord, "/ust-ilimsk/roadmap/import", parts, sizeof parts / sizeof parts[0], NULL, &r) == 200 &&
	   strstr(r.body, "name=\"school\" value=\"sosh-5\""), "a school roadmap: the preview keeps the school");
	{
		char sha[80], mime[128], path[160];

		e2e_hidden(r.body, "sha256", sha, sizeof sha);
		e2e_hidden(r.body, "mime", mime, sizeof mime);
		const char *pairs[] = { "_csrf", e2e_csrf(coord), "title", "Программа антирисковых мер СОШ № 5",
					"school", "sosh-5", "year_from", "2022", "year_to", "2022", "sha256", sha,
					"mime", mime, "name", "antirisk.tsv", NULL };
		char *form = e2e_form(pairs);
		struct e2e_resp cr;

		ok(e2e_b_post(coord, "/ust-ilimsk/roadmap/import/confirm", form, NULL, &cr) == 303 &&
		   strstr(e2e_header(&cr, "Location"), "/ust-ilimsk/schools/sosh-5/roadmap/"),
		   "confirmed, and sent to the school's roadmap");
		e2e_resp_free(&cr);
		free(form);
		e2e_resp_free(&r);
		ok(e2e_get(e, "/ust-ilimsk/schools/sosh-5/roadmap/", &r) == 200 &&
		   strstr(r.body, "Наставничество для молодых учителей") && strstr(r.body, "СОШ № 5"),
		   "the school's roadmap page lists its items");
		e2e_resp_free(&r);
		ok(e2e_get(e, "/ust-ilimsk/roadmap/schools/", &r) == 200 &&
		   strstr(r.body, "/ust-ilimsk/schools/sosh-5/roadmap/") &&
		   strstr(r.body, "Школы (1) и их дорожные карты"),
		   "the municipality's summary of school roadmaps lists the school");
		e2e_resp_free(&r);
		ok(e2e_get(e, "/ust-ilimsk/roadmap/schools/export.csv", &r) == 200 &&
		   strstr(r.body, "Школа;Дорожная карта") && strstr(r.body, "Программа антирисковых мер СОШ № 5"),
		   "the summary exports as CSV");
		e2e_resp_free(&r);
		ok(e2e_get(e, "/ust-ilimsk/roadmap/schools/export.xlsx", &r) == 200 && r.len > 1000 &&
		   memcmp(r.body, "PK", 2) == 0, "and as XLSX");
		e2e_resp_free(&r);
		ok(e2e_get(e, "/ust-ilimsk/schools/sosh-5/", &r) == 200 &&
		   strstr(r.body, "/ust-ilimsk/schools/sosh-5/roadmap/") && !strstr(r.body, "Дорожная карта школы ещё не представлена"),
		   "the school page shows its roadmap and its metric");
		e2e_resp_free(&r);
		long long occ = e2e_count(e, "SELECT o.id FROM occurrence o JOIN roadmap_item i ON i.id = o.item_id"
					     " WHERE i.number = '1.2' AND i.measure LIKE 'Курсы%%'");
		long long item = e2e_count(e, "SELECT item_id FROM occurrence WHERE id = %lld", occ);
		struct e2e_browser *s5 = e2e_browser_new(e), *s7 = e2e_browser_new(e);

		e2e_login(s5, "school-sosh-5", e2e_password(e, "school-sosh-5"), NULL);
		e2e_login(s7, "school-sosh-7", e2e_password(e, "school-sosh-7"), NULL);
		snprintf(path, sizeof path, "/ust-ilimsk/roadmap/items/%lld/occurrences/%lld/done", item, occ);
		const char *p7[] = { "_csrf", e2e_csrf(s7), "note", "x", NULL };
		char *f7 = e2e_form(p7);
		ok(e2e_b_post(s7, path, f7, NULL, &cr) == 403, "another school's administrator may not mark it");
		e2e_resp_free(&cr);
		free(f7);
		const char *p5[] = { "_csrf", e2e_csrf(s5), "note", "Курсы пройдены", NULL };
		char *f5 = e2e_form(p5);
		ok(e2e_b_post(s5, path, f5, NULL, &cr) == 303, "the school's own administrator marks it executed");
		e2e_resp_free(&cr);
		ok(e2e_get(e, "/ust-ilimsk/roadmap/schools/", &r) == 200 && strstr(r.body, "исполнено и ждёт подтверждения: 1"),
		   "the summary counts it at once (the page cache sees the write)");
		e2e_resp_free(&r);
		free(f5);
		e2e_browser_free(s5);
		e2e_browser_free(s7);
	}

	/* an empty school roadmap, created without a file, then filled item by item */
	{
		struct e2e_part empty[] = {
			{ "_csrf", e2e_csrf(coord), NULL, NULL, 0 },
			{ "title", "Антирисковая программа <СОШ № 7>", NULL, NULL, 0 },
			{ "school", "sosh-7", NULL, NULL, 0 },
			{ "year_from", "2023", NULL, NULL, 0 },
			{ "year_to", "2024", NULL, NULL, 0 },
			{ "empty", "1", NULL, NULL, 0 },
		};
		long long before = e2e_count(e, "SELECT count(*) FROM roadmap");
		char path[160], id[32];

		ok(e2e_b_get(coord, "/ust-ilimsk/roadmap/import", &r) == 200 &&
		   strstr(r.body, "name=\"empty\" value=\"1\" formnovalidate"),
		   "the form offers an empty roadmap without a file");
		e2e_resp_free(&r);
		empty[5].value = "";
		empty[1].value = "";
		ok(e2e_b_upload(coord, "/ust-ilimsk/roadmap/import", empty, 6, NULL, &r) == 422 &&
		   e2e_count(e, "SELECT count(*) FROM roadmap") == before, "without a title nothing is created");
		e2e_resp_free(&r);
		empty[5].value = "1";
		empty[1].value = "Антирисковая программа <СОШ № 7>";
		ok(e2e_b_upload(coord, "/ust-ilimsk/roadmap/import", empty, 6, NULL, &r) == 303 &&
		   strstr(e2e_header(&r, "Location"), "/ust-ilimsk/schools/sosh-7/roadmap/") &&
		   e2e_count(e, "SELECT count(*) FROM roadmap r JOIN school s ON s.id = r.school_id"
				" WHERE s.slug = 'sosh-7' AND r.source = 'form' AND r.period_text = '2023–2024'"
				" AND r.year_from = 2023 AND r.year_to = 2024") == 1 &&
		   e2e_count(e, "SELECT count(*) FROM audit WHERE action = 'roadmap_add'") == 1,
		   "«Создать пустую дорожную карту» makes the school's roadmap, audited, and sends there");
		e2e_resp_free(&r);
		snprintf(id, sizeof id, "%lld", e2e_count(e, "SELECT max(id) FROM roadmap"));
		snprintf(path, sizeof path, "/ust-ilimsk/roadmap/items/new?roadmap=%s", id);
		ok(e2e_b_get(coord, "/ust-ilimsk/schools/sosh-7/roadmap/", &r) == 200 &&
		   strstr(r.body, "Антирисковая программа &lt;СОШ № 7&gt;") && strstr(r.body, path),
		   "its page shows the title escaped and offers to add an item to it");
		e2e_resp_free(&r);
		ok(e2e_b_get(coord, path, &r) == 200 && strstr(r.body, "name=\"roadmap\" value=\"") &&
		   strstr(r.body, "href=\"/ust-ilimsk/schools/sosh-7/roadmap/\">Отмена"),
		   "the new-item form carries the roadmap, and «Отмена» leads back to it");
		e2e_resp_free(&r);
		const char *pairs[] = { "_csrf", e2e_csrf(coord), "roadmap", id, "task", "new",
					"task_title", "Задача 1: Низкая учебная мотивация", "number", "1.1",
					"measure", "Клуб юных исследователей", "deadline", "ежеквартально",
					"responsible", "Заместитель директора", NULL };
		char *form = e2e_form(pairs);

		ok(e2e_b_post(coord, "/ust-ilimsk/roadmap/items", form, NULL, &r) == 303 &&
		   e2e_count(e, "SELECT count(*) FROM roadmap_item i JOIN occurrence o ON o.item_id = i.id"
				" WHERE i.roadmap_id = %s AND i.measure = 'Клуб юных исследователей'", id) == 8,
		   "an item added to the school's roadmap, scheduled quarterly over two years");
		e2e_resp_free(&r);
		free(form);
		ok(e2e_get(e, "/ust-ilimsk/schools/sosh-7/roadmap/", &r) == 200 &&
		   strstr(r.body, "Клуб юных исследователей"), "the public sees it on the school's roadmap");
		e2e_resp_free(&r);
		const char *foreign[] = { "_csrf", e2e_csrf(coord), "roadmap", "1", "task", "new",
					  "task_title", "x", "number", "9.9", "measure", "Чужое мероприятие", NULL };
		long long other = e2e_count(e, "SELECT r.id FROM roadmap r JOIN municipality m"
					       " ON m.id = r.municipality_id WHERE m.slug <> 'ust-ilimsk' LIMIT 1");
		char bid[32];

		snprintf(bid, sizeof bid, "%lld", other);
		foreign[3] = bid;
		form = e2e_form(foreign);
		ok(other > 0 && e2e_b_post(coord, "/ust-ilimsk/roadmap/items", form, NULL, &r) == 404 &&
		   e2e_count(e, "SELECT count(*) FROM roadmap_item WHERE measure = 'Чужое мероприятие'") == 0,
		   "another municipality's roadmap is not found from here");
		e2e_resp_free(&r);
		free(form);
	}

	e2e_login(curator, "curator-ust-ilimsk", e2e_password(e, "curator-ust-ilimsk"), NULL);
	ok(e2e_b_get(curator, "/ust-ilimsk/roadmap/import", &r) == 403, "a curator may not load roadmaps");
	e2e_resp_free(&r);
	ok(e2e_b_get(coord, "/baley/roadmap/import", &r) == 403, "nor another municipality's coordinator");
	e2e_resp_free(&r);
	e2e_browser_free(coord);
	e2e_browser_free(curator);
	free(tsv);
	e2e_stop(e);
	return ok_done();
}
