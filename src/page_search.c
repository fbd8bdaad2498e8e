/*
 * page_search.c: /search?q=…&muni=…&kind=…&page=…: full-text search over what the
 * visitor may see, grouped by kind with counts; one kind is paginated. The words
 * found are marked by the index with \x01…\x02 and become separate template parts,
 * so the text is escaped by the template and never holds markup of its own.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "db_municipality.h"
#include "db_search.h"
#include "http.h"
#include "pages.h"
#include "render.h"
#include "tpl.h"
#include "view.h"
#include "vocab.h"
#include "worker.h"

enum { GROUP_TOP = 5, PER_PAGE = 20, PAGE_MAX = 1000 };

struct search_form {
	const char *q;                      /* as typed ("" when absent) */
	const char *muni_slug, *kind_code;  /* NULL: all */
	enum search_kind kind;              /* SK__MAX: every kind, the top of each */
	long page;
	struct search_query query;
	const char *link;                   /* "q=…&muni=…" for the links of the page */
};

static const char *param_set(const struct req *rq, const char *name)
{
	const char *v = http_param(rq, name);

	return v && *v ? v : NULL;
}

/* Reads and checks the parameters; 400 for an unknown municipality, kind or page. */
static int form_parse(struct req *rq, struct search_form *f, struct municipality *m)
{
	const char *page = param_set(rq, "page");
	char tail;
	struct buf b;

	memset(f, 0, sizeof *f);
	f->q = http_param(rq, "q") ? http_param(rq, "q") : "";
	f->muni_slug = param_set(rq, "muni");
	f->kind_code = param_set(rq, "kind");
	f->kind = f->kind_code ? (enum search_kind)VOCAB_FIND(search_kind_v, f->kind_code) : SK__MAX;
	f->page = 1;
	if (f->kind_code && f->kind == SK__MAX)
		return 400;
	if (page && (sscanf(page, "%ld%c", &f->page, &tail) != 1 || f->page < 1 || f->page > PAGE_MAX))
		return 400;
	if (f->muni_slug) {
		int rc = db_municipality_by_slug(&rq->w->db, rq->arena, f->muni_slug, m);

		if (rc != DB_OK)
			return rc == DB_NOTFOUND ? 400 : 500;
		f->query.municipality_id = m->id;
	}
	f->query.match = db_search_match(rq->arena, f->q);
	f->query.user = rq->user;
	buf_init(&b, rq->arena, HTTP_QUERY_MAX * 3 + 64);
	buf_printf(&b, "q=%s", view_url_arg(rq->arena, f->q));
	if (f->muni_slug)
		buf_printf(&b, "&muni=%s", f->muni_slug);
	f->link = b.err ? "" : b.data;
	return 0;
}

/* Adds `text` to d as repetitions of PART, each with a PLAIN or a MARK section. */
static void marked_text(struct arena *a, struct tpl_dict *d, const char *text)
{
	bool marked = false;

	while (text && *text) {
		size_t n = strcspn(text, "\x01\x02");

		if (n)
			tpl_section_str(tpl_section_add(d, "PART"), marked ? "MARK" : "PLAIN", "TEXT",
					arena_strndup(a, text, n));
		text += n;
		if (*text)
			marked = *text++ == '\x01';
	}
}

/* One group of results: heading, count, hits; `all` links to the whole kind. */
static int group_fill(struct req *rq, struct page *p, const struct search_form *f, enum search_kind k,
		      long long count, bool capped, long limit, long offset, bool all)
{
	struct tpl_dict *g = tpl_section_add(p->body, "GROUP");
	struct search_hit *h;
	size_t n;

	if (db_search_hits(&rq->w->db, rq->arena, &f->query, k, capped, limit, offset, &h, &n) != DB_OK)
		return 500;
	tpl_set_str(g, "KIND", search_kind_v[k].code);
	tpl_set_str(g, "LABEL", search_kind_v[k].label);
	tpl_set_int(g, "COUNT", count);
	for (size_t i = 0; i < n; i++) {
		struct tpl_dict *d = tpl_section_add(g, "HIT");

		tpl_set_str(d, "URL", h[i].url);
		tpl_set_str(d, "META", h[i].meta);
		marked_text(rq->arena, tpl_section_add(d, "TITLE"), h[i].title);
		if (h[i].snippet && strchr(h[i].snippet, '\x01'))
			marked_text(rq->arena, tpl_section_add(d, "SNIPPET"), h[i].snippet);
		if (!h[i].public_)
			tpl_show(d, "PRIVATE");
	}
	if (all && count > (long long)n) {
		struct tpl_dict *m = tpl_section_add(g, "MORE");

		tpl_set_str(m, "LINK", f->link);
		tpl_set_str(m, "KIND", search_kind_v[k].code);
		tpl_set_int(m, "COUNT", count);
	}
	return 0;
}

