/*
 * page_common.h: pieces several pages show the same way: the municipality
 * from the URL, the key metric of a roadmap, a school's programme badges.
 */
#ifndef PAGE_COMMON_H
#define PAGE_COMMON_H

#include <stddef.h>
#include <stdint.h>

struct municipality;
struct membership;
struct req;
struct roadmap;
struct tpl_dict;

/* Loads the municipality named by the first URL placeholder. Returns 0, 404 or 500. */
int page_municipality_load(struct req *rq, struct municipality *m);

/* Sets METRIC (share with a comma), METRIC_CONFIRMED, METRIC_TOTAL, METRIC_DONE
 * and METRIC_IN_PROGRESS in `d` from the roadmap's status counts. */
void page_key_metric(struct req *rq, struct tpl_dict *d, const struct roadmap *r);

/* Adds one `section` entry per membership of school `school_id` in its latest
 * listed year (ms is ordered newest year first). Returns that year, or 0. */
int page_badges(struct tpl_dict *d, const char *section, const struct membership *ms, size_t n,
		int64_t school_id);

#endif
