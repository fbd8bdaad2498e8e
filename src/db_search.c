/*
 * db_search.c: the full-text index search_fts: one row per school, document version
 * and roadmap item (rowid = id * 16 + kind number), rebuilt from the base tables for
 * each object the triggers queued; and the two queries of the search page.
 */
#include "db_search.h"

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "db_user.h"
#include "log.h"
#include "search_tok.h"

/* rowid = ref_id * KIND_SPAN + kind number (search_kind + 1). */
enum { KIND_SPAN = 16, FLUSH_BATCH = 256 };

/* The row of each kind, from the base tables; ?1 is the object's id. Nothing for an
 * object that is gone or not searchable (a superseded version, a removed item). */
static const char *const add_sql[SK__MAX] = {
	/* SK_SCHOOL */
	"INSERT INTO search_fts (rowid, title, body, kind, ref_id, municipality_id, school_id, public, url, meta)"
	" SELECT s.id * 16 + 1, s.short_name,"
	" s.label || ' ' || ifnull(s.full_name, '') || ' ' || ifnull(s.locality, '') || ' ' || m.name,"
	" 'school', s.id, s.municipality_id, s.id, 1,"
	" '/' || m.slug || '/schools/' || s.slug || '/', m.name"
	" FROM school s JOIN municipality m ON m.id = s.municipality_id WHERE s.id = ?1",
	/* SK_DOCUMENT */
	"INSERT INTO search_fts (rowid, title, body, kind, ref_id, municipality_id, school_id, public, url, meta)"
	" SELECT d.id * 16 + 2, d.title,"
	" search_label('doc_type', d.type) || ' ' || s.short_name || ' ' || s.label || ' ' || m.name,"
	" 'document', d.id, s.municipality_id, s.id, d.status = 'published',"
	" '/' || m.slug || '/schools/' || s.slug || '/docs/' || d.id || '/',"
	" search_label('doc_type', d.type) || ' · ' || s.short_name"
	" || CASE WHEN d.status <> 'published' THEN ' · ' || search_label('doc_status', d.status) ELSE '' END"
	" FROM document d JOIN school s ON s.id = d.school_id JOIN municipality m ON m.id = s.municipality_id"
	" WHERE d.id = ?1 AND d.status <> 'superseded'",
	/* SK_ITEM */
	"INSERT INTO search_fts (rowid, title, body, kind, ref_id, municipality_id, school_id, public, url, meta)"
	" SELECT i.id * 16 + 3, i.measure,"
	" i.number || ' ' || ifnull(i.responsible, '') || ' ' || ifnull(i.planned_result, '') || ' ' || r.title"
	" || ' ' || m.name,"
	" 'item', i.id, r.municipality_id, r.school_id, 1,"
	" '/' || m.slug || '/roadmap/items/' || i.id || '/',"
	" '№ ' || i.number || ' · ' || r.title"
	" FROM roadmap_item i JOIN roadmap r ON r.id = i.roadmap_id JOIN municipality m ON m.id = r.municipality_id"
	" WHERE i.id = ?1 AND i.removed_at IS NULL",
	/* SK_NEWS: a school's or the municipality's post; an unpublished one for insiders only */
	"INSERT INTO search_fts (rowid, title, body, kind, ref_id, municipality_id, school_id, public, url, meta)"
	" SELECT t.id * 16 + 4, t.title, t.body || ' ' || coalesce(s.short_name, '') || ' ' || m.name,"
	" 'news', t.id, t.municipality_id, t.school_id, t.hidden = 0,"
	" '/' || m.slug || coalesce('/schools/' || s.slug, '') || '/news/' || t.id || '/',"
	" coalesce(s.short_name, m.name) || ' · ' || t.news_on"
	" FROM section_text t JOIN municipality m ON m.id = t.municipality_id LEFT JOIN school s ON s.id = t.school_id"
	" WHERE t.id = ?1 AND t.part = 'news'",
};

