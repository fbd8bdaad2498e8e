/* test_multipart.c: the multipart/form-data parser: framing, part headers, filenames, limits, chunking. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "multipart.h"
#include "tap.h"

#define CT "multipart/form-data; boundary=AaB03x"
#define CRLF "\r\n"
#define DELIM "--AaB03x"
#define END DELIM "--" CRLF
#define CD(params) "Content-Disposition: form-data; " params CRLF
#define FIELD(name, value) DELIM CRLF CD("name=\"" name "\"") CRLF value CRLF
#define FILE_(fn) DELIM CRLF CD("name=\"doc\"; filename=\"" fn "\"") CRLF "x" CRLF END

/* Bytes that look like a delimiter but are not one; they must reach part_data intact. */
#define LOOKALIKE "x--AaB03x y" CRLF "--AaB03" "Z" CRLF "--AaB03xY" CRLF "--AaB03x-Y" \
	CRLF "--AaB03x  Z" CRLF "--AaB03x \rZ" CRLF "--AaB03x\t\r\r" "\r\r\n-" CRLF "--" \
	"\r\n--AaB03x-\r\n" "--AaB03x\n"

/* What the callbacks saw, rendered as <name file="…" type="…">data</>. */
struct rec {
	char out[4096];
	size_t len;
	bool overflow, bad_order, in_part;
	int begins, ends;
	char abort_on;      /* 'B', 'D' or 'E': that callback returns non-zero */
	bool aborted;
	int after_abort;    /* callbacks run after the aborting one */
};

static void put(struct rec *r, const char *s, size_t n)
{
	if (n > sizeof r->out - 1 - r->len) {
		r->overflow = true;
		return;
	}
	memcpy(r->out + r->len, s, n);
	r->len += n;
	r->out[r->len] = '\0';
}

static int begin_cb(void *ctx, const struct mp_part *part)
{
	struct rec *r = ctx;
	char tmp[600];

	r->after_abort += r->aborted;
	r->bad_order |= r->in_part;
	r->in_part = true;
	r->begins++;
	snprintf(tmp, sizeof tmp, "<%s%s%s%s%s%s%s>", part->name,
		 part->is_file ? " file=\"" : "", part->is_file ? part->filename : "",
		 part->is_file ? "\"" : "",
		 part->content_type[0] ? " type=\"" : "", part->content_type,
		 part->content_type[0] ? "\"" : "");
	put(r, tmp, strlen(tmp));
	return r->abort_on == 'B' ? (r->aborted = true) : 0;
}

static int data_cb(void *ctx, const char *data, size_t n)
{
	struct rec *r = ctx;

	r->after_abort += r->aborted;
	r->bad_order |= !r->in_part || n == 0;
	put(r, data, n);
	return r->abort_on == 'D' ? (r->aborted = true) : 0;
}

static int end_cb(void *ctx)
{
	struct rec *r = ctx;

	r->after_abort += r->aborted;
	r->bad_order |= !r->in_part;
	r->in_part = false;
	r->ends++;
	put(r, "</>", 3);
	return r->abort_on == 'E' ? (r->aborted = true) : 0;
}

static const struct mp_callbacks cbs = { begin_cb, data_cb, end_cb };

/*
 * Parses body[0..len) fed as body[0..split) and then in chunks of `chunk` bytes
 * (0: the rest at once). Returns the first error or mp_finish's result.
 */
static int run(const char *ct, const char *body, size_t len, size_t split, size_t chunk,
	       char abort_on, struct rec *r)
{
	struct mp_parser p;
	int rc;

	memset(r, 0, sizeof *r);
	r->abort_on = abort_on;
	if ((rc = mp_init(&p, ct, &cbs, r)) != MP_OK)
		return rc;
	if (split > 0 && (rc = mp_feed(&p, body, split)) != MP_OK)
		return rc;
	for (size_t off = split, step; off < len; off += step) {
		step = chunk && chunk < len - off ? chunk : len - off;
		if ((rc = mp_feed(&p, body + off, step)) != MP_OK)
			return rc;
	}
	return mp_finish(&p);
}

