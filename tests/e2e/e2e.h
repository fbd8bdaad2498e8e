/* e2e.h: end-to-end harness: nginx + the portal on a temp dir and a free port, driven with libcurl. */
#ifndef E2E_H
#define E2E_H

#include <stddef.h>

struct e2e;

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

/* GET path exactly as given; returns the status (0 on a transport error). Redirects are not followed. */
int e2e_get(struct e2e *e, const char *path, struct e2e_resp *r);

/* Any method (GET, HEAD, POST with an empty body, or a custom verb); cookie may be NULL. */
int e2e_request(struct e2e *e, const char *method, const char *path, const char *cookie,
		struct e2e_resp *r);

/* The value of the first header called name (case-insensitive), or NULL. */
const char *e2e_header(const struct e2e_resp *r, const char *name);

void e2e_resp_free(struct e2e_resp *r);

/*
 * Stops the servers and removes the data dir. Returns 1 if the app log holds no sanitizer
 * report, else 0 after printing the log's tail as "# " lines.
 */
int e2e_finish(struct e2e *e);

/* e2e_finish() as one check; a macro because tap.h's counters belong to the test program. */
#define e2e_stop(e) ((void)ok(e2e_finish(e), "app log free of sanitizer and valgrind reports"))

#endif
