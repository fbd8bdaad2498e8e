/* e2e.h: end-to-end harness: nginx + the portal on a temp dir and a free port, driven with libcurl. */
#ifndef E2E_H
#define E2E_H

#include <stddef.h>

struct e2e;
struct e2e_browser;

struct e2e_resp {
	int status;     /* HTTP status; 0 if no response arrived */
	char *body;     /* malloc'd, NUL-terminated */
	size_t len;     /* body bytes */
	char *headers;  /* the raw response header block, NUL-terminated */
	char *lines;    /* the same with every CR and LF turned into NUL, for e2e_header() */
	size_t hlen;    /* header block bytes */
};

/*
 * Starts sh src/run.sh (APP from the environment, else the default binary) on a fresh
 * data dir and waits until GET /healthz answers 200. NULL, with the logs' tails printed, on failure.
 */
struct e2e *e2e_start(void);

/* e2e_start() with extra "NAME=value" settings for run.sh and the app; env is NULL-terminated. */
struct e2e *e2e_start_env(const char *const *env);

/* The same on an existing data dir (e.g. a restored backup), removed by e2e_finish(). */
struct e2e *e2e_start_in(const char *dir);

/* The stack's port on 127.0.0.1, for tests that open sockets themselves. */
int e2e_port(const struct e2e *e);

/* A 127.0.0.1 port nobody listens on right now (bind port 0, read it back, close), or -1. */
int e2e_free_port(void);
/* DATA_DIR of the running stack (portal.db, files/, tmp/, demo-accounts.txt). */
const char *e2e_data_dir(const struct e2e *e);

/* The password of a demo account from DATA_DIR/demo-accounts.txt, or NULL. Valid until e2e_finish(). */
const char *e2e_password(struct e2e *e, const char *login);

/* GET path exactly as given; returns the status (0 on a transport error). Redirects are not followed. */
int e2e_get(struct e2e *e, const char *path, struct e2e_resp *r);

/* GET with extra header lines ("Cache-Control: no-cache"), NULL-terminated. */
int e2e_get_with(struct e2e *e, const char *path, const char *const *headers, struct e2e_resp *r);
/* GET with browser b's cookies (anonymous when b is NULL): the body, malloc'd (NULL when
 * none arrived); *status, when not NULL, receives the status. */
char *e2e_body(struct e2e *e, struct e2e_browser *b, const char *path, int *status);

/* Any method (GET, HEAD, POST with an empty body, or a custom verb); cookie may be NULL. */
int e2e_request(struct e2e *e, const char *method, const char *path, const char *cookie,
		struct e2e_resp *r);

/* The value of the first header called name (case-insensitive), or NULL. */
const char *e2e_header(const struct e2e_resp *r, const char *name);

void e2e_resp_free(struct e2e_resp *r);

/*
 * Sends `len` bytes of `request` as they are over a new connection to the stack, closes the
 * sending half, and reads the answer (at most `timeout_s` seconds). Returns the status, 0 if none.
 */
int e2e_raw(struct e2e *e, const char *request, size_t len, int timeout_s, struct e2e_resp *r);

/* ---- browsers: each its own cookie jar; the _csrf of the last page that had one ---- */

struct e2e_browser;

struct e2e_browser *e2e_browser_new(struct e2e *e);
void e2e_browser_free(struct e2e_browser *b);

/* The hidden _csrf field of the last page this browser got that had one ("" before any). */
const char *e2e_csrf(const struct e2e_browser *b);

/* The value of the browser's cookie `name`, malloc'd; NULL if it holds none. */
char *e2e_cookie(struct e2e_browser *b, const char *name);

/* GET with the browser's cookies; redirects are not followed. */
int e2e_b_get(struct e2e_browser *b, const char *path, struct e2e_resp *r);

/*
 * POST an application/x-www-form-urlencoded body given already encoded ("a=1&b=%20"); extra is
 * NULL or a NULL-terminated list of header lines ("Sec-Fetch-Site: cross-site").
 */
