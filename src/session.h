/*
 * session.h: who is making the request: the session cookie "sid" (a random
 * token whose SHA-256 is stored), its CSRF token, login and logout. Anonymous
 * forms (the login form) use the "lcsrf" cookie as their CSRF token.
 */
#ifndef SESSION_H
#define SESSION_H

struct req;
struct resp;
struct user;

enum {
	SESSION_IDLE = 2 * 3600,      /* seconds without a request before a session ends */
	SESSION_MAX = 12 * 3600,      /* seconds after login when it ends anyway */
	SESSION_TOUCH = 60,           /* seen_at is written at most this often */
};

/* Sets rq->user and rq->csrf from the cookies. Returns 0, or 503 on a database
 * error. Runs before the page's read transaction (it may record a touch). */
int session_load(struct req *rq);

/* Makes sure an anonymous visitor has a CSRF token for the login form. */
void session_anon_csrf(struct req *rq, struct resp *rs);

/* Starts a session for user `u`: stores it and sets the cookie. The caller
 * owns the transaction. Returns 0 or 500. */
int session_start(struct req *rq, struct resp *rs, const struct user *u);

/* Ends the current session: deletes it and clears the cookie. Returns 0 or 500. */
int session_end(struct req *rq, struct resp *rs);

#endif
