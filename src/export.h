/*
 * export.h: a table (roadmap items, documents, results) as a CSV body or as an
 * XLSX file under <data_dir>/exports/ that nginx serves via X-Accel-Redirect.
 * No HTTP, no database and no Russian text here: the caller passes labels.
 */
#ifndef EXPORT_H
#define EXPORT_H

#include <stddef.h>

struct arena;
struct buf;

enum export_format { EXPORT_CSV, EXPORT_XLSX, EXPORT__MAX };

struct export_table {
	const char *title;              /* sheet name and document title, e.g. «Дорожная карта г. Усть-Илимск»; may be NULL */
	size_t ncols;
	const char *const *headers;     /* ncols Russian column heads */
	const double *widths;           /* ncols column widths in characters (XLSX), or NULL: from the content */
	size_t nrows;
	const char *const *cells;       /* nrows × ncols, row-major; NULL = empty */
	const char *const *row_status;  /* nrows item_status_v codes (planned, …, overdue, unscheduled)
	                                   colouring the rows in XLSX, or NULL; NULL/unknown: no colour */
};

/* Seconds an XLSX file stays in <data_dir>/exports/ before the next export deletes it. */
enum { EXPORT_KEEP_SECONDS = 10 * 60 };

/*
 * Appends the header row and the rows to `out` as CSV: UTF-8 with a BOM (so
 * Excel reads Cyrillic), fields separated by ';' (as Excel in a Russian locale
 * expects), CRLF line ends, RFC 4180 quoting (a field holding ; , " CR or LF is
 * quoted, " doubled). A cell starting with = + - @ TAB or CR
 * gets a leading apostrophe so a spreadsheet never runs it as a formula.
 * The title is not written. Returns 0, or -1 when `out` hit its cap.
 */
int export_csv(const struct export_table *t, struct buf *out);

/*
 * Writes the table as a new XLSX file <data_dir>/exports/exp-<32 hex>.xlsx:
 * bold frozen header row with an autofilter, column widths, a light fill per
 * row status, every cell a string (never a formula), with the same apostrophe
 * as in CSV. The sheet is named after the title (31 characters at most,
 * []:*?/\ replaced). First deletes exp-* files older than EXPORT_KEEP_SECONDS.
 * Returns the file's basename (in `a`), or NULL on failure (logged; no file left).
 */
const char *export_xlsx(struct arena *a, const struct export_table *t);

/* Room for the cells of nrows × ncols (row-major, as export_table.cells), even for
 * no rows; NULL when the arena is full. */
const char **export_cells(struct arena *a, size_t nrows, size_t ncols);

/* The X-Accel-Redirect path of an export_xlsx() file: "/exports/<name>" (in `a`). */
const char *export_accel_path(struct arena *a, const char *name);

/* MIME type and file extension (without the dot) of a format; NULL for an unknown one. */
const char *export_mime(enum export_format f);
const char *export_ext(enum export_format f);

#endif
