/*
 * multipart.c: push parser for multipart/form-data (RFC 7578 over RFC 2046 framing).
 * A byte-level state machine that keeps one header line and the delimiter, hands part
 * data straight to the caller, and never allocates, does I/O or exits.
 *
 * Decisions beyond the RFCs:
 * - The start of the body counts as the CRLF before the first delimiter; other
 *   preamble bytes are ignored. A closing delimiter with no part is an empty form.
 * - "\r\n--boundary" is a delimiter only when followed by "--", or by optional
 *   spaces/tabs (at most MP_LINE_MAX, else MP_EHEADER) and CRLF; otherwise its
 *   bytes are part data.
 * - After the closing delimiter only SP, HT, CR and LF may follow (MP_EAFTER):
 *   a second form smuggled into the epilogue is refused, not silently dropped.
 * - Header lines end in CRLF; folding, bare CR or LF and duplicated
 *   Content-Disposition or Content-Type are MP_EHEADER. Other headers are ignored.
 * - In quoted-strings a backslash escapes only '"' and '\', so old IE's raw
 *   "C:\dir\f.pdf" keeps its separators; browsers' %22 stays as sent.
 * - filename*=UTF-8''… (RFC 5987) wins over filename=; another charset is
 *   MP_EFILENAME. A filename that is only a directory ("../", "..") is MP_EFILENAME.
 */
#include "multipart.h"

#include <string.h>

#include "http.h"

enum mp_state {
	ST_BODY,        /* preamble (no part open) or part data: looking for the delimiter */
	ST_DELIM,       /* after "\r\n--boundary": "--", padding, CRLF */
	ST_HEADER,      /* part header lines */
	ST_EPILOGUE,    /* after the closing delimiter */
	ST_ERROR,       /* sticky; p->err holds the code */
};

enum mp_tail {
	TAIL_START,     /* nothing yet after the boundary */
	TAIL_DASH,      /* one '-' */
	TAIL_PAD,       /* spaces or tabs, held in line[0..pad) */
	TAIL_CR,        /* CR, LF next */
};

/* A parameter value inside a header: the bytes between the quotes, or a token. */
struct span {
	const char *s;
	size_t n;
	bool quoted, set;
};

static bool is_tchar(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

static bool is_bchar(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c != '\0' && strchr("'()+_,-./:=? ", c) != NULL);
}

static bool is_ows(int c)
{
	return c == ' ' || c == '\t';
}

/* True if s[0..n) equals the lower-case ASCII `word`, ignoring ASCII case. */
static bool ieq(const char *s, size_t n, const char *word)
{
	if (strlen(word) != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		int c = (unsigned char)s[i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c != word[i])
			return false;
	}
	return true;
}

/* True if s[i] is a backslash escaping the '"' or '\' after it (see above). */
static bool is_escape(const char *s, size_t i, size_t n)
{
	return s[i] == '\\' && i + 1 < n && (s[i + 1] == '"' || s[i + 1] == '\\');
}

/*
 * Reads one parameter value at s[*i..n): a quoted-string (its inside goes to `v`,
 * escapes still in place) or a run of bytes other than OWS, ';' and '"'.
 * Returns false if malformed (unterminated quote, empty token).
 */
static bool value_read(const char *s, size_t n, size_t *i, struct span *v)
{
	size_t j = *i;

	if (j < n && s[j] == '"') {
		size_t start = ++j;

		while (j < n && s[j] != '"')
			j += is_escape(s, j, n) ? 2 : 1;
		if (j >= n)
			return false;
		*v = (struct span){ s + start, j - start, true, true };
		*i = j + 1;
		return true;
	}
	while (j < n && !is_ows(s[j]) && s[j] != ';' && s[j] != '"')
		j++;
	if (j == *i)
		return false;
	*v = (struct span){ s + *i, j - *i, false, true };
	*i = j;
	return true;
}

/* Copies `v` to dst (room for v.n + 1) without its escapes; returns the length. */
static size_t unquote(char *dst, struct span v)
{
	size_t o = 0;

	for (size_t i = 0; i < v.n; i++) {
		if (v.quoted && is_escape(v.s, i, v.n))
			i++;
		dst[o++] = v.s[i];
	}
	dst[o] = '\0';
	return o;
}

