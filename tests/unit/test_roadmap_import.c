/*
 * test_roadmap_import.c: the roadmap-import reader. The four seed roadmaps, written as
 * TSV, CSV (';', quotes, CRLF, BOM), XLSX by libxlsxwriter and XLSX by hand (inline and
 * shared strings, skipped cells), read back row for row with one digest; the seeds'
 * duplicate numbers and unparsed deadlines flagged; column heads, headings, blank rows,
 * formulas, long cells; CP1251 and UTF-16 refused; 100,000 rows refused fast in little
 * memory; broken, truncated, bomb-like and hostile XLSX refused without a crash.
 */
#include <iconv.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>
#include <zip.h>

#include "arena.h"
#include "http.h"
#include "roadmap_import.h"
#include "tap.h"

enum { ZIP_ENTRIES_MAX_TEST = 10001 };

static struct arena A;
static char tmpdir[] = "/tmp/test_roadmap_import.XXXXXX";
static const struct dl_period P22 = { 2022, 2022, 0 };

/* ---- a growable byte buffer for building files ---- */

struct sb {
	char *p;
	size_t n, cap;
};

static void sb_put(struct sb *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->p = realloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void sb_puts(struct sb *b, const char *s)
{
	sb_put(b, s, strlen(s));
}

__attribute__((format(printf, 2, 3))) static void sb_printf(struct sb *b, const char *fmt, ...)
{
	char tmp[8192];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	sb_put(b, tmp, (size_t)n);
}

/* ---- a grid of cells: what a spreadsheet shows ---- */

enum { COLS = 5, GRID_MAX = 256 };

struct grid {
	int n;
	const char *c[GRID_MAX][COLS];   /* NULL: empty */
};

static void grid_row(struct grid *g, const char *a, const char *b, const char *c, const char *d, const char *e)
{
	const char *v[COLS] = { a, b, c, d, e };
	for (int i = 0; i < COLS; i++)
		g->c[g->n][i] = v[i] && *v[i] ? v[i] : NULL;
	g->n++;
}

static void to_tsv(const struct grid *g, struct sb *b)
{
	for (int r = 0; r < g->n; r++) {
		for (int i = 0; i < COLS; i++) {
			if (i)
				sb_puts(b, "\t");
			if (g->c[r][i])
				sb_puts(b, g->c[r][i]);
		}
		sb_puts(b, "\n");
	}
}

/* Excel's «CSV UTF-8» in Russia: BOM, ';', CRLF, quotes where needed (and on every other cell here). */
static void to_csv(const struct grid *g, struct sb *b)
{
	sb_puts(b, "\xef\xbb\xbf");
	for (int r = 0; r < g->n; r++) {
		for (int i = 0; i < COLS; i++) {
			const char *s = g->c[r][i];
			if (i)
				sb_puts(b, ";");
			if (!s)
				continue;
			if (strpbrk(s, ";\"\r\n") || (r + i) % 2) {
				sb_puts(b, "\"");
				for (; *s; s++) {
					sb_put(b, s, 1);
					if (*s == '"')
						sb_puts(b, "\"");
				}
				sb_puts(b, "\"");
			} else {
				sb_puts(b, s);
			}
		}
		sb_puts(b, "\r\n");
	}
}

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *p;
	long len;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	p = malloc((size_t)len + 1);
	*n = fread(p, 1, (size_t)len, f);
	fclose(f);
	return p;
}

static void spit(const char *path, const char *p, size_t n)
{
	FILE *f = fopen(path, "wb");
	fwrite(p, 1, n, f);
	fclose(f);
}

/* A number that Excel would show as the same text: write it as a number. */
static bool plain_number(const char *s, double *d)
{
	char back[64], *end;

	*d = strtod(s, &end);
	if (*end || end == s)
		return false;
	snprintf(back, sizeof back, "%.15g", *d);
	return strcmp(back, s) == 0;
}

/* The grid as XLSX written by libxlsxwriter, numbers as numbers; returned in memory. */
static char *to_xlsxwriter(const struct grid *g, size_t *n)
{
	char path[128];
	lxw_workbook *wb;
	lxw_worksheet *ws;
	char *p;

	snprintf(path, sizeof path, "%s/lxw.xlsx", tmpdir);
	wb = workbook_new(path);
	ws = workbook_add_worksheet(wb, "Дорожная карта");
	for (int r = 0; r < g->n; r++)
		for (int i = 0; i < COLS; i++) {
			double d;
			if (!g->c[r][i])
				continue;
			if (plain_number(g->c[r][i], &d))
				worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)i, d, NULL);
			else
				worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)i, g->c[r][i], NULL);
		}
	workbook_close(wb);
	p = slurp(path, n);
	unlink(path);
	return p;
}

static void xml_text(struct sb *b, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&': sb_puts(b, "&amp;"); break;
		case '<': sb_puts(b, "&lt;"); break;
		case '>': sb_puts(b, "&gt;"); break;
		case '"': sb_puts(b, "&quot;"); break;
		default: sb_put(b, s, 1);
		}
}

struct part {
	const char *name, *text;
	size_t len;   /* 0: strlen(text) */
};

