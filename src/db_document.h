/*
 * db_document.h: document versions and their reviews. A row is one immutable
 * version (file, type, title); only its status moves. `series` links the versions
 * of one document. No HTTP, no templates; the caller owns the transaction.
 */
#ifndef DB_DOCUMENT_H
#define DB_DOCUMENT_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct user;

struct document {
	int64_t id, series, school_id, created_by;
	int version;
	const char *type, *title, *status, *sha256, *mime, *orig_name, *author;
	long long size;
	int64_t created_at, updated_at, published_at;
	const char *return_comment;   /* the curator's latest reason for returning it */
	/* filled by db_document_queue only: */
	const char *school_label, *school_slug, *muni_slug;
};

/* Adds a version in status draft: a new series when d->series is 0, else the next
 * version of that series (which must belong to the same school and type).
 * Sets d->id, d->series, d->version. Returns DB_OK, DB_NOTFOUND (bad series) or DB_ERR. */
int db_document_add(struct db *db, struct document *d);

/* Returns DB_OK, DB_NOTFOUND or DB_ERR. */
int db_document_get(struct db *db, struct arena *a, int64_t id, struct document *out);

/* Moves version `id` from status `from` to `to` (and stamps published_at when
 * publishing). Returns DB_OK, DB_NOTFOUND (it was not in `from`) or DB_ERR. */
int db_document_move(struct db *db, int64_t id, const char *from, const char *to);

/* The published version of a series other than `except`, or DB_NOTFOUND. */
int db_document_published_in_series(struct db *db, int64_t series, int64_t except, int64_t *id);

/* Every version of a school's documents, series by series, newest version first. */
int db_document_by_school(struct db *db, struct arena *a, int64_t school_id,
			  struct document **out, size_t *n);

/* The versions of one series, oldest first. */
int db_document_by_series(struct db *db, struct arena *a, int64_t series,
			  struct document **out, size_t *n);

/* Submitted versions the user may review (curator: assigned schools; coordinator:
 * the municipality; admin: all), oldest first. */
int db_document_queue(struct db *db, struct arena *a, const struct user *u,
		      struct document **out, size_t *n);

/* Records a curator's verdict. Returns DB_OK or DB_ERR. */
int db_review_add(struct db *db, int64_t document_id, int64_t reviewer_id, const char *verdict,
		  const char *comment);

#endif
