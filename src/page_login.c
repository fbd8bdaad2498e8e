/*
 * page_login.c: the login form, logging in (argon2id, throttled per account and
 * per address), logging out, and the personal cabinet each role starts from.
 */
#include <string.h>
#include <time.h>

#include "arena.h"
#include "auth.h"
#include "db_audit.h"
#include "db_document.h"
#include "db_user.h"
#include "http.h"
#include "pages.h"
#include "render.h"
#include "session.h"
#include "tpl.h"
#include "valid.h"
#include "view.h"
#include "vocab.h"
#include "worker.h"

enum {
	THROTTLE_WINDOW = 15 * 60,
	THROTTLE_PER_LOGIN = 5,
	THROTTLE_PER_ADDR = 20,
};

enum login_field { LF_LOGIN, LF_PASSWORD, LF_NEXT, LF__MAX };

static const struct field login_fields[LF__MAX] = {
	{ "login",    V_TEXT, 1, 64,   NULL, 0, true },    /* LF_LOGIN */
	{ "password", V_TEXT, 1, 256,  NULL, 0, true },    /* LF_PASSWORD */
	{ "next",     V_TEXT, 0, 1024, NULL, 0, false },   /* LF_NEXT */
};

/* Where to go after logging in: a local path, else the cabinet. */
static const char *next_or_cabinet(const char *next)
{
	return view_local_path(next) ? next : "/cabinet/";
}

static int login_render(struct req *rq, struct resp *rs, int status, const char *login,
			const char *next, enum msg error)
{
	struct page p;

	if (render_start(rq, &p, "login.tpl", msg_v[MSG_LOGIN]) != 0)
		return 500;
	tpl_set_str(p.body, "CSRF", rq->csrf);
	tpl_set_str(p.body, "LOGIN", login);
	tpl_set_str(p.body, "NEXT", next);
	if (error != MSG__MAX)
		tpl_section_str(p.body, "ERROR", "MSG", msg_v[error]);
	return render_finish(rq, rs, &p) == 200 ? status : 500;
}

int login_page(struct req *rq, struct resp *rs)
{
	const char *next = http_param(rq, "next");

	if (rq->user)
		return http_redirect(rs, 303, next_or_cabinet(next));
	session_anon_csrf(rq, rs);
	return login_render(rq, rs, 200, "", view_local_path(next) ? next : "", MSG__MAX);
}

/* Records a failed attempt and its audit line in one transaction. */
static int login_failed(struct req *rq, const char *login, int64_t now)
{
	struct db *db = &rq->w->db;
	struct audit_event e = { .login = login, .addr = rq->addr, .action = "login_failed" };

	if (db_begin(db) != DB_OK || db_login_failure_add(db, login, rq->addr, now) != DB_OK ||
	    db_audit_add(db, &e) != DB_OK || db_commit(db) != DB_OK)
		return 500;
	return 0;
}

int login_post_page(struct req *rq, struct resp *rs)
{
	struct db *db = &rq->w->db;
	struct form f;
	struct user u;
	int64_t now = (int64_t)time(NULL);
	int by_login = 0, by_addr = 0, rc;

	if (!form_check(rq, login_fields, LF__MAX, &f))
		return login_render(rq, rs, 422, f.val[LF_LOGIN], f.val[LF_NEXT],
				    f.err[LF_LOGIN] != MSG__MAX ? f.err[LF_LOGIN] : f.err[LF_PASSWORD]);
	if (db_login_failures(db, f.val[LF_LOGIN], rq->addr, now - THROTTLE_WINDOW, &by_login,
			      &by_addr) != DB_OK)
		return 500;
	if (by_login >= THROTTLE_PER_LOGIN || by_addr >= THROTTLE_PER_ADDR)
		return login_render(rq, rs, 429, f.val[LF_LOGIN], f.val[LF_NEXT], MSG_THROTTLED);
	rc = db_user_by_login(db, rq->arena, f.val[LF_LOGIN], &u);
	if (rc == DB_ERR)
		return 500;
	/* an unknown login costs the same argon2id verification as a known one */
	if (!auth_password_ok(rc == DB_OK ? u.pass_hash : auth_dummy_hash(), f.val[LF_PASSWORD]) ||
	    rc != DB_OK || u.disabled) {
		if (login_failed(rq, f.val[LF_LOGIN], now) != 0)
			return 500;
		return login_render(rq, rs, 401, f.val[LF_LOGIN], f.val[LF_NEXT], MSG_BAD_LOGIN);
	}
	struct audit_event e = { .user_id = u.id, .login = u.login, .addr = rq->addr,
				 .action = "login", .school_id = u.school_id };

	if (db_begin(db) != DB_OK || session_start(rq, rs, &u) != 0 || db_audit_add(db, &e) != DB_OK ||
	    db_commit(db) != DB_OK)
		return 500;
	return http_redirect(rs, 303, next_or_cabinet(f.val[LF_NEXT]));
}

int logout_page(struct req *rq, struct resp *rs)
{
	struct db *db = &rq->w->db;
	struct audit_event e = { .user_id = rq->user->id, .login = rq->user->login,
				 .addr = rq->addr, .action = "logout" };

	if (db_begin(db) != DB_OK || session_end(rq, rs) != 0 || db_audit_add(db, &e) != DB_OK ||
	    db_commit(db) != DB_OK)
		return 500;
	return http_redirect(rs, 303, "/");
}

int cabinet_page(struct req *rq, struct resp *rs)
{
	struct user *u = rq->user;
	struct document *queue;
	size_t nqueue = 0;
	struct page p;

	if (strcmp(u->role, role_v[ROLE_SCHOOL].code) != 0 &&
	    db_document_queue(&rq->w->db, rq->arena, u, &queue, &nqueue) != DB_OK)
		return 500;
	if (render_start(rq, &p, "cabinet.tpl", msg_v[MSG_CABINET]) != 0)
		return 500;
	tpl_set_str(p.body, "NAME", u->name);
	tpl_set_str(p.body, "ROLE", VOCAB_LABEL(role_v, u->role));
	if (u->school_slug) {
		struct tpl_dict *d = tpl_section_add(p.body, "SCHOOL");

		tpl_set_str(d, "MUNI", u->municipality_slug);
		tpl_set_str(d, "SLUG", u->school_slug);
	} else {
		struct tpl_dict *d = tpl_section_add(p.body, "STAFF");

		tpl_set_int(d, "QUEUE", (long long)nqueue);
		if (u->municipality_slug)
			tpl_section_str(d, "MUNI", "SLUG", u->municipality_slug);
		else
			tpl_show(d, "REGION");
	}
	return render_finish(rq, rs, &p);
}
