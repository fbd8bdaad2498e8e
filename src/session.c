/*
 * session.c: cookies to users and back. Tokens come from auth.c, rows from
 * db_user.c; the cookie is HttpOnly, SameSite=Lax, Secure behind HTTPS.
 */
#include "session.h"

#include <string.h>
#include <time.h>

#include "arena.h"
#include "auth.h"
#include "db_user.h"
#include "http.h"
#include "worker.h"

static void set_cookie(struct req *rq, struct resp *rs, const char *name, const char *value,
		       long max_age, const char *same_site)
{
	http_header(rs, "Set-Cookie",
		    arena_printf(rq->arena, "%s=%s; Path=/; Max-Age=%ld; HttpOnly; SameSite=%s%s",
				 name, value, max_age, same_site, rq->https ? "; Secure" : ""));
}

int session_load(struct req *rq)
{
	char token[AUTH_TOKEN_LEN + 2], lcsrf[AUTH_TOKEN_LEN + 2];
	struct db *db = &rq->w->db;
	struct user *u;
	const char *csrf;
	int64_t now = (int64_t)time(NULL), seen_at;
	int rc;

	rq->user = NULL;
	rq->csrf = NULL;
	if (http_cookie(rq->cookies, "lcsrf", lcsrf, sizeof lcsrf) && strlen(lcsrf) == AUTH_TOKEN_LEN)
		rq->csrf = arena_strdup(rq->arena, lcsrf);
	if (!http_cookie(rq->cookies, "sid", token, sizeof token) || strlen(token) != AUTH_TOKEN_LEN)
		return 0;
	if (!(u = arena_alloc(rq->arena, sizeof *u)))
		return 503;
	auth_token_hash(token, rq->session_hash);
	rc = db_session_get(db, rq->arena, rq->session_hash, now - SESSION_IDLE, now - SESSION_MAX,
			    u, &csrf, &seen_at);
	if (rc == DB_NOTFOUND)
		return 0;
	if (rc != DB_OK)
		return 503;
	rq->user = u;
	rq->csrf = csrf;
	if (seen_at < now - SESSION_TOUCH) {
		db_set_writable(db, true);
		db_session_touch(db, rq->session_hash, now);
		db_set_writable(db, false);
	}
	return 0;
}

void session_anon_csrf(struct req *rq, struct resp *rs)
{
	char token[AUTH_TOKEN_LEN + 1];

	if (rq->csrf)
		return;
	auth_token_new(token);
	rq->csrf = arena_strdup(rq->arena, token);
	set_cookie(rq, rs, "lcsrf", token, SESSION_MAX, "Strict");
}

int session_start(struct req *rq, struct resp *rs, const struct user *u)
{
	char token[AUTH_TOKEN_LEN + 1], csrf[AUTH_TOKEN_LEN + 1];
	unsigned char hash[AUTH_HASH_LEN];

	auth_token_new(token);
	auth_token_new(csrf);
	auth_token_hash(token, hash);
	if (db_session_add(&rq->w->db, hash, u->id, csrf, (int64_t)time(NULL)) != DB_OK)
		return 500;
	set_cookie(rq, rs, "sid", token, SESSION_MAX, "Lax");
	set_cookie(rq, rs, "lcsrf", "", 0, "Strict");
	return 0;
}

int session_end(struct req *rq, struct resp *rs)
{
	if (rq->user && db_session_delete(&rq->w->db, rq->session_hash) == DB_ERR)
		return 500;
	set_cookie(rq, rs, "sid", "", 0, "Lax");
	return 0;
}
