/* test_cache.c: the per-worker page cache: hits, invalidation by another
 * connection's commit, own clearing, replacement, size limits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cache.h"
#include "http.h"
#include "tap.h"
#include "worker.h"

int main(void)
{
	static struct worker w;
	struct db other;
	struct resp rs, out;
	char dir[] = "/tmp/kachestvo-cache-XXXXXX", path[300], key[32];

	mkdtemp(dir);
	snprintf(path, sizeof path, "%s/c.db", dir);
	ok(db_open(&other, path, true) == DB_OK &&
	   sqlite3_exec(other.h, "CREATE TABLE t (x)", NULL, NULL, NULL) == SQLITE_OK, "a database");
	ok(db_open(&w.db, path, false) == DB_OK && arena_init(&w.arena, 4096, 1 << 24) == 0, "a worker");
	http_resp_init(&rs, &w.arena);
	http_resp_init(&out, &w.arena);
	buf_puts(&rs.body, "<p>страница</p>");
	ok(!cache_get(&w, "- /a/", &out), "an empty cache misses");
	cache_put(&w, "- /a/", &rs);
	ok(cache_get(&w, "- /a/", &out) && out.body.len == rs.body.len &&
	   memcmp(out.body.data, rs.body.data, rs.body.len) == 0, "a stored page comes back whole");
	ok(!cache_get(&w, "vi /a/", &out), "another key (the version for the visually impaired) misses");
	ok(sqlite3_exec(other.h, "INSERT INTO t VALUES (1)", NULL, NULL, NULL) == SQLITE_OK, "another connection writes");
	ok(!cache_get(&w, "- /a/", &out), "after another connection's commit the copy is stale");
	cache_put(&w, "- /a/", &rs);
	ok(cache_get(&w, "- /a/", &out), "stored again");
	cache_clear(&w);
	ok(!cache_get(&w, "- /a/", &out) && w.cache.bytes == 0, "cleared after the worker's own write");
	for (int i = 0; i < CACHE_ENTRIES + 10; i++) {
		snprintf(key, sizeof key, "- /p%d/", i);
		cache_put(&w, key, &rs);
	}
	ok(!cache_get(&w, "- /p0/", &out) && cache_get(&w, "- /p73/", &out),
	   "past %d entries the least recently used go first", CACHE_ENTRIES);
	ok(w.cache.bytes == (size_t)CACHE_ENTRIES * rs.body.len, "bytes are counted");
	struct resp big;
	http_resp_init(&big, &w.arena);
	char *blob = calloc(1, CACHE_BYTES / 2);
	memset(blob, 'x', CACHE_BYTES / 2 - 1);
	buf_puts(&big.body, blob);
	cache_put(&w, "- /big/", &big);
	ok(!cache_get(&w, "- /big/", &out), "a page over a quarter of the budget is not kept");
	free(blob);
	cache_clear(&w);
	db_close(&w.db);
	db_close(&other);
	arena_free(&w.arena);
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	ok(system(path) == 0, "cleanup");
	return ok_done();
}
