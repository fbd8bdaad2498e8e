/*
 * http.c: request parsing (path, query string, cookies) with hard limits, and the
 * buffered response written once by http_reply(). Pure functions over bytes; the
 * only libfcgi call is the final write.
 */
#include "http.h"

#include <stdio.h>
#include <string.h>

#include <fcgiapp.h>

#include "arena.h"

static bool utf8_check(const char *str, size_t n, bool multiline)
{
	const unsigned char *s = (const unsigned char *)str, *end = s + n;

	while (s < end) {
		unsigned c = *s;
		size_t len;
		unsigned cp, min;

		if (c < 0x80) {
			if ((c < 0x20 && !(multiline && (c == '\t' || c == '\r' || c == '\n'))) || c == 0x7f)
				return false;
			s++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			len = 2, cp = c & 0x1f, min = 0x80;
		else if (c >= 0xe0 && c <= 0xef)
			len = 3, cp = c & 0x0f, min = 0x800;
		else if (c >= 0xf0 && c <= 0xf4)
			len = 4, cp = c & 0x07, min = 0x10000;
		else
			return false;
		if ((size_t)(end - s) < len)
			return false;
		for (size_t i = 1; i < len; i++) {
			if ((s[i] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return false;
		s += len;
	}
	return true;
}

bool http_utf8_ok(const char *s, size_t n)
{
	return utf8_check(s, n, false);
}

bool http_text_ok(const char *s, size_t n)
{
	return utf8_check(s, n, true);
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static long decode(char *dst, const char *src, size_t n, bool plus, bool multiline)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		int c = (unsigned char)src[i];

		if (c == '%') {
			int hi, lo;

			if (i + 2 >= n)
				return -1;
			if ((hi = hexval(src[i + 1])) < 0 || (lo = hexval(src[i + 2])) < 0)
				return -1;
			c = hi * 16 + lo;
			i += 2;
		} else if (c == '+' && plus)
			c = ' ';
		dst[o++] = (char)c;
	}
	dst[o] = '\0';
	return utf8_check(dst, o, multiline) ? (long)o : -1;
}

long http_decode(char *dst, const char *src, size_t n, bool plus)
{
	return decode(dst, src, n, plus, false);
}

int http_path_parse(struct arena *a, const char *uri, const char **path)
{
	size_t n = strcspn(uri, "?");
	char *d;
	long len;

	if (n > HTTP_PATH_MAX)
		return HTTP_URI_TOO_LONG;
	if (n == 0 || uri[0] != '/' || !(d = arena_alloc(a, n + 1)))
		return HTTP_BAD_REQUEST;
	if ((len = http_decode(d, uri, n, false)) < 0)
		return HTTP_BAD_REQUEST;
	/* dot segments never name a page; refuse rather than normalise */
	for (const char *s = d; (s = strstr(s, "/.")) != NULL; s++)
		if (s[2] == '/' || s[2] == '\0' || (s[2] == '.' && (s[3] == '/' || s[3] == '\0')))
			return HTTP_BAD_REQUEST;
	if (strstr(d, "//"))
		return HTTP_BAD_REQUEST;
	*path = d;
	return 0;
}

static bool name_ok(const char *s, size_t n)
{
	if (n == 0 || n > HTTP_NAME_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '-'))
			return false;
	}
	return true;
}

/* Parses name=value pairs into params[] (at most HTTP_PARAMS_MAX). */
static int pairs_parse(struct arena *a, const char *qs, bool multiline, struct param *params,
		       size_t *nparams)
{
	*nparams = 0;
	while (*qs) {
		size_t n = strcspn(qs, "&"), eq = strcspn(qs, "=");
		const char *next = qs[n] ? qs + n + 1 : qs + n;

		if (eq > n)
			eq = n;
		if (n > 0 && name_ok(qs, eq)) {
			size_t vlen = eq < n ? n - eq - 1 : 0;
			char *name = arena_strndup(a, qs, eq);
			char *value = arena_alloc(a, vlen + 1);

			if (!name || !value || *nparams == HTTP_PARAMS_MAX)
				return HTTP_BAD_REQUEST;
			if (decode(value, qs + eq + 1, vlen, true, multiline) < 0)
				return HTTP_BAD_REQUEST;
			params[*nparams].name = name;
			params[*nparams].value = value;
			(*nparams)++;
		}
		qs = next;
	}
	return 0;
}

int http_query_parse(struct req *rq, const char *qs)
{
	if (strlen(qs) > HTTP_QUERY_MAX)
		return HTTP_URI_TOO_LONG;
	return pairs_parse(rq->arena, qs, false, rq->params, &rq->nparams);
}

int http_form_read(struct req *rq)
{
	char *body;
	int got;

	rq->nform = 0;
	if (strncmp(rq->content_type, "application/x-www-form-urlencoded", 33) != 0)
		return 415;
	if (rq->content_length < 0)
		return HTTP_BAD_REQUEST;
	if (rq->content_length > HTTP_FORM_MAX)
		return 413;
	if (!(body = arena_alloc(rq->arena, (size_t)rq->content_length + 1)))
		return 413;
	got = rq->content_length ? FCGX_GetStr(body, (int)rq->content_length, rq->in) : 0;
	if (got != rq->content_length)
		return HTTP_BAD_REQUEST;
	body[got] = '\0';
	if (strlen(body) != (size_t)got)
		return HTTP_BAD_REQUEST;   /* a NUL byte in the body */
	return pairs_parse(rq->arena, body, true, rq->form, &rq->nform);
}

static const char *find(const struct param *p, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(p[i].name, name) == 0)
			return p[i].value;
	return NULL;
}

