/*
 * roadmap_import.h: reads an uploaded roadmap spreadsheet (TSV, CSV or XLSX) into
 * rows with row-level errors. It never writes to the database and never logs: the
 * caller shows the rows, the errors and the messages, and stores what the user accepts.
 */
#ifndef ROADMAP_IMPORT_H
#define ROADMAP_IMPORT_H

#include <stddef.h>

#include "deadline.h"
#include "ri_read.h"

struct arena;

/* What is wrong with one row; the row is still returned. */
enum ri_row_error {
	RIE_NO_MEASURE,   /* the measure cell is empty */
	RIE_DUP_NUMBER,   /* the number was used by an earlier row */
	RIE_DEADLINE,     /* the deadline phrase is not understood (DL_INVALID) */
	RIE_FORMULA,      /* a text cell starts with = + - @: kept as text, flagged */
	RIE_TOO_LONG,     /* a cell over RI_CELL_MAX bytes: cut at a character boundary */
	RIE__MAX
};

enum {
	RI_ROWS_MAX = 5000   /* data rows; headings and blank rows do not count */
};

struct ri_row {
	int line;                      /* 1-based line (TSV/CSV, where the row starts) or row number (XLSX) */
	const char *task;              /* «Задача …» heading in force for this row, or NULL */
	const char *number, *measure, *planned_result, *deadline_text, *responsible;   /* NULL if empty */
	enum deadline_kind kind;       /* from deadline_parse with the given period */
	int nerrors;
	enum ri_row_error errors[4];   /* in the order of enum ri_row_error */
};

struct ri_result {
	enum ri_error error;
	const char *error_detail;      /* Russian or a name, see enum ri_error; may be NULL */
	size_t nrows;
	struct ri_row *rows;
	size_t nerrors;                /* rows with errors */
	const char *digest;            /* SHA-256 hex of the normalised rows (task, number, measure,
					* result, deadline, responsible): the same content in any format
					* and layout gives the same digest; NULL unless RI_OK */
};

/*
 * Reads the roadmap in file `path` (or in `data`, `n` bytes) as format `f` into `out`.
 * Columns are found by their heads (the first row with a measure head among the first 20
 * non-empty rows; rows above it are ignored), a row with a lone heading sets the task for
 * the rows after it, blank rows are skipped. A ZIP file is read as XLSX whatever `f` says.
 * Text cells are trimmed, CR LF becomes LF, control characters become spaces; every string
 * is valid UTF-8 of at most RI_CELL_MAX bytes and lives in arena `a`, as do the rows.
 * `period` dates the deadline phrases (deadline_parse).
 * Returns 0 when *out is filled (out->error says whether the file was usable), or -1 when
 * `path` cannot be opened or read, or an argument is NULL.
 */
int ri_read_file(struct arena *a, const char *path, enum ri_format f, const struct dl_period *period,
		 struct ri_result *out);
int ri_read_buffer(struct arena *a, const char *data, size_t n, enum ri_format f,
		   const struct dl_period *period, struct ri_result *out);

/* Russian messages, e.g. «Файл не в кодировке UTF-8: …»; never NULL. */
const char *ri_error_message(enum ri_error e);
const char *ri_row_error_message(enum ri_row_error e);

/*
 * The whole message for a failed read, with the detail worked in: «Файл не в кодировке
 * UTF-8 (похоже на Windows-1251): сохраните его как «CSV UTF-8»». In arena `a`; falls back
 * to ri_error_message() if the arena is full.
 */
const char *ri_result_message(struct arena *a, const struct ri_result *r);

#endif
