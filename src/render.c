/*
 * render.c: layout + body expansion into the buffered response, breadcrumbs,
 * and error pages. The only HTML in C is the last-resort page below.
 */
#include "render.h"

#include <stdio.h>

#include "arena.h"
#include "db_user.h"
#include "http.h"
#include "log.h"
#include "tpl.h"
#include "view.h"
#include "vocab.h"

int render_start(struct req *rq, struct page *p, const char *tpl, const char *title)
{
	if (!(p->root = tpl_dict_new(rq->arena)))
		return 500;
	tpl_set_str(p->root, "TITLE", title);
	tpl_set_str(p->root, "SITE", msg_v[MSG_SITE]);
	tpl_set_str(p->root, "BACK", view_url_arg(rq->arena, rq->path));
	tpl_show(p->root, rq->vi ? "VI_ON" : "VI_OFF");
	if (rq->path[1] != '\0')
		tpl_show(p->root, "CRUMBS");   /* the front page is the root of the crumbs */
	if (rq->user) {
		struct tpl_dict *u = tpl_section_add(p->root, "USER");

		tpl_set_str(u, "NAME", rq->user->name);
		tpl_set_str(u, "CSRF", rq->csrf);
	} else
		tpl_show(p->root, "ANON");
	p->body = tpl_include(p->root, "BODY", tpl);
	return 0;
}

void render_crumb(struct page *p, const char *url, const char *label)
{
	struct tpl_dict *c = tpl_section_add(p->root, "CRUMB");

	tpl_set_str(c, "URL", url);
	tpl_set_str(c, "LABEL", label);
}

void render_feed(struct page *p, const char *url, const char *label)
{
	struct tpl_dict *f = tpl_section_add(p->root, "FEED");

	tpl_set_str(f, "URL", url);
	tpl_set_str(f, "LABEL", label);
	tpl_section_str(p->body, "FEED", "URL", url);
}

int render_finish(struct req *rq, struct resp *rs, struct page *p)
{
	buf_clear(&rs->body);
	if (tpl_expand("layout.tpl", p->root, &rs->body) != TPL_OK) {
		log_event(LOG_ERR, rq->id, "render", "expansion failed for %s", rq->path);
		buf_clear(&rs->body);
		return 500;
	}
	return 200;
}

/* Used when even the error template cannot be expanded (out of memory). */
static void render_last_resort(struct req *rq, struct resp *rs)
{
	rs->status = 500;
	buf_clear(&rs->body);
	buf_printf(&rs->body,
		   "<!DOCTYPE html><html lang=\"ru\"><meta charset=\"utf-8\">"
		   "<title>Внутренняя ошибка</title><h1>Внутренняя ошибка</h1>"
		   "<p>Номер запроса: %.32s</p></html>", rq->id);
}

void render_error(struct req *rq, struct resp *rs, int status)
{
	render_message(rq, rs, status, msg_for_status(status));
}

void render_message(struct req *rq, struct resp *rs, int status, const char *message)
{
	struct page p;

	rs->status = status;
	rs->content_type = "text/html; charset=utf-8";
	if (status >= 500)
		log_event(LOG_ERR, rq->id, "http", "%d for %s %s", status, rq->method_name, rq->path);
	if (render_start(rq, &p, "error.tpl", message) != 0 || !p.body) {
		render_last_resort(rq, rs);
		return;
	}
	tpl_set_str(p.body, "MESSAGE", message);
	tpl_set_int(p.body, "STATUS", status);
	tpl_set_str(p.body, "REQUEST_ID", rq->id);
	tpl_show(p.body, status == 404 ? "NOT_FOUND" : status >= 500 ? "SERVER" : "CLIENT");
	if (render_finish(rq, rs, &p) != 200)
		render_last_resort(rq, rs);
}
