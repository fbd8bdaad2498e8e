/*
 * ri_sink.h: the seam between the readers (ri_text.c, ri_xlsx.c, driven by ri_read.c) and
 * the importers that interpret cells (roadmap_import.c, res_import.c): cells, the sink with
 * its row callback, the failure details. Only the readers and importers include it.
 */
#ifndef RI_SINK_H
#define RI_SINK_H

#include <stdbool.h>
#include <stddef.h>

#include "ri_read.h"

struct arena;

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

/*
 * Folds a column head or a name for comparison into `out` (`cap` bytes, NUL-terminated):
 * lower case (ASCII and Cyrillic), ё as е, white space runs as one space, trimmed, trailing
 * «:», «.», «*» dropped.
 */
void ri_fold(const char *str, size_t n, char *out, size_t cap);

/*
 * Finds column heads in a row of `n` cells: col[f] becomes the first column whose folded
 * text (ri_fold; cells over 300 bytes are never heads) `field` maps to f < nf, unless
 * col[f] is already set (>= 0).
 */
void ri_heads(const struct ri_cell *c, int n, int (*field)(const char *folded), int nf, int *col);

/*
 * The sink the readers feed. The importer sets `a`, `row` and `ctx` (ri_sink_init) and
 * keeps its own state behind `ctx`; the first fatal error is kept in err and detail.
 */
struct ri_sink {
	struct arena *a;
	/* Takes one row of `n` cells (index = column; empty cells have len 0) that starts at
	 * `line`; returns false once reading must stop (after ri_sink_fail). */
	bool (*row)(struct ri_sink *rd, int line, const struct ri_cell *c, int n);
	void *ctx;
	enum ri_error err;
	const char *detail;
};

void ri_sink_init(struct ri_sink *rd, struct arena *a,
		  bool (*row)(struct ri_sink *, int, const struct ri_cell *, int), void *ctx);

/* The arena of every string and row. */
struct arena *ri_sink_arena(const struct ri_sink *rd);

/* Whether a fatal error was recorded: readers stop reading. */
bool ri_sink_failed(const struct ri_sink *rd);

/* Records the first fatal error; returns false so readers can `return ri_sink_fail(…)`. */
bool ri_sink_fail(struct ri_sink *rd, enum ri_error e, const char *detail);

/* Hands one row to the importer's callback unless the sink has failed; false: stop reading. */
bool ri_sink_row(struct ri_sink *rd, int line, const struct ri_cell *c, int n);

/*
 * Makes room for one more item after the `n` items of `size` bytes at `*items` (room for
 * `*cap`), doubling up to `max`, in the sink's arena. False (the sink failed) when full.
 */
bool ri_grow(struct ri_sink *rd, void **items, size_t n, size_t *cap, size_t size, size_t max);

/*
 * The text of the cells in columns col[0..nf) of a row of `n` cells into v[0..nf) (NULL
 * when the column is absent or the cell empty), copied to the sink's arena; *formula is
 * set when one is an XLSX formula or a text of two or more bytes led by a byte of `lead`,
 * *over when one was cut. False (the sink failed) when the arena is full.
 */
bool ri_fields(struct ri_sink *rd, const int *col, int nf, const struct ri_cell *c, int n, const char *lead,
	       const char **v, bool *formula, bool *over);

/*
 * Adds string `key` (kept, not copied) to the set at `*slots`, made on first use with
 * `nslots` slots (a power of 2 over twice the most keys). Returns 1 when new, 0 when it
 * was there, -1 when the arena is full (the sink failed).
 */
int ri_set_add(struct ri_sink *rd, const char ***slots, size_t nslots, const char *key);

/*
 * Reads the `n` bytes at `data` (or the file at `path`) into `rd`: a ZIP as XLSX whatever
 * `f` says, an XLS or a non-ZIP called XLSX fails the sink (RI_FORMAT), anything else as
 * TSV (`f` RI_TSV) or CSV. ri_sink_read_file returns 0, or -1 when `path` cannot be opened
 * or read.
 */
void ri_sink_read_buffer(struct ri_sink *rd, const char *data, size_t n, enum ri_format f);
int ri_sink_read_file(struct ri_sink *rd, const char *path, enum ri_format f);

#endif
