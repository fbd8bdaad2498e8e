/*
 * roadmap_import.c: an uploaded roadmap (TSV, CSV or XLSX) turned into rows with
 * row-level errors. Two readers, text (TSV and CSV, streamed byte by byte) and XLSX
 * (libzip + expat, streamed part by part), hand rows of cells to one sink, which finds
 * the header, the task headings and the fields, checks each row and hashes the
 * normalised content. Memory is the caller's arena only, bounded by RI_ROWS_MAX rows of
 * RI_COLS_MAX cells of RI_CELL_MAX bytes; the readers stop at the first fatal error, so
 * a 100,000-row file costs the first 5,001 rows. No database, no logging, no HTTP.
 */
#include "roadmap_import.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <expat.h>
#include <sodium.h>
#include <zip.h>

#include "arena.h"

enum {
	CELL_CAP = RI_CELL_MAX + 8,   /* bytes kept of a cell before normalising: more means too long */
	CHUNK = 64 << 10,             /* read size, and the window of the encoding and delimiter guesses */
	HEADER_SCAN = 20,             /* non-empty rows searched for the header */
	HEAD_LONG = 300,              /* longer cells are never column heads */
	NUMS_SLOTS = 16384,           /* hash set of row numbers: a power of 2 over 2 * RI_ROWS_MAX */
	SST_MAX = 1 << 20,            /* shared strings of one workbook */
	XF_MAX = 1 << 16,             /* cell formats whose date-ness is remembered */
	FMTS_MAX = 256,               /* custom number formats remembered */
	ZIP_ENTRIES_MAX = 10000,      /* files in an XLSX archive; Excel writes about a dozen */
	EOCD_SCAN = 22 + 65535        /* the end-of-central-directory record and its longest comment */
};

static const char NOMEM[] = "файл слишком велик для обработки";
static const char XLS[] = "формат XLS (Excel 97–2003) не поддерживается: сохраните файл как XLSX";

/* ---- Cells ---- */

struct cell {
	const char *s;   /* normalised text, not NUL-terminated */
	size_t len;      /* 0: empty */
	bool over;       /* longer than RI_CELL_MAX: cut */
	bool formula;    /* an XLSX formula cell */
	bool number;     /* an XLSX number, date or boolean: its first character is no formula */
};

static bool is_cont(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

/* The length of the UTF-8 sequence led by `c` (1 for anything else). */
static size_t seq_len(unsigned char c)
{
	return c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

/*
 * Normalises cell text in place: CR LF and lone CR become LF, other control characters a
 * space; white space (and no-break spaces, BOMs) trimmed at both ends. `*over` says bytes
 * were dropped when the cell was read; the text is then, or when longer than RI_CELL_MAX,
 * cut at a character boundary and *over is set. Returns the new length.
 */
static size_t cell_norm(char *str, size_t n, bool *over)
{
	unsigned char *s = (unsigned char *)str;
	size_t o = 0, b = 0, e;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];

		if (c == '\r') {
			c = '\n';
			if (i + 1 < n && s[i + 1] == '\n')
				i++;
		} else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
			c = ' ';
		}
		s[o++] = c;
	}
	e = o;
	for (;;) {
		if (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n'))
			b++;
		else if (b + 1 < e && s[b] == 0xc2 && s[b + 1] == 0xa0)
			b += 2;
		else if (b + 2 < e && s[b] == 0xef && s[b + 1] == 0xbb && s[b + 2] == 0xbf)
			b += 3;
		else
			break;
	}
	for (;;) {
		if (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n'))
			e--;
		else if (e >= b + 2 && s[e - 2] == 0xc2 && s[e - 1] == 0xa0)
			e -= 2;
		else if (e >= b + 3 && s[e - 3] == 0xef && s[e - 2] == 0xbb && s[e - 1] == 0xbf)
			e -= 3;
		else
			break;
	}
	n = e - b;
	memmove(s, s + b, n);
	if (*over || n > RI_CELL_MAX) {
		size_t cut = n > RI_CELL_MAX ? RI_CELL_MAX : n, k = cut;

		while (k > 0 && is_cont(s[k - 1]))
			k--;
		if (k > 0 && k - 1 + seq_len(s[k - 1]) > cut)   /* the last character is incomplete */
			cut = k - 1;
		n = cut;
		*over = true;
	}
	return n;
}

/*
 * Folds a column head or heading for comparison: lower case (ASCII and Cyrillic), ё as е,
 * white space runs as one space, trimmed, trailing «:», «.», «*» dropped. NUL-terminated.
 */
static void fold(const char *str, size_t n, char *out, size_t cap)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t o = 0;
	bool space = false;

	for (size_t i = 0; i < n && o + 4 < cap; i++) {
		unsigned char c = s[i], d = i + 1 < n ? s[i + 1] : 0;

		if (c == ' ' || c == '\t' || c == '\n' || (c == 0xc2 && d == 0xa0)) {
			i += c == 0xc2;
			space = true;
			continue;
		}
		if (space && o)
			out[o++] = ' ';
		space = false;
		if (c >= 'A' && c <= 'Z') {
			out[o++] = (char)(c + 32);
		} else if (c == 0xd0 && d >= 0x90 && d <= 0x9f) {            /* А–П */
			out[o++] = (char)0xd0, out[o++] = (char)(d + 0x20), i++;
		} else if (c == 0xd0 && d >= 0xa0 && d <= 0xaf) {            /* Р–Я */
			out[o++] = (char)0xd1, out[o++] = (char)(d - 0x20), i++;
		} else if ((c == 0xd0 && d == 0x81) || (c == 0xd1 && d == 0x91)) {   /* Ё ё */
			out[o++] = (char)0xd0, out[o++] = (char)0xb5, i++;
		} else {
			out[o++] = (char)c;
		}
	}
	while (o && (out[o - 1] == ':' || out[o - 1] == '.' || out[o - 1] == '*' || out[o - 1] == ' '))
		o--;
	out[o] = '\0';
}

/* ---- The sink: header, headings, rows ---- */

enum field { F_NUMBER, F_MEASURE, F_RESULT, F_DEADLINE, F_RESPONSIBLE, F__MAX };
enum match { M_EXACT, M_PREFIX };   /* M_EXACT also allows a parenthesis after the head */