/* Previous and next pages of one kind. */
static void pager_fill(struct page *p, const struct search_form *f, long long count)
{
	long pages = (long)((count + PER_PAGE - 1) / PER_PAGE);
	struct tpl_dict *d;

	if (pages <= 1)
		return;
	d = tpl_section_add(p->body, "PAGER");
	tpl_set_int(d, "PAGE", f->page);
	tpl_set_int(d, "PAGES", pages);
	if (f->page > 1) {
		struct tpl_dict *x = tpl_section_add(d, "PREV");

		tpl_set_str(x, "LINK", f->link);
		tpl_set_str(x, "KIND", f->kind_code);
		tpl_set_int(x, "N", f->page - 1);
	}
	if (f->page < pages) {
		struct tpl_dict *x = tpl_section_add(d, "NEXT");

		tpl_set_str(x, "LINK", f->link);
		tpl_set_str(x, "KIND", f->kind_code);
		tpl_set_int(x, "N", f->page + 1);
	}
}

/* The form: the words, the municipality and the kind as chosen. */
static int form_fill(struct req *rq, struct page *p, const struct search_form *f)
{
	struct municipality *m;
	size_t n;

	if (db_municipality_list(&rq->w->db, rq->arena, &m, &n) != DB_OK)
		return 500;
	tpl_set_str(p->body, "Q", f->q);
	for (size_t i = 0; i < n; i++) {
		struct tpl_dict *d = tpl_section_add(p->body, "MUNI_OPTION");

		tpl_set_str(d, "SLUG", m[i].slug);
		tpl_set_str(d, "NAME", m[i].name);
		if (f->muni_slug && strcmp(f->muni_slug, m[i].slug) == 0)
			tpl_show(d, "SELECTED");
	}
	for (size_t k = 0; k < SK__MAX; k++) {
		struct tpl_dict *d = tpl_section_add(p->body, "KIND_OPTION");

		tpl_set_str(d, "CODE", search_kind_v[k].code);
		tpl_set_str(d, "LABEL", search_kind_v[k].label);
		if (f->kind == (enum search_kind)k)
			tpl_show(d, "SELECTED");
	}
	return 0;
}

int search_page(struct req *rq, struct resp *rs)
{
	struct search_form f;
	struct municipality m;
	struct page p;
	long long counts[SK__MAX], total = 0;
	bool capped;
	int rc;

	if ((rc = form_parse(rq, &f, &m)) != 0)
		return rc;
	if (render_start(rq, &p, "search.tpl", msg_v[MSG_SEARCH]) != 0 || form_fill(rq, &p, &f) != 0)
		return 500;
	if (!f.query.match) {
		tpl_show(p.body, *f.q ? "NO_WORDS" : "EMPTY");
		return render_finish(rq, rs, &p);
	}
	if (db_search_counts(&rq->w->db, &f.query, counts, &capped) != DB_OK)
		return 500;
	tpl_show(p.body, "RESULTS");
	for (size_t k = 0; k < SK__MAX; k++) {
		struct tpl_dict *d = tpl_section_add(p.body, "COUNT");

		total += counts[k];
		tpl_set_str(d, "LABEL", search_kind_v[k].label);
		tpl_set_int(d, "N", counts[k]);
		tpl_set_str(d, "LINK", f.link);
		tpl_set_str(d, "KIND", search_kind_v[k].code);
	}
	tpl_set_int(p.body, "TOTAL", total);
	if (capped) {
		tpl_set_int(p.body, "CAP", SEARCH_COUNT_CAP);
		tpl_show(p.body, "CAPPED");
	} else
		tpl_show(p.body, "EXACT");
	if (total == 0)
		tpl_show(p.body, "NOTHING");
	else if (f.kind == SK__MAX) {
		for (size_t k = 0; k < SK__MAX; k++)
			if (counts[k] && group_fill(rq, &p, &f, (enum search_kind)k, counts[k], capped, GROUP_TOP, 0, true) != 0)
				return 500;
	} else {
		if (group_fill(rq, &p, &f, f.kind, counts[f.kind], capped, PER_PAGE, (f.page - 1) * PER_PAGE, false) != 0)
			return 500;
		pager_fill(&p, &f, counts[f.kind]);
	}
	return render_finish(rq, rs, &p);
}
