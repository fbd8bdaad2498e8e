/*
 * cache.c: the per-worker page cache: a small table of malloc'd copies with
 * least-recently-used replacement, validated by the database's data version
 * and today's date on every lookup.
 */
#include "cache.h"

#include <stdlib.h>
#include <string.h>

#include "http.h"
#include "view.h"
#include "worker.h"

/* The connection's data version: it moves when another connection commits. */
static int64_t data_version(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, STMT_DATA_VERSION, "PRAGMA data_version");
	int64_t v = -1;

	if (st && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	if (st)
		sqlite3_reset(st);
	return v;
}

static void drop(struct page_cache *c, struct cache_entry *e)
{
	c->bytes -= e->len;
	free(e->key);
	free(e->body);
	memset(e, 0, sizeof *e);
}

void cache_clear(struct worker *w)
{
	for (size_t i = 0; i < CACHE_ENTRIES; i++)
		if (w->cache.e[i].key)
			drop(&w->cache, &w->cache.e[i]);
}

int cache_get(struct worker *w, const char *key, struct resp *rs)
{
	struct page_cache *c = &w->cache;
	int64_t version = data_version(&w->db);
	int day = view_today();

	for (size_t i = 0; i < CACHE_ENTRIES; i++) {
		struct cache_entry *e = &c->e[i];

		if (!e->key || strcmp(e->key, key) != 0)
			continue;
		if (e->version != version || e->day != day || version < 0) {
			cache_clear(w);   /* the data moved on: every copy is stale */
			return 0;
		}
		e->used = ++c->clock;
		rs->content_type = e->content_type;
		buf_clear(&rs->body);
		buf_put(&rs->body, e->body, e->len);
		return !rs->body.err;
	}
	return 0;
}

void cache_put(struct worker *w, const char *key, const struct resp *rs)
{
	struct page_cache *c = &w->cache;
	struct cache_entry *slot = &c->e[0];
	int64_t version = data_version(&w->db);

	if (version < 0 || rs->body.len == 0 || rs->body.len > CACHE_BYTES / 4)
		return;
	for (size_t i = 0; i < CACHE_ENTRIES; i++) {
		if (!c->e[i].key) {
			slot = &c->e[i];
			break;
		}
		if (c->e[i].used < slot->used)
			slot = &c->e[i];
	}
	if (slot->key)
		drop(c, slot);
	while (c->bytes + rs->body.len > CACHE_BYTES) {   /* room by age */
		struct cache_entry *old = NULL;

		for (size_t i = 0; i < CACHE_ENTRIES; i++)
			if (c->e[i].key && (!old || c->e[i].used < old->used))
				old = &c->e[i];
		if (!old)
			return;
		drop(c, old);
	}
	if (!(slot->key = strdup(key)) || !(slot->body = malloc(rs->body.len))) {
		free(slot->key);
		slot->key = NULL;
		return;
	}
	memcpy(slot->body, rs->body.data, rs->body.len);
	slot->len = rs->body.len;
	slot->content_type = rs->content_type;
	slot->version = version;
	slot->day = view_today();
	slot->used = ++c->clock;
	c->bytes += slot->len;
}