/* Column heads of the seeds (GUIDE §3.3) and their near kin, folded. */
static const struct head {
	enum field f;
	enum match m;
	const char *text;
} heads[] = {
	{ F_NUMBER,      M_PREFIX, "№" },
	{ F_NUMBER,      M_EXACT,  "n" },
	{ F_NUMBER,      M_EXACT,  "no" },
	{ F_NUMBER,      M_EXACT,  "n п/п" },
	{ F_NUMBER,      M_EXACT,  "п/п" },
	{ F_NUMBER,      M_PREFIX, "номер" },
	{ F_MEASURE,     M_EXACT,  "мероприятия" },
	{ F_MEASURE,     M_EXACT,  "мероприятие" },
	{ F_MEASURE,     M_EXACT,  "событие" },
	{ F_MEASURE,     M_EXACT,  "события" },
	{ F_MEASURE,     M_EXACT,  "основные мероприятия" },
	{ F_MEASURE,     M_EXACT,  "основное мероприятие" },
	{ F_MEASURE,     M_EXACT,  "описание действий" },
	{ F_MEASURE,     M_EXACT,  "наименование мероприятия" },
	{ F_MEASURE,     M_EXACT,  "наименование мероприятий" },
	{ F_MEASURE,     M_EXACT,  "содержание мероприятия" },
	{ F_RESULT,      M_PREFIX, "планируемый результат" },
	{ F_RESULT,      M_PREFIX, "показатель реализации" },
	{ F_RESULT,      M_PREFIX, "непосредственный результат" },
	{ F_RESULT,      M_PREFIX, "муниципальный показатель" },
	{ F_RESULT,      M_PREFIX, "ожидаемый результат" },
	{ F_RESULT,      M_PREFIX, "результат" },
	{ F_DEADLINE,    M_PREFIX, "срок" },
	{ F_RESPONSIBLE, M_PREFIX, "ответственн" },
	{ F_RESPONSIBLE, M_PREFIX, "исполнител" },
};

/* The field a folded head names, or F__MAX. */
static enum field head_field(const char *h)
{
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		size_t n = strlen(heads[i].text);

		if (strncmp(h, heads[i].text, n) != 0)
			continue;
		if (heads[i].m == M_PREFIX || h[n] == '\0' || h[n] == '(' ||
		    (h[n] == ' ' && h[n + 1] == '('))
			return heads[i].f;
	}
	return F__MAX;
}

struct rd {
	struct arena *a;
	const struct dl_period *period;
	enum ri_error err;
	const char *detail;
	bool header;
	int scanned;                  /* non-empty rows read while looking for the header */
	int col[F__MAX];              /* column of each field, -1 if absent */
	struct ri_row *rows;
	size_t nrows, cap, nerr;
	char *task_buf;               /* the heading in force (RI_CELL_MAX bytes at most) */
	size_t task_len;
	bool task_set;
	const char *task;             /* its arena copy, made for the first row under it */
	const char **nums;            /* open-addressing set of the numbers seen */
	crypto_hash_sha256_state sha;
};

/* Records the first fatal error; returns false so readers can `return rd_fail(…)`. */
static bool rd_fail(struct rd *rd, enum ri_error e, const char *detail)
{
	if (rd->err == RI_OK) {
		rd->err = e;
		rd->detail = detail;
	}
	return false;
}

static void rd_init(struct rd *rd, struct arena *a, const struct dl_period *period)
{
	memset(rd, 0, sizeof *rd);
	rd->a = a;
	rd->period = period;
	for (int i = 0; i < F__MAX; i++)
		rd->col[i] = -1;
	crypto_hash_sha256_init(&rd->sha);
}

static bool rd_header(struct rd *rd, const struct cell *c, int n)
{
	char h[HEAD_LONG + 8];

	for (int i = 0; i < n; i++) {
		enum field f;

		if (!c[i].len || c[i].len > HEAD_LONG)
			continue;
		fold(c[i].s, c[i].len, h, sizeof h);
		if ((f = head_field(h)) != F__MAX && rd->col[f] < 0)
			rd->col[f] = i;
	}
	if (rd->col[F_MEASURE] >= 0) {
		rd->header = true;
		return true;
	}
	for (int i = 0; i < F__MAX; i++)
		rd->col[i] = -1;
	if (++rd->scanned >= HEADER_SCAN)
		return rd_fail(rd, RI_COLUMNS, "Мероприятия");
	return true;
}

/* «17», «0.8», «5.2.», «3)»: what a number cell holds. */
static bool numberlike(const struct cell *c)
{
	bool digit = false;

	for (size_t i = 0; i < c->len; i++) {
		char ch = c->s[i];
		if (ch >= '0' && ch <= '9')
			digit = true;
		else if (!strchr(".,) ", ch))
			return false;
	}
	return digit;
}

/* Whether a row whose only non-empty cell is `c`, in column `k`, is a task heading. */
static bool rd_heading(const struct rd *rd, const struct cell *c, int k)
{
	static const char task[] = "задача";
	char h[sizeof task + 8];

	fold(c->s, c->len < 64 ? c->len : 64, h, sizeof h);
	if (strncmp(h, task, sizeof task - 1) == 0)
		return true;
	/* text alone in the first column, unless that column holds the measures or it is a bare number */
	return k == 0 && rd->col[F_MEASURE] != 0 && !(rd->col[F_NUMBER] == 0 && numberlike(c));
}

