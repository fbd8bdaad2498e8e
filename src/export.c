/*
 * export.c: tables as CSV (into a response buffer) and XLSX (libxlsxwriter, into
 * <data_dir>/exports/, served by nginx through X-Accel-Redirect).
 * No HTTP, no database, no Russian text: labels come from the caller (vocab.c).
 * Spreadsheet cells are always strings; a leading = + - @ TAB or CR is defused.
 */
#include "export.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>
#include <xlsxwriter.h>

#include "arena.h"
#include "buf.h"
#include "config.h"
#include "log.h"

enum {
	CELL_MAX_CHARS = 32767,   /* Excel's limit per cell; libxlsxwriter refuses longer */
	SHEET_MAX_CHARS = 31,     /* Excel's limit per sheet name, in UTF-16 units */
	WIDTH_MIN = 6,            /* automatic column widths, in characters */
	WIDTH_MAX = 60,
	NAME_RANDOM_BYTES = 16,   /* exp-<32 hex>.xlsx: unguessable, never a user string */
};

static const struct {
	const char *mime;
	const char *ext;
} formats[EXPORT__MAX] = {
	{ "text/csv; charset=utf-8", "csv" },                                              /* EXPORT_CSV */
	{ "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx" },  /* EXPORT_XLSX */
};

/* Row fills by roadmap status code (vocab.c item_status_v): light tints, so black text keeps a contrast above 12:1 (WCAG AA).
 * The status is also a column of its own; colour is never the only sign. */
static const struct status_fill {
	const char *code;
	lxw_color_t rgb;
} status_fills[] = {
	{ "planned",     0xF2F2F2 },  /* light grey */
	{ "in_progress", 0xFFF2CC },  /* light amber */
	{ "done",        0xE2EFDA },  /* light green */
	{ "confirmed",   0xC6EFCE },  /* green */
	{ "overdue",     0xFFC7CE },  /* light red */
	{ "unscheduled", 0xDDEBF7 },  /* light blue */
};
#define NFILLS (sizeof status_fills / sizeof status_fills[0])

const char *export_mime(enum export_format f)
{
	return (unsigned)f < EXPORT__MAX ? formats[f].mime : NULL;
}

const char *export_ext(enum export_format f)
{
	return (unsigned)f < EXPORT__MAX ? formats[f].ext : NULL;
}

const char **export_cells(struct arena *a, size_t nrows, size_t ncols)
{
	return arena_alloc(a, (nrows + 1) * ncols * sizeof(const char *));
}

const char *export_accel_path(struct arena *a, const char *name)
{
	return arena_printf(a, "/exports/%s", name);
}

/* True if a spreadsheet would read `s` as a formula (OWASP "CSV injection"). */
static bool formula_lead(const char *s)
{
	switch (s[0]) {
	case '=': case '+': case '-': case '@': case '\t': case '\r':
		return true;
	default:
		return false;
	}
}

/* ---------------------------------------------------------------- CSV */

static void csv_field(struct buf *out, const char *s)
{
	bool quote;
	const char *q;

	if (!s || !*s)
		return;
	quote = strpbrk(s, ";,\"\r\n") != NULL;
	if (quote)
		buf_putc(out, '"');
	if (formula_lead(s))
		buf_putc(out, '\'');
	while ((q = strchr(s, '"')) != NULL) {
		buf_put(out, s, (size_t)(q - s) + 1);
		buf_putc(out, '"');   /* "" inside a quoted field */
		s = q + 1;
	}
	buf_puts(out, s);
	if (quote)
		buf_putc(out, '"');
}

static void csv_row(struct buf *out, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc(out, ';');   /* Excel in a Russian locale splits on ';' */
		csv_field(out, v ? v[i] : NULL);
	}
	buf_put(out, "\r\n", 2);
}

int export_csv(const struct export_table *t, struct buf *out)
{
	buf_put(out, "\xEF\xBB\xBF", 3);
	if (t->ncols > 0) {
		csv_row(out, t->headers, t->ncols);
		for (size_t r = 0; r < t->nrows; r++)
			csv_row(out, t->cells + r * t->ncols, t->ncols);
	}
	return out->err ? -1 : 0;
}

/* ---------------------------------------------------------------- XLSX */

/* UTF-16 units of the code point starting with byte `c` (0 for a continuation byte). */
static size_t utf16_units(unsigned char c)
{
	if ((c & 0xC0) == 0x80)
		return 0;
	return c >= 0xF0 ? 2 : 1;
}

