/*
 * page_news.c: the public news of a school (/<m>/schools/<s>/news/) or of a
 * municipality (/<m>/news/): every published post, newest first, and one post
 * with the documents it names. Unpublished posts answer 404.
 */
#include <string.h>

#include "arena.h"
#include "content.h"
#include "db_content.h"
#include "db_document.h"
#include "http.h"
#include "pages.h"
#include "render.h"
#include "tpl.h"
#include "vocab.h"
#include "worker.h"

int news_list_page(struct req *rq, struct resp *rs)
{
	struct owner o;
	struct section_text *t;
	size_t n, shown = 0;
	struct page p;

	if (content_owner(rq, &o) != 0 ||
	    db_content_list(&rq->w->db, rq->arena, o.muni_id, o.school_id, &t, &n) != DB_OK ||
	    content_start(rq, &p, &o, "news.tpl", msg_v[MSG_NEWS]) != 0)
		return 500;
	tpl_show(p.body, "LIST");
	for (size_t i = 0; i < n; i++) {
		if (strcmp(t[i].part, content_part_v[PART_NEWS].code) != 0 || t[i].hidden)
			continue;
		if (content_fill(rq, tpl_section_add(p.body, "POST"), &t[i], 3) != 0)
			return 500;
		shown++;
	}
	if (shown == 0)
		tpl_show(p.body, "NO_NEWS");
	return render_finish(rq, rs, &p);
}

/* The published documents post `id` names, as links. */
static int fill_docs(struct req *rq, struct tpl_dict *d, int64_t id)
{
	int64_t *ids;
	size_t n;

	if (db_content_docs(&rq->w->db, rq->arena, id, &ids, &n) != DB_OK)
		return 500;
	for (size_t i = 0; i < n; i++) {
		struct document doc;
		int rc = db_document_get(&rq->w->db, rq->arena, ids[i], &doc);

		if (rc == DB_ERR)
			return 500;
		if (rc != DB_OK || strcmp(doc.status, "published") != 0)
			continue;   /* superseded since: the post keeps only what the public may open */
		struct tpl_dict *l = tpl_section_add(d, "DOC");

		tpl_set_int(l, "ID", doc.id);
		tpl_set_str(l, "TITLE", arena_printf(rq->arena, "%s: %s", VOCAB_LABEL(doc_type_v, doc.type),
						     doc.title));
	}
	return 0;
}

int news_post_page(struct req *rq, struct resp *rs)
{
	struct owner o;
	struct section_text t;
	struct page p;
	int64_t id;

	if (content_owner(rq, &o) != 0)
		return 500;
	if (!(id = content_id(o.key)))
		return 404;
	switch (db_content_get(&rq->w->db, rq->arena, o.muni_id, o.school_id, id, &t)) {
	case DB_OK: break;
	case DB_NOTFOUND: return 404;
	default: return 500;
	}
	if (strcmp(t.part, content_part_v[PART_NEWS].code) != 0 || t.hidden)
		return 404;
	if (content_start(rq, &p, &o, "news.tpl", t.title) != 0)
		return 500;
	render_crumb(&p, arena_printf(rq->arena, "%snews/", o.base), msg_v[MSG_NEWS]);
	struct tpl_dict *d = tpl_section_add(p.body, "ONE");

	if (content_fill(rq, d, &t, 2) != 0 || fill_docs(rq, d, t.id) != 0)
		return 500;
	return render_finish(rq, rs, &p);
}
