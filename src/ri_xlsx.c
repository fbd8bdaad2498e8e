/*
 * ri_xlsx.c: the XLSX reader of the spreadsheet imports (libzip + expat, streamed part by part),
 * with its zip-bomb limits: archive entries, bytes per part, shared strings, styles. It
 * never interprets cells (the importers do), never holds Russian text, never logs.
 */
#include "ri_xlsx.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <expat.h>
#include <zip.h>

#include "arena.h"
#include "deadline.h"
#include "ri_sink.h"

enum {
	CHUNK = 64 << 10,             /* bytes read from a part at a time */
	SST_MAX = 1 << 20,            /* shared strings of one workbook */
	XF_MAX = 1 << 16,             /* cell formats whose date-ness is remembered */
	FMTS_MAX = 256,               /* custom number formats remembered */
	ZIP_ENTRIES_MAX = 10000,      /* files in an XLSX archive; Excel writes about a dozen */
	EOCD_SCAN = 22 + 65535        /* the end-of-central-directory record and its longest comment */
};

struct cap {
	char *b;        /* RI_CELL_CAP bytes */
	size_t len;
	bool over;
};

enum ctype { CT_NUMBER, CT_SHARED, CT_INLINE, CT_STR, CT_BOOL, CT_ERROR };

struct xl {
	struct ri_sink *rd;
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
	struct ri_cell cells[RI_COLS_MAX];
	char *cbuf[RI_COLS_MAX];
	int ncells;
};

