/*
 * admin_users.h: the `user` commands of kachestvo-admin (add, passwd, disable,
 * enable, list, role) and the account steps demo-users shares with `user add`.
 * No argument parsing: callers pass options already checked by admin.c.
 */
#ifndef ADMIN_USERS_H
#define ADMIN_USERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "admin.h"
#include "auth.h"
#include "db_user.h"

/* An account ready to insert: scope resolved, password hashed. */
struct account {
	struct user u;
	int64_t *curated;
	size_t ncurated;
	const char *scope;          /* "ust-ilimsk/sosh-5", "ust-ilimsk: sosh-5,sosh-7", "*" */
	char hash[crypto_pwhash_STRBYTES];
};

/*
 * The commands. Each reads what it needs, makes its change and its audit row in
 * one transaction and prints the outcome on stdout.
 * Return 0 or EXIT_FAIL (message printed; nothing changed).
 */

/* `user add`: a new account with e-mail address `email` (NULL: none), its password from stdin. */
int admin_users_add(struct ctx *x, const struct new_user *nu, const char *email);
/* `user passwd`: a new password from stdin; ends the account's sessions. */
int admin_users_passwd(struct ctx *x, const char *login);
/* `user disable` (ends the sessions) and `user enable`; harmless when already so. */
int admin_users_set_disabled(struct ctx *x, const char *login, bool disabled);
/* `user list`: a table of every account with its role, scope and disabled flag. */
int admin_users_list(struct ctx *x);
/* `user role`: nu->login gets role nu->role and the scope of nu's options (resolved
 * as for `user add`), its curated schools are replaced and its sessions ended so the
 * new rights apply at the next login; audit action role_change. nu->name is unused. */
int admin_users_role(struct ctx *x, const struct new_user *nu);

/* Checks that nu->login does not exist yet and resolves nu's scope into `acc`
 * (strings and the curated ids in x->a). Returns 0 or EXIT_FAIL (message printed). */
int admin_users_prepare(struct ctx *x, const struct new_user *nu, struct account *acc);

/* Hashes `password` into acc (outside any transaction: argon2id takes a while).
 * Returns 0 or EXIT_FAIL (message printed). */
int admin_users_hash(struct account *acc, const char *password);

/* Inserts a prepared account, its curated schools and its user_add audit row.
 * The caller owns the transaction. Returns DB_OK or DB_ERR. */
int admin_users_insert(struct ctx *x, struct account *acc);

/* The scope of a stored account as `user list` and the demo file show it
 * ("*", "MUNI/SCHOOL", "MUNI: S1,S2" or "MUNI"), in x->a; NULL on a database error. */
const char *admin_users_scope(struct ctx *x, const struct user *u);

#endif
