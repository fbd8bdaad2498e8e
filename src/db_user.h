/*
 * db_user.h: accounts, their roles and scope (school, curated schools,
 * municipality), sessions and failed logins. No HTTP, no templates, no crypto.
 */
#ifndef DB_USER_H
#define DB_USER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;

struct user {
	int64_t id, municipality_id, school_id;   /* 0 when not set */
	const char *login, *name, *role, *pass_hash;
	const char *municipality_slug, *school_slug;
	const char *email;                        /* NULL: no e-mail */
	bool disabled;
};

/* The account with `login` (case-insensitive). Returns DB_OK, DB_NOTFOUND or DB_ERR. */
int db_user_by_login(struct db *db, struct arena *a, const char *login, struct user *out);

/* Adds an account; ids of 0 are stored as NULL. Returns DB_OK or DB_ERR
 * (a duplicate login or a role/scope mismatch is refused by the schema). */
int db_user_add(struct db *db, const struct user *u, int64_t *id);

/* Returns DB_OK, DB_NOTFOUND or DB_ERR. */
int db_user_set_password(struct db *db, int64_t user_id, const char *hash);
int db_user_set_disabled(struct db *db, int64_t user_id, bool disabled);

/* Gives account `user_id` role `role` with municipality and school ids (0 stored
 * as NULL); the schema refuses a scope that does not fit the role. Curated schools
 * and sessions are the caller's (db_curator_clear, db_session_delete_user).
 * Returns DB_OK, DB_NOTFOUND or DB_ERR. */
int db_user_set_role(struct db *db, int64_t user_id, const char *role, int64_t municipality_id,
		     int64_t school_id);

/* All accounts by login. */
int db_user_list(struct db *db, struct arena *a, struct user **out, size_t *n);

/* Assigns a school to a curator. */
int db_curator_add(struct db *db, int64_t user_id, int64_t school_id);

/* Removes every school assignment of account `user_id` (none is fine). Returns DB_OK or DB_ERR. */
int db_curator_clear(struct db *db, int64_t user_id);

/* True when `u` may act on school `school_id` of municipality `muni_id`:
 * admin everywhere, coordinator in the municipality, curator on assigned
 * schools, school administrator on the own school. */
bool db_user_in_scope(struct db *db, const struct user *u, int64_t school_id, int64_t muni_id);

/* Sessions: `hash` is the SHA-256 of the cookie token (AUTH_HASH_LEN bytes). */
int db_session_add(struct db *db, const unsigned char *hash, int64_t user_id, const char *csrf,
		   int64_t now);

/* The live session's user and CSRF token: not idle since `idle_after`, not
 * created before `born_after`, user not disabled. *seen_at for throttled touching.
 * Returns DB_OK, DB_NOTFOUND or DB_ERR. */
int db_session_get(struct db *db, struct arena *a, const unsigned char *hash, int64_t idle_after,
		   int64_t born_after, struct user *u, const char **csrf, int64_t *seen_at);
int db_session_touch(struct db *db, const unsigned char *hash, int64_t now);
int db_session_delete(struct db *db, const unsigned char *hash);
int db_session_delete_user(struct db *db, int64_t user_id);

/* Failed logins, for throttling per account and per address. */
int db_login_failure_add(struct db *db, const char *login, const char *addr, int64_t now);
int db_login_failures(struct db *db, const char *login, const char *addr, int64_t since,
		      int *by_login, int *by_addr);

#endif