/* Parses "multipart/form-data; boundary=…" and builds the delimiter. */
static int boundary_parse(struct mp_parser *p, const char *ct)
{
	char val[MP_LINE_MAX + 1];
	bool found = false;
	size_t i = 0, n, tl;

	if (!ct)
		return MP_ETYPE;
	n = strlen(ct);
	while (i < n && is_ows(ct[i]))
		i++;
	tl = strcspn(ct + i, "; \t");
	if (!ieq(ct + i, tl, "multipart/form-data"))
		return MP_ETYPE;
	i += tl;
	for (;;) {
		struct span v;
		size_t name, nlen, vlen;

		while (i < n && is_ows(ct[i]))
			i++;
		if (i == n)
			break;
		if (ct[i++] != ';')
			return MP_EBOUNDARY;
		while (i < n && is_ows(ct[i]))
			i++;
		if (i == n)
			break;
		for (name = i; i < n && is_tchar(ct[i]); i++)
			;
		nlen = i - name;
		while (i < n && is_ows(ct[i]))
			i++;
		if (nlen == 0 || i == n || ct[i++] != '=')
			return MP_EBOUNDARY;
		while (i < n && is_ows(ct[i]))
			i++;
		if (!value_read(ct, n, &i, &v))
			return MP_EBOUNDARY;
		if (!ieq(ct + name, nlen, "boundary"))
			continue;
		if (found || v.n > MP_LINE_MAX)
			return MP_EBOUNDARY;
		found = true;
		vlen = unquote(val, v);
		if (vlen == 0 || vlen > MP_BOUNDARY_MAX || val[vlen - 1] == ' ')
			return MP_EBOUNDARY;
		for (size_t k = 0; k < vlen; k++)
			if (!is_bchar((unsigned char)val[k]))
				return MP_EBOUNDARY;
		memcpy(p->delim, "\r\n--", 4);
		memcpy(p->delim + 4, val, vlen);
		p->dlen = 4 + vlen;
	}
	return found ? MP_OK : MP_EBOUNDARY;
}

int mp_init(struct mp_parser *p, const char *content_type, const struct mp_callbacks *cb,
	    void *ctx)
{
	static const struct mp_callbacks none;
	int rc;

	memset(p, 0, sizeof *p);
	p->cb = cb ? cb : &none;
	p->ctx = ctx;
	if ((rc = boundary_parse(p, content_type)) != MP_OK) {
		p->state = ST_ERROR;
		p->err = rc;
		return rc;
	}
	p->state = ST_BODY;
	p->match = 2;   /* the start of the body stands for the CRLF before the first delimiter */
	return MP_OK;
}

/* Hands part data to the caller; bytes outside a part (the preamble) are dropped. */
static int emit(struct mp_parser *p, const char *s, size_t n)
{
	if (!p->in_part || n == 0 || !p->cb->part_data)
		return MP_OK;
	return p->cb->part_data(p->ctx, s, n) ? MP_EABORT : MP_OK;
}

/*
 * Scans d[*pos..n) for the delimiter, passing data on in runs. Bytes that might
 * begin the delimiter are held (as p->match) until it is complete or refuted; if
 * the match began in an earlier chunk, its bytes are p->delim[0..match).
 */
static int body_scan(struct mp_parser *p, const char *d, size_t n, size_t *pos)
{
	size_t i = *pos, run = i, mstart = i, carried = p->match;
	int rc;

	while (i < n) {
		if (p->match == 0) {
			const char *cr = memchr(d + i, '\r', n - i);

			if (!cr) {
				i = n;
				break;
			}
			mstart = i = (size_t)(cr - d);
			p->match = 1;
			i++;
		} else if (d[i] == p->delim[p->match]) {
			i++;
			if (++p->match == p->dlen) {
				*pos = i;
				p->match = 0;
				p->state = ST_DELIM;
				p->tail = TAIL_START;
				p->pad = 0;
				return emit(p, d + run, mstart - run);
			}
		} else {
			/* refuted: the held bytes were data; d[i] is looked at again */
			if (carried && (rc = emit(p, p->delim, carried)) != MP_OK)
				return rc;
			carried = 0;
			p->match = 0;
		}
	}
	*pos = n;
	return emit(p, d + run, (p->match ? mstart : n) - run);
}

/* Ends the open part, if any. */
static int part_close(struct mp_parser *p)
{
	if (!p->in_part)
		return MP_OK;
	p->in_part = false;
	return p->cb->part_end && p->cb->part_end(p->ctx) ? MP_EABORT : MP_OK;
}

