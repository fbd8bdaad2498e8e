/* test_export.c: CSV quoting, BOM and formula defusing; XLSX file, frozen header,
 * strings only, status fills, sheet names, clean-up of old files. Uses unzip(1). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "arena.h"
#include "buf.h"
#include "config.h"
#include "export.h"
#include "tap.h"
#include "vocab.h"

static char tmp[] = "/tmp/kachestvo-export-XXXXXX";

/* One member of an XLSX file as a string in `a` ("" if unzip fails). */
static const char *unzip(struct arena *a, const char *file, const char *member)
{
	char cmd[1024];
	struct buf b;
	char chunk[4096];
	size_t n;
	FILE *p;

	snprintf(cmd, sizeof cmd, "unzip -p '%s' '%s' 2>/dev/null", file, member);
	buf_init(&b, a, 4 << 20);
	if (!(p = popen(cmd, "r")))
		return "";
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		buf_put(&b, chunk, n);
	pclose(p);
	return b.len && !b.err ? b.data : "";
}

static const char *path_of(struct arena *a, const char *name)
{
	return arena_printf(a, "%s/exports/%s", tmp, name ? name : "(null)");
}

static int touch(const char *path, time_t age)
{
	FILE *f = fopen(path, "w");
	struct timeval tv[2];

	if (!f)
		return -1;
	fclose(f);
	tv[0].tv_sec = tv[1].tv_sec = time(NULL) - age;
	tv[0].tv_usec = tv[1].tv_usec = 0;
	return utimes(path, tv);
}