/*
 * Runs `body` whole, byte by byte, in 3-byte chunks and split in two at every
 * point; true if every run gives rc `*rc` and the rendering in `r` (the whole run).
 */
static bool run_all(const char *ct, const char *body, size_t len, int *rc, struct rec *r)
{
	struct rec other;

	*rc = run(ct, body, len, 0, 0, 0, r);
	for (size_t split = 0; split <= len + 2; split++) {
		size_t s = split <= len ? split : 0, chunk = split == len + 1 ? 1 : split == len + 2 ? 3 : 0;
		int orc = run(ct, body, len, s, chunk, 0, &other);

		if (orc != *rc || other.overflow != r->overflow || strcmp(other.out, r->out) != 0 ||
		    other.bad_order) {
			printf("# split %zu chunk %zu: rc %d vs %d, \"%s\"\n", s, chunk, orc, *rc, other.out);
			return false;
		}
	}
	return true;
}

static const struct {
	const char *what;
	const char *ct;         /* NULL: CT */
	const char *body;
	int rc;
	const char *events;     /* the rendering expected; NULL: not checked */
} cases[] = {
	{ "field and file", NULL,
	  FIELD("title", "Отчёт за 2024")
	  DELIM CRLF CD("name=\"doc\"; filename=\"a.pdf\"") "Content-Type: application/pdf" CRLF CRLF
	  "%PDF-1.4 data" CRLF END,
	  MP_OK, "<title>Отчёт за 2024</><doc file=\"a.pdf\" type=\"application/pdf\">%PDF-1.4 data</>" },
	{ "CRLF inside data", NULL,
	  FIELD("text", CRLF "line1" CRLF "line2" CRLF CRLF) END,
	  MP_OK, "<text>" CRLF "line1" CRLF "line2" CRLF CRLF "</>" },
	{ "delimiter lookalikes inside data", NULL,
	  FIELD("text", LOOKALIKE) END,
	  MP_OK, "<text>" LOOKALIKE "</>" },
	{ "transport padding after delimiters", NULL,
	  DELIM " \t" CRLF CD("name=\"a\"") CRLF "1" CRLF DELIM "\t" CRLF CD("name=\"b\"") CRLF "2"
	  CRLF DELIM "-- " CRLF,
	  MP_OK, "<a>1</><b>2</>" },
	{ "empty part data", NULL,
	  DELIM CRLF CD("name=\"a\"") CRLF CRLF END,
	  MP_OK, "<a></>" },
	{ "quoted boundary with ':' and space", "multipart/form-data; boundary=\"gc0p4Jq0M:2Yt 08\"",
	  "--gc0p4Jq0M:2Yt 08" CRLF CD("name=\"a\"") CRLF "v" CRLF "--gc0p4Jq0M:2Yt 08--",
	  MP_OK, "<a>v</>" },
	{ "type and parameters case-insensitive", "Multipart/Form-Data ; charset=utf-8;BOUNDARY = AaB03x",
	  FIELD("a", "v") END, MP_OK, "<a>v</>" },
	{ "header names case-insensitive, unquoted name, unknown header ignored", NULL,
	  DELIM CRLF "content-disposition: FORM-DATA; NAME=a" CRLF "X-Other: 1" CRLF CRLF "v" CRLF END,
	  MP_OK, "<a>v</>" },
	{ "preamble before the first delimiter is ignored", NULL,
	  "This is a preamble." CRLF "--AaB03 no" CRLF "--AaB03xx" CRLF FIELD("a", "v") END,
	  MP_OK, "<a>v</>" },
	{ "body starting with CRLF", NULL, CRLF FIELD("a", "v") END, MP_OK, "<a>v</>" },
	{ "whitespace epilogue", NULL, FIELD("a", "v") DELIM "--" CRLF CRLF " \t" CRLF, MP_OK, "<a>v</>" },
	{ "closing delimiter without CRLF", NULL, FIELD("a", "v") DELIM "--", MP_OK, "<a>v</>" },
	{ "empty form", NULL, END, MP_OK, "" },
	{ "data after the closing delimiter", NULL, FIELD("a", "v") END "--AaB03x" CRLF, MP_EAFTER, "<a>v</>" },
	{ "empty body", NULL, "", MP_ETRUNCATED, "" },
	{ "no closing delimiter", NULL, FIELD("a", "v"), MP_ETRUNCATED, "<a>v" },
	{ "cut inside the closing delimiter", NULL, FIELD("a", "v") "--AaB03x-", MP_ETRUNCATED, "<a>v" },
	{ "cut inside part headers", NULL, DELIM CRLF CD("name=\"a\""), MP_ETRUNCATED, "" },
	{ "preamble only", NULL, "--AaB03", MP_ETRUNCATED, "" },

	{ "text/plain", "text/plain; boundary=AaB03x", END, MP_ETYPE, NULL },
	{ "multipart/mixed", "multipart/mixed; boundary=AaB03x", END, MP_ETYPE, NULL },
	{ "no Content-Type", "", END, MP_ETYPE, NULL },
	{ "missing boundary", "multipart/form-data", END, MP_EBOUNDARY, NULL },
	{ "missing boundary, other parameter", "multipart/form-data; charset=utf-8", END, MP_EBOUNDARY, NULL },
	{ "empty boundary", "multipart/form-data; boundary=\"\"", END, MP_EBOUNDARY, NULL },
	{ "boundary=;", "multipart/form-data; boundary=;", END, MP_EBOUNDARY, NULL },
	{ "boundary with '@'", "multipart/form-data; boundary=a@b", END, MP_EBOUNDARY, NULL },
	{ "boundary ending in space", "multipart/form-data; boundary=\"ab \"", END, MP_EBOUNDARY, NULL },
	{ "two boundaries", "multipart/form-data; boundary=a; boundary=b", END, MP_EBOUNDARY, NULL },
	{ "unterminated quote", "multipart/form-data; boundary=\"AaB03x", END, MP_EBOUNDARY, NULL },
	{ "garbage after the type", "multipart/form-data x; boundary=AaB03x", END, MP_EBOUNDARY, NULL },

	{ "no Content-Disposition", NULL,
	  DELIM CRLF "Content-Type: text/plain" CRLF CRLF "v" CRLF END, MP_EHEADER, "" },
	{ "Content-Disposition: attachment", NULL,
	  DELIM CRLF "Content-Disposition: attachment; name=\"a\"" CRLF CRLF "v" CRLF END, MP_EHEADER, "" },
	{ "no name", NULL, DELIM CRLF CD("filename=\"a.txt\"") CRLF "v" CRLF END, MP_EHEADER, "" },
	{ "name given twice", NULL, DELIM CRLF CD("name=a; name=b") CRLF "v" CRLF END, MP_EHEADER, "" },
	{ "Content-Disposition twice", NULL,
	  DELIM CRLF CD("name=a") CD("name=b") CRLF "v" CRLF END, MP_EHEADER, "" },
	{ "header line without colon", NULL, DELIM CRLF CD("name=a") "junk" CRLF CRLF END, MP_EHEADER, "" },
	{ "folded header line", NULL, DELIM CRLF CD("name=a") " folded" CRLF CRLF END, MP_EHEADER, "" },
	{ "bare LF in headers", NULL, DELIM CRLF "Content-Disposition: form-data; name=a\n\n" END,
	  MP_EHEADER, "" },
	{ "CR without LF in headers", NULL, DELIM CRLF "Content-Disposition: form-data;\r name=a" CRLF CRLF END,
	  MP_EHEADER, "" },
	{ "unterminated quoted name", NULL, DELIM CRLF CD("name=\"a") CRLF END, MP_EHEADER, "" },
	{ "8 header lines", NULL,
	  DELIM CRLF CD("name=a") "A: 1" CRLF "B: 2" CRLF "C: 3" CRLF "D: 4" CRLF "E: 5" CRLF "F: 6" CRLF
	  "G: 7" CRLF CRLF "v" CRLF END, MP_OK, "<a>v</>" },
	{ "9 header lines", NULL,
	  DELIM CRLF CD("name=a") "A: 1" CRLF "B: 2" CRLF "C: 3" CRLF "D: 4" CRLF "E: 5" CRLF "F: 6" CRLF
	  "G: 7" CRLF "H: 8" CRLF CRLF "v" CRLF END, MP_EHEADER, "" },
	{ "control character in part Content-Type", NULL,
	  DELIM CRLF CD("name=a") "Content-Type: text/\x01plain" CRLF CRLF END, MP_EHEADER, "" },

	{ "field name with a space", NULL, DELIM CRLF CD("name=\"na me\"") CRLF "v" CRLF END, MP_ENAME, "" },
	{ "Cyrillic field name", NULL, DELIM CRLF CD("name=\"имя\"") CRLF "v" CRLF END, MP_ENAME, "" },
	{ "empty field name", NULL, DELIM CRLF CD("name=\"\"") CRLF "v" CRLF END, MP_ENAME, "" },
	{ "field name with an escaped quote", NULL, DELIM CRLF CD("name=\"a\\\"b\"") CRLF "v" CRLF END,
	  MP_ENAME, "" },

	{ "empty file (none chosen)", NULL,
	  DELIM CRLF CD("name=\"doc\"; filename=\"\"") "Content-Type: application/octet-stream" CRLF CRLF
	  CRLF END, MP_OK, "<doc file=\"\" type=\"application/octet-stream\"></>" },
	{ "Cyrillic filename in quotes", NULL, FILE_("Концепция развития.pdf"), MP_OK,
	  "<doc file=\"Концепция развития.pdf\">x</>" },
	{ "Cyrillic filename via filename*", NULL,
	  DELIM CRLF CD("name=doc; filename*=UTF-8''%D0%9F%D0%BB%D0%B0%D0%BD.pdf") CRLF "x" CRLF END,
	  MP_OK, "<doc file=\"План.pdf\">x</>" },
	{ "filename* preferred over filename", NULL,
	  DELIM CRLF CD("name=doc; filename=\"Plan.pdf\"; filename*=utf-8'ru'%D0%9F%D0%BB%D0%B0%D0%BD.pdf")
	  CRLF "x" CRLF END, MP_OK, "<doc file=\"План.pdf\">x</>" },
	{ "path traversal", NULL, FILE_("../../etc/passwd"), MP_OK, "<doc file=\"passwd\">x</>" },
	{ "Windows path, raw backslashes", NULL, FILE_("C:\\Users\\x\\Концепция.pdf"), MP_OK,
	  "<doc file=\"Концепция.pdf\">x</>" },
	{ "Windows path, escaped backslashes", NULL, FILE_("C:\\\\Users\\\\x\\\\Концепция.pdf"), MP_OK,
	  "<doc file=\"Концепция.pdf\">x</>" },
	{ "escaped quote in filename", NULL, FILE_("a\\\"b.txt"), MP_OK, "<doc file=\"a\"b.txt\">x</>" },
	{ "path in filename*", NULL,
	  DELIM CRLF CD("name=doc; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd") CRLF "x" CRLF END,
	  MP_OK, "<doc file=\"passwd\">x</>" },
	{ "invalid UTF-8 filename", NULL, FILE_("a\xff.pdf"), MP_EFILENAME, "" },
	{ "overlong UTF-8 filename", NULL, FILE_("\xc0\xae\xc0\xae.pdf"), MP_EFILENAME, "" },
	{ "invalid UTF-8 in filename*", NULL,
	  DELIM CRLF CD("name=doc; filename*=UTF-8''%D0.pdf") CRLF "x" CRLF END, MP_EFILENAME, "" },
	{ "control character in filename", NULL, FILE_("a\tb.pdf"), MP_EFILENAME, "" },
	{ "newline in filename*", NULL,
	  DELIM CRLF CD("name=doc; filename*=UTF-8''a%0Ab.pdf") CRLF "x" CRLF END, MP_EFILENAME, "" },
	{ "filename* in another charset", NULL,
	  DELIM CRLF CD("name=doc; filename*=ISO-8859-1''%E9.pdf") CRLF "x" CRLF END, MP_EFILENAME, "" },
	{ "filename that is only a directory", NULL, FILE_("../"), MP_EFILENAME, "" },
	{ "filename ..", NULL, FILE_("a/.."), MP_EFILENAME, "" },
};

