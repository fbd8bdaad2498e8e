/*
 * admin_demo.h: the demo-users command of kachestvo-admin. No argument parsing
 * and no account logic of its own: accounts are made through admin_users.h.
 */
#ifndef ADMIN_DEMO_H
#define ADMIN_DEMO_H

#include "admin.h"

/*
 * Creates the demo accounts that do not exist yet, each with a random password,
 * and writes `path` (0600): login, password, role, scope, purpose per line. Lines
 * of accounts that already existed are kept from the old file ("-" as the password
 * when unknown). With every account present and the file there, changes nothing.
 * The file is written before the commit and renamed into place after it.
 * Returns 0 or EXIT_FAIL (message printed).
 */
int admin_demo_users(struct ctx *x, const char *path);

#endif
