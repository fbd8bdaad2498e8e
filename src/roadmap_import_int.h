/*
 * roadmap_import_int.h: what the readers ri_text.c and ri_xlsx.c share with roadmap_import.c
 * (cells, the row sink, the failure details). Internal to the roadmap import: no other
 * file includes it, and it holds no Russian text (that lives in roadmap_import.c's tables).
 */
#ifndef ROADMAP_IMPORT_INT_H
#define ROADMAP_IMPORT_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "roadmap_import.h"

enum {
	RI_CELL_CAP = RI_CELL_MAX + 8   /* bytes kept of a cell before normalising: more means too long */
};

struct ri_cell {
	const char *s;   /* normalised text, not NUL-terminated */
	size_t len;      /* 0: empty */
	bool over;       /* longer than RI_CELL_MAX: cut */
	bool formula;    /* an XLSX formula cell */
	bool number;     /* an XLSX number, date or boolean: its first character is no formula */
};

/* Why a file is unreadable, as error_detail; the Russian text is ri_detail()'s. */
enum ri_detail {
	RID_NOMEM,
	RID_XLS,
	RID_NOT_ZIP,
	RID_MEASURES,
	RID_NUL,
	RID_QUOTE,
	RID_DTD,
	RID_SST_MAX,
	RID_SST_REF,
	RID_ZIP_ENTRY,
	RID_ZIP_READ,
	RID_PART_MAX,
	RID_XML,
	RID_NO_WORKBOOK,
	RID_NO_SHEET,
	RID_ZIP_FILES,
	RID_ZIP_BAD,
	RID__MAX
};

/* The detail text of `d`; the same pointer every time. */
const char *ri_detail(enum ri_detail d);

/* The detail text of `d` with `line` worked in (RID_QUOTE), in arena `a`; NULL if it is full. */
const char *ri_detail_line(struct arena *a, enum ri_detail d, int line);

/*
 * Normalises cell text in place: CR LF and lone CR become LF, other control characters a
 * space; white space (and no-break spaces, BOMs) trimmed at both ends. `*over` says bytes
 * were dropped when the cell was read; the text is then, or when longer than RI_CELL_MAX,
 * cut at a character boundary and *over is set. Returns the new length.
 */
size_t ri_cell_norm(char *str, size_t n, bool *over);

/* The sink the readers feed: header, task headings, rows, digest (roadmap_import.c). */
struct ri_sink;

/* The arena of every string and row. */
struct arena *ri_sink_arena(const struct ri_sink *rd);

/* Whether a fatal error was recorded: readers stop reading. */
bool ri_sink_failed(const struct ri_sink *rd);

/* Records the first fatal error; returns false so readers can `return ri_sink_fail(…)`. */
bool ri_sink_fail(struct ri_sink *rd, enum ri_error e, const char *detail);

/*
 * Takes one row of `n` cells (index = column; empty cells have len 0) that starts at
 * `line`. Returns false once reading must stop (ri_sink_failed()).
 */
bool ri_sink_row(struct ri_sink *rd, int line, const struct ri_cell *c, int n);

#endif