/* A delimiter line is complete: close the part, start reading the next one's headers. */
static int part_next(struct mp_parser *p)
{
	int rc;

	if ((rc = part_close(p)) != MP_OK)
		return rc;
	if (p->nparts == MP_PARTS_MAX)
		return MP_EPARTS;
	p->nparts++;
	p->state = ST_HEADER;
	p->linelen = 0;
	p->nheaders = 0;
	p->line_cr = p->have_cd = p->have_ct = false;
	memset(&p->part, 0, sizeof p->part);
	return MP_OK;
}

/* One byte after "\r\n--boundary"; *eaten is false if `c` must be scanned again as body. */
static int delim_step(struct mp_parser *p, char c, bool *eaten)
{
	int rc;

	*eaten = true;
	if (p->tail == TAIL_START && c == '-') {
		p->tail = TAIL_DASH;
		return MP_OK;
	}
	if (p->tail == TAIL_DASH && c == '-') {
		p->state = ST_EPILOGUE;
		return part_close(p);
	}
	if ((p->tail == TAIL_START || p->tail == TAIL_PAD) && is_ows(c)) {
		if (p->pad == MP_LINE_MAX)
			return MP_EHEADER;
		p->line[p->pad++] = c;
		p->tail = TAIL_PAD;
		return MP_OK;
	}
	if ((p->tail == TAIL_START || p->tail == TAIL_PAD) && c == '\r') {
		p->tail = TAIL_CR;
		return MP_OK;
	}
	if (p->tail == TAIL_CR && c == '\n')
		return part_next(p);

	/* not a delimiter: what was held is data, in the order it came */
	*eaten = false;
	p->state = ST_BODY;
	p->match = 0;
	if ((rc = emit(p, p->delim, p->dlen)) != MP_OK)
		return rc;
	if (p->tail == TAIL_DASH)
		return emit(p, "-", 1);
	if ((rc = emit(p, p->line, p->pad)) != MP_OK)
		return rc;
	return p->tail == TAIL_CR ? emit(p, "\r", 1) : MP_OK;
}

/*
 * Checks a decoded filename, removes any directory part and stores it.
 * Returns MP_OK or MP_EFILENAME.
 */
static int filename_set(struct mp_part *part, const char *s, size_t n)
{
	size_t start = 0, len;

	if (!http_utf8_ok(s, n))   /* also refuses NUL and other controls */
		return MP_EFILENAME;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '/' || s[i] == '\\')
			start = i + 1;
	len = n - start;
	if (n > 0 && (len == 0 || ieq(s + start, len, ".") || ieq(s + start, len, "..")))
		return MP_EFILENAME;
	if (len > MP_FILENAME_MAX)
		return MP_EFILENAME;
	memcpy(part->filename, s + start, len);
	part->filename[len] = '\0';
	return MP_OK;
}

/* filename*=charset'language'percent-encoded (RFC 5987); only UTF-8 is accepted. */
static int filename_ext_set(struct mp_part *part, struct span v)
{
	char tmp[MP_LINE_MAX + 1];
	const char *q1, *q2;
	long len;

	if (v.quoted || !(q1 = memchr(v.s, '\'', v.n)) || !ieq(v.s, (size_t)(q1 - v.s), "utf-8"))
		return MP_EFILENAME;
	q1++;
	if (!(q2 = memchr(q1, '\'', v.n - (size_t)(q1 - v.s))))
		return MP_EFILENAME;
	q2++;
	if ((len = http_decode(tmp, q2, v.n - (size_t)(q2 - v.s), false)) < 0)
		return MP_EFILENAME;
	return filename_set(part, tmp, (size_t)len);
}

/* Content-Disposition: form-data; name="…"[; filename="…"][; filename*=…] */
static int disposition(struct mp_parser *p, const char *s, size_t n)
{
	struct span name = { 0 }, fname = { 0 }, fext = { 0 };
	char tmp[MP_LINE_MAX + 1];
	size_t i = 0, len;

	while (i < n && is_tchar(s[i]))
		i++;
	if (!ieq(s, i, "form-data"))
		return MP_EHEADER;
	for (;;) {
		struct span v, *slot;
		size_t pn;

		while (i < n && is_ows(s[i]))
			i++;
		if (i == n)
			break;
		if (s[i++] != ';')
			return MP_EHEADER;
		while (i < n && is_ows(s[i]))
			i++;
		if (i == n)
			break;
		for (pn = i; i < n && is_tchar(s[i]); i++)
			;
		slot = ieq(s + pn, i - pn, "name") ? &name :
		       ieq(s + pn, i - pn, "filename") ? &fname :
		       ieq(s + pn, i - pn, "filename*") ? &fext : &v;
		pn = i - pn;
		while (i < n && is_ows(s[i]))
			i++;
		if (pn == 0 || i == n || s[i++] != '=')
			return MP_EHEADER;
		while (i < n && is_ows(s[i]))
			i++;
		if (slot != &v && slot->set)
			return MP_EHEADER;   /* a repeated parameter is ambiguous */
		if (!value_read(s, n, &i, slot))
			return MP_EHEADER;
	}
	if (!name.set)
		return MP_EHEADER;
	len = unquote(tmp, name);
	if (len == 0 || len > MP_NAME_MAX)
		return MP_ENAME;
	for (size_t k = 0; k < len; k++) {
		char c = tmp[k];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '-'))
			return MP_ENAME;
	}
	memcpy(p->part.name, tmp, len + 1);
	p->part.is_file = fname.set || fext.set;
	if (fext.set)
		return filename_ext_set(&p->part, fext);
	if (fname.set)
		return filename_set(&p->part, tmp, unquote(tmp, fname));
	return MP_OK;
}

