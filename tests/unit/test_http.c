/* test_http.c: percent-decoding, UTF-8 validation, path, query and cookie parsing. */
#include <string.h>

#include "arena.h"
#include "http.h"
#include "tap.h"

static const struct {
	const char *in;
	long len;          /* -1: refused */
	const char *out;
} decode_cases[] = {
	{ "abc", 3, "abc" },
	{ "a%20b", 3, "a b" },
	{ "a+b", 3, "a b" },
	{ "%D0%9F%D1%80", 4, "Пр" },
	{ "%", -1, NULL },
	{ "%4", -1, NULL },
	{ "%zz", -1, NULL },
	{ "%00", -1, NULL },           /* NUL */
	{ "%0A", -1, NULL },           /* control */
	{ "%7F", -1, NULL },           /* DEL */
	{ "%C0%AE", -1, NULL },        /* overlong '.' */
	{ "%ED%A0%80", -1, NULL },     /* surrogate */
	{ "%F4%90%80%80", -1, NULL },  /* beyond U+10FFFF */
	{ "%FF", -1, NULL },
	{ "%D0", -1, NULL },           /* truncated sequence */
	{ "%F0%9F%98%80", 4, "😀" },
};

static const struct {
	const char *uri;
	int rc;
	const char *path;
} path_cases[] = {
	{ "/", 0, "/" },
	{ "/ust-ilimsk/?x=1", 0, "/ust-ilimsk/" },
	{ "/a%2Fb", 0, "/a/b" },
	{ "/../etc/passwd", HTTP_BAD_REQUEST, NULL },
	{ "/a/./b", HTTP_BAD_REQUEST, NULL },
	{ "/a/..", HTTP_BAD_REQUEST, NULL },
	{ "/%2e%2e/x", HTTP_BAD_REQUEST, NULL },
	{ "//x", HTTP_BAD_REQUEST, NULL },
	{ "/%00", HTTP_BAD_REQUEST, NULL },
	{ "/%ff/", HTTP_BAD_REQUEST, NULL },
	{ "x", HTTP_BAD_REQUEST, NULL },
	{ "", HTTP_BAD_REQUEST, NULL },
	{ "/.well-known/x", 0, "/.well-known/x" },
};

int main(void)
{
	struct arena a;
	char out[64];

	arena_init(&a, 4096, 1 << 20);
	for (size_t i = 0; i < sizeof decode_cases / sizeof decode_cases[0]; i++) {
		long n = http_decode(out, decode_cases[i].in, strlen(decode_cases[i].in), true);

		ok(n == decode_cases[i].len && (n < 0 || strcmp(out, decode_cases[i].out) == 0),
		   "decode %s", decode_cases[i].in);
	}
	for (size_t i = 0; i < sizeof path_cases / sizeof path_cases[0]; i++) {
		const char *path = NULL;
		int rc = http_path_parse(&a, path_cases[i].uri, &path);

		ok(rc == path_cases[i].rc && (rc || strcmp(path, path_cases[i].path) == 0),
		   "path %s", path_cases[i].uri);
	}
	char longpath[HTTP_PATH_MAX + 10];
	const char *p;
	memset(longpath, 'a', sizeof longpath - 1);
	longpath[0] = '/';
	longpath[sizeof longpath - 1] = '\0';
	ok(http_path_parse(&a, longpath, &p) == HTTP_URI_TOO_LONG, "overlong path is 414");

	struct req rq = { .arena = &a };
	ok(http_query_parse(&rq, "status=planned&responsible=%D0%A3%D0%BE&&x&bad%20name=1") == 0,
	   "query parses");
	ok(rq.nparams == 3, "empty pieces and bad names are dropped (%zu params)", rq.nparams);
	ok(strcmp(http_param(&rq, "status"), "planned") == 0, "param status");
	ok(strcmp(http_param(&rq, "responsible"), "Уо") == 0, "param decoded as UTF-8");
	ok(strcmp(http_param(&rq, "x"), "") == 0, "param without '=' is empty");
	ok(http_param(&rq, "missing") == NULL, "missing param is NULL");
	ok(http_query_parse(&rq, "status=%C0%AE") == HTTP_BAD_REQUEST, "invalid UTF-8 in a value is 400");
	ok(http_query_parse(&rq, "a=%00") == HTTP_BAD_REQUEST, "NUL in a value is 400");
	char longq[HTTP_QUERY_MAX + 10];
	memset(longq, 'a', sizeof longq - 1);
	longq[sizeof longq - 1] = '\0';
	ok(http_query_parse(&rq, longq) == HTTP_URI_TOO_LONG, "overlong query is 414");
	char many[HTTP_PARAMS_MAX * 4 + 16] = "";
	for (int i = 0; i <= HTTP_PARAMS_MAX; i++)
		strcat(many, "a=1&");
	ok(http_query_parse(&rq, many) == HTTP_BAD_REQUEST, "too many parameters is 400");

	ok(http_cookie("a=1; vi=1; b=2", "vi", out, sizeof out) && strcmp(out, "1") == 0, "cookie found");
	ok(!http_cookie("avi=1", "vi", out, sizeof out), "cookie name must match whole");
	ok(!http_cookie("vi=123456", "vi", out, 4), "cookie too long for the buffer is refused");
	ok(!http_cookie("", "vi", out, sizeof out), "no cookies");

	struct resp rs;
	http_resp_init(&rs, &a);
	http_header(&rs, "X-Test", "a\r\nSet-Cookie: evil=1");
	ok(rs.headers.len == 0, "header values with CR/LF are dropped");
	ok(http_redirect(&rs, 303, "/x") == 303 && strstr(rs.headers.data, "Location: /x\r\n"),
	   "redirect sets Location");
	ok(strcmp(http_status_text(404), "Not Found") == 0, "status text");
	arena_free(&a);
	return ok_done();
}