const char *http_field(const struct req *rq, const char *name)
{
	return find(rq->form, rq->nform, name);
}

const char *http_param(const struct req *rq, const char *name)
{
	return find(rq->params, rq->nparams, name);
}

bool http_cookie(const char *cookies, const char *name, char *out, size_t size)
{
	size_t nlen = strlen(name);
	const char *s = cookies;

	while (s && *s) {
		while (*s == ' ' || *s == ';')
			s++;
		size_t n = strcspn(s, ";");

		if (n > nlen && strncmp(s, name, nlen) == 0 && s[nlen] == '=') {
			size_t vlen = n - nlen - 1;

			if (vlen >= size)
				return false;
			memcpy(out, s + nlen + 1, vlen);
			out[vlen] = '\0';
			return true;
		}
		s += n;
	}
	return false;
}

void http_resp_init(struct resp *rs, struct arena *a)
{
	rs->status = 200;
	rs->content_type = "text/html; charset=utf-8";
	rs->cache_control = "no-cache";
	buf_init(&rs->headers, a, 8192);
	buf_init(&rs->body, a, HTTP_BODY_MAX);
}

void http_header(struct resp *rs, const char *name, const char *value)
{
	if (strpbrk(value, "\r\n"))
		return;
	buf_puts(&rs->headers, name);
	buf_puts(&rs->headers, ": ");
	buf_puts(&rs->headers, value);
	buf_puts(&rs->headers, "\r\n");
}

int http_redirect(struct resp *rs, int status, const char *location)
{
	rs->status = status;
	http_header(rs, "Location", location);
	return status;
}

static const struct {
	int code;
	const char *text;
} statuses[] = {
	{ 200, "OK" },
	{ 301, "Moved Permanently" },
	{ 303, "See Other" },
	{ 400, "Bad Request" },
	{ 403, "Forbidden" },
	{ 404, "Not Found" },
	{ 401, "Unauthorized" },
	{ 405, "Method Not Allowed" },
	{ 409, "Conflict" },
	{ 413, "Content Too Large" },
	{ 414, "URI Too Long" },
	{ 415, "Unsupported Media Type" },
	{ 422, "Unprocessable Content" },
	{ 429, "Too Many Requests" },
	{ 500, "Internal Server Error" },
	{ 503, "Service Unavailable" },
	{ 507, "Insufficient Storage" },
};

const char *http_status_text(int status)
{
	for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
		if (statuses[i].code == status)
			return statuses[i].text;
	return "";
}

/* Sent with every response; the CSP allows no script at all. */
static const char SECURITY_HEADERS[] =
	"Content-Security-Policy: default-src 'none'; style-src 'self'; img-src 'self' data:; "
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'\r\n"
	"X-Content-Type-Options: nosniff\r\n"
	"X-Frame-Options: DENY\r\n"
	"Referrer-Policy: same-origin\r\n";

void http_reply(const struct resp *rs, bool head_only, FCGX_Stream *out)
{
	char head[512];
	int n = snprintf(head, sizeof head,
			 "Status: %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n"
			 "Cache-Control: %s\r\n",
			 rs->status, http_status_text(rs->status), rs->content_type,
			 rs->body.len, rs->cache_control);

	if (n < 0 || (size_t)n >= sizeof head)
		return;
	FCGX_PutStr(head, n, out);
	FCGX_PutStr(SECURITY_HEADERS, (int)sizeof SECURITY_HEADERS - 1, out);
	if (rs->headers.len)
		FCGX_PutStr(rs->headers.data, (int)rs->headers.len, out);
	FCGX_PutStr("\r\n", 2, out);
	if (!head_only && rs->body.len)
		FCGX_PutStr(rs->body.data, (int)rs->body.len, out);
}