/* Adds `s` to the set of numbers; false if it was there (or on a full arena: then rd->err). */
static bool rd_number_new(struct rd *rd, const char *s)
{
	uint32_t h = 2166136261u;
	size_t i;

	if (!rd->nums) {
		if (!(rd->nums = arena_alloc(rd->a, NUMS_SLOTS * sizeof *rd->nums)))
			return rd_fail(rd, RI_TOO_MANY, NOMEM);
		memset(rd->nums, 0, NUMS_SLOTS * sizeof *rd->nums);
	}
	for (const char *p = s; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	for (i = h & (NUMS_SLOTS - 1); rd->nums[i]; i = (i + 1) & (NUMS_SLOTS - 1))
		if (strcmp(rd->nums[i], s) == 0)
			return false;
	rd->nums[i] = s;   /* never full: at most RI_ROWS_MAX of NUMS_SLOTS */
	return true;
}

static void sha_field(crypto_hash_sha256_state *st, const char *s)
{
	if (s)
		crypto_hash_sha256_update(st, (const unsigned char *)s, strlen(s));
	crypto_hash_sha256_update(st, (const unsigned char *)"\x1f", 1);
}

static void row_error(struct ri_row *r, enum ri_row_error e)
{
	if (r->nerrors < (int)(sizeof r->errors / sizeof r->errors[0]))
		r->errors[r->nerrors++] = e;
}

static bool rd_data(struct rd *rd, int line, const struct cell *c, int n)
{
	const char *v[F__MAX];
	bool formula = false, too_long = false;
	struct ri_row *r;

	if (rd->nrows == RI_ROWS_MAX)
		return rd_fail(rd, RI_TOO_MANY, NULL);
	if (rd->nrows == rd->cap) {
		size_t cap = rd->cap ? rd->cap * 2 : 64;
		struct ri_row *rows;

		if (cap > RI_ROWS_MAX)
			cap = RI_ROWS_MAX;
		if (!(rows = arena_alloc(rd->a, cap * sizeof *rows)))
			return rd_fail(rd, RI_TOO_MANY, NOMEM);
		if (rd->nrows)
			memcpy(rows, rd->rows, rd->nrows * sizeof *rows);
		rd->rows = rows;
		rd->cap = cap;
	}
	if (rd->task_set && !rd->task && !(rd->task = arena_strndup(rd->a, rd->task_buf, rd->task_len)))
		return rd_fail(rd, RI_TOO_MANY, NOMEM);
	for (int f = 0; f < F__MAX; f++) {
		int k = rd->col[f];

		v[f] = NULL;
		if (k < 0 || k >= n || !c[k].len)
			continue;
		if (!(v[f] = arena_strndup(rd->a, c[k].s, c[k].len)))
			return rd_fail(rd, RI_TOO_MANY, NOMEM);
		if (c[k].formula || (!c[k].number && c[k].len > 1 &&
				     (v[f][0] == '=' || v[f][0] == '+' || v[f][0] == '-' || v[f][0] == '@')))
			formula = true;
		too_long |= c[k].over;
	}
	r = &rd->rows[rd->nrows];
	memset(r, 0, sizeof *r);
	r->line = line;
	r->task = rd->task;
	r->number = v[F_NUMBER];
	r->measure = v[F_MEASURE];
	r->planned_result = v[F_RESULT];
	r->deadline_text = v[F_DEADLINE];
	r->responsible = v[F_RESPONSIBLE];
	if (!r->measure)
		row_error(r, RIE_NO_MEASURE);
	if (r->number && !rd_number_new(rd, r->number)) {
		if (rd->err)
			return false;
		row_error(r, RIE_DUP_NUMBER);
	}
	deadline_parse(r->deadline_text, rd->period, &r->kind, NULL, NULL, 0);
	if (r->kind == DL_INVALID)
		row_error(r, RIE_DEADLINE);
	if (formula)
		row_error(r, RIE_FORMULA);
	if (too_long)
		row_error(r, RIE_TOO_LONG);
	sha_field(&rd->sha, r->task);
	for (int f = 0; f < F__MAX; f++)
		sha_field(&rd->sha, v[f]);
	crypto_hash_sha256_update(&rd->sha, (const unsigned char *)"\x1e", 1);
	rd->nrows++;
	rd->nerr += r->nerrors > 0;
	return true;
}

/*
 * Takes one row of `n` cells (index = column; empty cells have len 0) that starts at
 * `line`. Returns false once reading must stop (rd->err says why).
 */
static bool rd_row(struct rd *rd, int line, const struct cell *c, int n)
{
	int filled = 0, only = -1;

	if (rd->err)
		return false;
	for (int i = 0; i < n; i++)
		if (c[i].len) {
			filled++;
			only = i;
		}
	if (!filled)
		return true;
	if (!rd->header)
		return rd_header(rd, c, n);
	if (filled == 1 && rd_heading(rd, &c[only], only)) {
		if (!rd->task_buf && !(rd->task_buf = arena_alloc(rd->a, RI_CELL_MAX)))
			return rd_fail(rd, RI_TOO_MANY, NOMEM);
		rd->task_len = c[only].len;   /* a normalised cell: RI_CELL_MAX at most */
		memcpy(rd->task_buf, c[only].s, rd->task_len);
		rd->task_set = true;
		rd->task = NULL;
		return true;
	}
	return rd_data(rd, line, c, n);
}

static void rd_finish(struct rd *rd, struct ri_result *out)
{
	unsigned char md[crypto_hash_sha256_BYTES];
	char *hex;

	memset(out, 0, sizeof *out);
	if (!rd->err && !rd->header)
		rd_fail(rd, rd->scanned ? RI_COLUMNS : RI_EMPTY, rd->scanned ? "Мероприятия" : NULL);
	if (!rd->err && !rd->nrows)
		rd_fail(rd, RI_EMPTY, NULL);
	if (!rd->err) {
		crypto_hash_sha256_final(&rd->sha, md);
		if (!(hex = arena_alloc(rd->a, 2 * sizeof md + 1)))
			rd_fail(rd, RI_TOO_MANY, NOMEM);
		else
			out->digest = sodium_bin2hex(hex, 2 * sizeof md + 1, md, sizeof md);
	}
	out->error = rd->err;
	out->error_detail = rd->detail;
	if (rd->err == RI_OK) {
		out->nrows = rd->nrows;
		out->rows = rd->rows;
		out->nerrors = rd->nerr;
	} else {
		out->digest = NULL;
	}
}

/* ---- TSV and CSV ---- */

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
		if (!is_cont((unsigned char)c))
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
static void enc_fail(struct rd *rd, struct src *s, int c)
{
	size_t hi = 0, cyr = 0;

	for (int i = 0; i < CHUNK && c >= 0; i++, c = src_getc(s)) {
		hi += c >= 0x80;
		cyr += c >= 0xc0;
	}
	rd_fail(rd, RI_ENCODING, hi && cyr * 10 >= hi * 7 ? "Windows-1251" : NULL);
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
	struct rd *rd;
	struct cell cells[RI_COLS_MAX];
	char *buf[RI_COLS_MAX];
	int col;                /* the column being read; RI_COLS_MAX and more are dropped */
};

static void tr_put(struct tr *t, int c)
{
	struct cell *x;

	if (t->col >= RI_COLS_MAX)
		return;
	x = &t->cells[t->col];
	if (x->len >= CELL_CAP) {
		x->over = true;
		return;
	}
	if (!t->buf[t->col] && !(t->buf[t->col] = arena_alloc(t->rd->a, CELL_CAP))) {
		rd_fail(t->rd, RI_TOO_MANY, NOMEM);
		return;
	}
	t->buf[t->col][x->len++] = (char)c;
}

static void tr_cell(struct tr *t)
{
	if (t->col >= RI_COLS_MAX)
		return;
	if (t->cells[t->col].len) {
		struct cell *x = &t->cells[t->col];
		x->s = t->buf[t->col];
		x->len = cell_norm(t->buf[t->col], x->len, &x->over);
	}
	t->col++;
}

static void tr_record(struct tr *t, int line)
{
	int n;

	tr_cell(t);
	n = t->col;
	rd_row(t->rd, line, t->cells, n);
	for (int i = 0; i < n; i++)
		t->cells[i].len = 0, t->cells[i].over = false;
	t->col = 0;
}

/* Reads TSV (TAB, no quotes) or CSV (RFC 4180 quotes; ; , or TAB) from `s` into the sink. */
static void text_read(struct rd *rd, struct src *s, enum ri_format f)
{
	enum { S_START, S_PLAIN, S_QUOTED, S_QUOTE } st = S_START;
	struct tr *t;
	struct u8 u = { 0, 0, 0 };
	int c, delim, line = 1, row_line = 1;
	bool prev_cr = false, skip_lf = false, in_rec = false, csv = f == RI_CSV;
	size_t n = (size_t)(s->end - s->p), nul = 0;

	if (n >= 2 && ((s->p[0] == 0xff && s->p[1] == 0xfe) || (s->p[0] == 0xfe && s->p[1] == 0xff))) {
		rd_fail(rd, RI_ENCODING, "UTF-16");
		return;
	}
	for (size_t i = 0; i < n && i < CHUNK; i++)
		nul += s->p[i] == 0;
	if (nul && nul * 10 >= (n < CHUNK ? n : CHUNK) * 3) {   /* «Текст Юникод» without its BOM */
		rd_fail(rd, RI_ENCODING, "UTF-16");
		return;
	}
	if (n >= 3 && s->p[0] == 0xef && s->p[1] == 0xbb && s->p[2] == 0xbf)
		s->p += 3;
	delim = csv ? csv_delim(s->p, s->end) : '\t';
	if (!(t = arena_alloc(rd->a, sizeof *t))) {
		rd_fail(rd, RI_TOO_MANY, NOMEM);
		return;
	}
	memset(t, 0, sizeof *t);
	t->rd = rd;
	while (!rd->err && (c = src_getc(s)) >= 0) {
		int this_line = line;

		if (!u8_feed(&u, (unsigned)c)) {
			enc_fail(rd, s, c);
			break;
		}
		if (c == 0) {
			rd_fail(rd, RI_FORMAT, "в файле есть нулевые байты: это не текстовая таблица");
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
		case S_QUOTE:   /* a quote inside quotes: doubled, or the field's end */
			if (c == '"') {
				tr_put(t, c);
				st = S_QUOTED;
			} else if (c == delim) {
				tr_cell(t);
				st = S_START;
			} else if (c == '\n' || c == '\r') {
				tr_record(t, row_line);
				in_rec = false;
				skip_lf = c == '\r';
				st = S_START;
			} else {   /* «"ab"c»: Excel keeps the rest as text */
				tr_put(t, c);
				st = S_PLAIN;
			}
			break;
		}
	}
	if (rd->err || s->ioerr)
		return;
	if (u.need)
		rd_fail(rd, RI_ENCODING, NULL);
	else if (st == S_QUOTED)
		rd_fail(rd, RI_FORMAT, arena_printf(rd->a, "кавычка в строке %d не закрыта", row_line));
	else if (in_rec)
		tr_record(t, row_line);
}

/* ---- XLSX ---- */

struct cap {
	char *b;        /* CELL_CAP bytes */
	size_t len;
	bool over;
};

enum ctype { CT_NUMBER, CT_SHARED, CT_INLINE, CT_STR, CT_BOOL, CT_ERROR };

struct xl {
	struct rd *rd;
	struct arena *a;
	zip_t *z;
	XML_Parser p;
	char *chunk;
	const char *fail;             /* why the file is unreadable (RI_FORMAT) */
	struct cap tx, v;             /* text of <t> (strings) and of <v> (values) */
	struct cap *on;               /* where character data goes, or NULL */
	int rph;                      /* depth in <rPh>: phonetic hints, not text */
	/* xl/workbook.xml and its relationships */
	char *sheet_rid, *sheet_path, *sst_path, *styles_path;
	bool date1904;
	/* shared strings */
	struct sst {
		const char *s;
		size_t len;
		bool over;
	} *sst;
	size_t nsst, capsst;
	bool in_si;
	/* styles: which cell formats show dates */
	int fmt_id[FMTS_MAX];
	bool fmt_date[FMTS_MAX];
	int nfmt;
	bool in_xfs;
	bool *xf_date;
	size_t nxf, capxf;
	/* the sheet */
	bool in_data, in_cell, in_is;
	int line, col;
	enum ctype type;
	long style;
	bool formula;
	struct cell cells[RI_COLS_MAX];
	char *cbuf[RI_COLS_MAX];
	int ncells;
};

static bool xl_stopped(const struct xl *x)
{
	return x->fail || x->rd->err;
}

static void xl_stop(struct xl *x, const char *why)
{
	if (why && !x->fail)
		x->fail = why;
	XML_StopParser(x->p, XML_FALSE);
}

static const char *lname(const char *name)
{
	const char *c = strrchr(name, ':');
	return c ? c + 1 : name;
}

static const char *attr(const char **atts, const char *local)
{
	for (; atts[0]; atts += 2)
		if (strcmp(lname(atts[0]), local) == 0)
			return atts[1];
	return NULL;
}

/* A decimal number in [0, max], or -1. */
static long num(const char *s, size_t n, long max)
{
	long v = 0;

	if (!s || !n)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9' || v > max / 10)
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v <= max ? v : -1;
}

static void XMLCALL xl_text(void *ud, const XML_Char *s, int len)
{
	struct xl *x = ud;
	struct cap *c = x->on;
	size_t room;

	if (!c || x->rph || len <= 0)
		return;
	room = CELL_CAP - c->len;
	if ((size_t)len > room) {
		c->over = true;
		len = (int)room;
	}
	memcpy(c->b + c->len, s, (size_t)len);
	c->len += (size_t)len;
}

static void XMLCALL xl_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
			       const XML_Char *pubid, int has_internal_subset)
{
	(void)name, (void)sysid, (void)pubid, (void)has_internal_subset;
	xl_stop(ud, "в файле XML есть DTD: Excel так не пишет");
}