/* Builds `count` fields into a malloc'd body; *len gets its length. */
static char *many_parts(int count, size_t *len)
{
	static const char part[] = FIELD("f", "1");
	size_t plen = sizeof part - 1;
	char *body = malloc(plen * (size_t)count + sizeof END);

	for (int i = 0; i < count; i++)
		memcpy(body + plen * (size_t)i, part, plen);
	memcpy(body + plen * (size_t)count, END, sizeof END);
	*len = plen * (size_t)count + sizeof END - 1;
	return body;
}

/* Parses CT body head, then `n` copies of `c`, then tail. */
static int run_built(const char *head, size_t n, char c, const char *tail, struct rec *r)
{
	char body[4096];
	size_t hl = strlen(head), tl = strlen(tail);

	memcpy(body, head, hl);
	memset(body + hl, c, n);
	memcpy(body + hl + n, tail, tl + 1);
	return run(CT, body, hl + n + tl, 0, 0, 0, r);
}

int main(void)
{
	struct rec r;
	int rc;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bool same = run_all(cases[i].ct ? cases[i].ct : CT, cases[i].body, strlen(cases[i].body), &rc, &r);

		ok(same && rc == cases[i].rc && !r.bad_order && !r.overflow &&
		   (!cases[i].events || strcmp(r.out, cases[i].events) == 0),
		   "%s: rc %d, same for every chunking", cases[i].what, rc);
		if (cases[i].events && strcmp(r.out, cases[i].events) != 0)
			printf("# got \"%s\"\n", r.out);
	}

	struct mp_parser p;
	ok(mp_init(&p, NULL, &cbs, &r) == MP_ETYPE && mp_feed(&p, END, 4) == MP_ETYPE &&
	   mp_finish(&p) == MP_ETYPE, "NULL Content-Type is MP_ETYPE, and stays so");

	char ct[128], body[256];
	snprintf(ct, sizeof ct, "multipart/form-data; boundary=%070d", 7);
	snprintf(body, sizeof body, "--%070d" CRLF CD("name=a") CRLF "v" CRLF "--%070d--", 7, 7);
	ok(run(ct, body, strlen(body), 0, 1, 0, &r) == MP_OK && strcmp(r.out, "<a>v</>") == 0,
	   "70-byte boundary");
	snprintf(ct, sizeof ct, "multipart/form-data; boundary=%071d", 7);
	ok(run(ct, body, strlen(body), 0, 0, 0, &r) == MP_EBOUNDARY, "71-byte boundary is refused");

	size_t len;
	char *big = many_parts(10000, &len);
	rc = run(CT, big, len, 0, 0, 0, &r);
	ok(rc == MP_EPARTS && r.begins == MP_PARTS_MAX && r.ends == MP_PARTS_MAX,
	   "10,000 parts: MP_EPARTS after %d parts", r.begins);
	free(big);
	big = many_parts(MP_PARTS_MAX, &len);
	ok(run(CT, big, len, 0, 7, 0, &r) == MP_OK && r.ends == MP_PARTS_MAX, "exactly %d parts", MP_PARTS_MAX);
	free(big);

	ok(run_built(DELIM CRLF CD("name=a") "X-Long: ", MP_LINE_MAX - 8, 'a', CRLF CRLF "v" CRLF END, &r) ==
	   MP_OK, "header line of %d bytes", MP_LINE_MAX);
	ok(run_built(DELIM CRLF CD("name=a") "X-Long: ", MP_LINE_MAX - 7, 'a', CRLF CRLF "v" CRLF END, &r) ==
	   MP_EHEADER, "header line of %d bytes is MP_EHEADER", MP_LINE_MAX + 1);
	ok(run_built(DELIM CRLF CD("name=a") "X-Long: ", 3000, 'a', CRLF CRLF "v" CRLF END, &r) ==
	   MP_EHEADER && r.begins == 0, "huge header line is MP_EHEADER");
	ok(run_built(DELIM CRLF "Content-Disposition: form-data; name=", MP_NAME_MAX, 'n', CRLF CRLF CRLF END, &r) ==
	   MP_OK, "%d-byte field name", MP_NAME_MAX);
	ok(run_built(DELIM CRLF "Content-Disposition: form-data; name=", MP_NAME_MAX + 1, 'n', CRLF CRLF CRLF END,
		     &r) == MP_ENAME, "%d-byte field name is MP_ENAME", MP_NAME_MAX + 1);
	ok(run_built(DELIM CRLF "Content-Disposition: form-data; name=a; filename=\"dir/", 0, 'f', "\"" CRLF CRLF CRLF END, &r) ==
	   MP_EFILENAME, "filename \"dir/\" is MP_EFILENAME");
	ok(run_built(DELIM CRLF "Content-Disposition: form-data; name=a; filename=\"dir/", MP_FILENAME_MAX, 'f',
		     "\"" CRLF CRLF CRLF END, &r) == MP_OK && r.len == 9 + MP_FILENAME_MAX + 5,
	   "%d-byte filename after a directory", MP_FILENAME_MAX);
	ok(run_built(DELIM CRLF "Content-Disposition: form-data; name=a; filename=\"", MP_FILENAME_MAX + 1, 'f',
		     "\"" CRLF CRLF CRLF END, &r) == MP_EFILENAME, "%d-byte filename is MP_EFILENAME",
	   MP_FILENAME_MAX + 1);
	ok(run_built(DELIM CRLF CD("name=a") "Content-Type: ", MP_CTYPE_MAX + 1, 't', CRLF CRLF END, &r) ==
	   MP_EHEADER, "%d-byte part Content-Type is MP_EHEADER", MP_CTYPE_MAX + 1);
	ok(run_built(DELIM, MP_LINE_MAX, ' ', CRLF CD("name=a") CRLF CRLF END, &r) == MP_OK && r.begins == 1,
	   "%d bytes of padding after a delimiter", MP_LINE_MAX);
	ok(run_built(DELIM, MP_LINE_MAX + 1, ' ', CRLF CD("name=a") CRLF CRLF END, &r) == MP_EHEADER,
	   "more padding is MP_EHEADER");

	static const char simple[] = FIELD("a", "1") FIELD("b", "2") END;
	static const struct {
		char on;
		const char *events;
	} aborts[] = { { 'B', "<a>" }, { 'D', "<a>1" }, { 'E', "<a>1</>" } };
	for (size_t i = 0; i < sizeof aborts / sizeof aborts[0]; i++) {
		memset(&r, 0, sizeof r);
		r.abort_on = aborts[i].on;
		mp_init(&p, CT, &cbs, &r);
		rc = mp_feed(&p, simple, sizeof simple - 1);
		ok(rc == MP_EABORT && mp_feed(&p, simple, 10) == MP_EABORT && mp_finish(&p) == MP_EABORT &&
		   r.after_abort == 0 && strcmp(r.out, aborts[i].events) == 0,
		   "abort from callback %c: MP_EABORT, sticky, no more callbacks", aborts[i].on);
	}
	ok(mp_init(&p, CT, NULL, NULL) == MP_OK && mp_feed(&p, simple, sizeof simple - 1) == MP_OK &&
	   mp_finish(&p) == MP_OK, "NULL callbacks");
	return ok_done();
}
