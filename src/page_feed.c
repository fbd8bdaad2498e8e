/*
 * page_feed.c: Atom 1.0 feeds of a municipality and of a school: published
 * documents, confirmed roadmap work and news posts, newest first. Each kind of entry comes
 * from one source function in `sources`; a new kind (news) is one more function.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "config.h"
#include "db_feed.h"
#include "db_municipality.h"
#include "db_school.h"
#include "http.h"
#include "pages.h"
#include "tpl.h"
#include "vocab.h"
#include "worker.h"

enum { FEED_MAX = 50 };

struct feed_entry {
	const char *url;        /* the entry's page, also its Atom id (with a fragment when shared) */
	const char *title, *summary;
	int64_t updated;
};

/* Fills up to FEED_MAX entries of the municipality (school_id 0) or one school. */
typedef int (*feed_source_fn)(struct req *rq, int64_t school_id, struct feed_entry **out, size_t *n);

/* RFC 3339 in UTC. */
static const char *rfc3339(struct arena *a, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!gmtime_r(&tt, &tm))
		return NULL;
	return arena_printf(a, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
			    tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static int documents_source(struct req *rq, int64_t school_id, struct feed_entry **out, size_t *n)
{
	struct feed_row *r;

	if (db_feed_documents(&rq->w->db, rq->arena, rq->muni->id, school_id, FEED_MAX, &r, n) != DB_OK ||
	    !(*out = arena_alloc(rq->arena, (*n + 1) * sizeof **out)))
		return DB_ERR;
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = (struct feed_entry){
			.url = arena_printf(rq->arena, "%s/%s/schools/%s/docs/%lld/", cfg.base_url, r[i].muni_slug,
					    r[i].school_slug, (long long)r[i].id),
			.title = arena_printf(rq->arena, "%s: %s", mail_text_v[MT_FEED_DOC], r[i].title),
			.summary = arena_printf(rq->arena, "%s. %s (%s %d)", r[i].school_name,
						VOCAB_LABEL(doc_type_v, r[i].kind), mail_text_v[MT_VERSION], r[i].version),
			.updated = r[i].ts };
	return DB_OK;
}

static int confirmed_source(struct req *rq, int64_t school_id, struct feed_entry **out, size_t *n)
{
	struct feed_row *r;

	if (db_feed_confirmed(&rq->w->db, rq->arena, rq->muni->id, school_id, FEED_MAX, &r, n) != DB_OK ||
	    !(*out = arena_alloc(rq->arena, (*n + 1) * sizeof **out)))
		return DB_ERR;
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = (struct feed_entry){
			.url = arena_printf(rq->arena, "%s/%s/roadmap/items/%lld/#occurrence-%lld", cfg.base_url,
					    r[i].muni_slug, (long long)r[i].item_id, (long long)r[i].id),
			.title = arena_printf(rq->arena, "%s: %s", mail_text_v[MT_FEED_ITEM], r[i].title),
			.summary = r[i].school_name ? arena_printf(rq->arena, "%s%s%s", r[i].school_name,
								   r[i].kind ? ". " : "", r[i].kind ? r[i].kind : "")
						    : r[i].kind,
			.updated = r[i].ts };
	return DB_OK;
}

static int news_source(struct req *rq, int64_t school_id, struct feed_entry **out, size_t *n)
{
	struct feed_row *r;

	if (db_feed_news(&rq->w->db, rq->arena, rq->muni->id, school_id, FEED_MAX, &r, n) != DB_OK ||
	    !(*out = arena_alloc(rq->arena, (*n + 1) * sizeof **out)))
		return DB_ERR;
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = (struct feed_entry){
			.url = r[i].school_slug
				? arena_printf(rq->arena, "%s/%s/schools/%s/news/%lld/", cfg.base_url, r[i].muni_slug,
					       r[i].school_slug, (long long)r[i].id)
				: arena_printf(rq->arena, "%s/%s/news/%lld/", cfg.base_url, r[i].muni_slug, (long long)r[i].id),
			.title = arena_printf(rq->arena, "%s: %s", mail_text_v[MT_FEED_NEWS], r[i].title),
			.summary = arena_printf(rq->arena, "%s, %s", r[i].school_name, r[i].kind),
			.updated = r[i].ts };
	return DB_OK;
}

static const feed_source_fn sources[] = { documents_source, confirmed_source, news_source };

static int newest_first(const void *x, const void *y)
{
	const struct feed_entry *a = x, *b = y;

	return a->updated < b->updated ? 1 : a->updated > b->updated ? -1 : strcmp(a->url, b->url);
}

/* Collects every source's entries, newest first, at most FEED_MAX. */
static int feed_collect(struct req *rq, int64_t school_id, struct feed_entry **all, size_t *n)
{
	enum { NSRC = sizeof sources / sizeof sources[0] };
	struct feed_entry *part[NSRC];
	size_t len[NSRC], total = 0;

	for (size_t s = 0; s < NSRC; s++) {
		if (sources[s](rq, school_id, &part[s], &len[s]) != DB_OK)
			return DB_ERR;
		total += len[s];
	}
	if (!(*all = arena_alloc(rq->arena, (total + 1) * sizeof **all)))
		return DB_ERR;
	*n = 0;
	for (size_t s = 0; s < NSRC; s++)
		for (size_t i = 0; i < len[s]; i++)
			(*all)[(*n)++] = part[s][i];
	qsort(*all, *n, sizeof **all, newest_first);
	if (*n > FEED_MAX)
		*n = FEED_MAX;
	return DB_OK;
}

/* The feed of `page` ("/…/") titled `title`. */
static int feed_render(struct req *rq, struct resp *rs, int64_t school_id, const char *page, const char *title)
{
	struct feed_entry *e;
	size_t n;
	struct tpl_dict *d = tpl_dict_new(rq->arena);
	int64_t updated = rq->muni->updated_at;

	if (!d || feed_collect(rq, school_id, &e, &n) != DB_OK)
		return 500;
	for (size_t i = 0; i < n; i++) {
		struct tpl_dict *it = tpl_section_add(d, "ENTRY");

		if (e[i].updated > updated)
			updated = e[i].updated;
		tpl_set_str(it, "URL", e[i].url);
		tpl_set_str(it, "TITLE", e[i].title);
		tpl_set_str(it, "SUMMARY", e[i].summary);
		tpl_set_str(it, "UPDATED", rfc3339(rq->arena, e[i].updated));
	}
	tpl_set_str(d, "PAGE", arena_printf(rq->arena, "%s%s", cfg.base_url, page));
	tpl_set_str(d, "SELF", arena_printf(rq->arena, "%s%sfeed.atom", cfg.base_url, page));
	tpl_set_str(d, "TITLE", title);
	tpl_set_str(d, "AUTHOR", rq->muni->authority);
	tpl_set_str(d, "UPDATED", rfc3339(rq->arena, updated));
	rs->content_type = "application/atom+xml; charset=utf-8";
	return tpl_expand("feed.xml.tpl", d, &rs->body) == TPL_OK && !rs->body.err ? 200 : 500;
}

int muni_feed_page(struct req *rq, struct resp *rs)
{
	return feed_render(rq, rs, 0, arena_printf(rq->arena, "/%s/", rq->muni->slug),
			   arena_printf(rq->arena, "%s — %s", mail_text_v[MT_FEED_MUNI], rq->muni->name));
}

int school_feed_page(struct req *rq, struct resp *rs)
{
	return feed_render(rq, rs, rq->school->id,
			   arena_printf(rq->arena, "/%s/schools/%s/", rq->muni->slug, rq->school->slug),
			   arena_printf(rq->arena, "%s — %s, %s", mail_text_v[MT_FEED_MUNI], rq->school->short_name,
					rq->muni->name));
}