/* OOXML escapes characters XML cannot hold as _xHHHH_ («_x000D_»); decodes them in place. */
static size_t unescape_x(char *s, size_t n)
{
	size_t o = 0;

	for (size_t i = 0; i < n;) {
		unsigned cp = 0;
		bool hex = i + 7 <= n && s[i] == '_' && s[i + 1] == 'x' && s[i + 6] == '_';

		for (size_t k = 2; hex && k < 6; k++) {
			char ch = s[i + k];
			int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
				: ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
			hex = d >= 0;
			cp = cp << 4 | (unsigned)(d & 0xf);
		}
		if (!hex || (cp >= 0xd800 && cp <= 0xdfff)) {
			s[o++] = s[i++];
			continue;
		}
		if (cp < 0x80) {
			s[o++] = (char)cp;
		} else if (cp < 0x800) {
			s[o++] = (char)(0xc0 | cp >> 6);
			s[o++] = (char)(0x80 | (cp & 0x3f));
		} else {
			s[o++] = (char)(0xe0 | cp >> 12);
			s[o++] = (char)(0x80 | ((cp >> 6) & 0x3f));
			s[o++] = (char)(0x80 | (cp & 0x3f));
		}
		i += 7;
	}
	return o;
}

/* Normalises captured string text in place. */
static void cap_text(struct cap *c)
{
	c->len = cell_norm(c->b, unescape_x(c->b, c->len), &c->over);
}

