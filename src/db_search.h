/*
 * db_search.h: the full-text index (migration 0012): keeping it up to date inside
 * the writing transaction, and the queries of the search page, limited to what the
 * user may see.
 */
#ifndef DB_SEARCH_H
#define DB_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "db.h"
#include "vocab.h"

struct arena;
struct user;

/* Registers on connection `h` what the index needs: the tokenizer "ru" and the SQL
 * function search_label(vocabulary, code). Returns SQLITE_OK or an error code. */
int db_search_register(sqlite3 *h);

/*
 * Re-indexes every object queued in search_dirty (by the triggers of 0012) and empties
 * the queue; called by db_commit() inside the transaction, and at startup for what
 * other programs (db/seed.sh) wrote. DB_OK also when the index does not exist yet.
 */
int db_search_flush(struct db *db);

/* The user's words as an FTS5 MATCH expression: each word quoted, all required, at
 * most SEARCH_WORDS_MAX; NULL when there is no word. Never FTS5 syntax from the user. */
enum { SEARCH_WORDS_MAX = 16 };
const char *db_search_match(struct arena *a, const char *text);

struct search_query {
	const char *match;          /* from db_search_match() */
	int64_t municipality_id;    /* 0: every municipality */
	const struct user *user;    /* NULL: public objects only */
};

struct search_hit {
	enum search_kind kind;
	const char *title;          /* highlighted: matches between \x01 and \x02 */
	const char *snippet;        /* the same, an excerpt of the body */
	const char *url, *meta;
	int public_;                /* 0: only insiders see it (a draft document) */
};

/* Matches counted at most: beyond it a query costs the same however large the region. */
enum { SEARCH_COUNT_CAP = 2000 };

/* Matches per kind among the first SEARCH_COUNT_CAP + 1; *capped says there were more
 * (the counts are then lower bounds). Returns DB_OK or DB_ERR. */
int db_search_counts(struct db *db, const struct search_query *q, long long counts[SK__MAX], bool *capped);

/* Matches of one kind, `limit` from `offset`: best first (bm25), or newest first when
 * the matches were `capped` (ranking would read them all). Returns DB_OK or DB_ERR. */
int db_search_hits(struct db *db, struct arena *a, const struct search_query *q, enum search_kind kind,
		   bool capped, long limit, long offset, struct search_hit **out, size_t *n);

#endif
