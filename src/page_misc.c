/*
 * page_misc.c: /healthz for the launcher and monitoring, and the switch to and
 * from the version for the visually impaired (a cookie, then back to the page).
 */
#include <string.h>

#include "http.h"
#include "pages.h"
#include "view.h"
#include "worker.h"

int healthz_page(struct req *rq, struct resp *rs)
{
	if (db_health(&rq->w->db) != DB_OK)
		return 503;
	rs->content_type = "text/plain; charset=utf-8";
	buf_puts(&rs->body, "ok\n");
	return 200;
}

/* Sets or clears the vi cookie and returns to `back` when it is a local path. */
static int vi_switch(struct req *rq, struct resp *rs, bool on)
{
	const char *back = http_param(rq, "back");

	http_header(rs, "Set-Cookie", on ? "vi=1; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly"
					 : "vi=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly");
	if (!view_local_path(back))
		back = "/";
	return http_redirect(rs, 303, view_url_arg(rq->arena, back));
}

int vi_on_page(struct req *rq, struct resp *rs)
{
	return vi_switch(rq, rs, true);
}

int vi_off_page(struct req *rq, struct resp *rs)
{
	return vi_switch(rq, rs, false);
}
