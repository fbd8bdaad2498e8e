/*
 * ri_text.c: TSV and CSV (RFC 4180 quotes; ; , or TAB), streamed byte by byte, with UTF-8
 * checks and guesses at the real encoding, handed to the sink row by row. It never
 * interprets cells (the importers do), never holds Russian text, never logs.
 */
#include "ri_text.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "ri_sink.h"

enum {
	CHUNK = 64 << 10   /* read size, and the window of the encoding and delimiter guesses */
};

struct src {
	const unsigned char *p, *end;   /* unread bytes */
	int fd;                          /* -1: a memory buffer, all in p..end */
	unsigned char *chunk;            /* CHUNK bytes, for fd */
	bool ioerr;
};

static bool src_more(struct src *s)
{
	ssize_t n;

	if (s->fd < 0 || s->ioerr)
		return false;
	do
		n = read(s->fd, s->chunk, CHUNK);
	while (n < 0 && errno == EINTR);
	if (n <= 0) {
		s->ioerr = n < 0;
		return false;
	}
	s->p = s->chunk;
	s->end = s->chunk + n;
	return true;
}

/* Fills the first chunk of a file, so the guesses below see up to CHUNK bytes. */
static void src_first(struct src *s)
{
	size_t got = 0;

	if (s->fd < 0)
		return;
	while (got < CHUNK) {
		ssize_t n = read(s->fd, s->chunk + got, CHUNK - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			s->ioerr = n < 0;
			break;
		}
		got += (size_t)n;
	}
	s->p = s->chunk;
	s->end = s->chunk + got;
}

static int src_getc(struct src *s)
{
	if (s->p == s->end && !src_more(s))
		return -1;
	return *s->p++;
}

/* Incremental UTF-8 check: false at the first byte that cannot be UTF-8. */
struct u8 {
	unsigned need, cp, min;
};

static bool u8_feed(struct u8 *u, unsigned c)
{
	if (u->need) {
		if ((c & 0xc0) != 0x80)   /* not a continuation byte */
			return false;
		u->cp = u->cp << 6 | (c & 0x3f);
		return --u->need || (u->cp >= u->min && u->cp <= 0x10ffff && (u->cp < 0xd800 || u->cp > 0xdfff));
	}
	if (c < 0x80)
		return true;
	if (c >= 0xc2 && c <= 0xdf)
		u->need = 1, u->cp = c & 0x1f, u->min = 0x80;
	else if (c >= 0xe0 && c <= 0xef)
		u->need = 2, u->cp = c & 0x0f, u->min = 0x800;
	else if (c >= 0xf0 && c <= 0xf4)
		u->need = 3, u->cp = c & 0x07, u->min = 0x10000;
	else
		return false;
	return true;
}

/*
 * Not UTF-8 from byte `c` on: looks at up to CHUNK more bytes. Windows-1251 (and KOI8-R)
 * Cyrillic lies in 0xC0–0xFF, where UTF-8 puts only about half of its non-ASCII bytes.
 */
static void enc_fail(struct ri_sink *rd, struct src *s, int c)
{
	size_t hi = 0, cyr = 0;

	for (int i = 0; i < CHUNK && c >= 0; i++, c = src_getc(s)) {
		hi += c >= 0x80;
		cyr += c >= 0xc0;
	}
	ri_sink_fail(rd, RI_ENCODING, hi && cyr * 10 >= hi * 7 ? "Windows-1251" : NULL);
}

/* The delimiter of a CSV file: the commonest of ; , TAB in its first line that has any. */
static int csv_delim(const unsigned char *p, const unsigned char *end)
{
	int semi = 0, comma = 0, tab = 0;
	bool quoted = false;

	if (end - p > CHUNK)
		end = p + CHUNK;
	for (; p < end; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (*p == ';')
			semi++;
		else if (*p == ',')
			comma++;
		else if (*p == '\t')
			tab++;
		else if ((*p == '\n' || *p == '\r') && (semi || comma || tab))
			break;
	}
	if (semi && semi >= comma && semi >= tab)   /* Excel in Russia writes ';' */
		return ';';
	if (tab > comma)
		return '\t';
	return ',';
}

struct tr {
	struct ri_sink *rd;
	struct ri_cell cells[RI_COLS_MAX];
	char *buf[RI_COLS_MAX];
	int col;                /* the column being read; RI_COLS_MAX and more are dropped */
};

static void tr_put(struct tr *t, int c)
{
	struct ri_cell *x;

	if (t->col >= RI_COLS_MAX)
		return;
	x = &t->cells[t->col];
	if (x->len >= RI_CELL_CAP) {
		x->over = true;
		return;
	}
	if (!t->buf[t->col] && !(t->buf[t->col] = arena_alloc(ri_sink_arena(t->rd), RI_CELL_CAP))) {
		ri_sink_fail(t->rd, RI_TOO_MANY, ri_detail(RID_NOMEM));
		return;
	}
	t->buf[t->col][x->len++] = (char)c;
}

