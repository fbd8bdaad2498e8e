/*
 * content.c: the owner of a section's texts from the URL, one text filled for a
 * template (its Markdown rendered by md.c), and the texts on the section's page.
 */
#include "content.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db_content.h"
#include "db_municipality.h"
#include "db_school.h"
#include "http.h"
#include "md.h"
#include "render.h"
#include "tpl.h"
#include "view.h"
#include "vocab.h"
#include "worker.h"

enum { LATEST_NEWS = 3 };

int content_owner(struct req *rq, struct owner *o)
{
	o->muni_id = rq->muni->id;
	o->school_id = rq->school ? rq->school->id : 0;
	o->name = rq->school ? rq->school->short_name : rq->muni->name;
	o->key = rq->args[rq->school ? 2 : 1];
	o->base = rq->school ? arena_printf(rq->arena, "/%s/schools/%s/", rq->muni->slug, rq->school->slug)
			     : arena_printf(rq->arena, "/%s/", rq->muni->slug);
	return o->base ? 0 : 500;
}

int content_start(struct req *rq, struct page *p, const struct owner *o, const char *tpl,
		  const char *title)
{
	if (render_start(rq, p, tpl, arena_printf(rq->arena, "%s — %s", title, o->name)) != 0)
		return 500;
	render_crumb(p, o->base, o->name);
	tpl_set_str(p->body, "BASE", o->base);
	tpl_set_str(p->body, "OWNER", o->name);
	tpl_set_str(p->body, "CSRF", rq->csrf);
	return 0;
}

int64_t content_id(const char *key)
{
	char *end;
	long long id;

	if (!key || strlen(key) > 18)
		return 0;
	id = strtoll(key, &end, 10);
	return (*end || id <= 0) ? 0 : id;
}

int content_fill(struct req *rq, struct tpl_dict *d, const struct section_text *t, int level)
{
	struct tpl_html html;

	if (md_render(rq->arena, t->body, level, &html) != 0)
		return 500;
	tpl_set_int(d, "ID", t->id);
	tpl_set_str(d, "TITLE", *t->title ? t->title : VOCAB_LABEL(content_part_v, t->part));
	tpl_set_str(d, "PART", t->part);
	tpl_set_str(d, "LABEL", VOCAB_LABEL(content_part_v, t->part));
	tpl_section_str(d, "DATE", "TEXT", t->news_on);
	tpl_set_html(d, "HTML", &html);
	return 0;
}

int content_section(struct req *rq, struct tpl_dict *body)
{
	struct owner o;
	struct section_text *t;
	size_t n, news = 0;
	struct tpl_dict *c;

	if (content_owner(rq, &o) != 0 ||
	    db_content_list(&rq->w->db, rq->arena, o.muni_id, o.school_id, &t, &n) != DB_OK ||
	    !(c = tpl_include(body, "CONTENT", "section_content.tpl")))
		return 500;
	tpl_set_str(c, "BASE", o.base);
	for (size_t i = 0; i < n; i++) {
		bool post = strcmp(t[i].part, content_part_v[PART_NEWS].code) == 0;

		if ((post && (t[i].hidden || news++ >= LATEST_NEWS)) || (!post && !*t[i].body))
			continue;
		if (content_fill(rq, tpl_section_add(c, post ? "NEWS" : "PAGE"), &t[i], post ? 4 : 3) != 0)
			return 500;
	}
	if (news == 0)
		tpl_show(c, "NO_NEWS");
	else
		tpl_show(c, "ALL_NEWS");
	return 0;
}
