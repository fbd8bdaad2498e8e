/*
 * db_school.h: schools, their list memberships (ШНОР, «500+», …) and risk
 * profiles. No HTTP, no templates.
 */
#ifndef DB_SCHOOL_H
#define DB_SCHOOL_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;

struct school {
	int64_t id;
	const char *slug, *short_name, *full_name, *label, *locality, *website;
	const char *parent_slug, *parent_label;   /* for a branch */
	int64_t updated_at;
};

struct membership {
	int64_t school_id;
	int year, cluster;                         /* cluster 0: not given */
	const char *programme, *category, *urd, *risk_group, *note;
};

struct school_risk {
	int year, seq;
	const char *catalogue, *name, *significance, *second_rating;
};

/* Schools of a municipality in the seed's order. Returns DB_OK or DB_ERR. */
int db_school_list(struct db *db, struct arena *a, int64_t muni_id, struct school **out, size_t *n);

/* Returns DB_OK, DB_NOTFOUND or DB_ERR. updated_at covers the school's section:
 * the school row, its memberships' import, its documents, its roadmap items, its
 * text pages and news posts. */
int db_school_by_slug(struct db *db, struct arena *a, int64_t muni_id, const char *slug,
		      struct school *out);

/* The schools of a municipality with updated_at as in db_school_by_slug(), the
 * stalest first. Returns DB_OK or DB_ERR. */
int db_school_freshness(struct db *db, struct arena *a, int64_t muni_id, struct school **out, size_t *n);

/* Memberships of all schools of a municipality, newest year first. */
int db_membership_by_muni(struct db *db, struct arena *a, int64_t muni_id,
			  struct membership **out, size_t *n);

/* Memberships of one school, newest year first. */
int db_membership_by_school(struct db *db, struct arena *a, int64_t school_id,
			    struct membership **out, size_t *n);

/* Risk directions and factors of a school, newest year first, in printed order. */
int db_risk_by_school(struct db *db, struct arena *a, int64_t school_id,
		      struct school_risk **out, size_t *n);

/* Sets the URL of the school's section on its own site ("" clears it). The caller
 * has validated it and owns the transaction. Returns DB_OK or DB_ERR. */
int db_school_set_website(struct db *db, int64_t school_id, const char *url);

#endif