static void tr_cell(struct tr *t)
{
	if (t->col >= RI_COLS_MAX)
		return;
	if (t->cells[t->col].len) {
		struct ri_cell *x = &t->cells[t->col];
		x->s = t->buf[t->col];
		x->len = ri_cell_norm(t->buf[t->col], x->len, &x->over);
	}
	t->col++;
}

static void tr_record(struct tr *t, int line)
{
	int n;

	tr_cell(t);
	n = t->col;
	ri_sink_row(t->rd, line, t->cells, n);
	for (int i = 0; i < n; i++)
		t->cells[i].len = 0, t->cells[i].over = false;
	t->col = 0;
}

/* Reads TSV (TAB, no quotes) or CSV (RFC 4180 quotes; ; , or TAB) from `s` into the sink. */
static void text_read(struct ri_sink *rd, struct src *s, enum ri_format f)
{
	enum { S_START, S_PLAIN, S_QUOTED, S_QUOTE } st = S_START;
	struct tr *t;
	struct u8 u = { 0, 0, 0 };
	int c, delim, line = 1, row_line = 1;
	bool prev_cr = false, skip_lf = false, in_rec = false, csv = f == RI_CSV;
	size_t n = (size_t)(s->end - s->p), nul = 0;

	if (n >= 2 && ((s->p[0] == 0xff && s->p[1] == 0xfe) || (s->p[0] == 0xfe && s->p[1] == 0xff))) {
		ri_sink_fail(rd, RI_ENCODING, "UTF-16");
		return;
	}
	for (size_t i = 0; i < n && i < CHUNK; i++)
		nul += s->p[i] == 0;
	if (nul && nul * 10 >= (n < CHUNK ? n : CHUNK) * 3) {   /* Excel's "Unicode Text" without its BOM */
		ri_sink_fail(rd, RI_ENCODING, "UTF-16");
		return;
	}
	if (n >= 3 && s->p[0] == 0xef && s->p[1] == 0xbb && s->p[2] == 0xbf)
		s->p += 3;
	delim = csv ? csv_delim(s->p, s->end) : '\t';
	if (!(t = arena_alloc(ri_sink_arena(rd), sizeof *t))) {
		ri_sink_fail(rd, RI_TOO_MANY, ri_detail(RID_NOMEM));
		return;
	}
	memset(t, 0, sizeof *t);
	t->rd = rd;
	while (!ri_sink_failed(rd) && (c = src_getc(s)) >= 0) {
		int this_line = line;

		if (!u8_feed(&u, (unsigned)c)) {
			enc_fail(rd, s, c);
			break;
		}
		if (c == 0) {
			ri_sink_fail(rd, RI_FORMAT, ri_detail(RID_NUL));
			break;
		}
		if (c == '\r' || (c == '\n' && !prev_cr))
			line++;
		prev_cr = c == '\r';
		if (skip_lf) {
			skip_lf = false;
			if (c == '\n')
				continue;
		}
		if (!in_rec) {
			in_rec = true;
			row_line = this_line;
		}
		switch (st) {
		case S_QUOTE:   /* a quote inside quotes: doubled, or the field's end */
			if (c == '"') {
				tr_put(t, c);
				st = S_QUOTED;
				break;
			}
			/* «"ab"c»: Excel keeps the rest as text; a delimiter or line end ends the field */
			__attribute__((fallthrough));
		case S_START:
			if (csv && c == '"') {
				st = S_QUOTED;
				break;
			}
			st = S_PLAIN;
			__attribute__((fallthrough));
		case S_PLAIN:
			if (c == delim) {
				tr_cell(t);
				st = S_START;
			} else if (c == '\n' || c == '\r') {
				tr_record(t, row_line);
				in_rec = false;
				skip_lf = c == '\r';
				st = S_START;
			} else {
				tr_put(t, c);
			}
			break;
		case S_QUOTED:
			if (c == '"')
				st = S_QUOTE;
			else
				tr_put(t, c);
			break;
		}
	}
	if (ri_sink_failed(rd) || s->ioerr)
		return;
	if (u.need)
		ri_sink_fail(rd, RI_ENCODING, NULL);
	else if (st == S_QUOTED)
		ri_sink_fail(rd, RI_FORMAT, ri_detail_line(ri_sink_arena(rd), RID_QUOTE, row_line));
	else if (in_rec)
		tr_record(t, row_line);
}

void ri_text_read_buffer(struct ri_sink *rd, const char *data, size_t n, enum ri_format f)
{
	struct src s = { (const unsigned char *)data, (const unsigned char *)data + n, -1, NULL, false };

	text_read(rd, &s, f);
}

int ri_text_read_fd(struct ri_sink *rd, int fd, enum ri_format f)
{
	unsigned char *chunk = arena_alloc(ri_sink_arena(rd), CHUNK);
	struct src s = { chunk, chunk, fd, chunk, false };

	if (!chunk) {
		ri_sink_fail(rd, RI_TOO_MANY, ri_detail(RID_NOMEM));
		return 0;
	}
	src_first(&s);
	if (!s.ioerr)
		text_read(rd, &s, f);
	return s.ioerr ? -1 : 0;
}