/* Resolves a relationship target against xl/. */
static char *xl_target(struct xl *x, const char *target)
{
	if (strlen(target) > 512)
		return NULL;
	if (target[0] == '/')
		return arena_strdup(x->a, target + 1);
	return arena_printf(x->a, "xl/%s", target);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static void XMLCALL wb_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xl *x = ud;
	const char *ln = lname(name), *v;

	if (xl_stopped(x))
		return;
	if (strcmp(ln, "workbookPr") == 0 && (v = attr(atts, "date1904")))
		x->date1904 = strcmp(v, "1") == 0 || strcmp(v, "true") == 0;
	else if (strcmp(ln, "sheet") == 0 && !x->sheet_rid && (v = attr(atts, "id")) &&
		 !(x->sheet_rid = arena_strdup(x->a, v)))
		xl_stop(x, NOMEM);
}

static void XMLCALL rel_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xl *x = ud;
	const char *id = attr(atts, "Id"), *type = attr(atts, "Type"), *target = attr(atts, "Target");
	const char *mode = attr(atts, "TargetMode");
	char **slot = NULL;

	if (xl_stopped(x) || strcmp(lname(name), "Relationship") != 0 || !id || !type || !target ||
	    (mode && strcmp(mode, "External") == 0))
		return;
	if (ends_with(type, "/worksheet") && x->sheet_rid && strcmp(id, x->sheet_rid) == 0)
		slot = &x->sheet_path;
	else if (ends_with(type, "/sharedStrings"))
		slot = &x->sst_path;
	else if (ends_with(type, "/styles"))
		slot = &x->styles_path;
	if (slot && !*slot)
		*slot = xl_target(x, target);
}

static void XMLCALL sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xl *x = ud;
	const char *ln = lname(name);

	(void)atts;
	if (xl_stopped(x))
		return;
	if (strcmp(ln, "si") == 0) {
		x->in_si = true;
		x->tx.len = 0;
		x->tx.over = false;
	} else if (strcmp(ln, "rPh") == 0) {
		x->rph++;
	} else if (strcmp(ln, "t") == 0 && x->in_si) {
		x->on = &x->tx;
	}
}

static void XMLCALL sst_end(void *ud, const XML_Char *name)
{
	struct xl *x = ud;
	const char *ln = lname(name);
	struct sst *e;

	if (xl_stopped(x))
		return;
	if (strcmp(ln, "t") == 0) {
		x->on = NULL;
	} else if (strcmp(ln, "rPh") == 0) {
		x->rph -= x->rph > 0;
	} else if (strcmp(ln, "si") == 0 && x->in_si) {
		x->in_si = false;
		if (x->nsst == x->capsst) {
			size_t cap = x->capsst ? 2 * x->capsst : 256;
			struct sst *a;

			if (cap > SST_MAX) {
				xl_stop(x, "слишком много строк в книге");
				return;
			}
			if (!(a = arena_alloc(x->a, cap * sizeof *a))) {
				xl_stop(x, NOMEM);
				return;
			}
			if (x->nsst)
				memcpy(a, x->sst, x->nsst * sizeof *a);
			x->sst = a;
			x->capsst = cap;
		}
		cap_text(&x->tx);
		e = &x->sst[x->nsst++];
		e->len = x->tx.len;
		e->over = x->tx.over;
		e->s = NULL;
		if (e->len && !(e->s = arena_strndup(x->a, x->tx.b, e->len)))
			xl_stop(x, NOMEM);
	}
}

/* Whether a number format code shows a date: a d or y outside quotes and brackets. */
static bool fmt_code_date(const char *p)
{
	for (; *p && *p != ';'; p++) {
		if (*p == '"') {
			while (p[1] && p[1] != '"')
				p++;
			if (p[1])
				p++;
		} else if (*p == '[') {
			while (p[1] && p[1] != ']')
				p++;
		} else if (*p == '\\' || *p == '_' || *p == '*') {
			if (p[1])
				p++;
		} else if (strchr("dDyY", *p)) {
			return true;
		}
	}
	return false;
}

static bool fmt_date(const struct xl *x, long id)
{
	if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
		return true;   /* Excel's built-in date formats */
	for (int i = 0; i < x->nfmt; i++)
		if (x->fmt_id[i] == id)
			return x->fmt_date[i];
	return false;
}

static void XMLCALL sty_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xl *x = ud;
	const char *ln = lname(name), *v;

	if (xl_stopped(x))
		return;
	if (strcmp(ln, "numFmt") == 0 && x->nfmt < FMTS_MAX) {
		long id = (v = attr(atts, "numFmtId")) ? num(v, strlen(v), 100000) : -1;
		const char *code = attr(atts, "formatCode");
		if (id >= 0 && code) {
			x->fmt_id[x->nfmt] = (int)id;
			x->fmt_date[x->nfmt++] = fmt_code_date(code);
		}
	} else if (strcmp(ln, "cellXfs") == 0) {
		x->in_xfs = true;
	} else if (strcmp(ln, "xf") == 0 && x->in_xfs && x->nxf < XF_MAX) {
		long id = (v = attr(atts, "numFmtId")) ? num(v, strlen(v), 100000) : 0;
		if (x->nxf == x->capxf) {
			size_t cap = x->capxf ? 2 * x->capxf : 64;
			bool *a = arena_alloc(x->a, cap * sizeof *a);
			if (!a) {
				xl_stop(x, NOMEM);
				return;
			}
			if (x->nxf)
				memcpy(a, x->xf_date, x->nxf * sizeof *a);
			x->xf_date = a;
			x->capxf = cap;
		}
		x->xf_date[x->nxf++] = fmt_date(x, id);
	}
}