int e2e_b_post(struct e2e_browser *b, const char *path, const char *form, const char *const *extra,
	       struct e2e_resp *r);

/* name=value pairs (a NULL name ends them) as an urlencoded form body, malloc'd. */
char *e2e_form(const char *const *pairs);

/* POSTs name/value pairs (at most 6, NULL-ended) as a form, the session's _csrf first. */
int e2e_b_post_pairs(struct e2e_browser *b, const char *path, const char *const *pairs, struct e2e_resp *r);

/* POST a body as it is, with this Content-Type (NULL: no Content-Type header at all). */
int e2e_b_raw(struct e2e_browser *b, const char *path, const char *content_type, const void *body,
	      size_t len, const char *const *extra, struct e2e_resp *r);

/* One part of a multipart/form-data POST: a text field, or a file when filename is set. */
struct e2e_part {
	const char *name;
	const char *value;      /* the field's text; unused for a file */
	const char *filename;   /* NULL: a text field */
	const void *data;       /* the file's bytes */
	size_t size;
};

/* POST multipart/form-data built by libcurl's mime API from n parts. */
int e2e_b_upload(struct e2e_browser *b, const char *path, const struct e2e_part *parts, size_t n,
		 const char *const *extra, struct e2e_resp *r);

/* Copies the value of hidden input `name` from a page into out ("" when absent). */
void e2e_hidden(const char *body, const char *name, char *out, size_t size);

/*
 * GET /login, then POST it with the login form's _csrf. Returns the POST's status (303 on
 * success, when the cabinet is fetched too so that e2e_csrf() is the session's token); r,
 * if not NULL, receives the POST's response.
 */
int e2e_login(struct e2e_browser *b, const char *login, const char *password, struct e2e_resp *r);

/* ---- the stack's database and files, seen from the test ---- */

/*
 * Runs one SQL statement on DATA_DIR/portal.db opened read-only; fmt is expanded by
 * sqlite3_mprintf (%q, %Q, %lld). e2e_count returns the first column of the first row,
 * -1 on error; e2e_query the rows, malloc'd, columns joined by '|', each row ending in '\n'.
 */
long long e2e_count(struct e2e *e, const char *fmt, ...);
char *e2e_query(struct e2e *e, const char *fmt, ...);

/* Rows in which the triggers' roadmap_tally and live_items differ from counting the
 * occurrences and items afresh: 0 when they agree, -1 on error. */
long long e2e_tally_drift(struct e2e *e);

/* Runs SQL (sqlite3_mprintf format; one or more statements) on the stack's database
 * opened read-write with foreign keys on, as another program's data load would;
 * returns 1 on success, else 0 after a "# " line. */
int e2e_exec(struct e2e *e, const char *fmt, ...);

/* The running app's pid from DATA_DIR/app.pid (written by the supervisor), 0 if none. */
long e2e_app_pid(struct e2e *e);

/* Regular files under DATA_DIR/sub (recursively); -1 if it cannot be read. */
int e2e_files(struct e2e *e, const char *sub);

/*
 * True once DATA_DIR/tmp holds no file, waiting up to 2 s: the app removes a refused upload's
 * temp file when it releases the request's memory, just after the answer has gone out.
 */
int e2e_tmp_empty(struct e2e *e);

/* Lower-case hex SHA-256 of n bytes. */
void e2e_sha256(const void *data, size_t n, char hex[65]);

/*
 * Stops the servers and removes the data dir. Returns 1 if the app log holds no sanitizer
 * report, else 0 after printing the log's tail as "# " lines.
 */
int e2e_finish(struct e2e *e);

/* e2e_finish() as one check; a macro because tap.h's counters belong to the test program. */
#define e2e_stop(e) ((void)ok(e2e_finish(e), "app log free of sanitizer and valgrind reports"))

#endif
