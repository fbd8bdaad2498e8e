/*
 * db_content.h: a section's text pages (о программе, рабочая группа, контакты)
 * and news posts, owned by a school or by a municipality (school_id 0), with
 * every version kept. No HTTP, no templates; the caller owns the transaction.
 */
#ifndef DB_CONTENT_H
#define DB_CONTENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;

/* One page or post as it is now (its latest version). */
struct section_text {
	int64_t id, municipality_id, school_id;   /* school_id 0: the municipality's */
	const char *part;                         /* content_part_v code */
	const char *title, *body, *news_on;       /* news_on: YYYY-MM-DD, NULL for a page */
	bool hidden;                              /* an unpublished post */
	int64_t updated_at;
};

struct section_version {
	int64_t id, text_id, created_at, restored_from;   /* restored_from 0: an edit */
	const char *title, *body, *news_on, *author;      /* author: the user's name, or NULL */
};

/*
 * Every page and post of an owner as it is now, with its visibility (hidden):
 * pages first (about, group, contacts), then posts newest first (news_on, id).
 * For the search index too. Returns DB_OK or DB_ERR.
 */
int db_content_list(struct db *db, struct arena *a, int64_t muni_id, int64_t school_id,
		    struct section_text **out, size_t *n);

/* Text `id` of that owner. Returns DB_OK, DB_NOTFOUND (another owner's too) or DB_ERR. */
int db_content_get(struct db *db, struct arena *a, int64_t muni_id, int64_t school_id, int64_t id,
		   struct section_text *out);

/*
 * Writes a version of t (t->id 0: a new text of t->part for the owner) by user
 * `user_id`; restored_from is the version a rollback copies, or 0. Sets t->id and
 * *version_id. Returns DB_OK or DB_ERR.
 */
int db_content_save(struct db *db, struct section_text *t, int64_t user_id, int64_t restored_from,
		    int64_t *version_id);

/* Publishes (hidden false) or unpublishes a post. Returns DB_OK, DB_NOTFOUND or DB_ERR. */
int db_content_set_hidden(struct db *db, int64_t id, bool hidden);

/* The versions of text `id`, newest first. Returns DB_OK or DB_ERR. */
int db_content_versions(struct db *db, struct arena *a, int64_t id, struct section_version **out,
			size_t *n);

/* Replaces the documents a post names by ids[0..n) (the caller checked them). */
int db_content_set_docs(struct db *db, int64_t id, const int64_t *ids, size_t n);

/* The ids of the documents post `id` names, in id order. Returns DB_OK or DB_ERR. */
int db_content_docs(struct db *db, struct arena *a, int64_t id, int64_t **out, size_t *n);

#endif
