/*
 * cache.h: each worker's copy of the public pages it rendered for anonymous
 * visitors, reused while the database has not changed (PRAGMA data_version
 * sees other connections' commits; the worker drops its copies after its own
 * writes) and the day has not turned. Never a page of a logged-in user or
 * one that sets a cookie. Per worker, so no locks.
 */
#ifndef CACHE_H
#define CACHE_H

#include <stddef.h>
#include <stdint.h>

struct resp;
struct worker;

enum { CACHE_ENTRIES = 64, CACHE_BYTES = 8 << 20 };

struct cache_entry {
	char *key, *body;
	size_t len;
	const char *content_type;     /* a constant */
	int64_t version;
	int day;
	uint64_t used;                /* for least-recently-used replacement */
};

struct page_cache {
	struct cache_entry e[CACHE_ENTRIES];
	size_t bytes;
	uint64_t clock;
};

/* Fills rs with the copy for `key` if it is still valid; returns 1, else 0. */
int cache_get(struct worker *w, const char *key, struct resp *rs);

/* Keeps a copy of the 200 response `rs` for `key`. */
void cache_put(struct worker *w, const char *key, const struct resp *rs);

/* Drops every copy (after this worker wrote to the database; at shutdown). */
void cache_clear(struct worker *w);

#endif