static bool xl_stopped(const struct xl *x)
{
	return x->fail || ri_sink_failed(x->rd);
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
	room = RI_CELL_CAP - c->len;
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
	xl_stop(ud, ri_detail(RID_DTD));
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
	c->len = ri_cell_norm(c->b, unescape_x(c->b, c->len), &c->over);
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
		xl_stop(x, ri_detail(RID_NOMEM));
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

/*
 * Room for one more of the `n` elements of `size` bytes at `arr`, which holds *cap: `arr`
 * itself, or a copy in the arena twice as large (`first` elements at first). NULL, with
 * the parser stopped, when the arena is full.
 */
static void *xl_room(struct xl *x, void *arr, size_t n, size_t *cap, size_t size, size_t first)
{
	size_t c;
	void *a;

	if (n < *cap)
		return arr;
	c = *cap ? 2 * *cap : first;
	if (!(a = arena_alloc(x->a, c * size))) {
		xl_stop(x, ri_detail(RID_NOMEM));
		return NULL;
	}
	if (n)
		memcpy(a, arr, n * size);
	*cap = c;
	return a;
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
		if (x->nsst == SST_MAX) {
			xl_stop(x, ri_detail(RID_SST_MAX));
			return;
		}
		if (!(x->sst = xl_room(x, x->sst, x->nsst, &x->capsst, sizeof *x->sst, 256)))
			return;
		cap_text(&x->tx);
		e = &x->sst[x->nsst++];
		e->len = x->tx.len;
		e->over = x->tx.over;
		e->s = NULL;
		if (e->len && !(e->s = arena_strndup(x->a, x->tx.b, e->len)))
			xl_stop(x, ri_detail(RID_NOMEM));
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
		if (!(x->xf_date = xl_room(x, x->xf_date, x->nxf, &x->capxf, sizeof *x->xf_date, 64)))
			return;
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
	struct cap *txt = NULL;   /* the captured text the cell shows, if no shared string or number */
	struct ri_cell *c;

	switch (x->type) {
	case CT_SHARED: {
		long i = num(x->v.b, x->v.len, SST_MAX);
		if (x->v.len && (i < 0 || (size_t)i >= x->nsst)) {
			xl_stop(x, ri_detail(RID_SST_REF));
			return;
		}
		if (x->v.len)
			s = x->sst[i].s, len = x->sst[i].len, over = x->sst[i].over;
		break;
	}
	case CT_INLINE:
		txt = &x->tx;
		break;
	case CT_BOOL:
		number = true;
		__attribute__((fallthrough));
	case CT_STR:
	case CT_ERROR:
		txt = &x->v;
		break;
	case CT_NUMBER:
		number = true;
		if ((len = xl_number(x, numbuf, sizeof numbuf)) > 0 && len < sizeof numbuf)
			s = numbuf;
		else
			txt = &x->v;
		break;
	}
	if (txt) {
		cap_text(txt);
		s = txt->b, len = txt->len, over = txt->over;
	}
	if (x->col < 0 || x->col >= RI_COLS_MAX || !len)
		return;
	if (!x->cbuf[x->col] && !(x->cbuf[x->col] = arena_alloc(x->a, RI_CELL_CAP))) {
		xl_stop(x, ri_detail(RID_NOMEM));
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
		bool go = ri_sink_row(x->rd, x->line, x->cells, x->ncells);
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
 * Returns 1 when parsed, 0 when there is no such member, -1 on failure (x->fail or ri_sink_failed()).
 */
static int xl_parse(struct xl *x, const char *name, XML_StartElementHandler start, XML_EndElementHandler end)
{
	zip_file_t *zf;
	size_t total = 0;
	int rc = -1;

	if (zip_name_locate(x->z, name, 0) < 0)
		return 0;
	if (!(zf = zip_fopen(x->z, name, 0))) {
		x->fail = ri_detail(RID_ZIP_ENTRY);
		return -1;
	}
	if (!(x->p = XML_ParserCreate(NULL))) {
		zip_fclose(zf);
		x->fail = ri_detail(RID_NOMEM);
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
			x->fail = ri_detail(RID_ZIP_READ);
			break;
		}
		if ((total += (size_t)n) > RI_XML_MAX) {
			x->fail = ri_detail(RID_PART_MAX);
			break;
		}
		if (XML_Parse(x->p, x->chunk, (int)n, n == 0) != XML_STATUS_OK) {
			if (!xl_stopped(x))
				x->fail = ri_detail(RID_XML);
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

static void xl_read(struct ri_sink *rd, zip_t *z)
{
	struct arena *a = ri_sink_arena(rd);
	struct xl *x = arena_alloc(a, sizeof *x);
	int r;

	if (!x) {
		ri_sink_fail(rd, RI_TOO_MANY, ri_detail(RID_NOMEM));
		return;
	}
	memset(x, 0, sizeof *x);
	x->rd = rd;
	x->a = a;
	x->z = z;
	x->line = 0;
	if (!(x->chunk = arena_alloc(a, CHUNK)) || !(x->tx.b = arena_alloc(a, RI_CELL_CAP)) ||
	    !(x->v.b = arena_alloc(a, RI_CELL_CAP))) {
		ri_sink_fail(rd, RI_TOO_MANY, ri_detail(RID_NOMEM));
		return;
	}
	if ((r = xl_parse(x, "xl/workbook.xml", wb_start, NULL)) == 0) {
		x->fail = ri_detail(RID_NO_WORKBOOK);
		r = -1;
	}
	if (r > 0 && x->sheet_rid)
		r = xl_parse(x, "xl/_rels/workbook.xml.rels", rel_start, NULL);
	if (r >= 0)
		r = xl_parse(x, x->sst_path ? x->sst_path : "xl/sharedStrings.xml", sst_start, sst_end);
	if (r >= 0)
		r = xl_parse(x, x->styles_path ? x->styles_path : "xl/styles.xml", sty_start, sty_end);
	if (r >= 0 && (r = xl_parse(x, x->sheet_path ? x->sheet_path : "xl/worksheets/sheet1.xml", sh_start, sh_end)) == 0)
		x->fail = ri_detail(RID_NO_SHEET);
	if (x->fail)
		ri_sink_fail(rd, x->fail == ri_detail(RID_NOMEM) ? RI_TOO_MANY : RI_FORMAT, x->fail);
}

/* Whether the archive whose last bytes are `tail` lists few enough files (zip bombs of another kind). */
static bool zip_entries_ok(const unsigned char *tail, size_t n)
{
	for (size_t i = n >= 22 ? n - 22 + 1 : 0; i-- > 0;)
		if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6)
			return (size_t)(tail[i + 10] | tail[i + 11] << 8) <= ZIP_ENTRIES_MAX;
	return true;   /* no directory at all: libzip says so */
}

void ri_xlsx_read_buffer(struct ri_sink *rd, const char *data, size_t n)
{
	zip_error_t ze;
	zip_source_t *zs;
	zip_t *z;

	if (!zip_entries_ok((const unsigned char *)data + (n > EOCD_SCAN ? n - EOCD_SCAN : 0),
			    n > EOCD_SCAN ? EOCD_SCAN : n)) {
		ri_sink_fail(rd, RI_FORMAT, ri_detail(RID_ZIP_FILES));
		return;
	}
	zip_error_init(&ze);
	if (!(zs = zip_source_buffer_create(data, n, 0, &ze))) {
		ri_sink_fail(rd, RI_TOO_MANY, ri_detail(RID_NOMEM));
	} else if (!(z = zip_open_from_source(zs, ZIP_RDONLY, &ze))) {
		zip_source_free(zs);
		ri_sink_fail(rd, RI_FORMAT, ri_detail(RID_ZIP_BAD));
	} else {
		xl_read(rd, z);
		zip_discard(z);
	}
	zip_error_fini(&ze);
}

int ri_xlsx_read_fd(struct ri_sink *rd, int fd, const char *path, off_t size)
{
	size_t n = size > EOCD_SCAN ? EOCD_SCAN : (size_t)size;
	unsigned char *tail = arena_alloc(ri_sink_arena(rd), n + 1);
	zip_t *z;
	int ze;

	if (!tail) {
		ri_sink_fail(rd, RI_TOO_MANY, ri_detail(RID_NOMEM));
	} else if (pread(fd, tail, n, size - (off_t)n) != (ssize_t)n) {
		return -1;
	} else if (!zip_entries_ok(tail, n)) {
		ri_sink_fail(rd, RI_FORMAT, ri_detail(RID_ZIP_FILES));
	} else if (!(z = zip_open(path, ZIP_RDONLY, &ze))) {
		if (ze == ZIP_ER_OPEN || ze == ZIP_ER_READ || ze == ZIP_ER_NOENT || ze == ZIP_ER_SEEK)
			return -1;
		ri_sink_fail(rd, ze == ZIP_ER_MEMORY ? RI_TOO_MANY : RI_FORMAT,
			     ri_detail(ze == ZIP_ER_MEMORY ? RID_NOMEM : RID_ZIP_BAD));
	} else {
		xl_read(rd, z);
		zip_discard(z);
	}
	return 0;
}