/* Bytes of the longest prefix of `s` (length n) with at most `max` UTF-16 units,
 * ending on a code point boundary. */
static size_t utf8_prefix(const char *s, size_t n, size_t max)
{
	size_t units = 0, i;

	for (i = 0; i < n; i++) {
		size_t u = utf16_units((unsigned char)s[i]);

		if (u && units + u > max)
			break;
		units += u;
	}
	return i;
}

/* The text a cell gets: apostrophe before a formula lead, cut to Excel's limit.
 * Returns `s` itself when nothing changes, NULL when the arena is full. */
static const char *xlsx_text(struct arena *a, const char *s)
{
	bool guard = formula_lead(s);
	size_t n = strlen(s), keep = utf8_prefix(s, n, CELL_MAX_CHARS - guard);

	if (!guard && keep == n)
		return s;
	return arena_printf(a, "%s%.*s", guard ? "'" : "", (int)keep, s);
}

/* Excel's rules for a sheet name: 1-31 characters, none of []:*?/\, no apostrophe
 * at either end. Returns NULL for an empty title (libxlsxwriter names it Sheet1). */
static char *sheet_name(struct arena *a, const char *title)
{
	size_t n;
	char *s;

	if (!title || !*title)
		return NULL;
	n = strlen(title);
	if (!(s = arena_strndup(a, title, utf8_prefix(title, n, SHEET_MAX_CHARS))))
		return NULL;
	for (char *p = s; *p; p++)
		if (strchr("[]:*?/\\", *p) || (unsigned char)*p < 0x20 || *p == 0x7F)
			*p = '_';
	n = strlen(s);
	if (s[0] == '\'')
		s[0] = '_';
	if (s[n - 1] == '\'')
		s[n - 1] = '_';
	return s;
}

/* Deletes exp-* files in `dir` last written more than EXPORT_KEEP_SECONDS ago.
 * Other names are left alone; errors only cost disk space, so they are logged. */
static void export_clean(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct stat st;
	time_t old = time(NULL) - EXPORT_KEEP_SECONDS;

	if (!d) {
		log_err("export", "opendir %s: %s", dir, strerror(errno));
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, "exp-", 4) != 0)
			continue;
		if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode) ||
		    st.st_mtime >= old)
			continue;
		if (unlinkat(dirfd(d), e->d_name, 0) != 0 && errno != ENOENT)
			log_err("export", "unlink %s/%s: %s", dir, e->d_name, strerror(errno));
	}
	closedir(d);
}

/* Width of column `c` in characters: the longest line among its head and cells. */
static double auto_width(const struct export_table *t, size_t c)
{
	size_t best = 0;

	for (size_t r = 0; r <= t->nrows; r++) {
		const char *s = r == 0 ? t->headers[c] : t->cells[(r - 1) * t->ncols + c];
		size_t line = 0;

		for (; s && *s; s++) {
			if (*s == '\n')
				line = 0;
			else if ((line += utf16_units((unsigned char)*s)) > best)
				best = line;
		}
	}
	if (best < WIDTH_MIN)
		best = WIDTH_MIN;
	if (best > WIDTH_MAX)
		best = WIDTH_MAX;
	return (double)best + 2;
}

static lxw_format *fill_format(lxw_workbook *wb, lxw_color_t rgb)
{
	lxw_format *f = workbook_add_format(wb);

	if (f) {
		format_set_text_wrap(f);
		format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
		if (rgb)
			format_set_bg_color(f, rgb);
	}
	return f;
}

/* The fill format of a row's status, or the plain one. */
static lxw_format *row_format(const struct export_table *t, size_t r, lxw_format *plain,
			      lxw_format *const fills[NFILLS])
{
	const char *code = t->row_status ? t->row_status[r] : NULL;

	for (size_t i = 0; code && i < NFILLS; i++)
		if (strcmp(code, status_fills[i].code) == 0)
			return fills[i];
	return plain;
}

