/*
 * pages.h: the page handlers named in the route table, one file per page family.
 * Each returns an HTTP status; route.c has already checked path and method.
 */
#ifndef PAGES_H
#define PAGES_H

struct req;
struct resp;

int home_page(struct req *rq, struct resp *rs);          /* page_home.c */
int municipality_page(struct req *rq, struct resp *rs);  /* page_municipality.c */
int school_page(struct req *rq, struct resp *rs);        /* page_school.c */
int roadmap_page(struct req *rq, struct resp *rs);       /* page_roadmap.c */
int healthz_page(struct req *rq, struct resp *rs);       /* page_misc.c */
int vi_on_page(struct req *rq, struct resp *rs);         /* page_misc.c */
int vi_off_page(struct req *rq, struct resp *rs);        /* page_misc.c */

#endif
