/*
 * db_feed.h: the public record for feeds and open data: published documents,
 * confirmed roadmap work, schools with their programmes, roadmap items with
 * their state. Public data only. No HTTP, no templates.
 */
#ifndef DB_FEED_H
#define DB_FEED_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;

/* One published document, or one confirmed occurrence of a roadmap item. */
struct feed_row {
	int64_t id, item_id, ts;                 /* document or occurrence id; item; published/confirmed at */
	const char *muni_slug, *school_slug;     /* school_slug NULL: the municipality's own roadmap */
	const char *school_name, *title, *kind;  /* kind: doc_type_v code, or the occurrence's label */
	int version;                             /* documents */
};

/* The newest `limit` published documents of municipality `muni_id` (of school
 * `school_id` only, when not 0), newest first. Returns DB_OK or DB_ERR. */
int db_feed_documents(struct db *db, struct arena *a, int64_t muni_id, int64_t school_id, int limit,
		      struct feed_row **out, size_t *n);

/* The newest `limit` confirmed occurrences of live items, the same way. */
int db_feed_confirmed(struct db *db, struct arena *a, int64_t muni_id, int64_t school_id, int limit,
		      struct feed_row **out, size_t *n);

/* The newest `limit` published news posts, the same way (item_id 0; kind: the post's
 * date as YYYY-MM-DD; school_slug NULL: the municipality's own). */
int db_feed_news(struct db *db, struct arena *a, int64_t muni_id, int64_t school_id, int limit,
		 struct feed_row **out, size_t *n);

/* Every published document of every municipality, by municipality, school, type. */
int db_open_documents(struct db *db, struct arena *a, struct feed_row **out, size_t *n);

struct open_school {
	const char *muni_slug, *muni_name, *slug, *short_name, *full_name, *locality, *website;
	const char *programme, *category;        /* NULL when the school is on no list */
	int year;
};

/* Every school with each of its memberships (a school on no list: one row
 * without programme), by municipality, school, year. */
int db_open_schools(struct db *db, struct arena *a, struct open_school **out, size_t *n);

struct open_item {
	const char *muni_slug, *school_slug, *roadmap, *number, *measure, *deadline, *status;
	int64_t id;
	int next_due;                            /* the first open occurrence's day, 0: none */
	int confirmed, occurrences;
};

/* Every live item of every roadmap, in roadmap order. */
int db_open_roadmap(struct db *db, struct arena *a, struct open_item **out, size_t *n);

#endif
