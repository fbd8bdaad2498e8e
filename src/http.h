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
	HTTP_QUERY_MAX = 16384,     /* raw query-string bytes (a 10 kB search query) */
	HTTP_PARAMS_MAX = 32,       /* query parameters */
	HTTP_NAME_MAX = 32,         /* parameter name bytes, [A-Za-z0-9_-] only */
	HTTP_ARGS_MAX = 4,          /* {placeholders} in a route pattern */
	HTTP_BODY_MAX = 4 << 20,    /* rendered page bytes */
	HTTP_FORM_MAX = 64 << 10,   /* urlencoded POST body bytes */
};

enum http_method { M_GET = 1, M_HEAD = 2, M_POST = 4, M_OTHER = 8 };

struct param {
	const char *name, *value;   /* decoded, valid UTF-8, no control characters */
};

struct user;
struct municipality;
struct school;
struct upload;

struct req {
	struct worker *w;
	struct FCGX_Stream *in;     /* request body */
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
	const char *addr;           /* client address, for the audit log and throttling */
	const char *content_type;   /* of the body, "" if none */
	long content_length;        /* -1 when absent or malformed */
	const char *fetch_site;     /* Sec-Fetch-Site, "" if the browser sent none */
	bool https;
	bool no_cache;              /* the client asked for a fresh page (Cache-Control: no-cache) */
	struct param form[HTTP_PARAMS_MAX]; /* POST fields, decoded; newlines allowed */
	size_t nform;
	/* Set by the dispatcher for the flags of the route: */
	struct user *user;          /* the logged-in user, or NULL */
	const char *csrf;           /* the session's CSRF token, or NULL */
	unsigned char session_hash[32];
	struct municipality *muni;  /* R_SCHOOL, R_MUNI: from args[0] */
	struct school *school;      /* R_SCHOOL: from args[1] */
	struct upload *upload;      /* R_UPLOAD: the received file */
	bool storage_failed;        /* a write met a full or read-only disk: answer 507 */
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

/* Like http_utf8_ok, but tab, CR and LF are allowed (text areas). */
bool http_text_ok(const char *s, size_t n);

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

/*
 * Reads an application/x-www-form-urlencoded body (at most HTTP_FORM_MAX bytes)
 * into rq->form; values may contain newlines and tabs. Returns 0, 413 (too
 * large), 415 (another content type) or HTTP_BAD_REQUEST.
 */
int http_form_read(struct req *rq);

/* The first value of POST field `name`, or NULL. */
const char *http_field(const struct req *rq, const char *name);

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