/* A ZIP archive of `parts`, in memory. */
static char *zip_parts(const struct part *parts, int n, size_t *len)
{
	char path[128];
	zip_t *z;
	int err;
	char *p;

	snprintf(path, sizeof path, "%s/hand.zip", tmpdir);
	unlink(path);
	z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	for (int i = 0; i < n; i++) {
		zip_source_t *s = zip_source_buffer(z, parts[i].text, parts[i].len ? parts[i].len : strlen(parts[i].text), 0);
		zip_file_add(z, parts[i].name, s, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
	}
	zip_close(z);
	p = slurp(path, len);
	unlink(path);
	return p;
}

static const char WB[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
	"<sheets><sheet name=\"Лист1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char RELS[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
	"</Relationships>";

/* The grid as XLSX written by hand: shared and inline strings alternating, empty cells skipped. */
static char *to_xlsx_hand(const struct grid *g, size_t *n)
{
	struct sb sheet = { 0 }, sst = { 0 };
	int nsst = 0;
	char *p;

	sb_puts(&sheet, "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
	sb_puts(&sst, "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
	for (int r = 0; r < g->n; r++) {
		sb_printf(&sheet, "<row r=\"%d\">", r + 1);
		for (int i = 0; i < COLS; i++) {
			const char *s = g->c[r][i];
			if (!s)
				continue;
			if ((r + i) % 2) {
				sb_printf(&sheet, "<c r=\"%c%d\" t=\"s\"><v>%d</v></c>", 'A' + i, r + 1, nsst++);
				sb_puts(&sst, "<si><t>");
				xml_text(&sst, s);
				sb_puts(&sst, "</t></si>");
			} else {
				sb_printf(&sheet, "<c r=\"%c%d\" t=\"inlineStr\"><is><t>", 'A' + i, r + 1);
				xml_text(&sheet, s);
				sb_puts(&sheet, "</t></is></c>");
			}
		}
		sb_puts(&sheet, "</row>");
	}
	sb_puts(&sheet, "</sheetData></worksheet>");
	sb_puts(&sst, "</sst>");
	struct part parts[] = {
		{ "xl/workbook.xml", WB, 0 },
		{ "xl/_rels/workbook.xml.rels", RELS, 0 },
		{ "xl/sharedStrings.xml", sst.p, 0 },
		{ "xl/worksheets/sheet1.xml", sheet.p, 0 },
	};
	p = zip_parts(parts, 4, n);
	free(sheet.p);
	free(sst.p);
	return p;
}

/* A workbook of one sheet given as XML rows (and optional shared strings and styles). */
static char *xlsx_sheet(const char *rows, const char *sst, const char *styles, size_t *n)
{
	struct sb sheet = { 0 };
	struct part parts[5] = {
		{ "xl/workbook.xml", WB, 0 },
		{ "xl/_rels/workbook.xml.rels", RELS, 0 },
	};
	int np = 2;
	char *p;

	sb_puts(&sheet, "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
	sb_puts(&sheet, rows);
	sb_puts(&sheet, "</sheetData></worksheet>");
	parts[np++] = (struct part){ "xl/worksheets/sheet1.xml", sheet.p, 0 };
	if (sst)
		parts[np++] = (struct part){ "xl/sharedStrings.xml", sst, 0 };
	if (styles)
		parts[np++] = (struct part){ "xl/styles.xml", styles, 0 };
	p = zip_parts(parts, np, n);
	free(sheet.p);
	return p;
}

/* ---- reading ---- */

static struct ri_result rd(const char *data, size_t n, enum ri_format f)
{
	struct ri_result r;

	if (ri_read_buffer(&A, data, n, f, &P22, &r) != 0)
		memset(&r, 0xff, sizeof r);
	return r;
}

static struct ri_result rds(const char *s, enum ri_format f)
{
	return rd(s, strlen(s), f);
}

static bool str_ok(const char *s)
{
	return !s || (*s && strlen(s) <= RI_CELL_MAX && http_text_ok(s, strlen(s)));
}

/* Every string valid UTF-8, non-empty, within the cap; counts consistent. */
static bool sane(const struct ri_result *r)
{
	size_t bad = 0;

	if (r->error != RI_OK)
		return r->nrows == 0 && r->rows == NULL && r->digest == NULL;
	if (!r->digest || strlen(r->digest) != 64 || r->nrows == 0 || r->nrows > RI_ROWS_MAX)
		return false;
	for (size_t i = 0; i < r->nrows; i++) {
		const struct ri_row *w = &r->rows[i];
		if (!str_ok(w->task) || !str_ok(w->number) || !str_ok(w->measure) || !str_ok(w->planned_result) ||
		    !str_ok(w->deadline_text) || !str_ok(w->responsible) || w->nerrors < 0 || w->nerrors > 4)
			return false;
		bad += w->nerrors > 0;
	}
	return bad == r->nerrors;
}

static bool has_error(const struct ri_row *w, enum ri_row_error e)
{
	for (int i = 0; i < w->nerrors; i++)
		if (w->errors[i] == e)
			return true;
	return false;
}

static bool eq(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* ---- the seeds ---- */

struct seed {
	const char *dir, *name;
	int rows;
};

static const struct seed seeds[] = {
	{ "ust-ilimsk", "000", 60 },
	{ "dalnerechensk", "001", 47 },
	{ "yeniseysk", "002", 64 },
	{ "baley", "003", 11 },
};

/* Splits a TSV line in place into at most `max` fields. */
static int split(char *line, char **f, int max)
{
	int n = 0;

	line[strcspn(line, "\r\n")] = '\0';
	f[n++] = line;
	for (char *p = line; *p && n < max; p++)
		if (*p == '\t') {
			*p = '\0';
			f[n++] = p + 1;
		}
	return n;
}

/* Strings of the loaded seed, freed by disown(). */
static char *owned[2048];
static int nowned;

static char *own(const char *s)
{
	char *d = strdup(s);
	if (nowned < (int)(sizeof owned / sizeof owned[0]))
		owned[nowned++] = d;
	return d;
}

static void disown(void)
{
	while (nowned)
		free(owned[--nowned]);
}

struct item {
	char *task, *f[COLS];   /* number, measure, result, deadline, responsible */
};

/* Loads a seed's roadmap: the grid as a coordinator would type it and the items it holds. */
static int load_seed(const struct seed *s, struct grid *g, struct item *items, struct dl_period *p)
{
	char path[256], line[16384], *f[16], *titles[32] = { 0 };
	int n = 0, last = 0;
	FILE *fp;

	snprintf(path, sizeof path, "db/seed/%s/roadmaps.tsv", s->dir);
	if (!(fp = fopen(path, "r")))
		return -1;
	while (fgets(line, sizeof line, fp))
		if (split(line, f, 16) >= 6 && strcmp(f[0], "municipality") != 0) {
			p->year_from = atoi(f[4]);
			p->year_to = atoi(f[5]);
			p->base_year = 0;
		}
	fclose(fp);
	snprintf(path, sizeof path, "db/seed/%s/roadmap_tasks.tsv", s->dir);
	fp = fopen(path, "r");
	while (fgets(line, sizeof line, fp))
		if (split(line, f, 16) >= 4 && strcmp(f[0], "municipality") != 0 && atoi(f[2]) > 0 && atoi(f[2]) < 32)
			titles[atoi(f[2])] = own(f[3]);
	fclose(fp);
	g->n = 0;
	grid_row(g, "№", "Мероприятия", "Планируемый результат", "Сроки", "Ответственный");
	snprintf(path, sizeof path, "db/seed/%s/roadmap_items.tsv", s->dir);
	fp = fopen(path, "r");
	while (fgets(line, sizeof line, fp)) {
		if (split(line, f, 16) < 10 || strcmp(f[0], "municipality") == 0)
			continue;
		int t = atoi(f[2]);
		if (t != last && t > 0 && t < 32 && titles[t]) {
			grid_row(g, titles[t], NULL, NULL, NULL, NULL);
			last = t;
		}
		items[n].task = titles[t];
		for (int i = 0; i < COLS; i++)
			items[n].f[i] = *f[4 + i] ? own(f[4 + i]) : NULL;
		grid_row(g, items[n].f[0], items[n].f[1], items[n].f[2], items[n].f[3], items[n].f[4]);
		n++;
	}
	fclose(fp);
	return n;
}

static void test_seeds(void)
{
	static struct item items[GRID_MAX];
	static struct grid g;

	for (size_t k = 0; k < sizeof seeds / sizeof seeds[0]; k++) {
		const struct seed *s = &seeds[k];
		struct dl_period p;
		struct sb tsv = { 0 }, csv = { 0 };
		struct ri_result r;
		char digest[65] = "", path[160];
		int n = load_seed(s, &g, items, &p), wrong = 0, dups = 0, dl_bad = 0;
		size_t xn;
		char *x;

		ok(n == s->rows, "seed %s: %d items in db/seed/%s (want %d)", s->name, n, s->dir, s->rows);
		to_tsv(&g, &tsv);
		ri_read_buffer(&A, tsv.p, tsv.n, RI_TSV, &p, &r);
		ok(r.error == RI_OK && (int)r.nrows == s->rows && sane(&r), "seed %s as TSV: %zu rows (error %d)",
		   s->name, r.nrows, r.error);
		for (size_t i = 0; r.error == RI_OK && i < r.nrows && (int)i < n; i++) {
			const struct ri_row *w = &r.rows[i];
			const struct item *it = &items[i];
			enum deadline_kind kind;
			bool dup = false;
			int want = 0;

			for (size_t j = 0; j < i; j++)
				dup |= it->f[0] && eq(items[j].f[0], it->f[0]);
			deadline_parse(it->f[3], &p, &kind, NULL, NULL, 0);
			want = dup + (kind == DL_INVALID);
			if (!eq(w->task, it->task) || !eq(w->number, it->f[0]) || !eq(w->measure, it->f[1]) ||
			    !eq(w->planned_result, it->f[2]) || !eq(w->deadline_text, it->f[3]) ||
			    !eq(w->responsible, it->f[4]) || w->kind != kind || w->nerrors != want ||
			    has_error(w, RIE_DUP_NUMBER) != dup || has_error(w, RIE_DEADLINE) != (kind == DL_INVALID))
				wrong++;
			if (has_error(w, RIE_DUP_NUMBER)) {
				dups++;
				ok(strcmp(s->name, "001") == 0 && (eq(w->number, "17") || eq(w->number, "18")),
				   "seed %s: duplicate number %s at line %d flagged", s->name, w->number, w->line);
			}
			dl_bad += has_error(w, RIE_DEADLINE);
		}
		ok(wrong == 0, "seed %s: every row's task, fields, deadline kind and errors as in the seed (%d wrong)",
		   s->name, wrong);
		if (strcmp(s->name, "001") == 0)
			ok(dups == 2, "seed 001: the second 17 and 18 flagged RIE_DUP_NUMBER (%d)", dups);
		if (strcmp(s->name, "002") == 0)
			ok(dl_bad >= 1, "seed 002: «Специалисты МКУ …» as a deadline flagged RIE_DEADLINE (%d)", dl_bad);
		ok(r.error == RI_OK && r.rows[0].line == 3 && r.rows[r.nrows - 1].line > (int)r.nrows,
		   "seed %s: line numbers count the header and the headings", s->name);
		if (r.digest)
			snprintf(digest, sizeof digest, "%s", r.digest);

		to_csv(&g, &csv);
		ri_read_buffer(&A, csv.p, csv.n, RI_CSV, &p, &r);
		ok(r.error == RI_OK && (int)r.nrows == s->rows && sane(&r) && eq(r.digest, digest),
		   "seed %s as CSV (BOM, ';', quotes, CRLF): same rows, same digest", s->name);

		x = to_xlsxwriter(&g, &xn);
		ri_read_buffer(&A, x, xn, RI_XLSX, &p, &r);
		ok(x && r.error == RI_OK && (int)r.nrows == s->rows && sane(&r) && eq(r.digest, digest),
		   "seed %s as XLSX by libxlsxwriter: same rows, same digest (error %d %s)", s->name, r.error,
		   r.error_detail ? r.error_detail : "");
		snprintf(path, sizeof path, "%s/seed.xlsx", tmpdir);
		spit(path, x, xn);
		ok(ri_read_file(&A, path, RI_XLSX, &p, &r) == 0 && r.error == RI_OK && eq(r.digest, digest),
		   "seed %s as an XLSX file: same digest", s->name);
		free(x);

		x = to_xlsx_hand(&g, &xn);
		ri_read_buffer(&A, x, xn, RI_XLSX, &p, &r);
		ok(r.error == RI_OK && (int)r.nrows == s->rows && sane(&r) && eq(r.digest, digest) &&
		   r.rows[0].line == 3,
		   "seed %s as XLSX with shared and inline strings: same rows, same digest", s->name);
		free(x);

		snprintf(path, sizeof path, "%s/seed.tsv", tmpdir);
		spit(path, tsv.p, tsv.n);
		ok(ri_read_file(&A, path, RI_TSV, &p, &r) == 0 && r.error == RI_OK && eq(r.digest, digest),
		   "seed %s as a TSV file: same digest", s->name);
		free(tsv.p);
		free(csv.p);
		disown();
		arena_reset(&A);
	}
}

/* ---- CSV details ---- */

static void test_csv(void)
{
	struct ri_result r;
	struct grid g = { 0 };
	char digest[65] = "";
	size_t xn;
	char *x;

	r = rds("\xef\xbb\xbf\"№\";\"Мероприятия\";\"Сроки\"\r\n"
		"1;\"Семинар \"\"Точка роста\"\"; второй день\";Март\r\n"
		"2;\"Первая строка\r\nвторая строка\";\"Апрель\"\r\n"
		";;\r\n"
		"3;  Совещание  ;май",
		RI_CSV);
	ok(r.error == RI_OK && r.nrows == 3 && sane(&r), "CSV: ';', BOM, quotes, a blank ';;' row, no final newline");
	if (r.error == RI_OK && r.nrows == 3) {
		ok(eq(r.rows[0].measure, "Семинар \"Точка роста\"; второй день"), "CSV: doubled quotes and ';' inside quotes");
		ok(eq(r.rows[1].measure, "Первая строка\nвторая строка") && r.rows[1].line == 3,
		   "CSV: embedded CRLF kept as LF; the row starts on line 3");
		ok(eq(r.rows[2].measure, "Совещание") && r.rows[2].line == 6 && r.rows[2].kind == DL_MONTH,
		   "CSV: cells trimmed; line 6 after a two-line row and a blank row");
		snprintf(digest, sizeof digest, "%s", r.digest);
	}
	/* the same content in XLSX, the newline as Excel writes it */
	grid_row(&g, "№", "Мероприятия", "Сроки", NULL, NULL);
	grid_row(&g, "1", "Семинар \"Точка роста\"; второй день", "Март", NULL, NULL);
	grid_row(&g, "2", "Первая строка\nвторая строка", "Апрель", NULL, NULL);
	grid_row(&g, "3", "Совещание", "май", NULL, NULL);
	x = to_xlsxwriter(&g, &xn);
	r = rd(x, xn, RI_XLSX);
	ok(r.error == RI_OK && eq(r.digest, digest), "XLSX with an embedded newline: the CSV's digest");
	free(x);
	x = xlsx_sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>№</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Мероприятия</t></is></c>"
		       "<c r=\"C1\" t=\"inlineStr\"><is><t>Сроки</t></is></c></row>"
		       "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>Семинар \"Точка роста\"; второй день</t></is></c><c r=\"C2\" t=\"inlineStr\"><is><t>Март</t></is></c></row>"
		       "<row r=\"3\"><c r=\"A3\"><v>2</v></c><c r=\"B3\" t=\"inlineStr\"><is><t>Первая строка_x000D_\nвторая строка</t></is></c><c r=\"C3\" t=\"inlineStr\"><is><t>Апрель</t></is></c></row>"
		       "<row r=\"6\"><c r=\"A6\"><v>3</v></c><c r=\"B6\" t=\"inlineStr\"><is><t xml:space=\"preserve\">  Совещание </t></is></c><c r=\"C6\" t=\"inlineStr\"><is><t>май</t></is></c></row>",
		       NULL, NULL, &xn);
	r = rd(x, xn, RI_XLSX);
	ok(r.error == RI_OK && eq(r.digest, digest) && r.nrows == 3 && r.rows[2].line == 6,
	   "XLSX with _x000D_ and a gap in row numbers: the CSV's digest, row number 6");
	free(x);

	r = rds("№,Мероприятия,\"Ответственный исполнитель, соисполнитель, участник\"\n1,\"Анализ, отчёт\",Управление\n", RI_CSV);
	ok(r.error == RI_OK && r.nrows == 1 && eq(r.rows[0].measure, "Анализ, отчёт") && eq(r.rows[0].responsible, "Управление"),
	   "CSV: ',' detected; a quoted head with commas names the responsible column");
	r = rds("№\tМероприятия\tСроки\n1\tСлово \"в кавычках\"\tМарт\n2\t\"Кавычки\" и хвост\tМай\n", RI_CSV);
	ok(r.error == RI_OK && r.nrows == 2 && eq(r.rows[0].measure, "Слово \"в кавычках\"") &&
	   eq(r.rows[1].measure, "Кавычки и хвост"),
	   "CSV: TAB detected; quotes inside a field kept, text after a closing quote kept as Excel does");
	r = rds("Мероприятия;Сроки\n\"Встреча;Март\nДругая;Апрель\n", RI_CSV);
	ok(r.error == RI_FORMAT && r.error_detail && strstr(r.error_detail, "строке 2"),
	   "CSV: an unclosed quote is RI_FORMAT naming line 2 (%s)", r.error_detail ? r.error_detail : "-");
	r = rds("№\tМероприятия\n1\t\"Семинар;\"\r\n2\tВторой\r", RI_TSV);
	ok(r.error == RI_OK && r.nrows == 2 && eq(r.rows[0].measure, "\"Семинар;\"") && r.rows[1].line == 3,
	   "TSV: no quoting; CRLF and a lone CR end lines");
	arena_reset(&A);
}

/* ---- header, headings, row errors ---- */

static void test_layout(void)
{
	struct ri_result r;
	char big[RI_CELL_MAX * 3], *tsv;

	r = rds("Дорожная карта на 2022 год\n\n"
		"Утверждена приказом № 91\n"
		"№ п/п\tОсновные мероприятия\tОтветственный исполнитель, соисполнитель, участник\tСрок реализации\t"
		"Непосредственный результат реализации основного мероприятия (краткое описание)\n"
		"Информационное обеспечение\n"
		"1\tПроведение МСОКО\tМКУ «УНО»\tЕжегодно\tВыявлены школы\n"
		"\t\t\t\t\n"
		"2\tСеминар\t\tмарт 2022\t\n"
		"\tЗадача 2. Повысить квалификацию\n"
		"3\tКурсы\t\tапрель\t\n",
		RI_TSV);
	ok(r.error == RI_OK && r.nrows == 3 && sane(&r), "title rows above the header skipped; 001's heads found");
	if (r.error == RI_OK && r.nrows == 3) {
		ok(eq(r.rows[0].responsible, "МКУ «УНО»") && eq(r.rows[0].planned_result, "Выявлены школы") &&
		   eq(r.rows[0].deadline_text, "Ежегодно") && r.rows[0].kind == DL_ANNUAL && r.rows[0].line == 6,
		   "columns mapped by head, not by position");
		ok(eq(r.rows[0].task, "Информационное обеспечение") && r.rows[1].task == r.rows[0].task,
		   "text alone in the first cell sets the task; it stays for the rows after it");
		ok(eq(r.rows[2].task, "Задача 2. Повысить квалификацию"), "«Задача …» alone in any cell sets the task");
		ok(r.rows[1].nerrors == 0 && !r.rows[1].responsible && r.nerrors == 0, "empty cells are NULL, not errors");
	}
	r = rds("МЕРОПРИЯТИЕ\tСРОКИ РЕАЛИЗАЦИИ:\tисполнители\tПоказатель реализации\n"
		"Встреча\tФевраль-март\tУО\tПротокол\n", RI_TSV);
	ok(r.error == RI_OK && r.nrows == 1 && eq(r.rows[0].responsible, "УО") && r.rows[0].kind == DL_MONTH_RANGE &&
	   !r.rows[0].number, "heads in capitals, with a colon, 000's and 003's names");
	r = rds("Описание действий\tСроки\nВстреча\tмарт\nСовещание\n", RI_TSV);
	ok(r.error == RI_OK && r.nrows == 2 && !r.rows[1].task && eq(r.rows[1].measure, "Совещание"),
	   "a lone measure in a measures-first table is a row, not a heading");
	r = rds("№\tМероприятия\n1\tВстреча\n2\n", RI_TSV);
	ok(r.error == RI_OK && r.nrows == 2 && has_error(&r.rows[1], RIE_NO_MEASURE) && r.nerrors == 1,
	   "a bare number is a row without a measure: RIE_NO_MEASURE");
	r = rds("№\tПланируемый результат\tСроки\n1\tПротокол\tМарт\n", RI_TSV);
	ok(r.error == RI_COLUMNS && eq(r.error_detail, "Мероприятия") &&
	   strstr(ri_result_message(&A, &r), "«Мероприятия»"),
	   "no measure column: RI_COLUMNS naming «Мероприятия» (%s)", ri_result_message(&A, &r));
	r = rds("", RI_TSV);
	ok(r.error == RI_EMPTY && sane(&r), "an empty file: RI_EMPTY");
	r = rds("\n\t\t\n  \n", RI_CSV);
	ok(r.error == RI_EMPTY, "blank lines only: RI_EMPTY");
	r = rds("№;Мероприятия;Сроки\r\n;;\r\n", RI_CSV);
	ok(r.error == RI_EMPTY, "a header and no rows: RI_EMPTY");
	r = rds("№;Мероприятия;Сроки;Ответственный\n"
		"1;=HYPERLINK(\"http://x\");март;-\n"
		"2;+7 999;@SUM(A1);-\n"
		"3;-2+3+cmd|' /C calc'!A0;март;\n"
		"1;Обычное;когда-нибудь потом;\n", RI_CSV);
	ok(r.error == RI_OK && r.nrows == 4 && has_error(&r.rows[0], RIE_FORMULA) && has_error(&r.rows[1], RIE_FORMULA) &&
	   has_error(&r.rows[2], RIE_FORMULA) && !has_error(&r.rows[3], RIE_FORMULA) &&
	   eq(r.rows[0].measure, "=HYPERLINK(\"http://x\")") && eq(r.rows[0].responsible, "-"),
	   "cells starting with = + - @ kept as text, flagged RIE_FORMULA; a lone «-» is not");
	ok(r.error == RI_OK && r.nrows == 4 && has_error(&r.rows[1], RIE_DEADLINE) && has_error(&r.rows[3], RIE_DEADLINE) &&
	   has_error(&r.rows[3], RIE_DUP_NUMBER) && r.rows[3].kind == DL_INVALID && r.nerrors == 4,
	   "an unparsed deadline: RIE_DEADLINE; a repeated number: RIE_DUP_NUMBER");
	memset(big, 0, sizeof big);
	for (size_t i = 0; i + 2 < RI_CELL_MAX * 3 - 2; i += 2)
		memcpy(big + i, "я", 2);
	big[sizeof big - 1] = '\0';
	tsv = malloc(sizeof big + 64);
	snprintf(tsv, sizeof big + 64, "Мероприятия\tСроки\nа%s\tмарт\n", big);
	r = rds(tsv, RI_TSV);
	ok(r.error == RI_OK && r.nrows == 1 && has_error(&r.rows[0], RIE_TOO_LONG) && sane(&r) &&
	   strlen(r.rows[0].measure) >= RI_CELL_MAX - 1, "a 12 KB cell cut at a letter under 4000 bytes: RIE_TOO_LONG");
	free(tsv);
	arena_reset(&A);
}

/* ---- encodings ---- */

static void test_encoding(void)
{
	const char *utf8 = "№;Мероприятия;Сроки;Ответственный\r\n1;Совещание руководителей школ;Март;Управление образования\r\n";
	char out[1024], *in = (char *)utf8, *o = out;
	size_t inl = strlen(utf8), outl = sizeof out;
	iconv_t cd = iconv_open("CP1251", "UTF-8");
	struct ri_result r;

	ok(cd != (iconv_t)-1 && iconv(cd, &in, &inl, &o, &outl) != (size_t)-1, "iconv makes CP1251 bytes");
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	r = rd(out, (size_t)(o - out), RI_CSV);
	ok(r.error == RI_ENCODING && eq(r.error_detail, "Windows-1251") &&
	   strstr(ri_result_message(&A, &r), "Windows-1251") && strstr(ri_error_message(r.error), "UTF-8"),
	   "CP1251: RI_ENCODING, «похоже на Windows-1251» (%s)", ri_result_message(&A, &r));
	r = rds("Мероприятия\n\xff\xfe\x80\x81 abc \x90\x91\x92\n", RI_TSV);
	ok(r.error == RI_ENCODING && !r.error_detail, "other invalid UTF-8: RI_ENCODING without a guess");
	r = rd("\xff\xfeM\0e\0", 6, RI_CSV);
	ok(r.error == RI_ENCODING && eq(r.error_detail, "UTF-16"), "UTF-16 with a BOM: RI_ENCODING «UTF-16»");
	r = rds("Мероприятия\n\xd0", RI_TSV);
	ok(r.error == RI_ENCODING, "UTF-8 cut in the middle of a letter at the end: RI_ENCODING");
	r = rds("Мероприятия\nВстреча \xed\xa0\x80\n", RI_TSV);
	ok(r.error == RI_ENCODING, "a UTF-16 surrogate in UTF-8: RI_ENCODING");
	r = rds("Мероприятия\tСроки\nВстреча\x01\x1b итогов\tмарт\n", RI_TSV);
	ok(r.error == RI_OK && eq(r.rows[0].measure, "Встреча   итогов"), "control characters become spaces");
	arena_reset(&A);
}

/* ---- limits ---- */

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void test_limits(void)
{
	struct sb b = { 0 };
	struct ri_result r;
	char path[160];
	double t0;
	size_t used;
	int rc;

	sb_puts(&b, "№\tМероприятия\tСроки\n");
	for (int i = 1; i <= RI_ROWS_MAX; i++)
		sb_printf(&b, "%d\tМероприятие номер %d\tмарт\n", i, i);
	r = rd(b.p, b.n, RI_TSV);
	ok(r.error == RI_OK && r.nrows == RI_ROWS_MAX && r.nerrors == 0, "exactly %d rows: accepted", RI_ROWS_MAX);
	arena_reset(&A);
	for (int i = RI_ROWS_MAX + 1; i <= 100000; i++)
		sb_printf(&b, "%d\tМероприятие номер %d\tмарт\n", i, i);
	t0 = now();
	r = rd(b.p, b.n, RI_TSV);
	used = A.used_total;
	ok(r.error == RI_TOO_MANY && now() - t0 < 1.0 && used < (4u << 20),
	   "100,000 rows: RI_TOO_MANY in %.3f s with %zu KiB of arena", now() - t0, used >> 10);
	arena_reset(&A);
	snprintf(path, sizeof path, "%s/big.tsv", tmpdir);
	spit(path, b.p, b.n);
	t0 = now();
	rc = ri_read_file(&A, path, RI_TSV, &P22, &r);
	used = A.used_total;
	ok(rc == 0 && r.error == RI_TOO_MANY && now() - t0 < 1.0 && used < (4u << 20),
	   "100,000 rows from a file: RI_TOO_MANY, streamed (%zu KiB of arena)", used >> 10);
	ok(strstr(ri_result_message(&A, &r), "5000") != NULL, "the message names the cap");
	arena_reset(&A);
	free(b.p);
	ok(ri_read_file(&A, "/nonexistent/roadmap.csv", RI_CSV, &P22, &r) == -1, "a missing file: -1");
	ok(ri_read_buffer(&A, "x", 1, RI_CSV, NULL, &r) == -1, "no period: -1");
}

/* ---- XLSX details ---- */

static const char STYLES[] =
	"<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
	"<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy;@\"/></numFmts>"
	"<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
	"<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"2\"/></cellXfs>"
	"</styleSheet>";

static void test_xlsx(void)
{
	struct ri_result r;
	char *x;
	size_t xn;

	x = xlsx_sheet("<row r=\"7\"><c r=\"C7\" t=\"s\"><v>0</v></c><c r=\"E7\" t=\"s\"><v>1</v></c><c r=\"B7\" t=\"s\"><v>2</v></c></row>"
		       "<row r=\"8\"><c r=\"B8\"><v>5.2000000000000002</v></c><c r=\"C8\" t=\"s\"><v>3</v></c>"
		       "<c r=\"E8\" s=\"1\"><v>44621</v></c></row>"
		       "<row r=\"9\"><c r=\"B9\"><v>17</v></c><c r=\"C9\" t=\"str\"><f>CONCAT(\"a\",\"b\")</f><v>ab</v></c>"
		       "<c r=\"E9\" s=\"2\"><v>44652.5</v></c></row>"
		       "<row r=\"10\"><c r=\"B10\"><v>-3</v></c><c r=\"C10\" t=\"inlineStr\"><is><r><t>Жирная </t></r><r><t>часть</t></r>"
		       "<rPh><t>фонетика</t></rPh></is></c><c r=\"E10\" s=\"3\"><v>2022</v></c></row>",
		       "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
		       "<si><t>Мероприятия</t></si><si><r><t>Сро</t></r><r><rPr><b/></rPr><t>ки</t></r></si><si><t>№</t></si>"
		       "<si><t>Встреча_x000D_\n_x0009_итоги</t></si></sst>",
		       STYLES, &xn);
	r = rd(x, xn, RI_XLSX);
	ok(r.error == RI_OK && r.nrows == 3 && sane(&r), "hand XLSX: header on row 7 from C7, E7, B7 out of order");
	if (r.error == RI_OK && r.nrows == 3) {
		ok(eq(r.rows[0].number, "5.2") && eq(r.rows[0].measure, "Встреча\n\tитоги") && r.rows[0].line == 8,
		   "number 5.2000000000000002 shown as 5.2; _x000D_ and _x0009_ decoded");
		ok(eq(r.rows[0].deadline_text, "01.03.2022") && r.rows[0].kind == DL_DATE,
		   "a date cell (built-in format 14) read as 01.03.2022 (%s)", r.rows[0].deadline_text);
		ok(eq(r.rows[1].deadline_text, "01.04.2022") && has_error(&r.rows[1], RIE_FORMULA) && eq(r.rows[1].measure, "ab"),
		   "a custom date format; a formula cell keeps its value and is flagged RIE_FORMULA");
		ok(eq(r.rows[2].measure, "Жирная часть") && eq(r.rows[2].number, "-3") && eq(r.rows[2].deadline_text, "2022") &&
		   !has_error(&r.rows[2], RIE_FORMULA),
		   "rich text runs joined, phonetic hints dropped; a negative number is no formula");
	}
	free(x);

	/* a workbook whose first sheet is not sheet1.xml */
	{
		const char wb[] = "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
				  "<workbookPr date1904=\"1\"/><sheets><sheet name=\"План\" sheetId=\"3\" r:id=\"rId7\"/>"
				  "<sheet name=\"Старое\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
		const char rels[] = "<Relationships><Relationship Id=\"rId1\" Type=\"http://x/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
				    "<Relationship Id=\"rId7\" Type=\"http://x/relationships/worksheet\" Target=\"/xl/worksheets/plan.xml\"/></Relationships>";
		const char plan[] = "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
				    "<x:row><x:c t=\"inlineStr\"><x:is><x:t>Мероприятия</x:t></x:is></x:c><x:c t=\"inlineStr\"><x:is><x:t>Сроки</x:t></x:is></x:c></x:row>"
				    "<x:row><x:c t=\"inlineStr\"><x:is><x:t>Из плана</x:t></x:is></x:c><x:c s=\"1\"><x:v>43891</x:v></x:c></x:row>"
				    "</x:sheetData></x:worksheet>";
		const char styles[] = "<styleSheet><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>";
		struct part parts[] = {
			{ "xl/workbook.xml", wb, 0 }, { "xl/_rels/workbook.xml.rels", rels, 0 },
			{ "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>Мероприятия</t></is></c></row>"
						      "<row><c t=\"inlineStr\"><is><t>Не тот лист</t></is></c></row></sheetData></worksheet>", 0 },
			{ "xl/worksheets/plan.xml", plan, 0 }, { "xl/styles.xml", styles, 0 },
		};
		x = zip_parts(parts, 5, &xn);
		r = rd(x, xn, RI_CSV);   /* the caller guessed wrong: a ZIP is read as XLSX */
		ok(r.error == RI_OK && r.nrows == 1 && eq(r.rows[0].measure, "Из плана") && r.rows[0].line == 2 &&
		   eq(r.rows[0].deadline_text, "02.03.2024"),
		   "the first sheet found through workbook.xml and its rels; prefixed names; cells without r; 1904 dates (%s)",
		   r.error == RI_OK ? r.rows[0].deadline_text : "-");
		free(x);
	}

	/* a real formula from libxlsxwriter */
	{
		char path[160];
		lxw_workbook *wb;
		lxw_worksheet *ws;

		snprintf(path, sizeof path, "%s/f.xlsx", tmpdir);
		wb = workbook_new(path);
		ws = workbook_add_worksheet(wb, NULL);
		worksheet_write_string(ws, 0, 0, "Мероприятия", NULL);
		worksheet_write_string(ws, 0, 1, "Сроки", NULL);
		worksheet_write_formula(ws, 1, 0, "=CONCATENATE(\"Встреча\",\" в школе\")", NULL);
		worksheet_write_string(ws, 1, 1, "март", NULL);
		worksheet_write_string(ws, 2, 0, "=1+1", NULL);
		worksheet_write_string(ws, 2, 1, "май", NULL);
		workbook_close(wb);
		ok(ri_read_file(&A, path, RI_XLSX, &P22, &r) == 0 && r.error == RI_OK && r.nrows == 2 &&
		   has_error(&r.rows[0], RIE_FORMULA) && has_error(&r.rows[1], RIE_FORMULA) && eq(r.rows[1].measure, "=1+1"),
		   "libxlsxwriter: a formula cell and a text cell «=1+1» both flagged RIE_FORMULA");
	}
	arena_reset(&A);
}

static void test_hostile_xlsx(void)
{
	struct ri_result r;
	char *x, *bomb;
	size_t xn, bn = 30u << 20;
	double t0;
	int bad = 0;

	/* 30 MiB of sheet in a few tens of KiB */
	bomb = malloc(bn);
	memset(bomb, ' ', bn);
	memcpy(bomb, "<worksheet><sheetData>", 22);
	memcpy(bomb + bn - 24, "</sheetData></worksheet>", 24);
	{
		struct part parts[] = { { "xl/workbook.xml", WB, 0 }, { "xl/worksheets/sheet1.xml", bomb, bn } };
		x = zip_parts(parts, 2, &xn);
	}
	t0 = now();
	r = rd(x, xn, RI_XLSX);
	ok(r.error == RI_FORMAT && xn < (1u << 20) && now() - t0 < 2.0,
	   "a %zu KiB XLSX holding a 30 MiB sheet: RI_FORMAT (%s)", xn >> 10, r.error_detail ? r.error_detail : "-");
	free(x);
	free(bomb);
	arena_reset(&A);

	{
		struct grid g = { 0 };
		grid_row(&g, "№", "Мероприятия", "Сроки", NULL, NULL);
		grid_row(&g, "1", "Совещание", "март", NULL, NULL);
		grid_row(&g, "2", "Семинар", "апрель", NULL, NULL);
		x = to_xlsxwriter(&g, &xn);
	}
	r = rd(x, xn, RI_XLSX);
	ok(r.error == RI_OK && r.nrows == 2, "a small libxlsxwriter workbook reads");
	for (size_t cut = 0; cut < xn; cut += cut < 64 ? 1 : 7) {
		r = rd(x, cut, RI_XLSX);
		bad += r.error != RI_FORMAT && !(cut < 4 && r.error == RI_FORMAT);
		arena_reset(&A);
	}
	ok(bad == 0, "every truncation of it: RI_FORMAT, no crash (%d not)", bad);
	bad = 0;
	for (size_t i = 30; i < xn; i += 13) {
		char *y = malloc(xn);
		memcpy(y, x, xn);
		y[i] ^= 0x5a;
		r = rd(y, xn, RI_XLSX);
		bad += !sane(&r);
		free(y);
		arena_reset(&A);
	}
	ok(bad == 0, "single corrupted bytes: a clean result or an error, never a crash (%d insane)", bad);
	free(x);

	x = xlsx_sheet("<row><c t=\"s\"><v>7</v></c></row>", "<sst><si><t>Мероприятия</t></si></sst>", NULL, &xn);
	r = rd(x, xn, RI_XLSX);
	ok(r.error == RI_FORMAT, "a shared-string index out of range: RI_FORMAT");
	free(x);
	{
		const char lol[] = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
				   "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>";
		struct part parts[] = { { "xl/workbook.xml", WB, 0 }, { "xl/worksheets/sheet1.xml", lol, 0 } };
		x = zip_parts(parts, 2, &xn);
		r = rd(x, xn, RI_XLSX);
		ok(r.error == RI_FORMAT, "a DTD with entities: RI_FORMAT (%s)", r.error_detail ? r.error_detail : "-");
		free(x);
	}
	{
		struct part parts[] = { { "xl/worksheets/sheet1.xml", "<worksheet/>", 0 } };
		x = zip_parts(parts, 1, &xn);
		r = rd(x, xn, RI_XLSX);
		ok(r.error == RI_FORMAT, "a ZIP without xl/workbook.xml: RI_FORMAT");
		free(x);
	}
	{
		struct part parts[] = { { "xl/workbook.xml", WB, 0 }, { "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row>", 0 } };
		x = zip_parts(parts, 2, &xn);
		r = rd(x, xn, RI_XLSX);
		ok(r.error == RI_FORMAT, "unclosed XML: RI_FORMAT");
		free(x);
	}
	{
		static struct part many[ZIP_ENTRIES_MAX_TEST];
		static char names[ZIP_ENTRIES_MAX_TEST][16];
		for (int i = 0; i < ZIP_ENTRIES_MAX_TEST; i++) {
			snprintf(names[i], sizeof names[i], "f%d", i);
			many[i] = (struct part){ names[i], "", 1 };
		}
		many[0] = (struct part){ "xl/workbook.xml", WB, 0 };
		x = zip_parts(many, ZIP_ENTRIES_MAX_TEST, &xn);
		r = rd(x, xn, RI_XLSX);
		ok(r.error == RI_FORMAT && r.error_detail && strstr(r.error_detail, "много файлов"),
		   "%d files in the archive: RI_FORMAT", ZIP_ENTRIES_MAX_TEST);
		free(x);
	}
	r = rd("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, RI_XLSX);
	ok(r.error == RI_FORMAT && r.error_detail && strstr(r.error_detail, "XLS"), "an old .xls: RI_FORMAT naming XLS");
	r = rds("№;Мероприятия\n1;x\n", RI_XLSX);
	ok(r.error == RI_FORMAT, "text said to be XLSX: RI_FORMAT");
	r = rd("PK\3\4garbage", 11, RI_XLSX);
	ok(r.error == RI_FORMAT, "a ZIP header and garbage: RI_FORMAT");
	arena_reset(&A);
}

/* ---- the committed fixture, messages, formats ---- */

static void test_fixture_and_messages(void)
{
	static struct item items[GRID_MAX];
	static struct grid g;
	struct dl_period p;
	struct sb tsv = { 0 };
	struct ri_result r;
	char digest[65] = "";

	load_seed(&seeds[2], &g, items, &p);
	to_tsv(&g, &tsv);
	ri_read_buffer(&A, tsv.p, tsv.n, RI_TSV, &p, &r);
	if (r.digest)
		snprintf(digest, sizeof digest, "%s", r.digest);
	ok(ri_read_file(&A, "tests/unit/fixtures/roadmap_import/seed-002.csv", RI_CSV, &p, &r) == 0 &&
	   r.error == RI_OK && r.nrows == 64 && eq(r.digest, digest),
	   "fixture seed-002.csv (Excel-style CSV) has seed 002's digest");
	ok(ri_read_file(&A, "tests/unit/fixtures/roadmap_import/seed-002-cp1251.csv", RI_CSV, &p, &r) == 0 &&
	   r.error == RI_ENCODING && eq(r.error_detail, "Windows-1251"),
	   "fixture seed-002-cp1251.csv (saved as plain «CSV»): RI_ENCODING, Windows-1251");
	free(tsv.p);
	disown();

	int empty = 0;
	for (int e = 0; e <= RI__MAX; e++)
		empty += !ri_error_message((enum ri_error)e) || !*ri_error_message((enum ri_error)e);
	for (int e = 0; e <= RIE__MAX; e++)
		empty += !ri_row_error_message((enum ri_row_error)e) || !*ri_row_error_message((enum ri_row_error)e);
	ok(empty == 0 && strcmp(ri_row_error_message(RIE_DUP_NUMBER), ri_row_error_message(RIE_DEADLINE)) != 0,
	   "every error has a message");
	ok(ri_format_from_mime("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "a.xlsx") == RI_XLSX &&
	   ri_format_from_mime("application/zip", NULL) == RI_XLSX &&
	   ri_format_from_mime("text/csv", "План.CSV") == RI_CSV &&
	   ri_format_from_mime("text/plain", "plan.tsv") == RI_TSV &&
	   ri_format_from_mime("text/plain", NULL) == RI_CSV &&
	   ri_format_from_mime("application/vnd.ms-excel", "a.xls") == -1 &&
	   ri_format_from_mime("application/pdf", "a.pdf") == -1 && ri_format_from_mime(NULL, NULL) == -1,
	   "formats from libmagic's MIME types and the file name");
	arena_reset(&A);
}

int main(void)
{
	if (arena_init(&A, 256 << 10, 32 << 20) != 0 || !mkdtemp(tmpdir))
		return 1;
	test_seeds();
	test_csv();
	test_layout();
	test_encoding();
	test_limits();
	test_xlsx();
	test_hostile_xlsx();
	test_fixture_and_messages();
	arena_free(&A);
	for (const char *const *f = (const char *const[]){ "seed.xlsx", "seed.tsv", "big.tsv", "f.xlsx", NULL }; *f; f++) {
		char path[160];
		snprintf(path, sizeof path, "%s/%s", tmpdir, *f);
		unlink(path);
	}
	rmdir(tmpdir);
	return ok_done();
}