/* Fills the one worksheet. Returns LXW_NO_ERROR or the first error. */
static lxw_error xlsx_sheet(struct arena *a, lxw_workbook *wb, lxw_worksheet *ws,
			    const struct export_table *t)
{
	lxw_format *head = workbook_add_format(wb), *plain = fill_format(wb, 0), *fills[NFILLS];
	lxw_error err = LXW_NO_ERROR;
	lxw_col_t last = (lxw_col_t)(t->ncols - 1);

	if (!head || !plain)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	for (size_t i = 0; i < NFILLS; i++)
		if (!(fills[i] = fill_format(wb, status_fills[i].rgb)))
			return LXW_ERROR_MEMORY_MALLOC_FAILED;
	format_set_bold(head);
	format_set_text_wrap(head);
	format_set_align(head, LXW_ALIGN_VERTICAL_TOP);
	format_set_bottom(head, LXW_BORDER_THIN);

	for (lxw_col_t c = 0; c <= last && !err; c++)
		err = worksheet_set_column(ws, c, c, t->widths ? t->widths[c] : auto_width(t, c), NULL);
	worksheet_freeze_panes(ws, 1, 0);
	if (!err)
		err = worksheet_autofilter(ws, 0, 0, (lxw_row_t)t->nrows, last);

	for (size_t r = 0; r <= t->nrows && !err; r++) {
		const char *const *row = r == 0 ? t->headers : t->cells + (r - 1) * t->ncols;
		lxw_format *f = r == 0 ? head : row_format(t, r - 1, plain, fills);

		for (lxw_col_t c = 0; c <= last && !err; c++) {
			const char *s = row[c];

			if (!s || !*s) {
				err = worksheet_write_blank(ws, (lxw_row_t)r, c, f);
				continue;
			}
			if (!(s = xlsx_text(a, s)))
				return LXW_ERROR_MEMORY_MALLOC_FAILED;
			/* write_string, never write_formula: the cell is text whatever it holds */
			err = worksheet_write_string(ws, (lxw_row_t)r, c, s, f);
		}
	}
	return err;
}

const char *export_xlsx(struct arena *a, const struct export_table *t)
{
	unsigned char rnd[NAME_RANDOM_BYTES];
	char hex[2 * NAME_RANDOM_BYTES + 1];
	const char *dir, *name, *path;
	char *sheet;
	lxw_workbook_options opt = { .constant_memory = 0, .tmpdir = NULL, .use_zip64 = 0 };
	lxw_doc_properties props = { 0 };
	lxw_workbook *wb;
	lxw_worksheet *ws = NULL;
	lxw_error err;

	if (t->ncols == 0 || t->ncols > LXW_COL_MAX || t->nrows >= LXW_ROW_MAX || !t->headers ||
	    (t->nrows && !t->cells)) {
		log_err("export", "bad table: %zu columns, %zu rows", t->ncols, t->nrows);
		return NULL;
	}
	if (!(dir = arena_printf(a, "%s/exports", cfg.data_dir)))
		return NULL;
	if (mkdir(dir, 0750) != 0 && errno != EEXIST) {
		log_err("export", "mkdir %s: %s", dir, strerror(errno));
		return NULL;
	}
	export_clean(dir);

	randombytes_buf(rnd, sizeof rnd);
	sodium_bin2hex(hex, sizeof hex, rnd, sizeof rnd);
	name = arena_printf(a, "exp-%s.xlsx", hex);
	path = name ? arena_printf(a, "%s/%s", dir, name) : NULL;
	sheet = sheet_name(a, t->title);
	if (!path || (t->title && *t->title && !sheet))
		return NULL;

	/* libxlsxwriter's own temp files go beside the result, on the data disk, not /tmp */
	opt.tmpdir = (char *)dir;
	if (!(wb = workbook_new_opt(path, &opt))) {
		log_err("export", "workbook_new %s failed", path);
		return NULL;
	}
	props.title = (char *)t->title;
	err = workbook_set_properties(wb, &props);
	if (!err && sheet && workbook_validate_sheet_name(wb, sheet) != LXW_NO_ERROR)
		sheet = NULL;   /* a name Excel still refuses: fall back to Sheet1 */
	if (!err && !(ws = workbook_add_worksheet(wb, sheet)))
		err = LXW_ERROR_MEMORY_MALLOC_FAILED;
	if (!err)
		err = xlsx_sheet(a, wb, ws, t);
	/* close always: it frees the workbook, and writes the file only now */
	lxw_error cerr = workbook_close(wb);

	if (err || cerr) {
		log_err("export", "write %s: %s", path, lxw_strerror(err ? err : cerr));
		unlink(path);
		return NULL;
	}
	return name;
}
