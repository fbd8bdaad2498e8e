/*
 * db_municipality.h: municipalities and their programmes, with the counts the
 * front page shows. No HTTP, no templates.
 */
#ifndef DB_MUNICIPALITY_H
#define DB_MUNICIPALITY_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;

struct municipality {
	int64_t id;
	const char *slug, *name, *region, *kind, *authority;
	const char *programme_title, *programme_period, *approved_by, *goal;
	int year_from, year_to;
	int n_schools, n_supported, n_items;   /* schools, schools on any list, roadmap
						  items: filled by db_municipality_list only */
	int64_t updated_at;
};

/* All municipalities by name. Returns DB_OK or DB_ERR. */
int db_municipality_list(struct db *db, struct arena *a, struct municipality **out, size_t *n);

/* The municipality with `slug`. Returns DB_OK, DB_NOTFOUND or DB_ERR. */
int db_municipality_by_slug(struct db *db, struct arena *a, const char *slug,
			    struct municipality *out);

#endif
