/*
 * http.h: the request as the application sees it, the buffered response, and the
 * parsers for paths, query strings and cookies. No routing, no HTML here.
 */
#ifndef HTTP_H
#define HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

struct arena;
struct worker;
struct FCGX_Stream;

/* Request limits; anything larger is refused with 4xx, never truncated silently. */
enum {
	HTTP_PATH_MAX = 1024,       /* decoded path bytes */
	HTTP_QUERY_MAX = 4096,      /* raw query-string bytes */
	HTTP_PARAMS_MAX = 32,       /* query parameters */
	HTTP_NAME_MAX = 32,         /* parameter name bytes, [A-Za-z0-9_-] only */
	HTTP_ARGS_MAX = 4,          /* {placeholders} in a route pattern */
	HTTP_BODY_MAX = 4 << 20,    /* rendered page bytes */
};

enum http_method { M_GET = 1, M_HEAD = 2, M_POST = 4, M_OTHER = 8 };

struct param {
	const char *name, *value;   /* decoded, valid UTF-8, no control characters */
};

struct req {
	struct worker *w;
	struct arena *arena;
	enum http_method method;
	const char *method_name;
	const char *path;           /* decoded; always starts with '/' */
	struct param params[HTTP_PARAMS_MAX];
	size_t nparams;
	const char *cookies;        /* raw Cookie header or "" */
	const char *id;             /* request id from nginx, for logs and error pages */
	const char *args[HTTP_ARGS_MAX]; /* route placeholders, in pattern order */
	bool vi;                    /* версия для слабовидящих (cookie vi=1) */
};

struct resp {
	int status;
	const char *content_type;
	const char *cache_control;
	struct buf headers;         /* extra header lines, each ending in \r\n */
	struct buf body;
};

/* Status codes the parsers return besides 0. */
enum { HTTP_BAD_REQUEST = 400, HTTP_URI_TOO_LONG = 414 };

/*
 * Percent-decodes `src[0..n)` into `dst` (room for n+1 bytes), '+' as space if
 * `plus`. Returns the decoded length, or -1 for a malformed escape, a NUL byte,
 * a control character or invalid UTF-8.
 */
long http_decode(char *dst, const char *src, size_t n, bool plus);

/* True if s[0..n) is valid UTF-8 without overlongs, surrogates or C0/DEL controls. */
bool http_utf8_ok(const char *s, size_t n);

/*
 * Decodes the path part of a raw request URI (up to '?') into the arena.
 * Returns 0, HTTP_BAD_REQUEST (malformed, dot segments) or HTTP_URI_TOO_LONG.
 */
int http_path_parse(struct arena *a, const char *uri, const char **path);

/*
 * Parses a query string into rq->params. Parameters with names outside
 * [A-Za-z0-9_-] are dropped. Returns 0, HTTP_BAD_REQUEST or HTTP_URI_TOO_LONG.
 */
int http_query_parse(struct req *rq, const char *qs);

/* The first value of query parameter `name`, or NULL. */
const char *http_param(const struct req *rq, const char *name);

/* Copies cookie `name` from a Cookie header into out[size]; true if found and it fits. */
bool http_cookie(const char *cookies, const char *name, char *out, size_t size);

/* Prepares an empty 200 text/html response whose buffers live in `a`. */
void http_resp_init(struct resp *rs, struct arena *a);

/* Adds one header line; `name` is a constant, `value` must not contain CR or LF. */
void http_header(struct resp *rs, const char *name, const char *value);

/* Sets a redirect (301, 303, …) to a local path; returns the status for `return`. */
int http_redirect(struct resp *rs, int status, const char *location);

/* Writes status line, headers (with the security headers) and body to `out`. */
void http_reply(const struct resp *rs, bool head_only, struct FCGX_Stream *out);

/* "Not Found" for 404, … ; "" for unknown codes. */
const char *http_status_text(int status);

#endif
