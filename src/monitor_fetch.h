/*
 * monitor_fetch.h: many outbound HTTP(S) requests at once with libcurl's multi
 * interface, each bounded: connect and total timeouts, a size cap (the transfer
 * is aborted beyond it), a redirect limit, http/https only, TLS verified, an
 * honest User-Agent, conditional requests. No database, no parsing of pages.
 */
#ifndef MONITOR_FETCH_H
#define MONITOR_FETCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;

struct fetch_limits {
	long parallel;          /* transfers at the same time */
	long connect_s, total_s;
	long max_bytes;         /* body cap; beyond it the transfer stops: too_big */
	long max_redirects;
};

struct fetch {
	/* in */
	const char *url;
	const char *etag, *last_modified;   /* of the previous answer, or NULL: conditional GET */
	bool head;                          /* HEAD instead of GET */
	bool status_only;                   /* a link check: stop once the status is known */
	/* out, strings in the arena */
	int curl_code;                      /* CURLcode; CURLE_OK also when status_only stopped it */
	long status;                        /* last HTTP status, 0 if none */
	bool too_big;
	const char *final_url, *content_type, *etag_out, *last_modified_out, *error;
	int64_t modified_at;                /* Last-Modified as a time, 0 if none */
	const char *body;                   /* page bytes (NULL for HEAD / status_only) */
	size_t len;
	long elapsed_ms;
};

/* The User-Agent every request sends. */
extern const char monitor_user_agent[];

/* Runs all n fetches, at most lim->parallel at a time, and fills their results.
 * Returns when every one has finished or failed; never longer than about
 * ceil(n / parallel) × (total_s + 1) seconds. Returns 0, or -1 if libcurl
 * could not start (every fetch then has curl_code CURLE_FAILED_INIT). */
int fetch_all(struct arena *a, struct fetch *f, size_t n, const struct fetch_limits *lim);

#endif