static void XMLCALL sty_end(void *ud, const XML_Char *name)
{
	struct xl *x = ud;

	if (strcmp(lname(name), "cellXfs") == 0)
		x->in_xfs = false;
}

/* The 0-based column of a reference such as «C7», or -1. */
static int ref_col(const char *r)
{
	int col = 0, k = 0;

	for (; k < 3 && ((r[k] >= 'A' && r[k] <= 'Z') || (r[k] >= 'a' && r[k] <= 'z')); k++)
		col = col * 26 + ((r[k] | 0x20) - 'a' + 1);
	return k && r[k] >= '0' && r[k] <= '9' ? col - 1 : -1;
}

static void XMLCALL sh_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xl *x = ud;
	const char *ln = lname(name), *v;

	if (xl_stopped(x))
		return;
	if (strcmp(ln, "sheetData") == 0) {
		x->in_data = true;
	} else if (strcmp(ln, "row") == 0 && x->in_data) {
		long r = (v = attr(atts, "r")) ? num(v, strlen(v), 1048576) : -1;
		x->line = r > 0 ? (int)r : x->line + 1;
		x->col = -1;
	} else if (strcmp(ln, "c") == 0 && x->in_data) {
		int col = (v = attr(atts, "r")) ? ref_col(v) : -1;
		x->col = col >= 0 ? col : x->col + 1;
		v = attr(atts, "t");
		x->type = !v ? CT_NUMBER : strcmp(v, "s") == 0 ? CT_SHARED : strcmp(v, "inlineStr") == 0 ? CT_INLINE
			: strcmp(v, "b") == 0 ? CT_BOOL : strcmp(v, "e") == 0 ? CT_ERROR
			: strcmp(v, "n") == 0 ? CT_NUMBER : CT_STR;
		x->style = (v = attr(atts, "s")) ? num(v, strlen(v), XF_MAX) : 0;
		x->in_cell = true;
		x->formula = false;
		x->v.len = x->tx.len = 0;
		x->v.over = x->tx.over = false;
	} else if (strcmp(ln, "v") == 0 && x->in_cell) {
		x->on = &x->v;
	} else if (strcmp(ln, "f") == 0 && x->in_cell) {
		x->formula = true;
	} else if (strcmp(ln, "is") == 0 && x->in_cell) {
		x->in_is = true;
	} else if (strcmp(ln, "rPh") == 0) {
		x->rph++;
	} else if (strcmp(ln, "t") == 0 && x->in_is) {
		x->on = &x->tx;
	}
}

/* A number cell as Excel shows it in General format, or as a date if its format is one. */
static size_t xl_number(const struct xl *x, char *out, size_t cap)
{
	char tmp[64];
	char *end;
	double d;

	if (x->v.len == 0 || x->v.len >= sizeof tmp)
		return 0;
	memcpy(tmp, x->v.b, x->v.len);
	tmp[x->v.len] = '\0';
	d = strtod(tmp, &end);
	if (*end || end == tmp || !isfinite(d))
		return 0;
	if (x->style >= 0 && (size_t)x->style < x->nxf && x->xf_date[x->style] && d >= 1 && d < 2958466) {
		long days = (long)d;
		int y, m, dd;

		if (x->date1904)
			days += deadline_days(1904, 1, 1);
		else   /* day 1 is 1900-01-01; Excel counts a 29 February 1900 that never was */
			days += days < 61 ? deadline_days(1899, 12, 31) : deadline_days(1899, 12, 30);
		deadline_date((int)days, &y, &m, &dd);
		return (size_t)snprintf(out, cap, "%02d.%02d.%04d", dd, m, y);
	}
	if (d == 0)
		d = 0;   /* no «-0» */
	return (size_t)snprintf(out, cap, "%.15g", d);
}

static void xl_cell(struct xl *x)
{
	char numbuf[64];
	const char *s = NULL;
	size_t len = 0;
	bool over = false, number = false;
	struct cell *c;

	switch (x->type) {
	case CT_SHARED: {
		long i = num(x->v.b, x->v.len, SST_MAX);
		if (x->v.len && (i < 0 || (size_t)i >= x->nsst)) {
			xl_stop(x, "ячейка ссылается на несуществующую строку");
			return;
		}
		if (x->v.len)
			s = x->sst[i].s, len = x->sst[i].len, over = x->sst[i].over;
		break;
	}
	case CT_INLINE:
		cap_text(&x->tx);
		s = x->tx.b, len = x->tx.len, over = x->tx.over;
		break;
	case CT_BOOL:
		number = true;
		__attribute__((fallthrough));
	case CT_STR:
	case CT_ERROR:
		cap_text(&x->v);
		s = x->v.b, len = x->v.len, over = x->v.over;
		break;
	case CT_NUMBER:
		number = true;
		if ((len = xl_number(x, numbuf, sizeof numbuf)) > 0 && len < sizeof numbuf) {
			s = numbuf;
		} else {
			cap_text(&x->v);
			s = x->v.b, len = x->v.len, over = x->v.over;
		}
		break;
	}
	if (x->col < 0 || x->col >= RI_COLS_MAX || !len)
		return;
	if (!x->cbuf[x->col] && !(x->cbuf[x->col] = arena_alloc(x->a, CELL_CAP))) {
		xl_stop(x, NOMEM);
		return;
	}
	c = &x->cells[x->col];
	memcpy(x->cbuf[x->col], s, len);   /* normalised: RI_CELL_MAX bytes at most */
	c->s = x->cbuf[x->col];
	c->len = len;
	c->over = over;
	c->formula = x->formula;
	c->number = number;
	if (x->col + 1 > x->ncells)
		x->ncells = x->col + 1;
}