/* search_label(vocabulary, code): the Russian label the index stores beside a code. */
static void label_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char *vocab = (const char *)sqlite3_value_text(argv[0]);
	const char *code = (const char *)sqlite3_value_text(argv[1]);
	const char *label = "";

	(void)argc;
	if (vocab && strcmp(vocab, "doc_type") == 0)
		label = VOCAB_LABEL(doc_type_v, code);
	else if (vocab && strcmp(vocab, "doc_status") == 0)
		label = VOCAB_LABEL(doc_status_v, code);
	sqlite3_result_text(cx, label, -1, SQLITE_STATIC);
}

int db_search_register(sqlite3 *h)
{
	int rc = search_tok_register(h);

	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(h, "search_label", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
					     label_fn, NULL, NULL);
	return rc;
}

/* Re-indexes one queued object. */
static int reindex(struct db *db, const char *kind, int64_t id)
{
	size_t k = VOCAB_FIND(search_kind_v, kind);
	sqlite3_stmt *del = db_stmt(db, STMT_SEARCH_DELETE, "DELETE FROM search_fts WHERE rowid = ?1");
	sqlite3_stmt *add = k < SK__MAX ? db_stmt(db, STMT_SEARCH_ADD_SCHOOL + (int)k, add_sql[k]) : NULL;
	sqlite3_stmt *done = db_stmt(db, STMT_SEARCH_UNDIRTY,
		"DELETE FROM search_dirty WHERE kind = ?1 AND ref_id = ?2");

	if (!del || !done || (k < SK__MAX && !add))
		return DB_ERR;
	if (k < SK__MAX) {
		sqlite3_bind_int64(del, 1, id * KIND_SPAN + (int64_t)k + 1);
		sqlite3_bind_int64(add, 1, id);
		if (db_exec(db, del) == DB_ERR || db_exec(db, add) == DB_ERR)
			return DB_ERR;
	} else
		log_err("search", "unknown kind %s in search_dirty", kind);
	sqlite3_bind_text(done, 1, kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(done, 2, id);
	return db_exec(db, done) == DB_ERR ? DB_ERR : DB_OK;
}

int db_search_flush(struct db *db)
{
	struct { char kind[16]; int64_t id; } batch[FLUSH_BATCH];
	sqlite3_stmt *st;
	size_t n;

	if (sqlite3_table_column_metadata(db->h, "main", "search_dirty", NULL, NULL, NULL, NULL, NULL, NULL)
	    != SQLITE_OK)
		return DB_OK;   /* before migration 0012 */
	if (!(st = db_stmt(db, STMT_SEARCH_DIRTY, "SELECT kind, ref_id FROM search_dirty LIMIT 256")))
		return DB_ERR;
	do {
		int step;

		for (n = 0; (step = sqlite3_step(st)) == SQLITE_ROW && n < FLUSH_BATCH; n++) {
			const char *kind = (const char *)sqlite3_column_text(st, 0);

			snprintf(batch[n].kind, sizeof batch[n].kind, "%s", kind ? kind : "");
			batch[n].id = sqlite3_column_int64(st, 1);
		}
		db_done(st);
		if (step != SQLITE_DONE && step != SQLITE_ROW) {
			db_log_err(db, "search_dirty");
			return DB_ERR;
		}
		for (size_t i = 0; i < n; i++)
			if (reindex(db, batch[i].kind, batch[i].id) != DB_OK)
				return DB_ERR;
	} while (n == FLUSH_BATCH);
	return DB_OK;
}

const char *db_search_match(struct arena *a, const char *text)
{
	char w[SEARCH_TOK_BYTES];
	size_t pos = 0, start, end, n = text ? strlen(text) : 0, words = 0;
	struct buf b;

	buf_init(&b, a, SEARCH_WORDS_MAX * (SEARCH_TOK_BYTES + 3));
	while (words < SEARCH_WORDS_MAX && search_tok_next(text, n, &pos, w, &start, &end) > 0) {
		buf_printf(&b, "%s\"%s\"", words ? " " : "", w);   /* a word holds letters and digits only */
		words++;
	}
	return words && !b.err ? b.data : NULL;
}

/* What the user may see, after ?1 MATCH: ?2 municipality (0: all), ?3 role ("" for
 * the public), ?4 its municipality, ?5 its school, ?6 the user (a curator's schools). */
#define SEARCH_WHERE \
	" WHERE search_fts MATCH ?1 AND (?2 = 0 OR municipality_id = ?2)" \
	" AND (public = 1 OR ?3 = 'admin' OR (?3 = 'coordinator' AND municipality_id = ?4)" \
	"  OR (?3 = 'school' AND school_id = ?5)" \
	"  OR (?3 = 'curator' AND school_id IN (SELECT school_id FROM curator_school WHERE user_id = ?6)))"

static void bind_query(sqlite3_stmt *st, const struct search_query *q)
{
	const struct user *u = q->user;

	sqlite3_bind_text(st, 1, q->match, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, q->municipality_id);
	sqlite3_bind_text(st, 3, u ? u->role : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, u ? u->municipality_id : -1);
	sqlite3_bind_int64(st, 5, u ? u->school_id : -1);
	sqlite3_bind_int64(st, 6, u ? u->id : -1);
}

int db_search_counts(struct db *db, const struct search_query *q, long long counts[SK__MAX], bool *capped)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SEARCH_COUNTS,
		"SELECT kind, count(*) FROM (SELECT kind FROM search_fts" SEARCH_WHERE " LIMIT ?7) GROUP BY kind");
	long long total = 0;
	int step;

	memset(counts, 0, SK__MAX * sizeof counts[0]);
	*capped = false;
	if (!st)
		return DB_ERR;
	bind_query(st, q);
	sqlite3_bind_int(st, 7, SEARCH_COUNT_CAP + 1);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		size_t k = VOCAB_FIND(search_kind_v, (const char *)sqlite3_column_text(st, 0));

		total += sqlite3_column_int64(st, 1);
		if (k < SK__MAX)
			counts[k] = sqlite3_column_int64(st, 1);
	}
	*capped = total > SEARCH_COUNT_CAP;
	if (step != SQLITE_DONE)
		db_log_err(db, "search counts");
	db_done(st);
	return step == SQLITE_DONE ? DB_OK : DB_ERR;
}