/* One complete header line, CRLF removed. */
static int header_line(struct mp_parser *p, const char *s, size_t n)
{
	size_t colon = 0, vs, ve;

	while (colon < n && is_tchar(s[colon]))
		colon++;
	if (colon == 0 || colon == n || s[colon] != ':')
		return MP_EHEADER;   /* also folded lines, which start with a space */
	for (vs = colon + 1; vs < n && is_ows(s[vs]); vs++)
		;
	for (ve = n; ve > vs && is_ows(s[ve - 1]); ve--)
		;
	if (ieq(s, colon, "content-disposition")) {
		if (p->have_cd)
			return MP_EHEADER;
		p->have_cd = true;
		return disposition(p, s + vs, ve - vs);
	}
	if (ieq(s, colon, "content-type")) {
		if (p->have_ct || ve - vs > MP_CTYPE_MAX)
			return MP_EHEADER;
		p->have_ct = true;
		for (size_t k = vs; k < ve; k++)
			if ((unsigned char)s[k] < 0x20 || (unsigned char)s[k] > 0x7e)
				return MP_EHEADER;
		memcpy(p->part.content_type, s + vs, ve - vs);
		p->part.content_type[ve - vs] = '\0';
	}
	return MP_OK;
}

/* One byte of a part's headers; the empty line ends them and opens the part. */
static int header_step(struct mp_parser *p, char c)
{
	int rc;

	if (p->line_cr) {
		if (c != '\n')
			return MP_EHEADER;
		p->line_cr = false;
		if (p->linelen > 0) {
			if (++p->nheaders > MP_HEADERS_MAX)
				return MP_EHEADER;
			rc = header_line(p, p->line, p->linelen);
			p->linelen = 0;
			return rc;
		}
		if (!p->have_cd)
			return MP_EHEADER;
		p->state = ST_BODY;
		p->match = 0;
		p->in_part = true;
		return p->cb->part_begin && p->cb->part_begin(p->ctx, &p->part) ? MP_EABORT : MP_OK;
	}
	if (c == '\r') {
		p->line_cr = true;
		return MP_OK;
	}
	if (c == '\n' || p->linelen == MP_LINE_MAX)
		return MP_EHEADER;
	p->line[p->linelen++] = c;
	return MP_OK;
}

int mp_feed(struct mp_parser *p, const char *data, size_t n)
{
	size_t i = 0;
	int rc = MP_OK;
	bool eaten;

	while (rc == MP_OK && i < n) {
		switch (p->state) {
		case ST_BODY:
			rc = body_scan(p, data, n, &i);
			break;
		case ST_DELIM:
			rc = delim_step(p, data[i], &eaten);
			i += eaten;
			break;
		case ST_HEADER:
			rc = header_step(p, data[i++]);
			break;
		case ST_EPILOGUE:
			if (!is_ows(data[i]) && data[i] != '\r' && data[i] != '\n')
				rc = MP_EAFTER;
			i++;
			break;
		default:
			return p->err;
		}
	}
	if (rc != MP_OK) {
		p->state = ST_ERROR;
		p->err = rc;
	}
	return p->state == ST_ERROR ? p->err : MP_OK;
}

int mp_finish(struct mp_parser *p)
{
	if (p->state == ST_ERROR)
		return p->err;
	if (p->state != ST_EPILOGUE) {
		p->state = ST_ERROR;
		p->err = MP_ETRUNCATED;
	}
	return p->state == ST_ERROR ? p->err : MP_OK;
}