static void XMLCALL sh_end(void *ud, const XML_Char *name)
{
	struct xl *x = ud;
	const char *ln = lname(name);

	if (xl_stopped(x))
		return;
	if (strcmp(ln, "v") == 0 || strcmp(ln, "t") == 0) {
		x->on = NULL;
	} else if (strcmp(ln, "rPh") == 0) {
		x->rph -= x->rph > 0;
	} else if (strcmp(ln, "is") == 0) {
		x->in_is = false;
	} else if (strcmp(ln, "c") == 0 && x->in_cell) {
		x->in_cell = false;
		x->on = NULL;
		xl_cell(x);
	} else if (strcmp(ln, "row") == 0 && x->in_data) {
		bool go = rd_row(x->rd, x->line, x->cells, x->ncells);
		for (int i = 0; i < x->ncells; i++)
			x->cells[i].len = 0;
		x->ncells = 0;
		if (!go)
			xl_stop(x, NULL);
	} else if (strcmp(ln, "sheetData") == 0) {
		x->in_data = false;
	}
}

/*
 * Parses archive member `name` with the handlers, reading at most RI_XML_MAX bytes.
 * Returns 1 when parsed, 0 when there is no such member, -1 on failure (x->fail or rd->err).
 */
static int xl_parse(struct xl *x, const char *name, XML_StartElementHandler start, XML_EndElementHandler end)
{
	zip_file_t *zf;
	size_t total = 0;
	int rc = -1;

	if (zip_name_locate(x->z, name, 0) < 0)
		return 0;
	if (!(zf = zip_fopen(x->z, name, 0))) {
		x->fail = "архив повреждён или зашифрован";
		return -1;
	}
	if (!(x->p = XML_ParserCreate(NULL))) {
		zip_fclose(zf);
		x->fail = NOMEM;
		return -1;
	}
	XML_SetUserData(x->p, x);
	XML_SetElementHandler(x->p, start, end);
	XML_SetCharacterDataHandler(x->p, xl_text);
	XML_SetStartDoctypeDeclHandler(x->p, xl_doctype);
	x->on = NULL;
	x->rph = 0;
	for (;;) {
		zip_int64_t n = zip_fread(zf, x->chunk, CHUNK);

		if (n < 0) {
			x->fail = "архив повреждён";
			break;
		}
		if ((total += (size_t)n) > RI_XML_MAX) {
			x->fail = "часть книги больше 20 МБ: это не похоже на дорожную карту";
			break;
		}
		if (XML_Parse(x->p, x->chunk, (int)n, n == 0) != XML_STATUS_OK) {
			if (!xl_stopped(x))
				x->fail = "XML внутри книги повреждён";
			break;
		}
		if (n == 0) {
			rc = 1;
			break;
		}
	}
	XML_ParserFree(x->p);
	x->p = NULL;
	zip_fclose(zf);
	return xl_stopped(x) ? -1 : rc;
}

static void xl_read(struct rd *rd, zip_t *z)
{
	struct xl *x = arena_alloc(rd->a, sizeof *x);
	int r;

	if (!x) {
		rd_fail(rd, RI_TOO_MANY, NOMEM);
		return;
	}
	memset(x, 0, sizeof *x);
	x->rd = rd;
	x->a = rd->a;
	x->z = z;
	x->line = 0;
	if (!(x->chunk = arena_alloc(rd->a, CHUNK)) || !(x->tx.b = arena_alloc(rd->a, CELL_CAP)) ||
	    !(x->v.b = arena_alloc(rd->a, CELL_CAP))) {
		rd_fail(rd, RI_TOO_MANY, NOMEM);
		return;
	}
	if ((r = xl_parse(x, "xl/workbook.xml", wb_start, NULL)) == 0) {
		x->fail = "это не книга Excel: в архиве нет xl/workbook.xml";
		r = -1;
	}
	if (r > 0 && x->sheet_rid)
		r = xl_parse(x, "xl/_rels/workbook.xml.rels", rel_start, NULL);
	if (r >= 0)
		r = xl_parse(x, x->sst_path ? x->sst_path : "xl/sharedStrings.xml", sst_start, sst_end);
	if (r >= 0)
		r = xl_parse(x, x->styles_path ? x->styles_path : "xl/styles.xml", sty_start, sty_end);
	if (r >= 0 && (r = xl_parse(x, x->sheet_path ? x->sheet_path : "xl/worksheets/sheet1.xml", sh_start, sh_end)) == 0)
		x->fail = "в книге нет листа";
	if (x->fail)
		rd_fail(rd, x->fail == NOMEM ? RI_TOO_MANY : RI_FORMAT, x->fail);
}

/* Whether the archive whose last bytes are `tail` lists few enough files (zip bombs of another kind). */
static bool zip_entries_ok(const unsigned char *tail, size_t n)
{
	for (size_t i = n >= 22 ? n - 22 + 1 : 0; i-- > 0;)
		if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6)
			return (size_t)(tail[i + 10] | tail[i + 11] << 8) <= ZIP_ENTRIES_MAX;
	return true;   /* no directory at all: libzip says so */
}

static void xl_open_buffer(struct rd *rd, const char *data, size_t n)
{
	zip_error_t ze;
	zip_source_t *zs;
	zip_t *z;

	if (!zip_entries_ok((const unsigned char *)data + (n > EOCD_SCAN ? n - EOCD_SCAN : 0),
			    n > EOCD_SCAN ? EOCD_SCAN : n)) {
		rd_fail(rd, RI_FORMAT, "в архиве слишком много файлов");
		return;
	}
	zip_error_init(&ze);
	if (!(zs = zip_source_buffer_create(data, n, 0, &ze))) {
		rd_fail(rd, RI_TOO_MANY, NOMEM);
	} else if (!(z = zip_open_from_source(zs, ZIP_RDONLY, &ze))) {
		zip_source_free(zs);
		rd_fail(rd, RI_FORMAT, "файл XLSX повреждён или обрезан");
	} else {
		xl_read(rd, z);
		zip_discard(z);
	}
	zip_error_fini(&ze);
}

/* ---- Entry points ---- */

enum kind { K_TEXT, K_ZIP, K_XLS, K_NOT_ZIP };

/* What the first bytes say the file is, whatever the caller thought. */
static enum kind sniff(const unsigned char *h, size_t n, enum ri_format f)
{
	if (n >= 4 && h[0] == 'P' && h[1] == 'K' && (h[2] == 3 || h[2] == 5) && (h[3] == 4 || h[3] == 6))
		return K_ZIP;
	if (n >= 4 && h[0] == 0xd0 && h[1] == 0xcf && h[2] == 0x11 && h[3] == 0xe0)
		return K_XLS;
	return f == RI_XLSX ? K_NOT_ZIP : K_TEXT;
}

static const char NOT_ZIP[] = "это не файл XLSX";