static void hit_row(struct arena *a, sqlite3_stmt *st, void *item)
{
	struct search_hit *h = item;

	h->kind = (enum search_kind)VOCAB_FIND(search_kind_v, (const char *)sqlite3_column_text(st, 0));
	h->title = db_text(a, st, 1);
	h->snippet = db_text(a, st, 2);
	h->url = db_text(a, st, 3);
	h->meta = db_text(a, st, 4);
	h->public_ = sqlite3_column_int(st, 5);
}

#define HIT_COLUMNS \
	"SELECT kind, highlight(search_fts, 0, char(1), char(2))," \
	" snippet(search_fts, 1, char(1), char(2), '…', 24), url, meta, public FROM search_fts"

int db_search_hits(struct db *db, struct arena *a, const struct search_query *q, enum search_kind kind,
		   bool capped, long limit, long offset, struct search_hit **out, size_t *n)
{
	sqlite3_stmt *st = capped
		? db_stmt(db, STMT_SEARCH_HITS_NEWEST, HIT_COLUMNS SEARCH_WHERE
			  " AND kind = ?7 ORDER BY rowid DESC LIMIT ?8 OFFSET ?9")
		: db_stmt(db, STMT_SEARCH_HITS, HIT_COLUMNS SEARCH_WHERE
			  " AND kind = ?7 ORDER BY rank, rowid LIMIT ?8 OFFSET ?9");

	if (!st)
		return DB_ERR;
	bind_query(st, q);
	sqlite3_bind_text(st, 7, search_kind_v[kind].code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, limit);
	sqlite3_bind_int64(st, 9, offset);
	return db_collect(db, a, st, sizeof **out, hit_row, (void **)out, n);
}
