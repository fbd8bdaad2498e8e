/*
 * content.h: what the editor and the public pages of a section's texts share:
 * whose section the URL names, its base URL, and a text shown through templates.
 */
#ifndef CONTENT_H
#define CONTENT_H

#include <stdint.h>

struct req;
struct section_text;
struct tpl_dict;

/* The owner named by the URL: a school (R_SCHOOL routes) or its municipality. */
struct owner {
	int64_t muni_id, school_id;   /* school_id 0: the municipality's own section */
	const char *base;             /* "/<m>/schools/<s>/" or "/<m>/" */
	const char *name;             /* the school's short name or the municipality's name */
	const char *key;              /* the URL's last placeholder, or NULL */
};

/* Fills `o` from rq (muni, school, args). Returns 0, or 500 out of memory. */
int content_owner(struct req *rq, struct owner *o);

struct page;

/* Starts page `tpl` titled «title — owner» with a crumb to the owner's section and
 * BASE, OWNER and CSRF set. Returns 0 or 500. */
int content_start(struct req *rq, struct page *p, const struct owner *o, const char *tpl,
		  const char *title);

/* The text id a URL key spells (digits only), or 0. */
int64_t content_id(const char *key);

/* Sets TITLE, DATE (news), ID and HTML (the Markdown rendered, # as h<level>) of
 * text `t` in `d`. Returns 0, or 500 out of memory. */
int content_fill(struct req *rq, struct tpl_dict *d, const struct section_text *t, int level);

/*
 * On a school's or a municipality's page: a CONTENT include (section_content.tpl)
 * with the three pages and the latest published posts. Returns 0 or 500.
 */
int content_section(struct req *rq, struct tpl_dict *body);

#endif