int ri_read_buffer(struct arena *a, const char *data, size_t n, enum ri_format f,
		   const struct dl_period *period, struct ri_result *out)
{
	struct rd rd;

	if (!a || !period || !out || (!data && n))
		return -1;
	rd_init(&rd, a, period);
	switch (sniff((const unsigned char *)data, n, f)) {
	case K_ZIP:
		xl_open_buffer(&rd, data, n);
		break;
	case K_XLS:
		rd_fail(&rd, RI_FORMAT, XLS);
		break;
	case K_NOT_ZIP:
		rd_fail(&rd, RI_FORMAT, NOT_ZIP);
		break;
	case K_TEXT: {
		struct src s = { (const unsigned char *)data, (const unsigned char *)data + n, -1, NULL, false };
		text_read(&rd, &s, f);
		break;
	}
	}
	rd_finish(&rd, out);
	return 0;
}

int ri_read_file(struct arena *a, const char *path, enum ri_format f, const struct dl_period *period,
		 struct ri_result *out)
{
	unsigned char head[8];
	struct stat sb;
	struct rd rd;
	ssize_t h = 0;
	int fd, rc = 0;

	if (!a || !path || !period || !out)
		return -1;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	if (fstat(fd, &sb) != 0 || (h = pread(fd, head, sizeof head, 0)) < 0) {
		close(fd);
		return -1;
	}
	rd_init(&rd, a, period);
	switch (sniff(head, (size_t)h, f)) {
	case K_ZIP: {
		size_t n = sb.st_size > EOCD_SCAN ? EOCD_SCAN : (size_t)sb.st_size;
		unsigned char *tail = arena_alloc(a, n + 1);
		zip_t *z;
		int ze;

		if (!tail) {
			rd_fail(&rd, RI_TOO_MANY, NOMEM);
		} else if (pread(fd, tail, n, sb.st_size - (off_t)n) != (ssize_t)n) {
			rc = -1;
		} else if (!zip_entries_ok(tail, n)) {
			rd_fail(&rd, RI_FORMAT, "в архиве слишком много файлов");
		} else if (!(z = zip_open(path, ZIP_RDONLY, &ze))) {
			if (ze == ZIP_ER_OPEN || ze == ZIP_ER_READ || ze == ZIP_ER_NOENT || ze == ZIP_ER_SEEK)
				rc = -1;
			else
				rd_fail(&rd, ze == ZIP_ER_MEMORY ? RI_TOO_MANY : RI_FORMAT,
					ze == ZIP_ER_MEMORY ? NOMEM : "файл XLSX повреждён или обрезан");
		} else {
			xl_read(&rd, z);
			zip_discard(z);
		}
		break;
	}
	case K_XLS:
		rd_fail(&rd, RI_FORMAT, XLS);
		break;
	case K_NOT_ZIP:
		rd_fail(&rd, RI_FORMAT, NOT_ZIP);
		break;
	case K_TEXT: {
		unsigned char *chunk = arena_alloc(a, CHUNK);
		struct src s = { chunk, chunk, fd, chunk, false };

		if (!chunk) {
			rd_fail(&rd, RI_TOO_MANY, NOMEM);
			break;
		}
		src_first(&s);
		if (!s.ioerr)
			text_read(&rd, &s, f);
		if (s.ioerr)
			rc = -1;
		break;
	}
	}
	close(fd);
	if (rc == 0)
		rd_finish(&rd, out);
	return rc;
}

static bool name_ends(const char *name, const char *ext)
{
	size_t n = name ? strlen(name) : 0, k = strlen(ext);
	return n >= k && strcasecmp(name + n - k, ext) == 0;
}

int ri_format_from_mime(const char *mime, const char *name)
{
	if (!mime)
		return -1;
	if (strcmp(mime, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") == 0 ||
	    strcmp(mime, "application/zip") == 0 ||
	    (strcmp(mime, "application/octet-stream") == 0 && name_ends(name, ".xlsx")))
		return RI_XLSX;
	if (strcmp(mime, "text/tab-separated-values") == 0 ||
	    (strncmp(mime, "text/", 5) == 0 && (name_ends(name, ".tsv") || name_ends(name, ".tab"))))
		return RI_TSV;
	if (strncmp(mime, "text/", 5) == 0 || strcmp(mime, "application/csv") == 0)
		return RI_CSV;
	return -1;
}

const char *ri_error_message(enum ri_error e)
{
	switch (e) {
	case RI_OK:
		return "Файл прочитан";
	case RI_ENCODING:
		return "Файл не в кодировке UTF-8: сохраните его как «CSV UTF-8» или загрузите XLSX";
	case RI_COLUMNS:
		return "В файле не найден столбец «Мероприятия»: первой строкой таблицы должны идти "
		       "заголовки столбцов";
	case RI_TOO_MANY:
		return "В файле больше 5000 мероприятий: разделите его на части";
	case RI_EMPTY:
		return "В файле нет ни одного мероприятия";
	case RI_FORMAT:
		return "Файл не удалось прочитать как таблицу XLSX, CSV или TSV";
	case RI__MAX:
		break;
	}
	return "Файл не удалось прочитать";
}

const char *ri_row_error_message(enum ri_row_error e)
{
	switch (e) {
	case RIE_NO_MEASURE:
		return "Не указано мероприятие";
	case RIE_DUP_NUMBER:
		return "Такой номер уже есть выше";
	case RIE_DEADLINE:
		return "Срок не распознан: укажите дату, месяц, период или «Ежегодно»";
	case RIE_FORMULA:
		return "Ячейка начинается с «=», «+», «-» или «@»: сохранена как текст, не как формула";
	case RIE_TOO_LONG:
		return "Текст ячейки длиннее 4000 байт и обрезан";
	case RIE__MAX:
		break;
	}
	return "Ошибка в строке";
}

const char *ri_result_message(struct arena *a, const struct ri_result *r)
{
	const char *m = NULL, *d = r->error_detail;

	if (!d)
		return ri_error_message(r->error);
	switch (r->error) {
	case RI_ENCODING:
		m = arena_printf(a, "Файл не в кодировке UTF-8 (похоже на %s): сохраните его как «CSV UTF-8»", d);
		break;
	case RI_COLUMNS:
		m = arena_printf(a, "В файле не найден столбец «%s»: первой строкой таблицы должны идти "
				 "заголовки столбцов", d);
		break;
	case RI_TOO_MANY:
		m = arena_printf(a, "Файл не принят: %s", d);
		break;
	case RI_FORMAT:
		m = arena_printf(a, "Файл не удалось прочитать: %s", d);
		break;
	default:
		break;
	}
	return m ? m : ri_error_message(r->error);
}