static void test_csv(struct arena *a)
{
	static const char *const heads[] = { "Мероприятие", "Срок", "Статус" };
	static const char *const cells[] = {
		"a;b",                    "say \"hi\"",   "line1\nline2",
		"Усть-Илимск",            NULL,           "",
		"=HYPERLINK(\"http://x\")", "+1",         "-1",
		"@SUM(A1)",               "\t=1",         "\r=1",
	};
	const struct export_table t = { "Дорожная карта", 3, heads, NULL, 4, cells, NULL };
	struct buf b;

	buf_init(&b, a, 1 << 16);
	ok(export_csv(&t, &b) == 0, "CSV written");
	ok(b.len >= 3 && memcmp(b.data, "\xEF\xBB\xBF", 3) == 0, "CSV starts with the UTF-8 BOM");
	ok(strcmp(b.data,
		  "\xEF\xBB\xBF"
		  "Мероприятие;Срок;Статус\r\n"
		  "\"a;b\";\"say \"\"hi\"\"\";\"line1\nline2\"\r\n"
		  "Усть-Илимск;;\r\n"
		  "\"'=HYPERLINK(\"\"http://x\"\")\";'+1;'-1\r\n"
		  "'@SUM(A1);'\t=1;\"'\r=1\"\r\n") == 0,
	   "CSV: ';' between fields, RFC 4180 quoting, Cyrillic as is, NULL and empty cells, CRLF, formulas defused");
	ok(strstr(b.data, "Дорожная карта") == NULL, "the title is not a CSV line");

	const struct export_table none = { NULL, 0, NULL, NULL, 0, NULL, NULL };
	buf_init(&b, a, 1 << 16);
	ok(export_csv(&none, &b) == 0 && b.len == 3, "no columns: just the BOM");

	buf_init(&b, a, 20);
	ok(export_csv(&t, &b) == -1, "buffer cap reported");

	ok(strcmp(export_mime(EXPORT_CSV), "text/csv; charset=utf-8") == 0 &&
	   strcmp(export_ext(EXPORT_CSV), "csv") == 0, "CSV MIME type and extension");
	ok(strcmp(export_mime(EXPORT_XLSX),
		  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") == 0 &&
	   strcmp(export_ext(EXPORT_XLSX), "xlsx") == 0, "XLSX MIME type and extension");
	ok(export_mime(EXPORT__MAX) == NULL && export_ext(EXPORT__MAX) == NULL, "unknown format");
}

static void test_xlsx(struct arena *a)
{
	static const char *const heads[] = { "Мероприятие", "Статус", "Формула" };
	static const char *const cells[] = {
		"Семинар для учителей", "запланировано", "=1+1",
		"Анализ ВПР",           "в работе",      "+CMD()",
		"Отчёт",                "исполнено",     NULL,
		"Приказ",               "подтверждено",  "@SUM(A1)",
		"Протокол",             "просрочено",    "-2",
		"Мониторинг",           "без срока",     "\t=1",
	};
	static const char *const status[] = { "planned", "in_progress", "done", "confirmed", "overdue",
						"unscheduled" };
	static const double widths[] = { 40, 18, 12 };
	const struct export_table t = { "Дорожная карта г. Усть-Илимск", 3, heads, widths,
					6, cells, status };
	const char *old = path_of(a, "exp-old.xlsx"), *young = path_of(a, "exp-young.xlsx"),
		   *other = path_of(a, "keep-old.txt");
	const char *name, *file, *xml, *ss, *styles, *wbx;
	unsigned char head[2] = { 0 };
	FILE *f;
	size_t i;

	mkdir(arena_printf(a, "%s/exports", tmp), 0750);
	ok(touch(old, EXPORT_KEEP_SECONDS + 60) == 0 && touch(young, 60) == 0 &&
	   touch(other, EXPORT_KEEP_SECONDS + 60) == 0, "old and young files planted");

	name = export_xlsx(a, &t);
	ok(name != NULL, "XLSX written");
	ok(name && strlen(name) == 41 && strncmp(name, "exp-", 4) == 0 &&
	   strspn(name + 4, "0123456789abcdef") == 32 && strcmp(name + 36, ".xlsx") == 0,
	   "random name exp-<32 hex>.xlsx (%s)", name ? name : "NULL");
	ok(name && strcmp(export_accel_path(a, name), arena_printf(a, "/exports/%s", name)) == 0,
	   "X-Accel-Redirect path under /exports/");
	file = path_of(a, name);
	f = fopen(file, "rb");
	ok(f && fread(head, 1, 2, f) == 2 && head[0] == 'P' && head[1] == 'K', "the file is a zip (PK)");
	if (f)
		fclose(f);

	ok(access(old, F_OK) != 0, "an export older than 10 minutes is deleted");
	ok(access(young, F_OK) == 0, "a recent export is kept");
	ok(access(other, F_OK) == 0, "files not named exp-* are left alone");

	xml = unzip(a, file, "xl/worksheets/sheet1.xml");
	ss = unzip(a, file, "xl/sharedStrings.xml");
	styles = unzip(a, file, "xl/styles.xml");
	wbx = unzip(a, file, "xl/workbook.xml");
	ok(*xml != '\0', "sheet1.xml read with unzip");
	ok(strstr(xml, "ySplit=\"1\"") && strstr(xml, "state=\"frozen\""), "header row frozen");
	ok(strstr(xml, "<autoFilter ref=\"A1:C7\"/>") != NULL, "autofilter over the header and rows");
	ok(strstr(xml, "<col min=\"1\" max=\"1\" width=\"40.7109375\"") != NULL, "column widths set");
	ok(strstr(xml, "<f>") == NULL && strstr(xml, "<f ") == NULL, "no formula element at all");
	ok(strstr(xml, "t=\"s\"") != NULL, "cells are shared strings");
	ok(strstr(ss, "Мероприятие") && strstr(ss, "Семинар для учителей") && strstr(ss, "просрочено"),
	   "Cyrillic strings present");
	ok(strstr(ss, "<t>'=1+1</t>") && strstr(ss, "<t>'+CMD()</t>") && strstr(ss, "<t>'@SUM(A1)</t>") &&
	   strstr(ss, "<t>'-2</t>"), "formula leads defused with an apostrophe, as in CSV");
	ok(strstr(styles, "<b/>") != NULL, "a bold font for the header");
	static const char *const rgb[] = { "FFF2F2F2", "FFFFF2CC", "FFE2EFDA", "FFC6EFCE", "FFFFC7CE", "FFDDEBF7" };
	for (i = 0; i < sizeof rgb / sizeof rgb[0]; i++)
		ok(strstr(styles, arena_printf(a, "<fgColor rgb=\"%s\"/>", rgb[i])) != NULL,
		   "status fill %s in styles.xml", rgb[i]);
	ok(strstr(wbx, "<sheet name=\"Дорожная карта г. Усть-Илимск\"") != NULL,
	   "sheet named after the title");

	/* every roadmap status has a colour: row 3 (status) is styled apart from row 2 (none) */
	for (i = 0; i <= ITEM__MAX; i++) {
		const char *code = i < ITEM__MAX ? item_status_v[i].code : "bogus";
		const char *const one[] = { "x" }, *const two[] = { "y", "z" }, *st[] = { NULL, code };
		const struct export_table s = { "s", 1, one, NULL, 2, two, st };
		const char *n = export_xlsx(a, &s);
		const char *x = n ? unzip(a, path_of(a, n), "xl/worksheets/sheet1.xml") : "";

		if (i < ITEM__MAX)
			ok(strstr(x, "<c r=\"A2\" s=\"2\"") && strstr(x, "<c r=\"A3\" s=\"3\""),
			   "status %s gets its own fill", code);
		else
			ok(strstr(x, "<c r=\"A2\" s=\"2\"") && strstr(x, "<c r=\"A3\" s=\"2\""),
			   "an unknown status gets no fill");
	}

	/* forbidden characters and length */
	const char *const one[] = { "x" };
	const struct export_table bad = { "'Отчёт [2025]: a/b\\c*d?e — очень длинное название листа'",
					  1, one, NULL, 0, NULL, NULL };
	name = export_xlsx(a, &bad);
	wbx = name ? unzip(a, path_of(a, name), "xl/workbook.xml") : "";
	ok(strstr(wbx, "<sheet name=\"_Отчёт _2025__ a_b_c_d_e — очен\"") != NULL,
	   "sheet name: []:*?/\\ and edge apostrophes replaced, cut to 31 characters");

	const struct export_table untitled = { NULL, 1, one, NULL, 1, one, NULL };
	name = export_xlsx(a, &untitled);
	wbx = name ? unzip(a, path_of(a, name), "xl/workbook.xml") : "";
	ok(strstr(wbx, "<sheet name=\"Sheet1\"") != NULL, "no title: Sheet1");

	const struct export_table empty = { "t", 0, NULL, NULL, 0, NULL, NULL };
	ok(export_xlsx(a, &empty) == NULL, "a table without columns is refused");
}

int main(void)
{
	struct arena a;

	if (!mkdtemp(tmp) || sodium_init() < 0)
		return 1;
	unsetenv("KACHESTVO_CONFIG");
	setenv("KACHESTVO_DATA_DIR", tmp, 1);
	ok(config_load() == 0 && strcmp(cfg.data_dir, tmp) == 0, "data dir from the environment");
	arena_init(&a, 4096, 64 << 20);
	test_csv(&a);
	test_xlsx(&a);
	const char **cells = export_cells(&a, 2, 3);

	ok(cells && export_cells(&a, 0, 3), "room for the cells, even of no rows");
	cells[2 * 3 - 1] = "last";
	ok(strcmp(cells[5], "last") == 0, "the last cell of 2 × 3 is writable");
	ok(export_cells(&a, (size_t)1 << 40, 8) == NULL, "more than the arena holds: NULL");
	arena_free(&a);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
	ok(system(cmd) == 0, "temp dir removed");
	return ok_done();
}
