/*
 * admin.h: what the parts of kachestvo-admin share: exit codes, the run context,
 * an account as asked for, and the error message. No statements, no parsing and
 * no account logic here; the commands are in admin_users.h and admin_demo.h.
 */
#ifndef ADMIN_H
#define ADMIN_H

#include "arena.h"
#include "db.h"

enum { EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* An account as asked for on the command line or in the demo table. */
struct new_user {
	const char *login, *name, *role;
	const char *school;         /* MUNI/SCHOOL */
	const char *municipality;   /* MUNI */
	const char *schools;        /* MUNI/S1,MUNI/S2 */
};

/* One run of the command: the database, an arena for everything it reads. */
struct ctx {
	struct db db;
	struct arena a;
	char addr[80];              /* "cli:<unix user>": where a change came from, for the audit */
};

/* Prints "kachestvo-admin: <message>" and a newline to stderr. */
void admin_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
