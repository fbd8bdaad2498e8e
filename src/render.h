/*
 * render.h: a page is a body template inside layout.tpl. Handlers fill the body
 * dictionary; render_finish() expands both into the response. Error pages too.
 */
#ifndef RENDER_H
#define RENDER_H

struct req;
struct resp;
struct tpl_dict;

struct page {
	struct tpl_dict *root;   /* layout.tpl */
	struct tpl_dict *body;   /* the page's own template */
};

/* Starts a page with body template `tpl` and <title> `title`.
 * Returns 0, or 500 when out of memory. */
int render_start(struct req *rq, struct page *p, const char *tpl, const char *title);

/* Adds a breadcrumb link before the current page (in order, outermost first). */
void render_crumb(struct page *p, const char *url, const char *label);

/* Links the page's Atom feed at `url` (path) in the head, titled after `label`,
 * and shows the body's FEED section with URL. */
void render_feed(struct page *p, const char *url, const char *label);

/* Expands the page into rs->body. Returns 200, or 500 (logged). */
int render_finish(struct req *rq, struct resp *rs, struct page *p);

/* Replaces the response with the error page for `status` (Russian message,
 * request id); a constant page if even that cannot be rendered. */
void render_error(struct req *rq, struct resp *rs, int status);

/* The same page with a specific message instead of the status's. */
void render_message(struct req *rq, struct resp *rs, int status, const char *message);

#endif
